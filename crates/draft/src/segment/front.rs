//! The masthead of a document (everything before the enacting formula): symbol, session,
//! agenda item, adoption date, title, sponsors.

use super::blocks::Block;
use super::lines::is_symbol;
use super::words::{find_date, session};
use crate::model::{Body, FrontMatter, Span};

/// Reads the front matter from the blocks before the enacting formula.
pub(crate) fn read(blocks: &[Block], body: Option<Body>) -> FrontMatter {
    let mut meta = FrontMatter {
        body,
        ..FrontMatter::default()
    };
    for (i, block) in blocks.iter().enumerate() {
        for line in &block.lines {
            read_line(&mut meta, line);
        }
        read_block(&mut meta, block, blocks.get(i + 1));
    }
    if let (Some(first), Some(last)) = (blocks.first(), blocks.last()) {
        meta.span = Some(Span::new(first.span.start, last.span.end));
    }
    if meta.body.is_none() {
        meta.body = meta.symbol.as_deref().and_then(body_of_symbol);
    }
    meta
}

fn read_line(meta: &mut FrontMatter, line: &str) {
    if meta.symbol.is_none() && is_symbol(line) {
        meta.symbol = Some(line.trim().to_string());
    }
    if meta.session.is_none() {
        meta.session = session(line);
    }
    if meta.agenda_item.is_none() {
        let item = line
            .strip_prefix("Agenda items ")
            .or_else(|| line.strip_prefix("Agenda item "));
        meta.agenda_item = item.map(|s| s.trim().to_string());
    }
}

fn read_block(meta: &mut FrontMatter, block: &Block, next: Option<&Block>) {
    let text = block.text.as_str();
    let lower = text.to_lowercase();
    let adoption = lower.starts_with("resolution adopted by") || lower.starts_with("adopted by");
    if meta.adopted.is_none() && adoption {
        meta.adopted = find_date(text);
    }
    if meta.title.is_none() {
        if let Some((number, title)) = numbered_title(text) {
            meta.title = Some(title.to_string());
            if meta.symbol.is_none() {
                meta.symbol = symbol_of_number(number, meta.body);
            }
        } else if let Some(sponsors) = draft_heading(text) {
            meta.sponsors = sponsors;
            meta.title = next.map(|b| b.text.clone());
        }
    }
    if meta.symbol.is_none() {
        meta.symbol = sc_symbol(text);
    }
}

/// "78/100. Dissemination of information" -> ("78/100", "Dissemination of information");
/// also "13 (III). Co-ordination Committee", "2024/13. Assessment", "S-27/2. A world fit".
fn numbered_title(text: &str) -> Option<(&str, &str)> {
    let (number, title) = text.split_once(". ")?;
    let ok = number.len() <= 14
        && number
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == 'S' || c == 'E')
        && number.chars().any(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-() ".contains(c))
        && (number.contains('/') || number.contains('('));
    let title = title.trim();
    (ok && !title.is_empty()).then_some((number, title))
}

/// "Italy and Turkmenistan:* draft resolution" -> the sponsors.
fn draft_heading(text: &str) -> Option<Vec<String>> {
    let (who, what) = text.rsplit_once(':')?;
    let what = what.trim_start_matches('*').trim().to_lowercase();
    if !what.starts_with("draft resolution") && !what.starts_with("draft decision") {
        return None;
    }
    Some(sponsors(who.trim_end_matches('*')))
}

/// A lone sponsor who speaks for a group says so in a starred note ("Iraq:* draft
/// resolution" … "* On behalf of the States that are members of the Group of 77 and China"):
/// the sponsor becomes "Iraq (on behalf of the Group of 77 and China)". With several sponsors
/// the note cannot be tied to one of them (its mark is gone) and nothing changes.
pub(crate) fn name_group(meta: &mut FrontMatter, notes: &[crate::model::Footnote]) {
    let [sponsor] = meta.sponsors.as_mut_slice() else {
        return;
    };
    if sponsor.contains("on behalf of") {
        return;
    }
    let group = notes
        .iter()
        .filter(|n| n.label.starts_with('*'))
        .find_map(|n| group_of(&n.text));
    if let Some(group) = group {
        *sponsor = format!("{sponsor} (on behalf of {group})");
    }
}

/// "On behalf of the States Members of the United Nations that are members of the European
/// Union." -> "the European Union"; "On behalf of the Group of Arab States, …" -> "the Group of
/// Arab States". `None` when the note does not say on whose behalf.
pub(crate) fn group_of(note: &str) -> Option<String> {
    let lower = note.to_lowercase();
    let at = lower.find("on behalf of ")? + "on behalf of ".len();
    let mut group = &note[at..];
    if let Some(m) = group.find("members of the ") {
        // "the States [Members of the United Nations] that are members of THE GROUP"
        group = &group[m + "members of ".len()..];
    }
    let end = group.find([',', ';', '.']).unwrap_or(group.len());
    let group = group[..end].trim();
    (!group.is_empty()).then(|| group.to_string())
}

/// Names of States whose own name contains "and", kept whole when a list is split.
const AND_NAMES: &[&str] = &[
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
];

/// Splits "A, B (on behalf of X and Y) and C" at commas and "and" outside parentheses,
/// keeping names such as "Trinidad and Tobago" whole.
pub(crate) fn sponsors(list: &str) -> Vec<String> {
    // A character that cannot occur in a list stands in for the protected "and".
    const GLUE: &str = "\u{1}";
    let mut protected = list.to_string();
    for name in AND_NAMES {
        protected = protected.replace(name, &name.replace(" and ", GLUE));
    }
    let mut names = Vec::new();
    let (mut depth, mut current) = (0i32, String::new());
    for (i, c) in protected.char_indices() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        let and = depth == 0 && protected[i..].starts_with(" and ");
        if depth == 0 && (c == ',' || c == ';') || and {
            names.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    names.push(current);
    names
        .into_iter()
        .map(|n| {
            n.replace(GLUE, " and ")
                .trim()
                .trim_start_matches("and ")
                .trim()
                .to_string()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// The symbol of a resolution from its number and organ: "78/100" -> "A/RES/78/100".
fn symbol_of_number(number: &str, body: Option<Body>) -> Option<String> {
    // A Security Council resolution's number alone lacks its year: "1325 (2000)".
    let body = body.filter(|b| *b != Body::SecurityCouncil)?;
    Some(format!("{}{}", body.resolution_prefix(), number.trim()))
}

/// "Resolution 1889 (2009)" -> "S/RES/1889 (2009)".
fn sc_symbol(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Resolution ")?;
    let (n, year) = rest.split_once(" (")?;
    let year = year.strip_suffix(')')?;
    let ok = n.bytes().all(|b| b.is_ascii_digit()) && year.len() == 4;
    ok.then(|| format!("S/RES/{n} ({year})"))
}

/// The organ a symbol belongs to.
pub(crate) fn body_of_symbol(symbol: &str) -> Option<Body> {
    Body::of_symbol(symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(lines: &[&str]) -> Block {
        Block {
            text: lines.join(" "),
            lines: lines.iter().map(|s| s.to_string()).collect(),
            ..Block::default()
        }
    }

    #[test]
    fn resolution_masthead() {
        let blocks = [
            block(&["United Nations", "A/RES/78/100"]),
            block(&[
                "Seventy-eighth session",
                "Agenda item 58",
                "Implementation of the Declaration",
            ]),
            block(&[
                "Resolution adopted by the General Assembly",
                "on 7 December 2023",
            ]),
            block(&["78/100. Dissemination of information on decolonization"]),
        ];
        let m = read(&blocks, Some(Body::GeneralAssembly));
        assert_eq!(m.symbol.as_deref(), Some("A/RES/78/100"));
        assert_eq!(m.session.as_deref(), Some("78"));
        assert_eq!(m.agenda_item.as_deref(), Some("58"));
        assert_eq!(m.adopted.as_deref(), Some("2023-12-07"));
        assert_eq!(
            m.title.as_deref(),
            Some("Dissemination of information on decolonization")
        );
    }

    #[test]
    fn draft_masthead() {
        let blocks = [
            block(&["A/80/L.10"]),
            block(&["Italy and Turkmenistan:* draft resolution"]),
            block(&[
                "Building a peaceful and better world through sport and the",
                "Olympic ideal",
            ]),
        ];
        let m = read(&blocks, None);
        assert_eq!(m.sponsors, ["Italy", "Turkmenistan"]);
        assert_eq!(
            m.title.as_deref(),
            Some("Building a peaceful and better world through sport and the Olympic ideal")
        );
        assert_eq!(m.body, Some(Body::GeneralAssembly));
    }

    #[test]
    fn sponsors_with_and_in_their_names() {
        let list = "Sweden, Trinidad and Tobago, Iraq (on behalf of the Group of 77 and China) and United Kingdom of Great Britain and Northern Ireland";
        assert_eq!(
            sponsors(list),
            [
                "Sweden",
                "Trinidad and Tobago",
                "Iraq (on behalf of the Group of 77 and China)",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
    }

    #[test]
    fn security_council_masthead() {
        let blocks = [
            block(&["Resolution 1889 (2009)"]),
            block(&[
                "Adopted by the Security Council at its 6196th meeting, on",
                "5 October 2009",
            ]),
        ];
        let m = read(&blocks, Some(Body::SecurityCouncil));
        assert_eq!(m.symbol.as_deref(), Some("S/RES/1889 (2009)"));
        assert_eq!(m.adopted.as_deref(), Some("2009-10-05"));
    }

    #[test]
    fn the_group_a_lone_sponsor_speaks_for() {
        assert_eq!(
            group_of("On behalf of the States that are members of the Group of 77 and China, taking into account also …").as_deref(),
            Some("the Group of 77 and China")
        );
        assert_eq!(
            group_of("On behalf of the States Members of the United Nations that are members of the European Union.").as_deref(),
            Some("the European Union")
        );
        assert_eq!(
            group_of("Any changes to the list of sponsors will be reflected."),
            None
        );
        let draft = crate::segment("Iraq:* draft resolution\n\nTrade\n\nThe General Assembly,\n\n1. Decides to act.\n\n* On behalf of the States that are members of the Group of 77 and China.\n");
        assert_eq!(
            draft.meta.sponsors,
            ["Iraq (on behalf of the Group of 77 and China)"]
        );
    }
}

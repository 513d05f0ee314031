//! Opening-phrase completion: kind-aware (preambular openings before the operative list,
//! operative verbs inside it), ranked by how often the library uses each phrase.

use std::cmp::Reverse;

use resolute_draft::Kind;
use resolute_library::Library;
use resolute_phrases::{Lang, Phrase};
use serde::Serialize;

use super::items::line_start;
use super::utf16::Utf16Index;

/// Shortest prefix for which misspelling suggestions are offered when nothing completes it.
const MIN_SUGGEST: usize = 4;

/// Longest text taken as a phrase being typed: beyond it the cursor is in the clause itself.
const MAX_PREFIX: usize = 60;

/// What to offer at the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Completions {
    /// "preambular" or "operative": the kind of paragraph at the cursor.
    pub kind: &'static str,
    /// UTF-16 start of the text an item replaces (up to the cursor): the start of the
    /// paragraph's text, after its number or label and before any opening `*`.
    pub from: usize,
    /// What was typed so far, without the opening `*` or `_`.
    pub prefix: String,
    /// Phrases, most used first; empty when the cursor is past the opening.
    pub items: Vec<PhraseItem>,
}

/// One opening phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhraseItem {
    /// "Recalling", "Calls upon".
    pub phrase: String,
    /// "preambular" or "operative".
    pub kind: &'static str,
    /// Paragraphs of the library that open with exactly this phrase; without a library, the
    /// paragraphs of the shared corpus the catalogue was measured on.
    pub frequency: u64,
    /// What the editor puts in place of `from..cursor`: the phrase emphasised as the draft
    /// format writes openings, and a space: "*Recalling* ".
    pub insert: String,
}

/// Completions of the opening phrase being typed at UTF-16 offset `at`: the prefix runs from
/// the start of the paragraph's text (after "3. ", "- " or "(a) " and an opening `*`) to the
/// cursor, on the paragraph's first line. An empty prefix lists the most used phrases of the
/// kind; a one-word prefix that no phrase starts with ("Recals") gets the phrases it is
/// probably a misspelling of. Phrases are in the draft's `language` (English when none is given).
pub fn completions(text: &str, at: usize, library: Option<&Library>, limit: usize) -> Completions {
    let index = Utf16Index::new(text);
    let byte = index.to_byte(at);
    let start = block_start(text, byte);
    let (content, marker) = after_marker(text, start);
    let kind = kind_at(text, start, marker);
    let mut out = Completions {
        kind: kind_name(kind),
        from: index.to_utf16(content.min(byte)),
        ..Completions::default()
    };
    let Some(typed) = text.get(content..byte) else {
        return out;
    };
    let prefix = typed.strip_prefix(['*', '_']).unwrap_or(typed);
    let past_opening = byte < body_start(text)
        || prefix.len() > MAX_PREFIX
        || prefix.contains(['*', '_', '\n', ',', ';', ':', '.', '(', '[', '"', '“']);
    out.prefix = prefix.to_string();
    if !past_opening {
        out.items = ranked(prefix, kind, language(text), library, limit);
    }
    out
}

/// Every English catalogue phrase (base entries, no modifier combinations) of `kind`
/// ("preambular" or "operative"; anything else: both), most used in the corpus first.
pub fn catalogue(kind: Option<&str>) -> Vec<PhraseItem> {
    let want = match kind {
        Some("preambular") => Some(Kind::Preambular),
        Some("operative") => Some(Kind::Operative),
        _ => None,
    };
    let mut all: Vec<PhraseItem> = resolute_phrases::Catalogue::builtin()
        .phrases()
        .iter()
        .filter(|p| p.lang == Lang::En && want.is_none_or(|k| p.kind == k))
        .map(|p| item(p, u64::from(p.freq)))
        .collect();
    all.sort_by(|a, b| (b.frequency, &a.phrase).cmp(&(a.frequency, &b.phrase)));
    all
}

fn item(p: &Phrase, frequency: u64) -> PhraseItem {
    PhraseItem {
        phrase: p.text.clone(),
        kind: kind_name(p.kind),
        frequency,
        insert: format!("*{}* ", p.text),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Preambular => "preambular",
        Kind::Operative => "operative",
    }
}

/// The catalogue's completions of `prefix`, counted in the library when there is one.
fn ranked(
    prefix: &str,
    kind: Kind,
    lang: Lang,
    library: Option<&Library>,
    limit: usize,
) -> Vec<PhraseItem> {
    let mut found = resolute_phrases::complete(prefix, Some(kind), usize::MAX);
    let one_word = !prefix.trim().contains(char::is_whitespace);
    if found.is_empty() && one_word && prefix.trim().len() >= MIN_SUGGEST {
        // Nothing starts that way: offer the phrases it is probably a misspelling of. Only
        // for one word: "Recalling its" is a clause being written, not a misspelling.
        found = resolute_phrases::suggest(prefix, Some(kind), limit);
    }
    // (library count, corpus frequency, item): phrases the library never uses keep the
    // catalogue's order among themselves.
    let mut scored: Vec<(u64, u32, PhraseItem)> = found
        .into_iter()
        .filter(|p| p.lang == lang)
        .map(|p| {
            let counted = library.and_then(|l| l.opening_count(&p.text).ok());
            let frequency = counted.unwrap_or(u64::from(p.freq));
            (frequency, p.freq, item(p, frequency))
        })
        .collect();
    scored.sort_by(|(fa, ca, a), (fb, cb, b)| {
        let key = |f: u64, c: u32, i: &PhraseItem| (Reverse(f), Reverse(c), i.phrase.len());
        key(*fa, *ca, a)
            .cmp(&key(*fb, *cb, b))
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

/// Start of the paragraph holding `byte`: the first line after the last blank line.
fn block_start(text: &str, byte: usize) -> usize {
    let mut start = line_start(text, byte);
    while start > 0 {
        let prev = line_start(text, start - 1);
        if text.get(prev..start).is_none_or(|l| l.trim().is_empty()) {
            break;
        }
        start = prev;
    }
    start
}

/// What opens a paragraph's first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// "3. ", "3) ", "- ": an operative paragraph.
    Item,
    /// "(a) ", indented or not.
    Label,
    /// Plain text.
    None,
}

/// Where the paragraph's text starts (after blanks and its number, bullet or label).
fn after_marker(text: &str, start: usize) -> (usize, Marker) {
    let line = text.get(start..).unwrap_or("");
    let body = line.trim_start_matches([' ', '\t']);
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let label = body
        .strip_prefix('(')
        .and_then(|r| r.find(')').filter(|&n| n > 0 && n <= 6).map(|n| n + 2));
    let (len, marker) = if digits > 0
        && body
            .get(digits..)
            .is_some_and(|r| r.starts_with(['.', ')']))
    {
        (digits + 1, Marker::Item)
    } else if body.starts_with(['-', '+']) || body.starts_with("* ") {
        (1, Marker::Item)
    } else if let Some(n) = label {
        (n, Marker::Label)
    } else {
        (0, Marker::None)
    };
    let rest = body.get(len..).unwrap_or("");
    if marker != Marker::None && !rest.starts_with([' ', '\t']) && !rest.is_empty() {
        return (start + line.len() - body.len(), Marker::None);
    }
    let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (start + line.len() - body.len() + len + blank, marker)
}

/// Preambular or operative: numbered items are operative; otherwise a paragraph is operative
/// once its part (the text since the last section heading) has had an operative paragraph.
fn kind_at(text: &str, start: usize, marker: Marker) -> Kind {
    if marker == Marker::Item {
        return Kind::Operative;
    }
    let before = text.get(body_start(text)..start).unwrap_or("");
    let part = before
        .rfind("\n## ")
        .map_or(before, |i| before.get(i..).unwrap_or(""));
    let numbered = part.lines().any(|l| {
        let digits = l.bytes().take_while(u8::is_ascii_digit).count();
        let listed = digits > 0
            && l.get(digits..)
                .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "));
        listed || l.starts_with("- ") || l.starts_with("+ ")
    });
    if numbered {
        Kind::Operative
    } else {
        Kind::Preambular
    }
}

/// Where the body starts: after the front matter, whose "- item" lines are no list.
fn body_start(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    rest.find("\n---").map_or(0, |i| 4 + i + 4)
}

/// The draft's language from its front matter (English by default).
fn language(text: &str) -> Lang {
    let end = body_start(text);
    let code = text
        .get(..end)
        .unwrap_or("")
        .lines()
        .find_map(|l| l.strip_prefix("language:"));
    match code.map(|c| c.trim().trim_matches(['"', '\''])) {
        Some("fr") => Lang::Fr,
        Some("es") => Lang::Es,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "---\nbody: General Assembly\nsponsors:\n  - Chile\n---\n\n\
        *The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\nReca\n\n\
        1. *Decides* to act;\n\n   (a) Welc\n\n2. Req\n\nCalls\n";

    fn at_end_of(text: &str, needle: &str) -> usize {
        let end = text.find(needle).map_or(0, |i| i + needle.len());
        Utf16Index::new(text).to_utf16(end)
    }

    fn phrases(c: &Completions) -> Vec<&str> {
        c.items.iter().map(|i| i.phrase.as_str()).collect()
    }

    #[test]
    fn the_kind_follows_the_position_in_the_draft() {
        let c = completions(DRAFT, at_end_of(DRAFT, "\n\nReca"), None, 5);
        assert_eq!((c.kind, c.prefix.as_str()), ("preambular", "Reca"));
        assert_eq!(phrases(&c).first(), Some(&"Recalling"));
        assert_eq!(c.from, at_end_of(DRAFT, "\n\nReca") - 4);
        assert_eq!(c.items[0].insert, "*Recalling* ");
        let c = completions(DRAFT, at_end_of(DRAFT, "2. Req"), None, 5);
        assert_eq!((c.kind, c.prefix.as_str()), ("operative", "Req"));
        assert_eq!(phrases(&c).first(), Some(&"Requests"));
        let c = completions(DRAFT, at_end_of(DRAFT, "(a) Welc"), None, 5);
        assert_eq!(
            (c.kind, phrases(&c).first()),
            ("operative", Some(&"Welcomes"))
        );
        // A plain paragraph after the operative list is an operative paragraph.
        let c = completions(DRAFT, at_end_of(DRAFT, "Calls"), None, 5);
        assert_eq!(
            (c.kind, phrases(&c).first()),
            ("operative", Some(&"Calls upon"))
        );
    }

    #[test]
    fn an_emphasis_already_typed_is_part_of_the_replaced_text() {
        let text = "*The General Assembly*,\n\n*Noting wi";
        let c = completions(text, text.len(), None, 3);
        assert_eq!(c.prefix, "Noting wi");
        assert_eq!(c.from, text.len() - "*Noting wi".len());
        assert!(
            phrases(&c).contains(&"Noting with concern"),
            "{:?}",
            phrases(&c)
        );
    }

    #[test]
    fn past_the_opening_nothing_is_offered() {
        let in_front_matter = DRAFT.find("Chile").unwrap_or_default();
        assert!(completions(DRAFT, in_front_matter, None, 5)
            .items
            .is_empty());
        let text = "*The General Assembly*,\n\n*Recalling* its resolution";
        assert!(completions(text, text.len(), None, 5).items.is_empty());
        let text = "*The General Assembly*,\n\nRecalling that, in";
        assert!(completions(text, text.len(), None, 5).items.is_empty());
    }

    #[test]
    fn an_empty_paragraph_lists_the_most_used_phrases_of_its_kind() {
        let text = "*The General Assembly*,\n\n1. *Decides* x;\n\n2. ";
        let c = completions(text, text.len(), None, 4);
        assert_eq!(c.items.len(), 4);
        assert!(c.items.iter().all(|i| i.kind == "operative"));
        let f: Vec<u64> = c.items.iter().map(|i| i.frequency).collect();
        assert!(f.windows(2).all(|w| w[0] >= w[1]), "{f:?}");
    }

    #[test]
    fn a_misspelt_prefix_gets_corrections() {
        let text = "*The General Assembly*,\n\n1. *Decides* x;\n\n2. Reqests";
        let c = completions(text, text.len(), None, 3);
        assert_eq!(phrases(&c).first(), Some(&"Requests"));
        assert_eq!(c.items[0].insert, "*Requests* ");
        let text = "*The General Assembly*,\n\nRecalling its";
        assert!(completions(text, text.len(), None, 3).items.is_empty());
    }

    #[test]
    fn french_drafts_get_french_phrases() {
        let text = "---\nlanguage: fr\n---\n\n*L’Assemblée générale*,\n\nRapp";
        let c = completions(text, Utf16Index::new(text).utf16_len(), None, 3);
        assert_eq!(phrases(&c).first(), Some(&"Rappelant"));
    }

    #[test]
    fn catalogue_lists_english_phrases_of_a_kind() {
        let ops = catalogue(Some("operative"));
        assert!(ops.len() >= 120 && ops.iter().all(|p| p.kind == "operative"));
        assert!(ops.iter().any(|p| p.phrase == "Requests"));
        assert!(catalogue(None).len() > ops.len());
    }
}

//! The draft's header as the document view shows it: the front matter's masthead fields, each
//! edited on its own and written back through the draft format's front matter writer, so the
//! Markdown stays exactly what `fmt` would write for those values.

use resolute_draft::{read_front_matter, write_front_matter, Body, FrontMatter};
use serde::{Deserialize, Serialize};

use super::edit::{minimal_edit, TextEdit};

/// The masthead fields of a draft. Fields the header does not show (language, adoption date,
/// negotiation stage) are kept as they are when it is written back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The organ's full name: "General Assembly".
    pub body: Option<String>,
    /// The session as written: "81", "ES-10".
    pub session: Option<String>,
    /// "18 (b)".
    pub agenda_item: Option<String>,
    /// "A/C.2/81/L.99".
    pub symbol: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// Sponsors in order.
    pub sponsors: Vec<String>,
    /// The session as the masthead prints it ("Eighty-first session"); shown, never written.
    #[serde(default, skip_deserializing)]
    pub session_heading: Option<String>,
    /// The committee the symbol names, as the masthead prints it ("Second Committee" for
    /// A/C.2/…); shown, never written.
    #[serde(default, skip_deserializing)]
    pub committee: Option<String>,
    /// "Distr.: Limited" for a draft's L. symbol, "Distr.: General" for another; shown,
    /// never written.
    #[serde(default, skip_deserializing)]
    pub distribution: Option<String>,
    /// False when the front matter holds comments: the fields would write it anew without
    /// them, so the masthead only shows it (the source view edits it). Shown, never written.
    #[serde(default, skip_deserializing)]
    pub editable: bool,
}

impl Header {
    /// The header of front matter `m`, read from `src`.
    pub(crate) fn of(src: &str, m: &FrontMatter) -> Header {
        Header {
            body: m.body.map(|b| b.name().to_string()),
            session: m.session.clone(),
            agenda_item: m.agenda_item.clone(),
            symbol: m.symbol.clone(),
            title: m.title.clone(),
            sponsors: m.sponsors.clone(),
            session_heading: m
                .session
                .as_deref()
                .map(resolute_draft::segment::session_heading),
            committee: m.symbol.as_deref().and_then(committee),
            distribution: m.symbol.as_deref().map(distribution),
            editable: !has_comments(src, m),
        }
    }
}

/// "Second Committee" for a symbol of the General Assembly's Second Committee (A/C.2/…).
fn committee(symbol: &str) -> Option<String> {
    const ORDINALS: [&str; 6] = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
    let n: usize = symbol
        .strip_prefix("A/C.")?
        .split('/')
        .next()?
        .parse()
        .ok()?;
    ORDINALS
        .get(n.checked_sub(1)?)
        .map(|o| format!("{o} Committee"))
}

/// The distribution a masthead prints: limited for a draft ("L." in its symbol), else general.
fn distribution(symbol: &str) -> String {
    let limited = symbol.split('/').any(|part| part.starts_with("L."));
    format!("Distr.: {}", if limited { "Limited" } else { "General" })
}

/// Whether the front matter block holds a `#` comment (a line of its own, or after a value).
/// A ` #` inside a quoted value (`title: "Item #5"`) counts too: the masthead then only shows
/// the fields, which is safe, where writing could lose a comment.
fn has_comments(src: &str, m: &FrontMatter) -> bool {
    let Some(span) = m.span else { return false };
    src.get(span.start..span.end)
        .unwrap_or_default()
        .lines()
        .any(|l| l.trim_start().starts_with('#') || l.contains(" #"))
}

/// The header of `text`; `None` when its front matter does not read (the editor then shows the
/// front matter as text, with the diagnostic saying what is wrong). A draft without front
/// matter has an empty header.
pub fn header(text: &str) -> Option<Header> {
    read_front_matter(text)
        .ok()
        .map(|(m, _)| Header::of(text, &m))
}

/// Writes `header` into the front matter of `text`: one edit replacing the front matter block
/// (or adding one at the top, or removing it when every field is empty). `None` when the front
/// matter does not read or nothing changes. An organ name the draft format does not know
/// leaves the organ as it was; front matter holding comments is left as it is (see
/// [`Header::editable`]). The cursor goes to the start of the body.
pub fn set_header(text: &str, header: &Header) -> Option<TextEdit> {
    let (mut meta, body_start) = read_front_matter(text).ok()?;
    if has_comments(text, &meta) {
        return None;
    }
    let clean = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from)
    };
    if let Some(name) = header.body.as_deref() {
        meta.body = match name.trim() {
            "" => None,
            name => Body::parse(name).or(meta.body),
        };
    } else {
        meta.body = None;
    }
    meta.session = clean(&header.session);
    meta.agenda_item = clean(&header.agenda_item);
    meta.symbol = clean(&header.symbol);
    meta.title = clean(&header.title);
    meta.sponsors = header
        .sponsors
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let block = write_front_matter(&meta);
    let body = text[body_start..].trim_start_matches(['\n', '\r']);
    let new = match (block.is_empty(), body.is_empty()) {
        (true, _) => body.to_string(),
        (false, true) => block.clone(),
        (false, false) => format!("{block}\n{body}"),
    };
    let cursor = new.len() - body.len();
    minimal_edit(text, &new, cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, e: &TextEdit) -> String {
        let mut out = text.to_string();
        out.replace_range(e.from..e.to, &e.insert); // ASCII: UTF-16 = bytes
        out
    }

    const DRAFT: &str = "---\nbody: General Assembly\nsession: 81\nsymbol: A/C.2/81/L.9\ntitle: Water\n\
                         sponsors: [Chile, Ghana]\nstage: informals\n---\n\n*The General Assembly*,\n";

    #[test]
    fn a_field_changes_its_line_only_and_keeps_the_fields_the_header_does_not_show() {
        let mut h = header(DRAFT).expect("reads");
        assert_eq!(h.sponsors, ["Chile", "Ghana"]);
        assert_eq!(h.body.as_deref(), Some("General Assembly"));
        assert_eq!(h.session_heading.as_deref(), Some("Eighty-first session"));
        assert_eq!(h.committee.as_deref(), Some("Second Committee"));
        assert_eq!(h.distribution.as_deref(), Some("Distr.: Limited"));
        assert_eq!(committee("A/81/L.1"), None);
        assert_eq!(committee("A/C.7/81/L.1"), None);
        assert_eq!(distribution("A/RES/78/100"), "Distr.: General");
        h.title = Some("Water: a shared resource".into());
        h.sponsors.push("Norway".into());
        let e = set_header(DRAFT, &h).expect("an edit");
        let out = apply(DRAFT, &e);
        assert_eq!(
            out,
            "---\nbody: General Assembly\nsession: 81\nsymbol: A/C.2/81/L.9\n\
             title: \"Water: a shared resource\"\nsponsors: [Chile, Ghana, Norway]\n\
             stage: informals\n---\n\n*The General Assembly*,\n"
        );
        // The title's colon is quoted, so the header reads back what was typed.
        assert_eq!(
            header(&out).and_then(|h| h.title).as_deref(),
            Some("Water: a shared resource")
        );
        assert_eq!(
            set_header(&out, &header(&out).unwrap()),
            None,
            "no change, no edit"
        );
    }

    #[test]
    fn a_header_is_added_to_a_draft_without_one_and_removed_when_emptied() {
        let text = "*The General Assembly*,\n\n1. *Decides* to act.\n";
        let h = Header {
            symbol: Some("A/81/L.1".into()),
            body: Some("general assembly".into()),
            ..Header::default()
        };
        let out = apply(text, &set_header(text, &h).expect("an edit"));
        assert_eq!(
            out,
            format!("---\nbody: General Assembly\nsymbol: A/81/L.1\n---\n\n{text}")
        );
        let back = apply(
            &out,
            &set_header(&out, &Header::default()).expect("an edit"),
        );
        assert_eq!(back, text);
    }

    #[test]
    fn front_matter_with_comments_is_shown_but_never_rewritten() {
        let text = "---\n# agreed in informals\ntitle: Water # working title\n---\n\nText.\n";
        let h = header(text).expect("reads");
        assert!(!h.editable);
        assert_eq!(h.title.as_deref(), Some("Water"));
        let changed = Header {
            title: Some("Oceans".into()),
            ..h
        };
        assert_eq!(
            set_header(text, &changed),
            None,
            "the comments would be lost"
        );
        assert!(header(DRAFT).expect("reads").editable);
    }

    #[test]
    fn an_unreadable_front_matter_has_no_header_and_is_not_rewritten() {
        let text = "---\ntitle: \"open\n---\n\nText.\n";
        assert_eq!(header(text), None);
        assert_eq!(set_header(text, &Header::default()), None);
    }
}

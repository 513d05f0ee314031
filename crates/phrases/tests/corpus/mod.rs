//! Reading the shared corpus's paragraph ground truth for the coverage test and the
//! frequency script (`examples/count_openings.rs` includes this file by path).
//!
//! Which paragraphs count, and why:
//! - texts: resolutions in `clean-paragraphs` format without a `quality_note` (the noted
//!   ones are OCR of scanned volumes with wrong labels). Presidential statements are left out:
//!   they are written as sentences ("The Security Council reaffirms ..."), not as paragraphs
//!   with opening phrases.
//! - paragraphs: those the truth labels preambular or operative at the top level (preambular
//!   with no level, operative at level 1). Subparagraphs ("(a) To ...", "(i) ...") are left
//!   out: they continue their parent's sentence and open with "To ..." or a noun phrase, so
//!   no opening-phrase rule applies to them.
//! - left out as mislabelled by the truth: the enacting formula ("The General Assembly,"),
//!   closing lines ("56th plenary meeting", a bare date), paragraphs opening with a quotation
//!   mark (quoted text, e.g. an amendment or a draft recommended to another organ), and
//!   paragraphs of a text the resolution adopts or annexes: everything after a heading
//!   "Annex ..." or after a paragraph ending with ":" that a heading follows ("Adopts the
//!   following Declaration:" then the declaration's title), up to the next enacting formula;
//!   fragments: a "paragraph" opening with a lower-case letter (the rest of a paragraph the
//!   truth split in two) or with no lower-case letter at all (a heading such as "A" or
//!   "BILATERAL NUCLEAR-ARMS NEGOTIATIONS", a separator such as "*").
//! - relabelled: the truth labels every unnumbered paragraph preambular, but a lone operative
//!   paragraph is not numbered (UN-RULES R8), and older texts print some operative
//!   paragraphs without numbers. A paragraph labelled preambular that ends as an operative
//!   paragraph does (";" or ".", where a preambular one ends with ",", R5/R6) is counted as
//!   operative; it must then open with an operative phrase to be covered.

#![allow(dead_code)]

use resolute_draft::Kind;
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One top-level preambular or operative paragraph of a corpus resolution.
#[derive(Debug, Clone)]
pub struct CorpusParagraph {
    /// The document symbol.
    pub symbol: String,
    /// The kind counted: the ground truth's, except for relabelled paragraphs.
    pub kind: Kind,
    /// The ground truth's kind as given.
    pub truth_kind: Kind,
    /// The paragraph without its number prefix, trimmed.
    pub text: String,
}

/// Counts of what was left out, by reason.
#[derive(Debug, Default)]
pub struct Excluded {
    pub subparagraphs: usize,
    pub enacting: usize,
    pub closing: usize,
    pub quoted: usize,
    pub adopted_text: usize,
    pub fragments: usize,
    /// Not excluded: labelled preambular, counted as operative.
    pub relabelled_operative: usize,
}

/// The corpus root (see `resolute_testkit::corpus`: skips outside CI, fails under it).
pub fn corpus_root() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// Reads every counted paragraph of the corpus at `root`.
pub fn paragraphs(root: &Path) -> Result<(Vec<CorpusParagraph>, Excluded), String> {
    let docs = usable_documents(root)?;
    let index = read(&root.join("metadata/paragraphs.jsonl"))?;
    let mut out = Vec::new();
    let mut excluded = Excluded::default();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let file = row["text_file"].as_str().unwrap_or_default();
        let Some(symbol) = docs.get(file) else {
            continue;
        };
        let text = read(&root.join(file))?;
        let empty = Vec::new();
        let spans = row["p"].as_array().unwrap_or(&empty);
        walk_document(symbol, &text, spans, &mut out, &mut excluded);
    }
    Ok((out, excluded))
}

/// text_file -> symbol of the clean resolutions without a quality note.
fn usable_documents(root: &Path) -> Result<HashMap<String, String>, String> {
    let src = read(&root.join("metadata/documents.jsonl"))?;
    let mut docs = HashMap::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let d: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let usable = d["format"] == "clean-paragraphs"
            && d["doc_type"] == "resolution"
            && d.get("quality_note").is_none_or(Value::is_null);
        if let (true, Some(file), Some(symbol)) =
            (usable, d["text_file"].as_str(), d["symbol"].as_str())
        {
            docs.insert(file.to_string(), symbol.to_string());
        }
    }
    Ok(docs)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Walks one document's spans, keeping track of adopted-text regions.
fn walk_document(
    symbol: &str,
    text: &str,
    spans: &[Value],
    out: &mut Vec<CorpusParagraph>,
    excluded: &mut Excluded,
) {
    // Offsets in the truth count characters, not bytes.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut state = Region::default();
    for span in spans {
        let Some(s) = Span::read(span, &bytes, text) else {
            continue;
        };
        let raw = s.text.trim();
        let body = strip_number(raw, s.prefix.as_deref());
        let Some(kind) = state.step(&s, raw, body) else {
            continue;
        };
        match exclusion(&state, &s, body, excluded) {
            Some(count) => *count += 1,
            None => out.push(CorpusParagraph {
                symbol: symbol.to_string(),
                kind: effective_kind(kind, body, excluded),
                truth_kind: kind,
                text: body.to_string(),
            }),
        }
    }
}

/// Where the walk is: inside the resolution's own text or inside a text it adopts.
#[derive(Default)]
struct Region {
    in_adopted: bool,
    prev_colon: bool,
    enacting: bool,
}

impl Region {
    /// Updates the region with the next span; returns the span's kind when it is a
    /// preambular or operative paragraph.
    fn step(&mut self, s: &Span<'_>, raw: &str, body: &str) -> Option<Kind> {
        self.enacting = is_enacting(body);
        if self.enacting {
            (self.in_adopted, self.prev_colon) = (false, false);
            return s.kind;
        }
        let starts_annex = raw.len() < 120 && raw.to_lowercase().starts_with("annex");
        // A closing formula ends the resolution; what follows is annexed or adopted text.
        let closes = is_closing_line(body);
        self.in_adopted |= starts_annex || (s.type_ == "heading" && self.prev_colon);
        let kind = s.kind.filter(|_| s.type_ != "heading");
        self.in_adopted |= closes && kind.is_none();
        self.prev_colon = raw.ends_with(':');
        kind
    }
}

/// Why a paragraph is left out, as the counter to bump; `None` to count it.
fn exclusion<'e>(
    state: &Region,
    s: &Span<'_>,
    body: &str,
    excluded: &'e mut Excluded,
) -> Option<&'e mut usize> {
    if state.enacting {
        Some(&mut excluded.enacting)
    } else if state.in_adopted {
        Some(&mut excluded.adopted_text)
    } else if !s.top_level() {
        Some(&mut excluded.subparagraphs)
    } else if is_closing_line(body) {
        Some(&mut excluded.closing)
    } else if body.starts_with(['“', '"', '‘', '«']) {
        Some(&mut excluded.quoted)
    } else if is_fragment(body) {
        Some(&mut excluded.fragments)
    } else {
        None
    }
}

/// One span of the truth, resolved against the text.
struct Span<'a> {
    text: &'a str,
    type_: &'a str,
    kind: Option<Kind>,
    level: Option<u64>,
    prefix: Option<String>,
}

impl<'a> Span<'a> {
    fn read(v: &'a Value, bytes: &[usize], text: &'a str) -> Option<Span<'a>> {
        let start = *bytes.get(usize::try_from(v.get(0)?.as_u64()?).ok()?)?;
        let end = *bytes.get(usize::try_from(v.get(1)?.as_u64()?).ok()?)?;
        let kind = match v.get(3)?.as_str() {
            Some("preambular") => Some(Kind::Preambular),
            Some("operative") => Some(Kind::Operative),
            _ => None,
        };
        Some(Span {
            text: text.get(start..end)?,
            type_: v.get(2)?.as_str()?,
            kind,
            level: v.get(4)?.as_u64(),
            prefix: v.get(5)?.as_str().map(str::to_string),
        })
    }

    fn top_level(&self) -> bool {
        match self.kind {
            Some(Kind::Preambular) => self.level.is_none(),
            Some(Kind::Operative) => self.level == Some(1),
            None => false,
        }
    }
}

/// The paragraph without its number ("12. ", "12.\t").
fn strip_number<'t>(text: &'t str, prefix: Option<&str>) -> &'t str {
    let rest = match prefix.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => text.strip_prefix(p).unwrap_or(text),
        None => text,
    };
    rest.trim_start()
}

/// "The General Assembly," and the like, with or without the comma.
fn is_enacting(text: &str) -> bool {
    let t = text.trim_end_matches([',', '.', ':', ' ']);
    let organ = t.strip_prefix("The ").unwrap_or(t);
    [
        "General Assembly",
        "Security Council",
        "Economic and Social Council",
        "Human Rights Council",
        "Trusteeship Council",
    ]
    .contains(&organ)
}

/// "56th plenary meeting", "50th (resumed) plenary meeting", "22 December 2023".
fn is_closing_line(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    if t.ends_with("plenary meeting") || t.ends_with("meeting") && t.len() < 40 {
        return t.starts_with(|c: char| c.is_ascii_digit());
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    matches!(words.as_slice(), [d, m, y]
        if d.parse::<u8>().is_ok() && m.starts_with(char::is_uppercase) && y.parse::<u16>().is_ok())
}

/// The rest of a split paragraph, or a heading or separator mislabelled as a paragraph.
fn is_fragment(text: &str) -> bool {
    text.starts_with(char::is_lowercase) || !text.chars().any(char::is_lowercase)
}

/// The truth's kind, except that an unnumbered paragraph ending like an operative one is
/// operative (see the module doc).
fn effective_kind(kind: Kind, text: &str, excluded: &mut Excluded) -> Kind {
    if kind == Kind::Operative {
        return kind;
    }
    // Footnote marks, closing quotes and brackets may follow the final punctuation.
    let end = text.trim_end_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '”' | '’' | '"' | ')' | ']')
    });
    if end.ends_with([';', '.']) {
        excluded.relabelled_operative += 1;
        return Kind::Operative;
    }
    kind
}

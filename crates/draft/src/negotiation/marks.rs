//! What the words inside brackets and braces mean: inserted-paragraph labels ("5 bis",
//! "PP3 ter"), paragraph status ("agreed ad ref"), attributions ("US; delete: G77"),
//! placeholders ("[X]", "[40-70]").

use serde::Serialize;

/// The suffixes of inserted paragraphs, in order: "5 bis" comes after 5, "5 ter" after that.
pub const INSERTED: [&str; 19] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
    "undecies",
    "duodecies",
    "terdecies",
    "quaterdecies",
    "quindecies",
    "sexdecies",
    "septdecies",
    "octodecies",
    "novodecies",
    "vicies",
];

/// Where a paragraph stands in the negotiation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Status {
    /// Agreed ad referendum: settled unless the whole is reopened. Written `{agreed ad ref}`.
    AgreedAdRef,
    /// Still open, possibly with the delegations it waits for. Written `{pending}` or
    /// `{pending: EU, G77}`.
    Pending {
        /// Who it waits for.
        with: Vec<String>,
    },
    /// Deleted in this round but kept visible. Written `{deleted}`.
    Deleted,
}

impl Status {
    /// Reads a status annotation ("agreed ad ref", "Agreed ad ref.", "pending: EU").
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().trim_end_matches('.').trim();
        if s.len() > MAX_STATUS {
            return None;
        }
        let (head, rest) = match s.split_once(':') {
            Some((h, r)) => (h.trim(), Some(r)),
            None => (s, None),
        };
        let head = head.to_ascii_lowercase();
        match (head.as_str(), rest) {
            ("agreed ad ref" | "agreed ad referendum" | "agreed", None) => {
                Some(Status::AgreedAdRef)
            }
            ("deleted", None) => Some(Status::Deleted),
            ("pending", None) => Some(Status::Pending { with: Vec::new() }),
            ("pending", Some(r)) => actors(r).map(|with| Status::Pending { with }),
            _ => None,
        }
    }

    /// The status as the format writes it, without braces: "agreed ad ref", "pending: EU, G77".
    pub fn written(&self) -> String {
        match self {
            Status::AgreedAdRef => "agreed ad ref".to_string(),
            Status::Deleted => "deleted".to_string(),
            Status::Pending { with } if with.is_empty() => "pending".to_string(),
            Status::Pending { with } => format!("pending: {}", with.join(", ")),
        }
    }
}

/// The negotiation marks of a paragraph: its own label and its status, written in braces
/// before its text (`{5 bis} {agreed ad ref} *Decides* …`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParagraphMarks {
    /// The label of an inserted paragraph as written: "5 bis", "PP3 ter", "3.3bis", "6 alt".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Where the paragraph stands.
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub status: Option<Status>,
}

impl ParagraphMarks {
    /// Marks with a label and a status.
    pub fn new(label: Option<String>, status: Option<Status>) -> ParagraphMarks {
        ParagraphMarks { label, status }
    }

    /// The marks as written before the paragraph's text, with a final space; empty when none.
    pub fn written(&self) -> String {
        let mut out = String::new();
        if let Some(l) = &self.label {
            out.push_str(&format!("{{{l}}} "));
        }
        if let Some(s) = &self.status {
            out.push_str(&format!("{{{}}} ", s.written()));
        }
        out
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.label.is_none() && self.status.is_none()
    }
}

/// The label and status written in braces at the start of `s` (`{5 bis} {agreed ad ref} `),
/// and how many bytes they take with the blanks after them.
pub fn leading_marks(s: &str) -> (ParagraphMarks, usize) {
    let mut label = None;
    let mut status = None;
    let mut at = 0;
    loop {
        let rest = &s[at..];
        let Some(inner) = rest.strip_prefix('{') else {
            break;
        };
        let Some(close) = inner.find('}').filter(|c| !inner[..*c].contains('{')) else {
            break;
        };
        let word = inner[..close].trim();
        if label.is_none() && is_label(word) {
            label = Some(word.to_string());
        } else if let Some(st) = Status::parse(word).filter(|_| status.is_none()) {
            status = Some(st);
        } else {
            break;
        }
        at += close + 2;
        at += s[at..].len() - s[at..].trim_start_matches([' ', '\t']).len();
    }
    (ParagraphMarks::new(label, status), at)
}

/// Who proposed a bracketed text and who wants it deleted or retained.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Attribution {
    /// Delegations that proposed the text.
    pub proposed: Vec<String>,
    /// Delegations that want it deleted.
    pub delete: Vec<String>,
    /// Delegations that want it retained.
    pub retain: Vec<String>,
}

impl Attribution {
    /// Every delegation named, in order, without repeats.
    pub fn actors(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in self.proposed.iter().chain(&self.delete).chain(&self.retain) {
            if !out.contains(&a.as_str()) {
                out.push(a);
            }
        }
        out
    }

    /// Whether `actor` (any case) proposed or wants to retain the text.
    pub fn supports(&self, actor: &str) -> bool {
        self.proposed
            .iter()
            .chain(&self.retain)
            .any(|a| a.eq_ignore_ascii_case(actor))
    }

    /// Whether `actor` (any case) wants the text deleted.
    pub fn opposes(&self, actor: &str) -> bool {
        self.delete.iter().any(|a| a.eq_ignore_ascii_case(actor))
    }

    /// Reads the canonical form written in braces after a bracket: items separated by `;`,
    /// each `role: actors` (roles `proposed`/`by`, `delete`, `retain`/`support`) or actors
    /// alone (proposers): `US; delete: G77`.
    pub fn parse_braced(s: &str) -> Option<Attribution> {
        let mut a = Attribution::default();
        for item in s.split(';') {
            let (role, list) = match item.split_once(':') {
                Some((r, l)) => (role(r.trim())?, l),
                None => (Role::Proposed, item),
            };
            a.push(role, actors(list)?);
        }
        (!a.actors().is_empty()).then_some(a)
    }

    /// Reads the form negotiating texts write inside a bracket after a dash: "US; G77 delete",
    /// "EU, G77 retain": items separated by `;`, each a list of actors with an optional role
    /// word after it.
    pub fn parse_dashed(s: &str) -> Option<Attribution> {
        let mut a = Attribution::default();
        for item in s.split(';') {
            let item = item.trim();
            let (list, role) = match item.rsplit_once(' ') {
                Some((l, w)) if role(w).is_some() => (l, role(w)?),
                _ => (item, Role::Proposed),
            };
            a.push(role, actors(list)?);
        }
        (!a.actors().is_empty()).then_some(a)
    }

    /// The canonical written form: "US; delete: G77".
    pub fn written(&self) -> String {
        let mut items = Vec::new();
        if !self.proposed.is_empty() {
            items.push(self.proposed.join(", "));
        }
        if !self.delete.is_empty() {
            items.push(format!("delete: {}", self.delete.join(", ")));
        }
        if !self.retain.is_empty() {
            items.push(format!("retain: {}", self.retain.join(", ")));
        }
        items.join("; ")
    }

    fn push(&mut self, role: Role, actors: Vec<String>) {
        let list = match role {
            Role::Proposed => &mut self.proposed,
            Role::Delete => &mut self.delete,
            Role::Retain => &mut self.retain,
        };
        list.extend(actors);
    }
}

#[derive(Clone, Copy)]
enum Role {
    Proposed,
    Delete,
    Retain,
}

fn role(word: &str) -> Option<Role> {
    match word.to_ascii_lowercase().as_str() {
        "proposed" | "by" | "proposal" => Some(Role::Proposed),
        "delete" | "deletion" | "oppose" | "opposed" => Some(Role::Delete),
        "retain" | "support" | "supported" | "keep" => Some(Role::Retain),
        _ => None,
    }
}

/// A comma-separated list of delegations: each one to five words with a letter, the first
/// starting with a capital or a digit ("US", "G77", "EU", "Russian Federation", "AGN"), at most 40 characters.
fn actors(list: &str) -> Option<Vec<String>> {
    let out: Vec<String> = list
        .split([',', '/'])
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|a| !a.is_empty() && a != "and")
        .map(|a| a.strip_prefix("and ").map(str::to_string).unwrap_or(a))
        .collect();
    let ok = !out.is_empty() && out.iter().all(|a| is_actor(a));
    ok.then_some(out)
}

fn is_actor(a: &str) -> bool {
    let words = a.split(' ').count();
    let first = a.chars().next();
    words <= 5
        && a.len() <= 40
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && a.chars().any(char::is_alphabetic)
        && a.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | '&' | '+'))
        && Status::parse(a).is_none()
}

/// Whether `s` is the label of a paragraph: an optional "PP"/"OP"/"Pp" prefix, a number with
/// optional dotted parts ("3.3"), and an optional suffix from [`INSERTED`] or "alt" ("5 bis",
/// "OP5ter", "3.3bis", "6 alt", "PP3 bis", "Pp1").
pub fn is_label(s: &str) -> bool {
    let s = s.trim();
    let rest = ["PP", "OP", "Pp", "Op", "pp", "op"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
        .trim_start();
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let (number, suffix) = rest.split_at(digits);
    let number_ok = number.starts_with(|c: char| c.is_ascii_digit()) && !number.ends_with('.');
    let suffix = suffix.trim();
    let suffix_ok = suffix.is_empty()
        || suffix
            .split_whitespace()
            .all(|w| INSERTED.contains(&w) || w == "alt" || w == "Alt");
    number_ok && suffix_ok
}

/// Whether a label names an operative paragraph: it starts with a digit or "OP".
pub fn is_operative_label(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(|c: char| c.is_ascii_digit()) || s.starts_with("OP") || s.starts_with("Op")
}

/// The label after `label` that is not in `taken`: "5" -> "5 bis", "5 bis" -> "5 ter".
pub fn next_label(label: &str, taken: &[&str]) -> String {
    let label = label.trim();
    let (base, from) = match inserted_suffix(label) {
        Some(i) => {
            let base = &label[..label.len() - INSERTED[i].len()];
            (base.trim_end(), i + 1)
        }
        None => (label, 0),
    };
    next_in(base, from, taken)
}

/// The first free label `base` + a suffix from `INSERTED[from..]`; past the last suffix,
/// labels go on under it: "5 vicies bis", "5 vicies ter".
fn next_in(base: &str, from: usize, taken: &[&str]) -> String {
    for s in INSERTED.iter().skip(from) {
        let candidate = format!("{base} {s}");
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            return candidate;
        }
    }
    next_in(
        &format!("{base} {}", INSERTED[INSERTED.len() - 1]),
        0,
        taken,
    )
}

/// The index in [`INSERTED`] of the suffix `label` ends with, as a word of its own or glued
/// to the number ("5 quater", "3.3bis"; "quater" is not "ter").
fn inserted_suffix(label: &str) -> Option<usize> {
    INSERTED.iter().position(|s| {
        label
            .strip_suffix(s)
            .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit() || c == ' '))
    })
}

/// The longest placeholder, in bytes ("[to be determined by the Conference]").
const MAX_PLACEHOLDER: usize = 40;

/// The longest status, in bytes ("pending: EU, G77, AGN, LMDC, AOSIS, LDCs …").
const MAX_STATUS: usize = 160;

/// Words that stand for a value still to be filled in.
const PLACEHOLDER_WORDS: [&str; 16] = [
    "year",
    "date",
    "number",
    "amount",
    "percentage",
    "per cent",
    "name",
    "title",
    "month",
    "day",
    "session",
    "place",
    "country",
    "to be determined",
    "tbd",
    "placeholder",
];

/// Whether the content of a bracket is a placeholder to fill rather than text to choose:
/// "X", "by X date", "40-70", "year", "…".
pub fn is_placeholder(content: &str) -> bool {
    let c = content.trim();
    // A placeholder is a few words; a long bracket (often with others nested) is text.
    if c.is_empty() || c.len() > MAX_PLACEHOLDER || c.contains(['[', ']']) {
        return false;
    }
    let single_letter = c.chars().count() == 1 && c.chars().all(char::is_alphabetic);
    let ellipsis = c.chars().all(|ch| matches!(ch, '.' | '…' | ' '));
    let x_word = c
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| matches!(w, "X" | "XX" | "XXX" | "20XX" | "X%"));
    let range = is_number_range(c);
    let lower = c.to_lowercase();
    let word = PLACEHOLDER_WORDS.contains(&lower.as_str())
        || lower.starts_with("placeholder")
        || lower.starts_with("insert ");
    single_letter || ellipsis || x_word || range || word
}

/// "40-70", "40–70%", "1.5 - 2".
fn is_number_range(c: &str) -> bool {
    let c = c.trim_end_matches(['%', ' ']);
    let Some((a, b)) = c.split_once(['-', '–']) else {
        return false;
    };
    let num = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
    };
    num(a) && num(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for l in ["5 bis", "OP5ter", "3.3bis", "6 alt", "PP3 bis", "Pp1", "12"] {
            assert!(is_label(l), "{l}");
        }
        for l in ["bis", "agreed ad ref", "Note: x", "5 foo", "US", "3."] {
            assert!(!is_label(l), "{l}");
        }
        assert!(is_operative_label("5 bis") && is_operative_label("OP2"));
        assert!(!is_operative_label("PP3 bis"));
    }

    #[test]
    fn next_free_label() {
        assert_eq!(next_label("5", &[]), "5 bis");
        assert_eq!(next_label("5", &["5 bis"]), "5 ter");
        assert_eq!(next_label("5 bis", &[]), "5 ter");
        assert_eq!(next_label("3 quater", &[]), "3 quinquies");
        assert_eq!(next_label("3.3bis", &[]), "3.3 ter");
        let all: Vec<String> = INSERTED.iter().map(|s| format!("5 {s}")).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        assert_eq!(next_label("5", &all), "5 vicies bis");
        assert!(is_label(&next_label("5", &all)));
        assert_eq!(next_label("PP3", &["PP3 bis", "PP3 ter"]), "PP3 quater");
    }

    #[test]
    fn statuses() {
        assert_eq!(Status::parse("Agreed ad ref"), Some(Status::AgreedAdRef));
        assert_eq!(
            Status::parse("pending: EU, G77"),
            Some(Status::Pending {
                with: vec!["EU".into(), "G77".into()]
            })
        );
        assert_eq!(Status::parse("pending outcome of Article 10"), None);
        let s = Status::Pending {
            with: vec!["EU".into()],
        };
        assert_eq!(Status::parse(&s.written()), Some(s));
    }

    #[test]
    fn attributions() {
        let a = Attribution::parse_braced("US; delete: G77").unwrap();
        assert_eq!(a.proposed, ["US"]);
        assert_eq!(a.delete, ["G77"]);
        assert_eq!(Attribution::parse_braced(&a.written()), Some(a));
        let d = Attribution::parse_dashed("US; G77 delete").unwrap();
        assert_eq!(
            (d.proposed.as_slice(), d.delete.as_slice()),
            (&["US".to_string()][..], &["G77".to_string()][..])
        );
        let r = Attribution::parse_dashed("EU, G77 retain").unwrap();
        assert_eq!(r.retain, ["EU", "G77"]);
        assert!(Attribution::parse_braced("Placement proposal: issue to be addressed").is_none());
        assert!(
            Attribution::parse_braced("pending outcome of discussions on Article 10").is_none()
        );
        assert!(Attribution::parse_dashed("carbon transformation").is_none());
        assert!(Attribution::parse_dashed("2080").is_none());
    }

    #[test]
    fn placeholders() {
        for p in ["X", "by X date", "40-70", "year", "…", "x", "20XX", "70–95"] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in [
            "shall",
            "below 2 °C",
            "2020",
            "on the report of the Third Committee (A/80/545)",
        ] {
            assert!(!is_placeholder(p), "{p}");
        }
    }
}

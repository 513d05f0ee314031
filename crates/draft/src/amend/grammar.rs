//! The grammar of amendment instructions, as the General Assembly and its Main Committees
//! write them:
//!
//! - "Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39."
//! - "In operative paragraphs 27 and 43, delete “sexual and reproductive”."
//! - "In the thirteenth preambular paragraph, replace “…” with “…”."
//! - "In operative paragraph 65, after “once in force” insert “, and emphasizes …”."
//!   (also "insert “…” after “…”", and "before")
//! - "After operative paragraph 4, insert two new operative paragraphs reading: …"
//!   (also "insert the following operative paragraph:", "a new preambular paragraph")
//! - "Replace operative paragraph 200 with the following text: …"
//! - "Replace “Chernobyl” with “Chornobyl” in the title, the preambular paragraphs and the
//!   operative paragraphs." (also "throughout the text", "wherever it appears")
//!
//! Quoted text is taken exactly as written between its quotation marks (“…” or "…"); what
//! follows a closing quotation mark (the full stop that ends the instruction) is not part of
//! it. Paragraph references name paragraphs of the unamended draft: preambular paragraphs by
//! ordinal in words ("the fifteenth preambular paragraph") or by number, operative
//! paragraphs by number, subparagraphs by their letter ("operative paragraph 5 (b)",
//! "subparagraph (b) of operative paragraph 5").

use serde::Serialize;

use crate::model::Kind;
use crate::numerals::{count_value, ordinal_value};

/// A place in the draft an instruction names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Ref {
    /// The title.
    Title,
    /// The preambular paragraph at this position (1 = first), counted in the unamended draft.
    Preambular(u32),
    /// The operative paragraph with this number in the unamended draft.
    Operative(u32),
    /// A subparagraph of an operative paragraph: its number and the label's letter ("b").
    Sub {
        /// The operative paragraph's number.
        op: u32,
        /// The label without parentheses: "b", "ii".
        label: String,
    },
}

impl Ref {
    /// How reports name the place: "title", "PP21", "OP35", "OP5(b)".
    pub fn label(&self) -> String {
        match self {
            Ref::Title => "title".to_string(),
            Ref::Preambular(n) => format!("PP{n}"),
            Ref::Operative(n) => format!("OP{n}"),
            Ref::Sub { op, label } => format!("OP{op}({label})"),
        }
    }
}

/// Where text is looked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Scope {
    /// In the places named.
    In(Vec<Ref>),
    /// Everywhere in the parts named ("in the title, the preambular paragraphs and the
    /// operative paragraphs"; all three for "throughout the text").
    Everywhere {
        /// The title.
        title: bool,
        /// Every preambular paragraph.
        preambular: bool,
        /// Every operative paragraph and its subparagraphs.
        operative: bool,
    },
}

/// What one instruction does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Op {
    /// Delete whole paragraphs (or subparagraphs).
    DeleteParagraphs(Vec<Ref>),
    /// Delete the quoted text.
    DeleteText {
        /// Where.
        scope: Scope,
        /// The text, exactly as quoted.
        text: String,
    },
    /// Replace quoted text with other quoted text.
    ReplaceText {
        /// Where.
        scope: Scope,
        /// The text replaced.
        old: String,
        /// The text put in its place.
        new: String,
    },
    /// Insert quoted text after (or before) quoted text.
    InsertText {
        /// Where.
        scope: Scope,
        /// The text the insertion is placed against.
        anchor: String,
        /// Before the anchor rather than after it.
        before: bool,
        /// The text inserted.
        text: String,
    },
    /// Insert new paragraphs after (or before) a paragraph.
    InsertParagraphs {
        /// The paragraph they are placed against.
        anchor: Ref,
        /// Before the anchor rather than after it.
        before: bool,
        /// Preambular or operative.
        kind: Kind,
        /// Each new paragraph's text, with its own final punctuation and no number.
        paragraphs: Vec<String>,
    },
    /// Replace a paragraph with new text.
    ReplaceParagraph {
        /// The paragraph replaced.
        target: Ref,
        /// The text that replaces it (one or more paragraphs).
        paragraphs: Vec<String>,
    },
}

impl Op {
    /// The kind as reports name it: "delete-paragraphs", "replace-text" …
    pub fn name(&self) -> &'static str {
        match self {
            Op::DeleteParagraphs(_) => "delete-paragraphs",
            Op::DeleteText { .. } => "delete-text",
            Op::ReplaceText { .. } => "replace-text",
            Op::InsertText { .. } => "insert-text",
            Op::InsertParagraphs { .. } => "insert-paragraphs",
            Op::ReplaceParagraph { .. } => "replace-paragraph",
        }
    }
}

/// Reads one instruction: `header` is its text up to the colon that introduces new
/// paragraphs (or the whole instruction), `body` the paragraphs after that colon, already
/// split. `None` when the words follow none of the forms above.
pub(crate) fn parse(header: &str, body: &[String]) -> Option<Op> {
    let (skeleton, quotes) = skeleton(header);
    let s = skeleton
        .trim()
        .trim_end_matches(['.', ':', ';'])
        .trim_end()
        .to_string();
    let lower = s.to_lowercase();
    let q = |i: usize| quotes.get(i).cloned();
    if let Some(rest) = strip_word(&lower, "in") {
        // "In operative paragraph 5, delete “…”" — the places end at the first comma that
        // is followed by the verb.
        let (places, action) = split_action(rest)?;
        let scope = Scope::In(refs(places)?);
        return text_op(scope, action, &q);
    }
    if let Some(rest) = strip_word(&lower, "delete") {
        if rest.contains(QUOTE) {
            // "Delete “…” in operative paragraph 3" / "… wherever it appears".
            let (action, scope) = trailing_scope(&format!("delete {rest}"))?;
            return text_op(scope, &action, &q);
        }
        return Some(Op::DeleteParagraphs(refs(rest)?));
    }
    if let Some(rest) = strip_word(&lower, "replace") {
        if rest.starts_with(QUOTE) {
            let (action, scope) = trailing_scope(&format!("replace {rest}"))?;
            return text_op(scope, &action, &q);
        }
        // "Replace operative paragraph 200 with the following text" / "… to read".
        let cut = rest.find(" with ").or_else(|| rest.find(" to read"))?;
        let mut targets = refs(&rest[..cut])?;
        if targets.len() != 1 || body.is_empty() {
            return None;
        }
        return Some(Op::ReplaceParagraph {
            target: targets.remove(0),
            paragraphs: body.to_vec(),
        });
    }
    if let Some(rest) = strip_word(&lower, "after").or_else(|| strip_word(&lower, "before")) {
        let before = lower.starts_with("before");
        // "After operative paragraph 4, insert two new operative paragraphs reading".
        let (place, action) = split_action(rest)?;
        let anchor = single_ref(place)?;
        return insert_paragraphs(anchor, before, action, body);
    }
    if let Some(rest) = strip_word(&lower, "insert").or_else(|| strip_word(&lower, "add")) {
        // "Insert a new operative paragraph after operative paragraph 4, reading".
        for (word, before) in [(" after ", false), (" before ", true)] {
            if let Some(at) = rest.find(word) {
                let place = rest[at + word.len()..]
                    .trim_end_matches(" reading")
                    .trim_end_matches(',');
                let place = place.split(',').next().unwrap_or(place);
                let anchor = single_ref(place)?;
                return insert_paragraphs(anchor, before, &format!("insert {}", &rest[..at]), body);
            }
        }
    }
    None
}

/// Stands in for a quoted text in the skeleton of an instruction.
const QUOTE: char = '\u{E001}';

/// The instruction with each quoted text replaced by [`QUOTE`], and the quoted texts in
/// order. Curly quotation marks pair as written; straight ones pair in turn. Whitespace
/// inside quotes is collapsed.
pub(crate) fn skeleton(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut quotes = Vec::new();
    let mut current: Option<(char, String)> = None;
    for c in text.chars() {
        match &mut current {
            Some((close, q)) => {
                if c == *close {
                    quotes.push(collapse(q));
                    out.push(QUOTE);
                    current = None;
                } else {
                    q.push(c);
                }
            }
            None => match c {
                '“' => current = Some(('”', String::new())),
                '"' => current = Some(('"', String::new())),
                _ => out.push(c),
            },
        }
    }
    if let Some((_, q)) = current {
        // An unclosed quotation runs to the end of the instruction.
        quotes.push(collapse(&q));
        out.push(QUOTE);
    }
    (collapse(&out), quotes)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` without its first word `word` (any case already lowered), or `None`.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    rest.starts_with(' ').then(|| rest.trim_start())
}

/// Splits "operative paragraph 5, delete “…”" at the comma before the action verb.
fn split_action(s: &str) -> Option<(&str, &str)> {
    const VERBS: [&str; 6] = ["delete", "replace", "insert", "add", "after", "before"];
    let mut from = 0;
    while let Some(i) = s[from..].find(',') {
        let at = from + i;
        let rest = s[at + 1..].trim_start();
        if VERBS.iter().any(|v| strip_word(rest, v).is_some()) {
            return Some((&s[..at], rest));
        }
        from = at + 1;
    }
    None
}

/// "replace Q with Q in the title, the preambular paragraphs and the operative paragraphs":
/// the action and its scope.
fn trailing_scope(s: &str) -> Option<(String, Scope)> {
    let last_quote = s.rfind(QUOTE)?;
    let after = s[last_quote + QUOTE.len_utf8()..].trim();
    let action = s[..last_quote + QUOTE.len_utf8()].to_string();
    let everywhere = |title, preambular, operative| Scope::Everywhere {
        title,
        preambular,
        operative,
    };
    if after.is_empty()
        || after.contains("throughout")
        || after.contains("wherever")
        || after.contains("each time")
    {
        return Some((action, everywhere(true, true, true)));
    }
    let places = after.strip_prefix("in ")?.trim();
    if places.contains("paragraphs") && !places.chars().any(|c| c.is_ascii_digit()) {
        return Some((
            action,
            everywhere(
                places.contains("title"),
                places.contains("preambular"),
                places.contains("operative"),
            ),
        ));
    }
    Some((action, Scope::In(refs(places)?)))
}

/// The text operation `action` describes ("delete Q", "replace Q with Q", "after Q insert Q",
/// "insert Q after Q").
fn text_op(scope: Scope, action: &str, q: &dyn Fn(usize) -> Option<String>) -> Option<Op> {
    let a = action.trim();
    let shape: String = a
        .split_whitespace()
        .map(|w| if w.contains(QUOTE) { "Q" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
        .replace(',', "");
    let op = match shape.as_str() {
        "delete Q" | "delete the words Q" => Op::DeleteText { scope, text: q(0)? },
        "replace Q with Q" | "replace the words Q with Q" | "replace Q by Q" => Op::ReplaceText {
            scope,
            old: q(0)?,
            new: q(1)?,
        },
        _ => {
            // "after Q insert Q", "insert Q before Q", with "add" for "insert".
            let words: Vec<&str> = shape.split(' ').collect();
            let place = |w: &str| matches!(w, "after" | "before");
            let verb = |w: &str| matches!(w, "insert" | "add");
            let (before, anchor, text) = match words.as_slice() {
                [p, "Q", v, "Q"] if place(p) && verb(v) => (*p == "before", 0, 1),
                [v, "Q", p, "Q"] if verb(v) && place(p) => (*p == "before", 1, 0),
                _ => return None,
            };
            Op::InsertText {
                scope,
                anchor: q(anchor)?,
                before,
                text: q(text)?,
            }
        }
    };
    Some(op)
}

/// "insert two new operative paragraphs reading" with its body.
fn insert_paragraphs(anchor: Ref, before: bool, action: &str, body: &[String]) -> Option<Op> {
    let words: Vec<&str> = action.split_whitespace().collect();
    if !matches!(words.first(), Some(&"insert") | Some(&"add")) || body.is_empty() {
        return None;
    }
    let kind = if words.contains(&"preambular") {
        Kind::Preambular
    } else if words.contains(&"operative") {
        Kind::Operative
    } else {
        match anchor {
            Ref::Preambular(_) => Kind::Preambular,
            _ => Kind::Operative,
        }
    };
    // A count, when given, must match the paragraphs read ("two new operative paragraphs").
    if let Some(n) = words.get(1).and_then(|w| count_value(w)) {
        if words.get(1) != Some(&"a") && n as usize != body.len() {
            return None;
        }
    }
    Some(Op::InsertParagraphs {
        anchor,
        before,
        kind,
        paragraphs: body.to_vec(),
    })
}

fn single_ref(s: &str) -> Option<Ref> {
    let mut r = refs(s)?;
    (r.len() == 1).then(|| r.remove(0))
}

/// Reads a list of places: "the twenty-first preambular paragraph and operative paragraphs
/// 35, 38 and 39", "the third and fourth preambular paragraphs", "operative paragraph 5 (b)",
/// "subparagraph (b) of operative paragraph 5", "the title". `None` when a word is not part
/// of that grammar.
pub(crate) fn refs(s: &str) -> Option<Vec<Ref>> {
    let tokens: Vec<String> = s
        .replace(',', " ")
        .replace('(', " (")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut out = Vec::new();
    let mut ordinals: Vec<u32> = Vec::new();
    let mut subs: Vec<String> = Vec::new();
    // What a following number counts: preambular or operative paragraphs.
    let mut counting: Option<Kind> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        let next = tokens.get(i + 1).map(String::as_str);
        match t {
            "the" | "and" | "of" | "paragraph" | "paragraphs" => {}
            "title" => out.push(Ref::Title),
            "preambular" => {
                if ordinals.is_empty() {
                    counting = Some(Kind::Preambular);
                } else {
                    out.extend(ordinals.drain(..).map(Ref::Preambular));
                    counting = None;
                }
            }
            "operative" => counting = Some(Kind::Operative),
            "subparagraph" | "subparagraphs" => {}
            _ if sub_label(t).is_some() => {
                let label = sub_label(t)?;
                match out.last() {
                    // "operative paragraph 5 (b)"
                    Some(Ref::Operative(n)) if subs.is_empty() && counting.is_some() => {
                        let n = *n;
                        out.pop();
                        out.push(Ref::Sub { op: n, label });
                    }
                    Some(Ref::Sub { op, .. }) if subs.is_empty() && counting.is_some() => {
                        let op = *op;
                        out.push(Ref::Sub { op, label });
                    }
                    // "subparagraph (b) of operative paragraph 5"
                    _ => subs.push(label),
                }
            }
            _ => {
                if let Some(v) = ordinal_value(t) {
                    ordinals.push(v);
                } else if let Ok(n) = t.trim_end_matches('.').parse::<u32>() {
                    match counting {
                        Some(Kind::Preambular) => out.push(Ref::Preambular(n)),
                        Some(Kind::Operative) if !subs.is_empty() => {
                            out.extend(subs.drain(..).map(|label| Ref::Sub { op: n, label }));
                        }
                        Some(Kind::Operative) => out.push(Ref::Operative(n)),
                        None => return None,
                    }
                } else if t == "one" && next == Some("hundredth") {
                    ordinals.push(100);
                    i += 1;
                } else {
                    return None;
                }
            }
        }
        i += 1;
    }
    (ordinals.is_empty() && subs.is_empty() && !out.is_empty()).then_some(out)
}

/// "(b)" gives "b", "(ii)" gives "ii".
fn sub_label(t: &str) -> Option<String> {
    let inner = t.strip_prefix('(')?.strip_suffix(')')?;
    let ok =
        !inner.is_empty() && inner.len() <= 5 && inner.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| inner.to_string())
}

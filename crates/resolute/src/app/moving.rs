//! Moving a paragraph up or down among its siblings (Alt+Up / Alt+Down), then renumbering
//! the operative paragraphs and the internal references to them, as one minimal edit.
//!
//! What moves: an operative paragraph with its subparagraphs, among the operative paragraphs
//! of its part (before any section, or its section); a preambular paragraph among the
//! preambular ones of its part; a subparagraph (with the deeper ones under it) among its
//! siblings under the same parent. Only the two units trade places: the blank lines and
//! everything else between and around them stay as written. Then:
//!
//! - the two units trade their numbers or labels ("3." and "2.", "(b)" and "(a)"), so the
//!   numbering follows the positions and a move is undone by the opposite move (numbers that
//!   were wrong before stay as they were: `fmt` renumbers the whole draft);
//! - for operative paragraphs, the internal references to the two numbers ("paragraph 3
//!   above", "paragraphs 2 and 3") are rewritten with `update_references`, as `fmt` does, in
//!   the paragraphs whose references resolve in the moved paragraph's part (its section when
//!   `renumber` finds that numbering restarts in each section, else the whole draft).
//!
//! An operative paragraph written as a plain paragraph after the list (a number forgotten)
//! does not move, nor do its neighbours past it: before a list item it would read as a
//! preambular paragraph. `fmt` numbers it first.

use std::path::PathBuf;

use resolute_draft::markdown::{renumber, update_references, NumberMap};
use resolute_draft::{Draft, Paragraph, Subparagraph};

use super::edit::{minimal_edit, splice, Splice, TextEdit};
use super::items::line_start;
use super::utf16::Utf16Index;
use crate::Error;

/// A run of text that moves as one: from the start of its first line to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    start: usize,
    end: usize,
}

/// What is under the cursor: its siblings (in order), which one it is, and what it is.
#[derive(Debug)]
struct Target {
    siblings: Vec<Unit>,
    current: usize,
    what: What,
    /// 0 before any section, `i + 1` in section `i`.
    part: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Preambular,
    Operative,
    Subparagraph,
}

/// Moves the paragraph under UTF-16 offset `at` above (`up`) or below its neighbour of the
/// same kind and level, renumbering as described in the module documentation. `None` when
/// there is nothing to move there (blank line, heading, front matter) or no neighbour on
/// that side. The edit's cursor keeps its place inside the moved paragraph. Fails when the
/// front matter does not read.
pub fn move_paragraph(text: &str, at: usize, up: bool) -> Result<Option<TextEdit>, Error> {
    let draft = parse(text)?;
    let byte = Utf16Index::new(text).to_byte(at);
    let Some(target) = target(text, &draft, byte) else {
        return Ok(None);
    };
    let neighbour = if up {
        target.current.checked_sub(1)
    } else {
        target.current.checked_add(1)
    };
    let (Some(&cur), Some(&other)) = (
        target.siblings.get(target.current),
        neighbour.and_then(|n| target.siblings.get(n)),
    ) else {
        return Ok(None);
    };
    // A plain paragraph after the list reads as an operative paragraph only there: moved
    // before a list item it would become a preambular one, and could not move back.
    if target.what == What::Operative && !(is_item(text, cur) && is_item(text, other)) {
        return Ok(None);
    }
    let (swapped, cursor) = swap(text, cur, other, byte, target.what != What::Preambular);
    let pair = (number_of(text, cur), number_of(text, other));
    let (done, cursor) = match (target.what, pair) {
        (What::Operative, (Some(a), Some(b))) if a != b => {
            references(&swapped, cursor, target.part, (a, b))?
        }
        _ => (swapped, cursor),
    };
    Ok(minimal_edit(text, &done, cursor))
}

fn parse(text: &str) -> Result<Draft, Error> {
    resolute_draft::parse_markdown(text).map_err(|source| Error::Format {
        path: PathBuf::from("draft"),
        source,
    })
}

/// The unit under byte `byte` and its siblings.
fn target(src: &str, draft: &Draft, byte: usize) -> Option<Target> {
    let mut parts = vec![(&draft.preamble, &draft.operative)];
    parts.extend(draft.sections.iter().map(|s| (&s.preamble, &s.operative)));
    for (part, (pre, ops)) in parts.into_iter().enumerate() {
        for (list, what) in [(pre, What::Preambular), (ops, What::Operative)] {
            let units: Vec<Unit> = list
                .iter()
                .map(|p| unit(src, p.span.start, p.span.end))
                .collect();
            let Some(i) = units.iter().position(|u| u.start <= byte && byte <= u.end) else {
                continue;
            };
            return match list.get(i).and_then(|p| sub_target(src, p, byte)) {
                Some(sub) => Some(sub),
                None => Some(Target {
                    siblings: units,
                    current: i,
                    what,
                    part,
                }),
            };
        }
    }
    None
}

fn unit(src: &str, start: usize, end: usize) -> Unit {
    Unit {
        start: line_start(src, start),
        end,
    }
}

/// The innermost subparagraph of `p` under `byte`, with its siblings.
fn sub_target(src: &str, p: &Paragraph, byte: usize) -> Option<Target> {
    let subs = &p.sub;
    let j = subs
        .iter()
        .rposition(|s| line_start(src, s.span.start) <= byte)?;
    let level = subs.get(j)?.level;
    // Siblings: the subparagraphs of this level between the parent's boundaries.
    let first = subs
        .iter()
        .take(j)
        .rposition(|s| s.level < level)
        .map_or(0, |k| k + 1);
    let last = subs
        .iter()
        .skip(j)
        .position(|s| s.level < level)
        .map_or(subs.len(), |k| j + k);
    let mut siblings = Vec::new();
    let mut current = 0;
    for k in first..last {
        if subs.get(k).is_some_and(|s| s.level == level) {
            if k == j {
                current = siblings.len();
            }
            siblings.push(sub_unit(src, subs, k));
        }
    }
    Some(Target {
        siblings,
        current,
        what: What::Subparagraph,
        part: 0,
    })
}

/// Subparagraph `k` with the deeper ones that follow it.
fn sub_unit(src: &str, subs: &[Subparagraph], k: usize) -> Unit {
    let Some(head) = subs.get(k) else {
        return Unit { start: 0, end: 0 };
    };
    let end = subs
        .iter()
        .skip(k + 1)
        .take_while(|s| s.level > head.level)
        .map(|s| s.span.end)
        .fold(head.span.end, usize::max);
    unit(src, head.span.start, end)
}

/// The text with units `cur` and `other` swapped, and where byte `cursor` (inside `cur`)
/// went. With `labels`, the two units also trade their labels (their first word).
fn swap(src: &str, cur: Unit, other: Unit, cursor: usize, labels: bool) -> (String, usize) {
    let down = cur.start < other.start;
    let (a, b) = if down { (cur, other) } else { (other, cur) };
    let slice = |u: Unit| src.get(u.start..u.end).unwrap_or("");
    let (text_a, text_b) = (slice(a), slice(b));
    let (new_a, new_b) = if labels {
        trade_labels(text_a, text_b)
    } else {
        (text_a.to_string(), text_b.to_string())
    };
    let mut out = String::with_capacity(src.len() + 8);
    out.push_str(src.get(..a.start).unwrap_or(""));
    out.push_str(&new_b);
    out.push_str(src.get(a.end..b.start).unwrap_or(""));
    let a_at = out.len();
    out.push_str(&new_a);
    out.push_str(src.get(b.end..).unwrap_or(""));
    // Inside the moved unit the cursor keeps its offset, shifted past a label that changed
    // length ("(b)" -> "(aa)").
    let (old_text, new_text, new_start) = if down {
        (text_a, &new_a, a_at)
    } else {
        (text_b, &new_b, a.start)
    };
    let rel = cursor.saturating_sub(cur.start);
    let label_end = label_range(old_text).end;
    let rel = if rel >= label_end {
        (rel + new_text.len()).saturating_sub(old_text.len())
    } else {
        rel.min(label_range(new_text).end)
    };
    (out, new_start + rel)
}

/// Units `a` and `b` with their labels traded: (new a, new b).
fn trade_labels(a: &str, b: &str) -> (String, String) {
    let (ra, rb) = (label_range(a), label_range(b));
    let label = |t: &str, r: &std::ops::Range<usize>| t.get(r.clone()).unwrap_or("").to_string();
    let (la, lb) = (label(a, &ra), label(b, &rb));
    let rebuild = |t: &str, r: std::ops::Range<usize>, l: &str| {
        let head = t.get(..r.start).unwrap_or("");
        let tail = t.get(r.end..).unwrap_or("");
        format!("{head}{l}{tail}")
    };
    (rebuild(a, ra, &lb), rebuild(b, rb, &la))
}

/// Whether a unit is a list item: "3. ", "3) " or a bullet "- ".
fn is_item(src: &str, u: Unit) -> bool {
    let line = src.get(u.start..u.end).unwrap_or("").trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(digits..).unwrap_or("");
    let marker = if digits > 0 {
        rest.strip_prefix(['.', ')'])
    } else {
        rest.strip_prefix(['-', '+', '*'])
    };
    marker.is_some_and(|r| r.starts_with([' ', '\t']))
}

/// Byte range of a unit's label: its first run of non-blank characters.
fn label_range(unit: &str) -> std::ops::Range<usize> {
    let start = unit.len() - unit.trim_start().len();
    let rest = unit.get(start..).unwrap_or("");
    start..start + rest.find(char::is_whitespace).unwrap_or(rest.len())
}

/// `text` (after the swap) with the internal references to the two traded numbers `pair`
/// rewritten, in the paragraphs whose references resolve in part `part` (that part when
/// numbering restarts in each section, as `renumber` finds it, else the whole draft); and
/// where byte `cursor` went.
fn references(
    text: &str,
    cursor: usize,
    part: usize,
    pair: (u32, u32),
) -> Result<(String, usize), Error> {
    let draft = parse(text)?;
    let restarts = renumber(&mut draft.clone()).restarts;
    let map = NumberMap {
        pairs: vec![pair, (pair.1, pair.0)],
    };
    let scope: Vec<&Paragraph> = if restarts {
        let (pre, ops) = part_lists(&draft, part);
        pre.iter().chain(ops).collect()
    } else {
        draft.paragraphs().collect()
    };
    let mut splices: Vec<Splice> = scope
        .into_iter()
        .filter_map(|p| {
            let old = text.get(p.span.range())?;
            narrow(p.span.start, old, &update_references(old, &map))
        })
        .collect();
    splices.sort_by_key(|s| s.0);
    let mut out = text.to_string();
    let mut cursor = cursor;
    for (start, end, new) in splices.iter().rev() {
        if *end <= cursor {
            cursor = cursor + new.len() - (end - start);
        } else if *start < cursor {
            cursor = start + new.len();
        }
        out.replace_range(*start..*end, new);
    }
    Ok((out, cursor))
}

/// The preambular and operative paragraphs of part `part` (0: before any section).
fn part_lists(draft: &Draft, part: usize) -> (&[Paragraph], &[Paragraph]) {
    match part.checked_sub(1).and_then(|i| draft.sections.get(i)) {
        Some(s) => (&s.preamble, &s.operative),
        None => (&draft.preamble, &draft.operative),
    }
}

/// The number written at the start of a unit ("3." gives 3).
fn number_of(src: &str, u: Unit) -> Option<u32> {
    let line = src.get(u.start..u.end)?.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.get(..digits)?.parse().ok()
}

/// The smallest splice turning `old` (at byte `base`) into `new`, if they differ.
fn narrow(base: usize, old: &str, new: &str) -> Option<Splice> {
    let (start, end, insert) = splice(old, new)?;
    Some((base + start, base + end, insert))
}

#[cfg(test)]
mod tests;

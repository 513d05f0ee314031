//! Track Changes: the current draft written against a base text (a prior resolution or an
//! earlier draft) with every difference as a Word revision (`w:ins` / `w:del`, author and
//! date), so that accepting all revisions gives the current text and rejecting all gives
//! the base text.
//!
//! Paragraphs, subparagraphs and section headings are aligned by
//! [`resolute_draft::compare`]; inside a paired unit the word diff decides the runs. A moved
//! unit is written as deleted where it stood and inserted where it now is, because Word's
//! move markup would need both places anyway and a reader that ignores moves still gets
//! both texts right.

use super::write::{enacting_runs, heading, sub_style, Builder, Mark, Run};
use crate::ConvertError;
use resolute_draft::compare::{compare, units, word_diff, Change, ChangeKind, Unit, UnitKind};
use resolute_draft::{Draft, Paragraph};
use std::collections::HashMap;

/// Writes `current` as a .docx whose differences from `base` are tracked revisions by
/// `author` at `date` (ISO 8601, e.g. "2026-11-28T09:00:00Z").
///
/// Footnote references follow the current text and are not themselves tracked; the
/// footnotes part holds the current notes.
pub fn write_tracked(
    base: &Draft,
    current: &Draft,
    author: &str,
    date: &str,
) -> Result<Vec<u8>, ConvertError> {
    let mut b = Builder::tracked(author, date);
    heading(&mut b, current);
    enacting(&mut b, base, current);
    let info = Info::new(base, current);
    for change in with_moves_split(base, compare(base, current).changes) {
        unit(&mut b, &info, (base, current), &change);
    }
    b.finish(current)
}

fn enacting(b: &mut Builder, base: &Draft, current: &Draft) {
    let old = base.enacting.as_ref().map(|e| e.text.as_str());
    let new = current.enacting.as_ref().map(|e| e.text.as_str());
    match (old, new) {
        (Some(o), Some(n)) if o == n => {
            b.paragraph("Enacting", &enacting_runs(n, Mark::Plain), Mark::Plain)
        }
        (None, None) => {}
        (o, n) => b.paragraph("Enacting", &diff_runs(o, n), paragraph_mark(o, n)),
    }
}

/// What the model knows of a unit beyond its text.
#[derive(Debug, Clone, Default)]
struct Known {
    /// Footnote labels referred to.
    notes: Vec<String>,
    /// Whether an operative number is written (a lone paragraph may have none).
    numbered: bool,
    /// A subparagraph's label as written ("(a)", "a.", possibly empty) and level.
    sub: Option<(String, u8)>,
    /// Length in bytes of the opening phrase the paragraph starts with, set in italics.
    opening: usize,
}

/// [`Known`] of every unit of each draft, keyed by (unit label, text).
#[derive(Debug, Default)]
struct Info {
    old: HashMap<(String, String), Known>,
    new: HashMap<(String, String), Known>,
}

impl Info {
    fn new(base: &Draft, current: &Draft) -> Self {
        Info {
            old: unit_info(base),
            new: unit_info(current),
        }
    }

    fn get(&self, unit: &Unit, old: bool) -> Option<&Known> {
        let map = if old { &self.old } else { &self.new };
        map.get(&(unit.label.clone(), unit.text.clone()))
    }

    fn notes(&self, unit: &Unit) -> &[String] {
        self.get(unit, false).map_or(&[], |k| k.notes.as_slice())
    }

    /// Length of the opening phrase of `unit` (of the new text when there is one).
    fn opening(&self, old: Option<&Unit>, new: Option<&Unit>) -> usize {
        let known = match new {
            Some(n) => self.get(n, false),
            None => old.and_then(|o| self.get(o, true)),
        };
        known.map_or(0, |k| k.opening)
    }

    fn numbered(&self, unit: &Unit, old: bool) -> bool {
        self.get(unit, old).is_none_or(|k| k.numbered)
    }

    fn sub(&self, unit: &Unit, old: bool) -> Option<(String, u8)> {
        self.get(unit, old).and_then(|k| k.sub.clone())
    }
}

fn unit_info(draft: &Draft) -> HashMap<(String, String), Known> {
    let mut paragraphs: Vec<&Paragraph> = Vec::new();
    paragraphs.extend(draft.preamble.iter().chain(&draft.operative));
    for s in &draft.sections {
        paragraphs.extend(s.preamble.iter().chain(&s.operative));
    }
    let mut per_unit = Vec::new();
    for p in paragraphs {
        let numbered = p.number.is_some();
        let opening = p.opening.as_deref().filter(|o| p.text.starts_with(o));
        per_unit.push((
            p.text.clone(),
            Known {
                notes: p.footnote_refs.clone(),
                numbered,
                sub: None,
                opening: opening.map_or(0, str::len),
            },
        ));
        per_unit.extend(p.sub.iter().map(|s| {
            let sub = Some((s.label.clone(), s.level));
            (
                s.text.clone(),
                Known {
                    notes: s.footnote_refs.clone(),
                    numbered: true,
                    sub,
                    opening: 0,
                },
            )
        }));
    }
    // Units come in the same document order, section headings interleaved.
    let mut info = HashMap::new();
    let mut rest = per_unit.into_iter();
    for u in units(draft)
        .into_iter()
        .filter(|u| u.kind != UnitKind::Section)
    {
        if let Some((text, known)) = rest.next() {
            if text == u.text {
                info.insert((u.label, u.text), known);
            }
        }
    }
    info
}

/// The changes with each moved unit split into a deletion at its old place (among the
/// units that kept theirs) and an insertion at its new place.
fn with_moves_split(base: &Draft, changes: Vec<Change>) -> Vec<Change> {
    let order: HashMap<(String, String), usize> = units(base)
        .into_iter()
        .enumerate()
        .map(|(i, u)| ((u.label, u.text), i))
        .collect();
    let index = |u: &Unit| order.get(&(u.label.clone(), u.text.clone())).copied();
    let mut out: Vec<Change> = Vec::new();
    let mut moved_away: Vec<(usize, Change)> = Vec::new();
    for change in changes {
        if change.change != ChangeKind::Moved {
            out.push(change);
            continue;
        }
        if let Some(i) = change.old.as_ref().and_then(index) {
            moved_away.push((i, one_sided(&change, false)));
        }
        out.push(one_sided(&change, true));
    }
    for (i, deletion) in moved_away {
        let at = out
            .iter()
            .position(|c| c.old.as_ref().and_then(index).is_some_and(|j| j > i))
            .unwrap_or(out.len());
        out.insert(at, deletion);
    }
    out
}

/// The insertion (`inserted`) or deletion half of a moved unit.
fn one_sided(change: &Change, inserted: bool) -> Change {
    Change {
        change: if inserted {
            ChangeKind::Inserted
        } else {
            ChangeKind::Deleted
        },
        kind: change.kind,
        old: if inserted { None } else { change.old.clone() },
        new: if inserted { change.new.clone() } else { None },
        diff: Vec::new(),
        similarity: 0.0,
    }
}

fn unit(b: &mut Builder, info: &Info, drafts: (&Draft, &Draft), change: &Change) {
    let current = drafts.1;
    let (old, new) = (change.old.as_ref(), change.new.as_ref());
    let kind = new.or(old).map_or(UnitKind::Preambular, |u| u.kind);
    let mark = paragraph_mark(old, new);
    let (style, mut runs) = match kind {
        UnitKind::Preambular => ("Preambular", Vec::new()),
        UnitKind::Operative => ("Operative", number_runs(info, old, new)),
        UnitKind::Subparagraph => subparagraph_prefix(info, old, new),
        UnitKind::Section => ("SectionHeading", Vec::new()),
    };
    if kind == UnitKind::Section {
        runs.extend(section_runs(drafts, old, new));
    } else {
        let text = diff_runs(old.map(|u| u.text.as_str()), new.map(|u| u.text.as_str()));
        runs.extend(italic_opening(text, info.opening(old, new)));
    }
    if let Some(n) = new {
        let notes = info.notes(n).to_vec();
        // A new paragraph brings its notes: rejecting it must leave no stray mark behind.
        let note_mark = if old.is_none() {
            Mark::Ins
        } else {
            Mark::Plain
        };
        runs.extend(
            notes
                .iter()
                .filter_map(|l| b.note(current, l).map(|id| Run::Note(id, note_mark))),
        );
    }
    b.paragraph(style, &runs, mark);
}

/// A section heading as `write` sets it, label and heading on two lines, each tracked.
fn section_runs(drafts: (&Draft, &Draft), old: Option<&Unit>, new: Option<&Unit>) -> Vec<Run> {
    let (o, n) = (section_parts(drafts.0, old), section_parts(drafts.1, new));
    let mut runs = diff_runs(o.map(|s| s.0), n.map(|s| s.0));
    let heading = diff_runs(o.map(|s| s.1), n.map(|s| s.1));
    if !runs.is_empty() && !heading.is_empty() {
        runs.push(Run::Break);
    }
    runs.extend(heading);
    runs
}

/// Label and heading of the section `unit` stands for in `draft`.
fn section_parts<'a>(draft: &'a Draft, unit: Option<&Unit>) -> Option<(&'a str, &'a str)> {
    let section = unit.and_then(|u| draft.sections.get(u.n.wrapping_sub(1)))?;
    Some((section.label.as_str(), section.heading.as_str()))
}

/// The runs with the first `len` bytes of the text they read as (accepted, or rejected
/// for a deleted paragraph) in italics: the opening phrase, as UN documents set it.
fn italic_opening(runs: Vec<Run>, len: usize) -> Vec<Run> {
    let deleted_only = runs.iter().all(|r| matches!(r, Run::Text(_, _, Mark::Del)));
    let mut at = 0;
    let mut out = Vec::new();
    for run in runs {
        let Run::Text(text, _, mark) = run else {
            out.push(run);
            continue;
        };
        let counts = mark != Mark::Del || deleted_only;
        let cut = if counts {
            len.saturating_sub(at).min(text.len())
        } else {
            0
        };
        match (text.get(..cut), text.get(cut..)) {
            (Some(head), Some(tail)) if cut > 0 => {
                out.push(Run::Text(head.to_string(), true, mark));
                if !tail.is_empty() {
                    out.push(Run::Text(tail.to_string(), false, mark));
                }
            }
            _ => out.push(Run::Text(text.clone(), false, mark)),
        }
        if counts {
            at += text.len();
        }
    }
    out
}

/// Inserted when only the new side exists, deleted when only the old one does.
fn paragraph_mark<T>(old: Option<T>, new: Option<T>) -> Mark {
    match (old.is_some(), new.is_some()) {
        (false, true) => Mark::Ins,
        (true, false) => Mark::Del,
        _ => Mark::Plain,
    }
}

/// "3." then a tab; a renumbering is a deleted and an inserted number.
fn number_runs(info: &Info, old: Option<&Unit>, new: Option<&Unit>) -> Vec<Run> {
    let o = old.filter(|u| u.kind == UnitKind::Operative && info.numbered(u, true));
    let n = new.filter(|u| u.kind == UnitKind::Operative && info.numbered(u, false));
    prefix_runs(
        o.map(|u| format!("{}.", u.n)),
        n.map(|u| format!("{}.", u.n)),
    )
}

/// A typed number or label and its tab, tracked like text.
fn prefix_runs(old: Option<String>, new: Option<String>) -> Vec<Run> {
    let mut runs = Vec::new();
    match (&old, &new) {
        (Some(o), Some(n)) if o == n => runs.push(Run::Text(n.clone(), false, Mark::Plain)),
        _ => {
            runs.extend(old.clone().map(|o| Run::Text(o, false, Mark::Del)));
            runs.extend(new.clone().map(|n| Run::Text(n, false, Mark::Ins)));
        }
    }
    match (old.is_some(), new.is_some()) {
        (true, true) => runs.push(Run::Tab(Mark::Plain)),
        (true, false) => runs.push(Run::Tab(Mark::Del)),
        (false, true) => runs.push(Run::Tab(Mark::Ins)),
        (false, false) => {}
    }
    runs
}

/// The style and label runs of a subparagraph unit, from the label the model records.
fn subparagraph_prefix(
    info: &Info,
    old: Option<&Unit>,
    new: Option<&Unit>,
) -> (&'static str, Vec<Run>) {
    let o = old
        .filter(|u| u.kind == UnitKind::Subparagraph)
        .and_then(|u| info.sub(u, true));
    let n = new
        .filter(|u| u.kind == UnitKind::Subparagraph)
        .and_then(|u| info.sub(u, false));
    let level = n.as_ref().or(o.as_ref()).map_or(1, |(_, l)| *l);
    (
        sub_style(level),
        prefix_runs(o.map(|(l, _)| l), n.map(|(l, _)| l)),
    )
}

/// Runs that read as `old` with all revisions rejected and as `new` with all accepted.
fn diff_runs(old: Option<&str>, new: Option<&str>) -> Vec<Run> {
    let segments = match (old, new) {
        (Some(o), Some(n)) => segments(o, n),
        (Some(o), None) => vec![Segment::Change(words(o), String::new())],
        (None, Some(n)) => vec![Segment::Change(String::new(), words(n))],
        (None, None) => Vec::new(),
    };
    render(&segments)
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stretch both texts share, or a change (deleted words, inserted words).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Same(String),
    Change(String, String),
}

/// The word diff as segments. The diff compares words loosely (case and punctuation
/// aside) and writes "equal" stretches as the new text has them, so each equal word is
/// checked against the old word it stands for and becomes a change when they differ.
fn segments(old: &str, new: &str) -> Vec<Segment> {
    let mut old_words = old.split_whitespace();
    let mut out: Vec<Segment> = Vec::new();
    for op in word_diff(old, new) {
        for word in op.text.split_whitespace() {
            let (del, ins) = match op.op {
                "delete" => (Some(word), None),
                "insert" => (None, Some(word)),
                _ => match old_words.next() {
                    Some(o) if o == word => {
                        push_same(&mut out, word);
                        continue;
                    }
                    o => (o, Some(word)),
                },
            };
            if op.op == "delete" {
                old_words.next();
            }
            push_change(&mut out, del, ins);
        }
    }
    out
}

fn push_same(out: &mut Vec<Segment>, word: &str) {
    match out.last_mut() {
        Some(Segment::Same(s)) => {
            s.push(' ');
            s.push_str(word);
        }
        _ => out.push(Segment::Same(word.to_string())),
    }
}

fn push_change(out: &mut Vec<Segment>, del: Option<&str>, ins: Option<&str>) {
    if !matches!(out.last(), Some(Segment::Change(..))) {
        out.push(Segment::Change(String::new(), String::new()));
    }
    if let Some(Segment::Change(d, i)) = out.last_mut() {
        for (side, word) in [(d, del), (i, ins)] {
            if let Some(w) = word {
                if !side.is_empty() {
                    side.push(' ');
                }
                side.push_str(w);
            }
        }
    }
}

/// Segments as runs with the spaces placed so that both readings have single spaces and
/// none at either end: a change followed by shared text carries its trailing space, a
/// final change its leading one.
fn render(segments: &[Segment]) -> Vec<Run> {
    let mut runs = Vec::new();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match seg {
            Segment::Same(text) => {
                let space = if i + 1 < last { " " } else { "" };
                runs.push(Run::Text(format!("{text}{space}"), false, Mark::Plain));
            }
            Segment::Change(del, ins) => {
                let (before, after) = match (i == last, i == 0) {
                    (false, _) => ("", " "),
                    (true, false) => (" ", ""),
                    (true, true) => ("", ""),
                };
                for (text, mark) in [(del, Mark::Del), (ins, Mark::Ins)] {
                    if !text.is_empty() {
                        runs.push(Run::Text(format!("{before}{text}{after}"), false, mark));
                    }
                }
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a run list reads as with revisions accepted (or rejected).
    fn reading(runs: &[Run], accept: bool) -> String {
        let skip = if accept { Mark::Del } else { Mark::Ins };
        runs.iter()
            .filter_map(|r| match r {
                Run::Text(t, _, m) if *m != skip => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn accepting_and_rejecting_give_each_text_exactly() {
        let cases = [
            ("Decides to act now;", "Also decides to act now,"),
            ("a b c d", "a x c"),
            ("a b", "c d"),
            ("first words stay", "first words stay and more"),
            ("drop these then keep", "keep"),
            ("report,", "report;"),
        ];
        for (old, new) in cases {
            let runs = diff_runs(Some(old), Some(new));
            assert_eq!(reading(&runs, true), new, "{old} -> {new}: {runs:?}");
            assert_eq!(reading(&runs, false), old, "{old} -> {new}: {runs:?}");
        }
    }

    #[test]
    fn opening_is_italic_across_runs_and_only_the_opening() {
        let runs = diff_runs(
            Some("Recalling its resolution,"),
            Some("Recalling also its resolution,"),
        );
        let runs = italic_opening(runs, "Recalling also".len());
        let italic: String = runs
            .iter()
            .filter_map(|r| match r {
                Run::Text(t, true, m) if *m != Mark::Del => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(italic, "Recalling also");
        assert_eq!(reading(&runs, true), "Recalling also its resolution,");
    }

    #[test]
    fn punctuation_only_change_is_a_revision() {
        let runs = diff_runs(Some("report,"), Some("report;"));
        assert!(runs
            .iter()
            .any(|r| matches!(r, Run::Text(t, _, Mark::Del) if t == "report,")));
    }

    #[test]
    fn subparagraph_label_and_level_come_from_the_model() {
        let draft = resolute_draft::segment(
            "The General Assembly,\n\n1.\tRequests:\n\n(a)\tTo act:\n\n(i)\tSoon;\n",
        );
        let info = Info::new(&draft, &draft);
        let all = units(&draft);
        let unit = all.last().unwrap_or_else(|| unreachable!());
        let (style, runs) = subparagraph_prefix(&info, Some(unit), Some(unit));
        assert_eq!(style, "Sub2", "{all:?}");
        assert_eq!(
            runs.first(),
            Some(&Run::Text("(i)".into(), false, Mark::Plain))
        );
    }
}

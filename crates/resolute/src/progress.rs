//! `resolute progress OLD NEW [--json]`: what changed between two rounds of a negotiating
//! text. Paragraphs are paired by wording (`compare::paragraph_pairs`, so a renumbered or
//! moved paragraph is the same paragraph); in each pair the bracketed texts of the old round that
//! the new one no longer has are closed, those it has anew are opened; groups of
//! alternatives that disappear are settled; a paragraph marked agreed that was not is newly
//! agreed. Paragraphs of one round only are added or deleted, with all their brackets.
//! Brackets outside any paragraph (in headings) are counted as one more pair.
//! By construction `opened - closed` equals the difference of the two rounds' bracket pairs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use resolute_draft::compare::paragraph_pairs;
use resolute_draft::negotiation::{self, Negotiation, Status};
use resolute_draft::Draft;
use serde::Serialize;

use crate::{negotiating_text, Error, Stage};

/// Compare two rounds.
#[derive(Debug, Clone)]
pub struct ProgressRequest {
    /// The earlier round (any readable document).
    pub old: PathBuf,
    /// The later round.
    pub new: PathBuf,
}

/// One paragraph's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphProgress {
    /// Its label in the old round, `None` when added.
    pub old: Option<String>,
    /// Its label in the new round, `None` when deleted.
    pub new: Option<String>,
    /// "same", "changed", "added", "deleted".
    pub change: &'static str,
    /// Bracket pairs in the old and the new round.
    pub brackets: (usize, usize),
    /// Bracketed texts of the old round gone in the new one.
    pub closed: usize,
    /// Bracketed texts new in this round.
    pub opened: usize,
    /// Groups of alternatives gone.
    pub settled: usize,
    /// Whether it became agreed (ad ref) in this round.
    pub newly_agreed: bool,
    /// Where the paragraph starts in the new round's text (byte offset); `None` when deleted.
    #[serde(skip)]
    pub at: Option<usize>,
}

/// Totals over the whole text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProgressTotals {
    /// Bracket pairs in the old round.
    pub old_pairs: usize,
    /// Bracket pairs in the new round.
    pub new_pairs: usize,
    /// Brackets closed.
    pub closed: usize,
    /// Brackets opened.
    pub opened: usize,
    /// Groups of alternatives settled.
    pub settled: usize,
    /// Paragraphs newly agreed.
    pub newly_agreed: usize,
    /// Paragraphs added.
    pub added: usize,
    /// Paragraphs deleted.
    pub deleted: usize,
    /// Paragraphs of the new round that are open (hold brackets).
    pub open_paragraphs: usize,
}

/// The progress report.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// The old round, as given.
    pub old: String,
    /// The new round, as given.
    pub new: String,
    /// Totals.
    pub totals: ProgressTotals,
    /// Every paragraph with something to say (brackets before or after, agreed, added,
    /// deleted), in the new round's order, deleted ones where they stood.
    pub paragraphs: Vec<ParagraphProgress>,
}

/// One round read: its negotiation and, per paragraph, the multiset of its bracketed texts.
struct Round {
    n: Negotiation,
    /// Bracketed texts (whitespace collapsed) per paragraph index; the last entry holds the
    /// brackets outside any paragraph.
    texts: Vec<Vec<String>>,
    draft: Draft,
}

fn round(path: &Path) -> Result<Round, Error> {
    let (text, draft) = negotiating_text(path, &Stage::Detect)?;
    Ok(round_of(&text, draft))
}

fn round_of(text: &str, draft: Draft) -> Round {
    let n = negotiation::analyze(text, &draft);
    let mut texts = vec![Vec::new(); n.paragraphs.len() + 1];
    for b in &n.brackets {
        let inner = text.get(b.span.range()).unwrap_or("");
        let words = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = b
            .paragraph
            .unwrap_or(n.paragraphs.len())
            .min(n.paragraphs.len());
        texts[at].push(words);
    }
    Round { n, texts, draft }
}

/// `a` minus `b` as multisets: how many of `a` are not matched in `b`.
fn missing(a: &[String], b: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for t in b {
        *left.entry(t.as_str()).or_default() += 1;
    }
    a.iter()
        .filter(|t| match left.get_mut(t.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .count()
}

fn agreed(s: &Option<Status>) -> bool {
    matches!(s, Some(Status::AgreedAdRef))
}

/// Reads both rounds and compares them.
pub fn progress(request: &ProgressRequest) -> Result<Progress, Error> {
    let (totals, paragraphs) = compare(&round(&request.old)?, &round(&request.new)?);
    Ok(Progress {
        old: crate::error::shown(&request.old),
        new: crate::error::shown(&request.new),
        totals,
        paragraphs,
    })
}

/// Compares two rounds given in the draft format (the previous round as
/// [`negotiating_text`] gives it, the draft being edited): what the app's negotiation panel
/// shows since a previous round. `None` when either text does not read as a draft.
pub fn progress_between(old: &str, new: &str) -> Option<(ProgressTotals, Vec<ParagraphProgress>)> {
    let old = round_of(old, resolute_draft::parse_markdown(old).ok()?);
    let new = round_of(new, resolute_draft::parse_markdown(new).ok()?);
    Some(compare(&old, &new))
}

fn compare(old: &Round, new: &Round) -> (ProgressTotals, Vec<ParagraphProgress>) {
    let mut rows: Vec<ParagraphProgress> = paragraph_pairs(&old.draft, &new.draft)
        .into_iter()
        .map(|p| {
            let change = match (p.old, p.new) {
                (Some(_), Some(_)) if p.similarity >= 1.0 => "same",
                (Some(_), Some(_)) => "changed",
                (None, _) => "added",
                (_, None) => "deleted",
            };
            row(old, new, p.old, p.new, change)
        })
        .collect();
    let outside = (
        &old.texts[old.n.paragraphs.len()],
        &new.texts[new.n.paragraphs.len()],
    );
    let mut totals = ProgressTotals {
        old_pairs: old.n.totals.pairs,
        new_pairs: new.n.totals.pairs,
        closed: missing(outside.0, outside.1),
        opened: missing(outside.1, outside.0),
        open_paragraphs: new.n.totals.open_paragraphs,
        ..ProgressTotals::default()
    };
    for r in &rows {
        totals.closed += r.closed;
        totals.opened += r.opened;
        totals.settled += r.settled;
        totals.newly_agreed += usize::from(r.newly_agreed);
        totals.added += usize::from(r.change == "added");
        totals.deleted += usize::from(r.change == "deleted");
    }
    rows.retain(|r| {
        r.brackets != (0, 0) || r.newly_agreed || r.change == "added" || r.change == "deleted"
    });
    (totals, rows)
}

fn row(
    old: &Round,
    new: &Round,
    o: Option<usize>,
    n: Option<usize>,
    change: &'static str,
) -> ParagraphProgress {
    let empty: Vec<String> = Vec::new();
    let ot = o.map_or(&empty, |i| &old.texts[i]);
    let nt = n.map_or(&empty, |j| &new.texts[j]);
    let op = o.map(|i| &old.n.paragraphs[i]);
    let np = n.map(|j| &new.n.paragraphs[j]);
    let alternatives = (
        op.map_or(0, |p| p.alternatives),
        np.map_or(0, |p| p.alternatives),
    );
    ParagraphProgress {
        old: op.map(|p| p.label.clone()),
        new: np.map(|p| p.label.clone()),
        change,
        brackets: (ot.len(), nt.len()),
        closed: missing(ot, nt),
        opened: missing(nt, ot),
        settled: alternatives.0.saturating_sub(alternatives.1),
        newly_agreed: np.is_some_and(|p| agreed(&p.status))
            && !op.is_some_and(|p| agreed(&p.status)),
        at: np.map(|p| p.span.start),
    }
}

/// The report as text: one line per paragraph that moved, then the totals.
pub fn render_progress(p: &Progress) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for r in &p.paragraphs {
        let label = match (&r.old, &r.new) {
            (Some(o), Some(n)) if o == n => n.clone(),
            (Some(o), Some(n)) => format!("{o} -> {n}"),
            (None, Some(n)) => format!("+ {n}"),
            (Some(o), None) => format!("- {o}"),
            (None, None) => String::new(),
        };
        if r.closed == 0
            && r.opened == 0
            && r.settled == 0
            && !r.newly_agreed
            && r.old.is_some()
            && r.new.is_some()
        {
            continue;
        }
        let mut parts = vec![format!("brackets {} -> {}", r.brackets.0, r.brackets.1)];
        if r.closed > 0 {
            parts.push(format!("{} closed", r.closed));
        }
        if r.opened > 0 {
            parts.push(format!("{} opened", r.opened));
        }
        if r.settled > 0 {
            parts.push(format!("{} alternatives settled", r.settled));
        }
        if r.newly_agreed {
            parts.push("agreed ad ref".to_string());
        }
        let _ = writeln!(out, "{label:<16} {}", parts.join(", "));
    }
    let t = &p.totals;
    let _ = writeln!(
        out,
        "totals: brackets {} -> {} ({} closed, {} opened); {} alternatives settled; {} paragraphs newly agreed; {} added, {} deleted; {} paragraphs still open",
        t.old_pairs, t.new_pairs, t.closed, t.opened, t.settled, t.newly_agreed, t.added, t.deleted, t.open_paragraphs
    );
    out
}

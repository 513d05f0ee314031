//! Comparing two revisions of a draft: paragraphs aligned by content, not position (a
//! renumbered paragraph is unchanged), then a word diff inside each changed paragraph.
//!
//! ```
//! use resolute_draft::compare::{compare, ChangeKind};
//! use resolute_draft::segment;
//!
//! let old = segment("The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.\n");
//! let new = segment("The General Assembly,\n\n1. Welcomes the plan;\n\n2. Decides to act;\n\n3. Requests a report.\n");
//! let c = compare(&old, &new);
//! assert_eq!(c.counts().inserted, 1);
//! assert_eq!(c.counts().same, 2);
//! ```

mod align;
mod units;
mod words;

use serde::Serialize;

use crate::model::Draft;
pub use align::{similarity, Interner, Words, MAX_CELLS, MIN_SIMILARITY};
pub use units::{units, Unit, UnitKind};
pub use words::{exact_ops, norm, render, word_diff, DiffOp};

/// What happened to a unit between the two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Same wording (numbering and punctuation around words aside), same relative place.
    Same,
    /// Reworded in place.
    Changed,
    /// Taken to another place, reworded or not.
    Moved,
    /// Only in the new revision.
    Inserted,
    /// Only in the old revision.
    Deleted,
}

/// One line of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What happened.
    pub change: ChangeKind,
    /// The kind of unit (of the new one when there is one).
    pub kind: UnitKind,
    /// The unit in the old revision, `None` when inserted.
    pub old: Option<Unit>,
    /// The unit in the new revision, `None` when deleted.
    pub new: Option<Unit>,
    /// The word diff from old to new (all "equal" when the wording is the same; the whole
    /// text as one "insert" or "delete" for inserted and deleted units).
    pub diff: Vec<DiffOp>,
    /// Dice similarity of the two wordings in 0..=1 (0 for inserted and deleted units).
    pub similarity: f32,
}

/// How many units of each [`ChangeKind`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Unchanged.
    pub same: usize,
    /// Reworded in place.
    pub changed: usize,
    /// Moved.
    pub moved: usize,
    /// Inserted.
    pub inserted: usize,
    /// Deleted.
    pub deleted: usize,
}

/// The comparison of two revisions: one [`Change`] per unit, in the new revision's order,
/// each deleted unit placed where it stood among its old neighbours.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Every unit of both revisions exactly once.
    pub changes: Vec<Change>,
}

impl Comparison {
    /// Units by kind of change.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for ch in &self.changes {
            match ch.change {
                ChangeKind::Same => c.same += 1,
                ChangeKind::Changed => c.changed += 1,
                ChangeKind::Moved => c.moved += 1,
                ChangeKind::Inserted => c.inserted += 1,
                ChangeKind::Deleted => c.deleted += 1,
            }
        }
        c
    }

    /// Whether anything differs (a renumbering alone does not).
    pub fn has_differences(&self) -> bool {
        self.changes.iter().any(|c| c.change != ChangeKind::Same)
    }
}

/// Compares `old` with `new`: preambular and operative paragraphs, subparagraphs and section
/// headings, aligned by wording.
pub fn compare(old: &Draft, new: &Draft) -> Comparison {
    let (old_units, new_units) = (units(old), units(new));
    let mut interner = Interner::default();
    let ow: Vec<Words> = old_units.iter().map(|u| interner.words(&u.text)).collect();
    let nw: Vec<Words> = new_units.iter().map(|u| interner.words(&u.text)).collect();
    let pairs = align::align(&old_units, &ow, &new_units, &nw);
    assemble(old_units, new_units, &pairs)
}

/// A paragraph of one revision and its partner in the other, by their positions in
/// `Draft::paragraphs()` order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParagraphPair {
    /// Position in the old revision; `None` for a paragraph only in the new one.
    pub old: Option<usize>,
    /// Position in the new revision; `None` for a paragraph only in the old one.
    pub new: Option<usize>,
    /// Dice similarity of the two wordings (0 when unpaired).
    pub similarity: f32,
}

/// The paragraphs (preambular and operative, sections included) of `old` and `new` paired
/// by wording as [`compare`] pairs them, by position rather than by label (labels of
/// negotiating texts repeat and change between rounds): every paragraph of each revision
/// exactly once, paired ones first in new order, then the old ones left, then the new ones.
pub fn paragraph_pairs(old: &Draft, new: &Draft) -> Vec<ParagraphPair> {
    let (old_units, new_units) = (units(old), units(new));
    let mut interner = Interner::default();
    let ow: Vec<Words> = old_units.iter().map(|u| interner.words(&u.text)).collect();
    let nw: Vec<Words> = new_units.iter().map(|u| interner.words(&u.text)).collect();
    let pairs = align::align(&old_units, &ow, &new_units, &nw);
    // Unit index -> paragraph position, for units that are paragraphs.
    let positions = |list: &[Unit]| -> Vec<Option<usize>> {
        let mut k = 0;
        list.iter()
            .map(|u| {
                matches!(u.kind, UnitKind::Preambular | UnitKind::Operative).then(|| {
                    k += 1;
                    k - 1
                })
            })
            .collect()
    };
    let (op, np) = (positions(&old_units), positions(&new_units));
    let count = |p: &[Option<usize>]| p.iter().flatten().count();
    let (mut old_seen, mut new_seen) = (vec![false; count(&op)], vec![false; count(&np)]);
    let mut out: Vec<ParagraphPair> = Vec::new();
    let mut sorted = pairs.clone();
    sorted.sort_by_key(|&(_, j, _, _)| j);
    for (i, j, s, _) in sorted {
        if let (Some(Some(a)), Some(Some(b))) = (op.get(i), np.get(j)) {
            old_seen[*a] = true;
            new_seen[*b] = true;
            out.push(ParagraphPair {
                old: Some(*a),
                new: Some(*b),
                similarity: s,
            });
        }
    }
    let unpaired = |seen: &[bool]| -> Vec<usize> {
        seen.iter()
            .enumerate()
            .filter(|(_, s)| !**s)
            .map(|(i, _)| i)
            .collect()
    };
    out.extend(unpaired(&old_seen).into_iter().map(|a| ParagraphPair {
        old: Some(a),
        new: None,
        similarity: 0.0,
    }));
    out.extend(unpaired(&new_seen).into_iter().map(|b| ParagraphPair {
        old: None,
        new: Some(b),
        similarity: 0.0,
    }));
    out
}

/// Builds the changes in new order from the pairs found.
fn assemble(old: Vec<Unit>, new: Vec<Unit>, pairs: &align::Pairs) -> Comparison {
    let mut partner: Vec<Option<(usize, f32, bool)>> = vec![None; new.len()];
    let mut old_paired = vec![false; old.len()];
    for &(i, j, s, moved) in pairs {
        if let Some(p) = partner.get_mut(j) {
            *p = Some((i, s, moved));
        }
        if let Some(p) = old_paired.get_mut(i) {
            *p = true;
        }
    }
    let mut old: Vec<Option<Unit>> = old.into_iter().map(Some).collect();
    let mut changes = Vec::new();
    let mut next_old = 0;
    for (unit, p) in new.into_iter().zip(partner) {
        if let Some((i, s, false)) = p {
            flush_deleted(&mut changes, &mut old, &old_paired, next_old..i);
            next_old = next_old.max(i + 1);
            changes.push(paired(
                old.get_mut(i).and_then(Option::take),
                unit,
                s,
                false,
            ));
        } else if let Some((i, s, true)) = p {
            changes.push(paired(old.get_mut(i).and_then(Option::take), unit, s, true));
        } else {
            changes.push(inserted(unit));
        }
    }
    let end = old.len();
    flush_deleted(&mut changes, &mut old, &old_paired, next_old..end);
    // Deleted units before an earlier anchor (rare with moves) are still reported.
    flush_deleted(&mut changes, &mut old, &old_paired, 0..end);
    Comparison { changes }
}

fn flush_deleted(
    changes: &mut Vec<Change>,
    old: &mut [Option<Unit>],
    paired: &[bool],
    range: std::ops::Range<usize>,
) {
    for k in range {
        if paired.get(k) == Some(&true) {
            continue;
        }
        if let Some(unit) = old.get_mut(k).and_then(Option::take) {
            changes.push(Change {
                change: ChangeKind::Deleted,
                kind: unit.kind,
                diff: vec![DiffOp {
                    op: "delete",
                    text: unit.text.clone(),
                }],
                old: Some(unit),
                new: None,
                similarity: 0.0,
            });
        }
    }
}

fn paired(old: Option<Unit>, new: Unit, similarity: f32, moved: bool) -> Change {
    let Some(old) = old else {
        return inserted(new);
    };
    let diff = word_diff(&old.text, &new.text);
    let reworded = diff.iter().any(|d| d.op != "equal");
    let change = match (moved, reworded) {
        (true, _) => ChangeKind::Moved,
        (false, true) => ChangeKind::Changed,
        (false, false) => ChangeKind::Same,
    };
    Change {
        change,
        kind: new.kind,
        old: Some(old),
        new: Some(new),
        diff,
        similarity,
    }
}

fn inserted(unit: Unit) -> Change {
    Change {
        change: ChangeKind::Inserted,
        kind: unit.kind,
        diff: vec![DiffOp {
            op: "insert",
            text: unit.text.clone(),
        }],
        old: None,
        new: Some(unit),
        similarity: 0.0,
    }
}

#[cfg(test)]
mod tests;

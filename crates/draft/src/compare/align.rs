//! Paragraph alignment: a weighted longest common subsequence over the units (pairs of one
//! kind whose wording is similar enough), then the units left over on both sides paired by
//! best similarity; those pairs cross the sequence, so they are moves.

use std::collections::HashMap;

use super::units::{Unit, UnitKind};
use super::words::norm;

/// Least similarity (Dice coefficient of the word multisets) for two units to be taken as
/// one paragraph, changed. Below half the words in common, a reader sees a new paragraph.
pub const MIN_SIMILARITY: f32 = 0.5;

/// Most cells (old units × new units) the alignment computes. 300 paragraphs with their
/// subparagraphs on each side are about 600 × 600 = 360,000; past this cap only identical
/// wording is matched, so cost stays linear on absurd inputs.
pub const MAX_CELLS: usize = 1_500_000;

/// A unit's words as sorted ids (a multiset), for fast similarity by merging.
#[derive(Debug)]
pub struct Words(Vec<u32>);

/// Words too common in resolutions to tell two paragraphs apart: left out of similarity, or
/// any two long paragraphs would share half their words ("the", "of", "and" …).
const FUNCTION_WORDS: [&str; 24] = [
    "a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its",
    "of", "on", "or", "that", "the", "their", "this", "to", "with",
];

/// Interns the words of both sides into one id space.
#[derive(Debug, Default)]
pub struct Interner(HashMap<String, u32>);

impl Interner {
    /// The sorted ids of the content words of `text`.
    pub fn words(&mut self, text: &str) -> Words {
        let mut ids: Vec<u32> = text
            .split_whitespace()
            .map(norm)
            .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
            .map(|w| {
                let next = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
                *self.0.entry(w).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        Words(ids)
    }
}

/// Dice coefficient of two word multisets in 0..=1 (two empty texts are identical).
pub fn similarity(a: &Words, b: &Words) -> f32 {
    let (a, b) = (&a.0, &b.0);
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    (2 * shared) as f32 / total as f32
}

/// The similarity of two units when they may be paired, else 0.
fn weight(old: (&Unit, &Words), new: (&Unit, &Words)) -> f32 {
    if !same_kind(old.0.kind, new.0.kind) {
        return 0.0;
    }
    let (la, lb) = (old.1 .0.len(), new.1 .0.len());
    // Upper bound of Dice from the lengths alone: skips the merge for hopeless pairs.
    if la + lb > 0 && (2 * la.min(lb)) as f32 / ((la + lb) as f32) < MIN_SIMILARITY {
        return 0.0;
    }
    let s = similarity(old.1, new.1);
    if s >= MIN_SIMILARITY {
        s
    } else {
        0.0
    }
}

/// Pairs found: `(old index, new index, similarity, moved)`.
pub type Pairs = Vec<(usize, usize, f32, bool)>;

/// Aligns `old` with `new` (their words in `ow`, `nw`).
pub fn align(old: &[Unit], ow: &[Words], new: &[Unit], nw: &[Words]) -> Pairs {
    if old.len().saturating_mul(new.len()) > MAX_CELLS {
        return identical_only(ow, nw);
    }
    let w = |i: usize, j: usize| match (old.get(i), ow.get(i), new.get(j), nw.get(j)) {
        (Some(a), Some(x), Some(b), Some(y)) => weight((a, x), (b, y)),
        _ => 0.0,
    };
    let weights: Vec<f32> = (0..old.len())
        .flat_map(|i| (0..new.len()).map(move |j| (i, j)))
        .map(|(i, j)| w(i, j))
        .collect();
    let mut pairs = in_order(&weights, old.len(), new.len());
    let m = new.len();
    let any_kind = |i: usize, j: usize| match weights.get(i * m + j) {
        Some(&x) if x > 0.0 => x,
        _ => cross_kind(old, ow, new, nw, (i, j)),
    };
    pairs.extend(leftovers(any_kind, old.len(), m, &pairs));
    pairs
}

/// Least similarity for a paragraph to be taken as moved to a place of another kind: an
/// operative paragraph that became preambular ("Recognizes" -> "Recognizing") or a
/// subparagraph that became a paragraph. Stricter than [`MIN_SIMILARITY`], since such
/// paragraphs are rarer than new ones of similar wording.
pub const MIN_CROSS_KIND: f32 = 0.6;

/// The similarity of old unit `i` and new unit `j` of different paragraph kinds when at
/// least [`MIN_CROSS_KIND`], else 0. Section headings only ever pair with headings.
fn cross_kind(old: &[Unit], ow: &[Words], new: &[Unit], nw: &[Words], at: (usize, usize)) -> f32 {
    let (i, j) = at;
    let (Some(a), Some(x), Some(b), Some(y)) = (old.get(i), ow.get(i), new.get(j), nw.get(j))
    else {
        return 0.0;
    };
    if a.kind == b.kind || a.kind == UnitKind::Section || b.kind == UnitKind::Section {
        return 0.0;
    }
    let s = similarity(x, y);
    if s >= MIN_CROSS_KIND {
        s
    } else {
        0.0
    }
}

/// The increasing sequence of pairs with the largest total similarity.
fn in_order(weights: &[f32], n: usize, m: usize) -> Pairs {
    let width = m + 1;
    let at = |v: &[f32], k: usize| v.get(k).copied().unwrap_or(0.0);
    let wt = |i: usize, j: usize| at(weights, i * m + j);
    // best[i * width + j]: best total for old[i..] and new[j..].
    let mut best = vec![0.0f32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = at(&best, (i + 1) * width + j).max(at(&best, i * width + j + 1));
            let take = match wt(i, j) {
                x if x > 0.0 => x + at(&best, (i + 1) * width + j + 1),
                _ => 0.0,
            };
            if let Some(cell) = best.get_mut(i * width + j) {
                *cell = skip.max(take);
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        let here = at(&best, i * width + j);
        let x = wt(i, j);
        if x > 0.0 && (here - x - at(&best, (i + 1) * width + j + 1)).abs() < 1e-4 {
            out.push((i, j, x, false));
            (i, j) = (i + 1, j + 1);
        } else if at(&best, (i + 1) * width + j) >= at(&best, i * width + j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Units left unpaired on both sides, paired greedily by best similarity. Every such pair
/// crosses the in-order ones (else the in-order sequence would have taken it): a move.
fn leftovers(weight: impl Fn(usize, usize) -> f32, n: usize, m: usize, taken: &Pairs) -> Pairs {
    let mut old_free = vec![true; n];
    let mut new_free = vec![true; m];
    for &(i, j, _, _) in taken {
        set_false(&mut old_free, i);
        set_false(&mut new_free, j);
    }
    let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
    for (i, _) in old_free.iter().enumerate().filter(|(_, f)| **f) {
        for (j, _) in new_free.iter().enumerate().filter(|(_, f)| **f) {
            let x = weight(i, j);
            if x > 0.0 {
                candidates.push((i, j, x));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (i, j, x) in candidates {
        if old_free.get(i) == Some(&true) && new_free.get(j) == Some(&true) {
            set_false(&mut old_free, i);
            set_false(&mut new_free, j);
            out.push((i, j, x, true));
        }
    }
    out
}

fn set_false(v: &mut [bool], k: usize) {
    if let Some(x) = v.get_mut(k) {
        *x = false;
    }
}

/// For inputs past [`MAX_CELLS`]: pairs identical wordings, in order, in linear time.
fn identical_only(ow: &[Words], nw: &[Words]) -> Pairs {
    let mut by_words: HashMap<&[u32], Vec<usize>> = HashMap::new();
    for (i, w) in ow.iter().enumerate().rev() {
        by_words.entry(&w.0).or_default().push(i);
    }
    let mut out = Vec::new();
    let mut last = None;
    for (j, w) in nw.iter().enumerate() {
        if let Some(i) = by_words.get_mut(w.0.as_slice()).and_then(Vec::pop) {
            let moved = last.is_some_and(|l| i < l);
            last = Some(i);
            out.push((i, j, 1.0, moved));
        }
    }
    out
}

/// Whether a unit's kind may be paired at all (kept as a function: the rule may widen, for
/// instance to let a subparagraph become an operative paragraph).
pub fn same_kind(a: UnitKind, b: UnitKind) -> bool {
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_dice_of_word_multisets() {
        let mut int = Interner::default();
        let a = int.words("Requests the Secretary-General to report on progress;");
        let b = int.words("requests the Secretary-General to submit a report.");
        // Content words: requests secretary-general report progress / requests
        // secretary-general submit report: 3 shared, 4 + 4 in all.
        assert!((similarity(&a, &b) - 6.0 / 8.0).abs() < 1e-6);
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn past_the_cap_identical_wordings_still_pair_in_linear_time() {
        let mut int = Interner::default();
        let old: Vec<Words> = ["alpha beta", "gamma delta", "epsilon"]
            .iter()
            .map(|t| int.words(t))
            .collect();
        let new: Vec<Words> = ["gamma delta", "zeta", "alpha beta"]
            .iter()
            .map(|t| int.words(t))
            .collect();
        let pairs = identical_only(&old, &new);
        assert_eq!(pairs, [(1, 0, 1.0, false), (0, 2, 1.0, true)]);
    }
}

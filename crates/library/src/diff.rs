//! The similarity measure precedent search ranks by, and the word diff it shows (from
//! `resolute_draft::compare`).

use std::collections::HashMap;

// The word diff lives with the document model, shared with `resolute diff`.
pub use resolute_draft::compare::{render, word_diff, DiffOp};

/// Similarity of two token lists in 0..=1: the Dice coefficient of their word multisets
/// (insensitive to order, so reordered wording still scores high) blended with that of
/// their word pairs (so the same words in the same order score highest).
pub fn similarity(a: &[String], b: &[String]) -> f32 {
    let unigrams = dice(a.iter().map(String::as_str), b.iter().map(String::as_str));
    let pairs = |t: &[String]| -> Vec<String> { t.windows(2).map(|w| w.join(" ")).collect() };
    let (pa, pb) = (pairs(a), pairs(b));
    let bigrams = dice(pa.iter().map(String::as_str), pb.iter().map(String::as_str));
    0.7 * unigrams + 0.3 * bigrams
}

fn dice<'a>(a: impl Iterator<Item = &'a str>, b: impl Iterator<Item = &'a str>) -> f32 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    let mut total = 0usize;
    for w in a {
        *counts.entry(w).or_default() += 1;
        total += 1;
    }
    let mut shared = 0usize;
    for w in b {
        total += 1;
        if let Some(c) = counts.get_mut(w) {
            if *c > 0 {
                *c -= 1;
                shared += 1;
            }
        }
    }
    if total == 0 {
        return 0.0;
    }
    (2 * shared) as f32 / total as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn similarity_tolerates_reordering_but_prefers_the_same_order() {
        let a = toks("a b c d e f");
        let same = similarity(&a, &a);
        let reordered = similarity(&a, &toks("d e f a b c"));
        let other = similarity(&a, &toks("x y z w v u"));
        assert!((same - 1.0).abs() < 1e-6);
        assert!(reordered > 0.7 && reordered < same, "{reordered}");
        assert!(other < 1e-6);
    }
}

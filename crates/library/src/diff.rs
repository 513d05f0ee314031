//! Word-level diff between an adopted paragraph and a draft paragraph, and the similarity
//! measure precedent search ranks by.

use std::collections::HashMap;

use serde::Serialize;

/// Longest input (in words) the diff aligns word by word; beyond it the tails are reported
/// as a whole, so a pathological input costs bounded time and memory.
const MAX_WORDS: usize = 1500;

/// One step of a word diff from the adopted text to the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// "equal" (both say it), "insert" (the draft adds it), "delete" (the draft drops it).
    pub op: &'static str,
    /// The words, as the draft (equal, insert) or the adopted text (delete) writes them.
    pub text: String,
}

/// Comparison form of a word: lower case, surrounding punctuation trimmed.
fn norm(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The diff from `adopted` to `draft`, consecutive words of one kind joined.
pub fn word_diff(adopted: &str, draft: &str) -> Vec<DiffOp> {
    let a: Vec<&str> = adopted.split_whitespace().collect();
    let b: Vec<&str> = draft.split_whitespace().collect();
    let (a_head, a_tail) = a.split_at(a.len().min(MAX_WORDS));
    let (b_head, b_tail) = b.split_at(b.len().min(MAX_WORDS));
    let mut ops = align(a_head, b_head);
    ops.extend(a_tail.iter().map(|w| ("delete", *w)));
    ops.extend(b_tail.iter().map(|w| ("insert", *w)));
    join(ops)
}

/// Longest common subsequence alignment of two word lists.
fn align<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(&'static str, &'a str)> {
    let an: Vec<String> = a.iter().map(|w| norm(w)).collect();
    let bn: Vec<String> = b.iter().map(|w| norm(w)).collect();
    let width = b.len() + 1;
    // lcs[i * width + j] = LCS length of a[i..] and b[j..].
    let mut lcs = vec![0u16; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let v = if an[i] == bn[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
            lcs[i * width + j] = v;
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if an[i] == bn[j] {
            out.push(("equal", b[j]));
            (i, j) = (i + 1, j + 1);
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(("delete", a[i]));
            i += 1;
        } else {
            out.push(("insert", b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|w| ("delete", *w)));
    out.extend(b[j..].iter().map(|w| ("insert", *w)));
    out
}

fn join(ops: Vec<(&'static str, &str)>) -> Vec<DiffOp> {
    let mut out: Vec<DiffOp> = Vec::new();
    for (op, word) in ops {
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            _ => out.push(DiffOp {
                op,
                text: word.to_string(),
            }),
        }
    }
    out
}

/// The diff as one plain-text line, git word-diff style: `[-dropped-]{+added+}`.
pub fn render(ops: &[DiffOp]) -> String {
    let parts: Vec<String> = ops
        .iter()
        .map(|d| match d.op {
            "insert" => format!("{{+{}+}}", d.text),
            "delete" => format!("[-{}-]", d.text),
            _ => d.text.clone(),
        })
        .collect();
    parts.join(" ")
}

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
    fn a_diff_shows_dropped_and_added_words() {
        let ops = word_diff(
            "Requests the Secretary-General to report",
            "Requests the Secretary-General urgently to report annually",
        );
        assert_eq!(
            render(&ops),
            "Requests the Secretary-General {+urgently+} to report {+annually+}"
        );
        let ops = word_diff(
            "Decides to remain seized of the matter;",
            "Decides to remain actively seized;",
        );
        assert_eq!(
            render(&ops),
            "Decides to remain {+actively+} seized; [-of the matter;-]"
        );
    }

    #[test]
    fn case_and_punctuation_do_not_count_as_changes() {
        let ops = word_diff("Welcomes the report,", "welcomes the report;");
        assert_eq!(ops.len(), 1);
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

    #[test]
    fn huge_inputs_are_bounded() {
        let long = "word ".repeat(5000);
        let ops = word_diff(&long, "word");
        assert_eq!(ops.len(), 2);
    }
}

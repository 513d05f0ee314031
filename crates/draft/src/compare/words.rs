//! Word-level diff of two paragraph texts (moved here from the library so that `resolute
//! diff`, precedent search and the future compare view share one implementation).

use serde::Serialize;

/// Longest input (in words) the diff aligns word by word; beyond it the tails are reported
/// as a whole, so a pathological input costs bounded time and memory.
const MAX_WORDS: usize = 1500;

/// One step of a word diff from an old text to a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// "equal" (both say it), "insert" (only the new text has it), "delete" (only the old
    /// text has it).
    pub op: &'static str,
    /// The words, as the new text (equal, insert) or the old text (delete) writes them.
    pub text: String,
}

/// Comparison form of a word: lower case, surrounding punctuation trimmed, so that
/// "report," and "report;" (a paragraph moving to the end of the list) are the same word.
pub fn norm(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The diff from `old` to `new`, consecutive words of one kind joined.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffOp> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let (a_head, a_tail) = a.split_at(a.len().min(MAX_WORDS));
    let (b_head, b_tail) = b.split_at(b.len().min(MAX_WORDS));
    let mut ops = align(a_head, b_head, norm);
    ops.extend(a_tail.iter().map(|w| ("delete", *w)));
    ops.extend(b_tail.iter().map(|w| ("insert", *w)));
    join(ops)
}

/// The diff from the tokens `a` to the tokens `b` compared exactly (case and punctuation
/// count), one step per token: `("equal" | "delete" | "insert", token)`. Bounded like
/// [`word_diff`].
pub fn exact_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(&'static str, &'a str)> {
    let (a_head, a_tail) = a.split_at(a.len().min(MAX_WORDS));
    let (b_head, b_tail) = b.split_at(b.len().min(MAX_WORDS));
    let mut ops = align(a_head, b_head, str::to_string);
    ops.extend(a_tail.iter().map(|w| ("delete", *w)));
    ops.extend(b_tail.iter().map(|w| ("insert", *w)));
    ops
}

/// Longest common subsequence alignment of two word lists, words compared by `key`.
fn align<'a>(
    a: &[&'a str],
    b: &[&'a str],
    key: fn(&str) -> String,
) -> Vec<(&'static str, &'a str)> {
    let an: Vec<String> = a.iter().map(|w| key(w)).collect();
    let bn: Vec<String> = b.iter().map(|w| key(w)).collect();
    let width = b.len() + 1;
    // lcs[i * width + j] = LCS length of a[i..] and b[j..]; MAX_WORDS keeps it in u16.
    let mut lcs = vec![0u16; (a.len() + 1) * width];
    let at = |v: &[u16], k: usize| v.get(k).copied().unwrap_or(0);
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let v = if an.get(i) == bn.get(j) {
                at(&lcs, (i + 1) * width + j + 1) + 1
            } else {
                at(&lcs, (i + 1) * width + j).max(at(&lcs, i * width + j + 1))
            };
            if let Some(cell) = lcs.get_mut(i * width + j) {
                *cell = v;
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(wa), Some(wb)) = (a.get(i), b.get(j)) {
        if an.get(i) == bn.get(j) {
            out.push(("equal", *wb));
            (i, j) = (i + 1, j + 1);
        } else if at(&lcs, (i + 1) * width + j) >= at(&lcs, i * width + j + 1) {
            out.push(("delete", *wa));
            i += 1;
        } else {
            out.push(("insert", *wb));
            j += 1;
        }
    }
    out.extend(a.iter().skip(i).map(|w| ("delete", *w)));
    out.extend(b.iter().skip(j).map(|w| ("insert", *w)));
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn huge_inputs_are_bounded() {
        let long = "word ".repeat(5000);
        let ops = word_diff(&long, "word");
        assert_eq!(ops.len(), 2);
    }
}

//! Whether a plain text (extracted from a PDF, a DOCX, typed) is a negotiating text.

use super::scan::scan;

/// Fewest bracket pairs of words that make a text a negotiating text, in at least
/// [`MIN_BLOCKS`] blocks.
const MIN_PAIRS: usize = 3;
/// Fewest blocks (runs of lines between blank lines) they must be spread over.
const MIN_BLOCKS: usize = 2;
/// As many pairs of words make a negotiating text wherever they are (a text extracted
/// without blank lines between its paragraphs).
const MANY_PAIRS: usize = 10;

/// Whether `text` carries negotiation brackets: brackets of words nested in brackets of words,
/// or brackets around words in
/// several places — three pairs in at least two blocks, or ten anywhere. Editorial brackets
/// of adopted texts do not count: a bracket that is a whole line ("[Adopted without a vote.]",
/// "[on the report of the Third Committee (A/80/545)]") and a bracket around a number only (a
/// reference mark, "[62]"). An adopted text that quotes one template with alternatives
/// ("[was able to reach an agreement] [recommends …]") is not a negotiating text either.
pub fn carries_negotiation(text: &str) -> bool {
    let found = scan(text, 0..text.len());
    let mut words = 0;
    let mut blocks: Vec<usize> = Vec::new();
    let of_words: Vec<bool> = found
        .pairs
        .iter()
        .map(|p| {
            let content = text.get(p.open + 1..p.close).unwrap_or("");
            content.chars().any(char::is_alphabetic)
                && !whole_line(text, p.open, p.close)
                && !is_link(text, p.close)
        })
        .collect();
    for (p, &counts) in found.pairs.iter().zip(&of_words) {
        if counts && p.parent.is_some_and(|k| of_words[k]) {
            return true;
        }
        if counts {
            words += 1;
            if words >= MANY_PAIRS {
                return true;
            }
            let block = block_start(text, p.open);
            if !blocks.contains(&block) {
                blocks.push(block);
            }
        }
    }
    words >= MANY_PAIRS || (words >= MIN_PAIRS && blocks.len() >= MIN_BLOCKS)
}

/// Where the block holding `at` starts: after the last blank line before it.
fn block_start(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    before.rfind("\n\n").map_or(0, |i| i + 2)
}

/// Whether the bracket closing at `close` is the text of a link written in Markdown: a web
/// address in parentheses right after it (texts converted from web pages keep them).
fn is_link(text: &str, close: usize) -> bool {
    let after = text.get(close + 1..).unwrap_or("");
    ["(http://", "(https://", "(www."]
        .iter()
        .any(|p| after.starts_with(p))
}

/// Whether the bracket from `open` to `close` is all its line holds.
fn whole_line(text: &str, open: usize, close: usize) -> bool {
    let before = text.get(..open).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let after = text.get(close + 1..).unwrap_or("");
    let line_end = after.find('\n').unwrap_or(after.len());
    before[line_start..].trim().is_empty() && after[..line_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adopted_texts_are_not_negotiating_texts() {
        let t = "[on the report of the Third Committee (A/80/545)]\n\n\
                 Recalling its resolution [62] and [63],\n\n[Adopted without a vote.]\n\n\
         [resolution 2428 (2018)](https://undocs.org/x) [a](https://a.org) [b](https://b.org)\n";
        assert!(!carries_negotiation(t));
    }

    #[test]
    fn bracketed_texts_are() {
        assert!(carries_negotiation(
            "Each Party [shall][should] act\n\n[Other] Parties [may]"
        ));
        assert!(!carries_negotiation(
            "Noting \u{201c}[was able to agree] [recommends] [was unable to agree]\u{201d}"
        ));
        assert!(carries_negotiation("the [principles [as set out]] of"));
        assert!(!carries_negotiation("the [principles] of"));
    }
}

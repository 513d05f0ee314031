//! Whether a plain text (extracted from a PDF, a DOCX, typed) is a negotiating text.

use super::scan::scan;

/// Fewest bracket pairs of words that make a text a negotiating text.
const MIN_PAIRS: usize = 3;

/// Whether `text` carries negotiation brackets: at least three pairs of brackets around words
/// inside lines of text, or nested brackets. Editorial brackets of adopted texts do not count:
/// a bracket that is a whole line ("[Adopted without a vote.]", "[on the report of the Third
/// Committee (A/80/545)]") and a bracket around a number only (a reference mark, "[62]").
pub fn carries_negotiation(text: &str) -> bool {
    let found = scan(text, 0..text.len());
    let mut words = 0;
    for p in &found.pairs {
        if p.depth >= 2 {
            return true;
        }
        let content = text.get(p.open + 1..p.close).unwrap_or("");
        if content.chars().any(char::is_alphabetic) && !whole_line(text, p.open, p.close) {
            words += 1;
        }
    }
    words >= MIN_PAIRS
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
                 Recalling its resolution [62] and [63],\n\n[Adopted without a vote.]\n";
        assert!(!carries_negotiation(t));
    }

    #[test]
    fn bracketed_texts_are() {
        assert!(carries_negotiation("Each Party [shall][should][other] act"));
        assert!(carries_negotiation("the [principles [as set out]] of"));
        assert!(!carries_negotiation("the [principles] of"));
    }
}

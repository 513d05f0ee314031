//! Joining the printed lines of hard-wrapped text again.
//!
//! Old resolutions in the clean form come from OCR of printed volumes: every printed line
//! became a block of its own, and words broken at a line end carry a soft hyphen
//! ("Cru\u{ad}" + "el") or a hyphen. A block joins the next one when it does not end a
//! paragraph and the next one continues it: a soft hyphen at its end, or no closing
//! punctuation and the next block starting in lower case, or ending on a word that cannot end
//! a sentence ("the", "of", "and"). A block that starts with a label, the enacting formula,
//! the closing formula or an annex heading always stands alone.

use super::blocks::{is_annex_line, Block};
use super::labels::leading_label;
use super::words::meeting_len;

/// The soft hyphen OCR leaves where a word was broken at a line end.
const SOFT_HYPHEN: char = '\u{ad}';

/// Words that never end a sentence or a heading: a block ending on one runs on.
const RUN_ON: &[&str] = &[
    "the", "of", "and", "to", "in", "for", "on", "a", "an", "by", "with", "at", "from", "its",
    "their", "which", "that", "as", "or", "into", "upon", "under", "between", "among", "this",
    "these", "those", "such", "be", "is", "are", "has", "have", "his", "her", "our",
];

/// Joins each block to the blocks that continue it (see the module docs).
pub(crate) fn join(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match out.last_mut() {
            Some(prev) if continues(&prev.text, &block.text) => prev.append(block),
            _ => out.push(block),
        }
    }
    out
}

/// Whether `next` continues the block `prev` (see the module docs).
fn continues(prev: &str, next: &str) -> bool {
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return false;
    };
    let formula = next.starts_with("The ") && next.len() < 80 && next.ends_with(',');
    let first_word = next.split_whitespace().next().unwrap_or("");
    // "1/ A/49/136.": a footnote of a printed page.
    let note = first_word
        .strip_suffix('/')
        .is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    if formula
        || note
        || leading_label(next).is_some()
        || meeting_len(next).is_some()
        || is_annex_line(next)
    {
        return false;
    }
    let prev = prev.trim_end();
    if prev.ends_with(SOFT_HYPHEN) {
        return true;
    }
    let end = prev.trim_end_matches(['”', '’', '"', ')', ']']);
    if end.ends_with([',', ';', ':', '.', '!', '?']) || meeting_len(prev).is_some() {
        return false;
    }
    first.is_lowercase() || (runs_on(prev) && first.is_alphanumeric())
}

/// Whether `text` ends on a word that cannot end a sentence; "...; and" closes an item of a
/// list instead.
fn runs_on(text: &str) -> bool {
    let mut words = text.rsplit(char::is_whitespace);
    let last = words.next().unwrap_or("").to_lowercase();
    let closed_item = words.next().is_some_and(|w| w.ends_with([',', ';', ':']));
    RUN_ON.contains(&last.as_str()) && !closed_item
}

/// The collapsed text of a line (soft hyphens removed), with the soft hyphen kept when the
/// line `raw` ends with one: it tells that the word goes on in the next line.
pub(crate) fn keep_final_soft_hyphen(raw: &str, mut collapsed: String) -> String {
    if raw.trim_end().ends_with(SOFT_HYPHEN) {
        collapsed.push(SOFT_HYPHEN);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::blocks::{clean_items, group};

    fn joined(src: &str) -> Vec<String> {
        join(group(&clean_items(src)))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn soft_hyphen_joins_a_broken_word() {
        let src =
            "4. Requests the Secretary-General to render the neces\u{ad}\n\nsary assistance;\n";
        assert_eq!(
            joined(src),
            ["4. Requests the Secretary-General to render the necessary assistance;"]
        );
    }

    #[test]
    fn lower_case_line_continues_an_open_line() {
        let src = "2. Notes that the Meeting of Scientific and\n\nTechnical Experts from States parties to the Convention\n\nagreed in its report;\n\n3. Notes with satisfaction that the exchange has commenced;\n";
        assert_eq!(
            joined(src),
            [
                "2. Notes that the Meeting of Scientific and Technical Experts from States parties to the Convention agreed in its report;",
                "3. Notes with satisfaction that the exchange has commenced;",
            ]
        );
    }

    #[test]
    fn soft_hyphens_inside_a_line_are_removed() {
        assert_eq!(
            joined("Cru\u{ad}el and inhu\u{ad}\n\nman"),
            ["Cruel and inhuman"]
        );
    }

    #[test]
    fn hyphen_at_a_block_end_joins_without_a_space() {
        assert_eq!(
            joined("the Prohibi-\n\ntion of the Use in War,\n"),
            ["the Prohibi-tion of the Use in War,"]
        );
    }

    #[test]
    fn ended_paragraphs_stay_apart() {
        let src = "(a) To act;\n\nand to report thereon;\n\nRecalling A,\n\nnoting B,\n\nI\n\nFirst topic\n\nRecalling C,\n\n84th plenary meeting\n\n30 November 1987\n";
        assert_eq!(joined(src).len(), 9);
    }

    #[test]
    fn labels_closing_formula_and_annex_stand_alone() {
        let src =
            "owing to the\n\n(b) To act;\n\nby the\n\n45th plenary meeting\n\nof the\n\nAnnex\n";
        assert_eq!(joined(src).len(), 6);
    }

    #[test]
    fn title_before_the_enacting_formula_stays_apart() {
        let src = "2014/5. Sustainable energy for all\n\nThe Economic and Social Council,\n\nRecalling A,\n";
        assert_eq!(joined(src).len(), 3);
        let src = "Measures to strengthen the\n\nThe General Assembly,\n";
        assert_eq!(joined(src).len(), 2);
    }

    #[test]
    fn list_item_ending_with_and_stays_apart() {
        let src = "Target 3.d: Manage national and global health risks; and\n\nTarget 5.6: Ensure universal access;\n";
        assert_eq!(joined(src).len(), 2);
    }

    #[test]
    fn heading_broken_after_a_run_on_word() {
        let src = "Division of labour between the\n\nGeneral Assembly and the Economic and Social Council\n\nRecalling A,\n";
        assert_eq!(
            joined(src),
            [
                "Division of labour between the General Assembly and the Economic and Social Council",
                "Recalling A,",
            ]
        );
    }
}

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
use super::labels::{leading_label, Label};
use super::notes::{footnote, is_rule};
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
    let wrapped = is_hard_wrapped(&blocks);
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Under a footnote rule, a block that opens a note ("13 A/79/295.") starts a note of its
    // own even after a note that ends on a word like "and".
    let mut in_notes = false;
    for block in blocks {
        let note = in_notes && footnote(&block, true).is_some();
        match out.last_mut() {
            Some(prev) if !note && continues(&prev.text, &block.text, wrapped) => {
                prev.append(block);
            }
            _ => {
                in_notes = note || is_rule(&block.text);
                out.push(block);
            }
        }
    }
    out
}

/// Whether the whole text was printed in short lines that each became a block: at least one
/// block in seven (and ten in all) ends open and is continued in lower case. Only in such a
/// text do a comma or a semicolon at a block end, or a capital after an open end, say
/// nothing about where a paragraph ends.
fn is_hard_wrapped(blocks: &[Block]) -> bool {
    let open_pairs = blocks
        .windows(2)
        .filter(|w| match w {
            [a, b] => !ends_closed(&a.text) && b.text.starts_with(char::is_lowercase),
            _ => false,
        })
        .count();
    open_pairs >= 10 && open_pairs * 7 >= blocks.len()
}

/// A block ending with punctuation (before closing quotes or brackets).
fn ends_closed(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['”', '’', '"', ')', ']']);
    end.ends_with([',', ';', ':', '.', '!', '?'])
}

/// "The General Assembly,", also quoted: the enacting formula.
fn is_formula(text: &str) -> bool {
    let t = text.trim_start_matches(['“', '"']);
    t.starts_with("The ") && t.len() < 80 && t.ends_with(',')
}

/// A block that never continues another: a label, a footnote ("1/ A/49/136."), the enacting
/// formula, the closing formula or an annex heading.
fn stands_alone(next: &str) -> bool {
    let formula = is_formula(next);
    let first_word = next.split_whitespace().next().unwrap_or("");
    let note = first_word
        .strip_suffix('/')
        .is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    formula
        || note
        || leading_label(next).is_some()
        || meeting_len(next).is_some()
        || is_annex_line(next)
}

/// Whether `next` continues the block `prev` (see the module docs); `wrapped` tells that the
/// whole text is hard-wrapped.
fn continues(prev: &str, next: &str, wrapped: bool) -> bool {
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return false;
    };
    let prev = prev.trim_end();
    if stands_alone(next) || meeting_len(prev).is_some() || is_date_line(prev) {
        return false;
    }
    if prev.ends_with(SOFT_HYPHEN) {
        return true;
    }
    if ends_closed(prev) {
        // A wrapped line may end with a comma or semicolon inside a sentence.
        let wrapped_comma = wrapped && prev.ends_with([',', ';']) && first.is_lowercase();
        return wrapped_comma || heading_goes_on(prev, next);
    }
    let capital_goes_on = first.is_uppercase()
        && (wrapped && !starts_paragraph(next) || broken_paragraph(prev, next));
    first.is_lowercase() || capital_goes_on || (runs_on(prev) && first.is_alphanumeric())
}

/// "15. Requests ... the 1954 Convention relating to the Status of Stateless" then "Persons
/// and the 1961 Convention ...;": a paragraph that opened with its number or opening phrase,
/// broken off without punctuation, goes on in a block that opens no paragraph and ends like
/// one.
/// A block that looks preambular but ends with a semicolon cannot follow a numbered
/// paragraph as a paragraph of its own ("6. Invites ... in Those Countries" then
/// "Experiencing Serious Drought and/or Desertification, ...;").
fn broken_paragraph(prev: &str, next: &str) -> bool {
    let numbered = matches!(leading_label(prev), Some((Label::Number(_), _)));
    let opened = numbered || prev.len() > 60 && crate::opening::kind_of(prev).is_some();
    let looks_preambular = crate::opening::kind_of(next) == Some(crate::model::Kind::Preambular);
    let opens = starts_paragraph(next) && !(numbered && looks_preambular && next.ends_with(';'));
    opened && !opens && ends_closed(next)
}

/// "Section 27B. Office of Programme Planning," then "Budget and Accounts": a short heading
/// broken after a comma goes on in a short block without punctuation or opening phrase.
fn heading_goes_on(prev: &str, next: &str) -> bool {
    let heading_like = |t: &str| {
        t.len() < 100 && leading_label(t).is_none() && crate::opening::kind_of(t).is_none()
    };
    prev.ends_with(',')
        && !is_formula(prev)
        && !starts_paragraph(next)
        && heading_like(prev)
        && heading_like(next)
        && next.starts_with(char::is_uppercase)
        && !ends_closed(next)
}

/// "30 November 1987": the date of the closing formula, which ends a resolution.
fn is_date_line(text: &str) -> bool {
    text.split_whitespace().count() == 3 && super::words::find_date(text).is_some()
}

/// Whether a capitalised block opens a paragraph or a heading of its own in a wrapped text:
/// an opening phrase ("Recalling", "Requests") or a word in capitals ("II", "ANNEX").
fn starts_paragraph(next: &str) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let capitals = first_word.chars().filter(|c| c.is_alphabetic()).count() > 0
        && !first_word.chars().any(char::is_lowercase);
    capitals || crate::opening::kind_of(next).is_some()
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
    fn wrapped_text_joins_after_commas_and_before_capitals() {
        let mut src = String::new();
        for _ in 0..10 {
            src.push_str("Recalling that the Protocol\n\nsigned at Geneva,\n\n");
        }
        src.push_str("Requests A.\n\nmay constitute a violation of the 1925\n\nGeneva Protocol, provided by States,\n\nto develop procedures;\n\nRequests the Secretary-General;\n");
        let blocks = joined(&src);
        assert_eq!(blocks.len(), 13);
        assert_eq!(
            blocks[11],
            "may constitute a violation of the 1925 Geneva Protocol, provided by States, to develop procedures;"
        );
        // The same lines in a text that is not hard-wrapped stay apart after the comma.
        let plain = joined("Geneva Protocol, provided by States,\n\nto develop procedures;\n");
        assert_eq!(plain.len(), 2);
    }

    #[test]
    fn paragraph_broken_before_a_capital() {
        let src = "15. Requests the Office to promote accession to the 1954 Convention relating to the Status of Stateless\n\nPersons and the 1961 Convention on the reduction of statelessness;\n\n16. Calls upon States;\n";
        let blocks = joined(src);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].ends_with(
            "Stateless Persons and the 1961 Convention on the reduction of statelessness;"
        ));
        let src = "6. Invites States to act in Those Countries\n\nExperiencing Serious Drought, Particularly in Africa, and welcomes the efforts;\n";
        assert_eq!(joined(src).len(), 1);
        let src =
            "3. Urges States to meet the requests of the Special\n\nRapporteur for information;\n";
        assert_eq!(joined(src).len(), 1);
        // A heading before a paragraph that opens with a capital stays apart.
        let src = "Implementation of the Convention\n\nThe Office shall act;\n";
        assert_eq!(joined(src).len(), 2);
    }

    #[test]
    fn heading_broken_after_a_comma() {
        let src = "Section 27B. Office of Programme Planning,\n\nBudget and Accounts\n\n94. Decides to act;\n";
        assert_eq!(
            joined(src),
            [
                "Section 27B. Office of Programme Planning, Budget and Accounts",
                "94. Decides to act;"
            ]
        );
        let src = "Recalling its resolution 50/1,\n\nImplementation of the Convention\n";
        assert_eq!(joined(src).len(), 2);
    }

    #[test]
    fn date_of_the_closing_formula_ends_a_block() {
        assert_eq!(joined("30 November 1987\n\nthe next text").len(), 2);
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

    #[test]
    fn a_note_under_the_rule_never_joins_the_note_before() {
        let src = "Recalling A,\n\n__________\n\n12 Held in Addis Ababa on 17 and\n\n13 A/79/295.\n\n14 See resolution 70/1 of the\n\nGeneral Assembly.\n";
        assert_eq!(
            joined(src),
            [
                "Recalling A,",
                "__________",
                "12 Held in Addis Ababa on 17 and",
                "13 A/79/295.",
                "14 See resolution 70/1 of the General Assembly.",
            ]
        );
    }
}

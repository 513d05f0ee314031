//! Putting adopted wording in place of a paragraph's own text ("Replace" on a precedent).

use resolute_draft::Draft;

use super::edit::{minimal_edit, TextEdit};
use super::items::item_at;
use super::spans::content_start;
use super::utf16::Utf16Index;

/// Replaces the own text of the paragraph or subparagraph at UTF-16 offset `at` with
/// `wording`, keeping what the drafter numbered and annotated: its indentation, number or
/// label, and its footnote marks (after the wording, where English puts them). Its
/// subparagraphs stay. One minimal edit with the cursor after the new wording; `None` when
/// `at` is in no paragraph, the draft does not read, or nothing would change.
pub fn replace_wording(text: &str, at: usize, wording: &str) -> Option<TextEdit> {
    let draft = resolute_draft::parse_markdown(text).ok()?;
    let found = item_at(&draft, text, Utf16Index::new(text).to_byte(at))?;
    // The own text is the element's first block: its subparagraphs follow a blank line.
    let element = text.get(found.start..found.end)?;
    let block = element.find("\n\n").map_or(element, |i| &element[..i]);
    let end = found.start + block.trim_end().len();
    let content = content_start(text, found.start, found.kind == "subparagraph").min(end);
    let marks: String = footnote_refs(&draft, found.start)
        .iter()
        .map(|r| format!("[^{r}]"))
        .collect();
    let mut new = String::with_capacity(text.len() + wording.len());
    new.push_str(text.get(..content)?);
    new.push_str(wording.trim());
    new.push_str(&marks);
    let cursor = new.len();
    new.push_str(text.get(end..)?);
    minimal_edit(text, &new, cursor)
}

/// The footnote labels of the paragraph or subparagraph whose span starts at `start`.
fn footnote_refs(draft: &Draft, start: usize) -> &[String] {
    for p in draft.paragraphs() {
        if p.span.start == start {
            return &p.footnote_refs;
        }
        if let Some(s) = p.sub.iter().find(|s| s.span.start == start) {
            return &s.footnote_refs;
        }
    }
    &[]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "*The General Assembly*,\n\n*Recalling* its resolution 61/208,\n\n\
        1. *Decides* to act now,[^1] in particular:\n\n   (a) To report;\n\n   (b) To “review”;\n\n\
        2. *Requests* a report.\n\n[^1]: A note.\n";

    fn apply(src: &str, edit: &TextEdit) -> String {
        let index = Utf16Index::new(src);
        let (start, end) = (index.to_byte(edit.from), index.to_byte(edit.to));
        format!("{}{}{}", &src[..start], edit.insert, &src[end..])
    }

    fn at(needle: &str) -> usize {
        let byte = SRC.find(needle).unwrap_or(0);
        Utf16Index::new(SRC).to_utf16(byte)
    }

    #[test]
    fn a_numbered_paragraph_keeps_its_number_its_mark_and_its_subparagraphs() {
        let edit = replace_wording(SRC, at("to act"), "*Decides* to act at once:").unwrap();
        let after = apply(SRC, &edit);
        let expected = SRC.replace(
            "1. *Decides* to act now,[^1] in particular:",
            "1. *Decides* to act at once:[^1]",
        );
        assert_eq!(after, expected);
        let cursor_byte = after.find("[^1]\n").unwrap() + "[^1]".len();
        assert_eq!(edit.cursor, Utf16Index::new(&after).to_utf16(cursor_byte));
    }

    #[test]
    fn a_subparagraph_keeps_its_label_and_indentation_and_leaves_its_siblings() {
        let edit = replace_wording(SRC, at("“review”"), "To review the data;").unwrap();
        let after = apply(SRC, &edit);
        assert_eq!(
            after,
            SRC.replace("   (b) To “review”;", "   (b) To review the data;")
        );
    }

    #[test]
    fn a_preambular_paragraph_is_replaced_whole_and_nothing_else_moves() {
        let edit =
            replace_wording(SRC, at("61/208"), "Reaffirming its resolution 61/208,").unwrap();
        let after = apply(SRC, &edit);
        assert_eq!(
            after,
            SRC.replace(
                "*Recalling* its resolution 61/208,",
                "Reaffirming its resolution 61/208,"
            )
        );
    }

    #[test]
    fn outside_any_paragraph_or_with_the_same_words_there_is_no_edit() {
        assert_eq!(replace_wording(SRC, 0, "Anything,"), None);
        assert_eq!(
            replace_wording(SRC, at("a report"), "*Requests* a report."),
            None
        );
    }
}

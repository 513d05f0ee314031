//! Building the Markdown inline source of a segmented paragraph: the opening emphasised, the
//! rest escaped, footnote references `[^label]` where the marks stood.

use crate::markdown::escape;

/// Stands in for a footnote reference while the text is escaped: a private-use character
/// that escaping leaves alone, replaced by `[^label]` afterwards.
const HOLE: char = '\u{E000}';

/// `*Opening* rest[^1] more`, from plain `text`, the byte length of its opening phrase and the
/// marks (byte offset in `text`, label).
pub(crate) fn markdown(text: &str, opening: Option<usize>, marks: &[(usize, String)]) -> String {
    let open = opening
        .filter(|&n| n > 0 && text.is_char_boundary(n))
        .unwrap_or(0);
    if text.contains(HOLE) {
        return plain_markdown(text, open);
    }
    // A mark inside the opening phrase is written right after it.
    let mut holed = String::with_capacity(text.len() + marks.len() * 3);
    let mut at = open;
    for (offset, _) in marks {
        let pos = (*offset).clamp(at, text.len());
        holed.push_str(text.get(at..pos).unwrap_or(""));
        holed.push(HOLE);
        at = pos;
    }
    holed.push_str(text.get(at..).unwrap_or(""));
    let mut out = opening_markdown(text, open, &holed);
    for (_, label) in marks {
        if let Some(i) = out.find(HOLE) {
            out.replace_range(i..i + HOLE.len_utf8(), &format!("[^{label}]"));
        }
    }
    out
}

/// The emphasised opening followed by the escaped rest (`rest` follows the opening).
fn opening_markdown(text: &str, open: usize, rest: &str) -> String {
    if open == 0 {
        return escape(rest);
    }
    let mut out = format!("*{}*", escape(&text[..open]));
    if rest.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&escape(rest.trim_start()));
    out
}

fn plain_markdown(text: &str, open: usize) -> String {
    opening_markdown(text, open, text.get(open..).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_is_emphasised_and_marks_become_references() {
        let text = "Having examined the report for 2023, and more";
        let md = markdown(text, Some(15), &[(36, "1".into())]);
        assert_eq!(md, "*Having examined* the report for 2023,[^1] and more");
    }

    #[test]
    fn markup_is_escaped_around_references() {
        let md = markdown("Notes *this* text", Some(5), &[(12, "3".into())]);
        assert_eq!(md, "*Notes* \\*this\\*[^3] text");
    }

    #[test]
    fn no_opening_no_marks() {
        assert_eq!(
            markdown("To develop procedures;", None, &[]),
            "To develop procedures;"
        );
    }

    #[test]
    fn mark_at_the_end() {
        assert_eq!(
            markdown("Recalling X,", Some(9), &[(12, "2".into())]),
            "*Recalling* X,[^2]"
        );
    }
}

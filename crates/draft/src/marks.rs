//! Footnote marks in plain text, as UN documents print them and PDF extraction leaves them:
//! the one place the rules are written. The segmenter takes marks out of the text of a
//! document ([`crate::segment`]); the citation reader skips them inside a list of citations
//! and after a year; the checker skips them at the end of a paragraph.
//!
//! - a mark is one to three digits, not starting with 0 ([`is_label`]);
//! - glued to a year it reads as a longer number: "20 December 20063" is 2006 and mark 3
//!   ([`year_with_mark`]);
//! - at the end of a paragraph it follows the punctuation, glued ("2006,1", "General;7,8"),
//!   set apart ("Iran, 4"), or in the style of the 1990s "3/" after a space; in a draft it is
//!   a reference `[^1]` ([`trailing_mark`]).

/// Whether `s` can be a footnote mark: one to three digits, not starting with 0.
pub fn is_label(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
}

/// Whether `s` is a four-digit year of the 20th or 21st century (1900–2099), the years a UN
/// text cites.
pub fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.starts_with("19") || s.starts_with("20"))
}

/// A year with a mark printed against it ("20063": "2006" and "3"): a run of five to seven
/// digits whose first four are a year and whose rest is a mark.
pub fn year_with_mark(digits: &str) -> Option<(&str, &str)> {
    let (year, mark) = (digits.get(..4)?, digits.get(4..)?);
    (is_year(year) && is_label(mark)).then_some((year, mark))
}

/// Where the text before the footnote mark that ends `text` stops, if it ends with one (call
/// again for the mark before): a Markdown reference (`…,[^1]`), marks glued after punctuation, alone or as a list
/// ("2006,1", "General;7,8", "Questions;4, 8"), a mark set apart from its punctuation
/// ("Iran, 4") and the "3/" marks of texts of the 1990s ("in the report; 3/").
pub fn trailing_mark(text: &str) -> Option<usize> {
    if text.ends_with(']') {
        return text.rfind("[^");
    }
    if let Some(number) = text.strip_suffix('/') {
        let digits = number.trim_end_matches(|c: char| c.is_ascii_digit());
        let spaced = digits.ends_with(char::is_whitespace);
        if spaced && is_label(&number[digits.len()..]) {
            return Some(digits.len());
        }
    }
    glued_marks(text).or_else(|| spaced_mark(text))
}

/// A mark that PDF extraction set apart from the punctuation it follows: "Iran, 4".
fn spaced_mark(text: &str) -> Option<usize> {
    let before = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let n = text.len() - before.len();
    let punct = before.trim_end_matches([' ', '\u{a0}']);
    let spaced = punct.len() < before.len();
    (n > 0 && n <= 3 && spaced && punct.ends_with([',', ';', '.', ':'])).then_some(punct.len())
}

/// Marks glued after punctuation, alone or as a list: "2006,1", "General;7,8",
/// "Questions;4, 8". Returns where the punctuation ends. At most eight marks are read, so a
/// long run of numbers costs nothing.
fn glued_marks(text: &str) -> Option<usize> {
    let mut end = text.len();
    let mut found = None;
    for _ in 0..8 {
        let before = text[..end].trim_end_matches(|c: char| c.is_ascii_digit());
        let n = end - before.len();
        if n == 0 || n > 3 {
            break;
        }
        if before.ends_with([',', ';', '.', ':']) {
            found = Some(before.len());
        }
        // A comma before the mark may be the punctuation it is glued to or a separator in a
        // list of marks; read on and keep the longest list that ends on punctuation.
        let Some(prev) = before
            .strip_suffix(", ")
            .or_else(|| before.strip_suffix(','))
        else {
            break;
        };
        end = prev.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_years() {
        assert!(is_label("1") && is_label("165"));
        assert!(!is_label("0") && !is_label("07") && !is_label("1234") && !is_label("a"));
        assert!(is_year("1945") && is_year("2099"));
        assert!(!is_year("1899") && !is_year("2100") && !is_year("20245"));
    }

    #[test]
    fn a_mark_glued_to_a_year() {
        assert_eq!(year_with_mark("20063"), Some(("2006", "3")));
        assert_eq!(year_with_mark("2023133"), Some(("2023", "133")));
        assert_eq!(year_with_mark("2006"), None);
        assert_eq!(year_with_mark("20060"), None);
        assert_eq!(year_with_mark("12345"), None);
        assert_eq!(year_with_mark("20061234"), None);
    }

    #[test]
    fn marks_at_the_end_of_a_paragraph() {
        fn cut(t: &str) -> Option<&str> {
            trailing_mark(t).map(|i| &t[..i])
        }
        assert_eq!(
            cut("resolution 61/208,[^1][^2]"),
            Some("resolution 61/208,[^1]")
        );
        assert_eq!(cut("for 2023,1"), Some("for 2023,"));
        assert_eq!(cut("of the General;7,8"), Some("of the General;"));
        assert_eq!(cut("policy questions;4, 8"), Some("policy questions;"));
        assert_eq!(cut("Iran, 4"), Some("Iran,"));
        assert_eq!(cut("in the report; 3/"), Some("in the report; "));
        assert_eq!(cut("resolution 61/208"), None);
        assert_eq!(cut("paragraph 12"), None);
        // A long run is read only eight marks deep.
        assert_eq!(glued_marks(&"1,".repeat(100_000)), None);
    }
}

//! `style/date`: dates as UN texts write them, "20 December 2006" — day, month, year, no
//! ordinal suffix, no comma. Ordinal ("20th December 2006") and American ("December 20,
//! 2006") forms are rewritten.

use resolute_draft::{Span, MONTHS};

use super::Word;
use crate::diagnostic::{Diagnostic, Severity};

/// "20th" -> 20, "1st," -> 1 (with the ordinal suffix present), else None.
fn ordinal_day(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let suffix = rest.trim_end_matches([',', '.', ';']);
    let is_ordinal = ["st", "nd", "rd", "th"].contains(&suffix);
    let day: u32 = digits.parse().ok()?;
    (is_ordinal && (1..=31).contains(&day)).then_some(day)
}

/// "20" or "20," -> 20 when it can be a day of a month.
pub(super) fn plain_day(word: &str) -> Option<u32> {
    let day: u32 = word.trim_end_matches(',').parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// "2006," -> ("2006", ","): a four-digit year and what follows it in the word.
pub(super) fn year(word: &str) -> Option<(&str, &str)> {
    let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    let trail = &word[digits.len()..];
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then_some((digits, trail))
}

/// The month a word names exactly ("December", "December,").
fn month(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches(',');
    MONTHS.iter().copied().find(|m| *m == w)
}

/// `style/date` over the words of one paragraph that starts at `base` in the source.
pub(super) fn misformatted_dates(w: &[Word<'_>], base: usize, out: &mut Vec<Diagnostic>) {
    for i in 0..w.len() {
        if let Some((span, fixed)) = misformatted_date(w, i) {
            out.push(
                Diagnostic::new(
                    "style/date",
                    Severity::Warning,
                    Span::new(base + span.0, base + span.1),
                    format!("write dates as \"{fixed}\": day, month, year, no ordinal, no comma"),
                )
                .with_fix(fixed),
            );
        }
    }
}

/// A misformatted date starting at word `i`: its byte range in the text and the right form.
fn misformatted_date(w: &[Word<'_>], i: usize) -> Option<((usize, usize), String)> {
    let at = |k: usize| w.get(i + k).map(|x| x.text);
    // "20th December 2006", "20th of December 2006"
    if let Some(day) = at(0).and_then(ordinal_day) {
        let skip = usize::from(at(1) == Some("of"));
        let m = at(1 + skip).and_then(month)?;
        let (y, _) = at(2 + skip).and_then(year)?;
        let end = w[i + 2 + skip].start + y.len();
        return Some(((w[i].start, end), format!("{day} {m} {y}")));
    }
    // "December 20, 2006", "December 20th, 2006"
    if let Some(m) = at(0).and_then(month) {
        let d = at(1)?;
        let day = ordinal_day(d).or_else(|| plain_day(d))?;
        let (y, _) = at(2).and_then(year)?;
        let end = w[i + 2].start + y.len();
        return Some(((w[i].start, end), format!("{day} {m} {y}")));
    }
    // "20 December, 2006"
    let day = at(0).and_then(plain_day)?;
    let m_word = at(1)?;
    let m = month(m_word).filter(|_| m_word.ends_with(','))?;
    let (y, _) = at(2).and_then(year)?;
    if at(0)?.ends_with(',') {
        return None;
    }
    let end = w[i + 2].start + y.len();
    Some(((w[i].start, end), format!("{day} {m} {y}")))
}

#[cfg(test)]
mod tests {
    use crate::style::tests::fixes;

    #[test]
    fn ordinal_and_american_dates_are_rewritten() {
        assert_eq!(
            fixes("Recalling its resolution 61/208 of 20th December 2006,"),
            [("20th December 2006".into(), "20 December 2006".into())]
        );
        assert_eq!(
            fixes("adopted on December 20, 2006, and"),
            [("December 20, 2006".into(), "20 December 2006".into())]
        );
        assert_eq!(
            fixes("on the 1st of March 2020;"),
            [("1st of March 2020".into(), "1 March 2020".into())]
        );
        assert_eq!(
            fixes("of 20 December, 2006,"),
            [("20 December, 2006".into(), "20 December 2006".into())]
        );
    }

    #[test]
    fn correct_dates_and_look_alikes_pass() {
        assert!(fixes("resolution 61/208 of 20 December 2006, and on 5 December, the").is_empty());
        assert!(fixes("from 26 June to 1 July 2000, held in Geneva").is_empty());
        assert!(fixes("the May 2024 session of the 21st century").is_empty());
    }
}

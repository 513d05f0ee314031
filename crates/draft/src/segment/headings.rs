//! Section headings ("II", "B. Heading", a heading standing alone) and blocks that are only
//! a date.

use super::blocks::Block;
use super::closing::{annex_heading, closing_of};
use super::labels::{leading_label, roman_value};
use super::words;

/// "II", "B.", "III Heading text": a section label, with the heading when it shares the block.
pub(crate) fn section_heading(block: &Block) -> Option<(String, String)> {
    let text = block.text.trim();
    let (first, rest) = split_label_word(text);
    let dotted = first.ends_with('.');
    let core = first.trim_end_matches('.');
    let roman = core.bytes().all(|b| b.is_ascii_uppercase()) && roman_value(core).is_some();
    let letter = core.len() == 1 && core.bytes().all(|b| b.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    if rest.is_empty() {
        return Some((core.to_string(), String::new()));
    }
    let heading_ok = (roman || dotted) && looks_like_heading(rest);
    heading_ok.then(|| (core.to_string(), rest.trim().to_string()))
}

/// The first word and the rest; "C.“Delivering as one”" splits after "C.".
pub(crate) fn split_label_word(text: &str) -> (&str, &str) {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if let Some(dot) = first.find('.') {
        let label = &first[..dot];
        let glued = dot + 1 < first.len() && label.bytes().all(|b| b.is_ascii_uppercase());
        if glued && !label.is_empty() && label.len() <= 5 {
            return text.split_at(dot + 1);
        }
    }
    (first, rest)
}

/// Heading text: short, capitalised, not ending like a paragraph (preambular paragraphs end
/// with a comma, operative ones with a semicolon, colon or full stop). A heading in capitals
/// may end any way.
///
/// A text that opens with a preambular or operative opening phrase and ends with a comma or
/// a semicolon is a paragraph, never a heading, whatever its case. A heading may carry a
/// number-and-letter label before a colon, as Security Council resolutions print them
/// ("2a: Targeted sanctions").
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let text = text.trim();
    let title = strip_heading_number(text);
    let capital = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '“');
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    // "... of 17 March 2015,11": a footnote mark after the punctuation ("staff rule 104.14"
    // is a number).
    let before_mark = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let paragraph_end = text.ends_with([',', ';']) || before_mark.ends_with([',', ';']);
    if paragraph_end && crate::opening::kind_of(text).is_some() {
        return false;
    }
    let open_end = !text.ends_with([',', ';', ':', '.']) && !before_mark.ends_with([',', ';']);
    capital && text.len() < 500 && (open_end || shouting) && !is_date_only(text)
}

/// "Targeted sanctions" from "2a: Targeted sanctions": a heading's own number (digits and
/// one letter, then a colon) taken off; other texts as they are.
pub(crate) fn strip_heading_number(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    let mut chars = rest.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic);
    match (digits, letter, chars.as_str().strip_prefix(": ")) {
        (1..=3, Some(_), Some(title)) => title.trim_start(),
        _ => text,
    }
}

/// "2 July 2020": a block that is only a date (the closing formula of meetings held without
/// a numbered plenary meeting).
pub(crate) fn is_date_only(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 20 && text.split_whitespace().count() == 3 && words::find_date(text).is_some()
}

/// A block that can be the heading of a section whose label stood alone.
pub(crate) fn is_heading_text(block: &Block) -> bool {
    leading_label(&block.text).is_none()
        && section_heading(block).is_none()
        && closing_of(block).is_none()
        && annex_heading(block).is_none()
        && looks_like_heading(&block.text)
}

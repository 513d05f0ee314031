//! Byte-level scanning helpers shared by the grammar modules.
//!
//! Every helper reads a bounded number of bytes or advances monotonically, which is what keeps
//! the whole extractor linear in the size of its input.

/// Upper bound on the digits of any number in a citation; longer runs are not citations, and
/// the bound keeps arithmetic from overflowing.
pub(crate) const MAX_DIGITS: usize = 6;

/// The byte at `pos`, or 0 past the end (0 never occurs in the grammar).
pub(crate) fn at(b: &[u8], pos: usize) -> u8 {
    b.get(pos).copied().unwrap_or(0)
}

/// Length of the whitespace character at `pos`: ASCII blanks and line breaks, and the no-break
/// and fixed-width spaces (U+00A0, U+2000 to U+200A, U+202F, U+205F) that UN documents put
/// inside citations.
pub(crate) fn space_len(b: &[u8], pos: usize) -> usize {
    match at(b, pos) {
        b' ' | b'\t' | b'\n' | b'\r' => 1,
        0xC2 if at(b, pos + 1) == 0xA0 => 2,
        // U+2000..U+200A (en, em, thin … spaces), U+202F, U+205F.
        0xE2 if at(b, pos + 1) == 0x80 && matches!(at(b, pos + 2), 0x80..=0x8A | 0xAF) => 3,
        0xE2 if at(b, pos + 1) == 0x81 && at(b, pos + 2) == 0x9F => 3,
        _ => 0,
    }
}

/// Skips whitespace (see [`space_len`]) from `pos`.
pub(crate) fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    loop {
        let n = space_len(b, pos);
        if n == 0 {
            return pos;
        }
        pos += n;
    }
}

/// Skips at least one whitespace character, or returns `None`.
pub(crate) fn skip_ws1(b: &[u8], pos: usize) -> Option<usize> {
    let end = skip_ws(b, pos);
    (end > pos).then_some(end)
}

/// Whether `pos` ends a word: the character at `pos` is not a letter or digit. Decodes a
/// multi-byte character, so a closing quote or a no-break space counts as a boundary.
pub(crate) fn boundary_after(b: &[u8], pos: usize) -> bool {
    let c = at(b, pos);
    if c < 0x80 {
        return !c.is_ascii_alphanumeric();
    }
    let ch = b
        .get(pos..(pos + 4).min(b.len()))
        .and_then(|s| match std::str::from_utf8(s) {
            Ok(s) => s.chars().next(),
            Err(e) => s
                .get(..e.valid_up_to())
                .and_then(|v| std::str::from_utf8(v).ok()?.chars().next()),
        });
    !ch.is_some_and(char::is_alphanumeric)
}

/// Whether `pos` starts a word: the character before it is not a letter or digit. Decodes a
/// multi-byte character, so an opening quote or a no-break space counts as a boundary.
pub(crate) fn boundary_before(b: &[u8], pos: usize) -> bool {
    let Some(prev) = pos.checked_sub(1).map(|p| at(b, p)) else {
        return true;
    };
    if prev < 0x80 {
        return !prev.is_ascii_alphanumeric();
    }
    let mut start = pos - 1;
    while start > 0 && pos - start < 4 && at(b, start) & 0xC0 == 0x80 {
        start -= 1;
    }
    let ch = b
        .get(start..pos)
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.chars().next());
    !ch.is_some_and(char::is_alphanumeric)
}

/// Reads `word` at `pos` (exact bytes) followed by a word boundary; returns the end.
pub(crate) fn word(b: &[u8], pos: usize, word: &str) -> Option<usize> {
    let end = pos + word.len();
    let found = b.get(pos..end)? == word.as_bytes();
    (found && boundary_after(b, end)).then_some(end)
}

/// Like [`word`] but the first letter may also be a capital ("Resolution").
pub(crate) fn word_cap(b: &[u8], pos: usize, w: &str) -> Option<usize> {
    let first = *w.as_bytes().first()?;
    let c = at(b, pos);
    if c != first && c != first.to_ascii_uppercase() {
        return None;
    }
    let end = pos + w.len();
    let rest_ok = b.get(pos + 1..end)? == w.as_bytes().get(1..)?;
    (rest_ok && boundary_after(b, end)).then_some(end)
}

/// Reads an unsigned number of at most [`MAX_DIGITS`] digits at `pos`, not followed by another
/// digit. Returns the value and the end.
pub(crate) fn uint(b: &[u8], pos: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut end = pos;
    while at(b, end).is_ascii_digit() {
        if end - pos == MAX_DIGITS {
            return None;
        }
        value = value * 10 + u32::from(at(b, end) - b'0');
        end += 1;
    }
    (end > pos).then_some((value, end))
}

/// Reads an upper-case Roman numeral (I to MMMM) at `pos`; returns its value and end. Only
/// well-formed numerals are accepted ("IIII" and "VX" are not).
pub(crate) fn roman(b: &[u8], pos: usize) -> Option<(u32, usize)> {
    let mut end = pos;
    while matches!(at(b, end), b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M') {
        if end - pos > 12 {
            return None;
        }
        end += 1;
    }
    let text = std::str::from_utf8(b.get(pos..end)?).ok()?;
    let value = roman_value(text)?;
    Some((value, end))
}

/// The value of a well-formed upper-case Roman numeral, or `None`.
pub(crate) fn roman_value(text: &str) -> Option<u32> {
    let upper = text.chars().all(|c| c.is_ascii_uppercase());
    upper
        .then(|| resolute_draft::numerals::roman_value(text))
        .flatten()
}

/// Whether `year` can be the year of a UN document (the UN was founded in 1945).
pub(crate) fn plausible_year(year: u32) -> bool {
    (1945..=2100).contains(&year)
}

/// The end of the ASCII word that starts at `pos` (at least one byte further, so loops
/// advance).
pub(crate) fn word_end(b: &[u8], pos: usize) -> usize {
    let mut end = pos + 1;
    while at(b, end).is_ascii_alphanumeric() {
        end += 1;
    }
    end
}

/// The word that ends at `end` (after skipping whitespace backwards), as `(start, end)`.
/// Looks back at most 40 bytes so the caller's look-behind stays bounded.
pub(crate) fn prev_word(b: &[u8], end: usize) -> Option<(usize, usize)> {
    let mut e = end;
    let floor = end.saturating_sub(40);
    while e > floor {
        let n = (1..=3).find(|n| e >= *n && space_len(b, e - n) == *n);
        match n {
            Some(n) => e -= n,
            None => break,
        }
    }
    let mut s = e;
    while s > floor && (at(b, s - 1).is_ascii_alphanumeric() || at(b, s - 1) == b'-') {
        s -= 1;
    }
    (s < e).then_some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_count_as_whitespace() {
        let s = "a\u{a0}\u{202f} \nb";
        assert_eq!(skip_ws(s.as_bytes(), 1), s.len() - 1);
    }

    #[test]
    fn roman_numerals_are_validated() {
        assert_eq!(roman_value("XV"), Some(15));
        assert_eq!(roman_value("XXIX"), Some(29));
        assert_eq!(roman_value("LIV"), Some(54));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("IC"), None);
        assert_eq!(roman(b"XXX)", 0), Some((30, 3)));
    }

    #[test]
    fn numbers_are_bounded() {
        assert_eq!(uint(b"208 ", 0), Some((208, 3)));
        assert_eq!(uint(b"1234567", 0), None);
        assert_eq!(uint(b"x", 0), None);
    }

    #[test]
    fn words_need_boundaries() {
        assert_eq!(word_cap(b"Resolution 5", 0, "resolution"), Some(10));
        assert_eq!(word(b"resolutions", 0, "resolution"), None);
        assert!(boundary_before("x\u{a0}1".as_bytes(), 3));
        assert!(boundary_after("1\u{201d}".as_bytes(), 1));
        assert!(!boundary_after("1\u{e9}".as_bytes(), 1));
        assert_eq!(prev_word(b"in its  ", 8), Some((3, 6)));
    }
}

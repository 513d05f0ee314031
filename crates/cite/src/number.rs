//! One resolution or decision number as written after a cue word: "61/208", "68/247 B",
//! "69/96 A and B", "1514 (XV)", "3419 A to D (XXX)", "S-13/2", "ES-10/19", "1325 (2000)",
//! "1990/47", "1733 (LIV)", "1915 (ORG-75)".

use resolute_draft::Span;

use crate::model::{Number, SessionKind};
use crate::scan::{at, boundary_after, plausible_year, roman, skip_ws, skip_ws1, uint, word};

/// The written shape of a number, which constrains the body that can have adopted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// "61/208", "5/1", "S-13/2": session / number (GA since 1976, HRC, GA decisions).
    SessionSlash,
    /// "1990/47": year / number (ECOSOC since 1978, and other organs' yearly series).
    YearSlash,
    /// "1325 (2000)": number (year) — only the Security Council.
    ParenYear,
    /// "1514 (XV)", "3362 (S-VII)", "1915 (ORG-75)": number (session) — GA before 1976,
    /// ECOSOC before 1978.
    ParenSession,
    /// "2097": a number alone, used for Security Council resolutions in SC texts.
    Bare,
}

/// A parsed number with its span.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub span: Span,
    pub number: Number,
    pub shape: Shape,
}

/// Lower-case words that may follow a resolution letter ("68/247 B of 9 April 2014"); any
/// other lower-case word means the capital was the start of a sentence, not a letter.
const AFTER_LETTER: [&str; 24] = [
    "of",
    "and",
    "to",
    "on",
    "in",
    "entitled",
    "adopted",
    "as",
    "at",
    "by",
    "concerning",
    "regarding",
    "relating",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "section",
    "annex",
    "thereof",
    "was",
    "were",
    "is",
    "are",
];

/// Parses a number at `pos`.
pub(crate) fn item(b: &[u8], pos: usize) -> Option<Item> {
    if let Some(found) = special_slash(b, pos) {
        return Some(found);
    }
    let (first, end) = uint(b, pos)?;
    if at(b, end) == b'/' {
        return slash(b, pos, first, end + 1);
    }
    let mut number = Number {
        number: first,
        ..Number::default()
    };
    let mut end = end;
    if let Some((letters, e)) = letters(b, end) {
        number.letters = letters;
        end = e;
    }
    if let Some(e) = paren(b, end, &mut number) {
        let shape = if number.roman.is_some() {
            Shape::ParenSession
        } else {
            Shape::ParenYear
        };
        return Some(Item {
            span: Span::new(pos, e),
            number,
            shape,
        });
    }
    let clean = !matches!(at(b, end), b'/' | b'.' | b'-' | b',') || !next_is_digit(b, end);
    (clean && boundary_after(b, end)).then_some(Item {
        span: Span::new(pos, end),
        number,
        shape: Shape::Bare,
    })
}

fn next_is_digit(b: &[u8], pos: usize) -> bool {
    at(b, pos + 1).is_ascii_digit()
}

/// "S-13/2" and "ES-10/19".
fn special_slash(b: &[u8], pos: usize) -> Option<Item> {
    let (kind, p) = if at(b, pos) == b'S' && at(b, pos + 1) == b'-' {
        (SessionKind::Special, pos + 2)
    } else if at(b, pos) == b'E' && at(b, pos + 1) == b'S' && at(b, pos + 2) == b'-' {
        (SessionKind::EmergencySpecial, pos + 3)
    } else {
        return None;
    };
    let (session, end) = uint(b, p)?;
    if at(b, end) != b'/' {
        return None;
    }
    let mut found = slash(b, pos, session, end + 1)?;
    found.number.session_kind = kind;
    found.number.session = Some(session);
    found.number.year = None;
    found.shape = Shape::SessionSlash;
    Some(found)
}

/// The part after the slash of "61/208" (or "1990/47"), with optional letters.
fn slash(b: &[u8], start: usize, first: u32, pos: usize) -> Option<Item> {
    let (second, end) = uint(b, pos)?;
    // "1/8/2023" is a date and "10/2/Add.1" a symbol fragment, not a citation.
    if matches!(at(b, end), b'/' | b'.' | b'-') && at(b, end + 1).is_ascii_alphanumeric() {
        return None;
    }
    if !boundary_after(b, end) {
        return None;
    }
    let mut number = Number {
        number: second,
        ..Number::default()
    };
    let shape = if first >= 1945 && plausible_year(first) {
        number.year = u16::try_from(first).ok();
        Shape::YearSlash
    } else {
        number.session = Some(first);
        Shape::SessionSlash
    };
    let mut end = end;
    if let Some((letters, e)) = letters(b, end) {
        number.letters = letters;
        end = e;
    }
    Some(Item {
        span: Span::new(start, end),
        number,
        shape,
    })
}

/// A single capital letter at `pos` followed by a boundary (not "A/" or "A.").
fn letter(b: &[u8], pos: usize) -> Option<(char, usize)> {
    let c = at(b, pos);
    if !c.is_ascii_uppercase() || matches!(at(b, pos + 1), b'/' | b'.') {
        return None;
    }
    (at(b, pos + 1) == b'-' || boundary_after(b, pos + 1)).then_some((char::from(c), pos + 1))
}

/// Letters after a number: " B", " A and B", " A to D", " A-B". Returns them and their end.
pub(crate) fn letters(b: &[u8], pos: usize) -> Option<(Vec<char>, usize)> {
    let p = skip_ws1(b, pos)?;
    let (first, mut end) = letter(b, p)?;
    let mut out = vec![first];
    // An alphabet's worth at most: longer runs are not resolution letters.
    while out.len() < 26 {
        let (range, p) = if at(b, end) == b'-' {
            (true, end + 1)
        } else if let Some(p) = joiner(b, end, "to") {
            (true, p)
        } else if let Some(p) = joiner(b, end, "and") {
            (false, p)
        } else {
            break;
        };
        let Some((next, e)) = letter(b, p) else {
            break;
        };
        push_letters(&mut out, next, range);
        end = e;
    }
    letters_end_ok(b, end).then_some((out, end))
}

/// " and " / " to " between letters; returns the position after it.
fn joiner(b: &[u8], pos: usize, w: &str) -> Option<usize> {
    let p = skip_ws1(b, pos)?;
    skip_ws1(b, word(b, p, w)?)
}

fn push_letters(out: &mut Vec<char>, next: char, range: bool) {
    let last = out.last().copied().unwrap_or(next);
    if range && last < next {
        let from = u8::try_from(last).unwrap_or(b'A') + 1;
        let to = u8::try_from(next).unwrap_or(b'A');
        out.extend((from..=to).map(char::from));
    } else {
        out.push(next);
    }
}

/// Whether what follows the letters fits a citation (see [`AFTER_LETTER`]).
fn letters_end_ok(b: &[u8], end: usize) -> bool {
    let p = skip_ws(b, end);
    if !at(b, p).is_ascii_lowercase() {
        return true;
    }
    AFTER_LETTER.iter().any(|w| word(b, p, w).is_some())
}

/// The parenthesis after a number: "(2000)", "(XV)", "(S-VII)", "(ES-V)", "(ORG-75)".
fn paren(b: &[u8], pos: usize, number: &mut Number) -> Option<usize> {
    let p = skip_ws(b, pos);
    if at(b, p) != b'(' {
        return None;
    }
    let p = p + 1;
    let end = if let Some((year, e)) = uint(b, p).filter(|(y, e)| *e == p + 4 && plausible_year(*y))
    {
        number.year = u16::try_from(year).ok();
        e
    } else {
        paren_session(b, p, number)?
    };
    (at(b, end) == b')').then_some(end + 1)
}

fn paren_session(b: &[u8], p: usize, number: &mut Number) -> Option<usize> {
    if b.get(p..p + 4) == Some(b"ORG-") {
        let (yy, e) = uint(b, p + 4).filter(|(_, e)| *e == p + 6)?;
        number.session_kind = SessionKind::Organizational;
        number.year = u16::try_from(1900 + yy).ok();
        number.roman = std::str::from_utf8(b.get(p..e)?).ok().map(str::to_owned);
        return Some(e);
    }
    let (kind, q) = if b.get(p..p + 3) == Some(b"ES-") {
        (SessionKind::EmergencySpecial, p + 3)
    } else if b.get(p..p + 2) == Some(b"S-") {
        (SessionKind::Special, p + 2)
    } else {
        (SessionKind::Regular, p)
    };
    let (value, e) = roman(b, q)?;
    number.session = Some(value);
    number.session_kind = kind;
    number.roman = std::str::from_utf8(b.get(p..e)?).ok().map(str::to_owned);
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> (String, Number, Shape) {
        let it = item(t.as_bytes(), 0).expect("an item");
        (t[it.span.range()].to_owned(), it.number, it.shape)
    }

    #[test]
    fn session_slash() {
        let (s, n, shape) = parse("61/208 of");
        assert_eq!((s.as_str(), n.session, n.number), ("61/208", Some(61), 208));
        assert_eq!(shape, Shape::SessionSlash);
    }

    #[test]
    fn letters_and_ranges() {
        assert_eq!(parse("68/247 B of").1.letters, vec!['B']);
        assert_eq!(parse("69/96 A and B of").1.letters, vec!['A', 'B']);
        let (s, n, _) = parse("3419 A to D (XXX) of");
        assert_eq!(s, "3419 A to D (XXX)");
        assert_eq!(n.letters, vec!['A', 'B', 'C', 'D']);
        assert_eq!((n.session, n.roman.as_deref()), (Some(30), Some("XXX")));
    }

    #[test]
    fn a_capital_starting_a_sentence_is_not_a_letter() {
        assert_eq!(parse("60/1 A new approach").0, "60/1");
        assert_eq!(parse("60/1 A/61/2").0, "60/1");
    }

    #[test]
    fn special_sessions() {
        let (_, n, _) = parse("ES-10/19,");
        assert_eq!(n.session_kind, SessionKind::EmergencySpecial);
        let (s, n, shape) = parse("3362 (S-VII)");
        assert_eq!(s, "3362 (S-VII)");
        assert_eq!((n.session, n.session_kind), (Some(7), SessionKind::Special));
        assert_eq!(shape, Shape::ParenSession);
        let (_, n, _) = parse("1915 (ORG-75)");
        assert_eq!(
            (n.year, n.session_kind),
            (Some(1975), SessionKind::Organizational)
        );
    }

    #[test]
    fn security_council_and_ecosoc() {
        let (s, n, shape) = parse("1325\u{a0}(2000) of");
        assert_eq!(s, "1325\u{a0}(2000)");
        assert_eq!(
            (n.number, n.year, shape),
            (1325, Some(2000), Shape::ParenYear)
        );
        let (_, n, shape) = parse("1990/47");
        assert_eq!(
            (n.year, n.number, shape),
            (Some(1990), 47, Shape::YearSlash)
        );
    }

    #[test]
    fn dates_and_symbols_are_not_numbers() {
        assert!(item(b"1/8/2023", 0).is_none());
        assert!(item(b"10/2/Add.1", 0).is_none());
        assert!(item(b"1234567/1", 0).is_none());
    }
}

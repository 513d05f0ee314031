//! Finding document symbols in running text: "A/61/515", "A/61/L.45 and Add.1",
//! "A/59/558/Add.7 to Add.10", "S/RES/1325 (2000)", "A/RES/68/247 B".

use resolute_draft::Span;

use crate::model::{BodySource, Citation, Kind, Number, SessionKind};
use crate::number;
use crate::pinpoint;
use crate::scan::{at, plausible_year, roman_value, skip_ws, skip_ws1, uint, word};
use crate::symbol::{paren_ok, validate_symbol, Modifier, Part, Symbol};

/// Longest symbol considered; bounds the work done at each candidate start.
const MAX_LEN: usize = 64;

/// Reads a symbol starting at `pos` (an upper-case letter at a word start) and any
/// "and Add.1" / "to Add.10" continuations; pushes them and returns the end.
pub(crate) fn symbol_at(b: &[u8], pos: usize, out: &mut Vec<Citation>) -> Option<usize> {
    let mut p = pos;
    while at(b, p).is_ascii_uppercase() && p - pos < 8 {
        p += 1;
    }
    if at(b, p) != b'/' {
        return None;
    }
    let mut end = token_end(b, pos);
    if let Some(e) = resolution_tail(b, pos, end) {
        end = e;
    }
    let text = std::str::from_utf8(b.get(pos..end)?).ok()?;
    let symbol = validate_symbol(text).ok()?;
    // Every continuation is relative to the symbol as written: "A/55/L.10 and Corr.1 and
    // Add.1" is A/55/L.10/Corr.1 and A/55/L.10/Add.1; "Corr.1 and 2" repeats the kind.
    let base = symbol.clone();
    let mut kind = symbol.modifiers.last().cloned();
    out.push(symbol_citation(symbol, Span::new(pos, end)));
    while let Some((m, s, e)) = modifier_continuation(b, end, kind.as_ref()) {
        kind = Some(m.clone());
        out.push(symbol_citation(base.with_last_modifier(m), Span::new(s, e)));
        end = e;
    }
    // "(A/78/481/Add.3, para. 28)": a pinpoint into the last document named.
    if let (Some(pins), Some(cite)) = (pinpoint::trailing(b, end), out.last_mut()) {
        end = pins.end;
        cite.pinpoints = pins.pins;
    }
    Some(end)
}

/// The end of the slash-separated run at `pos`, allowing a line break after a slash (PDF
/// extractions wrap long symbols there) and dropping a sentence's final full stop.
fn token_end(b: &[u8], pos: usize) -> usize {
    let mut p = pos;
    let limit = pos + MAX_LEN;
    while p < limit {
        let c = at(b, p);
        if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b'-' | b'*') {
            p += 1;
        } else if at(b, p.wrapping_sub(1)) == b'/' && matches!(c, b' ' | b'\n' | b'\r') {
            p = skip_ws(b, p);
        } else {
            break;
        }
    }
    while p > pos && matches!(at(b, p - 1), b'.' | b'-' | b'/') {
        p -= 1;
    }
    p
}

/// " B" and " (2000)" / " (XV)" after a symbol ending at `end`. Returns the new end.
fn resolution_tail(b: &[u8], pos: usize, end: usize) -> Option<usize> {
    if !at(b, end.wrapping_sub(1)).is_ascii_digit() {
        return None;
    }
    let is_res = b
        .get(pos..end)
        .is_some_and(|t| t.windows(5).any(|w| w == b"/RES/"));
    let mut e = end;
    if is_res {
        if let Some((_, le)) = number::letters(b, e) {
            e = le;
        }
    }
    let p = skip_ws(b, e);
    if at(b, p) == b'(' {
        let close = (p + 1..(p + 12).min(b.len())).find(|i| at(b, *i) == b')');
        let inner = close.and_then(|c| b.get(p + 1..c));
        let inner = inner.and_then(|t| std::str::from_utf8(t).ok());
        if let (Some(c), Some(true)) = (close, inner.map(paren_ok)) {
            e = c + 1;
        }
    }
    (e > end).then_some(e)
}

/// ", Add.2", " and Add.1", " to Add.10", " and Corr.1" after a symbol, and " and 2" after
/// a modifier ("Corr.1 and 2").
fn modifier_continuation(
    b: &[u8],
    pos: usize,
    prev: Option<&Modifier>,
) -> Option<(Modifier, usize, usize)> {
    let mut p = skip_ws(b, pos);
    let comma = at(b, p) == b',';
    if comma {
        p = skip_ws(b, p + 1);
    }
    let joined = word(b, p, "and").or_else(|| word(b, p, "to"));
    if let Some(e) = joined {
        p = skip_ws1(b, e)?;
    } else if !comma {
        return None;
    }
    if let (Some(prev), Some((number, end))) = (prev, uint(b, p)) {
        let m = Modifier {
            kind: prev.kind.clone(),
            number,
        };
        return (joined.is_some() && !at(b, end).is_ascii_alphanumeric()).then_some((m, p, end));
    }
    for kind in ["Add", "Corr", "Rev", "Amend"] {
        let Some(e) = b.get(p..p + kind.len() + 1) else {
            continue;
        };
        if e.strip_suffix(b".") != Some(kind.as_bytes()) {
            continue;
        }
        let (number, end) = uint(b, p + kind.len() + 1)?;
        let boundary = !at(b, end).is_ascii_alphanumeric() && at(b, end) != b'/';
        let m = Modifier {
            kind: kind.to_owned(),
            number,
        };
        return boundary.then_some((m, p, end));
    }
    None
}

fn symbol_citation(symbol: Symbol, span: Span) -> Citation {
    let number = resolution_number(&symbol);
    let body = symbol.body();
    Citation {
        span,
        cue: None,
        kind: Kind::Symbol,
        body,
        body_source: if body.is_some() {
            BodySource::Symbol
        } else {
            BodySource::Unknown
        },
        normalized: Some(symbol.to_string()),
        number,
        date: None,
        pinpoints: Vec::new(),
        symbol: Some(symbol),
    }
}

/// The number parts of a resolution symbol ("A/RES/61/208", "S/RES/1325 (2000)").
fn resolution_number(s: &Symbol) -> Option<Number> {
    let at = s
        .parts
        .iter()
        .position(|p| *p == Part::Code("RES".into()))?;
    let mut n = Number {
        letters: s.letters.clone(),
        ..Number::default()
    };
    match s.parts.get(at + 1..)? {
        [Part::Number(first), Part::Number(num)] => {
            n.number = *num;
            if plausible_year(*first) {
                n.year = u16::try_from(*first).ok();
            } else {
                n.session = Some(*first);
            }
        }
        [Part::SpecialSession(sess), Part::Number(num)] => {
            n.number = *num;
            special(&mut n, sess);
        }
        [Part::Number(num)] => {
            n.number = *num;
            paren_parts(&mut n, s.paren.as_deref()?);
        }
        _ => return None,
    }
    Some(n)
}

fn special(n: &mut Number, sess: &str) {
    let (kind, digits) = match sess.strip_prefix("ES-") {
        Some(d) => (SessionKind::EmergencySpecial, d),
        None => (
            SessionKind::Special,
            sess.strip_prefix("S-").unwrap_or(sess),
        ),
    };
    n.session_kind = kind;
    n.session = digits.parse().ok();
}

fn paren_parts(n: &mut Number, paren: &str) {
    if let Ok(year) = paren.parse::<u16>() {
        n.year = Some(year);
        return;
    }
    n.roman = Some(paren.to_owned());
    let (kind, roman) = match (paren.strip_prefix("ES-"), paren.strip_prefix("S-")) {
        (Some(r), _) => (SessionKind::EmergencySpecial, r),
        (None, Some(r)) => (SessionKind::Special, r),
        (None, None) => (SessionKind::Regular, paren),
    };
    n.session_kind = kind;
    n.session = roman_value(roman);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < t.len() {
            match symbol_at(t.as_bytes(), pos, &mut out) {
                Some(e) => pos = e,
                None => pos += 1,
            }
        }
        out.iter()
            .map(|c| {
                (
                    t[c.span.range()].to_owned(),
                    c.normalized.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn addenda_ranges() {
        let f = found("A/59/558/Add.7 to Add.10");
        assert_eq!(f[1], ("Add.10".into(), "A/59/558/Add.10".into()));
        let f = found("A/61/L.45 and Add.1)");
        assert_eq!(f[0].0, "A/61/L.45");
        assert_eq!(f[1].1, "A/61/L.45/Add.1");
        let f = found("(A/CONF.101/10 and Corr.1 and 2), paras. 429");
        assert_eq!(f[2], ("2".into(), "A/CONF.101/10/Corr.2".into()));
        let f = found("(A/55/L.10 and Corr.1 and Add.1)]");
        assert_eq!(f[2], ("Add.1".into(), "A/55/L.10/Add.1".into()));
    }

    #[test]
    fn tails_and_wraps() {
        assert_eq!(found("S/RES/1325\u{a0}(2000).")[0].1, "S/RES/1325 (2000)");
        assert_eq!(found("A/RES/68/247 B of")[0].1, "A/RES/68/247 B");
        assert_eq!(
            found("E/CN.4/\nSub.2/1987/WP.4/Add.1.")[0].1,
            "E/CN.4/Sub.2/1987/WP.4/Add.1"
        );
        assert_eq!(found("see A/65/L.78*,")[0].0, "A/65/L.78*");
        assert!(found("HIV/AIDS and A/B").is_empty());
        let mut out = Vec::new();
        let t = "(A/78/481/Add.3, para. 28)]";
        assert_eq!(symbol_at(t.as_bytes(), 1, &mut out), Some(25));
        assert_eq!(out[0].pinpoints[0].label, "28");
    }
}

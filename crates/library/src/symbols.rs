//! What a UN symbol tells without any metadata: the organ, a year, the register key.

use resolute_check::register_key;
use resolute_draft::Body;

/// The organ a symbol belongs to: "A/HRC/..." is the Human Rights Council, "A/..." the
/// General Assembly, "S/..." the Security Council, "E/..." the Economic and Social Council.
pub(crate) fn body_of(symbol: &str) -> Option<Body> {
    Body::of_symbol(&register_key(symbol))
}

/// A year read from the symbol itself, used only when no date is known: "S/RES/1325 (2000)"
/// and "S/PRST/2019/1" name their year; "E/RES/2019/5" too. A General Assembly session N
/// (numbered, or in Roman numerals before the thirty-first) opens in September of 1945 + N,
/// when most of its texts are adopted; a Human Rights Council session N meets about
/// 2006 + (N - 1) / 3 (three sessions a year since 2006). Approximate by design.
pub(crate) fn year_of(symbol: &str) -> Option<u64> {
    let key = register_key(symbol);
    let paren = key
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'));
    if let Some(y) = paren.and_then(plausible_year) {
        return Some(y);
    }
    let parts: Vec<&str> = key.split('/').collect();
    if let Some(y) = parts.iter().find_map(|p| plausible_year(p)) {
        return Some(y);
    }
    let session = |from: usize| {
        parts
            .iter()
            .skip(from)
            .find_map(|p| p.parse::<u64>().ok())
            .filter(|s| (1..200).contains(s))
    };
    match parts.as_slice() {
        ["A", "HRC", ..] => session(2).map(|s| 2006 + (s - 1) / 3),
        ["A", ..] => session(1)
            .or_else(|| paren.and_then(roman))
            .map(|s| 1945 + s),
        _ => None,
    }
}

/// The value of a well-formed upper-case Roman numeral ("XXI" gives 21).
fn roman(s: &str) -> Option<u64> {
    let upper = s.chars().all(|c| c.is_ascii_uppercase());
    upper
        .then(|| resolute_draft::numerals::roman_value(s))
        .flatten()
        .map(u64::from)
}

fn plausible_year(s: &str) -> Option<u64> {
    s.parse::<u64>().ok().filter(|y| (1945..=2100).contains(y))
}

/// The register key without the letters of a lettered resolution: "A/RES/68/247B" gives
/// "A/RES/68/247"; keys ending in a digit or ")" are their own base.
pub(crate) fn base_key(key: &str) -> &str {
    let base = key.trim_end_matches(|c: char| c.is_ascii_uppercase());
    if base.len() < key.len() && base.ends_with(|c: char| c.is_ascii_digit()) {
        base
    } else {
        key
    }
}

/// The year of an ISO date "YYYY-MM-DD".
pub(crate) fn year_of_date(date: &str) -> Option<u64> {
    date.get(..4).and_then(plausible_year)
}

/// Whether `s` is an ISO date "YYYY-MM-DD" that exists.
pub(crate) fn is_iso_date(s: &str) -> bool {
    resolute_draft::dates::is_iso_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_from_symbols() {
        assert_eq!(body_of("A/HRC/RES/53/1"), Some(Body::HumanRightsCouncil));
        assert_eq!(body_of("A/RES/78/100"), Some(Body::GeneralAssembly));
        assert_eq!(body_of("S/RES/1325 (2000)"), Some(Body::SecurityCouncil));
        assert_eq!(
            body_of("E/RES/2019/5"),
            Some(Body::EconomicAndSocialCouncil)
        );
        assert_eq!(body_of("my draft"), None);
    }

    #[test]
    fn years_from_symbols() {
        assert_eq!(year_of("S/RES/1325 (2000)"), Some(2000));
        assert_eq!(year_of("E/RES/2019/5"), Some(2019));
        assert_eq!(year_of("A/RES/78/100"), Some(2023));
        assert_eq!(year_of("A/RES/1514(XV)"), Some(1960));
        assert_eq!(year_of("A/RES/2200(XXI)"), Some(1966));
        assert_eq!(year_of("A/C.2/80/L.37"), Some(2025));
        assert_eq!(year_of("A/HRC/RES/53/1"), Some(2023));
        assert_eq!(year_of("E/RES/476 (XV)"), None);
    }

    #[test]
    fn lettered_keys_have_a_base() {
        assert_eq!(base_key("A/RES/68/247B"), "A/RES/68/247");
        assert_eq!(base_key("A/RES/61/208"), "A/RES/61/208");
        assert_eq!(base_key("A/RES/1514(XV)"), "A/RES/1514(XV)");
    }

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2023-12-07"));
        assert!(!is_iso_date("7 December 2023"));
        assert_eq!(year_of_date("2023-12-07"), Some(2023));
    }
}

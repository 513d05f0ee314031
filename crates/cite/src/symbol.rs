//! UN document symbols: the grammar of UN-RULES §2 ("A/C.2/62/2", "S/2000/693",
//! "E/CN.4/Sub.2/1987/WP.4/Add.1", "A/65/L.78*", "S/RES/1325 (2000)") and its validator.

use std::fmt;

use resolute_draft::Body;
use serde::Serialize;
use thiserror::Error;

use crate::scan::{plausible_year, roman_value};

/// Series a symbol may start with: the principal organs (A, S, E, T, ST) and the special
/// series of treaty bodies, conferences, funds and programmes that resolutions cite.
pub const SERIES: &[&str] = &[
    "A", "S", "E", "T", "ST", "AT", "CRC", "CEDAW", "CCPR", "CAT", "CERD", "CMW", "CRPD", "CED",
    "HRI", "DP", "TD", "UNEP", "FCCC", "CBD", "ICCD", "UNW", "ISBA", "SPLOS", "CLCS", "APLC",
    "CCW", "BWC", "NPT", "TPNW", "IDB", "PBC", "CTOC", "CAC", "JIU", "LC", "CD", "UNCTAD", "ECE",
    "ESCAP", "ICEF", "UNHCR", "UNITAR", "UNU", "UNIDO", "ITLOS", "ISA", "INFCIRC", "GOV",
];

/// Why a string is not a well-formed document symbol.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SymbolError {
    /// Nothing to validate.
    #[error("empty symbol")]
    Empty,
    /// The first component is not a known series.
    #[error("unknown series \"{0}\"")]
    UnknownSeries(String),
    /// Two slashes in a row, or a slash at the end.
    #[error("empty component between slashes")]
    EmptyPart,
    /// A component that fits no rule of the grammar.
    #[error("component \"{0}\" is not part of the symbol grammar")]
    BadPart(String),
    /// The session of a resolution symbol is not a number ("A/RES/LX/1").
    #[error("session must be a number, found \"{0}\"")]
    SessionNotNumber(String),
    /// "Rev.", "Add.", "Corr.", "Amend.", "L.", "PV." … without its number.
    #[error("{0} needs a number")]
    NeedsNumber(String),
    /// A modifier (Add., Rev., Corr., Amend.) followed by a component that is not a modifier.
    #[error("\"{0}\" cannot follow a modifier such as Add. or Rev.")]
    AfterModifier(String),
    /// No component carries a number ("A/RES", "S/PRST").
    #[error("a symbol needs a numbered component")]
    NoNumber,
    /// The parenthesis is not a year, a Roman session or "(Resumed)" / "(Part N)".
    #[error("bad parenthesis \"{0}\"")]
    BadParen(String),
    /// A resolution symbol without the number after the session ("A/RES/61").
    #[error("a resolution symbol needs session and number")]
    ResolutionNumber,
    /// A Security Council resolution symbol without its year ("S/RES/1325").
    #[error("a Security Council resolution symbol needs its year in parentheses")]
    ScYear,
    /// Longer than any real symbol (64 bytes).
    #[error("too long for a document symbol")]
    TooLong,
}

/// One component between slashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Part {
    /// A number: session, year or document number ("61", "2000", "515").
    Number(u32),
    /// A special or emergency special session: "S-13", "ES-10".
    SpecialSession(String),
    /// A code without number: "RES", "PRST", "HRC", "INF", "C" (committee), "SGB".
    Code(String),
    /// A code with a number: "C.2", "CN.4", "Sub.2", "L.45", "PV.4213", "WP.4", "AC.109".
    Numbered(String),
}

/// A revision, addendum, corrigendum or amendment ("/Add.1", "/Rev.2", "/Summary").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Modifier {
    /// "Add", "Corr", "Rev", "Amend" or "Summary".
    pub kind: String,
    /// The number; 0 for "Summary".
    pub number: u32,
}

/// A parsed, well-formed document symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Symbol {
    /// The series: "A", "S", "E", "ST", "CRC" …
    pub series: String,
    /// The components after the series, before any modifier.
    pub parts: Vec<Part>,
    /// Modifiers in order: "/Add.7", "/Rev.1".
    pub modifiers: Vec<Modifier>,
    /// Reissued for technical reasons ("A/65/L.78*").
    pub reissued: bool,
    /// The parenthesis, without brackets: "2000", "XV", "S-VII", "Resumed".
    pub paren: Option<String>,
    /// The letters of a composite resolution: "B" in "A/RES/68/247 B".
    pub letters: Vec<char>,
}

/// Checks that `s` is a well-formed document symbol and returns its parts.
///
/// Whitespace (including no-break spaces and line breaks) inside the symbol is ignored except
/// before a parenthesis or a resolution letter.
pub fn validate_symbol(s: &str) -> Result<Symbol, SymbolError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(SymbolError::Empty);
    }
    if s.len() > 64 {
        return Err(SymbolError::TooLong);
    }
    let (body, paren) = split_paren(s)?;
    let (body, letters) = split_letters(body);
    let (body, reissued) = match body.strip_suffix('*') {
        Some(rest) => (rest.trim_end(), true),
        None => (body, false),
    };
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let mut comps = compact.split('/');
    let series = comps.next().unwrap_or_default();
    if !SERIES.contains(&series) {
        return Err(SymbolError::UnknownSeries(series.to_owned()));
    }
    let (parts, modifiers) = components(comps)?;
    let symbol = Symbol {
        series: series.to_owned(),
        parts,
        modifiers,
        reissued,
        paren,
        letters,
    };
    check_numbered(&symbol)?;
    check_resolution(&symbol)?;
    Ok(symbol)
}

/// Splits a trailing "(2000)" / "(XV)" / "(Resumed)" off.
fn split_paren(s: &str) -> Result<(&str, Option<String>), SymbolError> {
    let Some(inner) = s.strip_suffix(')') else {
        return Ok((s, None));
    };
    let Some(open) = inner.rfind('(') else {
        return Err(SymbolError::BadParen(s.to_owned()));
    };
    let text = inner.get(open + 1..).unwrap_or_default();
    if !paren_ok(text) {
        return Err(SymbolError::BadParen(text.to_owned()));
    }
    let head = inner.get(..open).unwrap_or_default().trim_end();
    Ok((head, Some(text.to_owned())))
}

/// Whether a parenthesis is a year, a Roman session ("XV", "S-VII", "ES-V") or a part label.
pub(crate) fn paren_ok(text: &str) -> bool {
    let year = text.len() == 4 && text.parse::<u32>().is_ok_and(plausible_year);
    let session = text
        .strip_prefix("ES-")
        .or_else(|| text.strip_prefix("S-"))
        .unwrap_or(text);
    let part = text
        .strip_prefix("Part ")
        .is_some_and(|r| roman_value(r).is_some());
    year || roman_value(session).is_some() || part || text == "Resumed"
}

/// Splits a trailing " B" or " A-B" (composite resolution) off.
fn split_letters(s: &str) -> (&str, Vec<char>) {
    let Some((head, tail)) = s.rsplit_once(|c: char| c.is_whitespace()) else {
        return (s, Vec::new());
    };
    let letters: Vec<char> = tail.split('-').filter_map(single_capital).collect();
    let expected = tail.split('-').count();
    if letters.is_empty() || letters.len() != expected {
        return (s, Vec::new());
    }
    (head.trim_end(), letters)
}

fn single_capital(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next().filter(char::is_ascii_uppercase)?;
    it.next().is_none().then_some(c)
}

/// Classifies the components after the series.
fn components<'a>(
    comps: impl Iterator<Item = &'a str>,
) -> Result<(Vec<Part>, Vec<Modifier>), SymbolError> {
    let mut parts = Vec::new();
    let mut modifiers = Vec::new();
    for c in comps {
        if c.is_empty() {
            return Err(SymbolError::EmptyPart);
        }
        if let Some(m) = modifier(c)? {
            modifiers.push(m);
        } else if !modifiers.is_empty() {
            return Err(SymbolError::AfterModifier(c.to_owned()));
        } else {
            parts.push(part(c)?);
        }
    }
    Ok((parts, modifiers))
}

/// "Add.1", "Corr.2", "Rev.3", "Amend.1", "Summary"; an error for "Rev." without number.
fn modifier(c: &str) -> Result<Option<Modifier>, SymbolError> {
    if c == "Summary" {
        return Ok(Some(Modifier {
            kind: c.to_owned(),
            number: 0,
        }));
    }
    for kind in ["Add", "Corr", "Rev", "Amend"] {
        let Some(rest) = c.strip_prefix(kind) else {
            continue;
        };
        let digits = rest.strip_prefix('.').unwrap_or(rest);
        return match digits.parse::<u32>() {
            Ok(number) if digits.len() <= 4 => Ok(Some(Modifier {
                kind: kind.to_owned(),
                number,
            })),
            _ => Err(SymbolError::NeedsNumber(format!("{kind}."))),
        };
    }
    Ok(None)
}

/// One component that is not a modifier.
fn part(c: &str) -> Result<Part, SymbolError> {
    if c.bytes().all(|b| b.is_ascii_digit()) {
        return match c.parse::<u32>() {
            Ok(n) if c.len() <= 6 => Ok(Part::Number(n)),
            _ => Err(SymbolError::BadPart(c.to_owned())),
        };
    }
    for prefix in ["S-", "ES-"] {
        if let Some(n) = c.strip_prefix(prefix) {
            if n.len() <= 3 && n.parse::<u32>().is_ok() {
                return Ok(Part::SpecialSession(c.to_owned()));
            }
        }
    }
    if let Some((code, num)) = c.split_once('.') {
        return numbered(c, code, num);
    }
    let code_ok = c.len() <= 8 && c.bytes().all(|b| b.is_ascii_uppercase());
    if code_ok {
        Ok(Part::Code(c.to_owned()))
    } else {
        Err(SymbolError::BadPart(c.to_owned()))
    }
}

/// "C.2", "L.45", "Sub.2", "SER.A", "EA.5".
fn numbered(c: &str, code: &str, num: &str) -> Result<Part, SymbolError> {
    let code_ok = !code.is_empty()
        && code.len() <= 6
        && code.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_alphabetic());
    if !code_ok {
        return Err(SymbolError::BadPart(c.to_owned()));
    }
    let num_ok = (!num.is_empty() && num.len() <= 6 && num.bytes().all(|b| b.is_ascii_digit()))
        || single_capital(num).is_some();
    if num.is_empty() {
        return Err(SymbolError::NeedsNumber(format!("{code}.")));
    }
    if num_ok {
        Ok(Part::Numbered(c.to_owned()))
    } else {
        Err(SymbolError::BadPart(c.to_owned()))
    }
}

fn check_numbered(s: &Symbol) -> Result<(), SymbolError> {
    let numbered = s.parts.iter().any(|p| !matches!(p, Part::Code(_)));
    if numbered {
        Ok(())
    } else {
        Err(SymbolError::NoNumber)
    }
}

/// The extra rules for resolution symbols: A/RES/61/208, A/RES/217 (III), S/RES/1325 (2000),
/// E/RES/1990/47, A/HRC/RES/5/1.
fn check_resolution(s: &Symbol) -> Result<(), SymbolError> {
    let Some(at) = s.parts.iter().position(|p| *p == Part::Code("RES".into())) else {
        return Ok(());
    };
    let rest = s.parts.get(at + 1..).unwrap_or_default();
    match (s.series.as_str(), rest) {
        ("S", [Part::Number(_)]) if s.paren.is_some() => Ok(()),
        ("S", _) => Err(SymbolError::ScYear),
        (_, [Part::Number(_)]) if s.paren.is_some() => Ok(()),
        (_, [Part::Number(_) | Part::SpecialSession(_), Part::Number(_)]) => Ok(()),
        (_, [other, Part::Number(_)]) => Err(SymbolError::SessionNotNumber(part_text(other))),
        _ => Err(SymbolError::ResolutionNumber),
    }
}

fn part_text(p: &Part) -> String {
    match p {
        Part::Number(n) => n.to_string(),
        Part::SpecialSession(s) | Part::Code(s) | Part::Numbered(s) => s.clone(),
    }
}

impl Symbol {
    /// The body whose document series this is: A → GA, A/HRC → HRC, S → SC, E → ECOSOC.
    pub fn body(&self) -> Option<Body> {
        let hrc = self.parts.first() == Some(&Part::Code("HRC".into()));
        match self.series.as_str() {
            "A" if hrc => Some(Body::HumanRightsCouncil),
            "A" => Some(Body::GeneralAssembly),
            "S" => Some(Body::SecurityCouncil),
            "E" => Some(Body::EconomicAndSocialCouncil),
            _ => None,
        }
    }

    /// Whether this is the symbol of a resolution ("…/RES/…").
    pub fn is_resolution(&self) -> bool {
        self.parts.iter().any(|p| *p == Part::Code("RES".into()))
    }

    /// The same document with a different final modifier number ("Add.7" → "Add.10"), for
    /// "A/59/558/Add.7 to Add.10".
    pub(crate) fn with_last_modifier(&self, m: Modifier) -> Symbol {
        let mut out = self.clone();
        out.reissued = false;
        match out.modifiers.last_mut() {
            Some(last) if last.kind == m.kind => *last = m,
            _ => out.modifiers.push(m),
        }
        out
    }
}

impl fmt::Display for Symbol {
    /// The normal form: components joined by "/", no whitespace, no reissue star, then
    /// " B" letters and " (2000)" parenthesis.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.series)?;
        for p in &self.parts {
            write!(f, "/{}", part_text(p))?;
        }
        for m in &self.modifiers {
            match m.kind.as_str() {
                "Summary" => f.write_str("/Summary")?,
                k => write!(f, "/{k}.{}", m.number)?,
            }
        }
        if !self.letters.is_empty() {
            write!(f, " {}", crate::normal::letters(&self.letters))?;
        }
        if let Some(p) = &self.paren {
            write!(f, " ({p})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        validate_symbol(s)
            .map(|x| x.to_string())
            .unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn well_formed_symbols() {
        for s in [
            "A/61/515",
            "A/C.2/62/2",
            "A/RES/62/270",
            "A/HRC/RES/33/10",
            "S/2000/693",
            "S/PRST/2014/16",
            "E/CN.4/Sub.2/1987/WP.4/Add.1",
            "A/CONF.213/RPM.1/1",
            "A/AC.109/2019/L.18",
            "ST/LIB/SER.B/A.70",
            "A/RES/ES-10/19",
        ] {
            assert_eq!(ok(s), s);
        }
        assert_eq!(ok("S/RES/1325\u{a0}(2000)"), "S/RES/1325 (2000)");
        assert_eq!(ok("A/RES/217 A (III)"), "A/RES/217 A (III)");
        assert_eq!(ok("A/RES/68/247 B"), "A/RES/68/247 B");
        assert!(validate_symbol("A/65/L.78*").unwrap().reissued);
    }

    #[test]
    fn specific_reasons() {
        let err = |s| validate_symbol(s).unwrap_err().to_string();
        assert_eq!(err("B/61/515"), "unknown series \"B\"");
        assert_eq!(err("A/RES/LX/1"), "session must be a number, found \"LX\"");
        assert_eq!(err("A/61/515/Rev."), "Rev. needs a number");
        assert_eq!(err("A/61/L."), "L. needs a number");
        assert_eq!(err("A//61"), "empty component between slashes");
        assert_eq!(err("S/RES/1325"), SymbolError::ScYear.to_string());
        assert_eq!(err("A/RES"), SymbolError::NoNumber.to_string());
        assert_eq!(
            err("A/61/Add.1/2"),
            "\"2\" cannot follow a modifier such as Add. or Rev."
        );
        assert_eq!(err("HIV/AIDS"), "unknown series \"HIV\"");
        assert_eq!(err("A/RES/1514 (XIIII)"), "bad parenthesis \"XIIII\"");
    }

    #[test]
    fn bodies() {
        let body = |s| validate_symbol(s).unwrap().body();
        assert_eq!(body("A/HRC/RES/5/1"), Some(Body::HumanRightsCouncil));
        assert_eq!(body("E/2012/100"), Some(Body::EconomicAndSocialCouncil));
        assert_eq!(body("CRC/C/GC/14"), None);
    }
}

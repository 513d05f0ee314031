//! Cue words ("resolution", "its decisions", "Security Council resolution") and the body they
//! name or imply.

use resolute_draft::{Body, Span};

use crate::model::{BodySource, Kind, Number, SessionKind};
use crate::number::Shape;
use crate::scan::{at, prev_word, skip_ws, skip_ws1, word, word_cap};

/// Who the words before the keyword say adopted the cited text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Organ {
    /// One of the four bodies, named: "General Assembly resolution".
    Named(Body),
    /// "its resolution": the body of the text being read.
    Its,
    /// "Council resolution" with no qualifier.
    Council,
    /// Another organ: "Commission on Human Rights resolution", "UNESCO resolution".
    Other,
    /// Nothing before the keyword says.
    Unsaid,
}

/// A cue: the keyword and the organ words before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub span: Span,
    pub kind: Kind,
    pub organ: Organ,
}

/// Whether a cue keyword can start with byte `c` (cheap test for the main loop).
pub(crate) fn starts_cue(c: u8) -> bool {
    matches!(c, b'r' | b'R' | b'd' | b'D')
}

/// Reads "resolution(s)" or "decision(s)" at `pos` and the organ words before it.
pub(crate) fn cue_at(b: &[u8], pos: usize) -> Option<Cue> {
    let (kind, end) = keyword(b, pos)?;
    let (organ, start) = organ_before(b, pos);
    Some(Cue {
        span: Span::new(start, end),
        kind,
        organ,
    })
}

fn keyword(b: &[u8], pos: usize) -> Option<(Kind, usize)> {
    let res = |w| word_cap(b, pos, w).map(|e| (Kind::Resolution, e));
    let dec = |w| word_cap(b, pos, w).map(|e| (Kind::Decision, e));
    res("resolution")
        .or_else(|| res("resolutions"))
        .or_else(|| dec("decision"))
        .or_else(|| dec("decisions"))
}

fn text(b: &[u8], (s, e): (usize, usize)) -> &[u8] {
    b.get(s..e).unwrap_or_default()
}

/// The organ named just before the keyword at `kw`, and where the cue starts.
fn organ_before(b: &[u8], kw: usize) -> (Organ, usize) {
    let Some(w) = prev_word(b, kw) else {
        return (Organ::Unsaid, kw);
    };
    if text(b, w) == b"its" {
        return (its_antecedent(b, w.0).unwrap_or(Organ::Its), w.0);
    }
    match organ_name(b, w) {
        Some((organ, start)) => (organ, start),
        None => (Organ::Unsaid, kw),
    }
}

/// "the General Assembly, in its resolution" or "the adoption by the Commission on Narcotic
/// Drugs of its resolution": "its" then means the organ just named.
fn its_antecedent(b: &[u8], its: usize) -> Option<Organ> {
    let prep = prev_word(b, its)?;
    let p = text(b, prep);
    if !matches!(p, b"in" | b"by" | b"through" | b"under" | b"with" | b"of") {
        return None;
    }
    let mut end = prep.0;
    while end > 0 && matches!(at(b, end - 1), b' ' | b'\n' | b'\r') {
        end -= 1;
    }
    if at(b, end.wrapping_sub(1)) == b',' {
        end -= 1;
    }
    let name = prev_word(b, end)?;
    organ_name(b, name).map(|(organ, _)| organ)
}

/// An organ name ending with the word `w`; returns the organ and where its name starts.
fn organ_name(b: &[u8], w: (usize, usize)) -> Option<(Organ, usize)> {
    let t = text(b, w);
    if let Some(body) = acronym(t) {
        return Some((Organ::Named(body), w.0));
    }
    let before = prev_word(b, w.0);
    let bt = before.map(|x| text(b, x)).unwrap_or_default();
    let named = |body| Some((Organ::Named(body), before.map_or(w.0, |x| x.0)));
    match t {
        b"Assembly" if bt == b"General" => named(Body::GeneralAssembly),
        b"Council" if bt == b"Security" => named(Body::SecurityCouncil),
        b"Council" if bt == b"Social" => Some((
            Organ::Named(Body::EconomicAndSocialCouncil),
            economic(b, before),
        )),
        b"Council" if bt == b"Rights" => {
            let human = before.and_then(|x| prev_word(b, x.0));
            Some((
                Organ::Named(Body::HumanRightsCouncil),
                human.map_or(w.0, |h| h.0),
            ))
        }
        b"Assembly" | b"Council" if !capitalized(bt) || bt == b"The" => {
            let organ = if t == b"Council" {
                Organ::Council
            } else {
                Organ::Named(Body::GeneralAssembly)
            };
            Some((organ, w.0))
        }
        _ if organ_like(t) && !clause_start(b, w) && !opening_word(t) => Some((Organ::Other, w.0)),
        _ => None,
    }
}

/// Where "Economic and Social Council" starts, given the word "Social".
fn economic(b: &[u8], social: Option<(usize, usize)>) -> usize {
    let Some(social) = social else { return 0 };
    let and = prev_word(b, social.0).filter(|x| text(b, *x) == b"and");
    let eco = and
        .and_then(|x| prev_word(b, x.0))
        .filter(|x| text(b, *x) == b"Economic");
    eco.map_or(social.0, |x| x.0)
}

fn acronym(t: &[u8]) -> Option<Body> {
    match t {
        b"GA" | b"UNGA" => Some(Body::GeneralAssembly),
        b"SC" | b"UNSC" => Some(Body::SecurityCouncil),
        b"HRC" => Some(Body::HumanRightsCouncil),
        b"ECOSOC" => Some(Body::EconomicAndSocialCouncil),
        _ => None,
    }
}

/// A word that can end another organ's name: capitalised, at least three letters, and not a
/// Roman numeral ("section VIII of its resolution" names no organ).
fn organ_like(t: &[u8]) -> bool {
    let roman = t
        .iter()
        .all(|c| matches!(c, b'I' | b'V' | b'X' | b'L' | b'C'));
    capitalized(t)
        && t.len() >= 3
        && !roman
        && t.iter().all(u8::is_ascii_alphabetic)
        && !NOT_ORGANS.contains(&t)
}

/// Capitalised words that end names of things other than organs ("Member States, in its
/// resolution 66/180", "the 2030 Agenda").
const NOT_ORGANS: [&[u8]; 10] = [
    b"States",
    b"Nations",
    b"Members",
    b"Government",
    b"Governments",
    b"Charter",
    b"Declaration",
    b"Agenda",
    b"Goals",
    b"Secretariat",
];

fn capitalized(t: &[u8]) -> bool {
    t.first().is_some_and(u8::is_ascii_uppercase)
}

/// Whether the word starts a sentence or a paragraph (then its capital says nothing).
fn clause_start(b: &[u8], w: (usize, usize)) -> bool {
    let mut p = w.0;
    while p > 0 && at(b, p - 1).is_ascii_whitespace() {
        p -= 1;
    }
    p == 0 || matches!(at(b, p - 1), b'.' | b';' | b':' | b'(' | b'*' | b'"')
}

/// Capitalised words that open a clause rather than name an organ: participles and verbs of
/// preambular and operative paragraphs, and footnote openers.
fn opening_word(t: &[u8]) -> bool {
    const WORDS: [&[u8]; 14] = [
        b"See",
        b"Also",
        b"Further",
        b"Recalls",
        b"Recall",
        b"Notes",
        b"Welcomes",
        b"Endorses",
        b"Reaffirms",
        b"Acknowledges",
        b"Decides",
        b"Requests",
        b"The",
        b"Pursuant",
    ];
    t.ends_with(b"ing") || WORDS.contains(&t)
}

/// "…, the General Assembly" right after a list ending at `pos`: the organ an "its" before
/// the list refers to.
pub(crate) fn named_after(b: &[u8], pos: usize) -> Option<Body> {
    let mut p = skip_ws(b, pos);
    if at(b, p) != b',' {
        return None;
    }
    p = skip_ws1(b, word(b, skip_ws(b, p + 1), "the")?)?;
    Body::ALL.into_iter().find(|body| {
        let mut q = p;
        body.name().split(' ').enumerate().all(|(i, w)| {
            if i > 0 {
                match skip_ws1(b, q) {
                    Some(n) => q = n,
                    None => return false,
                }
            }
            word(b, q, w).map(|e| q = e).is_some()
        })
    })
}

/// Decides the body of one item given its cue and the caller's context.
pub(crate) fn body_of(
    organ: Organ,
    ctx: Option<Body>,
    number: &Number,
    shape: Shape,
) -> (Option<Body>, BodySource) {
    use BodySource as S;
    let item = (number, shape);
    match shape {
        // Only the Security Council numbers its resolutions with the year in parentheses,
        // and only ECOSOC (of the four) numbers them year/number.
        Shape::ParenYear => return (Some(Body::SecurityCouncil), paren_year(organ, ctx)),
        Shape::YearSlash => return year_slash(organ, ctx),
        _ => {}
    }
    if organ == Organ::Its && !ctx.is_some_and(|body| fits(body, item)) {
        // "its" cannot mean a body that never numbers resolutions this way: the text speaks
        // of another organ ("Commission … resolutions …, and its resolution 2013/1").
        return (None, S::Unknown);
    }
    let from_ctx = |body: Body| fits(body, item).then_some((Some(body), S::Context));
    let found = match organ {
        Organ::Named(body) => Some((Some(body), S::Named)),
        Organ::Other => Some((None, S::OtherOrgan)),
        Organ::Its => ctx.and_then(from_ctx),
        Organ::Council => ctx
            .filter(|b| *b != Body::GeneralAssembly)
            .and_then(from_ctx),
        Organ::Unsaid => ctx.and_then(from_ctx),
    };
    found.unwrap_or_else(|| guess(item))
}

/// How "1325 (2000)", always the Security Council's, got its body.
fn paren_year(organ: Organ, ctx: Option<Body>) -> BodySource {
    let sc = Some(Body::SecurityCouncil);
    match organ {
        Organ::Named(Body::SecurityCouncil) => BodySource::Named,
        Organ::Its | Organ::Council | Organ::Unsaid if ctx == sc => BodySource::Context,
        _ => BodySource::Shape,
    }
}

/// "1990/47": ECOSOC, unless another organ is named, "its" means a body other than ECOSOC,
/// or an HRC text leaves the organ unsaid.
fn year_slash(organ: Organ, ctx: Option<Body>) -> (Option<Body>, BodySource) {
    let ecosoc = Some(Body::EconomicAndSocialCouncil);
    match organ {
        Organ::Other => (None, BodySource::OtherOrgan),
        Organ::Named(Body::EconomicAndSocialCouncil) => (ecosoc, BodySource::Named),
        Organ::Its | Organ::Council | Organ::Unsaid if ctx == ecosoc => {
            (ecosoc, BodySource::Context)
        }
        Organ::Its => (None, BodySource::Unknown),
        // In a Human Rights Council text an unattributed year/number resolution is as often
        // the Commission on Human Rights' or its Sub-Commission's as ECOSOC's.
        Organ::Unsaid if ctx == Some(Body::HumanRightsCouncil) => (None, BodySource::Unknown),
        _ => (ecosoc, BodySource::Shape),
    }
}

/// Corrects a body the text did not name with the adoption date given: the Human Rights
/// Council exists since 2006 and holds about three sessions a year, so "its resolution 48/11
/// of 25 October 1993" in an HRC text is the Assembly's, and "resolution 28/3 of 24 May 2019"
/// (HRC session 28 met in 2015) is some other organ's; an unattributed "resolution 59/2 of 4
/// July 2025" in a GA text is the Council's. A named body or "its" body is never moved to
/// another body the date does not fit: a wrong date is for the checker to report.
pub(crate) fn with_date(
    found: (Option<Body>, BodySource),
    organ: Organ,
    number: &Number,
    shape: Shape,
    year: Option<u16>,
) -> (Option<Body>, BodySource) {
    let (Some(year), Some(session)) = (year, number.session) else {
        return found;
    };
    if shape != Shape::SessionSlash || number.session_kind != SessionKind::Regular {
        return found;
    }
    let ga_fits = session >= 31 && ga_year(session, year);
    let hrc = Some(Body::HumanRightsCouncil);
    let ga = Some(Body::GeneralAssembly);
    let named = matches!(organ, Organ::Named(_));
    match found {
        // "resolution 59/2 of 4 July 2025" in a GA text: the Assembly's 59th session ended
        // in 2005, the Council's met in 2025. "its resolutions 58/2, 58/3 and 58/5 of 17 March
        // 2015" (the Commission on Narcotic Drugs') fits neither. A year one digit away from
        // the Assembly's is kept as the Assembly's: likely a typing error to report.
        (b, _) if b == ga && !named && !ga_fits => {
            if hrc_year(session, year) {
                (hrc, BodySource::Shape)
            } else if one_digit_off(year, 1945 + session) || one_digit_off(year, 1946 + session) {
                found
            } else {
                (None, BodySource::Unknown)
            }
        }
        (b, BodySource::Context) if b == hrc && year < 2006 && ga_fits => {
            (Some(Body::GeneralAssembly), BodySource::Shape)
        }
        (b, BodySource::Shape) if b == hrc && !hrc_year(session, year) => {
            if ga_fits {
                (Some(Body::GeneralAssembly), BodySource::Shape)
            } else {
                (None, BodySource::Unknown)
            }
        }
        _ => found,
    }
}

/// Whether two years differ in exactly one digit (2025 for 2015).
fn one_digit_off(year: u16, expected: u32) -> bool {
    let (a, b) = (year.to_string(), expected.to_string());
    a.len() == b.len() && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() == 1
}

/// GA session N opens in September 1945 + N and closes a year later.
fn ga_year(session: u32, year: u16) -> bool {
    (1945 + session..=1946 + session).contains(&u32::from(year))
}

/// HRC session N meets in about 2006 + (N - 1) / 3 (three regular sessions a year); one
/// year of slack either way.
fn hrc_year(session: u32, year: u16) -> bool {
    let expected = 2006 + session.saturating_sub(1) / 3;
    (expected.saturating_sub(1)..=expected + 1).contains(&u32::from(year))
}

/// Whether `body` can have a number of this shape.
fn fits(body: Body, (number, shape): (&Number, Shape)) -> bool {
    match (body, shape) {
        (Body::SecurityCouncil, Shape::Bare) => true,
        (Body::SecurityCouncil, _) | (_, Shape::Bare) => false,
        (Body::HumanRightsCouncil, Shape::ParenSession) => false,
        // The Assembly numbered session/number only from its thirty-first session on.
        (Body::GeneralAssembly, Shape::SessionSlash) => {
            number.session_kind != SessionKind::Regular || number.session >= Some(31)
        }
        _ => true,
    }
}

/// The body a number's shape makes most likely when nothing else says: GA numbered
/// session/number only from its 31st session, so a smaller session is the HRC's.
fn guess((n, shape): (&Number, Shape)) -> (Option<Body>, BodySource) {
    match shape {
        Shape::SessionSlash if n.session_kind == SessionKind::Regular && n.session < Some(31) => {
            (Some(Body::HumanRightsCouncil), BodySource::Shape)
        }
        Shape::SessionSlash | Shape::ParenSession => {
            (Some(Body::GeneralAssembly), BodySource::Shape)
        }
        _ => (None, BodySource::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organ(t: &str) -> (Organ, String) {
        let kw = t
            .rfind("resolution")
            .or_else(|| t.rfind("decision"))
            .unwrap();
        let cue = cue_at(t.as_bytes(), kw).unwrap();
        (cue.organ, t[cue.span.range()].to_owned())
    }

    #[test]
    fn named_bodies() {
        let sc = Organ::Named(Body::SecurityCouncil);
        assert_eq!(
            organ("Recalling Security Council resolution"),
            (sc, "Security Council resolution".into())
        );
        let hrc = Organ::Named(Body::HumanRightsCouncil);
        assert_eq!(organ("and Human Rights Council resolutions").0, hrc);
        let eco = organ("Recalling Economic and Social Council decision");
        assert_eq!(eco.1, "Economic and Social Council decision");
        assert_eq!(
            organ("in Assembly resolution").0,
            Organ::Named(Body::GeneralAssembly)
        );
    }

    #[test]
    fn its_and_its_antecedent() {
        assert_eq!(
            organ("Recalling its resolution"),
            (Organ::Its, "its resolution".into())
        );
        let t = "the General Assembly, in its resolution";
        assert_eq!(organ(t).0, Organ::Named(Body::GeneralAssembly));
    }

    #[test]
    fn other_organs_and_openings() {
        assert_eq!(
            organ("Recalling Commission on Human Rights resolution").0,
            Organ::Other
        );
        assert_eq!(organ("World Health Assembly resolution").0, Organ::Other);
        assert_eq!(organ("1. Recalls resolution").0, Organ::Unsaid);
        assert_eq!(organ("See resolution").0, Organ::Unsaid);
        assert_eq!(organ("the Council resolution").0, Organ::Council);
        assert_eq!(organ("section VIII of its resolution").0, Organ::Its);
        assert_eq!(organ("annex I to resolution").0, Organ::Unsaid);
        assert_eq!(organ("to Member States, in its resolution").0, Organ::Its);
    }
}

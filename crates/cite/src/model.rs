//! The values [`crate::extract`] returns: citations, their number parts, dates and pinpoints.

use std::fmt;

use resolute_draft::{Body, Span};
use serde::Serialize;

use crate::symbol::Symbol;

/// What a citation refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A resolution cited by number: "resolution 61/208", "resolution 1325 (2000)".
    Resolution,
    /// A decision cited by number: "decision 50/411", "decision 6/102".
    Decision,
    /// A document symbol written as such: "A/61/515", "S/PRST/2014/16", "A/RES/62/270".
    Symbol,
}

/// How the body of a citation was determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodySource {
    /// The organ is named in the text: "Security Council resolution 1325 (2000)".
    Named,
    /// Taken from the caller's [`crate::Context`]: "its resolution 61/208" in a GA text.
    Context,
    /// Implied by the shape of the number: "1325 (2000)" can only be the Security Council,
    /// "1990/47" (a year before the slash) only the Economic and Social Council; also when
    /// the adoption date rules out the context's body ("its resolution 48/11 of 25 October
    /// 1993" in an HRC text: the Council did not exist then).
    Shape,
    /// Read from a document symbol: "A/HRC/RES/33/10".
    Symbol,
    /// The citation names an organ other than the four bodies ("Commission on Human Rights
    /// resolution 2005/69"); `body` is then `None` and no normal form is given, so the
    /// citation is never verified against another body's register.
    OtherOrgan,
    /// Nothing in the text or the context says which body adopted it.
    Unknown,
}

/// The kind of session a resolution number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// A regular session: "61/208", "1514 (XV)".
    #[default]
    Regular,
    /// A special session: "S-13/2", "3362 (S-VII)".
    Special,
    /// An emergency special session: "ES-10/19", "2252 (ES-V)".
    EmergencySpecial,
    /// An ECOSOC organizational session: "1915 (ORG-75)".
    Organizational,
}

/// The parts of a resolution or decision number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Number {
    /// The session: 61 in "61/208", 13 in "S-13/2", 15 in "1514 (XV)", 7 in "3362 (S-VII)",
    /// 5 in HRC "5/1". `None` for SC numbers, ECOSOC year numbers and "ORG-75".
    pub session: Option<u32>,
    /// Regular, special, emergency special or organizational session.
    pub session_kind: SessionKind,
    /// The year: 1990 in ECOSOC "1990/47", 2000 in SC "1325 (2000)", 1975 in "(ORG-75)".
    pub year: Option<u16>,
    /// The running number: 208 in "61/208", 1514 in "1514 (XV)", 1325 in "1325 (2000)".
    pub number: u32,
    /// Capital letters of a composite resolution: `['B']` in "68/247 B", `['A', 'B']` in
    /// "69/96 A and B", `['A', 'B', 'C', 'D']` in "3419 A to D (XXX)".
    pub letters: Vec<char>,
    /// The Roman session as written, without parentheses: "XV", "S-VII", "ES-V", "ORG-75".
    pub roman: Option<String>,
}

/// A calendar date as written in a citation ("of 20 December 2006").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Date {
    /// The year, e.g. 2006.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31 (checked against the month's length).
    pub day: u8,
}

impl fmt::Display for Date {
    /// ISO 8601: `2006-12-20`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The adoption date given with a citation, and where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dated {
    /// The date.
    pub date: Date,
    /// The span of "20 December 2006" (without the "of").
    pub span: Span,
}

/// What a pinpoint points at inside the cited text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PinKind {
    /// "paragraph 3", "paras. 61 and 62".
    Paragraph,
    /// "subparagraph (a)".
    Subparagraph,
    /// "section II".
    Section,
    /// "annex", "annex II".
    Annex,
}

/// One place inside the cited resolution: "paragraph 3", "section II".
///
/// A citation's pinpoints are in reading order, outermost first, so a `Section` pinpoint
/// followed by `Paragraph` pinpoints ("section III, paragraph 3, of its resolution 61/275")
/// means paragraphs of that section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pinpoint {
    /// Paragraph, subparagraph, section or annex.
    pub kind: PinKind,
    /// The label as written: "3", "II", "(a)"; empty for an unnumbered "annex".
    pub label: String,
    /// True when this label closes a range opened by the previous pinpoint
    /// ("paragraphs 3 to 5": the pinpoint "5" has `through == true`).
    pub through: bool,
    /// The span of the label (of the word "annex" for an unnumbered annex).
    pub span: Span,
}

/// One reference to a resolution, a decision or a document, found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The identifier as written: "61/208", "68/247 B", "1325 (2000)", "A/59/558/Add.7".
    pub span: Span,
    /// The cue words that introduced it, shared by every item of a list:
    /// "its resolution", "Security Council resolutions", "decision". `None` for symbols.
    pub cue: Option<Span>,
    /// Resolution, decision or document symbol.
    pub kind: Kind,
    /// The body that adopted it, when known.
    pub body: Option<Body>,
    /// How `body` was determined.
    pub body_source: BodySource,
    /// The normal form (see the crate documentation), when the body is known.
    pub normalized: Option<String>,
    /// The number parts; for a symbol, filled when the symbol is a resolution's.
    pub number: Option<Number>,
    /// The adoption date, when written after the number ("of 20 December 2006").
    pub date: Option<Dated>,
    /// Places inside the cited text, in reading order.
    pub pinpoints: Vec<Pinpoint>,
    /// The parsed symbol, for [`Kind::Symbol`].
    pub symbol: Option<Symbol>,
}

impl Citation {
    /// The smallest span holding the cue, the identifier, the date and the pinpoints.
    pub fn extent(&self) -> Span {
        let mut start = self.span.start;
        let mut end = self.span.end;
        let others = self.cue.iter().copied();
        let others = others.chain(self.date.iter().map(|d| d.span));
        for s in others.chain(self.pinpoints.iter().map(|p| p.span)) {
            start = start.min(s.start);
            end = end.max(s.end);
        }
        Span::new(start, end)
    }
}

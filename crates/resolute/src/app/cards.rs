//! The citation card and the full text of a cited resolution, from the library.

use serde::Serialize;

use crate::Error;

/// What the hover card over a citation shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationCard {
    /// The symbol as the library knows it.
    pub symbol: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Adoption date YYYY-MM-DD, when known.
    pub date: Option<String>,
    /// "GA", "SC", "HRC", "ECOSOC", when known.
    pub body: Option<String>,
    /// Paragraphs of its text in the library (0 when only metadata is known).
    pub paragraphs: usize,
}

/// One paragraph of a cited resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionParagraph {
    /// "PP2", "OP3", "II.OP1".
    pub label: String,
    /// "preambular", "operative", "annex" or "statement".
    pub kind: String,
    /// The paragraph's text.
    pub text: String,
}

/// A cited resolution's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionText {
    /// The symbol as the library knows it.
    pub symbol: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Adoption date, when known.
    pub date: Option<String>,
    /// Body code, when known.
    pub body: Option<String>,
    /// Its paragraphs in order.
    pub paragraphs: Vec<ResolutionParagraph>,
}

/// The card for citation key `key` ("A/RES/61/208").
pub fn citation_card(_library: &resolute_library::Library, _key: &str) -> Option<CitationCard> {
    None
}

/// The text of the resolution `key`.
pub fn resolution_text(
    _library: &resolute_library::Library,
    _key: &str,
) -> Result<Option<ResolutionText>, Error> {
    Ok(None)
}

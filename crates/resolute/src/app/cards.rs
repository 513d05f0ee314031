//! The citation card and the full text of a cited resolution, from the library.

use serde::Serialize;

use resolute_library::{Hit, Library};

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

/// The card for the citation whose normal form is `key` ("A/RES/61/208", from
/// [`super::CitationSpan::key`]), or `None` when the library does not know the resolution
/// (an unreadable index also gives `None`: a hover card is no place for an error).
pub fn citation_card(library: &Library, key: &str) -> Option<CitationCard> {
    let found = library.lookup(key).ok()??;
    let paragraphs = library.paragraphs_of(&found.symbol).map_or(0, |p| p.len());
    Some(CitationCard {
        symbol: found.symbol,
        title: found.title,
        date: found.adopted,
        body: found.body.map(|b| b.code().to_string()),
        paragraphs,
    })
}

/// The text of the resolution `key` as the library holds it (no paragraphs when only its
/// metadata was imported), or `None` when the library does not know it.
pub fn resolution_text(library: &Library, key: &str) -> Result<Option<ResolutionText>, Error> {
    let failed = |source| Error::Library {
        path: library.dir().to_path_buf(),
        source,
    };
    let Some(found) = library.lookup(key).map_err(failed)? else {
        return Ok(None);
    };
    let paragraphs = library.paragraphs_of(&found.symbol).map_err(failed)?;
    Ok(Some(ResolutionText {
        symbol: found.symbol,
        title: found.title,
        date: found.adopted,
        body: found.body.map(|b| b.code().to_string()),
        paragraphs: paragraphs.iter().map(paragraph).collect(),
    }))
}

/// A library paragraph with its label: "PP2", "OP3", "II.OP1", "AN4" (annex), "P1"
/// (statement).
fn paragraph(hit: &Hit) -> ResolutionParagraph {
    let short = match hit.kind.as_str() {
        "preambular" => "PP",
        "operative" => "OP",
        "annex" => "AN",
        _ => "P",
    };
    let section = hit
        .section
        .as_deref()
        .map(|s| format!("{s}."))
        .unwrap_or_default();
    ResolutionParagraph {
        label: format!("{section}{short}{}", hit.n),
        kind: hit.kind.clone(),
        text: hit.text.clone(),
    }
}

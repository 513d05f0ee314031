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
    /// How it was adopted, from the imported metadata (roll calls, draft lifecycles): "At the
    /// 43rd plenary meeting, by a recorded vote of 128 to 50, with 8 abstentions."
    pub adoption: Option<String>,
    /// The main sponsors of its draft, when the metadata names them.
    pub sponsors: Option<String>,
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
    let adopted = library.adoption(&found.symbol).ok().flatten();
    Some(CitationCard {
        adoption: adopted.as_ref().and_then(adoption_sentence),
        sponsors: adopted.and_then(|a| a.sponsors),
        symbol: found.symbol,
        title: found.title,
        date: found.adopted,
        body: found.body.map(|b| b.code().to_string()),
        paragraphs,
    })
}

/// "At the 43rd plenary meeting, by a recorded vote of 128 to 50, with 8 abstentions." /
/// "Without a vote." — `None` when the metadata says neither meeting nor vote.
fn adoption_sentence(a: &resolute_library::Adoption) -> Option<String> {
    let meeting = a
        .meeting
        .as_deref()
        .and_then(|m| m.parse::<u32>().ok())
        .map(|n| format!("at the {n}{} plenary meeting", ordinal_suffix(n)));
    let how = match a.vote {
        Some((yes, no, abstain)) => Some(format!(
            "by a recorded vote of {yes} to {no}, with {abstain} abstention{}",
            if abstain == 1 { "" } else { "s" }
        )),
        None if a.without_vote => Some("without a vote".to_string()),
        None => None,
    };
    let parts: Vec<String> = meeting.into_iter().chain(how).collect();
    let sentence = parts.join(", ");
    let mut chars = sentence.chars();
    let first = chars.next()?;
    Some(format!("{}{}.", first.to_uppercase(), chars.as_str()))
}

/// "st", "nd", "rd" or "th" after `n`, as in "43rd".
fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
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

#[cfg(test)]
mod tests {
    use super::{adoption_sentence, ordinal_suffix};
    use resolute_library::Adoption;

    #[test]
    fn the_adoption_is_said_as_a_sentence() {
        let voted = Adoption {
            meeting: Some("43".into()),
            vote: Some((128, 50, 8)),
            ..Adoption::default()
        };
        assert_eq!(
            adoption_sentence(&voted).as_deref(),
            Some(
                "At the 43rd plenary meeting, by a recorded vote of 128 to 50, with 8 abstentions."
            )
        );
        let consensus = Adoption {
            without_vote: true,
            ..Adoption::default()
        };
        assert_eq!(
            adoption_sentence(&consensus).as_deref(),
            Some("Without a vote.")
        );
        assert_eq!(adoption_sentence(&Adoption::default()), None);
        let suffixes = [1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal_suffix);
        assert_eq!(
            suffixes,
            ["st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "th"]
        );
    }
}

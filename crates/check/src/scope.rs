//! Which paragraphs the drafting rules apply to.
//!
//! A resolution often adopts a text inside its operative part: "Adopts the following
//! outcome document …:" followed by a declaration with its own title, preamble ("We, the
//! Heads of State …") and numbered paragraphs; an Economic and Social Council resolution
//! "Recommends … the adoption of the following draft resolution:" followed by a draft for
//! the General Assembly. The adopted text is not made of the resolution's own clauses, so
//! the structure and opening rules stop at the paragraph that introduces it; style and
//! citation rules still read it.

use resolute_draft::{Draft, Paragraph, Section, Span};

use crate::text::{last_char, own_span};

/// The paragraph that introduces an adopted text, and where that text begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdoptedText {
    /// The introducing paragraph ("Adopts the following Declaration:").
    pub intro: Span,
    /// Byte offset where the adopted text starts.
    pub starts: usize,
}

/// Paragraphs that end with a colon, without subparagraphs of their own, and are followed
/// by further paragraphs: each introduces a text being adopted or recommended, and may end
/// with that colon.
pub fn introductions(src: &str, draft: &Draft) -> Vec<Span> {
    let all: Vec<&Paragraph> = draft.paragraphs().collect();
    all.windows(2)
        .filter(|pair| pair[0].sub.is_empty())
        .filter(|pair| {
            let last = last_char(src, own_span(src, pair[0]));
            last.and_then(|l| src.get(l.range())) == Some(":")
        })
        .map(|pair| pair[0].span)
        .collect()
}

/// The first introduction of a text the resolution adopts, and where that text starts. A
/// draft resolution recommended to another organ ("… the adoption of the following draft
/// resolution:" then "The General Assembly,") is made of clauses too: it stays under the
/// rules, so it is not returned.
pub fn adopted_text(src: &str, draft: &Draft) -> Option<AdoptedText> {
    let intros = introductions(src, draft);
    intros.into_iter().find_map(|intro| {
        let after = src.get(intro.end..)?;
        let next = draft.paragraphs().find(|p| p.span.start >= intro.end)?;
        let text = after.trim_start_matches(|c: char| !c.is_alphanumeric());
        (!enacting_line(text)).then_some(AdoptedText {
            intro,
            starts: next.span.start,
        })
    })
}

/// Whether `text` opens with an enacting formula: "The General Assembly," on a line or
/// paragraph of its own.
fn enacting_line(text: &str) -> bool {
    let line = text.lines().next().unwrap_or("").trim_end();
    let name = line.trim_end_matches(',').trim_start_matches("The ");
    resolute_draft::Body::ALL.iter().any(|b| b.name() == name)
}

/// The draft without the paragraphs that start at or after `cut` (sections emptied of them
/// and dropped when nothing remains).
pub fn before(draft: &Draft, cut: usize) -> Draft {
    let keep = |ps: &[Paragraph]| -> Vec<Paragraph> {
        ps.iter().filter(|p| p.span.start < cut).cloned().collect()
    };
    let sections: Vec<Section> = draft
        .sections
        .iter()
        .map(|s| Section {
            preamble: keep(&s.preamble),
            operative: keep(&s.operative),
            ..s.clone()
        })
        .filter(|s| !s.preamble.is_empty() || !s.operative.is_empty())
        .collect();
    Draft {
        preamble: keep(&draft.preamble),
        operative: keep(&draft.operative),
        sections,
        ..draft.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::Kind;

    fn para(kind: Kind, number: Option<u32>, src: &str, at: &str) -> Paragraph {
        let start = src.find(at).unwrap();
        Paragraph::plain(kind, number, at, Span::new(start, start + at.len()))
    }

    #[test]
    fn a_colon_before_further_paragraphs_opens_an_adopted_text() {
        let src = "1. Adopts the following Declaration:\n\n1. We, the Heads of State, resolve;\n";
        let draft = Draft {
            operative: vec![
                para(
                    Kind::Operative,
                    Some(1),
                    src,
                    "1. Adopts the following Declaration:",
                ),
                para(
                    Kind::Operative,
                    Some(1),
                    src,
                    "1. We, the Heads of State, resolve;",
                ),
            ],
            ..Draft::default()
        };
        let found = adopted_text(src, &draft).unwrap();
        assert_eq!(found.starts, src.find("1. We").unwrap());
        let kept = before(&draft, found.starts);
        assert_eq!(kept.operative.len(), 1);
    }

    #[test]
    fn a_recommended_draft_resolution_is_not_cut_off() {
        let src = "1. Recommends the following draft resolution:\n\nThe General Assembly,\n\nRecalling;\n";
        let draft = Draft {
            operative: vec![
                para(
                    Kind::Operative,
                    Some(1),
                    src,
                    "1. Recommends the following draft resolution:",
                ),
                para(Kind::Operative, None, src, "Recalling;"),
            ],
            ..Draft::default()
        };
        assert_eq!(adopted_text(src, &draft), None);
    }

    #[test]
    fn a_colon_on_the_last_paragraph_opens_nothing() {
        let src = "1. Decides:";
        let draft = Draft {
            operative: vec![para(Kind::Operative, Some(1), src, "1. Decides:")],
            ..Draft::default()
        };
        assert_eq!(adopted_text(src, &draft), None);
    }
}

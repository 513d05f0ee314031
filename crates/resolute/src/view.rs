//! The JSON shape of `resolute parse --json` (DESIGN.md §3): a stable contract. Fields may be
//! added; none may be renamed or removed.
//!
//! The model in `resolute_draft` is free to evolve; this view is the layer that keeps the
//! contract, so it is built by hand rather than by serialising the model directly.

use resolute_draft::{Draft, Kind, Paragraph, Span, Subparagraph};
use serde::Serialize;

use crate::SourceKind;

/// The structure of a draft or a prior resolution, as `parse --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseView {
    /// How the file was read: "draft" (Markdown) or "text" (segmented plain text). Added field.
    pub source: &'static str,
    /// Document symbol: "A/RES/78/100".
    pub symbol: Option<String>,
    /// Adopting organ code: "GA", "SC", "HRC", "ECOSOC".
    pub body: Option<String>,
    /// Session as written: "78", "ES-10".
    pub session: Option<String>,
    /// Title without the resolution number.
    pub title: Option<String>,
    /// Adoption date, `YYYY-MM-DD`.
    pub adopted: Option<String>,
    /// Agenda item: "18 (b)". Added field.
    pub agenda_item: Option<String>,
    /// Sponsors in order. Added field.
    pub sponsors: Vec<String>,
    /// The enacting formula as written: "The General Assembly,". Added field.
    pub enacting: Option<String>,
    /// Preambular paragraphs before any section.
    pub preamble: Vec<ParagraphView>,
    /// Operative paragraphs before any section.
    pub operative: Vec<ParagraphView>,
    /// Sections with their own paragraphs.
    pub sections: Vec<SectionView>,
    /// The closing formula, or null.
    pub closing: Option<ClosingView>,
    /// Annexes after the closing formula.
    pub annexes: Vec<AnnexView>,
    /// Footnotes of the whole document.
    pub footnotes: Vec<FootnoteView>,
}

/// One preambular or operative paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphView {
    /// Operative paragraphs: the number as written, else the position (1-based) in its list.
    /// Preambular paragraphs: the position (PP1, PP2 …).
    pub n: u32,
    /// The operative number exactly as written, or null (preambular, lone paragraph). Added.
    pub number: Option<u32>,
    /// "preambular" or "operative". Added field.
    pub kind: Kind,
    /// The opening phrase as written, when one is recognised.
    pub opening: Option<String>,
    /// Full text with the opening phrase, without number, label or footnote marks.
    pub text: String,
    /// Subparagraphs in document order, deeper levels following their parent.
    pub sub: Vec<SubView>,
    /// Labels of footnotes referred to. Added field.
    pub footnote_refs: Vec<String>,
    /// Byte span in the source. Added field.
    pub span: Span,
}

/// One subparagraph: "(a)", "(i)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubView {
    /// The label with its parentheses: "(a)".
    pub label: String,
    /// Text without label or footnote marks.
    pub text: String,
    /// Nesting depth: 1 for (a), 2 for (i) under (a). Added field.
    pub level: u8,
    /// Byte span in the source. Added field.
    pub span: Span,
}

/// A section "I", "II" … with its heading and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionView {
    /// "I", "A".
    pub label: String,
    /// The heading, possibly empty.
    pub heading: String,
    /// The section's preambular paragraphs.
    pub preamble: Vec<ParagraphView>,
    /// The section's operative paragraphs.
    pub operative: Vec<ParagraphView>,
    /// Byte span in the source. Added field.
    pub span: Span,
}

/// The closing formula.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClosingView {
    /// "45th plenary meeting".
    pub meeting: String,
    /// `YYYY-MM-DD` when readable, else as written, or null.
    pub date: Option<String>,
    /// Byte span in the source. Added field.
    pub span: Span,
}

/// An annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnexView {
    /// "Annex", "Annex II".
    pub heading: String,
    /// The annex text.
    pub text: String,
    /// Byte span in the source. Added field.
    pub span: Span,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FootnoteView {
    /// "1".
    pub label: String,
    /// Plain text.
    pub text: String,
    /// Byte span in the source. Added field.
    pub span: Span,
}

impl ParseView {
    /// Builds the contract view of `draft`, read as `kind`.
    pub fn new(draft: &Draft, kind: SourceKind) -> ParseView {
        let meta = &draft.meta;
        ParseView {
            source: kind.name(),
            symbol: meta.symbol.clone(),
            body: meta.body.map(|b| b.code().to_string()),
            session: meta.session.clone(),
            title: meta.title.clone(),
            adopted: meta.adopted.clone(),
            agenda_item: meta.agenda_item.clone(),
            sponsors: meta.sponsors.clone(),
            enacting: draft.enacting.as_ref().map(|e| e.text.clone()),
            preamble: paragraphs(&draft.preamble),
            operative: paragraphs(&draft.operative),
            sections: draft.sections.iter().map(section).collect(),
            closing: draft.closing.as_ref().map(|c| ClosingView {
                meeting: c.meeting.clone(),
                date: c.date.clone(),
                span: c.span,
            }),
            annexes: draft.annexes.iter().map(annex).collect(),
            footnotes: draft.footnotes.iter().map(footnote).collect(),
        }
    }
}

fn paragraphs(list: &[Paragraph]) -> Vec<ParagraphView> {
    list.iter()
        .enumerate()
        .map(|(i, p)| paragraph(p, position(i)))
        .collect()
}

/// 1-based position as a paragraph number; saturates rather than wraps on absurd counts.
pub(crate) fn position(index: usize) -> u32 {
    u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX)
}

fn paragraph(p: &Paragraph, position: u32) -> ParagraphView {
    let n = match p.kind {
        Kind::Operative => p.number.unwrap_or(position),
        Kind::Preambular => position,
    };
    ParagraphView {
        n,
        number: p.number,
        kind: p.kind,
        opening: p.opening.clone(),
        text: p.text.clone(),
        sub: p.sub.iter().map(sub).collect(),
        footnote_refs: p.footnote_refs.clone(),
        span: p.span,
    }
}

fn sub(s: &Subparagraph) -> SubView {
    SubView {
        label: s.label.clone(),
        text: s.text.clone(),
        level: s.level,
        span: s.span,
    }
}

fn section(s: &resolute_draft::Section) -> SectionView {
    SectionView {
        label: s.label.clone(),
        heading: s.heading.clone(),
        preamble: paragraphs(&s.preamble),
        operative: paragraphs(&s.operative),
        span: s.span,
    }
}

fn annex(a: &resolute_draft::Annex) -> AnnexView {
    AnnexView {
        heading: a.heading.clone(),
        text: a.text.clone(),
        span: a.span,
    }
}

fn footnote(f: &resolute_draft::Footnote) -> FootnoteView {
    FootnoteView {
        label: f.label.clone(),
        text: f.text.clone(),
        span: f.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::{Body, Closing, FrontMatter};

    pub(crate) fn para(kind: Kind, number: Option<u32>, opening: &str, text: &str) -> Paragraph {
        Paragraph {
            marks: None,
            kind,
            number,
            opening: Some(opening.to_string()),
            text: text.to_string(),
            markdown: text.to_string(),
            footnote_refs: Vec::new(),
            sub: Vec::new(),
            span: Span::new(0, text.len()),
        }
    }

    fn sample() -> Draft {
        Draft {
            meta: FrontMatter {
                body: Some(Body::GeneralAssembly),
                symbol: Some("A/RES/78/1".into()),
                ..FrontMatter::default()
            },
            preamble: vec![para(Kind::Preambular, None, "Recalling", "Recalling x,")],
            operative: vec![
                para(Kind::Operative, Some(1), "Decides", "Decides y;"),
                para(Kind::Operative, None, "Requests", "Requests z."),
            ],
            closing: Some(Closing {
                meeting: "45th plenary meeting".into(),
                date: Some("2023-12-07".into()),
                span: Span::new(1, 2),
            }),
            ..Draft::default()
        }
    }

    #[test]
    fn contract_keys_and_values() {
        let json = serde_json::to_value(ParseView::new(&sample(), SourceKind::Draft));
        let json = json.unwrap_or_default();
        assert_eq!(json["body"], "GA");
        assert_eq!(json["symbol"], "A/RES/78/1");
        assert!(json["adopted"].is_null());
        assert_eq!(json["preamble"][0]["n"], 1);
        assert_eq!(json["preamble"][0]["opening"], "Recalling");
        assert_eq!(json["operative"][0]["n"], 1);
        assert_eq!(json["operative"][1]["n"], 2, "unnumbered: position");
        assert!(json["operative"][1]["number"].is_null());
        assert_eq!(json["operative"][0]["sub"], serde_json::json!([]));
        assert_eq!(json["closing"]["date"], "2023-12-07");
        assert_eq!(json["sections"], serde_json::json!([]));
    }
}

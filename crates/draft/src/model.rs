//! The resolution document model.
//!
//! One [`Draft`] describes a resolution or a draft resolution whatever it was read from: the
//! Markdown draft format ([`crate::markdown`]) or plain text extracted from a UN document
//! ([`crate::segment`]). Every element keeps the byte [`Span`] of the source it came from, so
//! diagnostics and editor decorations can point back into that source.

use serde::Serialize;

/// The English month names, January first: UN texts write dates as "20 December 2006".
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A byte range `start..end` in the source a [`Draft`] was parsed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing the source.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The UN organ that adopts (or would adopt) the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Body {
    /// The General Assembly (symbols `A/...`).
    #[serde(rename = "GA")]
    GeneralAssembly,
    /// The Security Council (symbols `S/...`).
    #[serde(rename = "SC")]
    SecurityCouncil,
    /// The Human Rights Council (symbols `A/HRC/...`).
    #[serde(rename = "HRC")]
    HumanRightsCouncil,
    /// The Economic and Social Council (symbols `E/...`).
    #[serde(rename = "ECOSOC")]
    EconomicAndSocialCouncil,
}

impl Body {
    /// Every body, in a fixed order.
    pub const ALL: [Body; 4] = [
        Body::GeneralAssembly,
        Body::SecurityCouncil,
        Body::HumanRightsCouncil,
        Body::EconomicAndSocialCouncil,
    ];

    /// The organ's name in full, as in the enacting formula: "General Assembly".
    pub fn name(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "General Assembly",
            Body::SecurityCouncil => "Security Council",
            Body::HumanRightsCouncil => "Human Rights Council",
            Body::EconomicAndSocialCouncil => "Economic and Social Council",
        }
    }

    /// The short code used in JSON and on the command line: "GA", "SC", "HRC", "ECOSOC".
    pub fn code(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "GA",
            Body::SecurityCouncil => "SC",
            Body::HumanRightsCouncil => "HRC",
            Body::EconomicAndSocialCouncil => "ECOSOC",
        }
    }

    /// The enacting formula in English: "The General Assembly,".
    pub fn enacting_formula(self) -> String {
        format!("The {},", self.name())
    }

    /// Reads a body from its full name or its code, ignoring case ("GA", "general assembly").
    pub fn parse(s: &str) -> Option<Body> {
        let s = s.trim();
        Body::ALL
            .into_iter()
            .find(|b| s.eq_ignore_ascii_case(b.name()) || s.eq_ignore_ascii_case(b.code()))
    }

    /// The organ whose document series a symbol belongs to: "A/HRC/…" is the Human Rights
    /// Council, any other "A/…" the General Assembly, "S/…" the Security Council, "E/…" the
    /// Economic and Social Council (UN-RULES.md, document symbols). The one place this is
    /// decided.
    pub fn of_symbol(symbol: &str) -> Option<Body> {
        let symbol = symbol.trim_start();
        if symbol.starts_with("A/HRC/") {
            Some(Body::HumanRightsCouncil)
        } else if symbol.starts_with("A/") {
            Some(Body::GeneralAssembly)
        } else if symbol.starts_with("S/") {
            Some(Body::SecurityCouncil)
        } else if symbol.starts_with("E/") {
            Some(Body::EconomicAndSocialCouncil)
        } else {
            None
        }
    }

    /// The prefix of the organ's resolution symbols: "A/RES/", "A/HRC/RES/", "S/RES/",
    /// "E/RES/".
    pub fn resolution_prefix(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "A/RES/",
            Body::HumanRightsCouncil => "A/HRC/RES/",
            Body::SecurityCouncil => "S/RES/",
            Body::EconomicAndSocialCouncil => "E/RES/",
        }
    }
}

/// The header of a draft: who, where, what. Every field is optional because real documents
/// and early drafts leave many of them out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FrontMatter {
    /// The adopting organ.
    pub body: Option<Body>,
    /// The session as written in the source's own numbering: "78", "S-27", "ES-10".
    pub session: Option<String>,
    /// The agenda item: "18 (b)".
    pub agenda_item: Option<String>,
    /// The document symbol: "A/C.2/81/L.12", "A/RES/78/100", "S/RES/1325 (2000)".
    pub symbol: Option<String>,
    /// The title, without the resolution number ("Dissemination of information on
    /// decolonization").
    pub title: Option<String>,
    /// Sponsoring Member States, in the order given.
    pub sponsors: Vec<String>,
    /// Language of the text, as an ISO 639-1 code ("en").
    pub language: Option<String>,
    /// Adoption date as `YYYY-MM-DD`, when the source states it.
    pub adopted: Option<String>,
    /// The stage of a negotiation ("zero draft", "informals", "rev 1"). When set, the text is
    /// a negotiating text: square brackets, braces and inserted labels carry meaning
    /// (docs/format.md, "Negotiation layer") and numbers are frozen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Where the header sits in the source (the YAML block of a draft, the masthead of a
    /// document).
    pub span: Option<Span>,
}

/// The enacting formula: "The General Assembly,".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enacting {
    /// The formula as written, without emphasis markup: "The General Assembly,".
    pub text: String,
    /// The organ it names, when it names a known one.
    pub body: Option<Body>,
    /// Where it is in the source.
    pub span: Span,
}

/// Preambular or operative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A preambular paragraph: "Recalling ...,".
    Preambular,
    /// An operative paragraph: "1. Requests ...;".
    Operative,
}

/// A preambular or operative paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Preambular or operative.
    pub kind: Kind,
    /// The operative number as written in the source ("3." gives 3); `None` for preambular
    /// paragraphs and for a lone unnumbered operative paragraph.
    pub number: Option<u32>,
    /// The opening phrase as written ("Noting with appreciation"), when one is recognised.
    pub opening: Option<String>,
    /// The full text including the opening phrase, without the number, without footnote
    /// marks and without any markup. Whitespace is collapsed to single spaces.
    pub text: String,
    /// The text as Markdown inline source (emphasis on the opening, footnote references
    /// `[^1]`), as the draft format writes it. For text segmented from a plain document this
    /// is built from `text`, `opening` and `footnote_refs`.
    pub markdown: String,
    /// Labels of the footnotes this paragraph refers to, in order of appearance.
    pub footnote_refs: Vec<String>,
    /// Subparagraphs (a), (b) … and, nested under them, (i), (ii) …, flattened in document
    /// order; each carries its level.
    pub sub: Vec<Subparagraph>,
    /// In a negotiating text: the paragraph's own label ("5 bis", "PP3 ter") and status
    /// ("agreed ad ref"), written in braces before its text. `None` elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<crate::negotiation::ParagraphMarks>,
    /// The whole paragraph in the source, number and subparagraphs included.
    pub span: Span,
}

impl Paragraph {
    /// A paragraph of plain text without subparagraphs or footnotes, as a front end or a test
    /// builds one: the Markdown is the text itself and no opening is recorded.
    pub fn plain(kind: Kind, number: Option<u32>, text: &str, span: Span) -> Paragraph {
        Paragraph {
            kind,
            number,
            opening: None,
            text: text.to_string(),
            markdown: text.to_string(),
            footnote_refs: Vec::new(),
            sub: Vec::new(),
            marks: None,
            span,
        }
    }
}

/// A subparagraph: "(a) To develop procedures ...;".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subparagraph {
    /// The label as written, with its parentheses: "(a)", "(ii)".
    pub label: String,
    /// Nesting depth: 1 for (a), 2 for (i) under (a), and so on.
    pub level: u8,
    /// Plain text without label, footnote marks or markup.
    pub text: String,
    /// Markdown inline source of the text.
    pub markdown: String,
    /// Footnotes referred to, in order.
    pub footnote_refs: Vec<String>,
    /// Where it is in the source, label included.
    pub span: Span,
}

impl Subparagraph {
    /// How the cells of a table are separated in the text of the subparagraph that keeps it.
    pub const TABLE_CELLS: &'static str = " | ";

    /// Whether this is a table (a scale of assessments, a budget) kept under the paragraph
    /// that introduces it: no label, its cells (a printed line each) separated by
    /// [`Self::TABLE_CELLS`].
    pub fn is_table(&self) -> bool {
        self.label.is_empty() && self.text.contains(Self::TABLE_CELLS)
    }
}

/// A section of a resolution: "I", "Implementation of the Convention", with its own paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The section label as written: "I", "II", "A", "B".
    pub label: String,
    /// The heading text, possibly empty.
    pub heading: String,
    /// Preambular paragraphs of the section.
    pub preamble: Vec<Paragraph>,
    /// Operative paragraphs of the section.
    pub operative: Vec<Paragraph>,
    /// Where it is in the source, from the label to the end of its last paragraph.
    pub span: Span,
}

/// The closing formula: "45th plenary meeting / 7 December 2023".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closing {
    /// The meeting as written: "45th plenary meeting".
    pub meeting: String,
    /// The date as `YYYY-MM-DD` when it can be read, else as written.
    pub date: Option<String>,
    /// Where it is in the source.
    pub span: Span,
}

/// An annex: text after the closing formula, not part of the operative part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annex {
    /// The heading as written: "Annex", "Annex II".
    pub heading: String,
    /// The annex text, paragraphs separated by blank lines.
    pub text: String,
    /// The annex body as Markdown source (blocks separated by blank lines), so that writing a
    /// draft keeps the annex's own markup; empty when the annex was not read from Markdown, in
    /// which case writers use `text`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub markdown: String,
    /// Where it is in the source.
    pub span: Span,
}

/// A footnote: "1 Official Records of the General Assembly, ...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// The label: "1".
    pub label: String,
    /// Plain text of the footnote.
    pub text: String,
    /// The footnote as Markdown inline source (keeps italic titles of Official Records);
    /// empty when the footnote was not read from Markdown, in which case writers use `text`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub markdown: String,
    /// Where it is in the source.
    pub span: Span,
}

/// A resolution or draft resolution.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// Body, session, symbol, title, sponsors ...
    pub meta: FrontMatter,
    /// "The General Assembly,".
    pub enacting: Option<Enacting>,
    /// Preambular paragraphs before any section.
    pub preamble: Vec<Paragraph>,
    /// Operative paragraphs before any section.
    pub operative: Vec<Paragraph>,
    /// Sections "I", "II" …, each with its own paragraphs.
    pub sections: Vec<Section>,
    /// "45th plenary meeting / 7 December 2023".
    pub closing: Option<Closing>,
    /// Text after the closing formula.
    pub annexes: Vec<Annex>,
    /// Footnotes of the whole document, in order.
    pub footnotes: Vec<Footnote>,
}

impl Draft {
    /// Every preambular and operative paragraph in document order, sections included.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preamble.iter().chain(&self.operative).chain(
            self.sections
                .iter()
                .flat_map(|s| s.preamble.iter().chain(&s.operative)),
        )
    }
}

//! From a read document to what the index stores: the resolution's identity (symbol, organ,
//! date, title) and its paragraphs, numbered as a drafter cites them.

use resolute_convert::{Document, DraftText};
use resolute_draft::{segment, Body, Draft, Kind, Paragraph};

use crate::compilation::Cut;
use crate::metadata::MetaIndex;
use crate::symbols::{body_of, is_iso_date, year_of, year_of_date};

/// Where a paragraph sits: the resolution's own preamble or operative part, or an annex
/// (text the resolution adopts or refers to: a convention, a programme of action).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Own(Kind),
    Annex,
    /// A paragraph of a presidential statement, which has no preamble and no numbered
    /// operative part.
    Statement,
}

/// One paragraph as indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    pub kind: Part,
    /// Operative number as written; for preambular paragraphs their position (1-based)
    /// within their part, so that "PP 3" can be cited.
    pub n: u32,
    /// For operative paragraphs, the 1-based position among all operative paragraphs of
    /// the resolution (what the register's "paragraph N" means).
    pub ord: Option<u32>,
    /// The section label ("II") when the paragraph sits in a section; the annex heading's
    /// first line ("Annex", "Annex II") for annex paragraphs.
    pub section: Option<String>,
    pub opening: Option<String>,
    /// The paragraph's text with its subparagraphs, labels kept: "(a) ...".
    pub text: String,
}

/// A resolution ready to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub symbol: String,
    pub body: Option<Body>,
    pub session: Option<String>,
    pub date: Option<String>,
    /// Where `date` comes from, and so how far it can be trusted.
    pub date_source: DateSource,
    pub year: Option<u64>,
    pub title: Option<String>,
    pub paras: Vec<Para>,
    /// Number of operative paragraphs; `None` when the text is a compilation page without
    /// the resolution's own heading (the paragraphs may be a neighbour's).
    pub ops: Option<u32>,
}

/// The source of a register date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateSource {
    /// The resolution's own text (its adoption line or closing formula): may raise an error.
    Text,
    /// A compilation page that holds other resolutions and not this one's heading: the
    /// date may be a neighbour's; only a warning.
    Page,
    /// A metadata row (often a distribution or vote date): only a warning.
    Metadata,
}

impl DateSource {
    /// The value stored in the index (`None`: metadata).
    pub(crate) fn stored(self) -> Option<&'static str> {
        match self {
            DateSource::Text => Some("text"),
            DateSource::Page => Some("page"),
            DateSource::Metadata => None,
        }
    }
}

/// Segments a document and settles its identity from, in order: a metadata row naming
/// this file, the text, the file's own metadata, and the file name; its date and title from
/// the text, else metadata rows of its symbol. Fails when the
/// text holds no paragraph at all (nothing to search).
pub(crate) fn prepare(read: &DraftText, file: &str, meta: &MetaIndex) -> Result<Resolved, String> {
    let doc = &read.document;
    let whole = read.draft();
    let symbol = symbol_of(&whole, doc, file, meta);
    // A compilation page is read for its own resolution only: from its heading to the next.
    // (A draft, or an Akoma Ntoso document, is one resolution by its structure.)
    let cut = if read.markdown {
        Cut::Whole
    } else {
        crate::compilation::cut(&doc.text, &symbol)
    };
    let draft = match &cut {
        Cut::Own(range) => doc.text.get(range.clone()).map_or(whole, segment),
        Cut::Whole | Cut::Page => whole,
    };
    let mut paras = paragraphs(&draft);
    paras.extend(annex_paragraphs(&draft));
    if paras.is_empty() {
        paras = statement_paragraphs(&doc.text);
    }
    if paras.is_empty() {
        return Err("no preambular or operative paragraph found".into());
    }
    let row = meta.get(&symbol);
    let from_text = text_date(&draft);
    let row_date = row.and_then(|r| r.date.clone());
    let (date, date_source) = match (from_text, &cut) {
        (Some(d), Cut::Whole | Cut::Own(_)) => (Some(d), DateSource::Text),
        (from_page, Cut::Page) => match row_date {
            Some(d) => (Some(d), DateSource::Metadata),
            None => (
                from_page.clone(),
                from_page.map_or(DateSource::Metadata, |_| DateSource::Page),
            ),
        },
        (None, _) => (row_date, DateSource::Metadata),
    };
    let year = date
        .as_deref()
        .and_then(year_of_date)
        .or_else(|| year_of(&symbol));
    let row_body = row.and_then(|r| r.body.as_deref()).and_then(Body::parse);
    let body = draft.meta.body.or(row_body).or_else(|| body_of(&symbol));
    let title = draft
        .meta
        .title
        .clone()
        .or_else(|| row.and_then(|r| r.title.clone()));
    let ops = paras
        .iter()
        .filter(|p| p.kind == Part::Own(Kind::Operative))
        .count();
    let ops = (cut != Cut::Page).then(|| u32::try_from(ops).unwrap_or(u32::MAX));
    Ok(Resolved {
        symbol,
        body,
        session: draft.meta.session.clone(),
        date,
        date_source,
        year,
        title,
        paras,
        ops,
    })
}

/// The symbol of a text. A metadata row that names this very file is the most reliable:
/// texts taken from compilation volumes open with a neighbouring resolution's symbol.
fn symbol_of(draft: &Draft, doc: &Document, file: &str, meta: &MetaIndex) -> String {
    meta.symbol_of_file(file)
        .map(str::to_string)
        .or_else(|| draft.meta.symbol.clone())
        .or_else(|| doc.meta.symbol.clone())
        .unwrap_or_else(|| stem(file).to_string())
}

/// The adoption date the text states: its adoption line, else its closing formula.
fn text_date(draft: &Draft) -> Option<String> {
    let closing = draft.closing.as_ref().and_then(|c| c.date.clone());
    draft
        .meta
        .adopted
        .clone()
        .filter(|d| is_iso_date(d))
        .or_else(|| closing.filter(|d| is_iso_date(d)))
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

/// Every paragraph in document order, numbered.
fn paragraphs(draft: &Draft) -> Vec<Para> {
    let mut out = Vec::new();
    let mut ord = 0u32;
    let parts = std::iter::once((None, &draft.preamble, &draft.operative)).chain(
        draft.sections.iter().map(|s| {
            (
                Some(s.label.clone()).filter(|l| !l.trim().is_empty()),
                &s.preamble,
                &s.operative,
            )
        }),
    );
    for (section, preamble, operative) in parts {
        for (i, p) in preamble.iter().enumerate() {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            out.push(para(p, n, None, &section));
        }
        for (i, p) in operative.iter().enumerate() {
            ord += 1;
            let n = p.number.unwrap_or(u32::try_from(i + 1).unwrap_or(u32::MAX));
            out.push(para(p, n, Some(ord), &section));
        }
    }
    out
}

/// The blocks of every annex, numbered from 1 within their annex.
fn annex_paragraphs(draft: &Draft) -> Vec<Para> {
    let mut out = Vec::new();
    for annex in &draft.annexes {
        let heading = annex
            .heading
            .lines()
            .next()
            .unwrap_or("Annex")
            .trim()
            .to_string();
        let blocks = annex
            .text
            .split("\n\n")
            .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "));
        for (i, text) in blocks.filter(|b| !b.is_empty()).enumerate() {
            out.push(Para {
                kind: Part::Annex,
                n: u32::try_from(i + 1).unwrap_or(u32::MAX),
                ord: None,
                section: Some(heading.clone()),
                opening: None,
                text,
            });
        }
    }
    out
}

/// The paragraphs of a presidential statement: the blocks after the line that introduces
/// it ("... made the following statement on behalf of the Council:"), quotes stripped.
/// Empty for any other text.
fn statement_paragraphs(text: &str) -> Vec<Para> {
    let head = text.get(..text.len().min(3000)).unwrap_or(text);
    if !head.contains("Statement by the President of the") {
        return Vec::new();
    }
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let start = blocks
        .iter()
        .position(|b| b.contains("following statement"))
        .map_or(1, |i| i + 1);
    let quotes: &[char] = &['"', '\u{201c}', '\u{201d}'];
    blocks
        .iter()
        .skip(start)
        .map(|b| b.trim_matches(quotes).trim().to_string())
        .filter(|b| b.split_whitespace().count() >= 4 && !b.starts_with("<!--"))
        .enumerate()
        .map(|(i, text)| Para {
            kind: Part::Statement,
            n: u32::try_from(i + 1).unwrap_or(u32::MAX),
            ord: None,
            section: None,
            opening: None,
            text,
        })
        .collect()
}

fn para(p: &Paragraph, n: u32, ord: Option<u32>, section: &Option<String>) -> Para {
    let mut text = p.text.clone();
    for sub in &p.sub {
        text.push(' ');
        text.push_str(&sub.label);
        text.push(' ');
        text.push_str(&sub.text);
    }
    Para {
        kind: Part::Own(p.kind),
        n,
        ord,
        section: section.clone(),
        opening: p.opening.clone(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The General Assembly,\n\nRecalling its resolution 61/208,\n\n\
        1. Requests the Secretary-General to report;\n\n\
        2. Decides to remain seized of the matter:\n\n(a) first point;\n\n(b) second point.\n";

    fn doc(text: &str) -> DraftText {
        resolute_convert::read_draft_text(text.as_bytes(), "x.txt").unwrap()
    }

    #[test]
    fn akoma_ntoso_and_drafts_are_read_for_their_structure() {
        // The same reading as the command line and the app (`read_draft_text`): an Akoma
        // Ntoso document by its structure, a Markdown draft parsed, not segmented as text.
        let draft = segment(TEXT);
        let xml = resolute_convert::akn::write(&draft);
        let read = resolute_convert::read_draft_text(xml.as_bytes(), "A_RES_99_1.xml").unwrap();
        assert!(read.markdown);
        let r = prepare(&read, "A_RES_99_1.xml", &MetaIndex::default()).unwrap();
        assert_eq!(r.ops, Some(2));
        let md = resolute_draft::write_markdown(&draft);
        let read = resolute_convert::read_draft_text(md.as_bytes(), "draft.md").unwrap();
        let r = prepare(&read, "draft.md", &MetaIndex::default()).unwrap();
        let texts: Vec<&str> = r.paras.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.iter().all(|t| !t.contains('*')), "{texts:?}");
        assert_eq!(r.ops, Some(2));
    }

    #[test]
    fn paragraphs_are_numbered_and_carry_their_subparagraphs() {
        let r = prepare(&doc(TEXT), "A_RES_99_1.txt", &MetaIndex::default()).unwrap();
        assert_eq!(r.ops, Some(2));
        let kinds: Vec<_> = r.paras.iter().map(|p| (p.kind, p.n, p.ord)).collect();
        let (pp, op) = (Part::Own(Kind::Preambular), Part::Own(Kind::Operative));
        assert_eq!(kinds, [(pp, 1, None), (op, 1, Some(1)), (op, 2, Some(2))]);
        assert!(
            r.paras[2].text.contains("(b) second point"),
            "{}",
            r.paras[2].text
        );
    }

    #[test]
    fn identity_falls_back_to_metadata_then_file_name() {
        let mut meta = MetaIndex::default();
        meta.add(crate::metadata::MetaRow {
            symbol: "A/RES/99/1".into(),
            date: Some("2044-12-01".into()),
            file: Some("dir/res.txt".into()),
            ..Default::default()
        });
        let r = prepare(&doc(TEXT), "res.txt", &meta).unwrap();
        assert_eq!(r.symbol, "A/RES/99/1");
        assert_eq!(
            (r.date.as_deref(), r.year),
            (Some("2044-12-01"), Some(2044))
        );
        assert_eq!(r.body, Some(Body::GeneralAssembly));
        let r = prepare(&doc(TEXT), "notes.txt", &MetaIndex::default()).unwrap();
        assert_eq!(r.symbol, "notes");
    }

    #[test]
    fn a_presidential_statement_gives_its_paragraphs() {
        let text = "Statement by the President of the Security Council\n\n\
            At its meeting, the President made the following statement on behalf of the Council:\n\n\
            \u{201c}The Security Council welcomes the report of the Secretary-General.\n\n\
            \u{201c}The Council will remain seized of the matter.\u{201d}\n";
        let r = prepare(&doc(text), "S_PRST_2099_1.txt", &MetaIndex::default()).unwrap();
        let texts: Vec<_> = r
            .paras
            .iter()
            .map(|p| (p.kind, p.n, p.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    Part::Statement,
                    1,
                    "The Security Council welcomes the report of the Secretary-General."
                ),
                (
                    Part::Statement,
                    2,
                    "The Council will remain seized of the matter."
                ),
            ]
        );
    }

    #[test]
    fn a_text_without_paragraphs_is_refused() {
        assert!(prepare(&doc("Hello."), "x.txt", &MetaIndex::default()).is_err());
    }
}

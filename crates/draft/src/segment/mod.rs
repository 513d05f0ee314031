//! Segmentation of plain UN text (as extracted from a UN PDF, or one paragraph per block)
//! into the model.
//!
//! The work runs in stages, each linear in the input:
//! 1. [`pdf`] (text with page furniture) or [`blocks::clean_items`] (paragraph-per-block
//!    text) turn the source into content lines, blank lines and page breaks; the PDF stage
//!    drops running headers, reads footnotes and removes footnote marks;
//! 2. [`blocks`] joins lines into blocks (hyphens at line ends kept, paragraphs split by a
//!    page break joined again); in a clean text, [`wrap`] joins the printed lines of
//!    hard-wrapped OCR text that became blocks of their own (soft hyphens removed);
//! 3. [`body`] reads the masthead ([`front`]), the enacting formula, preambular and operative
//!    paragraphs, subparagraphs ([`labels`]), sections, the closing formula and annexes.
//!
//! How real texts map onto the model where it has no element of its own:
//! - an unnumbered paragraph with an operative verb is operative only at the end of its part
//!   (a lone operative paragraph, R8): neither a numbered nor a preambular-looking paragraph
//!   (one ending with a comma) follows it; an operative verb inside the preamble ("Requests
//!   further ...,") stays preambular, for the checker to report its opening;
//! - after an enacting formula without its comma ("The Economic and Social Council", R2) no
//!   preamble follows: unnumbered paragraphs are operative unless they look preambular;
//! - a resolution quoted in the operative part ("Recommends to the General Assembly the
//!   adoption of the following draft resolution:" then "The General Assembly,", "Recalling
//!   ...", "1. ...") is a [`Section`](crate::model::Section) labelled "" whose heading is its
//!   enacting formula as written, with its own preamble and operative numbering;
//! - lower-case text after an operative paragraph or after subparagraphs ("(f) ...;" then
//!   "and demands that ...;") ends that paragraph: it is kept as a last
//!   [`Subparagraph`](crate::model::Subparagraph) with an empty label, at level 1.
//!
//! ```
//! let draft = resolute_draft::segment(
//!     "The General Assembly,\n\nRecalling its resolution 77/148,\n\n1.\tDecides to act.\n",
//! );
//! assert_eq!(draft.preamble[0].opening.as_deref(), Some("Recalling"));
//! assert_eq!(draft.operative[0].number, Some(1));
//! ```

mod blocks;
mod body;
mod closing;
mod footnotes;
mod front;
mod headings;
mod inline;
mod labels;
mod lines;
mod notes;
mod part;
mod pdf;
mod words;
mod wrap;

use crate::model::Draft;

pub(crate) use front::{group_of, sponsors};
pub(crate) use inline::markdown as inline_markdown;
pub(crate) use words::meeting_len;
pub use words::session_heading;

/// One content line after furniture removal: its text (whitespace collapsed, footnote marks
/// removed) and where it is in the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The line's text.
    pub text: String,
    /// Source offset of the first byte of the trimmed line.
    pub start: usize,
    /// Source offset one past the last byte of the trimmed line.
    pub end: usize,
    /// Footnote marks removed from `text`: byte offset in `text` and label.
    pub marks: Vec<(usize, String)>,
}

/// What the line stage hands to the block stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A line with content.
    Line(Piece),
    /// A blank line: ends a block.
    Blank,
    /// The start of a new page (its header already dropped).
    PageBreak,
}

/// Segments the plain text of a UN resolution or draft into the model.
///
/// Both forms are accepted and told apart by the page furniture PDF extraction leaves (page
/// numbers, job numbers, barcodes). Never fails: text that does not look like a resolution
/// gives a draft with few or no paragraphs.
pub fn segment(text: &str) -> Draft {
    with_furniture(text).0
}

/// Segments as [`segment`] does, and lists the page furniture left out of the draft: every
/// line of the source that is in neither the draft nor its masthead
/// ([`FrontMatter::span`](crate::model::FrontMatter)), in source order. Footnote marks are
/// taken out of the text and kept as the marks of their notes.
pub fn with_furniture(text: &str) -> (Draft, Vec<Furniture>) {
    let (blocks, footnotes, mut furniture) = blocks_of(text);
    let (draft, dropped) = body::build(&blocks, footnotes, false);
    furniture.extend(dropped);
    furniture.sort_by_key(|f| f.span.start);
    (draft, furniture)
}

/// Segments a negotiating text (`negotiation::carries_negotiation`): as [`segment`], except
/// that nothing bracketed is taken for the masthead. The masthead ends at the first block
/// that holds a bracket or starts the body (a numbered or preambular paragraph), and an
/// enacting formula found only after that ("The Conference of the Parties," opening a
/// decision further down) is read as a paragraph of the text, not as the document's formula.
pub fn segment_negotiating(text: &str) -> Draft {
    let (blocks, footnotes, _) = blocks_of(text);
    body::build(&blocks, footnotes, true).0
}

/// A block of a plain UN text after page furniture is dropped: the lines of one paragraph,
/// heading or masthead block, footnote marks removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextBlock {
    /// The lines joined with single spaces (a line-end hyphen after a letter glued to the
    /// next word, a soft hyphen dropped).
    pub text: String,
    /// Each line's collapsed text, as printed.
    pub lines: Vec<String>,
    /// Where the block is in the source.
    pub span: crate::model::Span,
}

/// The blocks of a plain text (PDF extraction or paragraph-per-block text) and the footnotes
/// its pages carry, before any of them is read as a resolution: for documents that are not
/// resolutions but follow the same layout (an amendment document).
pub fn text_blocks(text: &str) -> (Vec<TextBlock>, Vec<crate::model::Footnote>) {
    let (blocks, footnotes, _) = blocks_of(text);
    let blocks = blocks
        .into_iter()
        .map(|b| TextBlock {
            text: b.text,
            lines: b.lines,
            span: b.span,
        })
        .collect();
    (blocks, footnotes)
}

/// Printed lines joined as the segmenter joins them: single spaces, a line-end hyphen after a
/// letter glued to the next word, a soft hyphen dropped.
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    blocks::joined(lines.iter().map(AsRef::as_ref))
}

/// A line of the source that the segmenter leaves out of the draft, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Furniture {
    /// Where it is in the source.
    pub span: crate::model::Span,
    /// What it is.
    pub kind: FurnitureKind,
}

/// The classes of page furniture: what a PDF page prints around the text of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FurnitureKind {
    /// The document symbol repeated at the top of a page ("A/RES/78/100").
    Symbol,
    /// "2/5": page of pages.
    PageNumber,
    /// "23-24979 (E) 201223": the job number and its stamp.
    JobNumber,
    /// "*2324979*": the barcode under the job number.
    Barcode,
    /// Any other line of a page's running header (the running title).
    RunningHead,
    /// The rule above a page's footnotes.
    FootnoteRule,
    /// A marker the extraction put in a clean text ("<!-- Page 3 -->").
    Marker,
}

type Blocks = (
    Vec<blocks::Block>,
    Vec<crate::model::Footnote>,
    Vec<Furniture>,
);

fn blocks_of(text: &str) -> Blocks {
    if pdf::looks_like_pdf(text) {
        let pages = pdf::items(text);
        (blocks::group(&pages.items), pages.notes, pages.furniture)
    } else {
        // Hard-wrapped OCR text puts every printed line in a block of its own.
        let mut blocks = wrap::join(blocks::group(&blocks::clean_items(text)));
        notes::strip_marks(&mut blocks);
        (blocks, Vec::new(), blocks::markers(text))
    }
}

#[cfg(test)]
mod tests;

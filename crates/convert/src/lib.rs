//! Reading UN documents — PDF, DOCX, HTML, Akoma Ntoso XML and plain text — into plain
//! text plus whatever metadata the file carries.
//!
//! Segmentation into paragraphs is not done here: `resolute_draft::segment` does that on
//! [`Document::text`]. The text comes in one of the two forms the corpus has, so that one
//! segmenter serves every format:
//!
//! * **PDF** — the raw-pdf form: one line per visual line; a line holding a single space
//!   (`" "`) separates blocks inside a page; an empty line (`""`) separates pages, and
//!   [`Document::page_starts`] gives the byte offset where each page begins; page
//!   furniture (running heads, page numbers, job numbers, barcodes) is kept; footnotes
//!   stay where the page prints them, after the rule line of underscores.
//! * **DOCX, HTML, Akoma Ntoso** — the clean-paragraphs form: one paragraph per block,
//!   blocks separated by an empty line (a DOCX/HTML line break inside a paragraph stays a
//!   line break; table rows are lines with tab-separated cells); automatic numbers typed
//!   in ("1. ", "(a) "); footnote marks kept as their number in the text and the notes
//!   listed at the end after a rule line, one block each (`"n text"`), which
//!   segmentation reads as footnotes (marks removed from the text). No pages:
//!   `page_starts` is `[0]`.
//! * **Plain text** — as written, line endings normalised to `"\n"`.
//!
//! ```
//! let doc = resolute_convert::read(b"The General Assembly,\n", "note.txt").unwrap();
//! assert_eq!(doc.format, resolute_convert::Format::Text);
//! assert!(doc.text.starts_with("The General Assembly"));
//! ```
//!
//! The library API is pure (bytes in, values out). Third-party parsers are called inside
//! `std::panic::catch_unwind` as a last resort, so a parser bug on a hostile file becomes
//! [`ConvertError::ParserPanic`] instead of a crash.

pub mod akn;
mod detect;
pub mod docx;
mod draft_text;
mod error;
mod html;
mod meta;
pub mod notes_at;
mod pdf;
mod text;
mod xml;

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use detect::detect;
pub use draft_text::{is_markdown_name, read_draft_text, DraftText};
pub use error::ConvertError;
use serde::{Deserialize, Serialize};

/// Inputs larger than this (64 MiB) are refused before any parsing. UN resolutions are a
/// few hundred KiB; the largest budget fascicles a few MiB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Resource limits applied while reading. The defaults suit UN documents with a wide
/// margin; callers (and tests) may tighten them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs larger than this are refused before parsing.
    pub max_input_bytes: u64,
    /// Total bytes inflated from a zip container (DOCX), counted as they are read.
    pub max_unzipped_bytes: u64,
    /// Entries a zip container may list.
    pub max_zip_entries: usize,
    /// Total bytes the Flate-compressed streams of a PDF may inflate to.
    pub max_pdf_inflated_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: MAX_INPUT_BYTES,
            max_unzipped_bytes: MAX_UNZIPPED_BYTES,
            max_zip_entries: MAX_ZIP_ENTRIES,
            max_pdf_inflated_bytes: MAX_PDF_INFLATED_BYTES,
        }
    }
}

/// Default limit on the bytes inflated from a DOCX (64 MiB); the largest real UN DOCX in
/// the corpus inflates to a few MiB.
pub const MAX_UNZIPPED_BYTES: u64 = 64 * 1024 * 1024;

/// Default limit on what the compressed streams of one PDF may inflate to (256 MiB); the
/// 56-page Pact for the Future inflates to a few MiB.
pub const MAX_PDF_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// Default limit on the entries of a zip container; a Word file has a few dozen.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// The formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Portable Document Format (text layer; scanned PDFs give little or no text).
    Pdf,
    /// Office Open XML word-processing document.
    Docx,
    /// HTML (any version; parsed leniently).
    Html,
    /// Akoma Ntoso 3.0 XML.
    Akn,
    /// Plain text (UTF-8 with or without BOM, UTF-16 with BOM).
    Text,
}

impl Format {
    /// Lower-case name, as used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Akn => "akn",
            Format::Text => "text",
        }
    }
}

/// Metadata carried by the file itself (document properties, PDF info, AKN FRBR, HTML
/// `<meta>`), completed from the first lines of the text where the file says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Document symbol, e.g. "A/RES/78/100".
    pub symbol: Option<String>,
    /// Title from the file's properties (or AKN docTitle, HTML `<title>`).
    pub title: Option<String>,
    /// A date the file carries, ISO "YYYY-MM-DD" (AKN adoption date, PDF/DOCX creation).
    pub date: Option<String>,
    /// Language tag, e.g. "en" or "en-US".
    pub language: Option<String>,
    /// Number of pages (PDF only).
    pub pages: Option<u32>,
    /// Author or creator recorded in the file.
    pub author: Option<String>,
    /// The negotiation stage a document written by Resolute records (DOCX custom property
    /// `ResoluteStage`): the document is a negotiating text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
}

/// A document read from bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The text, laid out as described in the crate documentation.
    pub text: String,
    /// The format it was read as.
    pub format: Format,
    /// Metadata from the file.
    pub meta: Meta,
    /// Byte offsets in `text` where each page begins (PDF); `[0]` for other formats.
    pub page_starts: Vec<usize>,
}

impl Document {
    fn new(text: String, format: Format, meta: Meta) -> Self {
        let mut meta = meta;
        meta::complete_from_text(&mut meta, &text);
        Document {
            text,
            format,
            meta,
            page_starts: vec![0],
        }
    }
}

/// Reads a document from its bytes. `name_hint` (a file name or path) is used only when
/// the content does not tell the format.
pub fn read(bytes: &[u8], name_hint: &str) -> Result<Document, ConvertError> {
    read_with_limits(bytes, name_hint, &Limits::default())
}

/// [`read`] under explicit resource limits.
pub fn read_with_limits(
    bytes: &[u8],
    name_hint: &str,
    limits: &Limits,
) -> Result<Document, ConvertError> {
    check_size(bytes.len() as u64, limits)?;
    if bytes.is_empty() {
        return Err(ConvertError::Empty);
    }
    let format = detect(bytes, name_hint)?;
    read_as(bytes, format, limits)
}

/// Reads bytes as the given format, without detection.
pub fn read_as(bytes: &[u8], format: Format, limits: &Limits) -> Result<Document, ConvertError> {
    check_size(bytes.len() as u64, limits)?;
    if bytes.is_empty() {
        return Err(ConvertError::Empty);
    }
    guarded(format, || match format {
        Format::Pdf => pdf::read(bytes, limits),
        Format::Docx => docx::read(bytes, limits),
        Format::Html => html::read(bytes),
        Format::Akn => akn::read(bytes),
        Format::Text => text::read(bytes),
    })
}

/// Convenience for callers with a path: refuses an over-size file from its metadata
/// before reading a byte, then calls [`read`].
pub fn read_path(path: &std::path::Path) -> Result<Document, ConvertError> {
    let size = std::fs::metadata(path)
        .map_err(|e| ConvertError::Io(format!("{}: {e}", path.display())))?
        .len();
    check_size(size, &Limits::default())?;
    let bytes =
        std::fs::read(path).map_err(|e| ConvertError::Io(format!("{}: {e}", path.display())))?;
    read(&bytes, &path.to_string_lossy())
}

fn check_size(size: u64, limits: &Limits) -> Result<(), ConvertError> {
    if size > limits.max_input_bytes {
        return Err(ConvertError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        });
    }
    Ok(())
}

/// Runs a reader, turning a panic inside a third-party parser into an error. Our own code
/// does not panic by design; this is the last line of defence against hostile files.
fn guarded<F>(format: Format, f: F) -> Result<Document, ConvertError>
where
    F: FnOnce() -> Result<Document, ConvertError>,
{
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(ConvertError::ParserPanic {
                format: format.name(),
                message,
            })
        }
    }
}

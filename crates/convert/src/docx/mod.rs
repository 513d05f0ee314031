//! DOCX: a zip of WordprocessingML parts. We read word/document.xml (required), and when
//! present numbering.xml (automatic numbers), styles.xml (numbering attached to
//! paragraph styles), footnotes.xml and docProps/core.xml (title, author, dates).
//!
//! A negotiating text (docs/format.md §6) also has docProps/custom.xml (its stage, property
//! `ResoluteStage`) and word/comments.xml (attributions written as comments): see
//! [`negotiation`](self::write_with).
//!
//! Writing (the UN layout, and Track Changes against a base text) is in [`write`] and
//! [`write_tracked`]; the same layout as data, for printing, is [`layout`].
//!
//! The zip is read under limits — entry count and total uncompressed bytes, counted on
//! the bytes actually inflated, not on the sizes the archive declares — so a zip bomb is
//! refused with the reason instead of exhausting memory.

mod body;
mod layout;
mod negotiation;
mod numbering;
mod styles;
mod track;
mod write;
mod write_parts;

pub use layout::{layout, Block, Layout, Note, Span};
pub use negotiation::{Attributions, COMMENT_AUTHOR, STAGE_PROPERTY};
pub use track::write_tracked;
pub use write::{write, write_with, Page, PAGE};

pub(crate) use body::FOOTNOTE_RULE;

use crate::meta::{is_symbol, iso_date, non_empty};
use crate::xml::{walk, Node};
use crate::{ConvertError, Document, Format, Limits, Meta};
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// Reads a DOCX from its bytes under the given limits.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Document, ConvertError> {
    let mut zip = Parts::open(bytes, limits)?;
    let document = zip.required("word/document.xml")?;
    let mut numbering = match zip.optional("word/numbering.xml")? {
        Some(xml) => numbering::Numbering::parse(&xml)?,
        None => numbering::Numbering::default(),
    };
    let styles = match zip.optional("word/styles.xml")? {
        Some(xml) => styles::Styles::parse(&xml)?,
        None => styles::Styles::default(),
    };
    let footnotes = match zip.optional("word/footnotes.xml")? {
        Some(xml) => body::footnotes(&xml)?,
        None => Vec::new(),
    };
    let stage = match zip.optional("docProps/custom.xml")? {
        Some(xml) => negotiation::read_stage(&xml)?,
        None => None,
    };
    // Comments are read only in a negotiating text, where they carry attributions (and
    // others' comments are kept as notes); elsewhere they stay out of the text, as before.
    let comments = match (&stage, zip.optional("word/comments.xml")?) {
        (Some(_), Some(xml)) => Some(negotiation::read_comments(&xml)?),
        (Some(_), None) => Some(Default::default()),
        (None, _) => None,
    };
    let text = body::text(
        &document,
        &mut numbering,
        &styles,
        &footnotes,
        comments.as_ref(),
    )?;
    let mut meta = match zip.optional("docProps/core.xml")? {
        Some(xml) => core_properties(&xml)?,
        None => Meta::default(),
    };
    meta.stage = stage;
    if meta.symbol.is_none() {
        meta.symbol = header_symbol(&mut zip)?;
    }
    Ok(Document::new(text, Format::Docx, meta))
}

/// UN Word files print their symbol in the page header (a separate part), not in the
/// body; the first header line that is a symbol gives `meta.symbol`.
fn header_symbol(zip: &mut Parts<'_>) -> Result<Option<String>, ConvertError> {
    for i in 1..=MAX_HEADERS {
        let Some(xml) = zip.optional(&format!("word/header{i}.xml"))? else {
            continue;
        };
        let mut numbering = numbering::Numbering::default();
        let text = body::text(&xml, &mut numbering, &styles::Styles::default(), &[], None)?;
        let symbol = text
            .split(['\n', '\t'])
            .map(str::trim)
            .find(|s| is_symbol(s));
        if let Some(symbol) = symbol {
            return Ok(Some(symbol.to_string()));
        }
    }
    Ok(None)
}

/// Header parts looked at for the symbol (Word numbers them header1.xml ...).
const MAX_HEADERS: usize = 9;

/// The zip container with a running budget of inflated bytes.
struct Parts<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Parts<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, ConvertError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ConvertError::Docx(format!("not a readable zip container: {e}")))?;
        if zip.len() > limits.max_zip_entries {
            return Err(ConvertError::ZipLimit(format!(
                "{} entries (limit {})",
                zip.len(),
                limits.max_zip_entries
            )));
        }
        Ok(Parts {
            zip,
            budget: limits.max_unzipped_bytes,
        })
    }

    fn required(&mut self, name: &str) -> Result<String, ConvertError> {
        self.optional(name)?.ok_or_else(|| {
            ConvertError::Docx(format!(
                "{name} is missing (a zip, but not a Word document)"
            ))
        })
    }

    /// Inflates one part as UTF-8 text, charging it to the budget; `None` if absent.
    fn optional(&mut self, name: &str) -> Result<Option<String>, ConvertError> {
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(ConvertError::Docx(format!("{name}: {e}"))),
        };
        if entry.size() > self.budget {
            return Err(bomb(name, entry.size(), self.budget));
        }
        // Read one byte past the budget, so a part that lies about its size is caught.
        let mut bytes = Vec::new();
        entry
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| ConvertError::Docx(format!("{name}: {e}")))?;
        let read = bytes.len() as u64;
        if read > self.budget {
            return Err(bomb(name, read, self.budget));
        }
        self.budget -= read;
        let text = String::from_utf8(bytes)
            .map_err(|e| ConvertError::Docx(format!("{name} is not UTF-8: {e}")))?;
        Ok(Some(text))
    }
}

fn bomb(name: &str, size: u64, budget: u64) -> ConvertError {
    ConvertError::ZipLimit(format!(
        "{name} expands to more than {budget} bytes (at least {size}); \
         the uncompressed size is limited to protect memory (zip bomb?)"
    ))
}

/// Title, creator, dates, language and (when the title or subject is one) the symbol
/// from docProps/core.xml.
fn core_properties(xml: &str) -> Result<Meta, ConvertError> {
    let mut meta = Meta::default();
    let mut current = String::new();
    let mut subject = None;
    walk(xml, |node| match node {
        Node::Open(e) => current = e.name.clone(),
        Node::Close(_) => current.clear(),
        Node::Text(t) => {
            let value = non_empty(t);
            match current.as_str() {
                "title" => meta.title = value,
                "subject" => subject = value,
                "creator" => meta.author = value,
                "language" => meta.language = value,
                "created" => meta.date = value.and_then(|d| iso_date(&d)),
                _ => {}
            }
        }
    })?;
    meta.symbol = [&meta.title, &subject]
        .into_iter()
        .flatten()
        .find(|s| is_symbol(s))
        .cloned();
    Ok(meta)
}

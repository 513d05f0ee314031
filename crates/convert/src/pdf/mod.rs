//! PDF: pdf-extract (pure Rust, over lopdf) decodes fonts and content streams; our
//! [`layout::Collector`] lays the positioned glyphs out as lines and blocks.
//!
//! pdf-extract was chosen over driving lopdf alone because font decoding (ToUnicode
//! CMaps, Type1/CFF encodings, standard 14 fonts) is most of the work of getting correct
//! text, and its `OutputDev` trait still hands us every glyph with its position, so the
//! line layout stays ours.

mod guard;
mod layout;

use crate::meta::{is_symbol, iso_date, non_empty};
use crate::{ConvertError, Document, Format, Limits, Meta};
use pdf_extract::{Dictionary, Object};

/// Reads a PDF's text layer and its document information.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Document, ConvertError> {
    guard::check_raw_streams(bytes, limits.max_pdf_inflated_bytes)?;
    let mut doc = load(bytes)?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ConvertError::Encrypted(
            "a password is needed to open it; save an unprotected copy".to_string(),
        ));
    }
    guard::check_expansion(&doc, limits.max_pdf_inflated_bytes)?;
    guard::check_page_tree(&doc)?;
    guard::check_forms(&doc)?;
    let pages = u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX);
    if pages == 0 {
        return Err(ConvertError::Pdf("no pages".to_string()));
    }
    let mut collector = layout::Collector::default();
    pdf_extract::output_doc(&doc, &mut collector).map_err(|e| ConvertError::Pdf(e.to_string()))?;
    let (text, page_starts) = collector.finish();
    let mut meta = info(&doc);
    meta.pages = Some(pages);
    let mut document = Document::new(text, Format::Pdf, meta);
    document.page_starts = page_starts;
    Ok(document)
}

fn load(bytes: &[u8]) -> Result<pdf_extract::Document, ConvertError> {
    pdf_extract::Document::load_mem(bytes).map_err(|e| {
        // lopdf reports a failed decryption as a parse or decryption error; the
        // trailer's /Encrypt entry is what tells the user why.
        if matches!(e, pdf_extract::Error::Decryption(_))
            || crate::detect::find(bytes, b"/Encrypt").is_some()
        {
            ConvertError::Encrypted(format!("cannot be opened without its password ({e})"))
        } else {
            ConvertError::Pdf(format!("{e} (truncated or damaged file?)"))
        }
    })
}

/// Title, author, creation date and symbol from the Info dictionary, language from the
/// catalog. UN PDFs often leave Title empty or put the symbol there.
fn info(doc: &pdf_extract::Document) -> Meta {
    let mut meta = Meta::default();
    let catalog = doc.catalog().ok();
    meta.language = catalog.and_then(|c| string(c, b"Lang"));
    let Some(info) = info_dict(doc) else {
        return meta;
    };
    let title = string(info, b"Title");
    let subject = string(info, b"Subject");
    meta.symbol = [&title, &subject]
        .into_iter()
        .flatten()
        .find(|s| is_symbol(s))
        .cloned();
    meta.title = title.filter(|t| !is_symbol(t));
    meta.author = string(info, b"Author");
    meta.date = string(info, b"CreationDate").and_then(|d| iso_date(&d));
    meta
}

fn info_dict(doc: &pdf_extract::Document) -> Option<&Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    match info {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// A text string entry: UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding (read as
/// Latin-1, which agrees with it on letters).
fn string(dict: &Dictionary, key: &[u8]) -> Option<String> {
    let bytes = match dict.get(key).ok()? {
        Object::String(bytes, _) => bytes.as_slice(),
        Object::Name(name) => name.as_slice(),
        _ => return None,
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units = rest.chunks_exact(2).map(|c| {
            u16::from_be_bytes([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect()
    } else if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    non_empty(&text)
}

//! Format detection: content first (magic bytes, root element), then the name's extension.
//! A file named ".txt" that starts with "%PDF" is a PDF.

use crate::{ConvertError, Format};

/// How many leading bytes are sniffed for markup (`<html`, `<akomaNtoso`).
const SNIFF: usize = 4096;

/// Tells the format of `bytes`, by content first, then by the extension of `name_hint`.
pub fn detect(bytes: &[u8], name_hint: &str) -> Result<Format, ConvertError> {
    if let Some(format) = by_content(bytes) {
        return Ok(format);
    }
    if let Some(format) = by_extension(name_hint) {
        return Ok(format);
    }
    if crate::text::looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    Err(ConvertError::UnknownFormat(format!(
        "{name_hint}: neither the content nor the extension is PDF, DOCX, HTML, Akoma Ntoso or text"
    )))
}

fn by_content(bytes: &[u8]) -> Option<Format> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    // Some PDF writers put junk before the header; readers accept it within 1 KiB.
    if find(head, b"%PDF-").is_some() {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // Any zip goes to the DOCX reader, which says clearly when word/document.xml is
        // missing ("a zip that is not a DOCX") rather than calling it unknown.
        return Some(Format::Docx);
    }
    markup(bytes)
}

fn markup(bytes: &[u8]) -> Option<Format> {
    let head = bytes.get(..bytes.len().min(SNIFF)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if find(&lower, b"<akomantoso").is_some() || find(&lower, b":akomantoso").is_some() {
        return Some(Format::Akn);
    }
    let trimmed = skip_bom_and_space(&lower);
    if trimmed.starts_with(b"<!doctype html")
        || find(&lower, b"<html").is_some()
        || (trimmed.starts_with(b"<") && find(&lower, b"<body").is_some())
    {
        return Some(Format::Html);
    }
    None
}

fn by_extension(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(Format::Pdf),
        "docx" | "docm" | "dotx" => Some(Format::Docx),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "xml" | "akn" => Some(Format::Akn),
        "txt" | "text" | "md" => Some(Format::Text),
        _ => None,
    }
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or(&[])
}

/// Position of `needle` in `hay` (naive search; both are short here).
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(detect(b"%PDF-1.7\n", "x.txt"), Ok(Format::Pdf));
        assert_eq!(detect(b"PK\x03\x04rest", "x.pdf"), Ok(Format::Docx));
        assert_eq!(
            detect(b"<?xml version='1.0'?><akomaNtoso>", "x.html"),
            Ok(Format::Akn)
        );
        assert_eq!(detect(b"<!DOCTYPE html><p>x", "x.xml"), Ok(Format::Html));
    }

    #[test]
    fn extension_when_content_is_silent() {
        assert_eq!(detect(b"Recalling", "a/b/C.TXT"), Ok(Format::Text));
        assert_eq!(detect(b"<doc/>", "x.xml"), Ok(Format::Akn));
        assert_eq!(detect(b"Takes note", "noext"), Ok(Format::Text));
        assert!(matches!(
            detect(b"\x00\x01", "noext"),
            Err(ConvertError::UnknownFormat(_))
        ));
    }
}

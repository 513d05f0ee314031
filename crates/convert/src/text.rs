//! Plain text: UTF-8 (with or without BOM) and UTF-16 with a BOM. Anything else that is
//! binary is refused with the reason, since guessing a legacy code page would silently
//! corrupt agreed language.

use crate::{ConvertError, Document, Format, Meta};

/// Reads plain text. Line endings are normalised to "\n".
pub(crate) fn read(bytes: &[u8]) -> Result<Document, ConvertError> {
    let text = decode(bytes)?;
    Ok(Document::new(
        normalise_newlines(&text),
        Format::Text,
        Meta::default(),
    ))
}

/// Decodes bytes as text, honouring a UTF-8 or UTF-16 byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ConvertError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes)
}

/// Whether bytes can be read as text (used by detection when nothing else matches).
pub(crate) fn looks_like_text(bytes: &[u8]) -> bool {
    decode(bytes).is_ok()
}

fn utf8(bytes: &[u8]) -> Result<String, ConvertError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ConvertError::NotText(format!(
            "invalid UTF-8 at byte {} (only UTF-8 and UTF-16 with a byte-order mark are read)",
            e.valid_up_to()
        ))
    })?;
    if let Some(at) = text.find(is_binary_control) {
        return Err(ConvertError::NotText(format!(
            "binary control byte at offset {at}"
        )));
    }
    Ok(text.to_string())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ConvertError> {
    if bytes.len() % 2 != 0 {
        return Err(ConvertError::NotText(
            "UTF-16 text with an odd number of bytes".to_string(),
        ));
    }
    let units = bytes
        .chunks_exact(2)
        .filter_map(|c| <[u8; 2]>::try_from(c).ok())
        .map(unit);
    let text: String = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| ConvertError::NotText(format!("invalid UTF-16: {e}")))?;
    if let Some(at) = text.find(is_binary_control) {
        return Err(ConvertError::NotText(format!(
            "binary control character at offset {at}"
        )));
    }
    Ok(text)
}

/// NUL and the C0 controls that never occur in text (tab, newlines and form feed do).
fn is_binary_control(c: char) -> bool {
    c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

pub(crate) fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_encodings() {
        assert_eq!(decode(b"\xef\xbb\xbfDecides").as_deref(), Ok("Decides"));
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Décide".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).as_deref(), Ok("Décide"));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Décide".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).as_deref(), Ok("Décide"));
    }

    #[test]
    fn binary_and_bad_utf8_are_refused_with_reason() {
        let err = decode(b"Recalling \xff\xfe\xfd").unwrap_err();
        assert!(
            err.to_string().contains("invalid UTF-8 at byte 10"),
            "{err}"
        );
        assert!(matches!(decode(b"ab\x00cd"), Err(ConvertError::NotText(_))));
        assert!(matches!(
            decode(b"\xff\xfeA"),
            Err(ConvertError::NotText(_))
        ));
    }

    #[test]
    fn crlf_is_normalised() {
        let doc = read(b"a\r\nb\rc").unwrap();
        assert_eq!(doc.text, "a\nb\nc");
    }
}

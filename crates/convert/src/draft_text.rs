//! The one way from a file to the text its draft is read from, for every front end (the
//! command line, the app, the library's import): an Akoma Ntoso document gives its structure,
//! written as a Markdown draft; a Markdown draft is itself; any other document gives its plain
//! text, which the segmenter reads.

use crate::{detect, read_as, ConvertError, Document, Format, Limits};

/// A document read for its draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftText {
    /// The document as read (plain text, format, metadata).
    pub document: Document,
    /// The text the draft is read from: Markdown when `markdown`, else `document.text`.
    pub text: String,
    /// Whether `text` is a Markdown draft (`resolute_draft::parse_markdown`), not plain text
    /// to segment (`resolute_draft::segment`).
    pub markdown: bool,
}

impl DraftText {
    /// The draft: a Markdown draft parsed (read as plain text if it does not parse), plain text
    /// segmented.
    pub fn draft(&self) -> resolute_draft::Draft {
        if self.markdown {
            if let Ok(draft) = resolute_draft::parse_markdown(&self.text) {
                return draft;
            }
        }
        resolute_draft::segment(&self.text)
    }
}

/// Whether a file name names a Markdown draft: `.md` or `.markdown`, in any case.
pub fn is_markdown_name(name: &str) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown")
}

/// Reads `bytes` (`name_hint`: the file name, for formats the content does not tell) for its
/// draft, under the default limits.
pub fn read_draft_text(bytes: &[u8], name_hint: &str) -> Result<DraftText, ConvertError> {
    let limits = Limits::default();
    if bytes.is_empty() {
        return Err(ConvertError::Empty);
    }
    let format = detect(bytes, name_hint)?;
    let document = read_as(bytes, format, &limits)?;
    let structured = match format {
        Format::Akn => akn_markdown(bytes)?,
        Format::Text if is_markdown_name(name_hint) => Some(document.text.clone()),
        _ => None,
    };
    Ok(match structured {
        Some(text) => DraftText {
            document,
            text,
            markdown: true,
        },
        None => DraftText {
            text: document.text.clone(),
            document,
            markdown: false,
        },
    })
}

/// An Akoma Ntoso document's structure as a Markdown draft; `None` when it holds no
/// paragraph (its plain text is read then).
fn akn_markdown(bytes: &[u8]) -> Result<Option<String>, ConvertError> {
    let xml = String::from_utf8_lossy(bytes);
    let draft = crate::akn::read_draft(xml.trim_start_matches('\u{feff}'))?;
    if draft.paragraphs().next().is_none() {
        return Ok(None);
    }
    Ok(Some(resolute_draft::write_markdown(&draft)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_drafts_are_read_as_drafts_and_texts_as_text() {
        let md =
            b"---\nsymbol: A/C.2/81/L.1\n---\n\n*The General Assembly*,\n\n1. *Decides* to act.\n";
        let read = read_draft_text(md, "draft.md").unwrap();
        assert!(read.markdown);
        assert_eq!(read.draft().meta.symbol.as_deref(), Some("A/C.2/81/L.1"));
        let read = read_draft_text(md, "draft.txt").unwrap();
        assert!(!read.markdown);
        assert!(is_markdown_name("A.MarkDown") && !is_markdown_name("a.txt"));
    }

    #[test]
    fn akoma_ntoso_is_read_for_its_structure() {
        let draft = resolute_draft::segment(
            "The General Assembly,\n\nRecalling its resolution 77/148,\n\n1.\tDecides to act;\n\n2.\tRequests a report.\n",
        );
        let xml = crate::akn::write(&draft);
        let read = read_draft_text(xml.as_bytes(), "x.xml").unwrap();
        assert!(read.markdown);
        let back = read.draft();
        assert_eq!(back.operative.len(), 2);
        assert_eq!(back.preamble[0].opening.as_deref(), Some("Recalling"));
    }
}

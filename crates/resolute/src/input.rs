//! Reading an input file: size limit, binary and encoding checks, and what kind of source it is.
//!
//! Everything that can be wrong with a file is found here, before any parser sees it, so that
//! each front end reports the same reason for the same file.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use crate::Error;

/// The largest input accepted, in bytes: 16 MiB.
///
/// The largest text in the shared corpus (a General Assembly resolution with its annexes) is
/// about 220 KB, and the largest single UN documents (budget fascicles, reports with long
/// annexes) run to a few MB. 16 MiB leaves room for those while refusing, before reading
/// them, files that are certainly not one resolution (a log, a disk image, a whole corpus
/// concatenated).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A Markdown draft (`.md`, `.markdown`), read with `resolute_draft::parse_markdown`.
    Draft,
    /// Plain text (a text extracted from a UN PDF, one paragraph per block, anything else
    /// textual), read with `resolute_draft::segment`.
    PlainText,
}

impl SourceKind {
    /// The kind a path names, by its extension (case-insensitive).
    pub fn of(path: &Path) -> SourceKind {
        if resolute_convert::is_markdown_name(&path.to_string_lossy()) {
            SourceKind::Draft
        } else {
            SourceKind::PlainText
        }
    }

    /// "draft" or "text", as the JSON output names it.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Draft => "draft",
            SourceKind::PlainText => "text",
        }
    }
}

/// A file that passed every check, decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given.
    pub path: PathBuf,
    /// How to read it.
    pub kind: SourceKind,
    /// The text, without a leading byte-order mark; spans in results are offsets into this.
    pub text: String,
    /// Whether the file began with a UTF-8 byte-order mark (kept when the file is rewritten).
    pub bom: bool,
    /// The negotiation stage the file itself records (a DOCX written by `export` from a
    /// negotiating text), which turns the layer on when reading it.
    pub stage: Option<String>,
}

/// Reads and checks `path`. Never reads more than [`MAX_INPUT_BYTES`] + 1 bytes.
pub fn read_source(path: &Path) -> Result<Source, Error> {
    let bytes = read_bounded(path)?;
    let kind = SourceKind::of(path);
    if kind == SourceKind::PlainText && is_document(path, &bytes) {
        // The same reading as the library's import (`resolute_convert::read_draft_text`).
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let read = resolute_convert::read_draft_text(&bytes, name).map_err(|e| Error::Convert {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        check_not_blank(path, &read.text)?;
        return Ok(Source {
            path: path.to_path_buf(),
            kind: if read.markdown {
                SourceKind::Draft
            } else {
                SourceKind::PlainText
            },
            text: read.text,
            bom: false,
            stage: read.document.meta.stage,
        });
    }
    let text = decode(path, bytes)?;
    let (text, bom) = match text.strip_prefix(BOM) {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    check_not_blank(path, &text)?;
    Ok(Source {
        path: path.to_path_buf(),
        kind: SourceKind::of(path),
        text,
        bom,
        stage: None,
    })
}

/// Reads at most `MAX_INPUT_BYTES + 1` bytes: the size in the metadata is checked first, and
/// the read itself is bounded too, because pipes and device files report no useful size.
fn read_bounded(path: &Path) -> Result<Vec<u8>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(path, Some(meta.len())));
    }
    let file = File::open(path).map_err(|e| open_error(path, e))?;
    let capacity = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(path, None));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: Option<u64>) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_INPUT_BYTES,
    }
}

fn open_error(path: &Path, err: std::io::Error) -> Error {
    match err.kind() {
        ErrorKind::NotFound => Error::NotFound {
            path: path.to_path_buf(),
        },
        ErrorKind::IsADirectory => Error::IsDirectory {
            path: path.to_path_buf(),
        },
        _ => read_error(path, err),
    }
}

fn read_error(path: &Path, err: std::io::Error) -> Error {
    if err.kind() == ErrorKind::IsADirectory {
        return Error::IsDirectory {
            path: path.to_path_buf(),
        };
    }
    Error::Io {
        path: path.to_path_buf(),
        action: "cannot read",
        source: err,
    }
}

/// Whether the file is a document the converter reads (PDF, DOCX, HTML, Akoma Ntoso XML)
/// rather than plain text: by its first bytes, else by its extension.
fn is_document(path: &Path, bytes: &[u8]) -> bool {
    const EXTENSIONS: [&str; 6] = ["pdf", "docx", "html", "htm", "xhtml", "xml"];
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    bytes.starts_with(b"%PDF-")
        || bytes.starts_with(b"PK\x03\x04")
        || EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

/// The text of a PDF, DOCX, HTML or Akoma Ntoso file, laid out as `segment` expects.
const SIGNATURES: [(&[u8], &str); 5] = [
    (b"%PDF-", "PDF document; a draft must be Markdown text"),
    (
        b"PK\x03\x04",
        "ZIP container such as DOCX; a draft must be Markdown text",
    ),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\x7fELF", "executable"),
];

/// Checks that `bytes` are text and decodes them.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    let binary = |what: String| Error::Binary {
        path: path.to_path_buf(),
        what,
    };
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(binary((*what).to_string()));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(binary(format!("NUL byte at byte offset {offset}")));
    }
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn check_not_blank(path: &Path, text: &str) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
            whitespace_only: !text.is_empty(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_str(bytes: &[u8]) -> Result<String, Error> {
        decode(Path::new("x.txt"), bytes.to_vec())
    }

    #[test]
    fn invalid_utf8_reports_the_first_bad_offset() {
        let err = decode_str(b"Recalling \xe9t\xe9").err();
        assert!(
            matches!(err, Some(Error::NotUtf8 { offset: 10, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn nul_byte_is_binary_with_its_offset() {
        let err = decode_str(b"abc\0def").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("x.txt: binary file (NUL byte at byte offset 3), expected UTF-8 text")
        );
    }

    #[test]
    fn pdf_is_named() {
        let err = decode_str(b"%PDF-1.7\n...").err().map(|e| e.to_string());
        assert!(err.is_some_and(|m| m.contains("PDF document; a draft must be Markdown")));
    }

    #[test]
    fn multilingual_text_decodes() {
        let text = "Рассмотрев доклад, 审议了报告, وإذ تشير";
        assert_eq!(decode_str(text.as_bytes()).ok().as_deref(), Some(text));
    }

    #[test]
    fn blank_text_is_refused() {
        assert!(check_not_blank(Path::new("a"), " \n\t\u{a0}\n").is_err());
        assert!(check_not_blank(Path::new("a"), "").is_err());
        assert!(check_not_blank(Path::new("a"), " x ").is_ok());
    }

    #[test]
    fn kind_follows_the_extension() {
        assert_eq!(SourceKind::of(Path::new("d/Draft.MD")), SourceKind::Draft);
        assert_eq!(SourceKind::of(Path::new("a.markdown")), SourceKind::Draft);
        assert_eq!(
            SourceKind::of(Path::new("A_RES_78_100.txt")),
            SourceKind::PlainText
        );
        assert_eq!(SourceKind::of(Path::new("noext")), SourceKind::PlainText);
    }
}

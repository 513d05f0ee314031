//! The one error type of the crate: every way a file can fail to read, with a reason a
//! drafter can act on.

use thiserror::Error;

/// Why a document could not be read. Each message names the problem in plain words, since
/// the library import reports it next to the file name and goes on.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ConvertError {
    /// The input has no bytes at all.
    #[error("empty file")]
    Empty,
    /// The input is larger than the documented limit; it was refused before parsing.
    #[error("file too large: {size} bytes (limit {limit} bytes)")]
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in force ([`crate::MAX_INPUT_BYTES`]).
        limit: u64,
    },
    /// Neither the content nor the name tells which format this is.
    #[error("unrecognised format: {0}")]
    UnknownFormat(String),
    /// Bytes that are not text in any encoding this crate accepts.
    #[error("not text: {0}")]
    NotText(String),
    /// The PDF is encrypted and cannot be opened without a password.
    #[error("PDF is encrypted: {0}")]
    Encrypted(String),
    /// The PDF could not be parsed (truncated, damaged, or unsupported).
    #[error("damaged PDF: {0}")]
    Pdf(String),
    /// The PDF's compressed streams would expand beyond the limit (a flate bomb).
    #[error("PDF refused: {0}")]
    PdfLimit(String),
    /// The DOCX (or its zip container) is damaged or misses required parts.
    #[error("damaged DOCX: {0}")]
    Docx(String),
    /// A zip container would expand beyond the limits (a zip bomb or an absurd file).
    #[error("zip container refused: {0}")]
    ZipLimit(String),
    /// An XML part (DOCX part, Akoma Ntoso) is not well-formed.
    #[error("malformed XML: {0}")]
    Xml(String),
    /// A third-party parser panicked; caught at the crate boundary as a last resort.
    #[error("internal parser failure while reading {format}: {message}")]
    ParserPanic {
        /// The format being read.
        format: &'static str,
        /// The panic message, when it was a string.
        message: String,
    },
    /// An I/O error in [`crate::read_path`] (the pure API never does I/O).
    #[error("cannot read file: {0}")]
    Io(String),
}

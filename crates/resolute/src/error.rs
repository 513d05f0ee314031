//! The one error type of the service API.
//!
//! Every front end (the command line, the desktop shell) shows errors; none of them should
//! match on message text, so each error also carries a stable machine-readable [`Error::code`].

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Why a request failed. `Display` gives the whole human message, path first.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path does not exist.
    #[error("{}: no such file", shown(path))]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// The path is a directory, not a file.
    #[error("{}: is a directory, not a file", shown(path))]
    IsDirectory {
        /// The path as given.
        path: PathBuf,
    },
    /// The file is larger than [`crate::MAX_INPUT_BYTES`].
    #[error("{}: file is {}over the limit of {limit} bytes", shown(path), size_text(*.size))]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// The size in bytes, when the file system reports one; `None` for pipes and devices
        /// that kept delivering bytes past the limit.
        size: Option<u64>,
        /// The limit in force.
        limit: u64,
    },
    /// The file holds binary data (a NUL byte, or a known binary signature).
    #[error("{}: binary file ({what}), expected UTF-8 text", shown(path))]
    Binary {
        /// The path as given.
        path: PathBuf,
        /// What gave it away: "NUL byte at byte offset 12", "PDF document".
        what: String,
    },
    /// The bytes are not valid UTF-8.
    #[error("{}: not valid UTF-8 at byte offset {offset}", shown(path))]
    NotUtf8 {
        /// The path as given.
        path: PathBuf,
        /// Offset of the first byte that is not part of a valid UTF-8 sequence.
        offset: usize,
    },
    /// The file is empty or holds only whitespace.
    #[error("{}: {}", shown(path), if *.whitespace_only { "file holds only whitespace" } else { "file is empty" })]
    Empty {
        /// The path as given.
        path: PathBuf,
        /// True when the file has bytes, but all of them are whitespace.
        whitespace_only: bool,
    },
    /// The draft could not be read as the Markdown draft format.
    #[error("{}: {source}", shown(path))]
    Format {
        /// The path as given.
        path: PathBuf,
        /// What the draft format reader said.
        source: resolute_draft::FormatError,
    },
    /// The operation needs a Markdown draft (`.md`), and the file is something else.
    #[error("{}: not a Markdown draft (expected a .md file); {what}", shown(path))]
    NotADraft {
        /// The path as given.
        path: PathBuf,
        /// Why the operation needs a draft.
        what: &'static str,
    },
    /// The formatter would lose text; the file is left as it was.
    #[error(
        "{}: refusing to rewrite: {reason}; the file is unchanged",
        shown(path)
    )]
    UnsafeRewrite {
        /// The path as given.
        path: PathBuf,
        /// What the safety check found.
        reason: String,
    },
    /// A PDF, DOCX, HTML or Akoma Ntoso file could not be read.
    #[error("{}: {reason}", shown(path))]
    Convert {
        /// The path as given.
        path: PathBuf,
        /// What the converter said: "damaged PDF: …", "PDF is encrypted", "zip bomb …".
        reason: String,
    },
    /// The library could not be opened, read or written.
    #[error("{}: library: {source}", shown(path))]
    Library {
        /// The library folder.
        path: PathBuf,
        /// What the library said.
        source: resolute_library::LibraryError,
    },
    /// Reading or writing failed for another reason (permissions, disk full ...).
    #[error("{}: {action}: {source}", shown(path))]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What was being done: "cannot read", "cannot write".
        action: &'static str,
        /// The operating system's error.
        source: std::io::Error,
    },
}

impl Error {
    /// A stable, machine-readable classifier of the error, for front ends to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::IsDirectory { .. } => "is_directory",
            Error::TooLarge { .. } => "too_large",
            Error::Binary { .. } => "binary",
            Error::NotUtf8 { .. } => "not_utf8",
            Error::Empty { .. } => "empty",
            Error::Format { .. } => "format",
            Error::NotADraft { .. } => "not_a_draft",
            Error::UnsafeRewrite { .. } => "unsafe_rewrite",
            Error::Convert { .. } => "convert",
            Error::Library { .. } => "library",
            Error::Io { .. } => "io",
        }
    }

    /// The human message: the same text as `Display`, path first.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// The error as it crosses to a front end: `{code, message}`.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code(),
            message: self.message(),
        }
    }
}

/// An error as front ends receive it (serialised as `{"code": ..., "message": ...}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    /// See [`Error::code`].
    pub code: &'static str,
    /// See [`Error::message`].
    pub message: String,
}

fn size_text(size: Option<u64>) -> String {
    size.map(|s| format!("{s} bytes, ")).unwrap_or_default()
}

/// A path for a one-line message: control characters (a newline in a file name) are escaped
/// so that every error stays on one line.
pub(crate) fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_starts_with_the_path_and_code_is_stable() {
        let err = Error::NotUtf8 {
            path: PathBuf::from("dir/a.txt"),
            offset: 17,
        };
        assert_eq!(
            err.message(),
            "dir/a.txt: not valid UTF-8 at byte offset 17"
        );
        assert_eq!(err.body().code, "not_utf8");
    }

    #[test]
    fn a_newline_in_a_file_name_does_not_break_the_line() {
        let err = Error::NotFound {
            path: PathBuf::from("bad\nname.md"),
        };
        assert!(!err.message().contains('\n'));
        assert!(err.message().contains("bad\\nname.md"));
    }

    #[test]
    fn empty_and_whitespace_only_read_differently() {
        let empty = Error::Empty {
            path: PathBuf::from("e.md"),
            whitespace_only: false,
        };
        let blank = Error::Empty {
            path: PathBuf::from("e.md"),
            whitespace_only: true,
        };
        assert_eq!(empty.message(), "e.md: file is empty");
        assert_eq!(blank.message(), "e.md: file holds only whitespace");
    }
}

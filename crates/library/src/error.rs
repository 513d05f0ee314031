//! The one error type of the library.

use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong with the library as a whole. A file that cannot be imported is not an
/// error of this kind: it is reported in [`crate::ImportSummary::failed`] and the import
/// goes on.
#[derive(Debug, Error)]
pub enum LibraryError {
    /// The library folder or one of its files could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The search engine failed (disk full, lock held, damaged segment).
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The library was written by a newer version of Resolute; it is left untouched.
    #[error("library format {found} is newer than this program's format {supported}")]
    NewerFormat {
        /// Version recorded in the manifest.
        found: u32,
        /// Version this program writes.
        supported: u32,
    },
    /// Another import is writing to this library (in this or another process); try again
    /// when it has finished. Searching is not affected.
    #[error("another import is running on this library")]
    Busy,
    /// The library's folder cannot be written (read-only media): it can be searched, not
    /// changed.
    #[error("{}: the library is on read-only media (or a folder that cannot be written): it can be searched but not changed", path.display())]
    ReadOnly {
        /// The library folder.
        path: PathBuf,
    },
    /// A library on read-only media that would need rebuilding, which cannot be done there.
    #[error("{}: the library cannot be read as it is ({reason}) and, on read-only media, cannot be rebuilt", path.display())]
    Stale {
        /// The library folder.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A library pack that cannot be used; the library it was to go into is unchanged.
    #[error("{}: not a usable library pack: {reason}; the library is unchanged", path.display())]
    Pack {
        /// The pack file.
        path: PathBuf,
        /// What is wrong: "truncated", "index/… does not match its checksum" …
        reason: String,
    },
    /// The manifest could not be written.
    #[error("manifest: {0}")]
    Manifest(String),
}

impl LibraryError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        LibraryError::Io {
            path: path.into(),
            source,
        }
    }
}

/// The writer could not be had: [`LibraryError::Busy`] when another writer holds the lock.
pub(crate) fn writer_error(e: tantivy::TantivyError) -> LibraryError {
    match e {
        tantivy::TantivyError::LockFailure(..) => LibraryError::Busy,
        other => LibraryError::Index(other),
    }
}

/// Result with [`LibraryError`].
pub type Result<T> = std::result::Result<T, LibraryError>;

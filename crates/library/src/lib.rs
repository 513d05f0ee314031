//! The local library of prior resolutions: import UN documents into a tantivy index at
//! paragraph granularity, search agreed language, find precedents for a draft paragraph,
//! and answer citation checks as a [`resolute_check::Register`].
//!
//! ```
//! use resolute_library::{Library, SearchRequest};
//!
//! let dir = std::env::temp_dir().join(format!("resolute-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&dir);
//! std::fs::create_dir_all(dir.join("texts")).unwrap();
//! std::fs::write(
//!     dir.join("texts/A_RES_99_1.txt"),
//!     "The General Assembly,\n\nDeeply concerned by the situation,\n\n1. Decides to remain seized of the matter.\n",
//! )
//! .unwrap();
//! let mut lib = Library::open(dir.join("lib")).unwrap();
//! let summary = lib.import(&[dir.join("texts")], &mut |_| {}).unwrap();
//! assert_eq!(summary.added, 1);
//! let found = lib.search(&SearchRequest::new("\"deeply concerned\"")).unwrap();
//! assert_eq!(found.groups[0].symbol, "A_RES_99_1");
//! assert_eq!(found.groups[0].hits[0].reference, "A_RES_99_1, PP 1");
//! ```
//!
//! Layout of a library folder: `library.json` (format version, import roots) and `index/`
//! (tantivy). Every imported file, paragraph, resolution record and metadata row is one
//! tantivy document, so one commit makes an import step visible atomically; a killed import
//! leaves the last commit intact.

mod diff;
mod error;
mod highlight;
mod import;
mod library;
mod manifest;
mod metadata;
mod precedent;
mod prepare;
mod query;
mod register;
mod schema;
mod search;
mod stats;
mod symbols;
mod walk;
mod write;

pub use diff::DiffOp;
pub use error::{LibraryError, Result};
pub use import::{FileFailure, ImportSummary, Progress};
pub use library::{Library, Rebuilt};
pub use manifest::{Manifest, FORMAT_VERSION};
pub use precedent::{Lineage, Occurrence, Precedent, Precedents};
pub use search::{Hit, SearchGroup, SearchRequest, SearchResults};
pub use stats::{Counts, Stats};

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
//! # For front ends (the `resolute` command line, the app)
//!
//! | command (DESIGN.md §3) | call | output |
//! |---|---|---|
//! | `library add PATH...` | [`Library::open`], then [`Library::import`] with a progress callback ([`Progress`]: files done/total, bytes, files/s, ETA) | [`ImportSummary`]; list `failed` (path + reason) |
//! | `library stats` | [`Library::stats`] | [`Stats`] (by body, by year) |
//! | `search QUERY [--body --from --to --kind --limit]` | [`Library::search`] with a [`SearchRequest`] | one JSON line per [`Hit`] of [`SearchResults::hits`]; groups in [`SearchResults::groups`] |
//! | `precedent TEXT [--limit]` | [`Library::precedent`] | one JSON line per [`Precedent`] (the hit's fields plus `diff`); [`Precedents::lineage`] |
//! | `check FILE --library DIR` | `&library` as `&dyn resolute_check::Register` | |
//!
//! After [`Library::open`], [`Library::rebuilt`] tells whether an older or damaged index was
//! rebuilt (say so to the user). Query syntax: words are stemmed and all required,
//! `"quoted phrases"` are exact, `OR` joins two items, `-word` / `NOT word` excludes.
//! Paragraph `kind` is "preambular", "operative", "annex" (a paragraph of an annex the
//! resolution adopts) or "statement" (a paragraph of a presidential statement);
//! `highlight` marks matches with `**` (plain text, never HTML).
//!
//! Layout of a library folder: `library.json` (format version, import roots) and `index/`
//! (tantivy). Every imported file, paragraph, resolution record and metadata row is one
//! tantivy document, so one commit makes an import step visible atomically; a killed import
//! leaves the last commit intact.

pub mod compilation;
mod diff;
mod error;
mod highlight;
mod import;
mod library;
mod manifest;
mod metadata;
mod openings;
mod pack;
mod pairs;
mod precedent;
mod prepare;
mod query;
mod readonly;
mod register;
mod schema;
mod search;
mod stats;
mod symbols;
mod walk;
mod write;

pub use diff::DiffOp;
pub use error::{LibraryError, Result};
pub use import::{FileFailure, ImportSummary, Progress, READER_VERSION};
pub use library::{Library, Rebuilt};
pub use manifest::{Manifest, FORMAT_VERSION};
pub use metadata::Adoption;
pub use pack::{is_pack, PackAdded, PackFile, PackManifest, PackSummary, PACK_FORMAT};
pub use precedent::{Lineage, Occurrence, Precedent, Precedents};
pub use search::{Hit, SearchGroup, SearchRequest, SearchResults, YearUsage};
pub use stats::{Counts, Stats};

//! Style rules and citation verification for UN resolutions.
//!
//! The checker reports [`Diagnostic`]s as data: the command line prints them, the editor
//! underlines them. Citation verification asks a [`Register`] ("does resolution 61/208 exist,
//! when was it adopted, how many operative paragraphs has it?"), so this crate never depends
//! on the full-text index; [`MemoryRegister`] is a simple in-memory implementation.
//!
//! ```
//! use resolute_check::{check_structure, Severity};
//! use resolute_draft::{Draft, Kind, Paragraph, Span};
//!
//! let src = "1. Requests the Secretary-General to report";
//! let para = Paragraph {
//!     kind: Kind::Operative,
//!     number: Some(1),
//!     opening: Some("Requests".into()),
//!     text: "Requests the Secretary-General to report".into(),
//!     markdown: String::new(),
//!     footnote_refs: vec![],
//!     sub: vec![],
//!     span: Span::new(0, src.len()),
//! };
//! let draft = Draft { operative: vec![para], ..Draft::default() };
//! let found = check_structure(src, &draft);
//! assert!(found.iter().any(|d| d.rule == "structure/operative-end"));
//! assert!(found.iter().any(|d| d.severity == Severity::Error));
//! ```

mod diagnostic;
mod register;
mod structure;
mod style;
mod text;

pub use diagnostic::{Diagnostic, Fix, Severity};
pub use register::{register_key, MemoryRegister, Register, RegisterError, Resolution};
pub use structure::check_structure;
pub use style::{check_style, ordinal_words};

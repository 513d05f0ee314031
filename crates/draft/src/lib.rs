//! The resolution document: model, Markdown draft format, numbering and segmentation of
//! plain UN text.
//!
//! Pure: no file system, no clock, no index. Everything takes `&str` and returns values.

pub mod amend;
pub mod compare;
pub mod dates;
pub mod markdown;
pub mod marks;
pub mod model;
pub mod negotiation;
pub mod numerals;
pub mod opening;
pub mod segment;

pub use markdown::{
    format, parse_markdown, read_front_matter, write_front_matter, write_markdown, FormatError,
};
pub use model::{
    Annex, Body, Closing, Draft, Enacting, Footnote, FrontMatter, Kind, Paragraph, Section, Span,
    Subparagraph, MONTHS,
};
pub use segment::{segment, segment_negotiating};

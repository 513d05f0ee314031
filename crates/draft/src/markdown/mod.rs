//! The Markdown draft format (docs/format.md is the normative spec).

mod escape;
mod inline;

pub use escape::escape;

use crate::model::Draft;

/// Why a draft could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    /// The YAML front matter block is malformed.
    #[error("line {line}: front matter: {reason}")]
    FrontMatter {
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// Parses a Markdown draft into the model, keeping byte spans into `src`.
pub fn parse_markdown(src: &str) -> Result<Draft, FormatError> {
    let _ = src;
    Ok(Draft::default())
}

/// Writes a draft in the normalised Markdown form.
pub fn write_markdown(draft: &Draft) -> String {
    let _ = draft;
    String::new()
}

/// Parses, normalises (numbering, emphasis on openings, spacing) and writes a draft.
pub fn format(src: &str) -> Result<String, FormatError> {
    Ok(write_markdown(&parse_markdown(src)?))
}

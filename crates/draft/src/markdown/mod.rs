//! The Markdown draft format (docs/format.md is the normative spec).
//!
//! ```
//! use resolute_draft::markdown::{format, parse_markdown};
//!
//! let src = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n3. Decides to act\n";
//! let draft = parse_markdown(src)?;
//! assert_eq!(draft.operative[0].number, Some(3));
//! assert_eq!(
//!     format(src)?,
//!     "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n"
//! );
//! # Ok::<(), resolute_draft::FormatError>(())
//! ```

mod blocks;
mod build;
mod closing;
mod escape;
mod front;
mod inline;
mod labels;
mod normalize;
mod number;
#[cfg(test)]
mod tests;
mod write;

pub use escape::escape;
pub(crate) use normalize::renumber_and_refer;
pub use number::{renumber, update_references, NumberMap, Renumbering};

use crate::model::{Draft, FrontMatter};

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
    /// The body holds a construct the draft format has no place for, so `format` would lose it.
    #[error("line {line}: {what} is not part of the draft format (see docs/format.md)")]
    Unsupported {
        /// 1-based line where it starts.
        line: usize,
        /// What it is: "HTML", "code or HTML block", "nested list" …
        what: &'static str,
    },
}

/// Parses a Markdown draft into the model, keeping byte spans into `src`.
///
/// Only malformed front matter is an error: any body reads as some draft (constructs the
/// format has no place for read as paragraphs of text).
pub fn parse_markdown(src: &str) -> Result<Draft, FormatError> {
    parse_checked(src).map(|(draft, _)| draft)
}

/// Where a construct outside the draft format starts (byte offset), and what it is.
type Unsupported = (usize, &'static str);

/// Parses, and reports the first construct outside the draft format (offset, what).
fn parse_checked(src: &str) -> Result<(Draft, Option<Unsupported>), FormatError> {
    let (meta, body) = front::read(src)?;
    let blocks = blocks::read(src, body);
    let draft = build::build(src, meta, &blocks);
    let annex_start = draft.annexes.first().map_or(usize::MAX, |a| a.span.start);
    let unsupported = blocks
        .unsupported
        .into_iter()
        .find(|(at, _)| *at < annex_start);
    Ok((draft, unsupported))
}

/// Reads the front matter at the start of `src` alone (the default when there is none), with
/// the byte offset at which the body starts: what an editor needs to change one field.
pub fn read_front_matter(src: &str) -> Result<(FrontMatter, usize), FormatError> {
    front::read(src)
}

/// Writes a front matter block as [`write_markdown`] does (fences, keys in order, final
/// newline); empty when every field is empty.
pub fn write_front_matter(meta: &FrontMatter) -> String {
    front::write(meta)
}

/// Writes a draft in the normalised Markdown form.
pub fn write_markdown(draft: &Draft) -> String {
    write::write(draft)
}

/// Parses, normalises (numbering, internal references, subparagraph labels, emphasis on
/// openings, end punctuation where safe, spacing) and writes a draft.
///
/// Refuses drafts holding constructs the format has no place for (HTML, code blocks, block
/// quotes, nested lists), since writing them back would lose them.
pub fn format(src: &str) -> Result<String, FormatError> {
    let (mut draft, unsupported) = parse_checked(src)?;
    if let Some((at, what)) = unsupported {
        let line = src.get(..at).unwrap_or(src).matches('\n').count() + 1;
        return Err(FormatError::Unsupported { line, what });
    }
    normalize::normalise(&mut draft);
    Ok(write_markdown(&draft))
}

/// Normalises a parsed draft as `format` does and writes it.
pub(crate) fn normalise_and_write(mut draft: Draft) -> String {
    normalize::normalise(&mut draft);
    write_markdown(&draft)
}

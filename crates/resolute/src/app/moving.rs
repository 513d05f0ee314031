//! Moving a paragraph up or down among its siblings, with renumbering.

use super::edit::TextEdit;
use crate::Error;

/// Moves the paragraph under UTF-16 offset `at` above (`up`) or below its neighbour.
pub fn move_paragraph(_text: &str, _at: usize, _up: bool) -> Result<Option<TextEdit>, Error> {
    Ok(None)
}

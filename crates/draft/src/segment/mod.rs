//! Segmentation of plain UN text (as extracted from a UN PDF, or one paragraph per block)
//! into the model.

use crate::model::Draft;

/// Segments the plain text of a UN resolution or draft into the model.
pub fn segment(text: &str) -> Draft {
    let _ = text;
    Draft::default()
}

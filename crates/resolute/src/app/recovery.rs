//! Autosave and crash recovery.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Error;

/// Autosaved text that differs from the file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// The autosaved text.
    pub text: String,
    /// When it was autosaved, in milliseconds since the Unix epoch.
    pub saved_at: u64,
    /// The draft it belongs to; `None` for an untitled draft.
    pub path: Option<PathBuf>,
}

/// Autosaves `text`.
pub fn autosave(_state_dir: &Path, _draft_path: Option<&Path>, _text: &str) -> Result<(), Error> {
    Ok(())
}

/// The autosaved text of a draft when it differs from the file.
pub fn recovery(_state_dir: &Path, _draft_path: Option<&Path>) -> Option<Recovery> {
    None
}

/// Forgets the autosaved text of a draft.
pub fn discard_recovery(_state_dir: &Path, _draft_path: Option<&Path>) -> Result<(), Error> {
    Ok(())
}

/// Every autosaved text waiting to be recovered.
pub fn pending_recoveries(_state_dir: &Path) -> Vec<Recovery> {
    Vec::new()
}

//! Opening, importing and saving drafts, recent files, and where the app keeps its state.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Error;

/// A draft opened in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenedDraft {
    /// Where Save writes; `None` for an imported document (Save asks for a name).
    pub path: Option<PathBuf>,
    /// The name to show (and to suggest for Save As): "draft.md".
    pub name: String,
    /// The draft text.
    pub text: String,
    /// Whether the text was converted from another format.
    pub imported: bool,
}

/// The recent files list as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recent {
    /// Most recent first.
    pub files: Vec<PathBuf>,
}

/// Opens a draft or imports a document.
pub fn open_draft(path: &Path) -> Result<OpenedDraft, Error> {
    Err(Error::NotFound {
        path: path.to_path_buf(),
    })
}

/// Saves atomically.
pub fn save_draft(path: &Path, text: &str) -> Result<(), Error> {
    crate::write_atomic(path, text.as_bytes()).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        action: "cannot write",
        source,
    })
}

/// The state folder.
pub fn state_dir() -> PathBuf {
    PathBuf::from(".")
}

/// Recent files.
pub fn recent(_state_dir: &Path) -> Vec<PathBuf> {
    Vec::new()
}

/// Records a file as just used.
pub fn remember(_state_dir: &Path, _path: &Path) -> Result<(), Error> {
    Ok(())
}

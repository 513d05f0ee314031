//! The drafter's choices that outlive a session (today: document or source view), kept in
//! the state folder beside the recent files.

use std::path::Path;

use serde::{Deserialize, Serialize};

const FILE: &str = "settings.json";

/// How the editor shows the draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditorView {
    /// The draft as the document it becomes: masthead fields, no markup (the default).
    #[default]
    Document,
    /// The Markdown source.
    Source,
}

/// Settings saved in the state folder. Unknown or missing fields take their defaults, so an
/// older or newer file never stops the app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The editor's view.
    pub view: EditorView,
}

/// The settings saved in `state_dir`; the defaults when there are none or they do not read.
pub fn load_settings(state_dir: &Path) -> Settings {
    std::fs::read_to_string(state_dir.join(FILE))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Saves the settings atomically in `state_dir`.
pub fn save_settings(state_dir: &Path, settings: &Settings) -> Result<(), crate::Error> {
    save_state(state_dir, FILE, settings)
}

/// Writes `value` as JSON to `file` in `state_dir` (created when missing), atomically.
pub(crate) fn save_state<T: Serialize>(
    state_dir: &Path,
    file: &str,
    value: &T,
) -> Result<(), crate::Error> {
    let path = state_dir.join(file);
    let io = |source| crate::Error::Io {
        path: path.clone(),
        action: "cannot write",
        source,
    };
    std::fs::create_dir_all(state_dir).map_err(io)?;
    let json = serde_json::to_string(value).map_err(|e| io(std::io::Error::other(e)))?;
    crate::write_atomic(&path, json.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_survives_a_restart_and_a_damaged_file_gives_the_document_view() {
        let dir = std::env::temp_dir().join(format!("resolute-settings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(load_settings(&dir).view, EditorView::Document);
        save_settings(
            &dir,
            &Settings {
                view: EditorView::Source,
            },
        )
        .unwrap();
        assert_eq!(load_settings(&dir).view, EditorView::Source);
        std::fs::write(dir.join(FILE), "{\"view\": \"sou").unwrap();
        assert_eq!(load_settings(&dir).view, EditorView::Document);
        std::fs::write(dir.join(FILE), "{\"view\": \"source\", \"later\": 1}").unwrap();
        assert_eq!(load_settings(&dir).view, EditorView::Source);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

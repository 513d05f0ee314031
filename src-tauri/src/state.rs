//! What the shell keeps between commands: the draft named on the command line, the state
//! folder (recent files, autosaves) and the open library.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use resolute::library::library_dir;
use resolute::library::Library;

/// Shared by every command.
#[derive(Debug)]
pub struct AppState {
    /// The draft each window opens when it starts, by window label (the first path of the
    /// command line for the main window, one path for each window opened later).
    initial: Mutex<HashMap<String, PathBuf>>,
    /// Windows whose page has started (asked for its start-up draft): only those can answer
    /// a close request; one still loading closes at once (it holds no work yet).
    started: Mutex<HashSet<String>>,
    /// Recent files and autosaves (`resolute::app::state_dir`).
    pub state_dir: PathBuf,
    /// Where the library lives (`$RESOLUTE_LIBRARY` or the platform data folder).
    pub library_dir: PathBuf,
    library: Mutex<Option<Library>>,
}

impl AppState {
    /// State for a session that opens `initial` first.
    pub fn new(initial: Option<PathBuf>) -> Self {
        AppState {
            // Absolute, so the recent-files list and the autosave name do not depend on the
            // folder the app was started from.
            initial: Mutex::new(
                initial
                    .map(|p| (crate::windows::MAIN.to_string(), absolute(&p)))
                    .into_iter()
                    .collect(),
            ),
            started: Mutex::new(HashSet::new()),
            state_dir: resolute::app::state_dir(),
            library_dir: library_dir(None),
            library: Mutex::new(None),
        }
    }

    /// The draft the window `label` opens at start-up.
    pub fn initial_for(&self, label: &str) -> Option<PathBuf> {
        self.initial
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(label)
            .cloned()
    }

    /// Records that the page of window `label` has started.
    pub fn mark_started(&self, label: &str) {
        self.started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(label.to_string());
    }

    /// Whether the page of window `label` has started.
    pub fn has_started(&self, label: &str) -> bool {
        self.started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(label)
    }

    /// Names the draft the window `label` will open when it starts.
    pub fn set_initial(&self, label: &str, path: &Path) {
        self.initial
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(label.to_string(), absolute(path));
    }

    /// Opens the library if one exists; the app works without one (citations unverified).
    pub fn open_library(&self) {
        let opened = if self.library_dir.join("library.json").is_file() {
            Library::open(&self.library_dir)
                .map_err(|e| eprintln!("resolute-app: library {}: {e}", self.library_dir.display()))
                .ok()
        } else {
            None
        };
        *self.library() = opened;
    }

    /// Where a native file dialog starts: the folder of `near` (the draft, or the most
    /// recent one), else the home folder. GTK's own default, "Recent", ignores typed paths.
    pub fn dialog_folder(&self, near: Option<&Path>) -> PathBuf {
        let recent = resolute::app::recent(&self.state_dir).into_iter().next();
        near.map(Path::to_path_buf)
            .or(recent)
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("/"))
    }

    /// The open library, if any. A poisoned lock (a panic in another command) still gives
    /// the library: it is only read through this guard.
    pub fn library(&self) -> MutexGuard<'_, Option<Library>> {
        self.library.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Absolute, so the recent-files list and the autosave name do not depend on the folder the
/// app was started from.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

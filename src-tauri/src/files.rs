//! File commands: the start-up file, native Open/Save As dialogs, atomic saves, recent files,
//! autosave and crash recovery, quitting.

use std::path::{Path, PathBuf};

use resolute::app::{self, OpenedDraft, Recovery};
use serde::Serialize;
use tauri::{State, Window};

use crate::{AppState, CmdResult};

/// The native Open dialog for one file of `kind` (`extensions`), starting in the usual
/// folder; None when cancelled.
pub(crate) async fn pick_file(
    state: &AppState,
    window: &Window,
    title: &str,
    kind: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_title(title)
        .set_directory(state.dialog_folder(None))
        .add_filter(kind, extensions)
        .set_parent(window)
        .pick_file()
        .await
        .map(|f| f.path().to_path_buf())
}

/// What the window needs when it starts.
#[derive(Debug, Serialize)]
pub struct Startup {
    /// The draft named on the command line, opened.
    file: Option<OpenedDraft>,
    /// Its error, when it could not be opened (the window still starts, empty).
    error: Option<resolute::ErrorBody>,
    /// Autosaved texts left by a session that did not end cleanly.
    recoveries: Vec<Recovery>,
    /// Recently opened drafts, most recent first.
    recent: Vec<PathBuf>,
    /// The drafter's settings (the editor's view).
    settings: app::Settings,
}

/// The draft from the command line, pending recoveries and recent files.
#[tauri::command]
pub fn startup(state: State<'_, AppState>, window: Window) -> Startup {
    state.mark_started(window.label());
    let opened = state.initial_for(window.label()).map(|p| open(&state, &p));
    let (file, error) = match opened {
        Some(Ok(f)) => (Some(f), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let recoveries = app::pending_recoveries(&state.state_dir);
    Startup {
        file,
        error,
        recoveries,
        recent: app::recent(&state.state_dir),
        settings: app::load_settings(&state.state_dir),
    }
}

fn open(state: &AppState, path: &Path) -> CmdResult<OpenedDraft> {
    let opened = app::open_draft(path).map_err(|e| e.body())?;
    if opened.path.is_some() {
        log_failure(app::remember(&state.state_dir, path));
    }
    Ok(opened)
}

/// Native Open dialog: drafts (.md) and importable documents. None when cancelled.
#[tauri::command]
pub async fn open_dialog(
    state: State<'_, AppState>,
    window: Window,
) -> CmdResult<Option<OpenedDraft>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Open a draft or a document")
        .set_directory(state.dialog_folder(None))
        .add_filter(
            "Drafts and documents",
            &["md", "docx", "pdf", "xml", "html", "htm", "txt"],
        )
        .add_filter("Resolute drafts", &["md"])
        .set_parent(&window)
        .pick_file()
        .await;
    match picked {
        Some(file) => open(&state, file.path()).map(Some),
        None => Ok(None),
    }
}

/// Book-keeping (recent files, stale autosaves) must not fail a save: its errors are logged.
fn log_failure(result: Result<(), resolute::Error>) {
    if let Err(e) = result {
        eprintln!("resolute-app: {}", e.message());
    }
}

/// Opens a known path (recent files, recovery).
#[tauri::command]
pub fn open_path(state: State<'_, AppState>, path: PathBuf) -> CmdResult<OpenedDraft> {
    open(&state, &path)
}

/// Saves atomically, forgets the autosave, remembers the file.
#[tauri::command]
pub fn save(state: State<'_, AppState>, path: PathBuf, text: String) -> CmdResult<()> {
    app::save_draft(&path, &text).map_err(|e| e.body())?;
    log_failure(app::discard_recovery(&state.state_dir, Some(&path)));
    log_failure(app::remember(&state.state_dir, &path));
    Ok(())
}

/// Native Save As dialog; returns the chosen path (already saved) or None when cancelled.
#[tauri::command]
pub async fn save_as_dialog(
    state: State<'_, AppState>,
    window: Window,
    name: String,
    text: String,
    previous: Option<PathBuf>,
) -> CmdResult<Option<PathBuf>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Save the draft as")
        .set_directory(state.dialog_folder(previous.as_deref()))
        .set_file_name(&name)
        .add_filter("Resolute drafts", &["md"])
        .set_parent(&window)
        .save_file()
        .await;
    let Some(file) = picked else { return Ok(None) };
    let path = file.path().to_path_buf();
    save(state.clone(), path.clone(), text)?;
    log_failure(app::discard_recovery(&state.state_dir, previous.as_deref()));
    Ok(Some(path))
}

/// Writes the unsaved text to the autosave folder (atomic); called at most once a second.
#[tauri::command]
pub fn autosave(state: State<'_, AppState>, path: Option<PathBuf>, text: String) -> CmdResult<()> {
    app::autosave(&state.state_dir, path.as_deref(), &text).map_err(|e| e.body())
}

/// Forgets an autosave (after the user restored or discarded it).
#[tauri::command]
pub fn discard_recovery(state: State<'_, AppState>, path: Option<PathBuf>) -> CmdResult<()> {
    app::discard_recovery(&state.state_dir, path.as_deref()).map_err(|e| e.body())
}

/// A new draft from the welcome view's form (organ, session, agenda item, title, sponsors).
#[tauri::command]
pub fn new_draft(form: app::NewDraft) -> String {
    app::new_draft(&form)
}

/// The sample draft shipped with the app, as an untitled copy.
#[tauri::command]
pub fn sample() -> OpenedDraft {
    app::sample_draft()
}

/// Recently opened drafts, most recent first.
#[tauri::command]
pub fn recent(state: State<'_, AppState>) -> Vec<PathBuf> {
    app::recent(&state.state_dir)
}

/// Closes the window for good (the web view has already asked about unsaved work); the main
/// window's size and place are kept for the next run.
#[tauri::command]
pub fn quit(state: State<'_, AppState>, window: Window) -> CmdResult<()> {
    crate::windows::save_place(&window, &state.state_dir);
    window.destroy().map_err(|e| resolute::ErrorBody {
        code: "internal",
        message: e.to_string(),
    })
}

//! "Apply an amendment…": the native dialog that picks the amendment document, and the
//! preview and application, which `resolute::app` computes.

use std::path::PathBuf;

use resolute::app::{self, AmendmentView, TextEdit};
use tauri::{State, Window};

use crate::{AppState, CmdResult};

/// Native Open dialog for an amendment document. None when cancelled.
#[tauri::command]
pub async fn amendment_dialog(
    state: State<'_, AppState>,
    window: Window,
) -> CmdResult<Option<PathBuf>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Open an amendment")
        .set_directory(state.dialog_folder(None))
        .add_filter("Amendments", &["pdf", "docx", "txt", "md"])
        .set_parent(&window)
        .pick_file()
        .await;
    Ok(picked.map(|f| f.path().to_path_buf()))
}

/// Each instruction of the amendment with its outcome and effect on `text`.
#[tauri::command]
pub fn amendment_preview(text: String, path: PathBuf, force: bool) -> CmdResult<AmendmentView> {
    app::preview_amendment(&text, &path, force).map_err(|e| e.body())
}

/// `base` (the draft the amendment was opened on) with the instructions `only` applied, as
/// one edit of `current`.
#[tauri::command]
pub fn amendment_apply(
    base: String,
    current: String,
    path: PathBuf,
    force: bool,
    only: Vec<usize>,
) -> CmdResult<Option<TextEdit>> {
    app::apply_amendment(&base, &current, &path, force, &only).map_err(|e| e.body())
}

//! "Apply an amendment…": the native dialog that picks the amendment document, and the
//! preview and application, which `resolute::app` computes.

use std::path::PathBuf;

use resolute::app::{self, AmendmentView, TextEdit};
use tauri::{State, Window};

use crate::files::pick_file;
use crate::{AppState, CmdResult};

/// Native Open dialog for an amendment document. None when cancelled.
#[tauri::command]
pub async fn amendment_dialog(
    state: State<'_, AppState>,
    window: Window,
) -> CmdResult<Option<PathBuf>> {
    let kinds = ["pdf", "docx", "txt", "md"];
    Ok(pick_file(&state, &window, "Open an amendment", "Amendments", &kinds).await)
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

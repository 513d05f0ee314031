//! "Compare with a previous round…": the native dialog that picks the round, then
//! `resolute::app` reads it and compares it with the draft.

use std::path::PathBuf;

use resolute::app::{self, PreviousRound, RoundProgressView};
use tauri::{State, Window};

use crate::files::pick_file;
use crate::{AppState, CmdResult};

/// Native Open dialog for a previous round. None when cancelled.
#[tauri::command]
pub async fn previous_round_dialog(
    state: State<'_, AppState>,
    window: Window,
) -> CmdResult<Option<PathBuf>> {
    let kinds = ["md", "docx", "pdf", "txt"];
    Ok(pick_file(
        &state,
        &window,
        "Open the previous round",
        "Negotiating texts",
        &kinds,
    )
    .await)
}

/// The previous round in the draft format.
#[tauri::command]
pub fn previous_round(path: PathBuf) -> CmdResult<PreviousRound> {
    app::previous_round(&path).map_err(|e| e.body())
}

/// What moved between the previous round and the draft.
#[tauri::command]
pub fn round_progress(previous: String, text: String) -> Option<RoundProgressView> {
    app::round_progress(&previous, &text)
}

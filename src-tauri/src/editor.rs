//! Editor commands: analysis (labels, outline, diagnostics), phrase completion, moving
//! paragraphs, formatting. Offsets are UTF-16 code units, as the editor counts them.

use resolute::app::{self, Analysis, Completions, Header, ParagraphAt, PhraseItem, TextEdit};
use tauri::State;

use crate::{AppState, CmdResult};

/// Labels, outline, diagnostics, openings and citations of the editor's text.
#[tauri::command]
pub fn analyze(state: State<'_, AppState>, text: String) -> Analysis {
    let library = state.library();
    let register = library.as_ref().map(|l| l as &dyn resolute_check::Register);
    app::analyze(&text, register)
}

/// Opening phrases to complete at `at`, ranked by how often the library uses them.
#[tauri::command]
pub fn completions(
    state: State<'_, AppState>,
    text: String,
    at: usize,
    limit: usize,
) -> Completions {
    app::completions(&text, at, state.library().as_ref(), limit)
}

/// The whole catalogue of one kind ("preambular", "operative") or of both.
#[tauri::command]
pub fn catalogue(kind: Option<String>) -> Vec<PhraseItem> {
    app::catalogue(kind.as_deref())
}

/// Moves the paragraph under the cursor up or down and renumbers.
#[tauri::command]
pub fn move_paragraph(text: String, at: usize, up: bool) -> CmdResult<Option<TextEdit>> {
    app::move_paragraph(&text, at, up).map_err(|e| e.body())
}

/// Formats the draft (renumbering, emphasis, punctuation) as one edit.
#[tauri::command]
pub fn format_text(text: String) -> CmdResult<Option<TextEdit>> {
    app::format_text(&text).map_err(|e| e.body())
}

/// Text pasted from a UN PDF or Word read into paragraphs, as one edit; `None`: paste as is.
#[tauri::command]
pub fn paste_text(text: String, from: usize, to: usize, clipboard: String) -> Option<TextEdit> {
    app::paste_text(&text, from, to, &clipboard)
}

/// A Word document's HTML, made draft Markdown by the editor, pasted as paragraphs.
#[tauri::command]
pub fn paste_markdown(text: String, from: usize, to: usize, clipboard: String) -> Option<TextEdit> {
    app::paste_markdown(&text, from, to, &clipboard)
}

/// The paragraph under the cursor, for the precedent search.
#[tauri::command]
pub fn paragraph_at(text: String, at: usize) -> Option<ParagraphAt> {
    app::paragraph_at(&text, at)
}

/// Puts adopted wording in place of the paragraph's own text, keeping number and marks.
#[tauri::command]
pub fn replace_wording(text: String, at: usize, wording: String) -> Option<TextEdit> {
    app::replace_wording(&text, at, &wording)
}

/// Keeps the alternative under the cursor ("keep"), none of its group ("none"), or only drops
/// the brackets around it ("unwrap").
#[tauri::command]
pub fn resolve_bracket(text: String, at: usize, how: String) -> Option<TextEdit> {
    app::resolve_bracket(&text, at, app::Resolve::parse(&how)?)
}

/// Sets the status of the paragraph under the cursor ("agreed ad ref", "pending", "deleted"),
/// or clears it (null).
#[tauri::command]
pub fn set_status(text: String, at: usize, status: Option<String>) -> Option<TextEdit> {
    app::set_status(&text, at, status.as_deref())
}

/// A new paragraph after the one under the cursor, with the next free "bis"/"ter" label.
#[tauri::command]
pub fn insert_paragraph(text: String, at: usize) -> Option<TextEdit> {
    app::insert_paragraph(&text, at)
}

/// Writes the masthead fields of the document view into the front matter, as one edit.
#[tauri::command]
pub fn set_header(text: String, header: Header) -> Option<TextEdit> {
    app::set_header(&text, &header)
}

/// Remembers the drafter's settings (the editor's view) for the next start.
#[tauri::command]
pub fn save_settings(state: State<'_, AppState>, settings: app::Settings) -> CmdResult<()> {
    app::save_settings(&state.state_dir, &settings).map_err(|e| e.body())
}

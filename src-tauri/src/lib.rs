//! The Resolute desktop shell. Each `#[tauri::command]` only translates: arguments from the
//! web view in, a call to `resolute::app` (or `resolute::library`), the result or an
//! `{code, message}` error out. Native dialogs (rfd) and window events live here because they
//! need the window; everything else is in `crates/resolute`, tested without a desktop.

mod bench;
mod editor;
mod files;
mod library;
mod state;

use tauri::{Emitter, Manager, WindowEvent};

pub use state::AppState;

/// An error as the web view receives it: `{code, message}`.
type CmdResult<T> = Result<T, resolute::ErrorBody>;

/// Starts the app. `context` comes from `tauri::generate_context!()` in main.rs (expanded in
/// one place only: see docs/architecture.md on builds).
pub fn run(context: tauri::Context<tauri::Wry>) -> tauri::Result<()> {
    prefer_lean_rendering();
    let initial = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    tauri::Builder::default()
        .manage(AppState::new(initial))
        .invoke_handler(tauri::generate_handler![
            bench::startup_report,
            editor::analyze,
            editor::completions,
            editor::catalogue,
            editor::move_paragraph,
            editor::format_text,
            editor::paragraph_at,
            editor::replace_wording,
            editor::resolve_bracket,
            editor::set_status,
            editor::insert_paragraph,
            files::startup,
            files::open_dialog,
            files::open_path,
            files::save,
            files::save_as_dialog,
            files::autosave,
            files::discard_recovery,
            files::recent,
            files::quit,
            library::library_info,
            library::search,
            library::precedent,
            library::citation_card,
            library::resolution_text,
            library::import_folder,
        ])
        .on_window_event(|window, event| {
            // The web view decides: it knows whether the draft is dirty and asks the user,
            // then calls `quit`.
            if let WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                let _ = window.emit("close-requested", ());
            }
        })
        .setup(|app| {
            let state = app.state::<AppState>();
            state.open_library();
            Ok(())
        })
        .run(context)
}

/// A text editor gains nothing from WebKitGTK's accelerated compositing, which costs about
/// 90 MiB in the web process (measured: docs/benchmarks.md, Desktop app). Set before any
/// thread starts; `RESOLUTE_GPU_COMPOSITING=1`, or an explicit WEBKIT_DISABLE_COMPOSITING_MODE,
/// keeps WebKit's own choice.
fn prefer_lean_rendering() {
    let keep = std::env::var_os("RESOLUTE_GPU_COMPOSITING").is_some_and(|v| v == "1");
    if !keep && std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

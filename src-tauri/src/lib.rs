//! The Resolute desktop shell. Each `#[tauri::command]` only translates: arguments from the
//! web view in, a call to `resolute::app` (or `resolute::library`), the result or an
//! `{code, message}` error out. Native dialogs (rfd) and window events live here because they
//! need the window; everything else is in `crates/resolute`, tested without a desktop.

mod amend;
mod bench;
mod editor;
mod files;
mod library;
mod print;
mod rounds;
mod state;
mod windows;

use tauri::{Emitter, Manager, RunEvent, WindowEvent};

pub use state::AppState;

/// An error as the web view receives it: `{code, message}`.
type CmdResult<T> = Result<T, resolute::ErrorBody>;

/// Starts the app. `context` comes from `tauri::generate_context!()` in main.rs (expanded in
/// one place only: see docs/architecture.md on builds).
pub fn run(context: tauri::Context<tauri::Wry>) -> tauri::Result<()> {
    prefer_lean_rendering();
    let paths: Vec<std::path::PathBuf> = std::env::args_os()
        .skip(1)
        .map(std::path::PathBuf::from)
        .collect();
    let mut builder = tauri::Builder::default();
    // A session with its own state folder (the end-to-end tests run windows side by side
    // that way) is an instance of its own; otherwise a second launch hands its files over.
    if std::env::var_os("RESOLUTE_STATE_DIR").is_none_or(|v| v.is_empty()) {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            windows::open_paths(app, &resolute::app::launch_paths(&argv, &cwd));
        }));
    }
    let app = builder
        .manage(AppState::new(paths.first().cloned()))
        .invoke_handler(tauri::generate_handler![
            amend::amendment_dialog,
            amend::amendment_preview,
            amend::amendment_apply,
            bench::startup_report,
            editor::analyze,
            editor::completions,
            editor::catalogue,
            editor::move_paragraph,
            editor::format_text,
            editor::paste_text,
            editor::paste_markdown,
            editor::paragraph_at,
            editor::replace_wording,
            editor::resolve_bracket,
            editor::set_status,
            editor::insert_paragraph,
            editor::set_header,
            editor::save_settings,
            files::startup,
            files::open_dialog,
            files::open_path,
            files::save,
            files::save_as_dialog,
            files::autosave,
            files::discard_recovery,
            files::recent,
            files::new_draft,
            files::sample,
            files::quit,
            library::library_info,
            library::search,
            library::usage_by_year,
            library::precedent,
            library::citation_card,
            library::resolution_text,
            library::import_folder,
            library::open_library_pack,
            library::export_library_pack,
            print::print_document,
            print::print_native,
            print::print_dialog,
            print::print_pdf_dialog,
            rounds::previous_round_dialog,
            rounds::previous_round,
            rounds::round_progress,
        ])
        .on_window_event(|window, event| {
            // The web view decides: it knows whether the draft is dirty and asks the user,
            // then calls `quit`. Only this window is asked.
            // A window whose page has not started yet holds no work and closes at once.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if window.state::<AppState>().has_started(window.label()) {
                    api.prevent_close();
                    let _ = window.emit_to(window.label(), "close-requested", ());
                }
            }
        })
        .setup(move |app| {
            let state = app.state::<AppState>();
            state.open_library();
            if let Some(main) = app.get_webview_window(windows::MAIN) {
                windows::restore_place(&main, &state.state_dir);
            }
            // Every path after the first opens in a window of its own.
            if let Some(more) = paths.get(1..).filter(|m| !m.is_empty()) {
                windows::open_paths(app.handle(), more);
            }
            Ok(())
        })
        .build(context)?;
    app.run(|app, event| match event {
        // Quitting the app (Cmd+Q, the dock) asks every window about its unsaved work first;
        // the app ends when the last window has closed (then no window is left to ask).
        RunEvent::ExitRequested {
            api, code: None, ..
        } if !app.webview_windows().is_empty() => {
            api.prevent_exit();
            windows::ask_every_window_to_close(app);
        }
        // macOS passes the files to open as an event, not as arguments.
        #[cfg(any(target_os = "macos", target_os = "ios"))]
        RunEvent::Opened { urls } => {
            let paths: Vec<_> = urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
            windows::open_paths(app, &paths);
        }
        _ => {}
    });
    Ok(())
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

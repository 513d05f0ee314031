//! Windows: one per draft the desktop asks the app to open (several paths on the command
//! line, a second launch, macOS "open documents" events), the main window's size and place
//! kept between runs, and quitting through every window's unsaved-changes prompt.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use resolute::app::{load_window_place, save_window_place, WindowPlace};
use tauri::{AppHandle, Emitter, Manager, PhysicalPosition, PhysicalSize, WebviewWindow};

use crate::AppState;

/// The window the app starts with (its label in tauri.conf.json).
pub const MAIN: &str = "main";

/// Opens each path in a window of its own; with none, brings a window to the front.
pub fn open_paths(app: &AppHandle, paths: &[PathBuf]) {
    if paths.is_empty() {
        if let Some(w) = app.webview_windows().values().next() {
            let _ = w.unminimize();
            let _ = w.set_focus();
        }
        return;
    }
    for path in paths {
        if let Err(e) = open_window(app, path) {
            eprintln!(
                "resolute-app: cannot open a window for {}: {e}",
                path.display()
            );
        }
    }
}

fn open_window(app: &AppHandle, path: &Path) -> tauri::Result<WebviewWindow> {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let label = format!("draft-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    app.state::<AppState>().set_initial(&label, path);
    let mut config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN)
        .cloned()
        .unwrap_or_default();
    config.label = label;
    let window = tauri::WebviewWindowBuilder::from_config(app, &config)?.build()?;
    let _ = window.set_focus();
    Ok(window)
}

/// Puts the main window where it was when the app last closed, if a monitor still shows it.
pub fn restore_place(window: &WebviewWindow, state_dir: &Path) {
    let Some(saved) = load_window_place(state_dir) else {
        return;
    };
    let monitors: Vec<_> = window
        .available_monitors()
        .unwrap_or_default()
        .iter()
        .map(|m| {
            let (p, s) = (m.position(), m.size());
            (p.x, p.y, s.width, s.height)
        })
        .collect();
    let Some(place) = saved.restorable(&monitors) else {
        return;
    };
    let _ = window.set_size(PhysicalSize::new(place.width, place.height));
    let _ = window.set_position(PhysicalPosition::new(place.x, place.y));
    if place.maximized {
        let _ = window.maximize();
    }
}

/// Remembers the main window's size and place (called as it closes).
pub fn save_place(window: &tauri::Window, state_dir: &Path) {
    if window.label() != MAIN {
        return;
    }
    let maximized = window.is_maximized().unwrap_or(false);
    let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else {
        return;
    };
    let place = WindowPlace {
        x: pos.x,
        y: pos.y,
        width: size.width,
        height: size.height,
        maximized,
    };
    if let Err(e) = save_window_place(state_dir, &place) {
        eprintln!("resolute-app: {e}");
    }
}

/// Quitting the app (Ctrl+Q, Cmd+Q, the dock's Quit): each window asks about its unsaved
/// work and closes itself; the app ends with the last one.
pub fn ask_every_window_to_close(app: &AppHandle) {
    for (label, _) in app.webview_windows() {
        let _ = app.emit_to(label.as_str(), "close-requested", ());
    }
}

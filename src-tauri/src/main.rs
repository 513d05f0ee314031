// No console window on Windows release builds; a no-op elsewhere.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = resolute_app::run(tauri::generate_context!()) {
        eprintln!("resolute-app: {e}");
        std::process::exit(1);
    }
}

//! Finding what driving the window needs: tauri-driver, WebKitWebDriver, the app binary, the
//! `resolute` CLI and an X display.

use std::path::{Path, PathBuf};

/// The programs and display the tests need, all found.
#[derive(Debug, Clone)]
pub struct Tools {
    /// `tauri-driver` (the WebDriver bridge; `cargo install tauri-driver`).
    pub tauri_driver: PathBuf,
    /// `WebKitWebDriver` (Debian package webkit2gtk-driver).
    pub native_driver: PathBuf,
    /// The app: `target/debug/resolute-app`, or `$RESOLUTE_APP`.
    pub app: PathBuf,
    /// The command line: `resolute` beside the app binary.
    pub cli: PathBuf,
}

impl Tools {
    /// Finds every tool, or says why not.
    pub fn find() -> Result<Tools, String> {
        display()?;
        let tauri_driver = on_path("tauri-driver")
            .or_else(|| home_cargo_bin("tauri-driver"))
            .ok_or("tauri-driver not found (cargo install tauri-driver --version '^2' --locked)")?;
        let native_driver = on_path("WebKitWebDriver")
            .ok_or("WebKitWebDriver not found (apt-get install webkit2gtk-driver)")?;
        let app = std::env::var_os("RESOLUTE_APP")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::target_dir().join("debug/resolute-app"));
        if !app.is_file() {
            return Err(format!(
                "app binary not found at {} (cargo build --workspace --bins --tests)",
                app.display()
            ));
        }
        let cli = app.with_file_name("resolute");
        if !cli.is_file() {
            return Err(format!("resolute CLI not found at {}", cli.display()));
        }
        Ok(Tools {
            tauri_driver,
            native_driver,
            app,
            cli,
        })
    }

    /// Finds every tool; when one is missing, says so loudly (see [`crate::skip`]) and
    /// gives `None`, so the calling test returns and passes.
    pub fn find_or_skip(test: &str) -> Option<Tools> {
        match Tools::find() {
            Ok(tools) => Some(tools),
            Err(reason) => {
                crate::skip(test, &reason);
                None
            }
        }
    }
}

/// An X display that exists: `$DISPLAY` set and, for a local `:N`, its socket present.
fn display() -> Result<(), String> {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    if display.is_empty() {
        return Err("no X display ($DISPLAY unset): run under xvfb-run -a".into());
    }
    let number = display
        .strip_prefix(':')
        .and_then(|rest| rest.split('.').next())
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if let Some(n) = number {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        if !socket.exists() {
            return Err(format!(
                "DISPLAY={display} but {} is missing",
                socket.display()
            ));
        }
    }
    Ok(())
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn home_cargo_bin(name: &str) -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let p = home.join("bin").join(name);
    is_executable(&p).then_some(p)
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

//! What lies outside WebDriver's reach: native GTK dialogs (driven with xdotool, as a user
//! would with the keyboard) and the app process itself (has it exited?).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::{App, Error};

/// Runs xdotool with `args` (at most 15 s); None when xdotool is not installed.
pub fn xdotool(args: &[&str]) -> Option<Result<String, Error>> {
    let out = match std::process::Command::new("timeout")
        .arg("15")
        .arg("xdotool")
        .args(args)
        .output()
    {
        Ok(out) => out,
        Err(e) => return Some(Err(Error::io("running xdotool", e))),
    };
    if out.status.code() == Some(127) {
        return None;
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Some(Err(Error::Tool(format!("xdotool {args:?} failed: {err}"))));
    }
    Some(Ok(String::from_utf8_lossy(&out.stdout).trim().to_string()))
}

/// Fills the native GTK dialog titled `title` with `path` through X events: focus it (there
/// is no window manager under Xvfb to do so), press each of `before` (an Open dialog needs
/// `ctrl+l` to show its location entry; a Save dialog's name entry has the focus already),
/// type the path over whatever the entry holds (Ctrl+A), then press each of `after` (e.g.
/// `["Return"]`). None when xdotool is missing.
pub fn fill_dialog(
    title: &str,
    path: &Path,
    before: &[&str],
    after: &[&str],
) -> Option<Result<(), Error>> {
    let found = xdotool(&["search", "--sync", "--onlyvisible", "--name", title])?;
    let ids = match found {
        Ok(ids) => ids,
        Err(e) => return Some(Err(e)),
    };
    let id = ids.lines().last().unwrap_or_default().to_string();
    let path = path.display().to_string();
    let mut steps: Vec<Vec<&str>> = vec![vec!["windowfocus", "--sync", &id]];
    let press = |key| vec!["sleep", "0.3", "key", "--clearmodifiers", key];
    steps.extend(before.iter().map(|k| press(k)));
    steps.push(press("ctrl+a"));
    steps.push(vec!["type", "--delay", "10", &path]);
    steps.extend(after.iter().map(|k| press(k)));
    for step in steps {
        if let Some(Err(e)) = xdotool(&step) {
            return Some(Err(e));
        }
    }
    Some(Ok(()))
}

impl App {
    /// Whether the app process still runs under this session's tauri-driver.
    pub fn running(&self) -> bool {
        !crate::procs::app_tree(self.driver.pid()).is_empty()
    }

    /// Waits until the app process has exited (the window closed for good).
    pub async fn wait_exit(&self, seconds: u64) -> Result<(), Error> {
        let start = Instant::now();
        while self.running() {
            if start.elapsed() > crate::patience(seconds) {
                return Err(Error::Timeout {
                    what: "the app to exit".into(),
                    seconds: crate::patience(seconds).as_secs(),
                });
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }
}

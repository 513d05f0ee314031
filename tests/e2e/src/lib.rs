//! Harness for the end-to-end tests and the app benchmark: drives the real Resolute window
//! through tauri-driver and WebKitWebDriver (W3C WebDriver), under an X display (Xvfb in CI).
//!
//! ```no_run
//! # async fn demo() -> Result<(), resolute_e2e::Error> {
//! use resolute_e2e::{App, Launch, Tools};
//! let Some(tools) = Tools::find_or_skip("demo") else { return Ok(()) };
//! let draft = resolute_e2e::fresh_sample("demo")?;
//! let app = App::launch(&tools, "demo", Launch::draft(&draft)).await?;
//! assert!(app.text().await?.contains("*The General Assembly*"));
//! app.finish().await?;
//! # Ok(()) }
//! ```
//!
//! When a tool is missing (tauri-driver, WebKitWebDriver, the app binary, a display), the
//! tests say so loudly on stderr, record it in `target/artefacts/e2e/skipped.txt` and pass;
//! `scripts/test.sh` provides every tool and fails when that file exists or when
//! `target/artefacts/e2e/ran.txt` (written by every session that really ran) is missing.

mod app;
pub mod corpus;
pub mod desktop;
mod driver;
pub mod procs;
mod tools;
pub mod x11;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use app::{session, App, Launch, View};
pub use driver::Driver;
pub use fantoccini::key::Key;
pub use tools::Tools;

/// Everything that can go wrong while driving the app.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or process operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The cause.
        source: std::io::Error,
    },
    /// tauri-driver did not accept a session (the app did not start, or too slowly).
    #[error("cannot start a WebDriver session: {0}")]
    Session(String),
    /// A WebDriver command failed.
    #[error("WebDriver command failed: {0}")]
    Command(#[from] fantoccini::error::CmdError),
    /// A condition in the window did not hold in time.
    #[error("timed out after {seconds} s waiting for {what}")]
    Timeout {
        /// What was awaited.
        what: String,
        /// How long.
        seconds: u64,
    },
    /// A helper program (the CLI, xdotool) failed.
    #[error("{0}")]
    Tool(String),
}

impl Error {
    /// An I/O error with what was being done.
    pub fn io(what: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            what: what.into(),
            source,
        }
    }
}

/// The workspace root (this crate lives in `tests/e2e`).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
}

/// The target folder (shared by the workspace, or `$CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// `target/artefacts/e2e`: screenshots, `ran.txt`, `skipped.txt`, per-test work folders.
pub fn artefacts() -> PathBuf {
    target_dir().join("artefacts").join("e2e")
}

/// A fresh, empty work folder for one test (`target/artefacts/e2e/work/<test>`), kept after
/// the run so a failure can be inspected.
pub fn work_dir(test: &str) -> Result<PathBuf, Error> {
    let dir = artefacts().join("work").join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| Error::io(format!("clearing {}", dir.display()), e))?;
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    Ok(dir)
}

/// A temp copy of `assets/sample/draft.md` in the test's work folder (never the asset itself).
pub fn fresh_sample(test: &str) -> Result<PathBuf, Error> {
    let dir = work_dir(test)?;
    let copy = dir.join("draft.md");
    let sample = workspace_root().join("assets/sample/draft.md");
    std::fs::copy(&sample, &copy)
        .map_err(|e| Error::io(format!("copying {}", sample.display()), e))?;
    Ok(copy)
}

/// The shared corpus (see `resolute_testkit::corpus`: `None` outside CI when absent, a
/// failure under CI).
pub fn corpus_dir() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// Appends a line to a file under `target/artefacts/e2e` (ran.txt, skipped.txt).
fn record(file: &str, line: &str) {
    let dir = artefacts();
    let _ = std::fs::create_dir_all(&dir);
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(file));
    if let Ok(mut f) = opened {
        let _ = writeln!(f, "{line}");
    }
}

/// Records that `test` really started the app (for `scripts/test.sh`'s check); sessions
/// started through [`App`] do it themselves.
pub fn ran(test: &str) {
    record("ran.txt", test);
}

/// Says loudly that a test did not drive the app, and why. Written to the process's stderr
/// directly (not `eprintln!`, which the test harness captures for passing tests) and to
/// `skipped.txt`, which makes `scripts/test.sh` fail.
pub fn skip(test: &str, reason: &str) {
    let banner = "!".repeat(78);
    let _ = writeln!(
        std::io::stderr(),
        "\n{banner}\nresolute-e2e: skipping {test}: {reason}\n{banner}"
    );
    record("skipped.txt", &format!("{test}: {reason}"));
}

/// Says (quietly) that a test needs the corpus, which is absent: corpus tests pass then.
pub fn skip_corpus(test: &str) {
    let at = resolute_testkit::corpus_path();
    let _ = writeln!(
        std::io::stderr(),
        "resolute-e2e: {test}: skipping: corpus not found at {} (set RESOLUTE_CORPUS)",
        at.display()
    );
}

/// How long a wait for `seconds` really lasts. A wait's limit guards against a hang; it is
/// not a measure of speed. A quiet machine needs the stated time; a loaded 2-core machine (a
/// build on the other core) may need several times more, and a condition that holds late is
/// still a pass. Speed is measured by `app-bench`.
pub fn patience(seconds: u64) -> std::time::Duration {
    std::time::Duration::from_secs(seconds.saturating_mul(4))
}

//! Autosave and crash recovery. The editor autosaves at most once a second while the draft
//! is dirty, so a crash loses at most a second of typing; on the next start it offers what
//! was autosaved when that differs from the file on disk.
//!
//! Layout: `<state dir>/autosave/<name>.md` (the text) and `<name>.json` (the draft's path
//! and the time), both written atomically. `<name>` is `untitled` for a draft never saved,
//! else the file's stem and a hash of its absolute path (stable across runs and versions).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::files::{canonical, write_state};
use crate::Error;

/// Folder of the autosaves inside the state folder.
const AUTOSAVE_DIR: &str = "autosave";

/// Autosaved text that differs from the file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recovery {
    /// The autosaved text.
    pub text: String,
    /// When it was autosaved, in milliseconds since the Unix epoch.
    pub saved_at: u64,
    /// The draft it belongs to (absolute); `None` for an untitled draft.
    pub path: Option<PathBuf>,
}

/// The sidecar of an autosave.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Sidecar {
    path: Option<PathBuf>,
    saved_at: u64,
}

/// Autosaves `text`, the current text of the draft at `draft_path` (`None`: untitled).
pub fn autosave(state_dir: &Path, draft_path: Option<&Path>, text: &str) -> Result<(), Error> {
    let (text_file, sidecar_file) = files(state_dir, draft_path);
    write_state(&text_file, text.as_bytes())?;
    let sidecar = Sidecar {
        path: draft_path.map(canonical),
        saved_at: now_ms(),
    };
    write_state(
        &sidecar_file,
        &serde_json::to_vec(&sidecar).unwrap_or_default(),
    )
}

/// The autosaved text of the draft at `draft_path` (`None`: untitled), when there is one and
/// it differs from the file on disk (or the file is gone). An empty untitled autosave is no
/// work to recover.
pub fn recovery(state_dir: &Path, draft_path: Option<&Path>) -> Option<Recovery> {
    let (text_file, sidecar_file) = files(state_dir, draft_path);
    let text = fs::read_to_string(text_file).ok()?;
    let saved_at = fs::read(sidecar_file)
        .ok()
        .and_then(|b| serde_json::from_slice::<Sidecar>(&b).ok())
        .map_or(0, |s| s.saved_at);
    match draft_path {
        Some(p) if same_as_file(p, &text) => None,
        None if text.trim().is_empty() => None,
        _ => Some(Recovery {
            text,
            saved_at,
            path: draft_path.map(canonical),
        }),
    }
}

/// Whether the file at `path` holds `text` (a byte-order mark aside).
fn same_as_file(path: &Path, text: &str) -> bool {
    match fs::read(path) {
        Ok(bytes) => {
            let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            body == text.as_bytes()
        }
        Err(_) => false,
    }
}

/// Forgets the autosave of a draft: after a clean save, or when the user discards it.
pub fn discard_recovery(state_dir: &Path, draft_path: Option<&Path>) -> Result<(), Error> {
    let (text_file, sidecar_file) = files(state_dir, draft_path);
    for file in [sidecar_file, text_file] {
        match fs::remove_file(&file) {
            Err(e) if e.kind() != ErrorKind::NotFound => {
                return Err(Error::Io {
                    path: file,
                    action: "cannot remove",
                    source: e,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Every autosave that differs from its file (untitled drafts included), newest first: what
/// to offer when the app starts after a crash.
pub fn pending_recoveries(state_dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(state_dir.join(AUTOSAVE_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<Recovery> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| serde_json::from_slice::<Sidecar>(&fs::read(p).ok()?).ok())
        .filter_map(|s| recovery(state_dir, s.path.as_deref()))
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.saved_at));
    out
}

/// The text and sidecar files of a draft's autosave.
fn files(state_dir: &Path, draft_path: Option<&Path>) -> (PathBuf, PathBuf) {
    let name = draft_path.map_or_else(|| "untitled".to_string(), stable_name);
    let dir = state_dir.join(AUTOSAVE_DIR);
    (
        dir.join(format!("{name}.md")),
        dir.join(format!("{name}.json")),
    )
}

/// "<stem>-<16 hex digits>": readable, and one per absolute path. FNV-1a, because the
/// standard hasher may change between Rust versions and the name must survive an upgrade.
fn stable_name(path: &Path) -> String {
    let path = canonical(path);
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path.as_os_str().as_encoded_bytes() {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{stem}-{hash:016x}")
}

fn now_ms() -> u64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::TempDir;
    use super::*;

    #[test]
    fn recovery_is_offered_only_when_the_autosave_differs_from_the_file() {
        let state = TempDir::new("rec-state");
        let dir = TempDir::new("rec");
        let draft = dir.file("d.md", "saved text");
        assert!(autosave(state.path(), Some(&draft), "saved text").is_ok());
        assert_eq!(recovery(state.path(), Some(&draft)), None);
        assert!(autosave(state.path(), Some(&draft), "typed after saving – “more”").is_ok());
        let found = recovery(state.path(), Some(&draft));
        assert_eq!(
            found.as_ref().map(|r| r.text.as_str()),
            Some("typed after saving – “more”")
        );
        assert_eq!(
            found.as_ref().and_then(|r| r.path.clone()),
            Some(canonical(&draft))
        );
        assert!(found.is_some_and(|r| r.saved_at > 0));
        // The file is gone: whatever was autosaved is offered.
        assert!(autosave(state.path(), Some(&draft), "saved text").is_ok());
        assert!(fs::remove_file(&draft).is_ok());
        assert!(recovery(state.path(), Some(&draft)).is_some());
        assert!(discard_recovery(state.path(), Some(&draft)).is_ok());
        assert_eq!(recovery(state.path(), Some(&draft)), None);
        assert!(
            discard_recovery(state.path(), Some(&draft)).is_ok(),
            "discarding twice is fine"
        );
    }

    #[test]
    fn untitled_drafts_are_recovered_after_a_crash() {
        let state = TempDir::new("rec-untitled");
        assert!(pending_recoveries(state.path()).is_empty());
        assert!(autosave(state.path(), None, "").is_ok());
        assert_eq!(
            recovery(state.path(), None),
            None,
            "nothing typed, nothing to recover"
        );
        assert!(autosave(state.path(), None, "*Recalling* its resolution 70/1,").is_ok());
        let dir = TempDir::new("rec-untitled-files");
        let other = dir.file("other.md", "on disk");
        assert!(autosave(state.path(), Some(&other), "on disk, edited").is_ok());
        let clean = dir.file("clean.md", "same");
        assert!(autosave(state.path(), Some(&clean), "same").is_ok());
        let pending = pending_recoveries(state.path());
        let mut texts: Vec<&str> = pending.iter().map(|r| r.text.as_str()).collect();
        texts.sort_unstable();
        assert_eq!(
            texts,
            ["*Recalling* its resolution 70/1,", "on disk, edited"]
        );
        assert!(pending.iter().any(|r| r.path.is_none()));
    }

    #[test]
    fn a_failed_autosave_keeps_the_previous_one_whole() {
        let state = TempDir::new("rec-fail");
        assert!(autosave(state.path(), None, "first version").is_ok());
        // Block the sidecar's name with a non-empty folder: the second write cannot land.
        let sidecar = state.path().join(AUTOSAVE_DIR).join("untitled.json");
        assert!(fs::remove_file(&sidecar).is_ok());
        assert!(fs::create_dir_all(sidecar.join("x")).is_ok());
        assert!(autosave(state.path(), None, "second version").is_err());
        let names = TempDir::names(&state.path().join(AUTOSAVE_DIR));
        assert!(
            names.iter().all(|n| !n.contains(crate::TEMP_SUFFIX)),
            "{names:?}"
        );
        // The text itself was written whole before the sidecar failed.
        let text = fs::read_to_string(state.path().join(AUTOSAVE_DIR).join("untitled.md"));
        assert_eq!(text.ok().as_deref(), Some("second version"));
    }

    #[test]
    fn names_are_stable_and_distinct_per_path() {
        let a = stable_name(Path::new("/x/one/draft.md"));
        assert_eq!(a, stable_name(Path::new("/x/one/draft.md")));
        assert_ne!(a, stable_name(Path::new("/x/two/draft.md")));
        assert!(
            a.starts_with("draft-") && a.len() == "draft-".len() + 16,
            "{a}"
        );
    }
}

//! Atomic replacement of a file: a crash or a full disk never leaves a half-written draft.
//!
//! The new content goes to a temporary file in the same directory (so the final rename stays
//! on one file system and is atomic), is flushed to disk, takes the old file's permissions,
//! and is renamed over the old file; then the directory entry itself is flushed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Suffix of temporary files, so a stray one (after a power cut) is recognisable.
pub const TEMP_SUFFIX: &str = ".resolute-tmp";

/// Replaces the content of `path` with `bytes` atomically, keeping its permissions. When
/// `path` is a symbolic link, the file it points to is replaced and the link kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let permissions = fs::metadata(&target).map(|m| m.permissions()).ok();
    let (temp_path, file) = create_temp(&dir, &target)?;
    let written = fill(file, bytes, permissions).and_then(|()| fs::rename(&temp_path, &target));
    if written.is_err() {
        // Best effort: the original is intact; do not leave the temporary file behind.
        let _ = fs::remove_file(&temp_path);
        return written;
    }
    sync_dir(&dir);
    Ok(())
}

fn fill(mut file: File, bytes: &[u8], permissions: Option<fs::Permissions>) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Some(p) = permissions {
        file.set_permissions(p)?;
    }
    file.sync_all()
}

/// Creates a new, unique temporary file beside `target` (never opening an existing one).
fn create_temp(dir: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last_err = None;
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}.{n}{TEMP_SUFFIX}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Flushes the directory so the rename itself survives a crash. Not every platform can open
/// a directory for this; failing here does not undo a completed rename, so it is ignored.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("resolute-atomic-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let made = fs::create_dir_all(&dir);
        assert!(made.is_ok(), "{made:?}");
        dir
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = temp_dir("replace");
        let path = dir.join("d.md");
        assert!(fs::write(&path, "old").is_ok());
        assert!(write_atomic(&path, b"new content").is_ok());
        assert_eq!(
            fs::read_to_string(&path).ok().as_deref(),
            Some("new content")
        );
        let entries: Vec<_> = fs::read_dir(&dir).into_iter().flatten().flatten().collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("perm");
        let path = dir.join("d.md");
        assert!(fs::write(&path, "old").is_ok());
        assert!(fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).is_ok());
        assert!(write_atomic(&path, b"new").is_ok());
        let mode = fs::metadata(&path)
            .map(|m| m.permissions().mode() & 0o777)
            .ok();
        assert_eq!(mode, Some(0o640));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn failure_leaves_the_original_and_no_temp_file() {
        let dir = temp_dir("fail");
        // Renaming a file over a non-empty directory fails: the original must stay intact.
        let path = dir.join("sub");
        assert!(fs::create_dir_all(path.join("x")).is_ok());
        assert!(write_atomic(&path, b"new").is_err());
        assert!(path.join("x").is_dir());
        let entries: Vec<_> = fs::read_dir(&dir).into_iter().flatten().flatten().collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        let _ = fs::remove_dir_all(&dir);
    }
}

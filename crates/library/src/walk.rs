//! Finding the files under the paths given to an import.

use std::fs;
use std::path::{Path, PathBuf};

use crate::manifest::MANIFEST;

/// A file found by [`walk`].
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The path as found.
    pub path: PathBuf,
    /// The canonical path: what identifies the file across imports.
    pub key: String,
    /// The file name.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
}

/// Adds `path` (a file) or every file under it (a folder, recursively) to `out`, in name
/// order. Hidden entries (".git") and library folders are skipped; symbolic links to
/// folders are not followed, so a link cycle cannot loop. Unreadable sub-folders are
/// skipped silently; a given path that does not exist is an error.
pub(crate) fn walk(path: &Path, out: &mut Vec<Found>) -> Result<(), String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot open: {e}"))?;
    if meta.is_dir() {
        walk_dir(path, out);
    } else {
        out.push(found(path, meta.len()));
    }
    Ok(())
}

fn walk_dir(dir: &Path, out: &mut Vec<Found>) {
    if dir.join(MANIFEST).exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk_dir(&path, out);
        } else if let Ok(meta) = fs::metadata(&path) {
            if meta.is_file() {
                out.push(found(&path, meta.len()));
            }
        }
    }
}

fn found(path: &Path, size: u64) -> Found {
    let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Found {
        path: path.to_path_buf(),
        key: key.to_string_lossy().into_owned(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        size,
    }
}

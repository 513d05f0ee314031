//! The library manifest (`library.json`): the index format version and the import roots
//! the index can be rebuilt from.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{LibraryError, Result};

/// Version of the on-disk format (schema and document layout). Bump it whenever either
/// changes: an index of an older version is then rebuilt from its sources instead of being
/// misread.
pub const FORMAT_VERSION: u32 = 4;

/// File name of the manifest inside the library folder.
pub(crate) const MANIFEST: &str = "library.json";

/// What the manifest records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always "resolute-library": tells our manifest from any other JSON file.
    pub format: String,
    /// The format version the index was written with.
    pub version: u32,
    /// Every path ever given to an import (files and folders), in first-import order:
    /// what a rebuild imports again.
    pub roots: Vec<PathBuf>,
    /// What the library holds, as the last import that ended counted it (`library stats` and
    /// the app read it instead of counting); absent while an import runs, after a killed
    /// one, and in manifests written before it existed — then the index is counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stats: Option<crate::Stats>,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            format: "resolute-library".into(),
            version: FORMAT_VERSION,
            roots: Vec::new(),
            stats: None,
        }
    }
}

/// How reading a manifest went.
#[derive(Debug)]
pub(crate) enum Loaded {
    /// No manifest: a new library.
    Missing,
    /// A manifest of the current version.
    Current(Manifest),
    /// A manifest that cannot be trusted as it stands; the index is rebuilt from `roots`.
    Stale {
        /// Why (older version, unreadable JSON).
        reason: String,
        /// The roots it recorded, when they could be read.
        roots: Vec<PathBuf>,
    },
}

/// Reads the manifest of the library at `dir`.
pub(crate) fn load(dir: &Path) -> Result<Loaded> {
    let path = dir.join(MANIFEST);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::Missing),
        Err(e) => return Err(LibraryError::io(path, e)),
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Ok(stale(format!("manifest unreadable ({e})"), Vec::new())),
    };
    let roots: Vec<PathBuf> = value
        .get("roots")
        .and_then(|r| serde_json::from_value(r.clone()).ok())
        .unwrap_or_default();
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version.and_then(|v| u32::try_from(v).ok()) {
        Some(v) if v == FORMAT_VERSION => match serde_json::from_value(value) {
            Ok(m) => Ok(Loaded::Current(m)),
            Err(e) => Ok(stale(format!("manifest unreadable ({e})"), roots)),
        },
        Some(v) if v > FORMAT_VERSION => Err(LibraryError::NewerFormat {
            found: v,
            supported: FORMAT_VERSION,
        }),
        Some(v) => Ok(stale(
            format!("index format {v} is older than {FORMAT_VERSION}"),
            roots,
        )),
        None => Ok(stale("manifest has no format version".into(), roots)),
    }
}

fn stale(reason: String, roots: Vec<PathBuf>) -> Loaded {
    Loaded::Stale { reason, roots }
}

/// Writes the manifest atomically: a temporary file in the same folder, synced, then
/// renamed over the old one, so a crash leaves either the old or the new manifest.
pub(crate) fn save(dir: &Path, manifest: &Manifest) -> Result<()> {
    let json =
        serde_json::to_vec_pretty(manifest).map_err(|e| LibraryError::Manifest(e.to_string()))?;
    let tmp = dir.join(format!("{MANIFEST}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        fs::rename(&tmp, dir.join(MANIFEST))
    };
    write().map_err(|e| LibraryError::io(dir.join(MANIFEST), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("resolute-manifest-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_saved_manifest_loads_back_as_current() {
        let dir = temp_dir("roundtrip");
        let m = Manifest {
            roots: vec![PathBuf::from("/data/res")],
            ..Manifest::default()
        };
        save(&dir, &m).unwrap();
        assert!(matches!(load(&dir).unwrap(), Loaded::Current(x) if x == m));
    }

    #[test]
    fn older_versions_and_garbage_are_stale_and_keep_their_roots() {
        let dir = temp_dir("stale");
        fs::write(dir.join(MANIFEST), br#"{"version":0,"roots":["/a"]}"#).unwrap();
        match load(&dir).unwrap() {
            Loaded::Stale { reason, roots } => {
                assert!(reason.contains("older"), "{reason}");
                assert_eq!(roots, [PathBuf::from("/a")]);
            }
            other => panic!("expected stale, got {other:?}"),
        }
        fs::write(dir.join(MANIFEST), b"{not json").unwrap();
        assert!(matches!(load(&dir).unwrap(), Loaded::Stale { .. }));
    }

    #[test]
    fn a_newer_version_is_refused_not_rebuilt() {
        let dir = temp_dir("newer");
        let json = format!(
            r#"{{"format":"resolute-library","version":{},"roots":[]}}"#,
            FORMAT_VERSION + 1
        );
        fs::write(dir.join(MANIFEST), json).unwrap();
        assert!(matches!(load(&dir), Err(LibraryError::NewerFormat { .. })));
    }
}

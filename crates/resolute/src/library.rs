//! The library commands: where the library lives, import with progress, stats, search and
//! precedent. Thin: the work is in `resolute_library`.

use std::path::{Path, PathBuf};

pub use resolute_library::{
    is_pack, Adoption, ImportSummary, Library, LibraryError, PackAdded, PackSummary, Precedents,
    Progress, SearchRequest, SearchResults, Stats, YearUsage,
};

use crate::error::Error;

/// The library folder: the one given, else `$RESOLUTE_LIBRARY`, else the platform data
/// directory (`$XDG_DATA_HOME/resolute/library`, or `~/.local/share/resolute/library`).
pub fn library_dir(given: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = given {
        return dir;
    }
    if let Some(dir) = std::env::var_os("RESOLUTE_LIBRARY").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    // $XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support on macOS,
    // %APPDATA% on Windows; never a folder relative to where the app was started.
    let data = dirs::data_dir().unwrap_or_else(std::env::temp_dir);
    data.join("resolute").join("library")
}

fn open(dir: &Path) -> Result<Library, Error> {
    Library::open(dir).map_err(|source| Error::Library {
        path: dir.to_path_buf(),
        source,
    })
}

/// Imports files and folders; `progress` is called after each file.
pub fn add(
    dir: &Path,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(&Progress),
) -> Result<ImportSummary, Error> {
    let mut library = open(dir)?;
    library
        .import(paths, progress)
        .map_err(|source| Error::Library {
            path: dir.to_path_buf(),
            source,
        })
}

/// Writes the library as one pack file at `out` (replaced atomically).
pub fn pack(
    dir: &Path,
    out: &Path,
    progress: &mut dyn FnMut(&Progress),
) -> Result<PackSummary, Error> {
    if out.is_dir() {
        return Err(Error::IsDirectory {
            path: out.to_path_buf(),
        });
    }
    open(dir)?
        .pack(out, progress)
        .map_err(|source| Error::Library {
            path: dir.to_path_buf(),
            source,
        })
}

/// Checks a pack and brings it into the library (an empty library adopts it).
pub fn add_pack(
    dir: &Path,
    pack: &Path,
    progress: &mut dyn FnMut(&Progress),
) -> Result<PackAdded, Error> {
    open(dir)?
        .add_pack(pack, progress)
        .map_err(|source| Error::Library {
            path: dir.to_path_buf(),
            source,
        })
}

/// Counts by body and year.
pub fn stats(dir: &Path) -> Result<Stats, Error> {
    open(dir)?.stats().map_err(|source| Error::Library {
        path: dir.to_path_buf(),
        source,
    })
}

/// Searches the library.
pub fn search(dir: &Path, request: &SearchRequest) -> Result<SearchResults, Error> {
    open(dir)?.search(request).map_err(|source| Error::Library {
        path: dir.to_path_buf(),
        source,
    })
}

/// Adopted paragraphs closest to `text`.
pub fn precedent(dir: &Path, text: &str, limit: usize) -> Result<Precedents, Error> {
    open(dir)?
        .precedent(text, limit)
        .map_err(|source| Error::Library {
            path: dir.to_path_buf(),
            source,
        })
}

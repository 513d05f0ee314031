//! Opening, creating and rebuilding a library folder.

use std::fs;
use std::path::{Path, PathBuf};

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::error::{LibraryError, Result};
use crate::import::ImportSummary;
use crate::manifest::{self, Loaded, Manifest, MANIFEST};
use crate::schema::Fields;

/// Name of the tantivy index folder inside the library folder.
pub(crate) const INDEX_DIR: &str = "index";

/// A local library of resolutions: a folder holding `library.json` (format version and
/// import roots) and a tantivy index. Any number of readers (this process or others) may
/// search while one import writes: they see the last committed state.
pub struct Library {
    pub(crate) dir: PathBuf,
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) manifest: Manifest,
    pub(crate) commit_every: std::time::Duration,
    /// Opened from a folder that cannot be written (read-only media): search only.
    pub(crate) read_only: bool,
    rebuilt: Option<Rebuilt>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("dir", &self.dir)
            .field("roots", &self.manifest.roots)
            .field("rebuilt", &self.rebuilt)
            .finish()
    }
}

/// Why and how an index was rebuilt when the library was opened.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    /// What was wrong: "index format 0 is older than 1", "index damaged: ...".
    pub reason: String,
    /// The import of the recorded roots that rebuilt it.
    pub summary: ImportSummary,
}

impl Library {
    /// Opens the library in `dir`, creating an empty one when the folder holds none. An
    /// index of an older format, or one that is damaged, is detected and rebuilt from the
    /// roots its manifest recorded ([`Library::rebuilt`] tells why); a newer format is
    /// refused with [`LibraryError::NewerFormat`] and left untouched. A library in a folder
    /// that cannot be written (read-only media) opens for search without writing anything;
    /// importing into it is refused with [`LibraryError::ReadOnly`].
    pub fn open(dir: impl AsRef<Path>) -> Result<Library> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| LibraryError::io(&dir, e))?;
        if !crate::readonly::writable(&dir) {
            return Self::open_read_only(dir);
        }
        let (manifest, trouble) = match manifest::load(&dir)? {
            Loaded::Missing if dir.join(INDEX_DIR).exists() => {
                (Manifest::default(), Some("manifest missing".to_string()))
            }
            Loaded::Missing => (Manifest::default(), None),
            Loaded::Current(m) => (m, None),
            Loaded::Stale { reason, roots } => (
                Manifest {
                    roots,
                    ..Manifest::default()
                },
                Some(reason),
            ),
        };
        let fields = Fields::new();
        if trouble.is_none() {
            match open_index_settled(&dir, &fields) {
                Ok((index, reader)) => return Ok(Self::assemble(dir, index, reader, manifest)),
                Err(reason) if dir.join(MANIFEST).exists() => {
                    return Self::rebuild(dir, manifest, format!("index damaged: {reason}"))
                }
                Err(_) => {}
            }
        }
        match trouble {
            Some(reason) => Self::rebuild(dir, manifest, reason),
            None => Self::fresh(dir, manifest),
        }
    }

    /// Creates an empty library in `dir`; fails when the folder already holds one.
    pub fn create(dir: impl AsRef<Path>) -> Result<Library> {
        let dir = dir.as_ref().to_path_buf();
        if dir.join(MANIFEST).exists() {
            let err = std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a library is already there",
            );
            return Err(LibraryError::io(dir.join(MANIFEST), err));
        }
        Self::open(dir)
    }

    /// A library that cannot be written: opened as it is, for search, or refused.
    fn open_read_only(dir: PathBuf) -> Result<Library> {
        let manifest = match manifest::load(&dir)? {
            Loaded::Current(m) => m,
            Loaded::Missing => return Err(LibraryError::ReadOnly { path: dir }),
            Loaded::Stale { reason, .. } => return Err(LibraryError::Stale { path: dir, reason }),
        };
        let path = dir.join(INDEX_DIR);
        let opened = crate::readonly::ReadOnlyDirectory::open(&path)
            .and_then(Index::open)
            .map(crate::pairs::registered)
            .map_err(|e| e.to_string())
            .and_then(|index| {
                if !Fields::new().matches(&index.schema()) {
                    return Err("its schema is not this format's".to_string());
                }
                let reader = make_reader(&index).map_err(|e| e.to_string())?;
                Ok((index, reader))
            });
        match opened {
            Ok((index, reader)) => {
                let mut lib = Self::assemble(dir, index, reader, manifest);
                lib.read_only = true;
                Ok(lib)
            }
            Err(reason) => Err(LibraryError::Stale {
                path: dir,
                reason: format!("index damaged: {reason}"),
            }),
        }
    }

    /// Whether the library was opened from a folder that cannot be written.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses to change a read-only library.
    pub(crate) fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(LibraryError::ReadOnly {
                path: self.dir.clone(),
            });
        }
        Ok(())
    }

    /// When opening found an older or damaged index: why, and what rebuilding it imported.
    pub fn rebuilt(&self) -> Option<&Rebuilt> {
        self.rebuilt.as_ref()
    }

    /// How often an import commits (default 3 s): a killed import loses at most this much
    /// work, and other readers see new documents this soon. Each commit costs some time.
    pub fn set_commit_interval(&mut self, every: std::time::Duration) {
        self.commit_every = every;
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every path given to an import so far (what a rebuild would import again).
    pub fn roots(&self) -> &[PathBuf] {
        &self.manifest.roots
    }

    /// A searcher over the last committed state.
    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Sees what other processes committed since this library was opened.
    pub fn refresh(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    fn assemble(dir: PathBuf, index: Index, reader: IndexReader, manifest: Manifest) -> Library {
        Library {
            dir,
            index,
            reader,
            fields: Fields::new(),
            manifest,
            commit_every: crate::import::COMMIT_EVERY,
            read_only: false,
            rebuilt: None,
        }
    }

    fn fresh(dir: PathBuf, manifest: Manifest) -> Result<Library> {
        let path = dir.join(INDEX_DIR);
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|e| LibraryError::io(&path, e))?;
        }
        fs::create_dir_all(&path).map_err(|e| LibraryError::io(&path, e))?;
        let index = crate::pairs::registered(Index::create_in_dir(&path, Fields::new().schema)?);
        let reader = make_reader(&index)?;
        manifest::save(&dir, &manifest)?;
        Ok(Self::assemble(dir, index, reader, manifest))
    }

    fn rebuild(dir: PathBuf, manifest: Manifest, reason: String) -> Result<Library> {
        let roots: Vec<PathBuf> = manifest.roots.clone();
        let mut lib = Self::fresh(
            dir,
            Manifest {
                roots: Vec::new(),
                ..manifest
            },
        )?;
        let existing: Vec<PathBuf> = roots.into_iter().filter(|r| r.exists()).collect();
        let summary = lib.import(&existing, &mut |_| {})?;
        lib.rebuilt = Some(Rebuilt { reason, summary });
        Ok(lib)
    }
}

pub(crate) fn make_reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}

/// [`open_index`], tried again after a pause when it fails: an import in another process
/// may have just replaced the files of the commit being opened, which is no damage.
fn open_index_settled(
    dir: &Path,
    fields: &Fields,
) -> std::result::Result<(Index, IndexReader), String> {
    let mut last = String::new();
    for attempt in 0..3u64 {
        match open_index(dir, fields) {
            Ok(opened) => return Ok(opened),
            Err(e) => last = e,
        }
        std::thread::sleep(std::time::Duration::from_millis(100 * (attempt + 1)));
    }
    Err(last)
}

/// Opens the index and checks that it is ours, of this schema, and readable.
fn open_index(dir: &Path, fields: &Fields) -> std::result::Result<(Index, IndexReader), String> {
    let index = Index::open_in_dir(dir.join(INDEX_DIR))
        .map(crate::pairs::registered)
        .map_err(|e| e.to_string())?;
    if !fields.matches(&index.schema()) {
        return Err("its schema is not this format's".into());
    }
    let reader = make_reader(&index).map_err(|e| e.to_string())?;
    // Touch every segment's store and postings once so that a damaged file shows now.
    let searcher = reader.searcher();
    searcher
        .search(&tantivy::query::AllQuery, &tantivy::collector::Count)
        .map_err(|e| e.to_string())?;
    Ok((index, reader))
}

//! Opening, importing and saving drafts, the recent files list, and where the app keeps its
//! state (recent files, autosaves).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{read_source, write_atomic, Error, ParseRequest, SourceKind};

/// Entries kept in the recent files list.
pub const MAX_RECENT: usize = 10;

/// Name of the recent files list in the state folder.
const RECENT_FILE: &str = "recent.json";

/// A draft opened in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenedDraft {
    /// Where Save writes; `None` for an imported document, so that Save asks for a name and
    /// never overwrites the source document.
    pub path: Option<PathBuf>,
    /// The name to show in the title bar and to suggest for Save As: "draft.md"; for an
    /// import, the source's name with `.md` ("A_RES_78_1.md").
    pub name: String,
    /// The draft text (a byte-order mark is dropped).
    pub text: String,
    /// Whether the text was converted from another format.
    pub imported: bool,
}

/// The recent files list as stored in `recent.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    /// Most recent first.
    pub files: Vec<PathBuf>,
}

/// Opens a Markdown draft (`.md`) as it is, or imports any other readable document (text,
/// PDF, DOCX, HTML, Akoma Ntoso) as a draft: converted to the draft format, with no path.
/// Fails with the file's reason (missing, too large, binary, damaged PDF …) or, for an
/// import, when the document holds no resolution paragraph.
pub fn open_draft(path: &Path) -> Result<OpenedDraft, Error> {
    let name = |ext: bool| {
        let stem = if ext {
            path.file_name()
        } else {
            path.file_stem()
        };
        let stem = stem.map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
        if ext {
            stem
        } else {
            format!("{stem}.md")
        }
    };
    if SourceKind::of(path) == SourceKind::Draft {
        let source = read_source(path)?;
        return Ok(OpenedDraft {
            path: Some(path.to_path_buf()),
            name: name(true),
            text: source.text,
            imported: false,
        });
    }
    Ok(OpenedDraft {
        path: None,
        name: name(false),
        text: imported_text(path)?,
        imported: true,
    })
}

/// The draft format text of a document, as `resolute import` writes it.
fn imported_text(path: &Path) -> Result<String, Error> {
    let refuse = |reason: String| Error::Convert {
        path: path.to_path_buf(),
        reason,
    };
    let parsed = crate::parse(&ParseRequest {
        path: path.to_path_buf(),
    })?;
    let draft = parsed.draft;
    // A report or a budget fascicle segments into nothing: an empty draft would hide that.
    if draft.paragraphs().next().is_none() && draft.annexes.is_empty() {
        return Err(refuse(
            "no preambular or operative paragraph to import (not a resolution?)".into(),
        ));
    }
    let text = resolute_draft::write_markdown(&draft);
    resolute_draft::parse_markdown(&text)
        .map_err(|e| refuse(format!("the imported draft does not read back ({e})")))?;
    Ok(text)
}

/// Saves `text` to `path` atomically (temporary file in the same folder, flushed, renamed
/// over the old file; permissions kept): a crash never leaves a half-written draft.
pub fn save_draft(path: &Path, text: &str) -> Result<(), Error> {
    write_atomic(path, text.as_bytes()).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        action: "cannot write",
        source,
    })
}

/// The files a second launch of the app asks for (its arguments after the program name,
/// options left out), made absolute against that launch's working folder `cwd`: the running
/// app opens them, whatever folder it was started from.
pub fn launch_paths(argv: &[String], cwd: &str) -> Vec<PathBuf> {
    argv.iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|a| Path::new(cwd).join(a))
        .collect()
}

/// Where the app keeps its state (recent files, autosaves, the window's size and place):
/// `$RESOLUTE_STATE_DIR`, else the platform's state folder (docs/platforms.md).
pub fn state_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("RESOLUTE_STATE_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    // $XDG_STATE_HOME or ~/.local/state on Linux; macOS and Windows have no state folder of
    // their own: the local data folder, as their apps do.
    dirs::state_dir()
        .map(|d| d.join("resolute"))
        .or_else(|| dirs::data_local_dir().map(|d| d.join("Resolute").join("state")))
        .unwrap_or_else(|| std::env::temp_dir().join("resolute-state"))
}

/// The recent files that still exist, most recent first, at most [`MAX_RECENT`]. An
/// unreadable list reads as empty.
pub fn recent(state_dir: &Path) -> Vec<PathBuf> {
    let mut files = load_recent(state_dir).files;
    files.retain(|f| f.is_file());
    files.truncate(MAX_RECENT);
    files
}

/// Puts `path` first in the recent files list (once, however it was spelt: the path is made
/// absolute and canonical when it exists), dropping files that no longer exist.
pub fn remember(state_dir: &Path, path: &Path) -> Result<(), Error> {
    let path = canonical(path);
    let mut list = load_recent(state_dir);
    list.files.retain(|f| *f != path && f.is_file());
    list.files.insert(0, path);
    list.files.truncate(MAX_RECENT);
    let json = serde_json::to_vec_pretty(&list).unwrap_or_default();
    write_state(&state_dir.join(RECENT_FILE), &json)
}

fn load_recent(state_dir: &Path) -> Recent {
    fs::read(state_dir.join(RECENT_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// `path` made absolute, with links and `..` resolved when it exists.
pub(crate) fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Writes a state file atomically, creating its folder.
pub(crate) fn write_state(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        action: "cannot write",
        source,
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io)?;
    }
    write_atomic(path, bytes).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::TempDir;
    use super::*;

    #[test]
    fn a_markdown_draft_opens_as_is_and_a_text_is_imported_without_a_path() {
        let dir = TempDir::new("open");
        let md = dir.file("d.md", "*The General Assembly*,\n\n1. *Decides* x.\n");
        let opened = open_draft(&md).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (opened.path.as_deref(), opened.imported),
            (Some(md.as_path()), false)
        );
        assert_eq!(opened.name, "d.md");
        let txt = dir.file(
            "A_RES_99_1.txt",
            "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n",
        );
        let imported = open_draft(&txt).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((imported.path, imported.imported), (None, true));
        assert_eq!(imported.name, "A_RES_99_1.md");
        assert!(
            imported.text.contains("*Recalling* its resolution 70/1,"),
            "{}",
            imported.text
        );
        let not_a_resolution = dir.file("note.txt", "Shopping list for Tuesday\n");
        assert_eq!(
            open_draft(&not_a_resolution).err().map(|e| e.code()),
            Some("convert")
        );
        assert_eq!(
            open_draft(&dir.path().join("gone.md"))
                .err()
                .map(|e| e.code()),
            Some("not_found")
        );
    }

    #[test]
    fn saving_replaces_atomically_and_a_failed_save_leaves_no_partial_file() {
        let dir = TempDir::new("save");
        let path = dir.file("d.md", "old");
        assert!(save_draft(&path, "new “text”").is_ok());
        assert_eq!(
            fs::read_to_string(&path).ok().as_deref(),
            Some("new “text”")
        );
        assert_eq!(TempDir::names(dir.path()), ["d.md"]);
        // Renaming over a non-empty folder fails: nothing partial may be left behind.
        let blocked = dir.path().join("blocked.md");
        assert!(fs::create_dir_all(blocked.join("inside")).is_ok());
        assert_eq!(
            save_draft(&blocked, "x").err().map(|e| e.code()),
            Some("io")
        );
        assert_eq!(TempDir::names(dir.path()), ["d.md"]);
    }

    #[test]
    fn recent_files_are_most_recent_first_deduplicated_and_existing() {
        let state = TempDir::new("recent-state");
        let dir = TempDir::new("recent");
        let (a, b, c) = (
            dir.file("a.md", "a"),
            dir.file("b.md", "b"),
            dir.file("c.md", "c"),
        );
        assert!(recent(state.path()).is_empty());
        for p in [&a, &b, &c] {
            assert!(remember(state.path(), p).is_ok());
        }
        // The same file by another spelling is still one entry.
        let again = dir.path().join(".").join("a.md");
        assert!(remember(state.path(), &again).is_ok());
        let names = |list: Vec<PathBuf>| -> Vec<String> {
            list.iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names(recent(state.path())), ["a.md", "c.md", "b.md"]);
        assert!(fs::remove_file(&c).is_ok());
        assert_eq!(names(recent(state.path())), ["a.md", "b.md"]);
        for i in 0..15 {
            assert!(remember(state.path(), &dir.file(&format!("n{i}.md"), "n")).is_ok());
        }
        let list = recent(state.path());
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(names(list).first().map(String::as_str), Some("n14.md"));
    }

    #[test]
    fn a_second_launch_names_its_files_against_its_own_folder() {
        let argv = ["resolute-app", "draft.md", "--flag", "/abs/other.docx"].map(String::from);
        assert_eq!(
            launch_paths(&argv, "/home/d/work"),
            [
                PathBuf::from("/home/d/work/draft.md"),
                PathBuf::from("/abs/other.docx")
            ]
        );
        assert!(launch_paths(&argv[..1], "/x").is_empty());
    }

    #[test]
    fn the_state_folder_follows_the_environment_order() {
        // Only reads the environment; the variables of this process are left as they are.
        let dir = state_dir();
        match std::env::var_os("RESOLUTE_STATE_DIR").filter(|v| !v.is_empty()) {
            Some(set) => assert_eq!(dir, PathBuf::from(set)),
            // Linux has a state folder; the others use their local data folder.
            None => assert_eq!(
                Some(dir),
                dirs::state_dir()
                    .map(|d| d.join("resolute"))
                    .or_else(|| dirs::data_local_dir().map(|d| d.join("Resolute").join("state")))
            ),
        }
    }
}

//! `resolute import FILE -o DRAFT.md`: any readable file becomes a draft in the draft format,
//! written atomically; an existing file is replaced only when asked to.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use resolute_draft::Draft;

use crate::{write_atomic, Error, TEMP_SUFFIX};

/// Import a file as a draft.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The file to read (draft, text, PDF, DOCX, HTML, Akoma Ntoso).
    pub input: PathBuf,
    /// The draft to write.
    pub output: PathBuf,
    /// Replace `output` if it exists.
    pub force: bool,
    /// Whether the document is read as a negotiating text (`--stage`); by default, when it
    /// carries negotiation brackets.
    pub stage: crate::Stage,
}

/// What [`import`] wrote.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The structure read from the input.
    pub draft: Draft,
    /// The part of a compilation page read (see [`crate::Parsed::own_part`]).
    pub own_part: Option<std::ops::Range<usize>>,
    /// The draft format text written to the output.
    pub markdown: String,
}

/// Reads `input` as a draft for a command that writes `output`: a folder as the output is
/// refused before anything is read.
pub(crate) fn read_for_output(
    input: &Path,
    output: &Path,
    stage: &crate::Stage,
) -> Result<Draft, Error> {
    if output.is_dir() {
        return Err(Error::IsDirectory {
            path: output.to_path_buf(),
        });
    }
    Ok(crate::parse_as(input, stage)?.draft)
}

/// Reads `request.input` and writes it to `request.output` in the draft format.
pub fn import(request: &ImportRequest) -> Result<Imported, Error> {
    let out = &request.output;
    if out.is_dir() {
        return Err(Error::IsDirectory { path: out.clone() });
    }
    let crate::Parsed {
        draft, own_part, ..
    } = crate::parse_as(&request.input, &request.stage)?;
    // A document that is not a resolution (a report, a budget fascicle) segments into no
    // paragraph at all: writing its header alone would silently drop all of its text.
    if draft.paragraphs().next().is_none() && draft.annexes.is_empty() {
        return Err(Error::UnsafeRewrite {
            path: out.clone(),
            reason: format!(
                "{} has no preambular or operative paragraph to import (not a resolution?)",
                crate::error::shown(&request.input)
            ),
        });
    }
    let markdown = crate::negotiation::draft_markdown(&draft);
    // A draft that would not read back is worse than no draft: refuse before writing.
    resolute_draft::parse_markdown(&markdown).map_err(|e| Error::UnsafeRewrite {
        path: out.clone(),
        reason: format!("the imported draft does not read back ({e})"),
    })?;
    let written = if request.force {
        write_atomic(out, markdown.as_bytes())
    } else {
        write_new(out, markdown.as_bytes())
    };
    written.map_err(|e| write_error(out, e))?;
    Ok(Imported {
        draft,
        own_part,
        markdown,
    })
}

fn write_error(path: &Path, e: io::Error) -> Error {
    let action = if e.kind() == io::ErrorKind::AlreadyExists {
        "refusing to overwrite an existing file (--force replaces it)"
    } else {
        "cannot write"
    };
    Error::Io {
        path: path.to_path_buf(),
        action,
        source: e,
    }
}

/// Writes a file that must not exist yet: the content goes to a temporary file first and is
/// then hard-linked to its name, which fails atomically if the name was taken meanwhile, so
/// no reader ever sees a half-written draft and no existing file is ever replaced.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let name = path
        .file_name()
        .map_or_else(|| "draft".to_string(), |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.{}{TEMP_SUFFIX}", std::process::id()));
    let result = write_synced(&temp, bytes).and_then(|()| fs::hard_link(&temp, path));
    // The temporary name is never needed after the link (or after a failure).
    let _ = fs::remove_file(&temp);
    result
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

//! The Resolute service API: the typed requests and results that every front end (the
//! `resolute` command line, the desktop shell) calls. Front ends only translate: arguments
//! in, results and [`Error`]s (each with a stable [`Error::code`]) out.
//!
//! ```
//! use resolute::{outline, parse_text, ParseView, SourceKind};
//!
//! // What `resolute parse --json` prints for a text, without touching the file system.
//! let text = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n";
//! let draft = parse_text(text, SourceKind::PlainText)?;
//! let json = serde_json::to_value(ParseView::new(&draft, SourceKind::PlainText))?;
//! assert_eq!(json["source"], "text");
//! assert!(json["operative"].is_array());
//! assert!(outline(&draft).starts_with("symbol:"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Files go through [`parse`] and [`format`], which check the input first (size, encoding,
//! binary content) and report every problem as an [`Error`].

mod amend;
pub mod app;
mod atomic;
mod check;
mod compile;
mod diff;
mod error;
mod export;
mod import;
mod input;
pub mod library;
mod negotiation;
mod outline;
mod progress;
mod view;

use std::path::PathBuf;

use resolute_draft::{Draft, FormatError};

pub use amend::{amend, render_amended, AmendRequest, Amended};
pub use atomic::{write_atomic, TEMP_SUFFIX};
pub use check::{check, render as render_check, CheckRequest, Checked, DiagnosticLine};
pub use compile::{compile, render_compiled, CompileRequest, CompiledText, ProposalReport};
pub use diff::{diff, diff_json, render_diff, DiffRequest};
pub use error::{Error, ErrorBody};
pub use export::{export, plain_text, render as render_export, ExportFormat, ExportRequest};
pub use import::{import, ImportRequest, Imported};
pub use input::{read_source, Source, SourceKind, MAX_INPUT_BYTES};
pub use negotiation::{
    brackets, clean, negotiating_text, render_brackets, BracketsReport, BracketsRequest,
    CleanRequest, Stage, STAGE_OF_IMPORTED_TEXT,
};
pub use outline::{outline, snippet, SNIPPET_CHARS};
pub use progress::{
    progress, render_progress, ParagraphProgress, Progress, ProgressRequest, ProgressTotals,
};
pub use view::{
    AnnexView, ClosingView, FootnoteView, ParagraphView, ParseView, SectionView, SubView,
};

/// Read a file and return its structure.
#[derive(Debug, Clone)]
pub struct ParseRequest {
    /// A draft (`.md`) or a plain text (anything else textual).
    pub path: PathBuf,
}

/// The structure of a file, with the source it was read from.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The checked, decoded file.
    pub source: Source,
    /// Its structure; spans are offsets into `source.text`.
    pub draft: Draft,
    /// When the file is a compilation page of the Official Records (the end of the previous
    /// resolution, the resolution the file is for, the start of the next): the part read, its
    /// own resolution's, as bytes of `source.text`. The rest is left out of the draft.
    pub own_part: Option<std::ops::Range<usize>>,
}

impl Parsed {
    /// The JSON contract view (`resolute parse --json`).
    pub fn view(&self) -> ParseView {
        ParseView::new(&self.draft, self.source.kind)
    }

    /// The human outline (`resolute parse`).
    pub fn outline(&self) -> String {
        outline(&self.draft)
    }
}

/// Reads `request.path` and returns its structure.
pub fn parse(request: &ParseRequest) -> Result<Parsed, Error> {
    parse_as(&request.path, &Stage::Detect)
}

/// Reads `path` and returns its structure, with the negotiation layer as `stage` says.
pub fn parse_as(path: &std::path::Path, stage: &Stage) -> Result<Parsed, Error> {
    let source = read_source(path)?;
    let mut draft = read_text(&source.text, source.kind).map_err(|e| Error::Format {
        path: path.to_path_buf(),
        source: e,
    })?;
    let own_part = (source.kind == SourceKind::PlainText)
        .then(|| own_part(&source.text, &draft, path))
        .flatten();
    if let Some(range) = &own_part {
        draft = resolute_draft::segment(&only(&source.text, range));
    }
    // A document that records its stage is read at that stage unless told otherwise.
    let recorded = match (stage, &source.stage) {
        (Stage::Detect, Some(s)) => Stage::On(s.clone()),
        _ => stage.clone(),
    };
    recorded.apply(&mut draft, &source.text, source.kind);
    Ok(Parsed {
        source,
        draft,
        own_part,
    })
}

/// The part of a compilation page that is the file's own resolution (as the library reads it,
/// `resolute_library::compilation`): the resolution the file name names (`A_RES_97(I).txt`),
/// else the one its masthead names. `None` for any other text.
fn own_part(text: &str, draft: &Draft, path: &std::path::Path) -> Option<std::ops::Range<usize>> {
    use resolute_library::compilation::{cut, Cut};
    let stem = path.file_stem()?.to_string_lossy();
    let named = stem.contains("RES_").then(|| stem.replace('_', "/"));
    let symbol = named.or_else(|| draft.meta.symbol.clone())?;
    match cut(text, &symbol) {
        Cut::Own(range) if range != (0..text.len()) => Some(range),
        _ => None,
    }
}

/// `text` with everything outside `range` blanked (line breaks kept), so that spans read from
/// it are offsets into `text`.
fn only(text: &str, range: &std::ops::Range<usize>) -> String {
    let blank = |s: &str| {
        s.chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect::<String>()
    };
    let (head, rest) = text.split_at(range.start);
    let (own, tail) = rest.split_at(range.end - range.start);
    // A blanked character may be several bytes: pad so that offsets do not move.
    let pad = |s: &str| {
        let b = blank(s);
        b.clone() + &" ".repeat(s.len() - b.len())
    };
    format!("{}{own}{}", pad(head), pad(tail))
}

/// The structure of `text` read as `kind`: Markdown drafts with the draft format reader,
/// anything else with plain-text segmentation (which cannot fail). A plain text that carries
/// negotiation brackets (`negotiation::carries_negotiation`) is read as a negotiating text.
/// No I/O.
pub fn parse_text(text: &str, kind: SourceKind) -> Result<Draft, FormatError> {
    let mut draft = read_text(text, kind)?;
    Stage::Detect.apply(&mut draft, text, kind);
    Ok(draft)
}

/// `text` read as `kind`, its negotiation layer not decided yet.
fn read_text(text: &str, kind: SourceKind) -> Result<Draft, FormatError> {
    match kind {
        SourceKind::Draft => resolute_draft::parse_markdown(text),
        SourceKind::PlainText => Ok(resolute_draft::segment(text)),
    }
}

/// Normalise a draft in place, or only report whether it would change.
#[derive(Debug, Clone)]
pub struct FormatRequest {
    /// The draft; must be a Markdown draft (`.md`).
    pub path: PathBuf,
    /// Only report; never write.
    pub check: bool,
}

/// What [`format`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatOutcome {
    /// The draft is already normalised; nothing was written.
    Unchanged,
    /// The draft was rewritten (atomically).
    Rewritten,
    /// `check` was set and the draft is not normalised; nothing was written.
    WouldChange,
}

/// Normalises the draft at `request.path` (numbering, emphasis, spacing) and replaces the
/// file atomically, keeping its permissions and a leading byte-order mark if it had one.
pub fn format(request: &FormatRequest) -> Result<FormatOutcome, Error> {
    let path = &request.path;
    if SourceKind::of(path) != SourceKind::Draft {
        return Err(Error::NotADraft {
            path: path.clone(),
            what: "fmt rewrites Markdown drafts only",
        });
    }
    let source = read_source(path)?;
    let formatted = resolute_draft::format(&source.text).map_err(|e| Error::Format {
        path: path.clone(),
        source: e,
    })?;
    if formatted == source.text {
        return Ok(FormatOutcome::Unchanged);
    }
    if request.check {
        return Ok(FormatOutcome::WouldChange);
    }
    ensure_nothing_lost(&source.text, &formatted).map_err(|reason| Error::UnsafeRewrite {
        path: path.clone(),
        reason,
    })?;
    let bytes = if source.bom {
        format!("\u{feff}{formatted}")
    } else {
        formatted
    };
    write_atomic(path, bytes.as_bytes()).map_err(|e| Error::Io {
        path: path.clone(),
        action: "cannot write",
        source: e,
    })?;
    Ok(FormatOutcome::Rewritten)
}

/// A last guard before overwriting someone's draft: the formatted text must read back, and
/// with as many paragraphs, subparagraphs and footnotes as the original. Normalising never
/// removes content, so a difference means a formatter bug, and the user's file must win.
fn ensure_nothing_lost(original: &str, formatted: &str) -> Result<(), String> {
    if formatted.trim().is_empty() {
        return Err("the formatter produced an empty draft".to_string());
    }
    let before = resolute_draft::parse_markdown(original).map_err(|e| e.to_string())?;
    let after = resolute_draft::parse_markdown(formatted)
        .map_err(|e| format!("the formatted draft does not read back ({e})"))?;
    let (b, a) = (census(&before), census(&after));
    if b != a {
        return Err(format!(
            "the formatted draft has {} paragraphs, {} subparagraphs and {} footnotes, \
             the original {}, {} and {}",
            a.0, a.1, a.2, b.0, b.1, b.2
        ));
    }
    Ok(())
}

/// (paragraphs, subparagraphs, footnotes).
fn census(draft: &Draft) -> (usize, usize, usize) {
    let paragraphs = draft.paragraphs().count();
    let subs = draft.paragraphs().map(|p| p.sub.len()).sum();
    (paragraphs, subs, draft.footnotes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_formatter_output_is_never_written() {
        let err = ensure_nothing_lost("*The General Assembly*,\n\n1. *Decides* x.\n", "\n");
        assert!(err.is_err_and(|m| m.contains("empty")));
    }

    #[test]
    fn fmt_refuses_non_markdown_before_touching_the_file() {
        let err = format(&FormatRequest {
            path: PathBuf::from("does/not/exist.txt"),
            check: false,
        });
        assert!(matches!(err, Err(Error::NotADraft { .. })), "{err:?}");
    }

    #[test]
    fn plain_text_segmentation_cannot_fail() {
        assert!(parse_text(
            "The General Assembly,\n\n1. Decides x.",
            SourceKind::PlainText
        )
        .is_ok());
    }
}

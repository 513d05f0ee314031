//! `resolute check`: style and citation diagnostics for a draft or a prior resolution.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use resolute_check::{line_col, Diagnostic, Register, Severity};
use resolute_library::Library;
use serde::Serialize;

use crate::error::Error;
use crate::{parse, ParseRequest, Parsed};

/// Check a file, optionally verifying its citations against a library.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// A draft (`.md`) or a plain text.
    pub path: PathBuf,
    /// The library folder whose register verifies citations; `None` (or a folder that holds
    /// no library) leaves citations unverified.
    pub library: Option<PathBuf>,
}

/// What [`check`] found.
#[derive(Debug)]
pub struct Checked {
    /// The file as read and parsed.
    pub parsed: Parsed,
    /// Findings in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether citations were verified against a library.
    pub verified: bool,
}

impl Checked {
    /// Whether any finding is an error (the command exits 1).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// One JSON line per finding (DESIGN.md §3).
    pub fn json_lines(&self) -> Vec<DiagnosticLine> {
        let src = &self.parsed.source.text;
        self.diagnostics
            .iter()
            .map(|d| DiagnosticLine::new(src, d))
            .collect()
    }
}

/// A finding as `resolute check --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticLine {
    /// "structure/operative-end".
    pub rule: &'static str,
    /// "error", "warning" or "info".
    pub severity: &'static str,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
    /// Byte offset of the start in the file's text.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// What is wrong.
    pub message: String,
    /// `{"replacement": ...}` or null.
    pub fix: Option<resolute_check::Fix>,
}

impl DiagnosticLine {
    fn new(src: &str, d: &Diagnostic) -> Self {
        let (line, column) = line_col(src, d.span.start);
        DiagnosticLine {
            rule: d.rule,
            severity: d.severity.as_str(),
            line,
            column,
            start: d.span.start,
            end: d.span.end,
            message: d.message.clone(),
            fix: d.fix.clone(),
        }
    }
}

/// Reads, parses and checks `request.path`.
pub fn check(request: &CheckRequest) -> Result<Checked, Error> {
    let parsed = parse(&ParseRequest {
        path: request.path.clone(),
    })?;
    let library = match &request.library {
        Some(dir) => open_existing(dir)?,
        None => None,
    };
    let register = library.as_ref().map(|l| l as &dyn Register);
    let diagnostics = resolute_check::check(&parsed.source.text, &parsed.draft, register);
    Ok(Checked {
        parsed,
        diagnostics,
        verified: library.is_some(),
    })
}

/// Opens the library in `dir` if one is there; never creates one as a side effect.
fn open_existing(dir: &Path) -> Result<Option<Library>, Error> {
    if !dir.join("library.json").is_file() {
        return Ok(None);
    }
    Library::open(dir)
        .map(Some)
        .map_err(|source| Error::Library {
            path: dir.to_path_buf(),
            source,
        })
}

/// rustc-style report: `severity[rule]: message`, `--> file:line:col`, the line, a caret
/// under the span, and the fix.
pub fn render(path: &Path, checked: &Checked) -> String {
    let src = &checked.parsed.source.text;
    let mut out = String::new();
    for d in &checked.diagnostics {
        let (line, column) = line_col(src, d.span.start);
        let text = src.lines().nth(line - 1).unwrap_or("");
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        let width = caret_width(text, column, d);
        let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.rule, d.message);
        let _ = writeln!(out, "{pad}--> {}:{line}:{column}", path.display());
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line} | {}", text.replace('\t', " "));
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(column - 1),
            "^".repeat(width)
        );
        if let Some(fix) = &d.fix {
            let _ = writeln!(out, "{pad} = fix: replace with \"{}\"", fix.replacement);
        }
        out.push('\n');
    }
    out.push_str(&summary(checked));
    out
}

/// Carets under the span on its first line (at least one, for an insertion point).
fn caret_width(line: &str, column: usize, d: &Diagnostic) -> usize {
    let rest: String = line.chars().skip(column - 1).collect();
    let span_bytes = d.span.end - d.span.start;
    let mut width = 0;
    let mut bytes = 0;
    for c in rest.chars() {
        if bytes >= span_bytes {
            break;
        }
        bytes += c.len_utf8();
        width += 1;
    }
    width.max(1)
}

fn summary(checked: &Checked) -> String {
    let count = |s: Severity| {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let mut line = format!(
        "{} errors, {} warnings, {} notes",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    if !checked.verified {
        line.push_str(" (citations not verified: no library; see `resolute library add`)");
    }
    line.push('\n');
    line
}

//! `resolute amend DRAFT AMENDMENT -o OUT.md [--json] [--tracked OUT.docx] [--force]`: an
//! amendment document (PDF, DOCX or text, as issued) applied to the draft it amends.
//!
//! Every instruction that can be made is made and written, the others reported with their
//! reason; the result is then checked and the findings the amendment brought are shown
//! (an amendment is applied exactly, never "fixed"). Nothing is written when the draft or the
//! amendment cannot be read, or when the amendment names another draft.

use std::path::{Path, PathBuf};

use resolute_check::Diagnostic;
use resolute_draft::amend::{self, Amendment, Applied, Options, Target};
use resolute_draft::Draft;

use crate::{parse_as, read_source, write_atomic, Error, SourceKind, Stage};

/// Apply an amendment.
#[derive(Debug, Clone)]
pub struct AmendRequest {
    /// The draft amended (any readable file).
    pub draft: PathBuf,
    /// The amendment document (PDF, DOCX, text).
    pub amendment: PathBuf,
    /// The amended draft to write (replaced atomically).
    pub output: PathBuf,
    /// Also write the changes as a Word document with Track Changes by the proposers.
    pub tracked: Option<PathBuf>,
    /// Apply even when the amendment names another draft than the one given.
    pub force: bool,
}

/// What [`amend`] did.
#[derive(Debug, Clone)]
pub struct Amended {
    /// The amendment as read.
    pub amendment: Amendment,
    /// The amended draft and one outcome per instruction.
    pub applied: Applied,
    /// The draft format text written.
    pub markdown: String,
    /// Findings of `check` on the amended draft that the unamended draft did not have.
    pub findings: Vec<Diagnostic>,
    /// A warning about the draft's version, when it differs from the one amended.
    pub version_note: Option<String>,
}

/// Reads both files, applies the amendment and writes the result.
pub fn amend(request: &AmendRequest) -> Result<Amended, Error> {
    if request.output.is_dir() {
        return Err(Error::IsDirectory {
            path: request.output.clone(),
        });
    }
    let draft = parse_as(&request.draft, &Stage::Detect)?.draft;
    let amendment = read_amendment(&request.amendment)?;
    let version_note = compare_versions(
        &draft,
        &amendment,
        &request.amendment,
        &crate::error::shown(&request.draft),
        request.force,
    )?;
    let options = Options {
        other_version: version_note.is_some(),
    };
    let applied = amend::apply(&draft, &amendment, options);
    let markdown = crate::negotiation::draft_markdown(&applied.draft);
    let reread = resolute_draft::parse_markdown(&markdown).map_err(|e| Error::UnsafeRewrite {
        path: request.output.clone(),
        reason: format!("the amended draft does not read back ({e})"),
    })?;
    let findings = new_findings(&draft, &markdown, &reread);
    let tracked = match &request.tracked {
        Some(path) => {
            let date = crate::export::iso_now(std::time::SystemTime::now());
            let bytes = resolute_convert::docx::write_tracked(
                &draft,
                &reread,
                &amendment.proposers_named(),
                &date,
            )
            .map_err(|e| Error::Convert {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            Some((path, bytes))
        }
        None => None,
    };
    write(&request.output, markdown.as_bytes())?;
    if let Some((path, bytes)) = tracked {
        write(path, &bytes)?;
    }
    Ok(Amended {
        amendment,
        applied,
        markdown,
        findings,
        version_note,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic(path, bytes).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        action: "cannot write",
        source: e,
    })
}

/// The amendment document read; a clear error naming the file when it is not one.
pub(crate) fn read_amendment(path: &Path) -> Result<Amendment, Error> {
    let source = read_source(path)?;
    let text = match source.kind {
        // A Markdown file: its plain text (emphasis and escapes are not the amendment's words).
        SourceKind::Draft => source.text.replace(['*', '\\'], ""),
        SourceKind::PlainText => source.text,
    };
    amend::read_amendment(&text).map_err(|e| Error::Convert {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// "A/C.3/80/L.20/Rev.1" -> "A/C.3/80/L.20".
fn without_revision(symbol: &str) -> &str {
    symbol
        .find("/Rev.")
        .map_or(symbol, |at| &symbol[..at])
        .trim()
}

/// Refuses a draft the amendment does not amend (unless forced); says when the draft is
/// another version of it (L.20 for L.20/Rev.1), in which case text locates paragraphs.
pub(crate) fn compare_versions(
    draft: &Draft,
    amendment: &Amendment,
    amendment_path: &Path,
    draft_name: &str,
    force: bool,
) -> Result<Option<String>, Error> {
    let Some(given) = draft.meta.symbol.as_deref() else {
        return Ok(None);
    };
    let named = match &amendment.target {
        Target::Symbol { symbol } => symbol.as_str(),
        // A draft in a committee's report has no symbol of its own to compare.
        Target::Report { .. } => {
            return Ok(Some(format!(
                "the amendment names {}; {given} was given",
                amendment.target.describe()
            )))
        }
    };
    if without_revision(given) != without_revision(named) {
        if force {
            return Ok(Some(format!(
                "the amendment names {named}; {given} was given (--force)"
            )));
        }
        return Err(Error::Convert {
            path: amendment_path.to_path_buf(),
            reason: format!(
                "amends {named}, but the draft {draft_name} is {given} (--force applies it anyway)"
            ),
        });
    }
    Ok((given != named).then(|| {
        format!("the amendment names {named}; {given} is another version of it: paragraphs are located by their text")
    }))
}

/// Findings on the amended draft that the draft did not have before (by rule and message).
fn new_findings(before: &Draft, after_text: &str, after: &Draft) -> Vec<Diagnostic> {
    let before_text = resolute_draft::write_markdown(before);
    let before = resolute_draft::parse_markdown(&before_text).unwrap_or_else(|_| before.clone());
    let mut old: Vec<(&str, String)> = resolute_check::check(&before_text, &before, None)
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect();
    let mut out = Vec::new();
    for d in resolute_check::check(after_text, after, None) {
        match old
            .iter()
            .position(|(r, m)| *r == d.rule && *m == d.message)
        {
            Some(i) => {
                old.swap_remove(i);
            }
            None => out.push(d),
        }
    }
    out
}

/// The report `resolute amend` prints: one line per instruction, then the check's new
/// findings on the amended draft, then a summary.
pub fn render_amended(request: &AmendRequest, amended: &Amended) -> String {
    use resolute_draft::amend::Status;
    use std::fmt::Write as _;
    let mut out = String::new();
    let a = &amended.amendment;
    let _ = writeln!(
        out,
        "{}: amendment by {} to {}",
        a.symbol.as_deref().unwrap_or("amendment"),
        a.proposers_named(),
        a.target.describe()
    );
    if let Some(note) = &amended.version_note {
        let _ = writeln!(out, "note: {note}");
    }
    for o in &amended.applied.outcomes {
        let level = match o.status {
            Status::Applied => "applied",
            Status::AlreadySatisfied => "satisfied",
            Status::NotFound | Status::Ambiguous | Status::Unreadable => "error",
        };
        let targets = if o.targets.is_empty() {
            String::new()
        } else {
            format!(" {}", o.targets.join(", "))
        };
        let status = match o.status {
            Status::Applied | Status::AlreadySatisfied => String::new(),
            other => format!(
                "{}: ",
                serde_json::to_value(other)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            ),
        };
        let _ = writeln!(
            out,
            "{level}: instruction {} ({}{targets}): {status}{}",
            o.n, o.kind, o.message
        );
    }
    let out_name = crate::error::shown(&request.output);
    for d in &amended.findings {
        let (line, col) = resolute_check::line_col(&amended.markdown, d.span.start);
        let _ = writeln!(
            out,
            "{}[{}]: {}\n  --> {out_name}:{line}:{col}",
            d.severity.as_str(),
            d.rule,
            d.message
        );
    }
    let applied = amended
        .applied
        .outcomes
        .iter()
        .filter(|o| matches!(o.status, Status::Applied | Status::AlreadySatisfied))
        .count();
    let _ = writeln!(
        out,
        "{applied} of {} instructions applied; {} new check findings; written to {out_name}",
        amended.applied.outcomes.len(),
        amended.findings.len()
    );
    out
}

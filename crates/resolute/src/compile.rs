//! `resolute compile BASE --from NAME=FILE [--from NAME=FILE …] -o OUT.md [--json]`:
//! delegations' versions of a base text (drafts, DOCX with or without Track Changes, PDF)
//! compiled into one negotiating text whose brackets say who proposed what
//! (`negotiation::compile`, docs/format.md §6).
//!
//! The result is checked before it is reported: `clean --keep NAME` of the compiled text must
//! give each version back and `clean --keep none` the base, paragraph by paragraph. A version
//! that does not come back is reported with the paragraphs that differ (exit 1); the text is
//! written either way, since a facilitator can still work from it.

use std::path::PathBuf;

use resolute_draft::negotiation::{self, CompileError, Version, VersionCounts};
use resolute_draft::Draft;
use serde::Serialize;

use crate::{parse_as, write_atomic, Error, Stage};

/// Compile delegations' proposals.
#[derive(Debug, Clone)]
pub struct CompileRequest {
    /// The base text (any readable document).
    pub base: PathBuf,
    /// Each delegation's name and version of the text.
    pub from: Vec<(String, PathBuf)>,
    /// The compiled text to write (replaced atomically).
    pub output: PathBuf,
}

/// What one version brought, and whether `clean --keep` gives it back.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalReport {
    /// The file read, as given.
    pub file: String,
    /// Paragraphs changed, added and deleted.
    #[serde(flatten)]
    pub counts: VersionCounts,
    /// Paragraph positions (1-based) where `clean --keep NAME` differs from the version;
    /// empty when it gives the version back.
    pub differing: Vec<usize>,
}

/// The compiled text and the report.
#[derive(Debug, Clone, Serialize)]
pub struct CompiledText {
    /// The base, as given.
    pub base: String,
    /// The file written.
    pub output: String,
    /// One report per version, in the order given.
    pub proposals: Vec<ProposalReport>,
    /// Paragraph positions where `clean --keep none` differs from the base.
    pub base_differing: Vec<usize>,
    /// The compiled text.
    #[serde(skip)]
    pub markdown: String,
}

impl CompiledText {
    /// Whether every version and the base come back from the compiled text.
    pub fn round_trips(&self) -> bool {
        self.base_differing.is_empty() && self.proposals.iter().all(|p| p.differing.is_empty())
    }
}

/// Reads the base and every version, compiles, checks the round trip and writes the text.
pub fn compile(request: &CompileRequest) -> Result<CompiledText, Error> {
    if request.output.is_dir() {
        return Err(Error::IsDirectory {
            path: request.output.clone(),
        });
    }
    let base = parse_as(&request.base, &Stage::Detect)?.draft;
    let drafts: Vec<Draft> = request
        .from
        .iter()
        .map(|(_, path)| parse_as(path, &Stage::Detect).map(|p| p.draft))
        .collect::<Result<_, _>>()?;
    let versions: Vec<Version> = request
        .from
        .iter()
        .zip(&drafts)
        .map(|((name, _), draft)| Version { name, draft })
        .collect();
    let compiled = negotiation::compile(&base, &versions).map_err(|e| {
        let path = match &e {
            CompileError::BadName(n) | CompileError::Repeated(n) => request
                .from
                .iter()
                .rev()
                .find(|(name, _)| name == n)
                .map(|(_, p)| p.clone()),
            _ => None,
        };
        Error::Convert {
            path: path.unwrap_or_else(|| request.base.clone()),
            reason: e.to_string(),
        }
    })?;
    let markdown = resolute_draft::write_markdown(&compiled.draft);
    let unsafe_text = |reason: String| Error::UnsafeRewrite {
        path: request.output.clone(),
        reason,
    };
    let positions = |keep: &str, expected: &Draft| -> Result<Vec<usize>, Error> {
        negotiation::round_trip(&markdown, keep, expected)
            .map(|d| d.into_iter().map(|(i, _, _)| i + 1).collect())
            .map_err(|e| unsafe_text(format!("the compiled text does not read back ({e})")))
    };
    let base_differing = positions("none", &base)?;
    let mut proposals = Vec::new();
    for (((name, path), draft), counts) in request.from.iter().zip(&drafts).zip(compiled.counts) {
        proposals.push(ProposalReport {
            file: crate::error::shown(path),
            counts,
            differing: positions(name, draft)?,
        });
    }
    write_atomic(&request.output, markdown.as_bytes()).map_err(|e| Error::Io {
        path: request.output.clone(),
        action: "cannot write",
        source: e,
    })?;
    Ok(CompiledText {
        base: crate::error::shown(&request.base),
        output: crate::error::shown(&request.output),
        proposals,
        base_differing,
        markdown,
    })
}

/// The report: one line per version, then whether the base comes back.
pub fn render_compiled(c: &CompiledText) -> String {
    let mut out = format!(
        "Compiled {} version(s) on {} into {}\n",
        c.proposals.len(),
        c.base,
        c.output
    );
    let back = |differing: &[usize]| match differing {
        [] => "comes back from clean --keep".to_string(),
        d => format!(
            "does NOT come back from clean --keep (paragraphs {})",
            d.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    for p in &c.proposals {
        out.push_str(&format!(
            "  {} ({}): {} paragraph(s) changed, {} added, {} deleted; {} {}\n",
            p.counts.name,
            p.file,
            p.counts.changed,
            p.counts.added,
            p.counts.deleted,
            back(&p.differing),
            p.counts.name
        ));
    }
    out.push_str(&format!("  the base {} none\n", back(&c.base_differing)));
    out
}

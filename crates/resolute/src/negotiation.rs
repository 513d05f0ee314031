//! The negotiation layer as a service: `resolute brackets`, `resolute clean`, and the stage
//! a document is read at (`resolute import --stage`).

use std::path::{Path, PathBuf};

use resolute_draft::negotiation::{self, Keep, Negotiation, Status};
use resolute_draft::Draft;
use serde::Serialize;

use crate::{parse_as, write_atomic, Error, Parsed, SourceKind};

/// The stage given to a document read from a PDF, DOCX or text that carries negotiation
/// brackets, when nobody named one.
pub const STAGE_OF_IMPORTED_TEXT: &str = "negotiating text";

/// Whether a document is read as a negotiating text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// As the document says: a draft by its front matter, any other text by whether it
    /// carries negotiation brackets.
    Detect,
    /// Never: brackets are characters.
    Off,
    /// Always, at this stage ("informals", "rev 1").
    On(String),
}

impl Stage {
    /// Reads the `--stage` argument: `off` or `none` turn the layer off, anything else names
    /// the stage.
    pub fn parse(s: &str) -> Stage {
        match s.trim() {
            "off" | "none" | "" => Stage::Off,
            named => Stage::On(named.to_string()),
        }
    }

    /// Sets the layer of a draft read as `kind`. Whether a plain text is a negotiating text
    /// is read from its own paragraphs, not its annexes: an adopted model treaty keeps its
    /// template brackets ("[ratification, acceptance or approval]") in the annex.
    pub(crate) fn apply(&self, draft: &mut Draft, text: &str, kind: SourceKind) {
        let stage = match (self, kind) {
            (Stage::Off, _) => {
                draft.meta.stage = None;
                return;
            }
            (Stage::On(s), SourceKind::Draft) => {
                draft.meta.stage = Some(s.clone());
                return;
            }
            (Stage::Detect, SourceKind::Draft) => return,
            (Stage::On(s), SourceKind::PlainText) => s.as_str(),
            (Stage::Detect, SourceKind::PlainText) => {
                if draft.meta.stage.is_some() || !negotiation::carries_negotiation(&own_text(draft))
                {
                    return;
                }
                STAGE_OF_IMPORTED_TEXT
            }
        };
        // Read again so that no bracketed text is taken for the masthead.
        *draft = resolute_draft::segment_negotiating(text);
        negotiation::adopt(draft, stage);
    }
}

/// The preambular and operative paragraphs of a draft, subparagraphs included, one block
/// each.
fn own_text(draft: &Draft) -> String {
    let mut out = String::new();
    for p in draft.paragraphs() {
        out.push_str(&p.text);
        out.push_str("\n\n");
        for s in &p.sub {
            out.push_str(&s.text);
            out.push_str("\n\n");
        }
    }
    out
}

/// A document as the draft-format text the negotiation layer reads, with its structure: a
/// draft as it is; any other document as `resolute import` would write it.
pub fn negotiating_text(path: &Path, stage: &Stage) -> Result<(String, Draft), Error> {
    let Parsed { source, draft, .. } = parse_as(path, stage)?;
    if source.kind == SourceKind::Draft {
        return Ok((source.text, draft));
    }
    let markdown = draft_markdown(&draft);
    let draft = resolute_draft::parse_markdown(&markdown).map_err(|e| Error::Format {
        path: path.to_path_buf(),
        source: e,
    })?;
    Ok((markdown, draft))
}

/// A document's structure in the draft format, as `import` writes it: a negotiating text in
/// normalised form (its openings emphasised, new paragraphs labelled), so that `fmt` on an
/// imported round changes nothing; any other text as it was read.
pub(crate) fn draft_markdown(draft: &Draft) -> String {
    let markdown = resolute_draft::write_markdown(draft);
    if draft.meta.stage.is_none() {
        return markdown;
    }
    resolute_draft::format(&markdown).unwrap_or(markdown)
}

/// `resolute brackets FILE`.
#[derive(Debug, Clone)]
pub struct BracketsRequest {
    /// Any readable document.
    pub path: PathBuf,
}

/// The state of a negotiation, with where each thing is (lines of the draft-format text).
#[derive(Debug, Clone, Serialize)]
pub struct BracketsReport {
    /// The file as given.
    pub file: String,
    /// The stage, when the document is a negotiating text.
    pub stage: Option<String>,
    /// Counts: `pairs`, `unbalanced`, `max_depth`, `alternatives`, `placeholders`,
    /// `paragraphs`, `agreed` and more.
    pub totals: negotiation::Totals,
    /// Every paragraph, in order.
    pub paragraphs: Vec<ParagraphLine>,
    /// Brackets and braces without a partner.
    pub unbalanced: Vec<Place>,
    /// Placeholders still to fill.
    pub placeholders: Vec<Place>,
    /// What each delegation has in the text.
    pub actors: Vec<negotiation::ActorState>,
    /// Facilitators' notes.
    pub notes: Vec<Place>,
}

/// One paragraph's state.
#[derive(Debug, Clone, Serialize)]
pub struct ParagraphLine {
    /// "PP3", "OP5 bis".
    pub label: String,
    /// "preambular" or "operative".
    pub kind: resolute_draft::Kind,
    /// 1-based line where it starts.
    pub line: usize,
    /// "agreed ad ref", "pending: EU", "deleted", or null.
    pub status: Option<String>,
    /// Bracket pairs that open in it.
    pub brackets: usize,
    /// Groups of alternatives in it.
    pub alternatives: usize,
    /// Placeholders in it.
    pub placeholders: usize,
    /// Delegations named in its attributions.
    pub actors: Vec<String>,
}

/// A place in the text and what is there.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
    /// What is there: the character, the placeholder, the note.
    pub text: String,
}

/// Reads a document and reports the state of its negotiation.
pub fn brackets(request: &BracketsRequest) -> Result<BracketsReport, Error> {
    let (text, draft) = negotiating_text(&request.path, &Stage::Detect)?;
    let n = negotiation::analyze(&text, &draft);
    Ok(report(&request.path, &text, n))
}

fn report(path: &Path, text: &str, n: Negotiation) -> BracketsReport {
    let place = |offset: usize, what: &str| {
        let (line, column) = resolute_check::line_col(text, offset);
        Place {
            line,
            column,
            offset,
            text: what.to_string(),
        }
    };
    let paragraphs = n
        .paragraphs
        .iter()
        .map(|p| ParagraphLine {
            label: p.label.clone(),
            kind: p.kind,
            line: resolute_check::line_col(text, p.span.start).0,
            status: p.status.as_ref().map(Status::written),
            brackets: p.brackets,
            alternatives: p.alternatives,
            placeholders: p.placeholders,
            actors: p.actors.clone(),
        })
        .collect();
    let placeholders = n
        .brackets
        .iter()
        .filter(|b| b.kind == negotiation::BracketKind::Placeholder)
        .map(|b| place(b.span.start, text.get(b.span.range()).unwrap_or("")))
        .collect();
    let notes = n
        .annotations
        .iter()
        .filter_map(|a| match a {
            negotiation::Annotation::Note { span, text: t } => Some(place(span.start, t)),
            _ => None,
        })
        .collect();
    BracketsReport {
        file: crate::error::shown(path),
        stage: n.stage,
        totals: n.totals,
        paragraphs,
        unbalanced: n
            .unmatched
            .iter()
            .map(|u| place(u.at, &u.ch.to_string()))
            .collect(),
        placeholders,
        actors: n.actors,
        notes,
    }
}

/// The report as text: one line per paragraph that holds anything, the places of unbalanced
/// brackets, the totals and the delegations.
pub fn render_brackets(r: &BracketsReport) -> String {
    let mut out = String::new();
    let stage = r
        .stage
        .as_deref()
        .unwrap_or("none (not a negotiating text)");
    out.push_str(&format!("{}: stage: {stage}\n", r.file));
    let width = r
        .paragraphs
        .iter()
        .map(|p| p.label.len())
        .max()
        .unwrap_or(2);
    for p in &r.paragraphs {
        let mut parts = Vec::new();
        if let Some(s) = &p.status {
            parts.push(s.clone());
        }
        if p.brackets > 0 {
            parts.push(plural(p.brackets, "bracket"));
        }
        if p.alternatives > 0 {
            parts.push(plural(p.alternatives, "group of alternatives"));
        }
        if p.placeholders > 0 {
            parts.push(plural(p.placeholders, "placeholder"));
        }
        if !p.actors.is_empty() {
            parts.push(format!("({})", p.actors.join(", ")));
        }
        if !parts.is_empty() {
            let label = format!("{:width$}", p.label);
            out.push_str(&format!(
                "  {label}  line {}: {}\n",
                p.line,
                parts.join(", ")
            ));
        }
    }
    for u in &r.unbalanced {
        out.push_str(&format!(
            "{}:{}:{}: '{}' without a partner\n",
            r.file, u.line, u.column, u.text
        ));
    }
    out.push_str(&totals_line(&r.totals));
    for a in &r.actors {
        out.push_str(&format!(
            "  {}: proposed {}, delete {}, retain {}\n",
            a.name, a.proposed, a.delete, a.retain
        ));
    }
    out
}

fn totals_line(t: &negotiation::Totals) -> String {
    format!(
        "totals: {} pairs, {} unbalanced, max depth {}, {} groups of alternatives, {}, \
         {} ({} agreed ad ref, {} pending, {} deleted, {} with open brackets), {}\n",
        t.pairs,
        t.unbalanced,
        t.max_depth,
        t.alternatives,
        plural(t.placeholders, "placeholder"),
        plural(t.paragraphs, "paragraph"),
        t.agreed,
        t.pending,
        t.deleted,
        t.open_paragraphs,
        plural(t.notes, "note"),
    )
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else if let Some((head, tail)) = what.split_once(' ') {
        format!("{n} {head}s {tail}")
    } else {
        format!("{n} {what}s")
    }
}

/// `resolute clean FILE --keep none|all|first|ACTOR -o OUT`.
#[derive(Debug, Clone)]
pub struct CleanRequest {
    /// Any readable document.
    pub input: PathBuf,
    /// Which bracketed text to keep.
    pub keep: Keep,
    /// The draft to write (atomically).
    pub output: PathBuf,
}

/// Writes the document with its brackets resolved as an ordinary draft; returns its text.
pub fn clean(request: &CleanRequest) -> Result<String, Error> {
    if request.output.is_dir() {
        return Err(Error::IsDirectory {
            path: request.output.clone(),
        });
    }
    let (text, draft) = negotiating_text(&request.input, &Stage::Detect)?;
    let cleaned = negotiation::clean(&text, &draft, &request.keep).map_err(|e| Error::Format {
        path: request.input.clone(),
        source: e,
    })?;
    write_atomic(&request.output, cleaned.as_bytes()).map_err(|e| Error::Io {
        path: request.output.clone(),
        action: "cannot write",
        source: e,
    })?;
    Ok(cleaned)
}

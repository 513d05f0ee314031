//! `resolute export FILE --to akn|txt|docx -o OUT [--base BASE [--author NAME]]`: any readable
//! file, written as an Akoma Ntoso 3.0 resolution, as UN plain text or as a Word document in
//! the UN layout (with `--base`, as Track Changes against the base text), atomically.

use std::path::PathBuf;

use resolute_draft::{Draft, Paragraph, Section};

use crate::{parse, write_atomic, Error, ParseRequest};

/// What [`export`] can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Akoma Ntoso 3.0 XML (`resolute_convert::akn::write`); reads back without loss.
    Akn,
    /// The resolution laid out as UN plain text ([`plain_text`]).
    Txt,
    /// A Word document in the layout of a UN draft resolution
    /// (`resolute_convert::docx::write`).
    Docx,
}

impl ExportFormat {
    /// Reads `akn`, `txt` or `docx` (any case); `None` for anything else.
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "akn" | "xml" => Some(ExportFormat::Akn),
            "txt" | "text" => Some(ExportFormat::Txt),
            "docx" | "word" => Some(ExportFormat::Docx),
            _ => None,
        }
    }
}

/// Export a file in another format.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The file to read (draft, text, PDF, DOCX, HTML, Akoma Ntoso).
    pub input: PathBuf,
    /// The format to write.
    pub to: ExportFormat,
    /// The file to write; replaced atomically if it exists.
    pub output: PathBuf,
    /// With `to` DOCX: the base text (any readable file) that the output shows the input's
    /// differences from as Track Changes (`resolute_convert::docx::write_tracked`). Only
    /// DOCX carries revisions: with another format it is not used (the command line refuses
    /// `--base` without `--to docx`).
    pub base: Option<PathBuf>,
    /// The author of the tracked revisions; [`DEFAULT_AUTHOR`] when `None`.
    pub author: Option<String>,
    /// With `to` DOCX and a negotiating text: where its attributions go (inline, as Word
    /// comments, or left out).
    pub attributions: resolute_convert::docx::Attributions,
}

/// The author written on tracked revisions when none is given.
pub const DEFAULT_AUTHOR: &str = "Resolute";

/// Reads `request.input` and writes it to `request.output` as `request.to`. Returns the
/// bytes written.
pub fn export(request: &ExportRequest) -> Result<Vec<u8>, Error> {
    let out = &request.output;
    let draft = crate::import::read_for_output(&request.input, out, &crate::Stage::Detect)?;
    let bytes = match (&request.base, request.to) {
        (Some(base), ExportFormat::Docx) => tracked(&draft, base, request.author.as_deref())?,
        (None, ExportFormat::Docx) => {
            resolute_convert::docx::write_with(&draft, request.attributions)
        }
        _ => render(&draft, request.to),
    }
    .map_err(|e| Error::Convert {
        path: out.clone(),
        reason: e.to_string(),
    })?;
    write_atomic(out, &bytes).map_err(|e| Error::Io {
        path: out.clone(),
        action: "cannot write",
        source: e,
    })?;
    Ok(bytes)
}

/// The DOCX of `current` tracked against the file `base`, revisions dated now.
fn tracked(
    current: &Draft,
    base: &std::path::Path,
    author: Option<&str>,
) -> Result<Result<Vec<u8>, resolute_convert::ConvertError>, Error> {
    let base = parse(&ParseRequest {
        path: base.to_path_buf(),
    })?
    .draft;
    let author = author.unwrap_or(DEFAULT_AUTHOR);
    let date = iso_now(std::time::SystemTime::now());
    Ok(resolute_convert::docx::write_tracked(
        &base, current, author, &date,
    ))
}

/// "2026-11-28T09:00:00Z": the UTC time of `now`, as Word dates revisions.
pub(crate) fn iso_now(now: std::time::SystemTime) -> String {
    let secs = now
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The Gregorian date of a day count since 1970-01-01 (the days-to-civil algorithm on
/// 400-year eras, valid for every date after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// The draft in `format`, without I/O. Only the DOCX writer can fail, and only if its
/// zip writer fails in memory.
pub fn render(
    draft: &Draft,
    format: ExportFormat,
) -> Result<Vec<u8>, resolute_convert::ConvertError> {
    match format {
        ExportFormat::Akn => Ok(resolute_convert::akn::write(draft).into_bytes()),
        ExportFormat::Txt => Ok(plain_text(draft).into_bytes()),
        ExportFormat::Docx => resolute_convert::docx::write(draft),
    }
}

/// The line that separates the text from its footnotes, as UN documents print it.
const FOOTNOTE_RULE: &str = "__________________";

/// The resolution as UN plain text: heading block (symbol, body, session, agenda item),
/// sponsors and title, enacting formula, preambular paragraphs, numbered operative
/// paragraphs with their (a)/(i) subparagraphs indented, sections, closing formula, annexes,
/// and the footnotes at the end after a rule, one block each. Footnote marks follow their paragraph's text,
/// as in the text UN PDFs give. Blocks are separated by blank lines.
pub fn plain_text(draft: &Draft) -> String {
    let mut blocks: Vec<String> = heading_block(draft);
    if let Some(e) = &draft.enacting {
        blocks.push(e.text.clone());
    }
    paragraphs(&mut blocks, &draft.preamble, &draft.operative);
    for s in &draft.sections {
        section(&mut blocks, s);
    }
    if let Some(c) = &draft.closing {
        let date = c
            .date
            .as_deref()
            .map(resolute_draft::dates::display_date)
            .unwrap_or_default();
        blocks.push(format!("{}\n{date}", c.meeting).trim_end().to_string());
    }
    for a in &draft.annexes {
        blocks.push(a.heading.clone());
        blocks.push(a.text.clone());
    }
    if !draft.footnotes.is_empty() {
        // One block per footnote after the rule, as the clean UN texts have them.
        blocks.push(FOOTNOTE_RULE.to_string());
        blocks.extend(
            draft
                .footnotes
                .iter()
                .map(|f| format!("{} {}", f.label, f.text)),
        );
    }
    let mut text = blocks
        .into_iter()
        .filter(|b| !b.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    text.push('\n');
    text
}

fn heading_block(draft: &Draft) -> Vec<String> {
    let m = &draft.meta;
    let mut head = Vec::new();
    head.extend(m.symbol.clone());
    head.extend(m.body.map(|b| b.name().to_string()));
    head.extend(
        m.session
            .as_deref()
            .map(resolute_draft::segment::session_heading),
    );
    head.extend(m.agenda_item.as_ref().map(|a| format!("Agenda item {a}")));
    let mut blocks = vec![head.join("\n")];
    if !m.sponsors.is_empty() {
        blocks.push(format!("{}: draft resolution", sponsors(&m.sponsors)));
    }
    blocks.extend(m.title.clone());
    blocks
}

/// "A, B and C".
fn sponsors(names: &[String]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn section(blocks: &mut Vec<String>, s: &Section) {
    blocks.push(format!("{}\n{}", s.label, s.heading).trim_end().to_string());
    paragraphs(blocks, &s.preamble, &s.operative);
}

fn paragraphs(blocks: &mut Vec<String>, preamble: &[Paragraph], operative: &[Paragraph]) {
    for p in preamble.iter().chain(operative) {
        let number = p.number.map(|n| format!("{n}. ")).unwrap_or_default();
        let text = with_marks(&p.text, &p.markdown, &p.footnote_refs);
        blocks.push(format!("{number}{text}"));
        for sub in &p.sub {
            let indent = "    ".repeat(usize::from(sub.level.max(1)));
            let text = with_marks(&sub.text, &sub.markdown, &sub.footnote_refs);
            blocks.push(format!("{indent}{} {text}", sub.label));
        }
    }
}

/// The text with each footnote mark right after the words it annotates, as UN texts print
/// them ("the Covenants,1 the Declaration2 and"); at the end where the place is unknown.
fn with_marks(text: &str, markdown: &str, refs: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + refs.len() * 3);
    let mut at = 0;
    for (offset, label) in resolute_convert::notes_at::note_offsets(text, markdown, refs) {
        let end = offset.clamp(at, text.len());
        out.push_str(text.get(at..end).unwrap_or(""));
        out.push_str(&label);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "---\nbody: General Assembly\nsymbol: A/C.2/81/L.1\n---\n\n\
        *The General Assembly*,\n\n*Recalling* its resolution 70/1,[^1]\n\n\
        1. *Requests* the Secretary-General:\n\n   (a) To report;\n\n\
        [^1]: See A/70/1.\n";

    #[test]
    fn plain_text_has_formula_numbers_labels_and_footnotes_at_the_end() {
        let draft = resolute_draft::parse_markdown(DRAFT).unwrap_or_default();
        let text = plain_text(&draft);
        assert!(text.starts_with("A/C.2/81/L.1\nGeneral Assembly\n\nThe General Assembly,"));
        assert!(
            text.contains("\n\nRecalling its resolution 70/1,1\n\n"),
            "{text}"
        );
        assert!(text.contains("\n\n1. Requests the Secretary-General:\n\n    (a) To report;"));
        assert!(
            text.ends_with("__________________\n\n1 See A/70/1.\n"),
            "{text}"
        );
    }

    #[test]
    fn revision_dates_are_utc_iso() {
        let at = |secs| iso_now(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(at(1_709_210_096), "2024-02-29T12:34:56Z");
        assert_eq!(at(1_798_761_599), "2026-12-31T23:59:59Z");
    }

    #[test]
    fn marks_stand_where_the_markdown_has_them() {
        let draft = resolute_draft::parse_markdown(
            "*The General Assembly*,\n\n*Recalling* the Covenants,[^1] the Declaration[^2] \
             and the Charter,\n\n[^1]: A.\n\n[^2]: B.\n",
        )
        .unwrap_or_default();
        let text = plain_text(&draft);
        assert!(
            text.contains("Recalling the Covenants,1 the Declaration2 and the Charter,\n"),
            "{text}"
        );
        let back = resolute_draft::segment(&text);
        assert_eq!(back.preamble[0].footnote_refs, ["1", "2"]);
        assert_eq!(back.preamble[0].markdown, draft.preamble[0].markdown);
    }

    #[test]
    fn formats_and_dates() {
        assert_eq!(ExportFormat::parse("AKN"), Some(ExportFormat::Akn));
        assert_eq!(ExportFormat::parse("DOCX"), Some(ExportFormat::Docx));
        assert_eq!(ExportFormat::parse("pdf"), None);
        assert_eq!(
            resolute_draft::dates::display_date("2023-12-07"),
            "7 December 2023"
        );
        assert_eq!(
            resolute_draft::dates::display_date("late 2023"),
            "late 2023"
        );
        assert_eq!(
            sponsors(&["A".into(), "B".into(), "C".into()]),
            "A, B and C"
        );
    }
}

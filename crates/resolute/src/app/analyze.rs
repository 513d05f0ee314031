//! `analyze`: everything the editor redraws after a keystroke — gutter labels, the outline,
//! diagnostics with their fixes, opening phrases, citations and footnote marks — in one call.

use resolute_check::{Diagnostic, Register};
use resolute_draft::FormatError;
use serde::Serialize;

use super::items::{items, line_start, Item};
use super::spans;
use super::utf16::{Range, Utf16Index};

/// Characters of a paragraph's text shown in the outline.
const OUTLINE_CHARS: usize = 80;

/// What the editor shows of a draft. All offsets are UTF-16 (see [`super::Utf16Index`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// One gutter label per element, in document order.
    pub labels: Vec<Label>,
    /// The structure, in document order.
    pub outline: Vec<OutlineEntry>,
    /// Findings of the checker, in source order.
    pub diagnostics: Vec<AppDiagnostic>,
    /// The opening phrase of each paragraph (inside its `*…*` when emphasised) and of each
    /// subparagraph that starts with an emphasised phrase.
    pub openings: Vec<Range>,
    /// Citations of resolutions, decisions and documents in paragraphs and footnotes.
    pub citations: Vec<CitationSpan>,
    /// Footnote references `[^1]` in the text.
    pub footnote_marks: Vec<Range>,
    /// The front matter block, from its opening `---` to its closing one.
    pub front_matter: Option<Range>,
    /// The masthead fields of the front matter (empty when there is none); `None` when the front
    /// matter does not read.
    pub header: Option<super::Header>,
    /// The negotiation layer, when the draft is a negotiating text (its front matter names a
    /// stage).
    pub negotiation: Option<super::negotiation::NegotiationView>,
}

/// A gutter label (see `items` for the scheme: `EF`, `PP1`, `OP2(a)`, `II.OP1`, `§II`, `FN1`,
/// `L`, `CL`, `AN1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// UTF-16 offset of the start of the line where the element starts.
    pub from: usize,
    /// The label.
    pub label: String,
}

/// One line of the outline panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineEntry {
    /// Same as the gutter label (`FM` for the front matter, which has no gutter label).
    pub label: String,
    /// "front_matter", "enacting", "preambular", "operative", "subparagraph", "section",
    /// "footnote", "closing" or "annex".
    pub kind: &'static str,
    /// Depth: 0 at the top, 1 for paragraphs of a section, one more per subparagraph level.
    pub level: u8,
    /// At most 80 characters of the element's plain text, "…" when cut.
    pub text: String,
    /// UTF-16 offset where the element starts (click-to-jump target).
    pub from: usize,
    /// UTF-16 offset where the next entry starts (the end of the text for the last one): the
    /// entries tile the text, so a paragraph's range stops where its first subparagraph starts.
    pub to: usize,
    /// Diagnostics whose start lies in `[from, to)`; those before the first entry count for
    /// the first one, so the counts always add up to the number of diagnostics.
    pub diagnostics: usize,
}

/// One finding of the checker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppDiagnostic {
    /// The rule: "citation/date", "structure/operative-end" …; "format/front-matter" when the
    /// draft does not read at all.
    pub rule: &'static str,
    /// "error", "warning" or "info".
    pub severity: &'static str,
    /// UTF-16 start.
    pub from: usize,
    /// UTF-16 end.
    pub to: usize,
    /// One sentence for the drafter.
    pub message: String,
    /// One-click fixes (zero or one today).
    pub fixes: Vec<AppFix>,
}

/// A replacement that resolves a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppFix {
    /// The button text: "Replace with “20 December 2006”", "Insert “,”", "Remove “;”".
    pub label: String,
    /// UTF-16 start of the text to replace.
    pub from: usize,
    /// UTF-16 end of the text to replace.
    pub to: usize,
    /// What to put there.
    pub insert: String,
}

/// A citation found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationSpan {
    /// UTF-16 start of the identifier as written ("61/208").
    pub from: usize,
    /// UTF-16 end.
    pub to: usize,
    /// The normal form, for [`super::citation_card`]: "A/RES/61/208", "S/RES/1325 (2000)".
    pub key: String,
    /// The identifier as written.
    pub text: String,
}

/// Parses `text` as a Markdown draft and checks it (against `register` when given: citation
/// verification). Never fails: a draft whose front matter does not read gives one
/// `format/front-matter` diagnostic on the faulty line, one `FM` outline entry holding it,
/// and no other structure.
pub fn analyze(text: &str, register: Option<&dyn Register>) -> Analysis {
    let index = Utf16Index::new(text);
    let draft = match resolute_draft::parse_markdown(text) {
        Ok(d) => d,
        Err(e) => return unreadable(text, &index, &e),
    };
    let found = resolute_check::check(text, &draft, register);
    let diagnostics: Vec<AppDiagnostic> =
        found.iter().map(|d| diagnostic(text, &index, d)).collect();
    let elements = items(&draft);
    Analysis {
        labels: labels(text, &index, &elements),
        outline: outline(&index, &elements, &diagnostics),
        openings: spans::openings(text, &draft, &index),
        citations: spans::citations(text, &draft, &index),
        footnote_marks: spans::footnote_marks(text, &draft, &index),
        front_matter: draft.meta.span.map(|s| index.range(s.start, s.end)),
        header: Some(super::Header::of(text, &draft.meta)),
        negotiation: super::negotiation::view(text, &draft, &index),
        diagnostics,
    }
}

/// The analysis of a draft that does not read: one diagnostic on the faulty line.
fn unreadable(text: &str, index: &Utf16Index, e: &FormatError) -> Analysis {
    let line = match e {
        FormatError::FrontMatter { line, .. } | FormatError::Unsupported { line, .. } => *line,
    };
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let end = text
        .get(start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |n| start + n);
    let range = index.range(start, end);
    // One outline entry holds the problem, so the panel still shows where it is.
    let front = OutlineEntry {
        label: "FM".to_string(),
        kind: "front_matter",
        level: 0,
        text: "front matter".to_string(),
        from: 0,
        to: index.utf16_len(),
        diagnostics: 1,
    };
    Analysis {
        outline: vec![front],
        diagnostics: vec![AppDiagnostic {
            rule: "format/front-matter",
            severity: "error",
            from: range.from,
            to: range.to,
            message: e.to_string(),
            fixes: Vec::new(),
        }],
        ..Analysis::default()
    }
}

fn diagnostic(text: &str, index: &Utf16Index, d: &Diagnostic) -> AppDiagnostic {
    let range = index.range(d.span.start, d.span.end);
    let fixes = d.fix.iter().map(|f| AppFix {
        label: fix_label(text.get(d.span.range()).unwrap_or(""), &f.replacement),
        from: range.from,
        to: range.to,
        insert: f.replacement.clone(),
    });
    AppDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        from: range.from,
        to: range.to,
        message: d.message.clone(),
        fixes: fixes.collect(),
    }
}

/// The button text of a fix.
fn fix_label(old: &str, new: &str) -> String {
    match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("Insert “{new}”"),
        (false, true) => format!("Remove “{old}”"),
        (false, false) => format!("Replace with “{new}”"),
    }
}

fn labels(text: &str, index: &Utf16Index, elements: &[Item]) -> Vec<Label> {
    elements
        .iter()
        .filter(|i| i.kind != "front_matter")
        .map(|i| Label {
            from: index.to_utf16(line_start(text, i.start)),
            label: i.label.clone(),
        })
        .collect()
}

fn outline(
    index: &Utf16Index,
    elements: &[Item],
    diagnostics: &[AppDiagnostic],
) -> Vec<OutlineEntry> {
    let starts: Vec<usize> = elements.iter().map(|i| index.to_utf16(i.start)).collect();
    let end = index.utf16_len();
    let mut out: Vec<OutlineEntry> = elements
        .iter()
        .zip(&starts)
        .enumerate()
        .map(|(n, (i, &from))| OutlineEntry {
            label: i.label.clone(),
            kind: i.kind,
            level: i.level,
            text: crop(&i.text),
            from,
            to: starts.get(n + 1).copied().unwrap_or(end).max(from),
            diagnostics: 0,
        })
        .collect();
    for d in diagnostics {
        // The last entry starting at or before the diagnostic; before every entry: the first.
        let n = starts.partition_point(|&s| s <= d.from).saturating_sub(1);
        if let Some(entry) = out.get_mut(n) {
            entry.diagnostics += 1;
        }
    }
    out
}

/// At most [`OUTLINE_CHARS`] characters on one line.
fn crop(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(OUTLINE_CHARS) {
        Some((cut, _)) => format!("{}…", flat.get(..cut).unwrap_or("").trim_end()),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "*The General Assembly*,\n\n\
        *Recalling* its resolution 61/208 of 20 December 2006 on “migration” – and 2018–2028,[^1]\n\n\
        1. *Decides* to act;\n\n   (a) *Welcomes* x;\n\n2. *Requests* a report;\n\n[^1]: See resolution 60/1.\n";

    #[test]
    fn labels_sit_at_line_starts_in_utf16() {
        let a = analyze(SRC, None);
        let idx = Utf16Index::new(SRC);
        let names: Vec<&str> = a.labels.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(names, ["EF", "PP1", "OP1", "OP1(a)", "OP2", "FN1"]);
        let units: Vec<u16> = SRC.encode_utf16().collect();
        for l in &a.labels {
            assert!(
                l.from == 0 || units.get(l.from - 1) == Some(&u16::from(b'\n')),
                "{l:?}"
            );
        }
        let sub = a
            .labels
            .iter()
            .find(|l| l.label == "OP1(a)")
            .map(|l| l.from);
        assert_eq!(
            sub,
            Some(idx.to_utf16(SRC.find("   (a)").unwrap_or_default()))
        );
    }

    #[test]
    fn diagnostics_are_utf16_and_counted_in_the_outline() {
        let a = analyze(SRC, None);
        // The last operative paragraph ends with ";" and should end with ".".
        let end = a
            .diagnostics
            .iter()
            .find(|d| d.fixes.iter().any(|f| f.insert == "."));
        let end = end.unwrap_or_else(|| panic!("no end-mark diagnostic in {:?}", a.diagnostics));
        let idx = Utf16Index::new(SRC);
        let semi = SRC.find("report;").unwrap_or_default() + "report".len();
        assert_eq!(
            (end.from, end.to),
            (idx.to_utf16(semi), idx.to_utf16(semi + 1))
        );
        assert_eq!(end.fixes[0].label, "Replace with “.”");
        let total: usize = a.outline.iter().map(|o| o.diagnostics).sum();
        assert_eq!(total, a.diagnostics.len());
        let op2 = a
            .outline
            .iter()
            .find(|o| o.label == "OP2")
            .map(|o| o.diagnostics);
        assert!(op2 >= Some(1), "{:?}", a.outline);
    }

    #[test]
    fn openings_citations_and_marks_are_found() {
        let a = analyze(SRC, None);
        let units: Vec<u16> = SRC.encode_utf16().collect();
        let show = |r: &Range| String::from_utf16_lossy(units.get(r.from..r.to).unwrap_or(&[]));
        let openings: Vec<String> = a.openings.iter().map(show).collect();
        // The enacting formula's emphasised words are drawn like an opening.
        assert_eq!(
            openings,
            [
                "The General Assembly",
                "Recalling",
                "Decides",
                "Welcomes",
                "Requests"
            ]
        );
        let keys: Vec<(&str, &str)> = a
            .citations
            .iter()
            .map(|c| (c.key.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(keys, [("A/RES/61/208", "61/208"), ("A/RES/60/1", "60/1")]);
        let c = &a.citations[0];
        assert_eq!(
            show(&Range {
                from: c.from,
                to: c.to
            }),
            "61/208"
        );
        let marks: Vec<String> = a.footnote_marks.iter().map(show).collect();
        assert_eq!(marks, ["[^1]"]);
    }

    #[test]
    fn the_front_matter_range_runs_from_its_opening_to_its_closing_rule() {
        let src = format!("---\nsymbol: A/C.2/81/L.99\ntitle: “Eau”\n---\n\n{SRC}");
        let range = analyze(&src, None).front_matter.expect("front matter");
        let units: Vec<u16> = src.encode_utf16().collect();
        let block = String::from_utf16_lossy(&units[range.from..range.to]);
        assert!(block.starts_with("---\nsymbol"), "{block:?}");
        assert!(block.trim_end().ends_with("“Eau”\n---"), "{block:?}");
        assert_eq!(analyze(SRC, None).front_matter, None);
    }

    #[test]
    fn a_broken_front_matter_is_one_diagnostic_not_a_failure() {
        let src = "---\nbody: General Assembly\nnonsense\n---\n\n*The General Assembly*,\n";
        let a = analyze(src, None);
        assert!(a.labels.is_empty());
        assert_eq!(a.diagnostics.len(), 1);
        let outline: Vec<(&str, usize)> =
            a.outline.iter().map(|o| (o.kind, o.diagnostics)).collect();
        assert_eq!(outline, [("front_matter", 1)]);
        let d = &a.diagnostics[0];
        assert_eq!((d.rule, d.severity), ("format/front-matter", "error"));
        assert_eq!(src.get(d.from..d.to), Some("nonsense"));
    }
}

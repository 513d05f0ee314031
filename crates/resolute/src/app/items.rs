//! The structure of a draft as the editor shows it: one labelled item per element (enacting
//! formula, sections, paragraphs, subparagraphs, footnotes, closing formula, annexes), in
//! document order, with byte spans. Gutter labels, the outline and "the paragraph under the
//! cursor" are all read from this one list.
//!
//! Labels: `EF` (enacting formula), `PP1`, `PP2` … by position in their part, `OP1`, `OP2` …
//! with the number `fmt` would give (`renumber`: by position, restarting in each section when
//! the draft restarts numbering there, else running on), `L` for a lone unnumbered operative
//! paragraph,
//! subparagraphs by their path (`OP2(a)`, `OP2(b)(i)`), sections `§I` (`§2` for the second
//! section when it has no label), and paragraphs inside a section prefixed with the section's
//! label: `II.PP1`, `II.OP3`, `II.OP3(a)`. Footnotes `FN1` (their own label), the closing
//! formula `CL`, annexes `AN1`, `AN2` …, the front matter `FM` (outline only).

use resolute_draft::markdown::renumber;
use resolute_draft::{Draft, Kind, Paragraph};
use serde::Serialize;

use super::utf16::Utf16Index;

/// One element of the draft.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Gutter label: "PP1", "OP2(a)", "II.OP1", "§II", "FN1" …
    pub label: String,
    /// "front_matter", "enacting", "section", "preambular", "operative", "subparagraph",
    /// "footnote", "closing" or "annex".
    pub kind: &'static str,
    /// Nesting depth: 0 at the top, paragraphs of a section 1, subparagraphs one deeper per
    /// level under their paragraph.
    pub level: u8,
    /// Byte span of the element (a paragraph's span covers its subparagraphs).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// Plain text (a section's heading, an annex's heading).
    pub text: String,
}

/// The items of `draft` (parsed from `src`), sorted by position.
pub(crate) fn items(draft: &Draft) -> Vec<Item> {
    // Operative labels carry the numbers `fmt` would write, not the ones typed so far; in a
    // negotiating text numbers are frozen and inserted paragraphs carry their own labels.
    let mut numbered = draft.clone();
    if draft.meta.stage.is_none() {
        renumber(&mut numbered);
    }
    let draft = &numbered;
    let mut out = Vec::new();
    if let Some(span) = draft.meta.span {
        out.push(item("FM", "front_matter", 0, span, "front matter"));
    }
    if let Some(e) = &draft.enacting {
        out.push(item("EF", "enacting", 0, e.span, &e.text));
    }
    part(&mut out, "", 0, &draft.preamble, &draft.operative);
    for (i, s) in draft.sections.iter().enumerate() {
        let name = if s.label.is_empty() {
            (i + 1).to_string()
        } else {
            s.label.clone()
        };
        let heading = format!("{} {}", s.label, s.heading);
        out.push(item(
            &format!("§{name}"),
            "section",
            0,
            s.span,
            heading.trim(),
        ));
        part(&mut out, &format!("{name}."), 1, &s.preamble, &s.operative);
    }
    back_matter(&mut out, draft);
    out.sort_by_key(|i| i.start);
    out
}

/// The closing formula, annexes and footnotes.
fn back_matter(out: &mut Vec<Item>, draft: &Draft) {
    if let Some(c) = &draft.closing {
        out.push(item("CL", "closing", 0, c.span, &c.meeting));
    }
    for (i, a) in draft.annexes.iter().enumerate() {
        out.push(item(
            &format!("AN{}", i + 1),
            "annex",
            0,
            a.span,
            &a.heading,
        ));
    }
    for f in &draft.footnotes {
        out.push(item(
            &format!("FN{}", f.label),
            "footnote",
            0,
            f.span,
            &f.text,
        ));
    }
}

fn item(
    label: &str,
    kind: &'static str,
    level: u8,
    span: resolute_draft::Span,
    text: &str,
) -> Item {
    Item {
        label: label.to_string(),
        kind,
        level,
        start: span.start,
        end: span.end,
        text: text.to_string(),
    }
}

/// The paragraphs of one part (before any section, or one section).
fn part(out: &mut Vec<Item>, prefix: &str, level: u8, pre: &[Paragraph], ops: &[Paragraph]) {
    let mut position = 0;
    for p in pre {
        let name = match own_label(p) {
            Some(l) => format!("{prefix}{l}"),
            None => {
                position += 1;
                format!("{prefix}PP{position}")
            }
        };
        paragraph(out, name, level, p);
    }
    for p in ops {
        let name = match (own_label(p), p.number) {
            (Some(l), _) if l.starts_with(|c: char| c.is_ascii_digit()) => format!("{prefix}OP{l}"),
            (Some(l), _) => format!("{prefix}{l}"),
            (None, Some(n)) => format!("{prefix}OP{n}"),
            (None, None) => format!("{prefix}L"),
        };
        paragraph(out, name, level, p);
    }
}

/// The label a paragraph of a negotiating text carries itself ("5 bis", "PP3 ter").
fn own_label(p: &Paragraph) -> Option<&str> {
    p.marks.as_ref()?.label.as_deref()
}

/// A paragraph and its subparagraphs, labelled by their path under it.
fn paragraph(out: &mut Vec<Item>, name: String, level: u8, p: &Paragraph) {
    let kind = match p.kind {
        Kind::Preambular => "preambular",
        Kind::Operative => "operative",
    };
    out.push(item(&name, kind, level, p.span, &p.text));
    let mut path: Vec<&str> = Vec::new();
    for s in &p.sub {
        let depth = usize::from(s.level.max(1));
        path.truncate(depth - 1);
        path.push(&s.label);
        let label = format!("{name}{}", path.concat());
        let sub_level = level.saturating_add(s.level.max(1));
        out.push(item(&label, "subparagraph", sub_level, s.span, &s.text));
    }
}

/// Byte offset of the start of the line holding `byte`.
pub(crate) fn line_start(src: &str, byte: usize) -> usize {
    src.get(..byte)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The innermost paragraph or subparagraph item of `draft` (parsed from `src`) at `byte`,
/// from the start of its first line to its end, both included.
pub(crate) fn item_at(draft: &Draft, src: &str, byte: usize) -> Option<Item> {
    items(draft)
        .into_iter()
        .filter(|i| matches!(i.kind, "preambular" | "operative" | "subparagraph"))
        .rev()
        .find(|i| line_start(src, i.start) <= byte && byte <= i.end)
}

/// The paragraph or subparagraph under the cursor ("precedent for the paragraph under the
/// cursor").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphAt {
    /// Its gutter label: "PP3", "OP2(a)", "II.OP1".
    pub label: String,
    /// "preambular", "operative" or "subparagraph".
    pub kind: &'static str,
    /// UTF-16 offset of its start (its number or label).
    pub from: usize,
    /// UTF-16 offset of its end (a paragraph's end covers its subparagraphs).
    pub to: usize,
    /// Its plain text: no number, no label, no markup, no footnote marks (a paragraph's own
    /// text, without its subparagraphs).
    pub text: String,
}

/// The innermost paragraph or subparagraph at UTF-16 offset `at` (from the start of its first
/// line to its end, both included), or `None` (front matter, blank lines, headings, a draft
/// whose front matter does not read).
pub fn paragraph_at(text: &str, at: usize) -> Option<ParagraphAt> {
    let draft = resolute_draft::parse_markdown(text).ok()?;
    let index = Utf16Index::new(text);
    let found = item_at(&draft, text, index.to_byte(at))?;
    Some(ParagraphAt {
        label: found.label,
        kind: found.kind,
        from: index.to_utf16(found.start),
        to: index.to_utf16(found.end),
        text: found.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "*The General Assembly*,\n\n*Recalling* “its” resolution 61/208,\n\n\
        1. *Decides* to act:\n\n   (a) *Welcomes* x;\n\n      (i) one;\n\n   (b) two;\n\n\
        ## II. Second part\n\n*Noting* y,\n\n1. *Requests* z.\n\n[^1]: A note.\n";

    fn labels(src: &str) -> Vec<String> {
        let draft = resolute_draft::parse_markdown(src).unwrap_or_default();
        items(&draft).into_iter().map(|i| i.label).collect()
    }

    #[test]
    fn labels_follow_paths_and_sections() {
        assert_eq!(
            labels(SRC),
            [
                "EF",
                "PP1",
                "OP1",
                "OP1(a)",
                "OP1(a)(i)",
                "OP1(b)",
                "§II",
                "II.PP1",
                "II.OP1",
                "FN1"
            ]
        );
    }

    #[test]
    fn operative_labels_run_on_through_sections_unless_numbering_restarts() {
        let running = "## I\n\n1. *Decides* a;\n\n2. *Decides* b;\n\n## II\n\n3. *Decides* c.\n";
        assert_eq!(labels(running), ["§I", "I.OP1", "I.OP2", "§II", "II.OP3"]);
        let restarting = running.replace("3. *Decides* c", "1. *Decides* c");
        assert_eq!(
            labels(&restarting),
            ["§I", "I.OP1", "I.OP2", "§II", "II.OP1"]
        );
        // Typed numbers do not matter: the label is the position's number.
        let typed = "*The General Assembly*,\n\n4. *Decides* a;\n\n4. *Decides* b.\n";
        assert_eq!(labels(typed), ["EF", "OP1", "OP2"]);
    }

    #[test]
    fn a_lone_unnumbered_operative_paragraph_is_l() {
        let src = "*The Security Council*\n\n- *Decides* to remain seized of the matter.\n";
        assert_eq!(labels(src), ["EF", "L"]);
    }

    #[test]
    fn paragraph_at_finds_the_innermost_in_utf16() {
        let idx = Utf16Index::new(SRC);
        let at = |needle: &str| idx.to_utf16(SRC.find(needle).unwrap_or_default());
        let p = paragraph_at(SRC, at("one;"));
        assert_eq!(p.as_ref().map(|p| p.label.as_str()), Some("OP1(a)(i)"));
        assert_eq!(p.map(|p| p.text), Some("one;".to_string()));
        let p = paragraph_at(SRC, at("resolution 61")).map(|p| (p.label, p.text));
        let want = "Recalling “its” resolution 61/208,";
        assert_eq!(p, Some(("PP1".to_string(), want.to_string())));
        // The start of an indented subparagraph's line belongs to it.
        let line = idx.to_utf16(line_start(SRC, SRC.find("(b) two").unwrap_or_default()));
        assert_eq!(
            paragraph_at(SRC, line).map(|p| p.label).as_deref(),
            Some("OP1(b)")
        );
        assert_eq!(paragraph_at(SRC, 0), None);
    }
}

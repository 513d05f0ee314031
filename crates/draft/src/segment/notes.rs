//! Footnotes written into a clean text: the rule above them and one block per note.

use super::blocks::Block;
use super::Piece;
use crate::model::Footnote;

/// "__________": the rule above footnotes ("-----" ends some Security Council texts).
pub(crate) fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 5 && (t.chars().all(|c| c == '_') || t.chars().all(|c| c == '-'))
}

/// A footnote written as a block of a clean text: "* Reissued for technical reasons ...",
/// or, after a rule, "1/ S/PRST/1994/22." and "1 Official Records ...".
pub(crate) fn footnote(block: &Block, after_rule: bool) -> Option<Footnote> {
    let text = block.text.trim();
    let (label, rest) = text.split_once(' ')?;
    let starred = !label.is_empty() && label.chars().all(|c| c == '*');
    let core = label.trim_end_matches('/');
    // "1/ A/48/876.": the slash marks a footnote even where the rule above it is lost.
    let slashed = core.len() < label.len();
    let numbered = (after_rule || slashed)
        && !core.is_empty()
        && core.len() <= 3
        && core.bytes().all(|b| b.is_ascii_digit());
    (starred || numbered).then(|| Footnote {
        label: core.to_string(),
        text: rest.trim().to_string(),
        markdown: String::new(),
        span: block.span,
    })
}

/// A footnote area of a clean text: the index of its rule and one past its last note. Only a
/// rule followed by at least one note opens one.
pub(crate) type Area = (usize, usize);

/// The footnote areas of a clean text, in order: a rule, then the notes standing one per
/// block after it (as UN texts print them at the foot of a page, and as the DOCX and plain
/// text readers list a document's notes after its last paragraph).
pub(crate) fn areas(blocks: &[Block]) -> Vec<Area> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(block) = blocks.get(i) {
        i += 1;
        if !is_rule(&block.text) {
            continue;
        }
        let notes = blocks
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|b| footnote(b, true).is_some())
            .count();
        if notes > 0 {
            out.push((i - 1, i + notes));
            i += notes;
        }
    }
    out
}

/// Removes from the text of a clean document the marks of the footnotes its areas list:
/// the marks of an area's notes are looked for in the blocks between the previous area and
/// its rule (the printed page, or the whole text when the notes are listed at the end), in
/// order, as in a PDF page ([`super::footnotes::strip_marks`]). Each removed mark is kept
/// in the block's `marks`, so paragraphs refer to their notes. Only marks attached to
/// their word are taken ([`super::footnotes::strip_attached_marks`]).
pub(crate) fn strip_marks(blocks: &mut [Block]) {
    // The text the current areas annotate: areas in a row (notes listed as text, then a
    // word processor's notes) all annotate the text before the first of them.
    let (mut scope, mut last_end) = ((0, 0), usize::MAX);
    for (rule, end) in areas(blocks) {
        if rule != last_end {
            scope = (if last_end == usize::MAX { 0 } else { last_end }, rule);
        }
        last_end = end;
        let labels: Vec<String> = blocks
            .get(rule + 1..end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|b| footnote(b, true))
            .map(|f| f.label)
            .collect();
        if let Some(body) = blocks.get_mut(scope.0..scope.1) {
            strip_in(body, &labels);
        }
    }
}

/// Strips the marks of `labels` from `blocks`, through the page-level mark finder.
fn strip_in(blocks: &mut [Block], labels: &[String]) {
    let mut pieces: Vec<Piece> = blocks
        .iter()
        .map(|b| Piece {
            text: b.text.clone(),
            start: b.span.start,
            end: b.span.end,
            marks: b.marks.clone(),
        })
        .collect();
    super::footnotes::strip_attached_marks(&mut pieces, labels);
    for (block, piece) in blocks.iter_mut().zip(pieces) {
        block.text = piece.text;
        block.marks = piece.marks;
    }
}

/// The footnotes listed after the last paragraph: when the text ends with footnote areas
/// (one, or several in a row: notes listed as text, then the notes of a word processor),
/// their notes, and the number of blocks before the first rule (where the text proper
/// ends). Without one, no notes and all blocks. Notes of several areas are put in label
/// order (starred notes first), as a document numbers them.
pub(crate) fn trailing(blocks: &[Block]) -> (Vec<Footnote>, usize) {
    let mut start = blocks.len();
    let mut chained = 0;
    for &(rule, end) in areas(blocks).iter().rev() {
        if end != start {
            break;
        }
        start = rule;
        chained += 1;
    }
    let mut notes: Vec<Footnote> = blocks
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .filter_map(|b| footnote(b, true))
        .collect();
    if chained > 1 {
        notes.sort_by_key(|f| (!f.label.starts_with('*'), f.label.parse::<u32>().ok()));
    }
    (notes, start)
}

/// Takes the footnote areas out of the text after the closing formula (the notes of an
/// annex, or of the next resolution in a compilation): their notes, in order, and the other
/// blocks, which form the annexes.
pub(crate) fn take_areas(blocks: &[Block]) -> (Vec<Footnote>, Vec<Block>) {
    let (mut notes, mut rest) = (Vec::new(), Vec::new());
    let mut at = 0;
    for (rule, end) in areas(blocks) {
        rest.extend(blocks.get(at..rule).unwrap_or(&[]).iter().cloned());
        let area = blocks.get(rule + 1..end).unwrap_or(&[]);
        notes.extend(area.iter().filter_map(|b| footnote(b, true)));
        at = end;
    }
    rest.extend(blocks.get(at..).unwrap_or(&[]).iter().cloned());
    (notes, rest)
}

//! Pasting text copied from a UN PDF or a Word document. Such text arrives with hard line
//! breaks, words broken at line ends, page furniture, footnote marks and typed numbers: the
//! segmenter reads it (as `resolute import` reads a file) and the paste inserts clean
//! paragraphs in the draft format, operative numbers fitted to where they land.

use resolute_draft::{parse_markdown, segment, write_markdown, Draft, Kind};

use super::edit::{minimal_edit, TextEdit};
use super::utf16::Utf16Index;

/// The edit that pastes `clipboard` over the selection `from..to` (UTF-16 offsets) of the
/// editor's `text`, or `None` when the clipboard is best pasted as it is: a single line, text
/// in which the segmenter finds no paragraph, or a draft that does not parse.
///
/// - Into an empty draft, the whole structure: masthead, enacting formula, paragraphs,
///   footnotes, closing, as `resolute import` writes them.
/// - Into a draft, the paragraphs (preambular or operative by their openings) go after the
///   paragraph holding the cursor (before the first one when the cursor is above it); pasted
///   operative paragraphs are numbered on from the operative paragraph before them, and the
///   operative paragraphs after them of the same part are renumbered; pasted footnotes take
///   labels after the draft's own and are listed at its end.
///
/// One edit: one undo step.
pub fn paste_text(text: &str, from: usize, to: usize, clipboard: &str) -> Option<TextEdit> {
    if !clipboard.trim().contains('\n') {
        return None;
    }
    paste_draft(text, from, to, segment(clipboard))
}

/// As [`paste_text`], for a clipboard already in the draft format: what the editor makes of
/// a Word document's HTML on the clipboard (paragraphs, its list numbers and letters, italics
/// as emphasis, footnote references and notes), where no segmenter needs to guess. `None`
/// when it holds no paragraph or does not read.
pub fn paste_markdown(text: &str, from: usize, to: usize, clipboard: &str) -> Option<TextEdit> {
    paste_draft(text, from, to, parse_markdown(clipboard).ok()?)
}

fn paste_draft(text: &str, from: usize, to: usize, pasted: Draft) -> Option<TextEdit> {
    pasted.paragraphs().next()?;
    let index = Utf16Index::new(text);
    let (start, end) = (index.to_byte(from.min(to)), index.to_byte(from.max(to)));
    let rest = format!("{}{}", &text[..start], &text[end..]);
    if rest.trim().is_empty() {
        let whole = write_markdown(&pasted);
        let cursor = whole.len();
        return minimal_edit(text, &whole, cursor);
    }
    let draft = parse_markdown(&rest).ok()?;
    let (new, cursor) = insert(&rest, &draft, start, pasted);
    minimal_edit(text, &new, cursor)
}

/// `text` (read as `draft`) with the pasted paragraphs inserted near byte `at`; returns the
/// new text and where the cursor goes (after the last pasted paragraph). Preambular
/// paragraphs go to the preamble (after the cursor's paragraph when it is preambular, else at
/// the end of the preamble), operative ones to the operative part (after the cursor's
/// paragraph when it is operative, else before the first operative paragraph).
fn insert(text: &str, draft: &Draft, at: usize, mut pasted: Draft) -> (String, usize) {
    let paragraphs: Vec<_> = draft.paragraphs().collect();
    // A cursor at the very start of a paragraph pastes before it.
    let before = paragraphs.iter().rposition(|p| p.span.start < at);
    let kind_at = before.map(|i| paragraphs[i].kind);
    let first_op = paragraphs.iter().position(|p| p.kind == Kind::Operative);
    let last_pp = paragraphs.iter().rposition(|p| p.kind == Kind::Preambular);
    let end_of_text = text.trim_end().len();
    let start_of = |i: Option<usize>| i.map_or(end_of_text, |i: usize| paragraphs[i].span.start);
    let pp_place = match (before, kind_at) {
        (Some(i), Some(Kind::Preambular)) => paragraphs[i].span.end,
        (None, _) => start_of(paragraphs.first().map(|_| 0)),
        _ => last_pp.map_or_else(|| start_of(first_op), |i| paragraphs[i].span.end),
    };
    let op_place = match (before, kind_at) {
        (Some(i), Some(Kind::Operative)) => paragraphs[i].span.end,
        _ => start_of(first_op),
    }
    .max(pp_place);
    // Operative numbers run on from the operative paragraph before the insertion.
    let last_number = paragraphs
        .iter()
        .filter(|p| p.kind == Kind::Operative && p.span.end <= op_place)
        .filter_map(|p| p.number)
        .next_back()
        .unwrap_or(0);
    let (mut preamble, mut operative) = (Vec::new(), Vec::new());
    let parts = std::iter::once((pasted.preamble, pasted.operative)).chain(
        pasted
            .sections
            .into_iter()
            .map(|s| (s.preamble, s.operative)),
    );
    for (pre, op) in parts {
        preamble.extend(pre);
        operative.extend(op);
    }
    let count = u32::try_from(operative.len()).unwrap_or(0);
    for (n, p) in (last_number + 1..).zip(operative.iter_mut()) {
        p.number = Some(n);
    }
    let own_labels = draft
        .footnotes
        .iter()
        .filter_map(|f| f.label.parse::<u32>().ok());
    let first_free = own_labels.max().unwrap_or(0) + 1;
    let labels: Vec<String> = pasted.footnotes.iter().map(|f| f.label.clone()).collect();
    // Each part written once: the preambular paragraphs, the operative ones, the notes.
    let written = |d: Draft| relabel(&write_markdown(&d), &labels, first_free);
    let pp_blocks = written(Draft {
        preamble,
        ..Draft::default()
    });
    let op_blocks = written(Draft {
        operative,
        ..Draft::default()
    });
    let notes = written(Draft {
        footnotes: std::mem::take(&mut pasted.footnotes),
        ..Draft::default()
    });
    let mut new = String::with_capacity(text.len() + pp_blocks.len() + op_blocks.len() + 8);
    let mut cursor = 0;
    let mut put = |new: &mut String, blocks: &str, from: usize, to: usize| {
        push_block(new, &text[from..to]);
        if !blocks.trim().is_empty() {
            push_block(new, blocks);
            cursor = new.len();
        }
    };
    put(&mut new, &pp_blocks, 0, pp_place);
    put(&mut new, &op_blocks, pp_place, op_place);
    push_block(&mut new, &text[op_place..]);
    push_block(&mut new, &notes);
    new.push('\n');
    let renumbered = renumber_after(&new, cursor, last_number + count);
    (renumbered, cursor)
}

/// Appends a run of blocks, one blank line apart from what is already there.
fn push_block(out: &mut String, blocks: &str) {
    let blocks = blocks.trim();
    if blocks.is_empty() {
        return;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(blocks);
}

/// Footnote labels of the pasted paragraphs moved after the draft's own (`[^1]` -> `[^7]`).
fn relabel(markdown: &str, labels: &[String], first_free: u32) -> String {
    let mut out = markdown.to_string();
    // Through placeholders, so that a new label equal to an old one is not renamed twice.
    for (k, label) in labels.iter().enumerate() {
        out = out.replace(&format!("[^{label}]"), &format!("[^\u{1}{k}]"));
    }
    for (k, n) in (0..labels.len()).zip(first_free..) {
        out = out.replace(&format!("[^\u{1}{k}]"), &format!("[^{n}]"));
    }
    out
}

/// The operative paragraphs written after byte `from` of `text`, in the same run of numbers,
/// numbered on from `last`: only the digits of their numbers change.
fn renumber_after(text: &str, from: usize, last: u32) -> String {
    let Ok(draft) = parse_markdown(text) else {
        return text.to_string();
    };
    let parts =
        std::iter::once(&draft.operative).chain(draft.sections.iter().map(|s| &s.operative));
    let mut fixes: Vec<(usize, usize, String)> = Vec::new();
    for part in parts {
        let mut next = None;
        for p in part {
            let Some(n) = p.number else { continue };
            if p.span.start < from {
                continue;
            }
            let want = *next.get_or_insert(last + 1);
            let digits = text[p.span.start..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if n != want && digits > 0 {
                fixes.push((p.span.start, p.span.start + digits, want.to_string()));
            }
            next = Some(want + 1);
        }
        if next.is_some() {
            break;
        }
    }
    let mut out = text.to_string();
    for (start, end, number) in fixes.into_iter().rev() {
        out.replace_range(start..end, &number);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies an edit as CodeMirror would: on UTF-16 code units.
    fn apply(text: &str, e: &TextEdit) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out: Vec<u16> = units[..e.from].to_vec();
        out.extend(e.insert.encode_utf16());
        out.extend(&units[e.to..]);
        String::from_utf16_lossy(&out)
    }

    const DRAFT: &str = "*The General Assembly*,\n\n*Recalling* its resolution 61/208,\n\n1. *Decides* to act;\n\n2. *Requests* a report on paragraph 1.\n";

    /// A page of a PDF extraction: running head, job and page numbers, lines broken inside
    /// sentences, numbers on lines of their own, a footnote under the rule.
    const PDF_LINES: &str = "A/RES/78/1 \nA test resolution\n \n23-24979\n2/3 \n \n \nRecalling also its resolution 77/148 of 12 December 2022 on the \npromotion of inter-religious and inter-cultural dialogue,1 \n \n3. \nEncourages Member States to continue their efforts in development \ncooperation; \n \n4. \nInvites the Secretary-General to report. \n__________________ \n \n1 See A/77/100. \n";

    #[test]
    fn a_single_line_or_text_without_paragraphs_is_pasted_as_it_is() {
        assert_eq!(paste_text(DRAFT, 5, 5, "peace and security"), None);
        assert_eq!(paste_text(DRAFT, 5, 5, "hello\n\nworld"), None);
    }

    #[test]
    fn pasted_paragraphs_land_after_the_cursor_with_their_numbers_fitted() {
        let at = DRAFT.find("Decides").unwrap();
        let edit = paste_text(DRAFT, at, at, PDF_LINES).expect("an edit");
        let new = apply(DRAFT, &edit);
        let d = parse_markdown(&new).expect("parses");
        let ops: Vec<(Option<u32>, &str)> = d
            .operative
            .iter()
            .map(|p| (p.number, p.text.as_str()))
            .collect();
        assert_eq!(ops[0], (Some(1), "Decides to act;"), "{new}");
        assert_eq!(
            ops[1],
            (
                Some(2),
                "Encourages Member States to continue their efforts in development cooperation;"
            )
        );
        assert_eq!(ops[2].0, Some(3));
        assert_eq!(ops[3], (Some(4), "Requests a report on paragraph 1."));
        // The pasted preambular paragraph is a paragraph of its own, its mark a reference.
        assert!(new.contains("inter-cultural dialogue,[^1]"), "{new}");
        assert!(new.trim_end().ends_with("[^1]: See A/77/100."), "{new}");
        assert_eq!(new.matches("[^1]:").count(), 1, "{new}");
        // The cursor ends after the pasted paragraphs.
        let cursor_text = &new[..edit.cursor];
        assert!(
            cursor_text.ends_with("*Invites* the Secretary-General to report."),
            "{cursor_text}"
        );
    }

    #[test]
    fn pasted_footnotes_take_labels_after_the_drafts_own() {
        let draft = "*The General Assembly*,\n\n*Recalling* its resolution 61/208,[^1]\n\n1. *Decides* to act.\n\n[^1]: Adopted in 2006.\n";
        let at = draft.find("Decides").unwrap();
        let edit = paste_text(draft, at, at, PDF_LINES).expect("an edit");
        let new = apply(draft, &edit);
        assert!(new.contains("dialogue,[^2]"), "{new}");
        assert!(new.contains("[^1]: Adopted in 2006."), "{new}");
        assert!(new.contains("[^2]: See A/77/100."), "{new}");
        assert_eq!(new.matches("[^2]:").count(), 1, "{new}");
        assert!(parse_markdown(&new).is_ok());
    }

    #[test]
    fn a_whole_resolution_into_an_empty_draft_gives_its_whole_structure() {
        let clip = "78/1. A test resolution\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n\n1.\tDecides to act;\n\n2.\tRequests a report.\n\n45th plenary meeting\n7 December 2023\n";
        let edit = paste_text("\n", 0, 1, clip).expect("an edit");
        let new = apply("\n", &edit);
        assert_eq!(new, write_markdown(&segment(clip)));
        let d = parse_markdown(&new).expect("parses");
        assert!(d.enacting.is_some() && d.closing.is_some());
        assert_eq!(d.operative.len(), 2);
    }

    #[test]
    fn a_word_documents_paragraphs_keep_their_italics_letters_and_notes() {
        // What the editor makes of Word's HTML: emphasis, list numbers and letters, a note.
        let clip = "*Noting* the report,[^1]\n\n1. *Urges* States to act:\n\n(a) By reporting;\n\n(b) By sharing data;\n\n[^1]: A/81/100.\n";
        let at = DRAFT.find("Decides").unwrap();
        let new = apply(
            DRAFT,
            &paste_markdown(DRAFT, at, at, clip).expect("an edit"),
        );
        let d = parse_markdown(&new).expect("parses");
        assert_eq!(d.preamble[1].markdown, "*Noting* the report,[^1]", "{new}");
        let ops: Vec<(Option<u32>, &str, usize)> = d
            .operative
            .iter()
            .map(|p| (p.number, p.text.as_str(), p.sub.len()))
            .collect();
        assert_eq!(
            ops,
            [
                (Some(1), "Decides to act;", 0),
                (Some(2), "Urges States to act:", 2),
                (Some(3), "Requests a report on paragraph 1.", 0)
            ],
            "{new}"
        );
        assert!(new.trim_end().ends_with("[^1]: A/81/100."), "{new}");
        assert_eq!(paste_markdown(DRAFT, at, at, "\n\n"), None);
    }

    #[test]
    fn a_selection_is_replaced() {
        let from = DRAFT.find("1. *Decides*").unwrap();
        let to = DRAFT.find("2. *Requests*").unwrap();
        let edit = paste_text(DRAFT, from, to, PDF_LINES).expect("an edit");
        let new = apply(DRAFT, &edit);
        assert!(!new.contains("Decides to act"), "{new}");
        let d = parse_markdown(&new).expect("parses");
        let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)], "{new}");
    }
}

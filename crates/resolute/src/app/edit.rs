//! Text edits for the editor: one minimal replacement turns the current text into the new
//! one, so CodeMirror keeps the rest of the document (and its undo history) untouched.

use std::path::PathBuf;

use serde::Serialize;

use super::utf16::Utf16Index;
use crate::Error;

/// Replace UTF-16 `from..to` of the current text with `insert`, then put the cursor at
/// `cursor` (a UTF-16 offset into the text after the edit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    /// UTF-16 start of the replaced text.
    pub from: usize,
    /// UTF-16 end of the replaced text (in the text before the edit).
    pub to: usize,
    /// The new text for `from..to`.
    pub insert: String,
    /// Where the cursor goes, in the text after the edit.
    pub cursor: usize,
}

/// A byte-range replacement: `(start, end, new text)`.
pub(crate) type Splice = (usize, usize, String);

/// The smallest single replacement turning `old` into `new`, in bytes of `old`: the common
/// prefix and suffix trimmed on character boundaries, never overlapping. `None` when equal.
pub(crate) fn splice(old: &str, new: &str) -> Option<Splice> {
    if old == new {
        return None;
    }
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let same_end = a.iter().rev().zip(b.iter().rev()).take(room);
    let mut suffix = same_end.take_while(|(x, y)| x == y).count();
    // UTF-8 is self-synchronising: the same trailing bytes start a character in both texts.
    while !old.is_char_boundary(a.len() - suffix) {
        suffix -= 1;
    }
    let insert = new.get(prefix..b.len() - suffix)?.to_string();
    Some((prefix, a.len() - suffix, insert))
}

/// [`splice`] as a UTF-16 [`TextEdit`], with the cursor at byte `cursor` of `new`.
pub(crate) fn minimal_edit(old: &str, new: &str, cursor: usize) -> Option<TextEdit> {
    let (start, end, insert) = splice(old, new)?;
    let old_index = Utf16Index::new(old);
    Some(TextEdit {
        from: old_index.to_utf16(start),
        to: old_index.to_utf16(end),
        insert,
        cursor: Utf16Index::new(new).to_utf16(cursor),
    })
}

/// [`minimal_edit`] with the cursor at the end of the replaced text (a change of the whole
/// draft: formatting, an amendment).
pub(crate) fn minimal_edit_to_end(old: &str, new: &str) -> Option<TextEdit> {
    let mut edit = minimal_edit(old, new, 0)?;
    edit.cursor = edit.from + edit.insert.encode_utf16().count();
    Some(edit)
}

/// `fmt` on the editor's text (numbering, references, emphasis of openings, end marks,
/// layout) as one minimal edit; `None` when the text is already formatted. The cursor goes
/// to the end of the replaced text. Fails on a draft `fmt` refuses (malformed front matter,
/// constructs outside the draft format).
pub fn format_text(text: &str) -> Result<Option<TextEdit>, Error> {
    let formatted = resolute_draft::format(text).map_err(|source| Error::Format {
        path: PathBuf::from("draft"),
        source,
    })?;
    Ok(minimal_edit_to_end(text, &formatted))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies an edit as CodeMirror would: on UTF-16 code units.
    pub(crate) fn apply(text: &str, e: &TextEdit) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out: Vec<u16> = units.get(..e.from).unwrap_or(&[]).to_vec();
        out.extend(e.insert.encode_utf16());
        out.extend(units.get(e.to..).unwrap_or(&[]));
        String::from_utf16_lossy(&out)
    }

    #[test]
    fn minimal_edit_trims_common_ends_on_char_boundaries() {
        let old = "“a” – é 🌊 x";
        let new = "“a” – è 🌊 x";
        let e = minimal_edit(old, new, 0);
        let e = e.unwrap_or_else(|| panic!("texts differ"));
        assert_eq!(e.insert, "è");
        assert_eq!((e.from, e.to), (6, 7));
        assert_eq!(apply(old, &e), new);
        assert_eq!(minimal_edit(old, old, 0), None);
    }

    #[test]
    fn repeated_text_does_not_overlap_prefix_and_suffix() {
        for (old, new) in [("aaa", "aaaa"), ("abab", "ab"), ("", "x"), ("x", "")] {
            let e = minimal_edit(old, new, 0).unwrap_or_else(|| panic!("{old} {new}"));
            assert_eq!(apply(old, &e), new, "{old} -> {new}");
        }
    }

    #[test]
    fn format_text_is_one_edit_and_none_when_formatted() {
        let text = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n3. Decides to act\n";
        let e = format_text(text).ok().flatten();
        let e = e.unwrap_or_else(|| panic!("the text is not formatted"));
        let done = apply(text, &e);
        assert!(done.ends_with("1. *Decides* to act.\n"), "{done}");
        assert_eq!(format_text(&done).ok(), Some(None));
        let bad = format_text("---\nnonsense\n---\n");
        assert_eq!(bad.err().map(|e| e.code()), Some("format"));
    }
}

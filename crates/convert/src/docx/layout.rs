//! The draft in the UN layout as data, for renderers other than Word (the app prints it):
//! the paragraphs, styles, italics, typed numbers and footnotes the DOCX export writes,
//! taken from the same walk over the draft ([`super::write`]), so both always agree.

use resolute_draft::Draft;
use serde::Serialize;

use super::write::{lay_out, Mark, Run};
use super::Attributions;

/// A draft laid out as [`write`](super::write) lays it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// The paragraphs of the text in order (heading block to annexes).
    pub blocks: Vec<Block>,
    /// Every footnote in the order of its number: first those the text refers to (Word
    /// footnotes, numbered in order of first reference), then those listed after the text
    /// (notes no paragraph refers to, numbered on).
    pub notes: Vec<Note>,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// The Word paragraph style of the export: `Symbol`, `BodyName`, `HeadingBlock`,
    /// `Sponsors`, `ResTitle`, `Enacting`, `Preambular`, `Operative`, `Sub1`, `Sub2`,
    /// `SectionHeading`.
    pub style: String,
    /// The typed number or label that hangs before the text ("3.", "(a)", "5 bis").
    pub label: Option<String>,
    /// The text, in runs.
    pub spans: Vec<Span>,
}

/// A run of text with one look. A line break inside a paragraph is a span "\n".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Set in italics (openings, the enacting formula).
    pub italic: bool,
    /// A footnote mark (its number), set as a superscript.
    pub note: bool,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Its mark as printed ("1").
    pub mark: String,
    /// Its text.
    pub text: String,
}

/// The style of the notes the DOCX lists after the text (and of the rule above them).
const LISTED_NOTE: &str = "FootnoteText";

/// `draft` in the UN layout, attributions of a negotiating text inline.
///
/// ```
/// let draft = resolute_draft::parse_markdown(
///     "*The General Assembly*,\n\n1. *Decides* to act;[^1]\n\n[^1]: A note.\n",
/// )
/// .unwrap();
/// let layout = resolute_convert::docx::layout(&draft);
/// let op = &layout.blocks[1];
/// assert_eq!((op.style.as_str(), op.label.as_deref()), ("Operative", Some("1.")));
/// assert!(op.spans[0].italic && op.spans[2].note);
/// assert_eq!(layout.notes[0].text, "A note.");
/// ```
pub fn layout(draft: &Draft) -> Layout {
    let (paragraphs, notes) = lay_out(draft, Attributions::Inline).into_layout();
    let mut layout = Layout {
        blocks: Vec::with_capacity(paragraphs.len()),
        notes: notes
            .into_iter()
            .map(|(id, text)| Note {
                mark: id.to_string(),
                text,
            })
            .collect(),
    };
    for (style, runs, _) in paragraphs {
        let block = block(style, &runs);
        if block.style != LISTED_NOTE {
            layout.blocks.push(block);
        } else if let Some(mark) = block.label {
            // The rule above listed notes has no label: the renderer draws its own.
            let text = block.spans.into_iter().map(|s| s.text).collect();
            layout.notes.push(Note { mark, text });
        }
    }
    layout
}

/// A paragraph's runs as a block: what comes before the first tab is its label.
fn block(style: String, runs: &[Run]) -> Block {
    let tab = runs.iter().position(|r| matches!(r, Run::Tab(_)));
    let (label, text) = match tab {
        Some(at) => (runs.get(..at), runs.get(at + 1..).unwrap_or_default()),
        None => (None, runs),
    };
    let label = label.map(|l| l.iter().filter_map(span).map(|s| s.text).collect());
    Block {
        style,
        label,
        spans: text.iter().filter_map(span).collect(),
    }
}

/// A run as printed: deleted revisions and comment anchors print nothing.
fn span(run: &Run) -> Option<Span> {
    let (text, italic, note) = match run {
        Run::Text(_, _, Mark::Del) | Run::CommentStart(_) | Run::CommentEnd(_) => return None,
        Run::Text(text, italic, _) => (text.clone(), *italic, false),
        Run::Tab(_) => (" ".to_string(), false, false),
        Run::Break => ("\n".to_string(), false, false),
        Run::Note(id, _) => (id.to_string(), false, true),
    };
    Some(Span { text, italic, note })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid(markdown: &str) -> Layout {
        layout(&resolute_draft::parse_markdown(markdown).unwrap_or_default())
    }

    #[test]
    fn masthead_sponsors_and_title_come_first_in_their_styles() {
        let l = laid(
            "---\nbody: General Assembly\nsession: 81\nagenda_item: \"18 (b)\"\n\
             symbol: A/C.2/81/L.12\ntitle: An example\nsponsors: [Belgium, Chile, Peru]\n---\n\n\
             *The General Assembly*,\n\n1. *Decides* to act.\n",
        );
        let styles: Vec<&str> = l.blocks.iter().map(|b| b.style.as_str()).collect();
        assert_eq!(
            styles,
            [
                "Symbol",
                "BodyName",
                "HeadingBlock",
                "Sponsors",
                "ResTitle",
                "Enacting",
                "Operative"
            ]
        );
        let text = |i: usize| -> String { l.blocks[i].spans.iter().map(|s| &*s.text).collect() };
        assert_eq!(text(0), "A/C.2/81/L.12");
        assert_eq!(text(2), "Eighty-first session\nAgenda item 18 (b)");
        assert_eq!(text(3), "Belgium, Chile and Peru: draft resolution");
        assert!(l.blocks[5].spans[0].italic && !l.blocks[5].spans[1].italic);
    }

    #[test]
    fn labels_hang_and_notes_are_marks_with_their_text() {
        let l = laid(
            "*The General Assembly*,\n\n*Recalling* the Charter,[^a]\n\n\
             1. *Requests*:\n\n   (a) A report;[^b]\n\n[^a]: First.\n\n[^b]: Second.\n",
        );
        let pp = &l.blocks[1];
        assert_eq!(
            (pp.style.as_str(), pp.label.as_deref()),
            ("Preambular", None)
        );
        assert_eq!(pp.spans[0].text, "Recalling");
        assert!(pp.spans[0].italic);
        assert_eq!(
            pp.spans.last().map(|s| (&*s.text, s.note)),
            Some(("1", true))
        );
        let sub = &l.blocks[3];
        assert_eq!(
            (sub.style.as_str(), sub.label.as_deref()),
            ("Sub1", Some("(a)"))
        );
        let marks: Vec<(&str, &str)> = l.notes.iter().map(|n| (&*n.mark, &*n.text)).collect();
        assert_eq!(marks, [("1", "First."), ("2", "Second.")]);
    }

    #[test]
    fn notes_no_paragraph_refers_to_follow_the_others() {
        let l = laid(
            "*The General Assembly*,\n\n*Recalling* the Charter,[^1]\n\n1. *Decides*.\n\n\
             [^1]: Used.\n\n[^2]: Unused.\n",
        );
        let marks: Vec<(&str, &str)> = l.notes.iter().map(|n| (&*n.mark, &*n.text)).collect();
        assert_eq!(marks, [("1", "Used."), ("2", "Unused.")]);
        assert!(l.blocks.iter().all(|b| b.style != LISTED_NOTE));
    }
}

//! The paragraphs of one part (the top level or a section) while they are read: attaching
//! subparagraphs and continuation text to the paragraph they belong to, and subparagraph
//! levels once a paragraph is complete.

use super::blocks::Block;
use super::inline;
use super::labels::levels;
use crate::model::{Kind, Paragraph, Subparagraph};
use crate::opening::{kind_of, opening_len};

/// Paragraphs being collected for the top level or one section.
#[derive(Debug, Default)]
pub(crate) struct Part {
    /// Preambular paragraphs read so far.
    pub(crate) preamble: Vec<Paragraph>,
    /// Operative paragraphs read so far.
    pub(crate) operative: Vec<Paragraph>,
}

impl Part {
    /// Appends lower-case text to the last paragraph (to its last subparagraph when it has
    /// some); returns whether there was one to continue.
    pub(crate) fn continue_last(&mut self, block: &Block) -> bool {
        if !block.text.starts_with(char::is_lowercase) {
            return false;
        }
        let Some(last) = self.operative.last_mut().or(self.preamble.last_mut()) else {
            return false;
        };
        let end = last.span.end.max(block.span.end);
        last.span.end = end;
        let (text, markdown, refs, span) = match last.sub.last_mut() {
            Some(s) => (
                &mut s.text,
                &mut s.markdown,
                &mut s.footnote_refs,
                &mut s.span,
            ),
            None => (
                &mut last.text,
                &mut last.markdown,
                &mut last.footnote_refs,
                &mut last.span,
            ),
        };
        let (more, marks) = block.tail(0);
        text.push(' ');
        text.push_str(&more);
        markdown.push(' ');
        markdown.push_str(&inline::markdown(&more, None, &marks));
        refs.extend(marks.into_iter().map(|(_, l)| l));
        span.end = end;
        true
    }

    /// Whether `block` is lower-case text right after an operative paragraph or the
    /// subparagraphs of any paragraph ("(f)
    /// ...;" then "and demands that the perpetrators be held accountable;"; "... 30 June
    /// 2011;" then "and to finance ..."): the end of that paragraph, kept as a subparagraph
    /// without a label.
    pub(crate) fn continues_paragraph(&self, block: &Block) -> bool {
        // A preambular paragraph without subparagraphs keeps lower-case text after it as a
        // paragraph of its own ("noting ...,"), as the draft format writes it.
        let last = self.operative.last().or(self.preamble.last());
        let attach = last.is_some_and(|p| p.kind == Kind::Operative || !p.sub.is_empty());
        let under_sub = last
            .and_then(|p| p.sub.last())
            .is_some_and(|s| introduces(s, block));
        block.text.starts_with(char::is_lowercase) && attach || under_sub
    }

    /// Keeps a table as an unlabelled subparagraph of the last paragraph (the one that
    /// introduces it: "… shall be as follows:"), its printed lines (a cell each, as PDF
    /// extraction gives them) separated by [`Subparagraph::TABLE_CELLS`].
    pub(crate) fn table(&mut self, block: &Block) {
        let cells = Block {
            text: block.lines.join(Subparagraph::TABLE_CELLS),
            ..block.clone()
        };
        self.sub(String::new(), &cells, 0);
    }

    /// Attaches a subparagraph to the last paragraph (operative before preambular); a label
    /// before any paragraph opens a preambular paragraph of its own.
    pub(crate) fn sub(&mut self, label: String, block: &Block, len: usize) {
        let kind = if self.operative.is_empty() {
            Kind::Preambular
        } else {
            Kind::Operative
        };
        let list = match kind {
            Kind::Operative => &mut self.operative,
            Kind::Preambular => &mut self.preamble,
        };
        let Some(parent) = list.last_mut() else {
            list.push(paragraph(kind, None, block, 0));
            return;
        };
        let (text, marks) = block.tail(len);
        let open = opening_len(&text, kind);
        parent.span.end = parent.span.end.max(block.span.end);
        parent.sub.push(Subparagraph {
            label,
            level: 1,
            markdown: inline::markdown(&text, open, &marks),
            footnote_refs: marks.into_iter().map(|(_, l)| l).collect(),
            text,
            span: block.span,
        });
    }
}

/// Whether an unlabelled block that opens no paragraph is text under the subparagraph `sub`:
/// "(b) Support account for peacekeeping operations:" then "An amount of ...", or a quoted
/// text after "... is replaced with the following:" and the quotations after it.
fn introduces(sub: &Subparagraph, block: &Block) -> bool {
    let quote = |t: &str| t.starts_with(['"', '“']);
    let opens = kind_of(&block.text).is_some();
    let after_colon = sub.text.trim_end().ends_with(':');
    let more_quotes = sub.label.is_empty() && quote(&sub.text) && quote(&block.text);
    !opens && (after_colon || more_quotes)
}

/// Sets subparagraph levels once each paragraph's labels are all known; text without a label
/// belongs to the subparagraph it follows when that one ends with a colon (one level deeper),
/// goes on at the level of unlabelled text just before it, and else belongs to the paragraph
/// itself (level 1).
pub(crate) fn with_levels(mut paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    for p in &mut paragraphs {
        let labels: Vec<String> = p
            .sub
            .iter()
            .filter(|s| !s.label.is_empty())
            .map(|s| s.label.clone())
            .collect();
        let mut found = levels(&labels).into_iter();
        let mut prev: Option<(u8, bool, bool)> = None;
        for s in &mut p.sub {
            s.level = match (s.label.is_empty(), prev) {
                (false, _) => found.next().unwrap_or(1),
                (true, Some((level, true, _))) => level.saturating_add(1),
                (true, Some((level, _, true))) => level,
                (true, _) => 1,
            };
            let colon = s.text.trim_end().ends_with(':');
            prev = Some((s.level, colon, s.label.is_empty() && s.level > 1));
        }
    }
    paragraphs
}

pub(crate) fn paragraph(kind: Kind, number: Option<u32>, block: &Block, skip: usize) -> Paragraph {
    let (text, marks) = block.tail(skip);
    let open = opening_len(&text, kind);
    Paragraph {
        marks: None,
        kind,
        number,
        opening: open.and_then(|n| text.get(..n)).map(str::to_string),
        markdown: inline::markdown(&text, open, &marks),
        footnote_refs: marks.into_iter().map(|(_, l)| l).collect(),
        text,
        sub: Vec::new(),
        span: block.span,
    }
}

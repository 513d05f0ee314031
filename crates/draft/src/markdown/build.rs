//! Second pass: gives the blocks of the first pass their meaning in a resolution (enacting
//! formula, preamble, operative part, sections, closing formula, annexes, footnotes).

use std::ops::Range;

use super::blocks::{Blocks, Leaf, LeafKind, Unit, UnitKind};
use super::closing::{date_like, is_enacting, iso_date, split_closing, split_section};
use super::escape::escape;
use super::inline::{collapse, label_len, label_text, written_label};
use super::labels::levels;
use crate::model::{
    Annex, Body, Closing, Draft, Enacting, Footnote, FrontMatter, Kind, Paragraph, Section, Span,
    Subparagraph,
};
use crate::negotiation::{is_operative_label, leading_marks, ParagraphMarks};
use crate::opening::opening_len;

/// Builds the draft from the first pass.
pub(crate) fn build(src: &str, meta: FrontMatter, blocks: &Blocks) -> Draft {
    let mut b = Builder {
        src,
        blocks,
        draft: Draft {
            meta,
            ..Draft::default()
        },
        started: false,
        in_annex: false,
        closing: None,
        negotiating: false,
    };
    b.negotiating = b.draft.meta.stage.is_some();
    b.closing = b.find_closing();
    for (i, unit) in blocks.units.iter().enumerate() {
        match b.closing.take() {
            // The closing formula is read ahead; its blocks are skipped here.
            Some((units, closing)) if units.contains(&i) => {
                b.draft.closing.get_or_insert(closing.clone());
                b.closing = Some((units, closing));
            }
            plan => {
                b.closing = plan;
                b.unit(unit);
            }
        }
    }
    b.footnotes();
    b.finish()
}

/// A leaf read as text: plain text, inline Markdown, footnotes, where it is, and its
/// subparagraph label if it starts with one.
struct Piece {
    label: Option<String>,
    text: String,
    markdown: String,
    refs: Vec<String>,
    emph: Option<String>,
    span: Range<usize>,
}

struct Builder<'a> {
    src: &'a str,
    blocks: &'a Blocks,
    draft: Draft,
    /// Whether any paragraph of the body has been seen (the enacting formula comes first).
    started: bool,
    in_annex: bool,
    /// The closing formula, read ahead, with the units that hold it.
    closing: Option<(Vec<usize>, Closing)>,
    /// A negotiating text: paragraphs may open with their label and status in braces.
    negotiating: bool,
}

impl<'a> Builder<'a> {
    fn unit(&mut self, unit: &Unit) {
        let heading = match &unit.kind {
            UnitKind::Leaf(i) => self
                .leaf(*i)
                .filter(|l| matches!(l.kind, LeafKind::Heading(_))),
            _ => None,
        };
        if let Some(h) = heading {
            return self.heading(h, unit);
        }
        if self.in_annex {
            return self.annex_block(unit);
        }
        match &unit.kind {
            UnitKind::Leaf(i) => self.top_leaf(*i),
            UnitKind::List(items) => items.iter().for_each(|i| self.item(*i)),
            UnitKind::Other(leaves) => leaves.iter().for_each(|i| self.top_leaf(*i)),
        }
    }

    /// The closing formula: the last block before any annex ("45th plenary meeting", a date
    /// on its next line), or the last two when the date stands in a block of its own.
    fn find_closing(&self) -> Option<(Vec<usize>, Closing)> {
        let last = self.last_body_unit()?;
        let (text, span) = self.unit_paragraph(last)?;
        if let Some((meeting, date)) = split_closing(&text) {
            return Some((vec![last], closing(meeting, date, span)));
        }
        let before = last.checked_sub(1)?;
        // A date alone after the body ("31 October 1947"): a closing without a meeting, as
        // the resolutions of the first sessions were closed.
        let meeting_before = self
            .unit_paragraph(before)
            .is_some_and(|(t, _)| split_closing(&t).is_some());
        if !meeting_before && iso_date(text.trim_end_matches('.')).is_some() {
            return Some((vec![last], closing("", text.trim_end_matches('.'), span)));
        }
        let (meeting_text, meeting_span) = self.unit_paragraph(before)?;
        match split_closing(&meeting_text) {
            Some((meeting, "")) if date_like(&text) => {
                let span = meeting_span.start..span.end;
                Some((vec![before, last], closing(meeting, &text, span)))
            }
            _ => None,
        }
    }

    /// The plain text and span of a unit that is one unlabelled paragraph.
    fn unit_paragraph(&self, unit: usize) -> Option<(String, Range<usize>)> {
        let UnitKind::Leaf(i) = self.blocks.units.get(unit)?.kind else {
            return None;
        };
        let p = piece(self.src, self.leaf(i).filter(|l| l.kind == LeafKind::Para)?);
        p.label.is_none().then_some((p.text, p.span))
    }

    /// The last unit before the first annex heading that holds something.
    fn last_body_unit(&self) -> Option<usize> {
        let annex = self.blocks.units.iter().position(|u| match u.kind {
            UnitKind::Leaf(i) => self.leaf(i).is_some_and(|l| {
                l.kind == LeafKind::Heading(1) && is_annex_heading(&collapse(&l.text))
            }),
            _ => false,
        });
        let body = self
            .blocks
            .units
            .get(..annex.unwrap_or(self.blocks.units.len()))?;
        body.iter()
            .rposition(|u| !matches!(&u.kind, UnitKind::Other(l) if l.is_empty()))
    }

    fn leaf(&self, i: usize) -> Option<&'a Leaf> {
        self.blocks.leaves.get(i)
    }

    fn heading(&mut self, h: &Leaf, unit: &Unit) {
        let text = collapse(&h.text);
        let span = trimmed(self.src, unit.range.clone());
        if h.kind == LeafKind::Heading(1) && is_annex_heading(&text) {
            self.in_annex = true;
            self.draft.annexes.push(Annex {
                heading: text,
                text: String::new(),
                markdown: String::new(),
                span: Span::new(span.start, span.end),
            });
        } else if self.in_annex {
            self.annex_block(unit);
        } else if h.kind == LeafKind::Heading(2) {
            let (label, heading) = split_section(&text);
            self.started = true;
            self.draft.sections.push(Section {
                label,
                heading,
                preamble: Vec::new(),
                operative: Vec::new(),
                span: Span::new(span.start, span.end),
            });
        } else if let UnitKind::Leaf(i) = unit.kind {
            self.top_leaf(i);
        }
    }

    /// A block inside an annex: its source is kept as it is, its text collected.
    fn annex_block(&mut self, unit: &Unit) {
        let range = trimmed(self.src, unit.range.clone());
        // From the start of the line: indentation can be meaning (an indented code block).
        let before = self.src.get(..range.start).unwrap_or("");
        let indent = before.len() - before.trim_end_matches([' ', '\t']).len();
        let from_line = before.trim_end_matches([' ', '\t']);
        let start = if from_line.is_empty() || from_line.ends_with('\n') {
            range.start - indent
        } else {
            range.start
        };
        let source = self.src.get(start..range.end).unwrap_or("");
        let md: Vec<&str> = source.lines().map(str::trim_end).collect();
        let text: Vec<String> = self.unit_leaves(unit).map(|l| collapse(&l.text)).collect();
        let Some(annex) = self.draft.annexes.last_mut() else {
            return;
        };
        push_block(&mut annex.markdown, &md.join("\n"));
        for t in text.iter().filter(|t| !t.is_empty()) {
            push_block(&mut annex.text, t);
        }
        annex.span.end = annex.span.end.max(range.end);
    }

    fn unit_leaves<'b>(&'b self, unit: &'b Unit) -> impl Iterator<Item = &'b Leaf> + 'b {
        let ids: Vec<usize> = match &unit.kind {
            UnitKind::Leaf(i) => vec![*i],
            UnitKind::Other(ls) => ls.clone(),
            UnitKind::List(items) => items
                .iter()
                .filter_map(|i| self.blocks.items.get(*i))
                .flat_map(|item| item.leaves.iter().copied())
                .collect(),
        };
        ids.into_iter().filter_map(|i| self.leaf(i))
    }

    /// A paragraph at the top level: enacting formula, closing formula, a subparagraph that
    /// lost its indentation, or a preambular / unnumbered operative paragraph.
    fn top_leaf(&mut self, i: usize) {
        let Some(piece) = self.leaf(i).map(|l| piece(self.src, l)) else {
            return;
        };
        if piece.markdown.is_empty() && piece.label.is_none() {
            return;
        }
        let first = !self.started;
        self.started = true;
        if first && piece.label.is_none() && is_enacting(&piece.text) {
            return self.enacting(piece);
        }
        let (piece, marks) = self.peel(piece);
        let labelled_operative = marks
            .as_ref()
            .and_then(|m| m.label.as_deref())
            .is_some_and(is_operative_label);
        let (preamble, operative) = self.part();
        let kind = if operative.is_empty() && !labelled_operative {
            Kind::Preambular
        } else {
            Kind::Operative
        };
        let list = match kind {
            Kind::Preambular => preamble,
            Kind::Operative => operative,
        };
        if piece.label.is_some() && marks.is_none() {
            if let Some(parent) = list.last_mut() {
                return add_sub(parent, piece);
            }
        }
        let mut para = paragraph(kind, None, unlabel(piece));
        para.marks = marks;
        list.push(para);
    }

    /// In a negotiating text, takes the label and status written in braces at the start of a
    /// paragraph off its text.
    fn peel(&self, mut p: Piece) -> (Piece, Option<ParagraphMarks>) {
        if !self.negotiating || p.label.is_some() {
            return (p, None);
        }
        let (marks, md_len) = leading_marks(&p.markdown);
        if marks.is_empty() {
            return (p, None);
        }
        let (_, text_len) = leading_marks(&p.text);
        p.markdown = p.markdown.get(md_len..).unwrap_or("").to_string();
        p.text = p.text.get(text_len..).unwrap_or("").to_string();
        p.emph = leading_emphasis(&p.markdown);
        (p, Some(marks))
    }

    fn enacting(&mut self, piece: Piece) {
        let text = piece.text.trim_start_matches(['“', '"', '‘', '\'']);
        let name = text.strip_prefix("The ").unwrap_or(text);
        let body = Body::parse(name.trim_end_matches([',', '.', ':', ';']));
        let span = Span::new(piece.span.start, piece.span.end);
        self.draft.enacting = Some(Enacting {
            text: piece.text,
            body,
            span,
        });
    }

    /// A top-level list item: an operative paragraph, its subparagraphs after it.
    fn item(&mut self, i: usize) {
        let Some(item) = self.blocks.items.get(i) else {
            return;
        };
        self.started = true;
        let number = if item.ordered {
            list_number(self.src, item.range.start)
        } else {
            None
        };
        let span = trimmed(self.src, item.range.clone());
        let mut pieces = item
            .leaves
            .iter()
            .filter_map(|l| self.leaf(*l))
            .map(|l| piece(self.src, l));
        // "1. (a) …": an item that opens with a label has no text of its own before its
        // first subparagraph.
        let first = pieces.next().filter(|p| p.label.is_none());
        let (first, marks) = match first {
            Some(p) => {
                let (p, m) = self.peel(p);
                (Some(p), m)
            }
            None => (None, None),
        };
        let mut para = paragraph(
            Kind::Operative,
            number,
            first.unwrap_or_else(|| empty_piece(span.clone())),
        );
        para.marks = marks;
        let labelled_first = item
            .leaves
            .first()
            .and_then(|l| self.leaf(*l))
            .map(|l| piece(self.src, l));
        if let Some(p) = labelled_first.filter(|p| p.label.is_some()) {
            add_sub(&mut para, p);
        }
        for p in pieces {
            add_sub(&mut para, p);
        }
        para.span = Span::new(span.start, span.end.max(para.span.end));
        self.part().1.push(para);
    }

    /// The preamble and operative part that paragraphs go to now.
    fn part(&mut self) -> (&mut Vec<Paragraph>, &mut Vec<Paragraph>) {
        match self.draft.sections.last_mut() {
            Some(s) => (&mut s.preamble, &mut s.operative),
            None => (&mut self.draft.preamble, &mut self.draft.operative),
        }
    }

    fn footnotes(&mut self) {
        for def in &self.blocks.footnotes {
            let leaves: Vec<&Leaf> = def.leaves.iter().filter_map(|i| self.leaf(*i)).collect();
            let text: Vec<String> = leaves.iter().map(|l| collapse(&l.text)).collect();
            let md: Vec<String> = leaves.iter().map(|l| inline_md(self.src, l)).collect();
            let span = trimmed(self.src, def.range.clone());
            self.draft.footnotes.push(Footnote {
                label: def.label.clone(),
                text: collapse(&text.join(" ")),
                markdown: md.join(" ").trim().to_string(),
                span: Span::new(span.start, span.end),
            });
        }
    }

    fn finish(mut self) -> Draft {
        let d = &mut self.draft;
        let top = d.preamble.iter_mut().chain(d.operative.iter_mut());
        let sections = d.sections.iter_mut().flat_map(|s| {
            let end = s
                .preamble
                .iter()
                .chain(&s.operative)
                .map(|p| p.span.end)
                .max();
            s.span.end = s.span.end.max(end.unwrap_or(0));
            s.preamble.iter_mut().chain(s.operative.iter_mut())
        });
        for p in top.chain(sections) {
            let labels: Vec<&str> = p.sub.iter().map(|s| s.label.as_str()).collect();
            let lv = levels(&labels);
            for (s, l) in p.sub.iter_mut().zip(lv) {
                s.level = l;
            }
        }
        self.draft
    }
}

fn closing(meeting: &str, date: &str, span: Range<usize>) -> Closing {
    Closing {
        meeting: meeting.to_string(),
        date: iso_date(date).or_else(|| (!date.is_empty()).then(|| date.to_string())),
        span: Span::new(span.start, span.end),
    }
}

/// "Annex", "Annex II", or nothing (an empty `#`: an annex without a heading, such as the
/// record of the vote after the closing formula).
fn is_annex_heading(text: &str) -> bool {
    if text.trim().is_empty() {
        return true;
    }
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    word.eq_ignore_ascii_case("annex")
}

fn push_block(acc: &mut String, block: &str) {
    if block.trim().is_empty() {
        return;
    }
    if !acc.is_empty() {
        acc.push_str("\n\n");
    }
    acc.push_str(block);
}

/// The range without trailing whitespace.
fn trimmed(src: &str, r: Range<usize>) -> Range<usize> {
    let s = src.get(r.clone()).unwrap_or("");
    r.start..r.start + s.trim_end().len()
}

/// The number of the ordered list item starting at `at`, as written.
fn list_number(src: &str, at: usize) -> Option<u32> {
    let s = src.get(at..)?;
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    s.get(..digits)?.parse().ok()
}

/// The inline Markdown of a leaf: its source with lines joined and blanks collapsed, or, for
/// text inside constructs the format has no place for, its escaped plain text.
fn inline_md(src: &str, leaf: &Leaf) -> String {
    // Only a paragraph's source is sure to read as a paragraph again when written at the
    // start of a line; a heading's text could read as a footnote definition, say.
    let source = match (&leaf.inline, leaf.direct, leaf.kind) {
        (Some(r), true, LeafKind::Para) => src.get(r.clone()),
        _ => None,
    };
    let Some(source) = source else {
        return escape(&collapse(&leaf.text));
    };
    // Lines joined with one space, runs of blanks collapsed, in one pass.
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let l = line.trim_matches([' ', '\t']);
        // A backslash ending a line is a hard break, which joining the lines replaces.
        let backslashes = l.len() - l.trim_end_matches('\\').len();
        let l = if backslashes % 2 == 1 {
            l.get(..l.len() - 1).unwrap_or(l).trim_end()
        } else {
            l
        };
        for word in l.split([' ', '\t']).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn piece(src: &str, leaf: &Leaf) -> Piece {
    let markdown = inline_md(src, leaf);
    let text = collapse(&leaf.text);
    let span = leaf.inline.clone().unwrap_or_else(|| leaf.block.clone());
    let written = label_len(&markdown).and_then(|n| markdown.get(..n));
    let written = written.map(str::to_string);
    let emph = leaf.emph.as_deref().map(collapse).filter(|e| !e.is_empty());
    let mut p = Piece {
        label: None,
        text,
        markdown,
        refs: leaf.refs.clone(),
        emph,
        span,
    };
    if let Some(written) = written {
        let label = label_text(&written).to_string();
        let after = |s: &str, n: usize| s.get(n..).unwrap_or("").trim_start().to_string();
        p.markdown = after(&p.markdown, written.len());
        p.text = after(&p.text, label.len());
        p.label = Some(label);
    }
    p
}

/// Puts a label back in front of the text of a piece that is not a subparagraph after all.
fn unlabel(mut p: Piece) -> Piece {
    if let Some(label) = p.label.take() {
        p.text = join(&label, &p.text);
        p.markdown = join(&written_label(&label), &p.markdown);
    }
    p
}

fn empty_piece(span: Range<usize>) -> Piece {
    let span = span.start..span.start;
    Piece {
        label: None,
        text: String::new(),
        markdown: String::new(),
        refs: Vec::new(),
        emph: None,
        span,
    }
}

fn paragraph(kind: Kind, number: Option<u32>, p: Piece) -> Paragraph {
    let opening = match p.emph {
        Some(e) => Some(e),
        None => opening_len(&p.text, kind)
            .and_then(|n| p.text.get(..n))
            .map(str::to_string),
    };
    Paragraph {
        kind,
        number,
        opening,
        text: p.text,
        markdown: p.markdown,
        footnote_refs: p.refs,
        sub: Vec::new(),
        marks: None,
        span: Span::new(p.span.start, p.span.end),
    }
}

/// The text of an emphasis run at the start of inline Markdown: "*Decides* to" gives "Decides".
fn leading_emphasis(md: &str) -> Option<String> {
    let marker = md.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let run = md.chars().take_while(|c| *c == marker).count();
    let inner = md.get(run..)?;
    let end = inner.find(marker)?;
    let text = collapse(&inner[..end].replace('\\', ""));
    (!text.is_empty()).then_some(text)
}

/// Adds a subparagraph to `para`, or, for an unlabelled piece, continues the last element;
/// an unlabelled piece of table cells ("Member State | Percentage | …") is a table of its own.
fn add_sub(para: &mut Paragraph, p: Piece) {
    para.span.end = para.span.end.max(p.span.end);
    let table = p.label.is_none() && p.text.contains(Subparagraph::TABLE_CELLS);
    let Some(label) = p.label.or_else(|| table.then(String::new)) else {
        let (text, md, refs) = match para.sub.last_mut() {
            Some(s) => (&mut s.text, &mut s.markdown, &mut s.footnote_refs),
            None => (&mut para.text, &mut para.markdown, &mut para.footnote_refs),
        };
        append(text, &p.text);
        append(md, &p.markdown);
        refs.extend(p.refs);
        return;
    };
    para.sub.push(Subparagraph {
        label,
        level: 1,
        text: p.text,
        markdown: p.markdown,
        footnote_refs: p.refs,
        span: Span::new(p.span.start, p.span.end),
    });
}

/// Two runs of text with one space between them (none next to an empty one).
fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a} {b}"),
    }
}

/// Appends `b` to `acc` with one space between (in place: an item may hold many pieces).
fn append(acc: &mut String, b: &str) {
    if !acc.is_empty() && !b.is_empty() {
        acc.push(' ');
    }
    acc.push_str(b);
}

//! Grouping content lines into blocks (paragraph candidates): a blank line ends a block; a
//! page break ends one only when the text on either side says so.

use super::{Item, Piece};
use crate::model::Span;

/// A run of content lines: one paragraph, heading or masthead block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Block {
    /// The lines joined with single spaces (line-end hyphens kept), marks removed.
    pub text: String,
    /// Each source line's collapsed text, for the masthead, which is read line by line.
    pub lines: Vec<String>,
    /// Footnote marks removed from `text`: byte offset in `text` and label.
    pub marks: Vec<(usize, String)>,
    /// From the first byte of the first line to the last byte of the last line.
    pub span: Span,
}

impl Block {
    fn new(piece: &Piece) -> Self {
        let mut b = Block {
            span: Span::new(piece.start, piece.end),
            ..Block::default()
        };
        b.push(piece);
        b
    }

    /// Appends a line, gluing a line-end hyphen to the next word ("self-" + "determination").
    fn push(&mut self, piece: &Piece) {
        let lead = piece.text.len() - piece.text.trim_start().len();
        let line = piece.text.trim();
        self.span.end = self.span.end.max(piece.end);
        if line.is_empty() {
            let at = self.text.len();
            self.marks
                .extend(piece.marks.iter().map(|(_, l)| (at, l.clone())));
            return;
        }
        self.join_point();
        let base = self.text.len();
        self.text.push_str(line);
        let fit = |off: usize| base + off.saturating_sub(lead).min(line.len());
        self.marks
            .extend(piece.marks.iter().map(|(o, l)| (fit(*o), l.clone())));
        self.lines.push(line.to_string());
    }

    /// Prepares the end of the text for more words: a soft hyphen ends a broken word (it is
    /// dropped and the word glued), a hyphen after a letter is kept and glued, anything else
    /// takes a space.
    fn join_point(&mut self) {
        if self.text.ends_with('\u{ad}') {
            self.text.pop();
        } else if !self.text.is_empty() && !ends_with_word_hyphen(&self.text) {
            self.text.push(' ');
        }
    }

    /// Appends the next block, which continues this one (a hard-wrapped printed line).
    pub fn append(&mut self, next: Block) {
        let next_text = next.text.trim_start();
        let lead = next.text.len() - next_text.len();
        self.join_point();
        let base = self.text.len();
        self.text.push_str(next_text);
        self.marks.extend(
            next.marks
                .into_iter()
                .map(|(o, l)| (base + o.saturating_sub(lead), l)),
        );
        self.lines.extend(next.lines);
        self.span.end = self.span.end.max(next.span.end);
    }

    /// The text from byte `from` on, trimmed, with the marks that fall in it re-based.
    pub fn tail(&self, from: usize) -> (String, Vec<(usize, String)>) {
        let rest = self.text.get(from..).unwrap_or("");
        let lead = rest.len() - rest.trim_start().len();
        let text = rest.trim();
        let marks = self
            .marks
            .iter()
            .filter(|(o, _)| *o >= from)
            .map(|(o, l)| ((o - from).saturating_sub(lead).min(text.len()), l.clone()))
            .collect();
        (text.to_string(), marks)
    }
}

/// Lines joined as a block joins them.
pub(crate) fn joined<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut block = Block::default();
    for line in lines {
        block.push(&Piece {
            text: line.to_string(),
            ..Piece::default()
        });
    }
    block.text
}

/// "Non-Self-", "2015–": a hyphen right after a letter, or a dash in a range of numbers,
/// which a PDF line break never adds in UN documents (measured: every such break in the
/// parallel corpus is a real hyphen).
fn ends_with_word_hyphen(text: &str) -> bool {
    let hyphen = text.strip_suffix('-').and_then(|head| head.chars().last());
    let dash = text.strip_suffix('–').and_then(|head| head.chars().last());
    hyphen.is_some_and(char::is_alphabetic) || dash.is_some_and(|c| c.is_ascii_digit())
}

/// Groups items into blocks.
pub(crate) fn group(items: &[Item]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    // Starred notes taken from between a paragraph and its continuation on the next page.
    let mut held: Vec<Block> = Vec::new();
    let mut after_break = false;
    for item in items {
        match item {
            Item::Line(piece) => {
                // The closing formula sometimes follows the last paragraph without a blank.
                if starts_block(piece.text.trim()) {
                    blocks.extend(current.take());
                    blocks.append(&mut held);
                }
                current = Some(match current.take() {
                    Some(mut b) => {
                        b.push(piece);
                        b
                    }
                    None => reopen_or_new(&mut blocks, &mut held, piece, after_break),
                });
                after_break = false;
            }
            Item::Blank | Item::PageBreak => {
                blocks.extend(current.take());
                blocks.append(&mut held);
                after_break |= matches!(item, Item::PageBreak);
            }
        }
    }
    blocks.extend(current);
    blocks.append(&mut held);
    blocks
}

/// Lines that open a block even without a blank line before them: the closing formula, and
/// a number or label standing alone on its line ("1.", "(s)").
fn starts_block(line: &str) -> bool {
    let alone = super::labels::leading_label(line).is_some_and(|(_, len)| len >= line.len());
    alone || super::words::meeting_len(line).is_some() || is_annex_line(line)
}

/// "Annex", "Annex II", "ANNEX": the heading line of an annex.
pub(crate) fn is_annex_line(line: &str) -> bool {
    // "annex" in lower case at a line start is a word wrapped from the line before.
    if !line.trim_start().starts_with('A') {
        return false;
    }
    let lower = line.trim().to_lowercase();
    let Some(rest) = lower.strip_prefix("annex") else {
        return false;
    };
    let rest = rest.strip_prefix("es").unwrap_or(rest);
    rest.is_empty() || (rest.starts_with(' ') && rest.split_whitespace().count() == 1)
}

/// After a page break, the first line either continues the last block or opens a new one.
/// A starred note printed at the foot of the page without a rule ("* On behalf of the States
/// that are members of the Group of 77 and China", under the first page of a draft) stands
/// between the paragraph and its continuation: the paragraph before it is continued, and
/// the note stays a block of its own after it.
fn reopen_or_new(
    blocks: &mut Vec<Block>,
    held: &mut Vec<Block>,
    piece: &Piece,
    after_break: bool,
) -> Block {
    if !after_break {
        return Block::new(piece);
    }
    let notes = blocks
        .iter()
        .rev()
        .take_while(|b| is_starred_note(&b.text))
        .count();
    let Some(at) = blocks.len().checked_sub(notes + 1) else {
        return Block::new(piece);
    };
    if !continues(&blocks[at].text, piece.text.trim()) {
        return Block::new(piece);
    }
    // The notes go back after the continued paragraph once it is complete.
    held.extend(blocks.split_off(at + 1));
    match blocks.pop() {
        Some(mut b) => {
            b.push(piece);
            b
        }
        None => Block::new(piece),
    }
}

/// "* On behalf of ...": a starred footnote.
fn is_starred_note(text: &str) -> bool {
    let label = text.split(' ').next().unwrap_or("");
    !label.is_empty() && label.chars().all(|c| c == '*') && text.len() > label.len() + 1
}

/// Whether `next` (the first line of a page) continues the paragraph `prev` ended the last
/// page with: it does unless `prev` ends a paragraph and `next` starts a new one.
fn continues(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    if super::labels::leading_label(next).is_some() || starts_block(next) {
        return false;
    }
    if super::words::meeting_len(prev).is_some() {
        // Only its date continues the closing formula.
        return next.len() < 30 && super::words::find_date(next).is_some();
    }
    if first.is_lowercase() || first.is_ascii_digit() {
        return true;
    }
    let end = prev.trim_end_matches(['”', '’', '"', ')']);
    if end.ends_with(',') {
        // "Recalling A,"/"Noting B," are two paragraphs; "in a Timely and Reliable Manner,"
        // / "Illicit Small Arms" is one sentence broken by the page.
        return crate::opening::kind_of(next).is_none() && !ends_preamble(end);
    }
    !end.ends_with([';', ':', '.'])
}

/// Whether `text` is a short block such as the enacting formula, which a page never splits.
fn ends_preamble(text: &str) -> bool {
    text.starts_with("The ") && text.len() < 80
}

/// Items of a clean text: blank lines separate blocks. A line end inside a block is weighed
/// like a page break (hard-wrapped lines join again, a new paragraph starts a new block),
/// since some Security Council drafts put one paragraph on each line without blank lines.
pub(crate) fn clean_items(text: &str) -> Vec<Item> {
    let lines = super::lines::split_lines(text);
    let mut items = Vec::with_capacity(lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        let t = line.trimmed();
        if is_blank_line(t) {
            items.push(Item::Blank);
            continue;
        }
        let (start, _) = line.trimmed_bounds();
        // Invisible marks after the last word ("Change,\u{200e}") are not part of the text.
        let (start, t) = match glued_formula(t) {
            Some(at) => {
                // "The Human Rights Council,\tGuided by ...": the formula is a block of its own.
                let formula = t.get(..at).unwrap_or(t).trim_end();
                items.push(clean_piece(formula, formula, start));
                items.push(Item::Blank);
                let rest = t.get(at..).unwrap_or("");
                (start + (t.len() - rest.len()), rest)
            }
            None => (start, t),
        };
        items.push(clean_piece(
            t,
            t.trim_end_matches(super::footnotes::is_invisible),
            start,
        ));
        if lines
            .get(i + 1)
            .is_some_and(|next| !is_blank_line(next.trimmed()))
        {
            items.push(Item::PageBreak);
        }
    }
    items
}

/// The item for one line of a clean text starting at `start`; `raw` is the line, `t` the part
/// of it that is text (invisible marks after the last word are outside the span).
fn clean_piece(raw: &str, t: &str, start: usize) -> Item {
    let t = without_glued_rule(t);
    Item::Line(Piece {
        text: super::wrap::keep_final_soft_hyphen(raw, super::footnotes::collapse(t)),
        start,
        end: start + t.len(),
        marks: Vec::new(),
    })
}

/// Where the text after an enacting formula that shares its line starts ("The Human Rights
/// Council,\tGuided by ..."), when a known organ is named.
fn glued_formula(line: &str) -> Option<usize> {
    let rest = line.strip_prefix("The ")?;
    let (name, after) = rest.split_once(',')?;
    let known = crate::model::Body::ALL.iter().any(|b| b.name() == name);
    let text = after.trim_start();
    (known && !text.is_empty()).then(|| line.len() - text.len())
}

/// "... by the use of all possible means for the ____________": the rule above the
/// footnotes of a printed page glued to the last line of text is not part of it.
fn without_glued_rule(line: &str) -> &str {
    let kept = line.trim_end_matches('_');
    let glued = line.len() - kept.len() >= 5 && kept.ends_with(char::is_whitespace);
    let kept = kept.trim_end();
    if glued && !kept.is_empty() {
        kept
    } else {
        line
    }
}

/// Blank, or a page marker of a scanned compilation ("<!-- Page 3 -->").
fn is_blank_line(t: &str) -> bool {
    t.is_empty() || is_marker(t)
}

fn is_marker(t: &str) -> bool {
    t.starts_with("<!--") && t.ends_with("-->")
}

/// The markers of a clean text: its lines that are a comment ("<!-- Page 3 -->").
pub(crate) fn markers(text: &str) -> Vec<super::Furniture> {
    let lines = super::lines::split_lines(text);
    let markers = lines.iter().filter(|l| is_marker(l.trimmed()));
    markers
        .map(|l| {
            let (start, end) = l.trimmed_bounds();
            super::Furniture {
                span: Span::new(start, end),
                kind: super::FurnitureKind::Marker,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        group(&clean_items(src))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn blank_lines_separate_blocks() {
        assert_eq!(texts("a b\nc\n\n d \n"), ["a b c", "d"]);
    }

    #[test]
    fn one_paragraph_per_line() {
        let src = "The Security Council,\nRecalling A,\nNoting B,\n1. Decides C;\n2. Decides D.\n";
        assert_eq!(texts(src).len(), 5);
    }

    #[test]
    fn hard_wrapped_text_without_blank_lines() {
        let src = "The Security Council,\nRecalling its resolutions 2014 (2011), 2051 (2012),\n2204 (2015) concerning Yemen,\nReaffirming its strong commitment to the unity and\nterritorial integrity of Yemen,\n1. Decides C;\n";
        assert_eq!(texts(src), [
            "The Security Council,",
            "Recalling its resolutions 2014 (2011), 2051 (2012), 2204 (2015) concerning Yemen,",
            "Reaffirming its strong commitment to the unity and territorial integrity of Yemen,",
            "1. Decides C;",
        ]);
    }

    #[test]
    fn hyphen_at_line_end_joins_without_space() {
        assert_eq!(
            texts("options for self-\ndetermination"),
            ["options for self-determination"]
        );
    }

    #[test]
    fn page_break_inside_a_sentence_is_joined() {
        let p = |t: &str| {
            Item::Line(Piece {
                text: t.into(),
                start: 0,
                end: t.len(),
                marks: vec![],
            })
        };
        let items = [
            p("noting that, as declared in"),
            Item::Blank,
            Item::PageBreak,
            Item::Blank,
            p("the 2005 World Summit Outcome,"),
            Item::Blank,
            Item::PageBreak,
            p("Recalling its resolution,"),
        ];
        let b = group(&items);
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0].text,
            "noting that, as declared in the 2005 World Summit Outcome,"
        );
    }

    #[test]
    fn page_break_after_a_comma_inside_a_sentence() {
        let p = |t: &str| {
            Item::Line(Piece {
                text: t.into(),
                start: 0,
                end: t.len(),
                marks: vec![],
            })
        };
        let b = group(&[
            p("to Trace, in a Timely and Reliable Manner,"),
            Item::PageBreak,
            p("Illicit Small Arms"),
            Item::Blank,
            p("Recalling X,"),
            Item::PageBreak,
            p("Noting Y,"),
        ]);
        let t: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "to Trace, in a Timely and Reliable Manner, Illicit Small Arms",
                "Recalling X,",
                "Noting Y,"
            ]
        );
    }

    #[test]
    fn closing_formula_without_blank_line_starts_a_block() {
        let b = texts("22. Decides to include the item.\n45th plenary meeting\n7 December 2023");
        assert_eq!(
            b,
            [
                "22. Decides to include the item.",
                "45th plenary meeting 7 December 2023"
            ]
        );
    }

    #[test]
    fn label_alone_on_a_line_starts_a_block() {
        let b = texts("in the country;\n(s)\nTo ensure the right");
        assert_eq!(b, ["in the country;", "(s) To ensure the right"]);
    }

    #[test]
    fn annex_heading_after_the_closing_formula_on_a_new_page() {
        let p = |t: &str| {
            Item::Line(Piece {
                text: t.into(),
                start: 0,
                end: t.len(),
                marks: vec![],
            })
        };
        let b = group(&[
            p("50th (resumed) plenary meeting"),
            p("22 December 2023"),
            Item::PageBreak,
            p("Annex"),
            Item::Blank,
            p("Staffing table"),
        ]);
        let t: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "50th (resumed) plenary meeting 22 December 2023",
                "Annex",
                "Staffing table"
            ]
        );
    }

    #[test]
    fn rule_glued_to_a_line_is_dropped() {
        let src = "by all possible means for the ____________\n\nnext";
        let items = clean_items(src);
        let Some(Item::Line(p)) = items.first() else {
            panic!("no line")
        };
        assert_eq!(p.text, "by all possible means for the");
        assert_eq!(&src[p.start..p.end], "by all possible means for the");
        assert_eq!(
            texts("__________\n\n1/ A/48/876."),
            ["__________", "1/ A/48/876."]
        );
    }

    #[test]
    fn invisible_marks_at_a_line_end_are_outside_the_span() {
        let src = "on Climate Change,\u{200e}\n";
        let Some(Item::Line(p)) = clean_items(src).into_iter().next() else {
            panic!("no line")
        };
        assert_eq!(&src[p.start..p.end], "on Climate Change,");
    }

    #[test]
    fn enacting_formula_sharing_a_line_is_split() {
        let src = "The Human Rights Council,\tGuided by the Charter,\n\nRecalling A,\n";
        assert_eq!(
            texts(src),
            [
                "The Human Rights Council,",
                "Guided by the Charter,",
                "Recalling A,"
            ]
        );
        let b = group(&clean_items(src));
        assert_eq!(&src[b[1].span.range()], "Guided by the Charter,");
        assert_eq!(texts("The General Assembly, Recalling,").len(), 2);
        assert_eq!(texts("The Committee, noting A,").len(), 1);
    }

    #[test]
    fn dash_in_a_range_at_line_end() {
        assert_eq!(texts("the Decade 2021–\n2030"), ["the Decade 2021–2030"]);
    }

    #[test]
    fn page_break_before_a_number_starts_a_block() {
        let p = |t: &str| {
            Item::Line(Piece {
                text: t.into(),
                start: 0,
                end: t.len(),
                marks: vec![],
            })
        };
        let b = group(&[
            p("Aware of the role of"),
            Item::PageBreak,
            p("3."),
            p("Stresses"),
        ]);
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn marks_are_rebased_when_lines_join() {
        let piece = Piece {
            text: "2023,".into(),
            start: 0,
            end: 6,
            marks: vec![(5, "1".into())],
        };
        let mut b = Block::new(&Piece {
            text: "for".into(),
            start: 0,
            end: 3,
            marks: vec![],
        });
        b.push(&piece);
        assert_eq!(b.text, "for 2023,");
        assert_eq!(b.marks, [(9, "1".to_string())]);
        let (tail, marks) = b.tail(4);
        assert_eq!(tail, "2023,");
        assert_eq!(marks, [(5, "1".to_string())]);
    }
}

//! First pass over the body: pulldown-cmark's events, with byte offsets, turned into a flat list
//! of text blocks ("leaves") grouped by the top-level block they belong to. The second pass
//! (`build`) gives them their meaning in a resolution.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::closing::is_enacting;
use super::inline::{collapse, label_len};
use crate::model::Kind;
use crate::opening::opening_len;

/// What kind of text block a leaf is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeafKind {
    /// A paragraph (also the text of a tight list item).
    Para,
    /// A heading of the given level.
    Heading(u8),
    /// A code or HTML block: text the format has no construct for.
    Other,
}

/// Which container a leaf belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    /// The top level of the body.
    Top,
    /// A top-level list item (index into `Blocks::items`).
    Item(usize),
    /// A footnote definition (index into `Blocks::footnotes`).
    Footnote(usize),
}

/// A block of text with its plain text and where its inline source is.
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub kind: LeafKind,
    pub owner: Owner,
    /// Directly in its owner (not in a block quote or nested list), so the inline source can be
    /// taken from the source text as it is.
    pub direct: bool,
    /// The block in the source.
    pub block: Range<usize>,
    /// From the first to the end of the last inline event, when there is any.
    pub inline: Option<Range<usize>>,
    /// Plain text, whitespace not yet collapsed.
    pub text: String,
    /// Footnote references in order.
    pub refs: Vec<String>,
    /// Plain text of an emphasis (or strong emphasis) run the leaf starts with.
    pub emph: Option<String>,
    /// Nesting depth of emphasis while the leading run is being read.
    emph_depth: Option<usize>,
}

/// A top-level list item.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub range: Range<usize>,
    pub ordered: bool,
    pub leaves: Vec<usize>,
}

/// A footnote definition.
#[derive(Debug, Clone)]
pub(crate) struct FootDef {
    pub label: String,
    pub range: Range<usize>,
    pub leaves: Vec<usize>,
}

/// What a top-level block holds.
#[derive(Debug, Clone)]
pub(crate) enum UnitKind {
    /// One leaf (a paragraph, a heading, a code block).
    Leaf(usize),
    /// A list: its items.
    List(Vec<usize>),
    /// Any other container (block quote, thematic break): the leaves inside.
    Other(Vec<usize>),
}

/// A top-level block of the body other than a footnote definition.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub range: Range<usize>,
    pub kind: UnitKind,
}

/// The result of the first pass. Every range is into the whole source.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    pub leaves: Vec<Leaf>,
    pub items: Vec<Item>,
    pub footnotes: Vec<FootDef>,
    pub units: Vec<Unit>,
    /// Constructs the draft format has no place for (outside footnotes): byte offset and
    /// what each is. Inside an annex they are fine: annexes are kept as written.
    pub unsupported: Vec<(usize, &'static str)>,
}

/// The block-level containers open at the current event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    List(bool),
    Item,
    Foot,
    Leaf,
    Other,
}

/// Whether a line starts a preambular paragraph: a capitalised participle ("Recalling",
/// "Taking note") that the opening recogniser accepts. Used to split preambular paragraphs
/// pasted without blank lines; other openings ("Mindful") are left joined rather than risk
/// splitting a wrapped sentence.
fn opens_preambular(line: &str) -> bool {
    let line = line.trim_start_matches(['*', '_']);
    let word: &str = line.split([' ', '*', '_', ',']).next().unwrap_or("");
    word.starts_with(char::is_uppercase)
        && word.ends_with("ing")
        && opening_len(line, Kind::Preambular).is_some()
}

/// Reads the body `src[base..]`.
pub(crate) fn read(src: &str, base: usize) -> Blocks {
    let body = src.get(base..).unwrap_or("");
    let mut w = Walker {
        body,
        base,
        out: Blocks::default(),
        stack: Vec::new(),
        cur: None,
        cur_item: None,
        cur_foot: None,
        in_annex: false,
        link_depth: 0,
    };
    for (event, range) in Parser::new_ext(body, Options::ENABLE_FOOTNOTES).into_offset_iter() {
        w.event(event, range);
    }
    w.close_leaf();
    w.out
}

struct Walker<'a> {
    body: &'a str,
    base: usize,
    out: Blocks,
    stack: Vec<Frame>,
    /// The leaf being read, as an index into `out.leaves`.
    cur: Option<usize>,
    cur_item: Option<usize>,
    cur_foot: Option<usize>,
    /// Whether an annex heading has been seen.
    in_annex: bool,
    /// How many links the current event is inside.
    link_depth: usize,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, r: Range<usize>) {
        let r = r.start + self.base..r.end + self.base;
        if self.link_depth > 0 {
            // Inside a link: its source was taken as text when it opened.
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.link_depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => self.link_depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, r),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t, r),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t, r),
            Event::SoftBreak => self.soft_break(r),
            Event::HardBreak => self.text(" ", r),
            Event::FootnoteReference(label) => {
                if let Some(leaf) = self.leaf_for_inline(r) {
                    leaf.refs.push(label.to_string());
                }
            }
            // A tag-like run inside a paragraph ("<img …>") is text a drafter typed or pasted:
            // kept as characters (the writer escapes `<`), never dropped from the paragraph.
            Event::InlineHtml(t) => self.text(&t, r),
            Event::Html(_) => self.unsupported(r.start, "HTML"),
            Event::Rule => {
                if self.stack.is_empty() {
                    self.push_unit(r, UnitKind::Other(Vec::new()));
                }
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, r: Range<usize>) {
        match tag {
            Tag::Emphasis | Tag::Strong => self.emphasis_start(r),
            // A link (`[a](b)`, `[a][b]`, `<http://…>`) has no place in a resolution: like a
            // tag-like run, it is read as the characters it is, so no word of it is lost
            // (`[shall](EU)` in a negotiating text).
            Tag::Link { .. } | Tag::Image { .. } => {
                let source = self
                    .body
                    .get(r.start - self.base..r.end - self.base)
                    .unwrap_or("")
                    .to_string();
                self.text(&source, r);
                self.link_depth = 1;
            }
            Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            Tag::Paragraph => self.open_leaf(LeafKind::Para, r),
            Tag::Heading { level, .. } => {
                let level = level as u8;
                self.in_annex |= level == 1 && self.is_annex_heading(&r);
                if let Some(what) = self.heading_outside_format(level, &r) {
                    self.unsupported(r.start, what);
                }
                self.open_leaf(LeafKind::Heading(level), r);
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.unsupported(r.start, "code or HTML block");
                self.open_leaf(LeafKind::Other, r);
            }
            Tag::List(first) => self.open_list(first.is_some(), r),
            Tag::Item => self.open_item(r),
            Tag::FootnoteDefinition(label) => self.open_footnote(label.to_string(), r),
            _ => self.open_other(r),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis | TagEnd::Strong => self.emphasis_end(),
            TagEnd::Link | TagEnd::Image => {}
            TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {}
            _ => {
                // Whatever block ends, a leaf open inside it (explicit or a tight item's text)
                // ends with it.
                self.close_leaf();
                self.stack.pop();
                if self.stack.is_empty() {
                    self.cur_item = None;
                    self.cur_foot = None;
                }
            }
        }
    }

    /// Whether the level-1 heading at `r` opens an annex ("# Annex II").
    fn is_annex_heading(&self, r: &Range<usize>) -> bool {
        let source = self
            .body
            .get(r.start.saturating_sub(self.base)..)
            .unwrap_or("");
        let title = source.trim_start_matches(['#', ' ', '\t', '*', '_']);
        let word: String = title.chars().take_while(|c| c.is_alphabetic()).collect();
        // An empty `#` opens an annex without a heading (text after the closing formula
        // before any annex heading, such as the record of the vote).
        let empty = source.starts_with('#')
            && source
                .lines()
                .next()
                .is_some_and(|l| l.trim_matches(['#', ' ', '\t']).is_empty());
        self.stack.is_empty() && (empty || word.eq_ignore_ascii_case("annex"))
    }

    /// Why a heading has no place in the format: only `## section` headings and `# Annex`
    /// headings at the top level have one.
    fn heading_outside_format(&self, level: u8, r: &Range<usize>) -> Option<&'static str> {
        match level {
            _ if !self.stack.is_empty() => Some("heading inside a list or quote"),
            1 if !self.is_annex_heading(r) => Some("level-1 heading other than Annex"),
            1 | 2 => None,
            _ => Some("heading of level 3 or more"),
        }
    }

    fn unsupported(&mut self, at: usize, what: &'static str) {
        let in_footnote = self.stack.contains(&Frame::Foot);
        if !in_footnote {
            self.out.unsupported.push((at, what));
        }
    }

    fn push_unit(&mut self, range: Range<usize>, kind: UnitKind) {
        self.out.units.push(Unit { range, kind });
    }

    fn open_list(&mut self, ordered: bool, r: Range<usize>) {
        self.close_leaf();
        if self.stack.is_empty() {
            self.push_unit(r, UnitKind::List(Vec::new()));
        } else if !self.stack.contains(&Frame::Foot) {
            self.unsupported(r.start, "nested list");
        }
        self.stack.push(Frame::List(ordered));
    }

    fn open_item(&mut self, r: Range<usize>) {
        self.close_leaf();
        if let [Frame::List(ordered)] = self.stack[..] {
            let idx = self.out.items.len();
            self.out.items.push(Item {
                range: r,
                ordered,
                leaves: Vec::new(),
            });
            self.cur_item = Some(idx);
            if let Some(Unit {
                kind: UnitKind::List(items),
                ..
            }) = self.out.units.last_mut()
            {
                items.push(idx);
            }
        }
        self.stack.push(Frame::Item);
    }

    fn open_footnote(&mut self, label: String, r: Range<usize>) {
        self.close_leaf();
        if !self.stack.is_empty() {
            // Only top-level definitions are footnotes of the draft; one inside a list stays
            // text of its container.
            return self.open_other(r);
        }
        self.cur_foot = Some(self.out.footnotes.len());
        self.out.footnotes.push(FootDef {
            label,
            range: r,
            leaves: Vec::new(),
        });
        self.stack.push(Frame::Foot);
    }

    fn open_other(&mut self, r: Range<usize>) {
        self.close_leaf();
        if self.stack.is_empty() {
            self.push_unit(r.clone(), UnitKind::Other(Vec::new()));
        }
        if !self.stack.contains(&Frame::Foot) {
            self.unsupported(r.start, "block quote or other container");
        }
        self.stack.push(Frame::Other);
    }

    fn open_leaf(&mut self, kind: LeafKind, r: Range<usize>) {
        self.close_leaf();
        self.new_leaf(kind, r);
        self.stack.push(Frame::Leaf);
    }

    /// Starts a leaf in the current container and records it with its owner.
    fn new_leaf(&mut self, kind: LeafKind, block: Range<usize>) -> usize {
        let owner = self.owner();
        let direct = matches!(
            self.stack[..],
            [] | [Frame::List(_), Frame::Item] | [Frame::Foot]
        );
        let idx = self.out.leaves.len();
        self.out.leaves.push(Leaf {
            kind,
            owner,
            direct,
            block: block.clone(),
            inline: None,
            text: String::new(),
            refs: Vec::new(),
            emph: None,
            emph_depth: None,
        });
        self.attach(idx, owner, block);
        self.cur = Some(idx);
        idx
    }

    fn owner(&self) -> Owner {
        if let (Some(f), true) = (self.cur_foot, self.stack.contains(&Frame::Foot)) {
            return Owner::Footnote(f);
        }
        match (self.cur_item, self.stack.first()) {
            (Some(i), Some(Frame::List(_))) => Owner::Item(i),
            _ => Owner::Top,
        }
    }

    fn attach(&mut self, idx: usize, owner: Owner, block: Range<usize>) {
        match owner {
            Owner::Footnote(f) => {
                if let Some(def) = self.out.footnotes.get_mut(f) {
                    def.leaves.push(idx);
                }
            }
            Owner::Item(i) => {
                if let Some(item) = self.out.items.get_mut(i) {
                    item.leaves.push(idx);
                }
            }
            Owner::Top if self.stack.is_empty() => {
                self.push_unit(block, UnitKind::Leaf(idx));
            }
            Owner::Top => {
                if let Some(Unit {
                    kind: UnitKind::Other(leaves),
                    ..
                }) = self.out.units.last_mut()
                {
                    leaves.push(idx);
                }
            }
        }
    }

    fn close_leaf(&mut self) {
        self.cur = None;
    }

    /// The leaf inline content goes to, opening one for the text of a tight list item; records
    /// the event's range as part of the leaf's inline source.
    fn leaf_for_inline(&mut self, r: Range<usize>) -> Option<&mut Leaf> {
        let idx = match self.cur {
            Some(i) => i,
            None => self.new_leaf(LeafKind::Para, r.clone()),
        };
        let r = self.with_escape(r);
        let leaf = self.out.leaves.get_mut(idx)?;
        leaf.inline = Some(match &leaf.inline {
            Some(old) => old.start.min(r.start)..old.end.max(r.end),
            None => r,
        });
        Some(leaf)
    }

    /// The text of an escaped character starts after its backslash; the inline source must
    /// include the backslash.
    fn with_escape(&self, r: Range<usize>) -> Range<usize> {
        let at = r.start.saturating_sub(self.base);
        let bytes = self.body.as_bytes();
        let escaped = at > 0
            && bytes.get(at - 1) == Some(&b'\\')
            && bytes.get(at).is_some_and(u8::is_ascii_punctuation);
        if escaped {
            r.start - 1..r.end
        } else {
            r
        }
    }

    fn text(&mut self, t: &str, r: Range<usize>) {
        if let Some(leaf) = self.leaf_for_inline(r) {
            leaf.text.push_str(t);
        }
    }

    fn emphasis_start(&mut self, r: Range<usize>) {
        if let Some(leaf) = self.leaf_for_inline(r) {
            match leaf.emph_depth.as_mut() {
                Some(d) => *d += 1,
                None if leaf.emph.is_none() && leaf.text.is_empty() && leaf.refs.is_empty() => {
                    leaf.emph_depth = Some(1);
                }
                None => {}
            }
        }
    }

    fn emphasis_end(&mut self) {
        let Some(leaf) = self.cur.and_then(|i| self.out.leaves.get_mut(i)) else {
            return;
        };
        match leaf.emph_depth {
            Some(1) => {
                leaf.emph_depth = None;
                leaf.emph = Some(leaf.text.clone());
            }
            Some(d) => leaf.emph_depth = Some(d - 1),
            None => {}
        }
    }

    /// A line break inside a paragraph. Hard-wrapped drafts often leave out the blank line
    /// before a subparagraph or after the enacting formula, so a new leaf starts at a line
    /// that opens with a label when the line before ends a clause (":", ";") or is itself
    /// part of a subparagraph, and after a first line that is an enacting formula.
    fn soft_break(&mut self, r: Range<usize>) {
        let after = self
            .body
            .get(r.end.saturating_sub(self.base)..)
            .unwrap_or("");
        let next_line = after.trim_start_matches([' ', '\t']);
        let split = self
            .cur
            .and_then(|i| self.out.leaves.get(i))
            .is_some_and(|l| self.splits_before(l, next_line));
        if split {
            self.split_at(r.end + (after.len() - next_line.len()));
        } else {
            self.text(" ", r);
        }
    }

    fn splits_before(&self, l: &Leaf, next_line: &str) -> bool {
        // Annexes are kept as written: nothing in them is split.
        if l.kind != LeafKind::Para || !l.direct || l.emph_depth.is_some() || self.in_annex {
            return false;
        }
        let t = l.text.trim_end();
        let first_unit = l.owner == Owner::Top && self.out.units.len() == 1;
        if first_unit && is_enacting(&collapse(t)) {
            // Only before a line of words: a continuation line that starts otherwise ("[^1]:",
            // "#") could read as a block of another kind once it starts a paragraph.
            let word = next_line.trim_start_matches(['*', '_']);
            return word.starts_with(char::is_alphabetic);
        }
        if l.owner == Owner::Top && t.ends_with(',') && opens_preambular(next_line) {
            return true;
        }
        let ends_clause = [":", ";", "; and", "; or"].iter().any(|e| t.ends_with(e));
        let source = |r: &Range<usize>| self.body.get(r.start.saturating_sub(self.base)..);
        let in_sub = l
            .inline
            .as_ref()
            .and_then(source)
            .and_then(label_len)
            .is_some();
        (ends_clause || in_sub) && label_len(next_line).is_some()
    }

    /// Ends the current leaf and starts a sibling at `at`, in the same container.
    fn split_at(&mut self, at: usize) {
        let Some(old) = self.cur.take().and_then(|i| self.out.leaves.get_mut(i)) else {
            return;
        };
        let end = old.inline.as_ref().map_or(old.block.end, |r| r.end);
        let block_end = old.block.end;
        old.block.end = end;
        let (owner, direct) = (old.owner, old.direct);
        let idx = self.out.leaves.len();
        self.out.leaves.push(Leaf {
            kind: LeafKind::Para,
            owner,
            direct,
            block: at..block_end,
            inline: None,
            text: String::new(),
            refs: Vec::new(),
            emph: None,
            emph_depth: None,
        });
        self.cur = Some(idx);
        match owner {
            Owner::Top => {
                let unit_end = self.out.units.last().map_or(block_end, |u| u.range.end);
                if let Some(u) = self.out.units.last_mut() {
                    u.range.end = end;
                }
                self.push_unit(at..unit_end, UnitKind::Leaf(idx));
            }
            _ => self.attach(idx, owner, at..at),
        }
    }
}

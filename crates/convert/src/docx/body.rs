//! The text of word/document.xml: paragraphs in order (blank line between them), tables as
//! rows of tab-separated cells, automatic numbers typed in, footnote references kept as
//! their number and the footnotes listed at the end after a rule, one block each ("n text"),
//! as in the clean UN texts.
//!
//! Skipped on purpose: deleted and moved-away revision text (`w:delText`, `w:moveFrom`),
//! hidden runs (`w:vanish`), field instructions, the VML fallback copy of text boxes;
//! page headers and footers live in other parts and are only searched for the symbol.

use super::negotiation::{comment_text, label_in_braces, Comment};
use super::numbering::Numbering;
use super::styles::Styles;
use crate::xml::{walk, Element, Node};
use crate::ConvertError;
use std::collections::HashMap;

/// The rule line that opens the footnote area, as in the corpus's PDF extractions.
pub(crate) const FOOTNOTE_RULE: &str = "__________________";

/// A footnote of footnotes.xml: its id and its text (paragraphs joined by spaces).
pub(crate) type Footnote = (String, String);

/// Reads footnotes.xml into (id, text), skipping the separator pseudo-notes.
pub(crate) fn footnotes(xml: &str) -> Result<Vec<Footnote>, ConvertError> {
    let mut notes = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    walk(xml, |node| match node {
        Node::Open(e) => match e.name.as_str() {
            "footnote" if e.attr("type").is_none_or(|t| t == "normal") => {
                current = e.attr("id").map(|id| (id.to_string(), String::new()));
            }
            "t" => in_text = true,
            "tab" | "p" => push_space(&mut current),
            _ => {}
        },
        Node::Close(name) => match name {
            "t" => in_text = false,
            "footnote" => notes.extend(current.take()),
            _ => {}
        },
        Node::Text(t) if in_text => {
            if let Some((_, text)) = current.as_mut() {
                text.push_str(t);
            }
        }
        Node::Text(_) => {}
    })?;
    Ok(notes
        .into_iter()
        .map(|(id, text)| (id, collapse_spaces(&text)))
        .collect())
}

fn push_space(current: &mut Option<(String, String)>) {
    if let Some((_, text)) = current.as_mut() {
        text.push(' ');
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the document body, with the footnotes it references listed at the end.
pub(crate) fn text(
    xml: &str,
    numbering: &mut Numbering,
    styles: &Styles,
    footnotes: &[Footnote],
    comments: Option<&HashMap<String, Comment>>,
) -> Result<String, ConvertError> {
    let mut walker = Walker {
        comments,
        numbering,
        styles,
        blocks: Vec::new(),
        paragraphs: Vec::new(),
        tables: Vec::new(),
        state: RunState::default(),
        note_numbers: HashMap::new(),
    };
    walk(xml, |node| walker.node(node))?;
    let mut text = walker.blocks.join("\n\n");
    append_footnotes(&mut text, &walker.note_numbers, footnotes);
    if !text.is_empty() {
        text.push('\n');
    }
    Ok(text)
}

fn append_footnotes(text: &mut String, numbers: &HashMap<String, String>, notes: &[Footnote]) {
    let mut listed: Vec<(&String, &String)> = notes
        .iter()
        .filter_map(|(id, body)| numbers.get(id).map(|n| (n, body)))
        .collect();
    if listed.is_empty() {
        return;
    }
    listed.sort_by_key(|(n, _)| n.parse::<u32>().unwrap_or(u32::MAX));
    text.push_str("\n\n");
    text.push_str(FOOTNOTE_RULE);
    // One block per note, as clean UN texts list them, so that segmentation reads each as
    // a footnote and finds its mark in the text.
    for (n, body) in listed {
        text.push_str(&format!("\n\n{n} {body}"));
    }
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    num_id: Option<u32>,
    ilvl: Option<u32>,
    style: Option<String>,
}

/// A table being read: finished rows, the current row, the current cell.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<String>,
    row: Vec<String>,
    cell: Option<String>,
}

/// Where we are inside paragraph and run markup.
#[derive(Debug, Default)]
struct RunState {
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    hidden: bool,
    /// Depth inside content that is not shown as text: `w:moveFrom` (moved away by a
    /// tracked change) and `mc:Fallback` (the VML copy of a text box Word writes next to
    /// its DrawingML copy, which would otherwise come out twice).
    skipped: usize,
}

struct Walker<'a> {
    /// The comments of a negotiating text (`None` for any other text): they go into the
    /// text as attributions or notes, and typed labels are written in braces.
    comments: Option<&'a HashMap<String, Comment>>,
    numbering: &'a mut Numbering,
    styles: &'a Styles,
    blocks: Vec<String>,
    paragraphs: Vec<Para>,
    tables: Vec<Table>,
    state: RunState,
    /// Footnote id -> number shown at its reference (in order of first reference).
    note_numbers: HashMap<String, String>,
}

impl Walker<'_> {
    fn node(&mut self, node: Node<'_>) {
        match node {
            Node::Open(e) => self.open(e),
            Node::Close(name) => self.close(name),
            Node::Text(t) => {
                let s = &self.state;
                if s.in_text && !s.hidden && s.skipped == 0 {
                    self.push(t);
                }
            }
        }
    }

    fn open(&mut self, e: &Element) {
        match e.name.as_str() {
            "p" => self.paragraphs.push(Para::default()),
            "pPr" => self.state.in_ppr = true,
            "rPr" => self.state.in_rpr = true,
            "r" => self.state.hidden = false,
            "t" => self.state.in_text = true,
            "moveFrom" | "Fallback" => self.state.skipped += 1,
            "vanish" if self.state.in_rpr && !self.state.in_ppr => {
                self.state.hidden = !matches!(e.attr("val"), Some("0" | "false" | "off"));
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" => {}
            "tc" => {
                if let Some(table) = self.tables.last_mut() {
                    table.cell = Some(String::new());
                }
            }
            "footnoteReference" => self.footnote_reference(e),
            "commentReference" => self.comment_reference(e),
            _ if self.state.in_ppr => self.paragraph_property(e),
            "tab" | "ptab" => self.push("\t"),
            "br" | "cr" => self.push("\n"),
            "noBreakHyphen" => self.push("-"),
            _ => {}
        }
    }

    fn paragraph_property(&mut self, e: &Element) {
        let Some(para) = self.paragraphs.last_mut() else {
            return;
        };
        let val = e.attr("val");
        match e.name.as_str() {
            "pStyle" => para.style = val.map(str::to_string),
            "numId" => para.num_id = val.and_then(|v| v.parse().ok()),
            "ilvl" => para.ilvl = val.and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    fn footnote_reference(&mut self, e: &Element) {
        let Some(id) = e.attr("id") else { return };
        if matches!(e.attr("customMarkFollows"), Some("1" | "true" | "on")) {
            // The mark is typed in the next run; list the note under that mark.
            self.note_numbers.insert(id.to_string(), "*".to_string());
            return;
        }
        let next = (self.note_numbers.len() + 1).to_string();
        let number = self
            .note_numbers
            .entry(id.to_string())
            .or_insert(next)
            .clone();
        self.push(&number);
    }

    /// A comment's mark in a negotiating text: its text after the text it was on.
    fn comment_reference(&mut self, e: &Element) {
        let Some(comment) = self.comments.and_then(|c| c.get(e.attr("id")?)) else {
            return;
        };
        let before = self.paragraphs.last().map_or("", |p| p.text.as_str());
        let text = comment_text(before.trim_end(), comment);
        if before.ends_with(char::is_whitespace) && text.starts_with(' ') {
            self.push(text.trim_start());
        } else {
            self.push(&text);
        }
    }

    fn push(&mut self, s: &str) {
        if self.state.skipped > 0 || self.state.in_ppr {
            return;
        }
        if let Some(para) = self.paragraphs.last_mut() {
            para.text.push_str(s);
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "pPr" => self.state.in_ppr = false,
            "rPr" => self.state.in_rpr = false,
            "t" => self.state.in_text = false,
            "moveFrom" | "Fallback" => self.state.skipped = self.state.skipped.saturating_sub(1),
            "p" => self.end_paragraph(),
            "tc" => self.end_cell(),
            "tr" => self.end_row(),
            "tbl" => self.end_table(),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(para) = self.paragraphs.pop() else {
            return;
        };
        // A level on the paragraph applies to the list its style gives, too.
        let numbering = para
            .num_id
            .map(|n| (n, para.ilvl.unwrap_or(0)))
            .or_else(|| para.style.as_deref().and_then(|s| self.styles.numbering(s)))
            .map(|(n, style_level)| (n, para.ilvl.unwrap_or(style_level)));
        let label = numbering.and_then(|(num, lvl)| self.numbering.next_label(num, lvl));
        let body = para.text.trim();
        if body.is_empty() {
            return;
        }
        let mut text = format!("{}{body}", label.unwrap_or_default());
        // Only in the paragraph styles the writer types labels in (`Operative`,
        // `Preambular`; LibreOffice renames them `UNoperativeparagraph` … on saving): a tab
        // in an annex or a table is text.
        let numbered = para.style.as_deref().is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("operative") || s.contains("preambular")
        });
        if self.comments.is_some() && numbered {
            text = label_in_braces(&text).unwrap_or(text);
        }
        self.emit(text);
    }

    /// Sends a finished paragraph to the enclosing paragraph (text box), table cell or
    /// the document.
    fn emit(&mut self, text: String) {
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&text.replace(['\n', '\t'], " "));
        } else if let Some(outer) = self.paragraphs.last_mut() {
            outer.text.push_str(&text);
            outer.text.push('\n');
        } else {
            self.blocks.push(text);
        }
    }

    fn end_cell(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            let cell = table.cell.take().unwrap_or_default();
            table.row.push(cell);
        }
    }

    fn end_row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            let row = std::mem::take(&mut table.row);
            if row.iter().any(|c| !c.trim().is_empty()) {
                table.rows.push(row.join("\t"));
            }
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        if table.rows.is_empty() {
            return;
        }
        let text = table.rows.join("\n");
        // A nested table becomes text of the outer cell; a top-level one its own block.
        if self.tables.last().is_some_and(|t| t.cell.is_some()) {
            self.emit(text);
        } else {
            self.blocks.push(text);
        }
    }
}

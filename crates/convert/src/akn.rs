//! Akoma Ntoso 3.0.
//!
//! * [`write()`] writes a [`resolute_draft::Draft`] as an AKN resolution and [`read_draft`]
//!   reads one back into the model without loss.
//! * The crate-internal text reader (behind [`crate::read`]) gives the text of preface,
//!   preamble, main body and conclusions in document order, one block per paragraph-like
//!   element, `num` kept in front of its paragraph ("1. Decides ..."), `authorialNote`s
//!   turned into footnotes after a rule, one block each as in the clean form; metadata
//!   from FRBR and the preface's docNumber/docTitle/docDate.

mod read_draft;
mod tree;
mod write;

pub use read_draft::read_draft;
pub use write::{write, AKN_NAMESPACE};

use crate::docx::FOOTNOTE_RULE;
use crate::meta::{is_symbol, iso_date, non_empty};
use crate::xml::{walk, Element, Node};
use crate::{ConvertError, Document, Format, Meta};

/// The parts of a document whose text is read.
const PARTS: &[&str] = &[
    "preface",
    "preamble",
    "mainBody",
    "body",
    "conclusions",
    "attachments",
];
/// Elements that end the current block when they open or close.
const BLOCKS: &[&str] = &[
    "p",
    "heading",
    "subheading",
    "formula",
    "container",
    "blockContainer",
    "tblock",
    "li",
    "item",
    "paragraph",
    "subparagraph",
    "point",
    "list",
    "intro",
    "wrapUp",
    "tr",
    "section",
    "article",
    "clause",
    "hcontainer",
    "level",
    "citation",
    "recital",
    "attachment",
];

/// Reads an Akoma Ntoso document.
pub(crate) fn read(bytes: &[u8]) -> Result<Document, ConvertError> {
    let source = crate::text::decode(bytes)?;
    let mut state = State::default();
    walk(&source, |node| state.node(node))?;
    if !state.seen_root {
        return Err(ConvertError::UnknownFormat(
            "XML, but not an Akoma Ntoso document (no <akomaNtoso> root)".to_string(),
        ));
    }
    state.end_block();
    let mut text = state.blocks.join("\n\n");
    if !state.notes.is_empty() {
        text.push_str("\n\n");
        text.push_str(FOOTNOTE_RULE);
        for (marker, note) in &state.notes {
            text.push_str(&format!("\n\n{marker} {note}"));
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    let mut meta = std::mem::take(&mut state.meta);
    if meta.symbol.is_none() {
        meta.symbol = state.frbr_number.filter(|s| is_symbol(s));
    }
    Ok(Document::new(text, Format::Akn, meta))
}

#[derive(Debug, Default)]
struct State {
    seen_root: bool,
    /// Depth inside a part whose text is read.
    in_part: usize,
    blocks: Vec<String>,
    block: String,
    /// "1." of a paragraph, waiting for its first block.
    pending_num: Option<String>,
    in_num: bool,
    num: String,
    /// Depth inside an authorialNote, and the note being read.
    in_note: usize,
    note: String,
    notes: Vec<(String, String)>,
    /// The inline element whose text goes to metadata.
    capture: Option<&'static str>,
    meta: Meta,
    frbr_number: Option<String>,
}

impl State {
    fn node(&mut self, node: Node<'_>) {
        match node {
            Node::Open(e) => self.open(e),
            Node::Close(name) => self.close(name),
            Node::Text(t) => self.text(t),
        }
    }

    fn open(&mut self, e: &Element) {
        let name = e.name.as_str();
        match name {
            "akomaNtoso" => self.seen_root = true,
            _ if PARTS.contains(&name) => {
                self.end_block();
                self.in_part += 1;
            }
            "FRBRnumber" => self.frbr_number = e.attr("value").map(str::to_string),
            "FRBRlanguage" => self.meta.language = e.attr("language").map(str::to_string),
            "FRBRdate" if self.meta.date.is_none() => {
                self.meta.date = e.attr("date").and_then(iso_date);
            }
            "docDate" => {
                self.meta.date = e.attr("date").and_then(iso_date).or(self.meta.date.take())
            }
            "docNumber" => self.capture = Some("symbol"),
            "docTitle" => self.capture = Some("title"),
            "num" if self.in_part > 0 && self.in_note == 0 => {
                self.in_num = true;
                self.num.clear();
            }
            "authorialNote" if self.in_part > 0 => self.open_note(e),
            "td" | "th" if self.in_note == 0 && !self.block.is_empty() => self.block.push('\t'),
            "eol" | "br" => self.push("\n"),
            _ if BLOCKS.contains(&name) && self.in_note == 0 => self.end_block(),
            _ => {}
        }
    }

    fn open_note(&mut self, e: &Element) {
        if self.in_note == 0 {
            let marker = e
                .attr("marker")
                .map(str::to_string)
                .unwrap_or_else(|| (self.notes.len() + 1).to_string());
            self.push(&marker);
            self.notes.push((marker, String::new()));
            self.note.clear();
        }
        self.in_note += 1;
    }

    fn close(&mut self, name: &str) {
        match name {
            _ if PARTS.contains(&name) => {
                self.end_block();
                self.in_part = self.in_part.saturating_sub(1);
            }
            "docNumber" | "docTitle" => self.capture = None,
            "num" if self.in_num => {
                self.in_num = false;
                self.end_block();
                self.pending_num = non_empty(&self.num);
            }
            "authorialNote" if self.in_note > 0 => {
                self.in_note -= 1;
                if self.in_note == 0 {
                    let text = collapse(&self.note);
                    if let Some(last) = self.notes.last_mut() {
                        last.1 = text;
                    }
                }
            }
            "p" if self.in_note > 0 => self.note.push(' '),
            _ if BLOCKS.contains(&name) && self.in_note == 0 => self.end_block(),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        match self.capture {
            Some("symbol") if is_symbol(t.trim()) => self.meta.symbol = non_empty(t),
            Some("title") => {
                let title = self.meta.title.take().unwrap_or_default();
                self.meta.title = non_empty(&format!("{title}{t}"));
            }
            _ => {}
        }
        // Line breaks in the source are indentation; only <eol/> breaks a line.
        let t = t.replace(['\n', '\r'], " ");
        if self.in_num {
            self.num.push_str(&t);
        } else {
            self.push(&t);
        }
    }

    fn push(&mut self, t: &str) {
        if self.in_note > 0 {
            self.note.push_str(t);
        } else if self.in_part > 0 {
            self.block.push_str(t);
        }
    }

    fn end_block(&mut self) {
        let block = collapse_lines(&std::mem::take(&mut self.block));
        if block.is_empty() {
            return;
        }
        let text = match self.pending_num.take() {
            Some(num) => format!("{num} {block}"),
            None => block,
        };
        self.blocks.push(text);
    }
}

/// Collapses runs of spaces within each line (XML indentation), keeping `eol` breaks.
fn collapse_lines(s: &str) -> String {
    s.split('\n')
        .map(|l| {
            l.split([' ', '\t', '\r'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const AKN: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta><identification source="#r">
      <FRBRWork><FRBRthis value="/akn/un/statement/resolution/2023-12-07/78-100/!main"/>
        <FRBRnumber value="A/RES/78/100"/><FRBRdate date="2023-12-07" name="adoption"/></FRBRWork>
      <FRBRExpression><FRBRlanguage language="en"/></FRBRExpression>
    </identification></meta>
    <preface><p class="title"><docNumber>A/RES/78/100</docNumber>
      <docTitle>Dissemination of information on decolonization</docTitle></p></preface>
    <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>
      <container name="preambularParagraph"><p><i>Recalling</i> its resolution 77/148,<authorialNote marker="1" placement="bottom"><p>See A/78/23.</p></authorialNote></p></container>
    </preamble>
    <mainBody>
      <paragraph eId="para_1"><num>1.</num><content><p><i>Approves</i> the report;</p></content></paragraph>
      <paragraph eId="para_2"><num>2.</num><intro><p><i>Requests</i> the Department:</p></intro>
        <subparagraph><num>(a)</num><content><p>To continue;</p></content></subparagraph>
      </paragraph>
    </mainBody>
    <conclusions><p>45th plenary meeting<eol/>7 December 2023</p></conclusions>
  </statement>
</akomaNtoso>"##;

    #[test]
    fn text_in_order_with_numbers_and_notes() {
        let doc = read(AKN.as_bytes()).unwrap();
        assert_eq!(
            doc.text,
            "A/RES/78/100 Dissemination of information on decolonization\n\n\
             The General Assembly,\n\nRecalling its resolution 77/148,1\n\n\
             1. Approves the report;\n\n2. Requests the Department:\n\n(a) To continue;\n\n\
             45th plenary meeting\n7 December 2023\n\n__________________\n\n1 See A/78/23.\n"
        );
        assert_eq!(doc.meta.symbol.as_deref(), Some("A/RES/78/100"));
        assert_eq!(doc.meta.date.as_deref(), Some("2023-12-07"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Dissemination of information on decolonization")
        );
    }

    #[test]
    fn other_xml_is_refused() {
        let err = read(b"<root><p>x</p></root>").unwrap_err();
        assert!(err.to_string().contains("not an Akoma Ntoso"), "{err}");
        assert!(matches!(
            read(b"<akomaNtoso><p>"),
            Err(ConvertError::Xml(_))
        ));
    }
}

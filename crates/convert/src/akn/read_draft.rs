//! Reading an Akoma Ntoso resolution back into a [`Draft`]: the inverse of
//! [`super::write`], and lenient enough for other AKN resolutions (`act`, `doc`, `body`
//! instead of `mainBody`, paragraphs without `eId`s). Spans are left empty: they point into
//! a Markdown or text source, and an XML file is neither.

use resolute_draft::markdown::escape;
use resolute_draft::{
    Annex, Body, Closing, Draft, Enacting, Footnote, FrontMatter, Kind, Paragraph, Section,
    Subparagraph,
};

use super::tree::{self, Child, El};
use super::write::LANGUAGES;
use crate::ConvertError;

/// Reads an Akoma Ntoso document as a draft: front matter, enacting formula, paragraphs with
/// their numbers, openings, subparagraphs and footnotes, sections, closing and annexes.
pub fn read_draft(xml: &str) -> Result<Draft, ConvertError> {
    let root = tree::parse(xml)?;
    if root.name != "akomaNtoso" {
        return Err(ConvertError::UnknownFormat(
            "XML, but not an Akoma Ntoso document (no <akomaNtoso> root)".to_string(),
        ));
    }
    let doc = root
        .elements()
        .next()
        .ok_or_else(|| ConvertError::Xml("no document inside <akomaNtoso>".to_string()))?;
    let mut notes = Notes::default();
    let mut draft = Draft::default();
    if let Some(meta) = doc.child("meta") {
        draft.meta.language = language(meta);
        notes.meta(meta);
    }
    if let Some(preface) = doc.child("preface") {
        front_matter(preface, &mut draft.meta);
    }
    if let Some(preamble) = doc.child("preamble") {
        draft.enacting = enacting(preamble);
        draft.preamble = preamble
            .elements()
            .filter(|e| e.name == "container" || e.name == "recital")
            .map(|e| paragraph(e, Kind::Preambular, &mut notes))
            .collect();
    }
    if let Some(body) = doc.child("mainBody").or_else(|| doc.child("body")) {
        main_body(body, &mut draft, &mut notes);
    }
    draft.closing = doc.child("conclusions").and_then(closing);
    if let Some(attachments) = doc.child("attachments") {
        draft.annexes = attachments.elements().filter_map(annex).collect();
    }
    draft.footnotes = notes.into_footnotes();
    Ok(draft)
}

/// Footnotes met so far, keyed by their place in the original list (`eId="fn_N"`), else
/// after those in order of appearance.
#[derive(Debug, Default)]
struct Notes {
    found: Vec<(usize, Footnote)>,
    ids: Vec<String>,
}

impl Notes {
    fn add(&mut self, note: &El) {
        let id = note.attr("eId").unwrap_or("").to_string();
        if !id.is_empty() && self.ids.contains(&id) {
            return;
        }
        let key = id
            .strip_prefix("fn_")
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(usize::MAX / 2 + self.found.len());
        let text: Vec<String> = note
            .elements()
            .filter(|e| e.name == "p")
            .map(El::text)
            .collect();
        let footnote = Footnote {
            label: note.attr("marker").unwrap_or("").to_string(),
            text: text.join("\n\n"),
            markdown: String::new(),
            span: Default::default(),
        };
        self.ids.push(id);
        self.found.push((key, footnote));
    }

    fn meta(&mut self, meta: &El) {
        let mut found = Vec::new();
        meta.all(&|e| e.name == "note", &mut found);
        for note in found {
            self.add(note);
        }
    }

    fn into_footnotes(mut self) -> Vec<Footnote> {
        self.found.sort_by_key(|(key, _)| *key);
        self.found.into_iter().map(|(_, f)| f).collect()
    }
}

fn language(meta: &El) -> Option<String> {
    let lang = meta
        .find("FRBRExpression")?
        .find("FRBRlanguage")?
        .attr("language")?;
    if lang == "und" {
        return None;
    }
    let two = LANGUAGES
        .iter()
        .find(|(_, three)| *three == lang)
        .map_or(lang, |(two, _)| two);
    Some(two.to_string())
}

fn trimmed(e: Option<&El>) -> Option<String> {
    e.map(|e| e.text().trim().to_string())
}

fn named<'a>(preface: &'a El, element: &'a str, name: &'a str) -> Option<&'a El> {
    preface.find_by(&|e| e.name == element && e.attr("name") == Some(name))
}

fn front_matter(preface: &El, m: &mut FrontMatter) {
    m.body = preface.find("docAuthority").and_then(|e| {
        let code = e.attr("refersTo").map(|r| r.trim_start_matches('#'));
        code.and_then(Body::parse)
            .or_else(|| Body::parse(&e.text()))
    });
    m.session = preface.find("session").map(|e| {
        e.attr("value")
            .map_or_else(|| e.text(), str::to_string)
            .trim()
            .to_string()
    });
    m.agenda_item = trimmed(named(preface, "inline", "agendaItem"));
    m.symbol = trimmed(preface.find("docNumber"));
    m.title = trimmed(preface.find("docTitle"));
    let mut sponsors = Vec::new();
    preface.all(&|e| e.name == "docProponent", &mut sponsors);
    m.sponsors = sponsors
        .into_iter()
        .map(|e| e.text().trim().to_string())
        .collect();
    m.adopted = preface
        .find("docDate")
        .and_then(|e| e.attr("date").map(str::to_string))
        .or_else(|| trimmed(named(preface, "inline", "adopted")));
}

fn enacting(preamble: &El) -> Option<Enacting> {
    let formula = preamble.child("formula")?;
    let body = formula
        .attr("refersTo")
        .and_then(|r| Body::parse(r.trim_start_matches('#')));
    Some(Enacting {
        text: formula.text().trim().to_string(),
        body,
        span: Default::default(),
    })
}

fn main_body(body: &El, draft: &mut Draft, notes: &mut Notes) {
    for e in body.elements() {
        match e.name.as_str() {
            "paragraph" => draft.operative.push(paragraph(e, Kind::Operative, notes)),
            "section" | "part" | "chapter" | "title" => draft.sections.push(section(e, notes)),
            "hcontainer" if e.attr("name") == Some("preambularParagraph") => {
                draft.preamble.push(paragraph(e, Kind::Preambular, notes));
            }
            "hcontainer" => draft.sections.push(section(e, notes)),
            _ => {}
        }
    }
}

fn section(e: &El, notes: &mut Notes) -> Section {
    let mut s = Section {
        label: trimmed(e.child("num")).unwrap_or_default(),
        heading: trimmed(e.child("heading")).unwrap_or_default(),
        preamble: Vec::new(),
        operative: Vec::new(),
        span: Default::default(),
    };
    for child in e.elements() {
        match child.name.as_str() {
            "paragraph" => s.operative.push(paragraph(child, Kind::Operative, notes)),
            "hcontainer" | "container" => {
                s.preamble.push(paragraph(child, Kind::Preambular, notes))
            }
            _ => {}
        }
    }
    s
}

/// The element holding a paragraph's `<p>`s: `content` or `intro`, else the element itself
/// (a preamble `container`).
fn holder(e: &El) -> &El {
    e.child("content").or_else(|| e.child("intro")).unwrap_or(e)
}

fn paragraph(e: &El, kind: Kind, notes: &mut Notes) -> Paragraph {
    let number = e.child("num").and_then(|n| {
        let t = n.text();
        t.trim().trim_end_matches('.').trim().parse::<u32>().ok()
    });
    let holder = holder(e);
    let inline = read_ps(holder, notes);
    let mut sub = Vec::new();
    for child in e.elements().filter(|c| c.name == "subparagraph") {
        subparagraphs(child, 1, notes, &mut sub);
    }
    if let Some(list) = holder.child("blockList") {
        list_items(list, 1, notes, &mut sub);
    }
    let opening = inline
        .opening
        .filter(|o| inline.text.starts_with(o.as_str()));
    Paragraph {
        marks: None,
        kind,
        number,
        markdown: markdown(&inline.text, opening.as_deref(), &inline.marks),
        footnote_refs: inline.marks.into_iter().map(|(_, l)| l).collect(),
        opening,
        text: inline.text,
        sub,
        span: Default::default(),
    }
}

fn level(e: &El, depth: u8) -> u8 {
    e.attr("class")
        .and_then(|c| c.strip_prefix("level-"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(depth)
}

fn subparagraphs(e: &El, depth: u8, notes: &mut Notes, out: &mut Vec<Subparagraph>) {
    let inline = read_ps(holder(e), notes);
    out.push(subparagraph(e, level(e, depth), inline));
    for child in e
        .elements()
        .filter(|c| c.name == "subparagraph" || c.name == "point")
    {
        subparagraphs(child, depth.saturating_add(1), notes, out);
    }
}

fn list_items(list: &El, depth: u8, notes: &mut Notes, out: &mut Vec<Subparagraph>) {
    for item in list.elements().filter(|e| e.name == "item") {
        let inline = read_ps(item, notes);
        out.push(subparagraph(item, level(item, depth), inline));
        if let Some(inner) = item.child("blockList") {
            list_items(inner, depth.saturating_add(1), notes, out);
        }
    }
}

fn subparagraph(e: &El, level: u8, inline: Inline) -> Subparagraph {
    Subparagraph {
        label: trimmed(e.child("num")).unwrap_or_default(),
        level,
        markdown: markdown(&inline.text, None, &inline.marks),
        footnote_refs: inline.marks.into_iter().map(|(_, l)| l).collect(),
        text: inline.text,
        span: Default::default(),
    }
}

/// The text of a paragraph: whitespace collapsed, footnote marks out of the text and into
/// `marks` (byte offset in the collapsed text, label).
#[derive(Debug, Default)]
struct Inline {
    text: String,
    opening: Option<String>,
    marks: Vec<(usize, String)>,
}

/// Reads the direct `<p>` children of `holder` as one paragraph text.
fn read_ps(holder: &El, notes: &mut Notes) -> Inline {
    let mut raw = Raw::default();
    for p in holder.elements().filter(|e| e.name == "p") {
        if !raw.text.is_empty() {
            raw.text.push(' ');
        }
        raw.inline(p, notes);
    }
    raw.collapse()
}

/// Text before whitespace is collapsed, with marks at raw offsets.
#[derive(Debug, Default)]
struct Raw {
    text: String,
    opening: Option<String>,
    marks: Vec<(usize, String)>,
}

impl Raw {
    fn inline(&mut self, e: &El, notes: &mut Notes) {
        for child in &e.children {
            match child {
                Child::Text(t) => self.text.push_str(t),
                Child::El(c) => self.element(c, notes),
            }
        }
    }

    fn element(&mut self, c: &El, notes: &mut Notes) {
        match c.name.as_str() {
            "authorialNote" | "noteRef" => {
                if c.name == "authorialNote" {
                    notes.add(c);
                }
                let label = c.attr("marker").unwrap_or("").to_string();
                self.marks.push((self.text.len(), label));
            }
            "i" if self.opening.is_none() && self.text.trim().is_empty() => {
                let open = collapse(&c.text());
                self.text.push_str(&open);
                self.opening = Some(open).filter(|o| !o.is_empty());
            }
            "eol" | "br" => self.text.push(' '),
            _ => self.inline(c, notes),
        }
    }

    fn collapse(self) -> Inline {
        let mut out = String::with_capacity(self.text.len());
        let mut marks = self.marks.into_iter().peekable();
        let mut mapped = Vec::new();
        let mut pending = false;
        for (i, c) in self.text.char_indices() {
            while let Some((_, label)) = marks.next_if(|(at, _)| *at <= i) {
                mapped.push((out.len(), label));
            }
            if c.is_whitespace() {
                pending = true;
                continue;
            }
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
        mapped.extend(marks.map(|(_, label)| (out.len(), label)));
        Inline {
            text: out,
            opening: self.opening,
            marks: mapped,
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown inline source: the opening emphasised, the rest escaped, `[^label]` where the
/// marks stood.
fn markdown(text: &str, opening: Option<&str>, marks: &[(usize, String)]) -> String {
    let open = opening.map_or(0, str::len);
    let mut out = match text.get(..open) {
        Some(o) if open > 0 => format!("*{}*", escape(o)),
        _ => String::new(),
    };
    let mut at = open.min(text.len());
    for (pos, label) in marks {
        let pos = (*pos).clamp(at, text.len());
        if let Some(piece) = text.get(at..pos) {
            push_escaped(&mut out, piece);
            at = pos;
        }
        out.push_str(&format!("[^{label}]"));
    }
    push_escaped(&mut out, text.get(at..).unwrap_or(""));
    out
}

/// `escape` trims each line; the spaces around a piece between marks must stay.
fn push_escaped(out: &mut String, piece: &str) {
    if piece.trim().is_empty() {
        if !piece.is_empty() {
            out.push(' ');
        }
        return;
    }
    if piece.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&escape(piece));
    if piece.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

fn closing(conclusions: &El) -> Option<Closing> {
    let container = conclusions.child("container").unwrap_or(conclusions);
    let ps: Vec<&El> = container.elements().filter(|e| e.name == "p").collect();
    let class = |c: &str| ps.iter().copied().find(|p| p.attr("class") == Some(c));
    let meeting = class("meeting").or_else(|| ps.first().copied())?;
    let date = class("date").map(|p| match p.find("date").and_then(|d| d.attr("date")) {
        Some(iso) => iso.to_string(),
        None => p.text().trim().to_string(),
    });
    Some(Closing {
        meeting: meeting.text().trim().to_string(),
        date,
        span: Default::default(),
    })
}

fn annex(attachment: &El) -> Option<Annex> {
    let doc = attachment.elements().next()?;
    let heading = doc
        .child("preface")
        .and_then(|p| p.find_by(&|e| e.name == "p" && e.attr("class") == Some("heading")))
        .map(|p| p.text().trim().to_string())
        .unwrap_or_default();
    let body = doc.child("mainBody").or_else(|| doc.child("body"))?;
    let blocks: Vec<String> = body
        .elements()
        .filter(|e| e.name == "p")
        .map(El::text)
        .collect();
    Some(Annex {
        heading,
        text: blocks.join("\n\n"),
        markdown: String::new(),
        span: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_whitespace_collapsing() {
        let raw = Raw {
            text: "  Noting   the report,  and more ".to_string(),
            opening: None,
            marks: vec![(22, "1".to_string())],
        };
        let inline = raw.collapse();
        assert_eq!(inline.text, "Noting the report, and more");
        assert_eq!(inline.marks, vec![(18, "1".to_string())]);
    }

    #[test]
    fn markdown_keeps_spaces_around_marks() {
        let md = markdown(
            "Noting the report, and more",
            Some("Noting"),
            &[(18, "1".to_string())],
        );
        assert_eq!(md, "*Noting* the report,[^1] and more");
    }
}

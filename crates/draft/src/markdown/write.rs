//! Writing a draft in the normalised Markdown form (docs/format.md, "Normalised form").

use super::closing::written_date;
use super::escape::escape;
use super::front;
use crate::model::{Annex, Closing, Draft, Enacting, Footnote, Paragraph, Section};

/// Extra indentation of subparagraphs below the first level: deeper than the item's content,
/// but less than the four columns that would make an indented code block.
const NESTED_INDENT: usize = 3;

/// Writes a draft in the normalised form: blocks separated by one blank line, one line per
/// paragraph, a final newline.
pub(crate) fn write(d: &Draft) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(e) = &d.enacting {
        blocks.push(enacting(e));
    }
    paragraphs(&mut blocks, &d.preamble, &d.operative);
    for s in &d.sections {
        blocks.push(section_heading(s));
        paragraphs(&mut blocks, &s.preamble, &s.operative);
    }
    if let Some(c) = &d.closing {
        blocks.push(closing(c));
    }
    for a in &d.annexes {
        annex(&mut blocks, a);
    }
    blocks.extend(d.footnotes.iter().map(footnote));
    let mut out = front::write(&d.meta);
    if !out.is_empty() && !blocks.is_empty() {
        out.push('\n');
    }
    let body: Vec<String> = blocks.iter().map(|b| trim_lines(b)).collect();
    out.push_str(&body.join("\n\n"));
    if !blocks.is_empty() {
        out.push('\n');
    }
    out
}

/// Removes trailing blanks from every line (an empty paragraph leaves "1. ").
fn trim_lines(block: &str) -> String {
    let lines: Vec<&str> = block.lines().map(str::trim_end).collect();
    lines.join("\n")
}

fn enacting(e: &Enacting) -> String {
    let text = e.text.trim();
    match text.strip_suffix(',') {
        Some(name) => format!("*{}*,", escape(name.trim())),
        None if text.is_empty() => String::new(),
        None => format!("*{}*", escape(text)),
    }
}

fn paragraphs(blocks: &mut Vec<String>, preamble: &[Paragraph], operative: &[Paragraph]) {
    for p in preamble {
        blocks.push(p.markdown.clone());
        subs(blocks, p, 0);
    }
    for p in operative {
        let marker = match p.number {
            Some(n) => format!("{n}. "),
            None => "- ".to_string(),
        };
        blocks.push(format!("{marker}{}", p.markdown));
        subs(blocks, p, marker.len());
    }
}

/// Subparagraphs, indented to the content of their item (`indent`), deeper ones a little
/// more so that they read as nested.
fn subs(blocks: &mut Vec<String>, p: &Paragraph, indent: usize) {
    for s in &p.sub {
        let extra = if s.level >= 2 { NESTED_INDENT } else { 0 };
        let pad = " ".repeat(indent + extra);
        blocks.push(format!("{pad}{} {}", s.label, s.markdown));
    }
}

fn section_heading(s: &Section) -> String {
    let heading = escape(&s.heading);
    match (s.label.is_empty(), heading.is_empty()) {
        (true, _) => format!("## {heading}"),
        (false, true) => format!("## {}", s.label),
        (false, false) => format!("## {}. {heading}", s.label),
    }
}

fn closing(c: &Closing) -> String {
    let meeting = escape(&c.meeting);
    match &c.date {
        Some(date) => format!("{meeting}\n{}", escape(&written_date(date))),
        None => meeting,
    }
}

fn annex(blocks: &mut Vec<String>, a: &Annex) {
    blocks.push(format!("# {}", escape(&a.heading)));
    if !a.markdown.trim().is_empty() {
        blocks.push(a.markdown.trim().to_string());
        return;
    }
    let paras = a.text.split("\n\n").filter(|t| !t.trim().is_empty());
    blocks.extend(paras.map(escape));
}

fn footnote(f: &Footnote) -> String {
    let md = if f.markdown.is_empty() {
        escape(&f.text)
    } else {
        f.markdown.clone()
    };
    format!("[^{}]: {md}", f.label)
}

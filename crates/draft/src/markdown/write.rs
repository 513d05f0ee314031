//! Writing a draft in the normalised Markdown form (docs/format.md, "Normalised form").

use super::closing::written_date;
use super::escape::escape;
use super::front;
use super::inline::{collapse, written_label};
use super::labels::levels;
use crate::model::{Annex, Closing, Draft, Enacting, Footnote, Paragraph, Section, Subparagraph};
use crate::negotiation::unescape_brackets;

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
    let negotiating = d.meta.stage.is_some();
    for s in &d.sections {
        let heading = section_heading(s);
        // In a negotiating text a heading may hold brackets too ("## [Option 4: …").
        blocks.push(if negotiating {
            unescape_brackets(&heading)
        } else {
            heading
        });
        paragraphs(&mut blocks, &s.preamble, &s.operative);
    }
    if let Some(c) = &d.closing {
        blocks.push(closing(c));
    }
    for a in &d.annexes {
        annex(&mut blocks, a);
    }
    blocks.extend(d.footnotes.iter().map(footnote));
    let body: Vec<String> = blocks
        .iter()
        .map(|b| trim_lines(b))
        .filter(|b| !b.is_empty())
        .collect();
    let mut out = front::write(&d.meta);
    if !out.is_empty() && !body.is_empty() {
        out.push('\n');
    }
    out.push_str(&body.join("\n\n"));
    if !body.is_empty() {
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
    let mark = text
        .chars()
        .next_back()
        .filter(|c| matches!(c, ',' | '.' | ':' | ';'));
    match mark {
        Some(m) => format!("*{}*{m}", escape(text.trim_end_matches(m).trim())),
        None if text.is_empty() => String::new(),
        None => format!("*{}*", escape(text)),
    }
}

fn paragraphs(blocks: &mut Vec<String>, preamble: &[Paragraph], operative: &[Paragraph]) {
    for p in preamble {
        blocks.push(marked(p, protect_start(&inline(&p.markdown, &p.text))));
        subs(blocks, &p.sub, 0, 0);
    }
    for p in operative {
        if p.marks.as_ref().is_some_and(|m| m.label.is_some()) {
            // An inserted paragraph ("{5 bis}") is a paragraph of its own between the items:
            // a list item cannot carry its label. Its subparagraphs follow at the margin.
            blocks.push(marked(p, inline(&p.markdown, &p.text)));
            subs(blocks, &p.sub, 0, 0);
            continue;
        }
        let marker = match p.number {
            Some(n) => format!("{n}. "),
            None => "- ".to_string(),
        };
        let indent = marker.len();
        let marker = match &p.marks {
            Some(m) => format!("{marker}{}", m.written()),
            None => marker,
        };
        let md = inline(&p.markdown, &p.text);
        if md.is_empty() && !p.sub.is_empty() {
            // No text before the first subparagraph: it goes on the marker's line ("1. (a) …"),
            // since an item cannot start with a blank line followed by its content.
            let first: Vec<String> = p
                .sub
                .iter()
                .take(1)
                .map(|s| {
                    format!(
                        "{} {}",
                        written_label(&s.label),
                        inline(&s.markdown, &s.text)
                    )
                })
                .collect();
            blocks.push(format!("{marker}{}", first.concat()));
            subs(blocks, &p.sub, indent, 1);
            continue;
        }
        blocks.push(format!("{marker}{}", protect_start(&md)));
        subs(blocks, &p.sub, indent, 0);
    }
}

/// A paragraph's text after its negotiation marks (`{5 bis} {agreed ad ref} `), if any.
fn marked(p: &Paragraph, md: String) -> String {
    match &p.marks {
        Some(m) => format!("{}{md}", m.written()),
        None => md,
    }
}

/// Subparagraphs after the first `skip`, indented to the content of their item (`indent`),
/// deeper ones a little more so that they read as nested.
///
/// The depth comes from the labels, as the reader sees it (`labels::levels`), not from
/// `Subparagraph::level`: the indentation must read back the same whatever produced the model.
fn subs(blocks: &mut Vec<String>, subs: &[Subparagraph], indent: usize, skip: usize) {
    let labels: Vec<&str> = subs.iter().map(|s| s.label.as_str()).collect();
    for (s, level) in subs.iter().zip(levels(&labels)).skip(skip) {
        let extra = if level >= 2 { NESTED_INDENT } else { 0 };
        let pad = " ".repeat(indent + extra);
        let label = written_label(&s.label);
        let text = inline(&s.markdown, &s.text);
        if label.is_empty() {
            // An unlabelled piece (text segmented after a subparagraph) continues it; a blank
            // where the label would be could make the line an indented code block.
            blocks.push(format!("{pad}{text}"));
        } else {
            blocks.push(format!("{pad}{label} {text}"));
        }
    }
}

fn section_heading(s: &Section) -> String {
    let mut heading = escape(&s.heading);
    escape_closing_hashes(&mut heading);
    match (s.label.is_empty(), heading.is_empty()) {
        (true, _) => format!("## {heading}"),
        (false, true) => format!("## {}", s.label),
        (false, false) => format!("## {}. {heading}", s.label),
    }
}

fn closing(c: &Closing) -> String {
    let meeting = escape(&c.meeting);
    match &c.date {
        Some(date) if meeting.is_empty() => escape(&written_date(date)),
        Some(date) => format!("{meeting}\n{}", escape(&written_date(date))),
        None => meeting,
    }
}

fn annex(blocks: &mut Vec<String>, a: &Annex) {
    let mut heading = escape(&a.heading);
    escape_closing_hashes(&mut heading);
    blocks.push(format!("# {heading}"));
    if !a.markdown.trim().is_empty() {
        // Leading spaces may be an indented code block: only blank lines go.
        let md = a.markdown.trim_end();
        let first_line = md.len() - md.trim_start().len();
        let start = md
            .get(..first_line)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        blocks.push(md.get(start..).unwrap_or(md).to_string());
        return;
    }
    let paras = a.text.split("\n\n").filter(|t| !t.trim().is_empty());
    blocks.extend(paras.map(escape));
}

fn footnote(f: &Footnote) -> String {
    let md = protect_start(&inline(&f.markdown, &f.text));
    format!("[^{}]: {md}", f.label)
}

/// Inline Markdown that will start a line (or follow a list marker or footnote label), with
/// a backslash before whatever would open a block there: "0." after `fmt` added the full
/// stop to "0", a leading "-", "#" or ">".
fn protect_start(md: &str) -> String {
    let digits = md.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = md.get(digits..).unwrap_or("");
    let opens = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    if digits > 0
        && after_digits.starts_with(['.', ')'])
        && opens(after_digits.get(1..).unwrap_or(""))
    {
        return format!("{}\\{after_digits}", md.get(..digits).unwrap_or(""));
    }
    let block = md.starts_with(['#', '>', '-', '+'])
        || (md.starts_with('*') && opens(md.get(1..).unwrap_or("")));
    if block {
        format!("\\{md}")
    } else {
        md.to_string()
    }
}

/// Escapes a run of "#" ending a heading, which would read as the heading's closing sequence
/// (unless its first "#" is escaped already).
fn escape_closing_hashes(heading: &mut String) {
    let run = heading.len() - heading.trim_end_matches('#').len();
    if run == 0 {
        return;
    }
    let start = heading.len() - run;
    let before = heading.get(..start).unwrap_or("");
    let backslashes = before.len() - before.trim_end_matches('\\').len();
    if backslashes % 2 == 0 {
        heading.insert(start, '\\');
    }
}

/// The inline Markdown to write for an element: its `markdown` on one line, or its escaped
/// `text` when a model built elsewhere (segmentation, an editor) left `markdown` empty.
fn inline(markdown: &str, text: &str) -> String {
    if markdown.trim().is_empty() {
        return escape(&collapse(text));
    }
    if !markdown.contains(['\n', '\r']) {
        return markdown.to_string();
    }
    // A line break inside would let the next line open a block of its own.
    let words: Vec<&str> = markdown.split(['\n', '\r']).map(str::trim).collect();
    words
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

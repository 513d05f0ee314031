//! Turning the layer on for a text read from a document: its brackets become negotiation
//! brackets instead of escaped characters.

use crate::markdown::escape;
use crate::model::Draft;

/// Makes `draft` (segmented from a plain text) a negotiating text at `stage`: the brackets of
/// its paragraphs, subparagraphs, footnotes and annexes are written as brackets, not escaped.
pub fn adopt(draft: &mut Draft, stage: &str) {
    draft.meta.stage = Some(stage.to_string());
    let sections = draft
        .sections
        .iter_mut()
        .flat_map(|s| s.preamble.iter_mut().chain(s.operative.iter_mut()));
    let paragraphs = draft
        .preamble
        .iter_mut()
        .chain(draft.operative.iter_mut())
        .chain(sections);
    for p in paragraphs {
        p.markdown = unescape_brackets(&p.markdown);
        for s in &mut p.sub {
            s.markdown = unescape_brackets(&s.markdown);
        }
    }
    for f in &mut draft.footnotes {
        if f.markdown.is_empty() {
            f.markdown = escape(&f.text);
        }
        f.markdown = unescape_brackets(&f.markdown);
    }
    for a in &mut draft.annexes {
        if a.markdown.is_empty() {
            let blocks: Vec<String> = a.text.split("\n\n").map(escape).collect();
            a.markdown = blocks.join("\n\n");
        }
        a.markdown = unescape_brackets(&a.markdown);
    }
}

/// Inline Markdown with its escaped square brackets (`\[`, `\]`) written plainly, except
/// where a plain bracket would be Markdown: before `^` (a footnote reference) and a leading
/// `[…]:` (a link reference definition, which would swallow the paragraph).
pub fn unescape_brackets(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    // Inside a footnote reference kept escaped ("\[^1\]"), whose closing bracket stays escaped.
    let mut in_reference = false;
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(']') if in_reference => {
                in_reference = false;
                out.push_str("\\]");
            }
            Some(b @ ']') => out.push(b),
            Some('[') if chars.peek() != Some(&'^') => out.push('['),
            Some('[') => {
                in_reference = true;
                out.push_str("\\[");
            }
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None => out.push('\\'),
        }
    }
    if let Some(colon) = link_definition_colon(&out) {
        // "[source]: …" would define a link and vanish: the colon is escaped, the brackets
        // stay brackets.
        out.insert(colon, '\\');
    }
    out
}

/// Where the colon is when a line would read as a link reference definition (`[label]:` at
/// its start).
fn link_definition_colon(line: &str) -> Option<usize> {
    let rest = line.strip_prefix('[')?;
    let i = rest.find(']')?;
    (rest[i + 1..].starts_with(':') && !rest[..i].contains('[')).then_some(i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_come_back_plain() {
        assert_eq!(
            unescape_brackets(r"a \[shall\]\[should\] b"),
            "a [shall][should] b"
        );
        assert_eq!(unescape_brackets(r"x \\\[y\]"), r"x \\[y]");
        assert_eq!(unescape_brackets(r"\[^1\] x \[y\]"), r"\[^1\] x [y]");
        assert_eq!(unescape_brackets(r"\[Option 1\]: x"), r"[Option 1]\: x");
    }
}

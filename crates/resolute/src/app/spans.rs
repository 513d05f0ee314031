//! Spans the editor decorates: opening phrases (shown in italics), citations (hover cards)
//! and footnote marks, found in the source of each paragraph and mapped to UTF-16.

use resolute_cite::Context;
use resolute_draft::{Draft, Paragraph};

use super::analyze::CitationSpan;
use super::utf16::{Range, Utf16Index};

/// The opening phrase of each paragraph and of each subparagraph that starts with an
/// emphasised phrase, and the emphasised words of the enacting formula ("*The General
/// Assembly*,"), in document order.
pub(crate) fn openings(src: &str, draft: &Draft, index: &Utf16Index) -> Vec<Range> {
    let mut out = Vec::new();
    if let Some(e) = &draft.enacting {
        let content = content_start(src, e.span.start, false);
        if let Some((start, end)) = emphasis(src, content, e.span.end) {
            out.push(index.range(start, end));
        }
    }
    for p in draft.paragraphs() {
        if let Some((start, end)) = paragraph_opening(src, p) {
            out.push(index.range(start, end));
        }
        for s in &p.sub {
            let content = content_start(src, s.span.start, true);
            if let Some((start, end)) = emphasis(src, content, s.span.end) {
                out.push(index.range(start, end));
            }
        }
    }
    out.sort_by_key(|r| r.from);
    out
}

/// Byte span of a paragraph's opening phrase: inside its emphasis when it opens with one,
/// else the recognised words at its start.
fn paragraph_opening(src: &str, p: &Paragraph) -> Option<(usize, usize)> {
    let opening = p.opening.as_deref()?;
    let mut content = content_start(src, p.span.start, false);
    if p.marks.is_some() {
        // A negotiating text's label and status braces come before the text.
        content += resolute_draft::negotiation::leading_marks(src.get(content..p.span.end)?).1;
    }
    let rest = src.get(content..p.span.end)?;
    let marks = rest.len() - rest.trim_start_matches(['*', '_']).len();
    let start = content + marks.min(2);
    let end = match_spaced(src.get(start..p.span.end)?, opening)?;
    Some((start, start + end))
}

/// Where a paragraph's text starts: after leading blanks and its number ("3. ", "3) "),
/// bullet ("- ") or, for a subparagraph (`label`), its label ("(a) ").
pub(crate) fn content_start(src: &str, start: usize, label: bool) -> usize {
    let rest = src.get(start..).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if label {
        trimmed.find(char::is_whitespace).unwrap_or(0)
    } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
        digits + 1
    } else if trimmed.starts_with(['-', '+', '*']) && trimmed[1..].starts_with([' ', '\t']) {
        1
    } else {
        0
    };
    let after = trimmed.get(marker..).unwrap_or("");
    let blank = after.len() - after.trim_start_matches([' ', '\t']).len();
    start + (rest.len() - trimmed.len()) + marker + blank
}

/// The inside of a `*…*` or `_…_` emphasis starting at `at`, when it closes before `end`.
fn emphasis(src: &str, at: usize, end: usize) -> Option<(usize, usize)> {
    let rest = src.get(at..end)?;
    let mark = rest.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let body = rest.get(1..)?;
    let close = body.find(mark)?;
    (close > 0 && !body[..close].contains("\n\n")).then_some((at + 1, at + 1 + close))
}

/// Byte length of the prefix of `text` that spells `phrase`, any run of whitespace in the
/// text matching any in the phrase (a hard-wrapped opening).
fn match_spaced(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for want in phrase.split_whitespace().enumerate() {
        let (n, word) = want;
        if n > 0 {
            let mut blanks = 0;
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {
                blanks += 1;
            }
            if blanks == 0 {
                return None;
            }
        }
        for w in word.chars() {
            match chars.next() {
                Some((_, c)) if c == w => {}
                _ => return None,
            }
        }
    }
    Some(chars.peek().map_or(text.len(), |(i, _)| *i))
}

/// Citations in every paragraph and footnote, with their normal form.
pub(crate) fn citations(src: &str, draft: &Draft, index: &Utf16Index) -> Vec<CitationSpan> {
    let body = draft
        .meta
        .body
        .or(draft.enacting.as_ref().and_then(|e| e.body));
    let context = Context { body };
    let spans = draft
        .paragraphs()
        .map(|p| p.span)
        .chain(draft.footnotes.iter().map(|f| f.span));
    let mut out = Vec::new();
    for span in spans {
        let Some(text) = src.get(span.range()) else {
            continue;
        };
        for c in resolute_cite::extract_with(text, context) {
            let Some(key) = c.normalized else { continue };
            let (start, end) = (span.start + c.span.start, span.start + c.span.end);
            let range = index.range(start, end);
            out.push(CitationSpan {
                from: range.from,
                to: range.to,
                key,
                text: text.get(c.span.range()).unwrap_or("").to_string(),
            });
        }
    }
    out.sort_by_key(|c| c.from);
    out
}

/// Footnote references `[^label]` inside paragraphs (definitions are not paragraphs).
pub(crate) fn footnote_marks(src: &str, draft: &Draft, index: &Utf16Index) -> Vec<Range> {
    let mut out = Vec::new();
    for p in draft.paragraphs() {
        let Some(text) = src.get(p.span.range()) else {
            continue;
        };
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find("[^")) {
            let at = from + i;
            from = at + 2;
            let label = text.get(from..).unwrap_or("");
            let len = label.find(']').filter(|&n| {
                n > 0 && !label[..n].contains(|c: char| c.is_whitespace() || c == '[')
            });
            if let Some(n) = len {
                out.push(index.range(p.span.start + at, p.span.start + from + n + 1));
                from += n + 1;
            }
        }
    }
    out.sort_by_key(|r| r.from);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_starts_after_numbers_bullets_and_labels() {
        let src = "12. *Decides*";
        assert_eq!(content_start(src, 0, false), 4);
        assert_eq!(content_start("- *Decides*", 0, false), 2);
        assert_eq!(content_start("*Recalling* x", 0, false), 0);
        assert_eq!(content_start("   (ii) *To* x", 0, true), 8);
    }

    #[test]
    fn a_hard_wrapped_opening_is_matched_across_the_line_break() {
        assert_eq!(
            match_spaced(
                "Noting with\n  appreciation the",
                "Noting with appreciation"
            ),
            Some(26)
        );
        assert_eq!(
            match_spaced("Noting without", "Noting with appreciation"),
            None
        );
    }
}

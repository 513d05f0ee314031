//! Finding quoted text in a paragraph's Markdown and editing it there, so that footnote
//! references, escapes and the emphasis on the opening survive the edit.
//!
//! Quoted text is compared with the paragraph as a reader sees it: markup left out,
//! whitespace collapsed, curly and straight quotation marks and apostrophes alike, a
//! no-break space as a space. Everything else (case, punctuation, hyphens) must match.

use crate::markdown::escape;
use crate::model::Kind;
use crate::opening::opening_len;

/// The visible text of an inline Markdown source, each character with the byte range of
/// the source it came from.
pub(crate) struct Visible {
    /// The characters, normalised for comparison.
    chars: Vec<char>,
    /// The characters as written (whitespace collapsed).
    raw: Vec<char>,
    /// Footnote references: the visible character they follow and their label.
    refs: Vec<(usize, String)>,
    /// Source byte range of each character.
    spans: Vec<(usize, usize)>,
    /// Source offsets of emphasis delimiters (`*`, `_`).
    delimiters: Vec<usize>,
}

/// One character as compared.
fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '′' => '\'',
        '“' | '”' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{a0}' | '\u{202f}' | '\t' | '\n' | '\r' => ' ',
        c => c,
    }
}

impl Visible {
    /// Scans `md`: backslash escapes give the escaped character, `[^label]` is a footnote
    /// reference (not text), `*` and `_` are emphasis, runs of whitespace are one space.
    pub(crate) fn of(md: &str) -> Visible {
        let mut v = Visible {
            chars: Vec::with_capacity(md.len()),
            raw: Vec::with_capacity(md.len()),
            refs: Vec::new(),
            spans: Vec::with_capacity(md.len()),
            delimiters: Vec::new(),
        };
        let mut it = md.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            match c {
                '\\' => match it.peek() {
                    Some(&(j, n)) if n.is_ascii_punctuation() => {
                        it.next();
                        v.push(n, i, j + n.len_utf8());
                    }
                    _ => v.push(c, i, i + 1),
                },
                '*' | '_' => v.delimiters.push(i),
                '[' if md[i..].starts_with("[^") => match md[i..].find(']') {
                    Some(close) => {
                        let label = md[i + 2..i + close].to_string();
                        v.refs.push((v.chars.len(), label));
                        while it.peek().is_some_and(|&(j, _)| j <= i + close) {
                            it.next();
                        }
                    }
                    None => v.push(c, i, i + 1),
                },
                _ => v.push(c, i, i + c.len_utf8()),
            }
        }
        while v.chars.last() == Some(&' ') {
            v.chars.pop();
            v.raw.pop();
            v.spans.pop();
        }
        v
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let folded = fold(c);
        if folded == ' ' && (self.chars.is_empty() || self.chars.last() == Some(&' ')) {
            return;
        }
        self.chars.push(folded);
        self.raw.push(if folded == ' ' { ' ' } else { c });
        self.spans.push((start, end));
    }

    /// The visible text as written, whitespace collapsed: a paragraph's plain text.
    pub(crate) fn text(&self) -> String {
        self.raw.iter().collect()
    }

    /// The labels of the footnotes referred to, in order.
    pub(crate) fn labels(&self) -> Vec<String> {
        self.refs.iter().map(|(_, l)| l.clone()).collect()
    }

    /// Every occurrence of `needle` (as visible text), as character ranges.
    pub(crate) fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        let n = normalise(needle);
        if n.is_empty() || n.len() > self.chars.len() {
            return Vec::new();
        }
        (0..=self.chars.len() - n.len())
            .filter(|&i| self.chars[i..i + n.len()] == n[..])
            .map(|i| (i, i + n.len()))
            .collect()
    }

    fn source_start(&self, at: usize, md_len: usize) -> usize {
        self.spans.get(at).map_or(md_len, |s| s.0)
    }

    fn source_end(&self, at: usize) -> usize {
        at.checked_sub(1)
            .and_then(|i| self.spans.get(i))
            .map_or(0, |s| s.1)
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.chars.get(at).copied()
    }
}

/// `text` as compared: folded characters, whitespace collapsed and trimmed.
pub(crate) fn normalise(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars().map(fold) {
        if c == ' ' && (out.is_empty() || out.last() == Some(&' ')) {
            continue;
        }
        out.push(c);
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// An edit of one Markdown source at visible characters `from..to`: the text there is
/// replaced with `with` (plain text, escaped here). Returns `None` when the edit would cut
/// through emphasis (the caller then rebuilds the paragraph from its plain text).
pub(crate) fn splice(md: &str, v: &Visible, from: usize, to: usize, with: &str) -> Option<String> {
    let (from, to) = seam(v, from, to, with);
    let start = if from < to {
        v.source_start(from, md.len())
    } else {
        v.source_end(from)
    };
    let end = if from < to { v.source_end(to) } else { start };
    if v.delimiters.iter().any(|&d| start < d && d < end) {
        return None;
    }
    let mut out = String::with_capacity(md.len() + with.len());
    out.push_str(&md[..start]);
    out.push_str(&escape(with));
    out.push_str(&md[end..]);
    Some(out)
}

/// The same edit made on the plain text, the paragraph's Markdown written anew from it: the
/// opening emphasised (for a paragraph of `kind`; none for a subparagraph), footnote
/// references kept where they stood unless their words were deleted.
pub(crate) fn rebuild(
    v: &Visible,
    from: usize,
    to: usize,
    with: &str,
    kind: Option<Kind>,
) -> String {
    let (from, to) = seam(v, from, to, with);
    let mut text: String = v.raw[..from].iter().collect();
    text.push_str(with);
    let after_at = text.len();
    let tail: String = v.raw[to..].iter().collect();
    text.push_str(&tail);
    let byte = |chars: &[char]| chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    let marks: Vec<(usize, String)> = v
        .refs
        .iter()
        .filter_map(|(at, label)| {
            let at = *at;
            let offset = if at <= from {
                byte(&v.raw[..at])
            } else if at >= to {
                after_at + byte(&v.raw[to..at])
            } else {
                return None;
            };
            Some((offset.min(text.len()), label.clone()))
        })
        .collect();
    let opening = kind.and_then(|k| opening_len(&text, k));
    crate::segment::inline_markdown(&text, opening, &marks)
}

/// The range an edit really covers: a deletion takes one of the spaces around it, or the
/// space before the punctuation that follows it.
fn seam(v: &Visible, from: usize, to: usize, with: &str) -> (usize, usize) {
    let (mut from, mut to) = (from, to);
    if with.is_empty() {
        // A deletion leaves one space between the words on either side, and none before
        // punctuation: "including for [sexual …,] education" -> "including for education".
        let before = from.checked_sub(1).and_then(|i| v.char_at(i));
        let after = v.char_at(to);
        match (before, after) {
            (Some(' '), Some(' ')) | (None, Some(' ')) => to += 1,
            (Some(' '), Some(',' | ';' | '.' | ':' | ')')) => from -= 1,
            (Some(' '), None) => from -= 1,
            _ => {}
        }
    }
    (from, to)
}

/// The text to insert next to an anchor, with the space that separates it from the words on
/// either side: none before punctuation (", and emphasizes"), one before a word.
pub(crate) fn spaced(v: &Visible, at: usize, text: &str) -> String {
    let before = at.checked_sub(1).and_then(|i| v.char_at(i));
    let after = v.char_at(at);
    let first = text.chars().next();
    let last = text.chars().next_back();
    let mut out = String::with_capacity(text.len() + 2);
    let word_start = first.is_some_and(|c| c.is_alphanumeric() || "(\"'“‘".contains(c));
    if word_start && before.is_some_and(|c| c != ' ') {
        out.push(' ');
    }
    out.push_str(text);
    let word_end = last.is_some_and(|c| c.is_alphanumeric() || ")\"'”’,;:.".contains(c));
    if word_end && after.is_some_and(|c| c.is_alphanumeric() || "(\"“".contains(c)) {
        out.push(' ');
    }
    out
}

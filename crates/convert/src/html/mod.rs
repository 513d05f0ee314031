//! HTML: a lenient tag stripper that keeps block structure. Nothing is executed or
//! fetched: `<script>`, `<style>` and `<template>` content is dropped, attributes are only
//! read for `lang` and `<meta>`. Paragraph-like elements become blocks separated by a
//! blank line, `<br>` a line break, table rows lines with tab-separated cells.

use crate::meta::{is_symbol, iso_date, non_empty};
use crate::{ConvertError, Document, Format, Meta};

mod entities;

/// Elements whose start and end delimit a block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "address",
    "body",
    "tbody",
    "thead",
    "caption",
    "form",
];
/// Elements whose content is never text for the reader.
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "head", "svg", "object",
];

/// Reads HTML into blocks of text, with `<title>`, `lang` and `<meta>` as metadata.
pub(crate) fn read(bytes: &[u8]) -> Result<Document, ConvertError> {
    let source = decode(bytes)?;
    let mut out = Builder::default();
    let mut rest = source.as_str();
    while let Some(lt) = rest.find('<') {
        out.text(rest.get(..lt).unwrap_or(""));
        rest = rest.get(lt..).unwrap_or("");
        rest = out.markup(rest);
    }
    out.text(rest);
    let meta = std::mem::take(&mut out.meta);
    Ok(Document::new(out.finish(), Format::Html, meta))
}

/// UTF-8 or UTF-16 (as plain text), else the legacy charset the page declares in its
/// first bytes (`<meta charset=...>`, `content="text/html; charset=..."`). Bytes that
/// are malformed in the declared charset are refused, not replaced.
fn decode(bytes: &[u8]) -> Result<String, ConvertError> {
    let utf_error = match crate::text::decode(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let Some(encoding) = declared_charset(bytes) else {
        return Err(utf_error);
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            ConvertError::NotText(format!("bytes that are not valid {}", encoding.name()))
        })
}

/// The charset named in the page's first 2 KiB, when it is one encoding_rs knows.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(2048)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let label: Vec<u8> = lower
        .get(at..)?
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label).filter(|e| *e != encoding_rs::UTF_8)
}

/// Accumulates blocks and metadata.
#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<String>,
    line: String,
    pre: usize,
    meta: Meta,
}

impl Builder {
    fn text(&mut self, raw: &str) {
        let decoded = entities::decode(raw);
        if self.pre > 0 {
            self.line.push_str(&decoded);
            return;
        }
        for (i, word) in decoded.split(is_collapsible).enumerate() {
            if i > 0 && !self.line.is_empty() && !self.line.ends_with([' ', '\n', '\t']) {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
    }

    /// Handles the markup at the start of `rest` (which begins with '<') and returns what
    /// follows it.
    fn markup<'s>(&mut self, rest: &'s str) -> &'s str {
        if let Some(body) = rest.strip_prefix("<!--") {
            return after(body, "-->");
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return after(rest, ">");
        }
        let Some(tag) = Tag::parse(rest) else {
            // A lone '<' in text.
            self.text("<");
            return rest.get(1..).unwrap_or("");
        };
        let after_tag = rest.get(tag.len..).unwrap_or("");
        if !tag.closing && DROPPED.contains(&tag.name.as_str()) {
            return self.dropped(&tag, after_tag);
        }
        self.element(&tag);
        after_tag
    }

    /// Skips the content of an element that is not text, reading `<title>` and `<meta>`
    /// inside `<head>` on the way.
    fn dropped<'s>(&mut self, tag: &Tag, rest: &'s str) -> &'s str {
        let close = format!("</{}", tag.name);
        let end = find_ci(rest, &close).unwrap_or(rest.len());
        let inner = rest.get(..end).unwrap_or("");
        if tag.name == "head" {
            self.head(inner);
        }
        after(rest.get(end..).unwrap_or(""), ">")
    }

    fn head(&mut self, inner: &str) {
        if let Some(start) = find_ci(inner, "<title") {
            let from = after(inner.get(start..).unwrap_or(""), ">");
            let end = find_ci(from, "</title").unwrap_or(from.len());
            self.meta.title = non_empty(&entities::decode(from.get(..end).unwrap_or("")));
        }
        let mut rest = inner;
        while let Some(at) = find_ci(rest, "<meta") {
            rest = rest.get(at..).unwrap_or("");
            if let Some(tag) = Tag::parse(rest) {
                self.meta_tag(&tag);
                rest = rest.get(tag.len..).unwrap_or("");
            } else {
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }

    fn meta_tag(&mut self, tag: &Tag) {
        let name = tag.attr("name").unwrap_or_default().to_ascii_lowercase();
        let Some(content) = tag.attr("content").and_then(|c| non_empty(&c)) else {
            return;
        };
        match name.as_str() {
            "author" | "dc.creator" => self.meta.author = Some(content),
            "date" | "dc.date" | "dcterms.date" => self.meta.date = iso_date(&content),
            "symbol" | "dc.identifier" if is_symbol(&content) => self.meta.symbol = Some(content),
            "language" | "dc.language" => self.meta.language = Some(content),
            _ => {}
        }
    }

    fn element(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if name == "html" && !tag.closing {
            if let Some(lang) = tag.attr("lang").and_then(|l| non_empty(&l)) {
                self.meta.language = Some(lang);
            }
        }
        match name {
            "br" => self.line.push('\n'),
            "td" | "th" if !tag.closing && !self.line.is_empty() && !self.line.ends_with('\n') => {
                self.line.push('\t')
            }
            "tr" => self.end_line(),
            "pre" if tag.closing => {
                self.pre = self.pre.saturating_sub(1);
                self.end_block();
            }
            "pre" => {
                self.end_block();
                self.pre += 1;
            }
            _ if BLOCKS.contains(&name) => self.end_block(),
            _ => {}
        }
    }

    /// Ends a table row: the row stays in the current block, on its own line.
    fn end_line(&mut self) {
        let line = self.line.trim_end();
        if !line.trim().is_empty() && !line.ends_with('\n') {
            self.line = format!("{line}\n");
        }
    }

    fn end_block(&mut self) {
        let block = std::mem::take(&mut self.line);
        let lines: Vec<&str> = block
            .lines()
            .map(|l| l.trim_matches(|c| c == ' ' || c == '\u{a0}'))
            .filter(|l| !l.trim().is_empty())
            .collect();
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.end_block();
        let mut text = self.blocks.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

/// Whitespace that HTML collapses (not the no-break space).
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// The text after the first `end` in `s`, or "" if there is none.
fn after<'s>(s: &'s str, end: &str) -> &'s str {
    match s.find(end) {
        Some(at) => s.get(at + end.len()..).unwrap_or(""),
        None => "",
    }
}

/// ASCII case-insensitive search.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// A start or end tag: name (lower case), attributes, length in the source.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
    len: usize,
}

impl Tag {
    /// Parses the tag at the start of `s` ("<p class=x>", "</td>", "<br/>").
    fn parse(s: &str) -> Option<Tag> {
        let body = s.strip_prefix('<')?;
        let (closing, body) = match body.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != ':')
            .unwrap_or(body.len());
        let name = body.get(..name_len)?.to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let (attrs, attrs_len) = attributes(body.get(name_len..)?);
        let len = 1 + usize::from(closing) + name_len + attrs_len;
        Some(Tag {
            name,
            closing,
            attrs,
            len,
        })
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| entities::decode(v))
    }
}

/// Reads attributes up to and including the closing '>'; returns them and the length
/// consumed. Quotes are honoured so a '>' inside a value does not end the tag.
fn attributes(s: &str) -> (Vec<(String, String)>, usize) {
    let mut attrs = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '>' => return (attrs, i + 1),
            c if c.is_whitespace() || c == '/' => {}
            _ => {
                let mut key = String::from(c.to_ascii_lowercase());
                while let Some(&(_, k)) = chars.peek() {
                    if k == '=' || k == '>' || k.is_whitespace() || k == '/' {
                        break;
                    }
                    key.push(k.to_ascii_lowercase());
                    chars.next();
                }
                let value = attribute_value(&mut chars);
                attrs.push((key, value));
            }
        }
    }
    (attrs, s.len())
}

fn attribute_value(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> String {
    if chars.peek().map(|&(_, c)| c) != Some('=') {
        return String::new();
    }
    chars.next();
    let quote = match chars.peek().map(|&(_, c)| c) {
        Some(q @ ('"' | '\'')) => {
            chars.next();
            Some(q)
        }
        _ => None,
    };
    let mut value = String::new();
    while let Some(&(_, c)) = chars.peek() {
        let ends = match quote {
            Some(q) => c == q,
            None => c.is_whitespace() || c == '>',
        };
        if ends {
            if quote.is_some() {
                chars.next();
            }
            break;
        }
        value.push(c);
        chars.next();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        read(html.as_bytes()).unwrap().text
    }

    #[test]
    fn blocks_breaks_and_entities() {
        let html = "<html lang=en><head><title>A/RES/1 &amp; co</title>\
            <script>document.write('<p>evil</p>')</script><style>p{x:1}</style></head>\
            <body><p>The General   Assembly,</p><p><i>Recalling</i> its resolution&nbsp;1&#160;&mdash; and<br>more</p>\
            <!-- <p>comment</p> --><table><tr><td>A/RES/1</td><td>Title 1</td></tr>\
            <tr><th>A/RES/2</th><td>Title &lt;2&gt;</td></tr></table></body></html>";
        let doc = read(html.as_bytes()).unwrap();
        assert_eq!(
            doc.text,
            "The General Assembly,\n\nRecalling its resolution\u{a0}1\u{a0}\u{2014} and\nmore\n\n\
             A/RES/1\tTitle 1\nA/RES/2\tTitle <2>\n"
        );
        assert_eq!(doc.meta.title.as_deref(), Some("A/RES/1 & co"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn declared_legacy_charset_is_honoured_and_undeclared_refused() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>R\xe9affirmant \x93x\x94</p></body></html>";
        assert_eq!(
            read(page).unwrap().text,
            "R\u{e9}affirmant \u{201c}x\u{201d}\n"
        );
        let err = read(b"<html><body><p>R\xe9affirmant</p></body></html>").unwrap_err();
        assert!(matches!(err, ConvertError::NotText(_)), "{err}");
    }

    #[test]
    fn script_and_style_never_leak() {
        let out = text("<p>a</p><SCRIPT type='x'>alert('<b>')</SCRIPT><p>b</p><style>x</style>");
        assert_eq!(out, "a\n\nb\n");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<",
            "<p",
            "<p class='>",
            "a < b",
            "</",
            "<!--",
            "&#xffffffff;",
            "<a href=x",
        ] {
            let _ = text(html);
        }
        assert_eq!(text("a < b"), "a < b\n");
    }
}

//! The front matter: a small reader and writer for exactly the YAML subset docs/format.md
//! defines (`key: value` lines, quoted scalars, `[A, B]` and `- item` lists, `#` comments).

use super::inline::collapse;
use super::FormatError;
use crate::model::{Body, FrontMatter, Span};

/// The keys the front matter may hold, in the order the writer puts them.
const KEYS: [&str; 9] = [
    "body",
    "session",
    "agenda_item",
    "symbol",
    "title",
    "sponsors",
    "language",
    "adopted",
    "stage",
];

/// Reads the front matter at the start of `src`, if any. Returns it with the byte offset at
/// which the body starts (0 without front matter).
pub(crate) fn read(src: &str) -> Result<(FrontMatter, usize), FormatError> {
    // Editors on Windows may save a byte order mark; it is not part of the text.
    let first = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = Lines {
        src,
        pos: first,
        line: 0,
    };
    match lines.next() {
        Some((_, l)) if is_fence(l) => {}
        _ => return Ok((FrontMatter::default(), first)),
    }
    let mut reader = Reader::default();
    while let Some((start, l)) = lines.next() {
        if is_fence(l) {
            let mut meta = reader.finish(lines.line)?;
            meta.span = Some(Span::new(first, start + l.len()));
            return Ok((meta, lines.pos));
        }
        reader.line(l, lines.line)?;
    }
    Err(err(1, "no closing '---' line"))
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn err(line: usize, reason: impl Into<String>) -> FormatError {
    FormatError::FrontMatter {
        line,
        reason: reason.into(),
    }
}

/// Lines of the source with their start offsets, without line ends; counts lines from 1.
struct Lines<'a> {
    src: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.src.get(self.pos..).filter(|r| !r.is_empty())?;
        let start = self.pos;
        let (line, len) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += len;
        self.line += 1;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Accumulates `key: value` lines.
#[derive(Default)]
struct Reader {
    meta: FrontMatter,
    seen: Vec<&'static str>,
    /// The line of a `sponsors:` key with an empty value: `- item` lines may follow.
    block_list: Option<usize>,
}

impl Reader {
    fn line(&mut self, l: &str, n: usize) -> Result<(), FormatError> {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            return Ok(());
        }
        if let Some(item) = t.strip_prefix("- ").or((t == "-").then_some("")) {
            if self.block_list.is_none() {
                return Err(err(n, "a '- item' line outside a list"));
            }
            let item = scalar(item.trim(), n)?;
            if !item.is_empty() {
                self.meta.sponsors.push(item);
            }
            return Ok(());
        }
        self.block_list = None;
        let Some((key, value)) = l.split_once(':') else {
            return Err(err(n, format!("expected 'key: value', found '{t}'")));
        };
        let key = self.key(key, n)?;
        self.value(key, value.trim(), n)
    }

    fn key(&mut self, key: &str, n: usize) -> Result<&'static str, FormatError> {
        if key.starts_with([' ', '\t']) {
            return Err(err(n, "keys start at the beginning of the line"));
        }
        let Some(known) = KEYS.iter().find(|k| **k == key.trim_end()) else {
            let all = KEYS.join(", ");
            return Err(err(n, format!("unknown key '{key}' (known: {all})")));
        };
        if self.seen.contains(known) {
            return Err(err(n, format!("key '{known}' given twice")));
        }
        self.seen.push(known);
        Ok(known)
    }

    fn value(&mut self, key: &str, value: &str, n: usize) -> Result<(), FormatError> {
        if key == "sponsors" {
            return self.sponsors(value, n);
        }
        let v = scalar(value, n)?;
        if v.is_empty() {
            return Ok(());
        }
        let m = &mut self.meta;
        match key {
            "body" => m.body = Some(Body::parse(&v).ok_or_else(|| bad_body(&v, n))?),
            "session" => m.session = Some(v),
            "agenda_item" => m.agenda_item = Some(v),
            "symbol" => m.symbol = Some(v),
            "title" => m.title = Some(v),
            "language" => m.language = Some(language(v, n)?),
            "stage" => m.stage = Some(v),
            _ => m.adopted = Some(date(v, n)?),
        }
        Ok(())
    }

    fn sponsors(&mut self, value: &str, n: usize) -> Result<(), FormatError> {
        if value.is_empty() {
            self.block_list = Some(n);
            return Ok(());
        }
        let Some(inner) = value.strip_prefix('[') else {
            self.meta.sponsors.push(scalar(value, n)?);
            return Ok(());
        };
        let Some(inner) = inner.trim_end().strip_suffix(']') else {
            return Err(err(n, "sponsors: '[' without a closing ']'"));
        };
        for item in split_flow(inner, n)? {
            let item = scalar(item.trim(), n)?;
            if !item.is_empty() {
                self.meta.sponsors.push(item);
            }
        }
        Ok(())
    }

    fn finish(self, _close_line: usize) -> Result<FrontMatter, FormatError> {
        Ok(self.meta)
    }
}

fn bad_body(v: &str, n: usize) -> FormatError {
    let names: Vec<&str> = Body::ALL.iter().map(|b| b.name()).collect();
    err(
        n,
        format!("unknown body '{v}' (expected one of: {})", names.join(", ")),
    )
}

/// An ISO 639 code: two or three lowercase letters.
fn language(v: String, n: usize) -> Result<String, FormatError> {
    let ok = (2..=3).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_lowercase());
    if ok {
        Ok(v)
    } else {
        Err(err(
            n,
            format!("language '{v}' is not an ISO 639 code like 'en'"),
        ))
    }
}

/// A `YYYY-MM-DD` date with a plausible month and day.
fn date(v: String, n: usize) -> Result<String, FormatError> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |acc, x| acc * 10 + u32::from(x - b'0')))
    };
    let shape = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    let (m, d) = (digits(5..7), digits(8..10));
    let ok =
        shape && digits(0..4).is_some() && matches!(m, Some(1..=12)) && matches!(d, Some(1..=31));
    if ok {
        Ok(v)
    } else {
        Err(err(
            n,
            format!("adopted '{v}' is not a date like 2024-12-20"),
        ))
    }
}

/// Splits the inside of a flow list at commas outside quotes.
fn split_flow(inner: &str, n: usize) -> Result<Vec<&str>, FormatError> {
    let mut items = Vec::new();
    let (mut start, mut quote) = (0, None);
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') if inner.get(start..i).is_some_and(|s| s.trim().is_empty()) => {
                quote = Some(c)
            }
            (None, ',') => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    if quote.is_some() {
        return Err(err(n, "sponsors: unclosed quote"));
    }
    items.push(&inner[start..]);
    Ok(items)
}

/// A plain, single-quoted or double-quoted scalar. Plain scalars end at " #" (a comment).
fn scalar(v: &str, n: usize) -> Result<String, FormatError> {
    if let Some(rest) = v.strip_prefix('"') {
        return double_quoted(rest, n);
    }
    if let Some(rest) = v.strip_prefix('\'') {
        let Some(inner) = rest.strip_suffix('\'') else {
            return Err(err(n, "unclosed single quote"));
        };
        return Ok(inner.replace("''", "'"));
    }
    let v = v.find(" #").map_or(v, |i| &v[..i]);
    Ok(v.trim().to_string())
}

fn double_quoted(rest: &str, n: usize) -> Result<String, FormatError> {
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if chars.as_str().trim().is_empty() => return Ok(out),
            '"' => return Err(err(n, "text after the closing quote")),
            '\\' => match chars.next() {
                Some('n') => out.push(' '),
                Some('t') => out.push('\t'),
                Some(e @ ('"' | '\\' | '/')) => out.push(e),
                _ => return Err(err(n, "unknown escape in a quoted value")),
            },
            c => out.push(c),
        }
    }
    Err(err(n, "unclosed double quote"))
}

/// Writes the front matter block (with its fences and a final newline), or nothing when
/// every field is empty.
pub(crate) fn write(m: &FrontMatter) -> String {
    let body = m.body.map(|b| b.name().to_string());
    let before = [
        ("body", &body),
        ("session", &m.session),
        ("agenda_item", &m.agenda_item),
        ("symbol", &m.symbol),
        ("title", &m.title),
    ];
    let after = [
        ("language", &m.language),
        ("adopted", &m.adopted),
        ("stage", &m.stage),
    ];
    let mut out: String = before.into_iter().filter_map(field).collect();
    out.push_str(&sponsors(&m.sponsors));
    out.extend(after.into_iter().filter_map(field));
    if out.is_empty() {
        return out;
    }
    format!("---\n{out}---\n")
}

/// One `key: value` line, when the value is not empty.
fn field((key, v): (&str, &Option<String>)) -> Option<String> {
    let v = collapse(v.as_deref()?);
    (!v.is_empty()).then(|| format!("{key}: {}\n", quote(&v, false)))
}

fn sponsors(list: &[String]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| collapse(s))
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        return String::new();
    }
    let flow: Vec<String> = items.iter().map(|s| quote(s, true)).collect();
    let line = format!("sponsors: [{}]\n", flow.join(", "));
    if line.len() <= 100 {
        return line;
    }
    let mut out = String::from("sponsors:\n");
    for s in &items {
        out.push_str(&format!("  - {}\n", quote(s, false)));
    }
    out
}

/// Quotes a value when the reader would otherwise read it differently.
fn quote(v: &str, in_flow: bool) -> String {
    let first_special = v.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`',
    ]);
    let needs = v.is_empty()
        || first_special
        || v.contains(" #")
        || v.contains(": ")
        || v.ends_with(':')
        || (in_flow && v.contains([',', '[', ']']));
    if !needs {
        return v.to_string();
    }
    let escaped = v.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let src = "---\nbody: GA\nsession: 81\nagenda_item: \"18 (b)\"\nsymbol: A/C.2/81/L.12\n\
                   title: 'Don''t panic'\nsponsors: [Belgium, \"Congo, the\"]\nlanguage: en\n\
                   adopted: 2026-12-20\n---\nrest";
        let (m, body) = read(src).expect("valid front matter");
        assert_eq!(m.body, Some(Body::GeneralAssembly));
        assert_eq!(m.agenda_item.as_deref(), Some("18 (b)"));
        assert_eq!(m.title.as_deref(), Some("Don't panic"));
        assert_eq!(m.sponsors, ["Belgium", "Congo, the"]);
        assert_eq!(&src[body..], "rest");
        assert_eq!(m.span.map(|s| &src[s.range()]), Some(&src[..body - 1]));
    }

    #[test]
    fn reads_block_lists_and_comments() {
        let src = "---\n# who\nsponsors:\n  - Chile\n  - \"Peru\"\ntitle: T # note\n---\n";
        let (m, _) = read(src).expect("valid");
        assert_eq!(m.sponsors, ["Chile", "Peru"]);
        assert_eq!(m.title.as_deref(), Some("T"));
    }

    #[test]
    fn reports_line_and_reason() {
        let cases = [
            ("---\nbody: GA\n", 1, "closing"),
            ("---\nbody: Assembly of Nobody\n---\n", 2, "unknown body"),
            ("---\ntitle: a\ncolour: red\n---\n", 3, "unknown key"),
            ("---\ntitle: a\ntitle: b\n---\n", 3, "twice"),
            ("---\njust words\n---\n", 2, "key: value"),
            ("---\nadopted: 20 Dec 2024\n---\n", 2, "date"),
            ("---\n- Chile\n---\n", 2, "outside a list"),
            ("---\nsponsors: [A, B\n---\n", 2, "']'"),
            ("---\ntitle: \"open\n---\n", 2, "unclosed"),
        ];
        for (src, line, why) in cases {
            match read(src) {
                Err(FormatError::FrontMatter { line: l, reason }) => {
                    assert_eq!(l, line, "{src:?}: {reason}");
                    assert!(reason.contains(why), "{src:?}: {reason}");
                }
                other => panic!("{src:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(read("*The General Assembly*,").map(|r| r.1), Ok(0));
    }

    #[test]
    fn write_then_read_is_identity() {
        let m = FrontMatter {
            body: Some(Body::SecurityCouncil),
            session: Some("S-27".into()),
            title: Some("A: b # c".into()),
            sponsors: vec![
                "Côte d'Ivoire".into(),
                "Congo, Republic".into(),
                "\"Q\"".into(),
            ],
            symbol: Some("-x".into()),
            ..FrontMatter::default()
        };
        let text = write(&m);
        let (mut back, _) = read(&text).expect("own output reads");
        back.span = None;
        assert_eq!(back, m, "{text}");
    }
}

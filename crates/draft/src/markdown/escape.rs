//! Escaping plain text so that it reads back as the same plain text.

/// Escapes plain text so that, written as (part of) a paragraph of a draft, it reads back as
/// the same plain text (up to the whitespace collapsing every reader applies).
///
/// Escapes the inline markup characters (`\ * _ [ ] ` <`), `&` before what could be an entity,
/// and at the start of each line whatever would open a block: headings, block quotes, bullet
/// and ordered list markers, thematic breaks, fences, and a subparagraph label "(a)".
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Leading blanks would make an indented code block or a lazy continuation; trailing
        // blanks a hard break. Neither is part of the plain text once whitespace collapses.
        let line = line.trim_matches(|c| c == ' ' || c == '\t');
        let rest = escape_line_start(line, &mut out);
        escape_inline(rest, &mut out);
    }
    out
}

/// Writes the escaped block marker at the start of `line`, if any, and returns the rest.
fn escape_line_start<'a>(line: &'a str, out: &mut String) -> &'a str {
    let Some(first) = line.chars().next() else {
        return line;
    };
    if matches!(first, '#' | '>' | '-' | '+' | '=' | '~' | '|' | ':') {
        out.push('\\');
        out.push(first);
        return &line[first.len_utf8()..];
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let after = &line[digits..];
        if (after.starts_with('.') || after.starts_with(')')) && ends_marker(&after[1..]) {
            out.push_str(&line[..digits]);
            out.push('\\');
            return after;
        }
        return line;
    }
    if super::inline::label_len(line).is_some() {
        return escape_label(line, first, out);
    }
    line
}

/// Escapes a subparagraph label at the start of a line: "\(a)", "a\.", and the bullets as
/// character references (a backslash before them would stay in the text).
fn escape_label<'a>(line: &'a str, first: char, out: &mut String) -> &'a str {
    let rest = &line[first.len_utf8()..];
    match first {
        '(' => out.push('\\'),
        '•' | '–' | '—' => {
            out.push_str(&format!("&#{};", u32::from(first)));
            return rest;
        }
        c if c.is_ascii_lowercase() => {
            let n = line.bytes().take_while(u8::is_ascii_lowercase).count();
            out.push_str(line.get(..n).unwrap_or(""));
            out.push('\\');
            return line.get(n..).unwrap_or("");
        }
        _ => {}
    }
    line
}

/// Whether what follows a list marker lets it open a list (end of line or a blank).
fn ends_marker(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')
}

/// Escapes characters that would start inline markup anywhere in a line.
fn escape_inline(s: &str, out: &mut String) {
    for (i, c) in s.char_indices() {
        let escape = match c {
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' => true,
            '&' => entity_like(s.get(i + 1..).unwrap_or("")),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether the text after a `&` reads as a character reference ("amp;", "#38;").
fn entity_like(rest: &str) -> bool {
    let rest = rest.strip_prefix('#').unwrap_or(rest);
    let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name > 0 && rest.as_bytes().get(name) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn leaves_ordinary_text_alone() {
        let s = "Recalling its resolution 61/208 of 20 December 2006, (A/61/100).";
        assert_eq!(escape(s), s);
    }

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(
            escape("a *b* _c_ [^1] `d` <e>"),
            r"a \*b\* \_c\_ \[^1\] \`d\` \<e>"
        );
        assert_eq!(escape(r"back\slash"), r"back\\slash");
        assert_eq!(escape("R&D &amp; AT & T"), r"R&D \&amp; AT & T");
    }

    #[test]
    fn escapes_block_starts() {
        assert_eq!(escape("1. Decides"), r"1\. Decides");
        assert_eq!(escape("2019) year"), r"2019\) year");
        assert_eq!(escape("2019 was"), "2019 was");
        assert_eq!(escape("# x\n- y\n> z"), "\\# x\n\\- y\n\\> z");
        assert_eq!(escape("(a) To develop"), r"\(a) To develop");
        assert_eq!(escape("(2000) onwards"), "(2000) onwards");
        assert_eq!(escape("(1) Dr. Lieu"), r"\(1) Dr. Lieu");
        assert_eq!(escape("b. Who would"), r"b\. Who would");
        assert_eq!(escape("• Freedom"), "&#8226; Freedom");
        assert_eq!(escape("– full respect"), "&#8211; full respect");
    }
}

//! Small text helpers shared by the reader, the writer and `fmt`: labels, whitespace.

/// Byte length of a subparagraph label at the start of `s`, when a blank or the end of the
/// text follows it: "(a)", "(ii)", "(aa)" (one to six lowercase letters), "(1)" (one to three
/// digits), "(A)" (one to four capitals), "a." and "iv." (a letter or a roman numeral up to
/// 39), the bullets "•", "–", "—" and the hyphen bullet written "&#45;".
pub(crate) fn label_len(s: &str) -> Option<usize> {
    let n = paren_label(s)
        .or_else(|| dot_label(s))
        .or_else(|| bullet_label(s))?;
    let after = s.get(n..)?;
    let ends = after.is_empty() || after.starts_with([' ', '\t', '\n', '\r']);
    ends.then_some(n)
}

/// How the bullet "-" is written: as a character reference, since "- " would open a list and
/// a backslash before a hyphen that starts a line is how text escapes it.
const HYPHEN_BULLET: &str = "&#45;";

/// The label as it is meant: the written bullet "&#45;" is "-".
pub(crate) fn label_text(written: &str) -> &str {
    if written == HYPHEN_BULLET {
        "-"
    } else {
        written
    }
}

/// A label as the format writes it: the bullet "-" as "&#45;" (it would open a list), any label
/// the reader would not take for one escaped as text.
pub(crate) fn written_label(label: &str) -> String {
    if label == "-" {
        return HYPHEN_BULLET.to_string();
    }
    if label_len(label) == Some(label.len()) {
        label.to_string()
    } else {
        super::escape::escape(label)
    }
}

fn paren_label(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('(')?;
    let run = |f: fn(&u8) -> bool| inner.bytes().take_while(f).count();
    let n = [
        (run(u8::is_ascii_lowercase), 6),
        (run(u8::is_ascii_digit), 3),
        (run(u8::is_ascii_uppercase), 4),
    ]
    .into_iter()
    .find(|(n, max)| (1..=*max).contains(n))?
    .0;
    inner.get(n..)?.starts_with(')').then_some(n + 2)
}

fn dot_label(s: &str) -> Option<usize> {
    let n = s.bytes().take_while(u8::is_ascii_lowercase).count();
    let word = s.get(..n)?;
    // Read the numeral rather than write the 39 candidates: this runs on every line read.
    let small_roman = super::labels::roman_value(word).is_some_and(|v| v < 40);
    let ok = (n == 1 || small_roman) && s.get(n..)?.starts_with('.');
    ok.then_some(n + 1)
}

fn bullet_label(s: &str) -> Option<usize> {
    if s.starts_with(HYPHEN_BULLET) {
        return Some(HYPHEN_BULLET.len());
    }
    let c = s.chars().next().filter(|c| matches!(c, '•' | '–' | '—'))?;
    Some(c.len_utf8())
}

/// Collapses every run of whitespace to one space and trims both ends.
pub(crate) fn collapse(s: &str) -> String {
    let s = s.trim();
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    // Runs of non-blank text are copied whole, not character by character.
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !blank {
                out.push_str(&s[run_start..i]);
                blank = true;
            }
        } else if blank {
            out.push(' ');
            run_start = i;
            blank = false;
        }
    }
    if !blank {
        out.push_str(&s[run_start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_len("(a) To"), Some(3));
        assert_eq!(label_len("(iii)\nx"), Some(5));
        assert_eq!(label_len("(a)"), Some(3));
        assert_eq!(label_len("(a)b"), None);
        assert_eq!(label_len("(2000) x"), None);
        assert_eq!(label_len("(12) x"), Some(4));
        assert_eq!(label_len("(A) x"), Some(3));
        assert_eq!(label_len("iv. x"), Some(3));
        assert_eq!(label_len("b. x"), Some(2));
        assert_eq!(label_len("etc. x"), None);
        assert_eq!(label_len("i.e. x"), None);
        assert_eq!(label_len("• x"), Some(3));
        assert_eq!(label_len("\\- x"), None);
        assert_eq!(label_len("&#45; x"), Some(5));
        assert_eq!(label_len("- x"), None);
        assert_eq!(label_len("("), None);
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
        assert_eq!(collapse("à\u{a0}\u{a0}b c"), "à b c");
        assert_eq!(collapse(""), "");
    }
}

//! Small text helpers shared by the reader, the writer and `fmt`: labels, whitespace.

/// Byte length of a subparagraph label "(a)", "(ii)", "(aa)" at the start of `s`, when it is
/// followed by a blank or the end of the text.
pub(crate) fn label_len(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('(')?;
    let letters = inner.bytes().take_while(u8::is_ascii_lowercase).count();
    if letters == 0 || letters > 6 {
        return None;
    }
    let after = inner.get(letters..)?.strip_prefix(')')?;
    let ends = after.is_empty() || after.starts_with([' ', '\t', '\n', '\r']);
    ends.then_some(letters + 2)
}

/// Collapses every run of whitespace to one space and trims both ends.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
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
        assert_eq!(label_len("(A) x"), None);
        assert_eq!(label_len("("), None);
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
    }
}

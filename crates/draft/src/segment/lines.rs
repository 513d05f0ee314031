//! Lines of the source with their byte offsets, and recognisers for the page furniture that
//! PDF extraction leaves in a UN document (symbols, page numbers, job numbers, barcodes).

/// One line of the source: its text without the line break, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The line without its terminating `\n` (a trailing `\r` is kept; trimming removes it).
    pub text: &'a str,
    /// Byte offset of the first byte of the line in the source.
    pub start: usize,
}

impl<'a> Line<'a> {
    /// The line without surrounding whitespace.
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    /// Whether the line is empty or holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }

    /// Byte offsets of the trimmed text, for spans that do not include indentation.
    pub fn trimmed_bounds(&self) -> (usize, usize) {
        let lead = self.text.len() - self.text.trim_start().len();
        let start = self.start + lead;
        (start, start + self.trimmed().len())
    }
}

/// Splits `text` into lines with their offsets (`\n` separated; the last line may lack one).
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        out.push(Line { text: piece, start });
        start += piece.len() + 1;
    }
    out
}

/// "2/5": a page number line ("page of pages").
pub(crate) fn is_page_number(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('/') {
        Some((a, b)) => is_digits(a, 1, 4) && is_digits(b, 1, 4),
        None => false,
    }
}

/// "23-24979", "23-24979 (E)    201223": the UN job number, alone or with its language and
/// date stamp.
pub(crate) fn is_job_number(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let job = match first.split_once('-') {
        Some((a, b)) => is_digits(a, 2, 2) && is_digits(b, 5, 5),
        None => false,
    };
    job && words.all(|w| is_digits(w, 4, 8) || (w.starts_with('(') && w.ends_with(')')))
}

/// "*2324979*": the barcode line printed under the job number.
pub(crate) fn is_barcode(s: &str) -> bool {
    let s = s.trim();
    s.len() >= 3 && s.starts_with('*') && s.ends_with('*') && is_digits(&s[1..s.len() - 1], 5, 12)
}

/// "A/RES/78/100", "A/C.3/80/L.10", "S/RES/1325 (2000)", "E/2024/L.12": a whole line that is a
/// UN document symbol.
pub(crate) fn is_symbol(s: &str) -> bool {
    let s = s.trim();
    let Some((organ, rest)) = s.split_once('/') else {
        return false;
    };
    let organ_ok = matches!(organ, "A" | "S" | "E" | "A/HRC" | "UNEP" | "TD" | "CRC");
    organ_ok
        && !rest.is_empty()
        && rest.len() < 40
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/.-() ".contains(c))
        && rest.chars().any(|c| c.is_ascii_digit())
}

/// "__________________": the rule above the footnotes at the foot of a page.
pub(crate) fn is_footnote_rule(s: &str) -> bool {
    let s = s.trim();
    s.len() >= 5 && s.chars().all(|c| c == '_')
}

/// Whether `s` is all ASCII digits, with a length in `min..=max`.
pub(crate) fn is_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets() {
        let src = "ab\n\ncd \n";
        let lines = split_lines(src);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[2].text, "cd ");
        assert_eq!(&src[lines[2].start..lines[2].start + 3], "cd ");
        assert_eq!(lines[2].trimmed_bounds(), (4, 6));
        assert!(lines[1].is_blank());
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("2/3 "));
        assert!(is_page_number("12/40"));
        assert!(!is_page_number("78/100. Dissemination"));
        assert!(!is_page_number("A/RES/78/100"));
        assert!(!is_page_number("and/or"));
    }

    #[test]
    fn job_numbers() {
        assert!(is_job_number("23-24979"));
        assert!(is_job_number("23-24979 (E)    201223 "));
        assert!(!is_job_number("2023-2024"));
        assert!(!is_job_number("23-24979 people"));
    }

    #[test]
    fn barcodes() {
        assert!(is_barcode("*2324979*"));
        assert!(!is_barcode("* *"));
        assert!(!is_barcode("*"));
    }

    #[test]
    fn symbols() {
        assert!(is_symbol("A/RES/78/100"));
        assert!(is_symbol("A/C.3/80/L.10 "));
        assert!(is_symbol("S/RES/1325 (2000)"));
        assert!(is_symbol("A/HRC/RES/39/2"));
        assert!(!is_symbol("A/RES"));
        assert!(!is_symbol("and/or the Council"));
    }

    #[test]
    fn footnote_rules() {
        assert!(is_footnote_rule("__________________ "));
        assert!(!is_footnote_rule("__"));
    }
}

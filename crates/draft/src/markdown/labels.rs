//! Subparagraph labels: telling "(i)" the ninth letter from "(i)" the first roman numeral, and
//! generating labels in sequence for `fmt`.

/// How a label is written: the family of its punctuation, and whether its letters count in
/// roman numerals. Labels of one kind are siblings; a new kind opens a deeper level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// "(a)", "(b)" … "(aa)".
    ParenLetter,
    /// "(i)", "(ii)" ….
    ParenRoman,
    /// "(1)", "(A)": digits or capitals in parentheses.
    ParenOther,
    /// "a.", "b." ….
    DotLetter,
    /// "i.", "ii." ….
    DotRoman,
    /// "•", "–", "—", "-".
    Bullet,
}

/// Nesting levels of a paragraph's subparagraph labels, in order: "(a)" 1, "(i)" under it 2,
/// "a." under that 3 (UN-RULES R9), a bullet one deeper than the label before it.
///
/// A label of a style already open goes back to that level; a new style opens the next one.
/// Roman or letter: a roman label continues a running roman sequence or opens one under a
/// letter; a letter that continues the letter sequence stays a letter, so "(i)" after "(h)" is
/// level 1 (unless "(ii)" follows it) and "(v)" after "(iv)" is level 2.
pub(crate) fn levels<S: AsRef<str>>(labels: &[S]) -> Vec<u8> {
    styled(labels).into_iter().map(|(_, level)| level).collect()
}

/// The style and level of each label (see [`levels`]).
pub(crate) fn styled<S: AsRef<str>>(labels: &[S]) -> Vec<(Style, u8)> {
    let mut open: Vec<Style> = Vec::new();
    let mut last: Vec<(Style, String)> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let next = labels.get(i + 1).map(|n| n.as_ref());
        let style = style(label.as_ref(), next, &last);
        match open.iter().position(|s| *s == style) {
            Some(at) => open.truncate(at + 1),
            None => open.push(style),
        }
        last.retain(|(s, _)| open.contains(s) && *s != style);
        last.push((style, inner(label.as_ref()).to_string()));
        out.push((style, u8::try_from(open.len()).unwrap_or(u8::MAX)));
    }
    out
}

/// The style of `label`, given the label after it and the last label of each open style.
pub(crate) fn style(label: &str, next: Option<&str>, last: &[(Style, String)]) -> Style {
    let (letter, roman) = if label.starts_with('(') {
        (Style::ParenLetter, Style::ParenRoman)
    } else if label.ends_with('.') {
        (Style::DotLetter, Style::DotRoman)
    } else {
        return Style::Bullet;
    };
    let letters = inner(label);
    if !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return Style::ParenOther;
    }
    let last_of = |s: Style| {
        last.iter()
            .rev()
            .find(|(st, _)| *st == s)
            .map(|(_, l)| l.as_str())
    };
    let continues_roman = last_of(roman).is_some_and(|r| {
        roman_value(letters).is_some() && roman_value(letters) == roman_value(r).map(|v| v + 1)
    });
    let continues_letter =
        last_of(letter).is_some_and(|l| Some(letters.to_string()) == next_letter(l));
    let next_is_ii = next.is_some_and(|n| inner(n) == "ii");
    let opens_roman = letters == "i" && last_of(letter).is_some();
    if continues_roman || (opens_roman && (!continues_letter || next_is_ii)) {
        roman
    } else {
        letter
    }
}

/// The letters or digits of a label: "(ii)" and "ii." give "ii".
fn inner(label: &str) -> &str {
    label.trim_start_matches('(').trim_end_matches([')', '.'])
}

/// The letter label after `l`: "a" -> "b", "z" -> "aa", "aa" -> "bb".
fn next_letter(l: &str) -> Option<String> {
    let first = l.bytes().next()?;
    if !l.bytes().all(|b| b == first) || !first.is_ascii_lowercase() {
        return None;
    }
    Some(match first {
        b'z' => "a".repeat(l.len() + 1),
        c => char::from(c + 1).to_string().repeat(l.len()),
    })
}

/// The value of a lowercase roman numeral written the usual way ("iiii" is not one).
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let lower = s.chars().all(|c| c.is_ascii_lowercase());
    lower.then(|| crate::numerals::roman_value(s)).flatten()
}

/// A lowercase roman numeral.
pub(crate) fn roman(n: u32) -> String {
    crate::numerals::to_roman(n).to_ascii_lowercase()
}

/// The label for the `n`th (from 0) subparagraph of a level: "(a)".."(z)", "(aa)".. at level 1;
/// "(i)", "(ii)".. below.
pub(crate) fn label(level: u8, n: usize) -> String {
    if level >= 2 {
        let n = u32::try_from(n)
            .unwrap_or(u32::MAX)
            .saturating_add(1)
            .min(3999);
        return format!("({})", roman(n));
    }
    let letter = char::from(b'a' + (n % 26) as u8);
    format!("({})", letter.to_string().repeat(n / 26 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_after_letter_and_letter_after_h() {
        let l = ["(a)", "(i)", "(ii)", "(b)", "(c)"];
        assert_eq!(levels(&l), [1, 2, 2, 1, 1]);
        let l = ["(g)", "(h)", "(i)", "(j)"];
        assert_eq!(levels(&l), [1, 1, 1, 1]);
        let l = ["(g)", "(h)", "(i)"];
        assert_eq!(levels(&l), [1, 1, 1]);
        let l = ["(h)", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(i)"];
        assert_eq!(levels(&l), [1, 2, 2, 2, 2, 2, 1]);
        let l = ["(u)", "(v)", "(w)", "(x)"];
        assert_eq!(levels(&l), [1, 1, 1, 1]);
        let l = ["(a)", "(i)", "a.", "b.", "(ii)", "•", "(b)", "–", "–"];
        assert_eq!(levels(&l), [1, 2, 3, 3, 2, 3, 1, 2, 2]);
        let l = ["a.", "i.", "ii.", "b.", "(1)", "(2)"];
        assert_eq!(levels(&l), [1, 2, 2, 1, 2, 2]);
    }

    #[test]
    fn generates_labels() {
        assert_eq!(label(1, 0), "(a)");
        assert_eq!(label(1, 25), "(z)");
        assert_eq!(label(1, 26), "(aa)");
        assert_eq!(label(2, 3), "(iv)");
        assert_eq!(label(2, 8), "(ix)");
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(next_letter("z").as_deref(), Some("aa"));
    }
}

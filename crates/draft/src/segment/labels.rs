//! Paragraph numbers ("1."), subparagraph labels ("(a)", "(ii)", "b.") and section labels
//! ("II", "B") at the start of a block, and the nesting of subparagraph labels.

/// What a block starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    /// An operative number "3.".
    Number(u32),
    /// A subparagraph label as written: "(a)", "(iv)", "b.".
    Sub(String),
}

/// The label at the start of `text` and the byte length it takes (spaces after it included).
pub(crate) fn leading_label(text: &str) -> Option<(Label, usize)> {
    number(text)
        .or_else(|| paren(text))
        .or_else(|| dotted(text))
        .or_else(|| bullet(text))
}

/// "• One for consideration ...": a bullet standing for a subparagraph label.
fn bullet(text: &str) -> Option<(Label, usize)> {
    let c = text.chars().next()?;
    if !matches!(c, '•' | '▪' | '◦' | '–' | '-') {
        return None;
    }
    let len = label_end(text, c.len_utf8())?;
    (len > c.len_utf8()).then(|| (Label::Sub(c.to_string()), len))
}

/// "12." followed by a space or the end.
fn number(text: &str) -> Option<(Label, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let n = text.get(..digits)?.parse().ok()?;
    if text.as_bytes().get(digits) == Some(&b'.') {
        let len = label_end(text, digits + 1)?;
        return Some((Label::Number(n), len));
    }
    // "10 Calls for ...": the full stop is sometimes lost; the operative verb tells.
    let len = label_end(text, digits)?;
    let rest = text.get(len..)?;
    let verb = len > digits && crate::opening::kind_of(rest) == Some(crate::model::Kind::Operative);
    verb.then_some((Label::Number(n), len))
}

/// "(a)", "(iv)", "(aa)", "(1)".
fn paren(text: &str) -> Option<(Label, usize)> {
    let inner = text.strip_prefix('(')?;
    let close = inner.find(')')?;
    let word = inner.get(..close)?;
    let letters = (1..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase());
    let digits = (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    if !(letters || digits) {
        return None;
    }
    let len = label_end(text, close + 2)?;
    Some((Label::Sub(format!("({word})")), len))
}

/// "a." or "iv." as the Security Council sometimes writes subparagraph labels.
fn dotted(text: &str) -> Option<(Label, usize)> {
    let letters = text.bytes().take_while(u8::is_ascii_lowercase).count();
    if letters == 0 || text.as_bytes().get(letters) != Some(&b'.') {
        return None;
    }
    let word = text.get(..letters)?;
    if !(letters == 1 || roman_value(word).is_some()) {
        return None;
    }
    let len = label_end(text, letters + 1)?;
    Some((Label::Sub(format!("{word}.")), len))
}

/// A label must be followed by whitespace or the end of the text; returns the offset after
/// that whitespace.
fn label_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(at + (rest.len() - rest.trim_start().len()))
}

/// The value of a lower- or upper-case Roman numeral up to 39, if `s` is one (a label
/// beyond (xxxix) is not a subparagraph label).
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    crate::numerals::roman_value(s).filter(|n| *n < 40)
}

/// The core of a subparagraph label: "(iv)" and "iv." give "iv".
pub(crate) fn core(label: &str) -> &str {
    label.trim_start_matches('(').trim_end_matches([')', '.'])
}

/// The level of a label written without parentheses ("a.", "•") after labels in
/// parentheses: that of the previous label of the same kind, else one deeper than the label
/// before it; `None` where no label in parentheses came first.
fn nested_level(labels: &[String], i: usize, levels: &[u8]) -> Option<u8> {
    let label = labels.get(i)?;
    let kind = |l: &str| (l.starts_with('('), l.ends_with('.'));
    let parens_before = labels.get(..i)?.iter().any(|l| l.starts_with('('));
    if label.starts_with('(') || !parens_before {
        return None;
    }
    let prev = labels.get(i.checked_sub(1)?)?;
    let prev_level = *levels.get(i - 1)?;
    if kind(prev) == kind(label) {
        Some(prev_level)
    } else {
        Some(prev_level.saturating_add(1))
    }
}

/// The letter that follows `prev` in a lettered list ("h" -> "i", "z" -> "aa").
fn next_letter(prev: &str) -> Option<String> {
    let bytes = prev.as_bytes();
    let first = *bytes.first()?;
    if !bytes.iter().all(|&b| b == first) || !first.is_ascii_lowercase() {
        return None;
    }
    Some(if first == b'z' {
        "a".repeat(bytes.len() + 1)
    } else {
        String::from_utf8(vec![first + 1; bytes.len()]).ok()?
    })
}

/// Nesting of subparagraph labels within one paragraph. Letters are level 1, Roman numerals
/// under a letter level 2, numbers under a Roman numeral level 3. A label that is both a
/// letter and a numeral ("(i)" after "(h)") is read as the letter unless the label after it
/// continues a Roman list ("(ii)").
///
/// Under labels in parentheses, "a." and bullets go one level deeper than the label before
/// them, and stay at that level while their kind goes on ("(iv) Matters relating to:" then
/// "a. ...", "b. ..." at level 3; UN-RULES R9).
pub(crate) fn levels(labels: &[String]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(labels.len());
    let mut last_letter: Option<String> = None;
    let mut last_roman: Option<u32> = None;
    for (i, label) in labels.iter().enumerate() {
        if let Some(level) = nested_level(labels, i, &out) {
            out.push(level);
            continue;
        }
        let c = core(label);
        let next = labels.get(i + 1).map(|l| core(l));
        let level = classify(c, next, last_letter.as_deref(), last_roman);
        match level {
            1 => {
                last_letter = Some(c.to_string());
                last_roman = None;
            }
            2 => last_roman = roman_value(c),
            _ => {}
        }
        out.push(level);
    }
    out
}

fn classify(c: &str, next: Option<&str>, letter: Option<&str>, roman: Option<u32>) -> u8 {
    if c.bytes().all(|b| b.is_ascii_digit()) {
        return if roman.is_some() { 3 } else { 1 };
    }
    let Some(value) = roman_value(c) else {
        return 1;
    };
    let continues_roman = roman.map_or(value == 1, |r| value == r + 1);
    let continues_letters = letter.and_then(next_letter).as_deref() == Some(c);
    match (continues_roman && letter.is_some(), continues_letters) {
        (true, true) => {
            let next_is_roman = next.and_then(roman_value) == Some(value + 1);
            if next_is_roman {
                2
            } else {
                1
            }
        }
        (true, false) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn numbers_and_labels() {
        assert_eq!(leading_label("1. Approves"), Some((Label::Number(1), 3)));
        assert_eq!(leading_label("12."), Some((Label::Number(12), 3)));
        assert_eq!(leading_label("10 Calls for"), Some((Label::Number(10), 3)));
        assert_eq!(leading_label("10 Member States"), None);
        assert_eq!(
            leading_label("(a) To develop"),
            Some((Label::Sub("(a)".into()), 4))
        );
        assert_eq!(
            leading_label("(iv) Promote"),
            Some((Label::Sub("(iv)".into()), 5))
        );
        assert_eq!(
            leading_label("c. Measures"),
            Some((Label::Sub("c.".into()), 3))
        );
        assert_eq!(leading_label("2023. Decides"), None);
        assert_eq!(leading_label("1.5 degrees"), None);
        assert_eq!(leading_label("(UNESCO) and"), None);
        assert_eq!(leading_label("e.g. this"), None);
        assert_eq!(
            leading_label("• One for"),
            Some((Label::Sub("•".into()), 4))
        );
        assert_eq!(leading_label("–"), None);
    }

    #[test]
    fn roman_under_letter_is_level_two() {
        let l = strs(&["(a)", "(i)", "(ii)", "(b)"]);
        assert_eq!(levels(&l), [1, 2, 2, 1]);
    }

    #[test]
    fn i_after_h_is_a_letter() {
        let l = strs(&["(g)", "(h)", "(i)", "(j)"]);
        assert_eq!(levels(&l), [1, 1, 1, 1]);
    }

    #[test]
    fn i_after_h_followed_by_ii_is_roman() {
        let l = strs(&["(h)", "(i)", "(ii)", "(i)"]);
        assert_eq!(levels(&l), [1, 2, 2, 1]);
    }

    #[test]
    fn v_after_u_and_x_after_w_are_letters() {
        let l = strs(&["(u)", "(v)", "(w)", "(x)", "(y)"]);
        assert_eq!(levels(&l), [1, 1, 1, 1, 1]);
        let l = strs(&["(a)", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(b)"]);
        assert_eq!(levels(&l), [1, 2, 2, 2, 2, 2, 1]);
    }

    #[test]
    fn roman_list_without_letters_is_level_one() {
        let l = strs(&["(i)", "(ii)", "(iii)"]);
        assert_eq!(levels(&l), [1, 1, 1]);
    }

    #[test]
    fn dotted_letters_and_bullets_under_parentheses_go_deeper() {
        let l = strs(&["(a)", "(i)", "(ii)", "a.", "b.", "(b)", "(i)"]);
        assert_eq!(levels(&l), [1, 2, 2, 3, 3, 1, 2]);
        let l = strs(&["(a)", "•", "•", "(b)"]);
        assert_eq!(levels(&l), [1, 2, 2, 1]);
        let l = strs(&["a.", "b.", "c."]);
        assert_eq!(levels(&l), [1, 1, 1]);
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("ab"), None);
    }
}

//! Roman numerals, as UN texts use them: session numbers before 1976 ("1514 (XV)"), section
//! labels ("II"), subparagraph labels ("(iv)"), Word's numbering formats.

const TABLE: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// `n` as an upper-case Roman numeral ("XV"); empty for 0. Thousands repeat "M".
pub fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The value of a Roman numeral written the usual way, all upper case ("XV") or all lower
/// case ("xv"); `None` for anything else, including malformed numerals such as "IIII" or
/// "IC" and runs longer than 16 letters.
pub fn roman_value(text: &str) -> Option<u32> {
    let upper = text.to_ascii_uppercase();
    let uniform = text == upper || text == text.to_ascii_lowercase();
    if !uniform || text.is_empty() || text.len() > 16 {
        return None;
    }
    let digit = |c: char| {
        TABLE
            .iter()
            .find(|(_, l)| l.len() == 1 && l.starts_with(c))
            .map(|t| t.0)
    };
    let values: Option<Vec<u32>> = upper.chars().map(digit).collect();
    let values = values?;
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        let bigger_follows = values.get(i + 1).is_some_and(|next| next > v);
        total += if bigger_follows {
            -i64::from(*v)
        } else {
            i64::from(*v)
        };
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    (to_roman(total) == upper).then_some(total)
}

const UNIT_ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

const TENS: [(&str, &str); 8] = [
    ("twenty", "twentieth"),
    ("thirty", "thirtieth"),
    ("forty", "fortieth"),
    ("fifty", "fiftieth"),
    ("sixty", "sixtieth"),
    ("seventy", "seventieth"),
    ("eighty", "eightieth"),
    ("ninety", "ninetieth"),
];

/// The value of an English ordinal written in words, as amendments count preambular
/// paragraphs: "first" 1, "twenty-first" 21, "fortieth" 40, up to "ninety-ninth", and
/// "hundredth" / "one hundredth" 100. Any case; `None` for anything else.
pub fn ordinal_value(word: &str) -> Option<u32> {
    let w = word.trim().to_ascii_lowercase();
    if w == "hundredth" || w == "one hundredth" {
        return Some(100);
    }
    let unit = |s: &str| {
        UNIT_ORDINALS
            .iter()
            .position(|u| *u == s)
            .map(|i| i as u32 + 1)
    };
    if let Some(v) = unit(&w) {
        return Some(v);
    }
    for (i, (cardinal, ordinal)) in TENS.iter().enumerate() {
        let tens = 20 + 10 * i as u32;
        if w == *ordinal {
            return Some(tens);
        }
        let rest = w
            .strip_prefix(cardinal)
            .and_then(|r| r.strip_prefix(['-', ' ']));
        if let Some(v) = rest.and_then(unit).filter(|v| *v < 10) {
            return Some(tens + v);
        }
    }
    None
}

/// `n` as an English ordinal in words, lower case: 63 gives "sixty-third", 80 "eightieth";
/// `None` outside 1..=99. The inverse of [`ordinal_value`] (the one ordinal writer: session
/// names, the house-style fix "seventy-eighth session").
pub fn ordinal_words(n: u32) -> Option<String> {
    let unit = |n: u32| {
        UNIT_ORDINALS
            .get(usize::try_from(n).ok()?.checked_sub(1)?)
            .copied()
    };
    let (cardinal, ordinal) = match n {
        1..=19 => return unit(n).map(str::to_string),
        20..=99 => TENS[usize::try_from(n / 10 - 2).ok()?],
        _ => return None,
    };
    match n % 10 {
        0 => Some(ordinal.to_string()),
        u => Some(format!("{cardinal}-{}", unit(u)?)),
    }
}

/// The value of a small English cardinal as amendments count new paragraphs: "a" and "one"
/// 1, "two" … "ten". Any case.
pub fn count_value(word: &str) -> Option<u32> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let w = word.trim().to_ascii_lowercase();
    if w == "a" || w == "an" {
        return Some(1);
    }
    WORDS.iter().position(|c| *c == w).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_round_trip_in_both_cases() {
        for n in 1..=3999 {
            let r = to_roman(n);
            assert_eq!(roman_value(&r), Some(n));
            assert_eq!(roman_value(&r.to_ascii_lowercase()), Some(n));
        }
        assert_eq!(to_roman(1976), "MCMLXXVI");
    }

    #[test]
    fn malformed_or_mixed_numerals_are_refused() {
        for bad in [
            "",
            "IIII",
            "IC",
            "VX",
            "Xv",
            "XIIIIIIIIIIIIIIIII",
            "ABC",
            "i i",
        ] {
            assert_eq!(roman_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordinals_in_words() {
        for (word, v) in [
            ("first", 1),
            ("Fifth", 5),
            ("twelfth", 12),
            ("nineteenth", 19),
            ("twentieth", 20),
            ("twenty-first", 21),
            ("thirty-eighth", 38),
            ("forty-first", 41),
            ("ninety-ninth", 99),
            ("hundredth", 100),
        ] {
            assert_eq!(ordinal_value(word), Some(v), "{word}");
        }
        for bad in [
            "",
            "twenty",
            "twenty-tenth",
            "firstly",
            "forty-twelfth",
            "21st",
        ] {
            assert_eq!(ordinal_value(bad), None, "{bad}");
        }
        for n in 1..=99 {
            let words = ordinal_words(n).unwrap();
            assert_eq!(ordinal_value(&words), Some(n), "{words}");
        }
        assert_eq!(ordinal_words(63).as_deref(), Some("sixty-third"));
        assert_eq!(ordinal_words(80).as_deref(), Some("eightieth"));
        assert_eq!(ordinal_words(0), None);
        assert_eq!(ordinal_words(100), None);
        assert_eq!(count_value("two"), Some(2));
        assert_eq!(count_value("a"), Some(1));
        assert_eq!(count_value("several"), None);
    }
}

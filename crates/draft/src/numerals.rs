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
}

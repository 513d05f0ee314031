//! The closing formula ("45th plenary meeting / 7 December 2023"), the enacting formula and
//! section headings: recognising them in plain text and writing them back.

pub(crate) use crate::dates::{display_date as written_date, iso_date};

/// Splits a closing formula into the meeting ("45th plenary meeting") and what follows it
/// (the date as written, possibly empty). `None` when `text` is not a closing formula.
pub(crate) fn split_closing(text: &str) -> Option<(&str, &str)> {
    // The meeting as the segmenter reads it ("45th plenary meeting", "52nd (resumed)
    // plenary meeting", "2d meeting"): one rule for plain text and the draft format.
    let end = crate::segment::meeting_len(text)?;
    let (meeting, date) = (text.get(..end)?, text.get(end..)?);
    let boundary = date.is_empty() || date.starts_with(' ');
    let date = date.trim();
    (boundary && (date.is_empty() || date_like(date))).then_some((meeting, date))
}

/// Whether what follows the meeting reads as a date: a few words, one of them a year.
pub(crate) fn date_like(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    let year = |w: &&str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    words.len() <= 4 && words.iter().any(year)
}

/// Whether a first paragraph reads as an enacting formula: "The General Assembly," — "The"
/// and a short name, with at most a final mark (",", or a slip: ".", ":", ";").
pub(crate) fn is_enacting(text: &str) -> bool {
    // Presidential statements quote the formula: "“The Human Rights Council,".
    let text = text.trim_start_matches(['“', '"', '‘', '\'']);
    let Some(name) = text.strip_prefix("The ") else {
        return false;
    };
    // OCR and typing slips put another mark where the comma goes; the line is still the formula.
    let name = name.strip_suffix([',', '.', ':', ';']).unwrap_or(name);
    let words = name.split(' ').count();
    let clean = name
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'');
    (1..=10).contains(&words) && clean && name.starts_with(char::is_uppercase)
}

/// Splits a section heading "I. Heading", "II", "A. Heading" into label and heading; a
/// heading without such a label gets an empty label.
pub(crate) fn split_section(text: &str) -> (String, String) {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    let label = first.strip_suffix('.').unwrap_or(first);
    let roman = !label.is_empty() && label.chars().all(|c| "IVXLC".contains(c));
    let letter = label.len() == 1 && label.starts_with(|c: char| c.is_ascii_uppercase());
    if roman || letter {
        (label.to_string(), rest.trim().to_string())
    } else {
        (String::new(), text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_formula() {
        let t = "45th plenary meeting 7 December 2023";
        assert_eq!(
            split_closing(t),
            Some(("45th plenary meeting", "7 December 2023"))
        );
        assert_eq!(split_closing("8th meeting"), Some(("8th meeting", "")));
        assert_eq!(split_closing("8th meeting The General Assembly,"), None);
        assert_eq!(split_closing("45th plenary meetings"), None);
        assert_eq!(split_closing("Recalling its 45th plenary meeting"), None);
        assert_eq!(iso_date("7 December 2023").as_deref(), Some("2023-12-07"));
        assert_eq!(iso_date("7 Dec 2023"), None);
        assert_eq!(written_date("2023-12-07"), "7 December 2023");
        assert_eq!(written_date("2023-13-07"), "2023-13-07");
    }

    #[test]
    fn enacting_and_sections() {
        assert!(is_enacting("The General Assembly,"));
        assert!(is_enacting("The Human Rights Council"));
        assert!(is_enacting("“The Human Rights Council,"));
        assert!(!is_enacting(
            "The Assembly decides that the report, as amended, is adopted."
        ));
        assert!(!is_enacting("Recalling its resolution 61/208,"));
        let s = |t| split_section(t);
        assert_eq!(s("I. Oceans"), ("I".into(), "Oceans".into()));
        assert_eq!(s("II"), ("II".into(), String::new()));
        assert_eq!(
            s("Implementation"),
            (String::new(), "Implementation".into())
        );
    }
}

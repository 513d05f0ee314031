//! Reading dates ("7 December 2023") and ordinal session names ("Seventy-eighth") as numbers,
//! and writing a session the way a UN masthead does.

use crate::model::MONTHS;

/// Finds the first "7 December 2023" in `text` and returns it as "2023-12-07".
pub(crate) fn find_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).find_map(|w| date_of(w[0], w[1], w[2]))
}

/// The three words of a date as `dates::iso_date` reads them (the one calendar): the month
/// in any case ("7 DECEMBER 2023" in a masthead), the year before its closing punctuation.
fn date_of(day: &str, month: &str, year: &str) -> Option<String> {
    let month = MONTHS.iter().find(|x| x.eq_ignore_ascii_case(month))?;
    let year = year.trim_end_matches(['.', ')', ';']);
    crate::dates::iso_date(&format!("{day} {month} {year}"))
}

/// "Seventy-eighth" -> 78, "Eightieth" -> 80, "first" -> 1 (up to 99).
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    crate::numerals::ordinal_value(word).filter(|n| *n < 100)
}

/// "Seventy-eighth session" -> "78"; "Tenth emergency special session" -> "ES-10";
/// "Twenty-seventh special session" -> "S-27"; "2024 session" -> "2024".
pub(crate) fn session(line: &str) -> Option<String> {
    let lower = line.trim().to_lowercase();
    let head = lower.strip_suffix("session")?.trim();
    let mut words = head.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    let n = match ordinal(first) {
        Some(n) => n.to_string(),
        None if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) => first.into(),
        None => return None,
    };
    match rest.as_slice() {
        [] | ["regular"] => Some(n),
        ["special"] => Some(format!("S-{n}")),
        ["emergency", "special"] => Some(format!("ES-{n}")),
        _ => None,
    }
}

/// "Seventy-eighth" for 78, "Eightieth" for 80 (1 to 99, capitalised); `None` otherwise.
fn ordinal_words(n: u32) -> Option<String> {
    let word = crate::numerals::ordinal_words(n)?;
    let mut chars = word.chars();
    let first = chars.next()?.to_uppercase();
    Some(first.chain(chars).collect())
}

/// The session as a UN masthead writes it, the inverse of [`session`]: "78" ->
/// "Seventy-eighth session", "S-27" -> "Twenty-seventh special session", "ES-10" -> "Tenth
/// emergency special session", "2024" -> "2024 session"; anything else "Session {as
/// given}".
pub fn session_heading(session: &str) -> String {
    let s = session.trim();
    let (n, kind) = match (s.strip_prefix("ES-"), s.strip_prefix("S-")) {
        (Some(n), _) => (n, " emergency special"),
        (None, Some(n)) => (n, " special"),
        (None, None) => (s, ""),
    };
    let words = n.parse::<u32>().ok().and_then(ordinal_words);
    match words {
        Some(w) => format!("{w}{kind} session"),
        None if kind.is_empty() && n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{n} session")
        }
        None => format!("Session {s}"),
    }
}

/// "45th plenary meeting", "50th (resumed) plenary meeting", "39th meeting": the byte
/// length of the meeting part of a closing formula at the start of `text`.
pub(crate) fn meeting_len(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(digits..)?;
    let suffix = ["st ", "nd ", "rd ", "th ", "d "]
        .iter()
        .find(|s| rest.starts_with(**s))?;
    let after = rest.get(suffix.len()..)?;
    let after = after
        .strip_prefix("(resumed) ")
        .or_else(|| after.strip_prefix("resumed "))
        .unwrap_or(after);
    let tail = after
        .strip_prefix("plenary meeting")
        .or_else(|| after.strip_prefix("meeting"))?;
    if digits == 0 || tail.starts_with(char::is_alphanumeric) {
        return None;
    }
    Some(text.len() - tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_exist_in_the_calendar() {
        assert_eq!(
            find_date("adopted on 7 December 2023.").as_deref(),
            Some("2023-12-07")
        );
        assert_eq!(
            find_date("on 29 FEBRUARY 2024").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(find_date("on 31 February 2023"), None);
        assert_eq!(find_date("on 29 February 2023"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(find_date("on 7 December 2023"), Some("2023-12-07".into()));
        assert_eq!(
            find_date("meeting, on \n5 October 2009"),
            Some("2009-10-05".into())
        );
        assert_eq!(find_date("no date here 2023"), None);
        assert_eq!(find_date("32 May 2023"), None);
    }

    #[test]
    fn meetings() {
        assert_eq!(meeting_len("45th plenary meeting"), Some(20));
        assert_eq!(
            meeting_len("50th (resumed) plenary meeting 22 December 2023"),
            Some(30)
        );
        assert_eq!(meeting_len("39th meeting"), Some(12));
        assert_eq!(meeting_len("54th resumed plenary meeting"), Some(28));
        assert_eq!(meeting_len("2043rd plenary meeting,"), Some(22));
        assert_eq!(meeting_len("45th plenary meetings of"), None);
        assert_eq!(meeting_len("th meeting"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("Seventy-eighth"), Some(78));
        assert_eq!(ordinal("Eightieth"), Some(80));
        assert_eq!(ordinal("Thirty-ninth"), Some(39));
        assert_eq!(ordinal("first"), Some(1));
        assert_eq!(ordinal("Seventy-"), None);
    }

    #[test]
    fn session_headings_read_back() {
        for s in ["1", "19", "20", "78", "80", "99", "S-27", "ES-10", "2024"] {
            assert_eq!(session(&session_heading(s)).as_deref(), Some(s), "{s}");
        }
        assert_eq!(session_heading("81"), "Eighty-first session");
        assert_eq!(session_heading("ES-10"), "Tenth emergency special session");
        assert_eq!(session_heading("resumed"), "Session resumed");
        assert_eq!(session_heading("120"), "Session 120");
    }

    #[test]
    fn sessions() {
        assert_eq!(session("Seventy-eighth session"), Some("78".into()));
        assert_eq!(
            session("Tenth emergency special session"),
            Some("ES-10".into())
        );
        assert_eq!(
            session("Twenty-seventh special session"),
            Some("S-27".into())
        );
        assert_eq!(session("2024 session"), Some("2024".into()));
        assert_eq!(session("the session"), None);
    }
}

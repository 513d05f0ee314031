//! Dates as UN texts write them ("7 December 2023") and as the model stores them
//! ("2023-12-07").

use crate::model::MONTHS;

/// The number of days of `month` (1 = January) in `year`, Gregorian leap years; `None` for
/// a month outside 1..=12. The one calendar of the workspace.
pub fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Whether `day` exists in `month` (1 = January) of `year`.
pub fn is_real_date(year: u32, month: u32, day: u32) -> bool {
    days_in_month(year, month).is_some_and(|days| (1..=days).contains(&day))
}

/// Whether `s` is a `YYYY-MM-DD` date that exists (no 31 February, 29 February only in a
/// leap year).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|v| v.parse::<u32>().ok());
    shaped
        && matches!(
            (number(0..4), number(5..7), number(8..10)),
            (Some(y), Some(m), Some(d)) if is_real_date(y, m, d)
        )
}

/// "7 December 2023" as "2023-12-07"; `None` unless it is a valid date written that way.
pub fn iso_date(written: &str) -> Option<String> {
    let mut words = written.split(' ');
    let (d, m, y) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || y.len() != 4 || d.len() > 2 {
        return None;
    }
    let day: u32 = d.parse().ok()?;
    let year: u32 = y.parse().ok()?;
    let month = MONTHS.iter().position(|name| *name == m)? + 1;
    is_real_date(year, month as u32, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// "2023-12-07" as "7 December 2023" (no ordinal, no comma); `None` unless `iso` is a
/// `YYYY-MM-DD` date that exists.
pub fn written_date(iso: &str) -> Option<String> {
    if !is_iso_date(iso) {
        return None;
    }
    let month: usize = iso[5..7].parse().ok()?;
    let name = MONTHS.get(month.checked_sub(1)?)?;
    let day: u32 = iso[8..10].parse().ok()?;
    Some(format!("{day} {name} {}", &iso[..4]))
}

/// [`written_date`] where it applies, else the text as it is (a date the source wrote in
/// some other way).
pub fn display_date(date: &str) -> String {
    written_date(date).unwrap_or_else(|| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_go_both_ways() {
        assert_eq!(
            written_date("2006-12-20").as_deref(),
            Some("20 December 2006")
        );
        assert_eq!(written_date("2023-03-07").as_deref(), Some("7 March 2023"));
        assert_eq!(iso_date("7 March 2023").as_deref(), Some("2023-03-07"));
        assert_eq!(iso_date("7 Mars 2023"), None);
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        assert!(!is_iso_date("2023-02-31"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("2023-04-31"));
        assert_eq!(iso_date("31 February 2023"), None);
        assert_eq!(iso_date("30 April 2023").as_deref(), Some("2023-04-30"));
        assert_eq!(written_date("2023-06-31"), None);
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "2006-13-20",
            "2006-00-20",
            "2006-12-32",
            "garbage",
            "2006-1-2",
            "",
        ] {
            assert_eq!(written_date(bad), None, "{bad}");
        }
        assert!(is_iso_date("2006-12-20"));
        assert!(!is_iso_date("2006/12/20"));
        assert!(!is_iso_date("2023-13-07"));
        assert!(!is_iso_date("2023-12-00"));
        assert_eq!(display_date("2023-13-07"), "2023-13-07");
        assert_eq!(display_date("2023-12-07"), "7 December 2023");
    }
}

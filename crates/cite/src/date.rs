//! Adoption dates written after a citation: "of 20 December 2006".

use resolute_draft::Span;

use crate::model::{Date, Dated};
use crate::scan::{at, plausible_year, skip_ws, skip_ws1, uint, word, word_end};

use resolute_draft::MONTHS;

impl Date {
    /// A date, if `day` exists in that month of that year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        resolute_draft::dates::is_real_date(year.into(), month.into(), day.into()).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Reads an ISO date "2006-12-20".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

/// Reads "20 December 2006" at `pos`; returns the date and its end.
pub(crate) fn day_month_year(b: &[u8], pos: usize) -> Option<(Date, usize)> {
    let (day, end) = uint(b, pos)?;
    let pos = skip_ws1(b, end)?;
    let month_end = word_end(b, pos);
    let name = b.get(pos..month_end)?;
    let month = MONTHS.iter().position(|m| m.as_bytes() == name)?;
    let pos = skip_ws1(b, month_end)?;
    let (year, end) = year(b, pos)?;
    let date = Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month + 1).ok()?,
        u8::try_from(day).ok()?,
    )?;
    (!at(b, end).is_ascii_alphabetic()).then_some((date, end))
}

/// A four-digit year. In text extracted from PDFs a footnote mark is glued to the year
/// ("20 December 20063" is 2006 and footnote 3, `resolute_draft::marks::year_with_mark`):
/// then the year is the first four digits.
fn year(b: &[u8], pos: usize) -> Option<(u32, usize)> {
    let digits = b
        .get(pos..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let run = std::str::from_utf8(b.get(pos..pos + digits)?).ok()?;
    let text = match run.len() {
        4 => run,
        _ => resolute_draft::marks::year_with_mark(run)?.0,
    };
    let year: u32 = text.parse().ok()?;
    plausible_year(year).then_some((year, pos + 4))
}

/// Reads " of 20 December 2006" (or ", of 20 December 2006", which closes a list) after a
/// citation ending at `pos`.
pub(crate) fn of_date(b: &[u8], pos: usize) -> Option<Dated> {
    let mut p = skip_ws(b, pos);
    if at(b, p) == b',' {
        p = skip_ws(b, p + 1);
    }
    let p = skip_ws1(b, word(b, p, "of")?)?;
    let (date, end) = day_month_year(b, p)?;
    Some(Dated {
        date,
        span: Span::new(p, end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_of_dates() {
        let t = "61/208 of 20\u{a0}December\n2006 on";
        let d = of_date(t.as_bytes(), 6).unwrap();
        assert_eq!(d.date.to_string(), "2006-12-20");
        assert_eq!(&t[d.span.range()], "20\u{a0}December\n2006");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(of_date(b" of 31 November 2006", 0).is_none());
        assert!(of_date(b" of 29 February 2005", 0).is_none());
        assert!(of_date(b" of 29 February 2004", 0).is_some());
        assert!(of_date(b" of 20 Decembre 2006", 0).is_none());
        assert!(of_date(b" of 1 August 20", 0).is_none());
        assert!(of_date(b" of 1 August 1820", 0).is_none());
        let t = b" of 1 April 20223 and";
        let d = of_date(t, 0).unwrap();
        assert_eq!(
            (d.date.to_string().as_str(), d.span.end),
            ("2022-04-01", 16)
        );
    }

    #[test]
    fn iso_round_trip() {
        let d = Date::parse_iso("2006-12-20").unwrap();
        assert_eq!(d.to_string(), "2006-12-20");
        assert!(Date::parse_iso("2006-13-01").is_none());
    }
}

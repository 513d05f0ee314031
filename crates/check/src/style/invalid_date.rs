//! `style/date-invalid`: dates a reader cannot take as written.
//!
//! - A misspelt month between a day and a year: "25 Setpember 2015", "17 Decembers 2018",
//!   "25 Sepxyztember 2015". The word must be capitalised, stand between a day number and a
//!   four-digit year, and be nearer to one month name than to any other (see [`closeness`]); the fix is
//!   that month. Without those three cues a capitalised word after a number is far more often
//!   something else ("18 Resolution 1514", "15 Agenda 2063").
//! - A date that does not exist: "31 June 2015", "29 February 2023". No fix is offered: the
//!   day and the month are both suspects, and only the drafter knows the date meant.
//!
//! [`super::check_style`] runs it over the clauses, the closing line, annexes and footnotes.
//! Both are errors: UN editors would correct either, and on the adopted corpus texts the rule
//! finds only real typos and scanning defects (tests/corpus.rs,
//! tests/adopted-text-findings.tsv).

use resolute_draft::{Span, MONTHS};

use super::dates::year;
use super::Word;
use crate::diagnostic::{Diagnostic, Severity};

const RULE: &str = "style/date-invalid";

/// The longest run of stray letters typed inside a month name that is still read as that
/// month ("Sep" + "xyz" + "tember").
const MAX_INSERTED: usize = 4;

/// What a capitalised word between a day and a year names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Month {
    /// A month name as it is (any letter case): index into [`MONTHS`].
    Exact(usize),
    /// A misspelling of exactly one month: index into [`MONTHS`].
    Misspelt(usize),
}

/// `style/date-invalid` over the words of one paragraph that starts at `base` in the source.
pub(super) fn invalid_dates(w: &[Word<'_>], base: usize, out: &mut Vec<Diagnostic>) {
    for triple in w.windows(3) {
        let [d, m, y] = triple else { continue };
        if let Some(found) = invalid_date(d, m, y, base) {
            out.push(found);
        }
    }
}

/// The finding for "day month year" in three consecutive words, if the month is misspelt or
/// the date does not exist.
fn invalid_date(d: &Word<'_>, m: &Word<'_>, y: &Word<'_>, base: usize) -> Option<Diagnostic> {
    let day = day_number(d.text)?;
    let (year_text, _) = year(y.text)?;
    let year_number: u32 = year_text.parse().ok()?;
    let name = m.text.trim_end_matches(',');
    match read_month(name)? {
        Month::Misspelt(k) => {
            let right = month_like(MONTHS.get(k)?, name);
            let span = Span::new(base + m.start, base + m.start + name.len());
            let message = format!("\"{name}\" is not a month: did you mean \"{right}\"?");
            Some(Diagnostic::new(RULE, Severity::Error, span, message).with_fix(right))
        }
        Month::Exact(k) => {
            let days = resolute_draft::dates::days_in_month(year_number, k as u32 + 1)?;
            if day <= days {
                return None;
            }
            let span = Span::new(base + d.start, base + y.start + year_text.len());
            let message = format!(
                "{day} {name} {year_text} does not exist: {name} {year_text} has {days} days"
            );
            Some(Diagnostic::new(RULE, Severity::Error, span, message))
        }
    }
}

/// "31" -> 31: one or two digits and nothing else, from 1 to 31.
fn day_number(word: &str) -> Option<u32> {
    let short = (1..=2).contains(&word.len());
    if !short || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = word.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// Reads a capitalised word of ASCII letters as a month, exact or misspelt. A misspelling is
/// read as the month it abbreviates, else as the month it is nearest to; a word as near to two months ("Jule": June or July)
/// is left alone: the checker would have to guess.
fn read_month(name: &str) -> Option<Month> {
    let capital = name.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let letters = name.bytes().all(|b| b.is_ascii_alphabetic());
    // Shorter words carry too little to tell a typo from another word; longer ones cannot
    // be within reach of the longest month ("September").
    let sized = (3..=9 + MAX_INSERTED).contains(&name.len());
    if !(capital && letters && sized) {
        return None;
    }
    if let Some(k) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name)) {
        return Some(Month::Exact(k));
    }
    let lower = name.to_ascii_lowercase();
    // An abbreviation ("Mar", "Sept") is read as the month it starts, not as the month it
    // is fewest edits from ("Mar" is one edit from "May").
    let mut starts = MONTHS
        .iter()
        .enumerate()
        .filter(|(_, m)| m.to_ascii_lowercase().starts_with(&lower));
    if let (Some((k, _)), None) = (starts.next(), starts.next()) {
        return Some(Month::Misspelt(k));
    }
    let mut near: Vec<(usize, usize)> = MONTHS
        .iter()
        .enumerate()
        .filter_map(|(k, m)| Some((closeness(&lower, &m.to_ascii_lowercase())?, k)))
        .collect();
    near.sort_unstable();
    match near.as_slice() {
        [(_, k)] => Some(Month::Misspelt(*k)),
        [(a, k), (b, _), ..] if a < b => Some(Month::Misspelt(*k)),
        _ => None,
    }
}

/// How many slips make lower-case `word` out of lower-case `month`, if it reads as a
/// mistyping of it: within one edit (a letter added, dropped, changed, or two neighbours
/// swapped) of a month of up to four letters, within two of a longer one, or a month of
/// five letters or more with one short run of letters typed inside it. Short months get one
/// edit only: two edits from "May" reach half the three-letter words of English.
fn closeness(word: &str, month: &str) -> Option<usize> {
    let limit = if month.len() <= 4 { 1 } else { 2 };
    let edits = distance(word.as_bytes(), month.as_bytes());
    if edits <= limit {
        return Some(edits);
    }
    // A run typed inside the word counts as one slip, however long.
    has_inserted_run(word, month).then_some(1)
}

/// "sepxyztember" is "sep" + "xyz" + "tember": the month with up to [`MAX_INSERTED`] letters
/// inside it (not before or after it, where they would make another word).
fn has_inserted_run(word: &str, month: &str) -> bool {
    let extra = word.len().saturating_sub(month.len());
    if month.len() < 5 || !(1..=MAX_INSERTED).contains(&extra) {
        return false;
    }
    (1..month.len()).any(|k| {
        let (head, tail) = month.split_at(k);
        word.starts_with(head) && word.ends_with(tail)
    })
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost one. The swap matters: "Jnue" is one slip, not two.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let mut before: Vec<usize> = (0..=b.len()).collect();
    let mut prev: Vec<usize> = before.clone();
    for (i, &ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let mut best = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(row[j] + 1);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca);
            if swapped {
                best = best.min(before[j - 1] + 1);
            }
            row[j + 1] = best;
        }
        before = std::mem::replace(&mut prev, row);
    }
    prev[b.len()]
}

/// The month written as the drafter wrote the word: "DECEMBER" for "DECMBER".
fn month_like(month: &str, word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_uppercase()) {
        month.to_ascii_uppercase()
    } else {
        month.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::tests::check;

    /// (rule, flagged text, fix or "") of the `style/date-invalid` findings in an English text.
    fn invalid(text: &str) -> Vec<(String, String)> {
        check(text, None)
            .into_iter()
            .filter(|x| x.0 == RULE)
            .map(|(_, at, fix)| (at, fix))
            .collect()
    }

    fn one(at: &str, fix: &str) -> Vec<(String, String)> {
        vec![(at.to_string(), fix.to_string())]
    }

    #[test]
    fn misspelt_months_are_fixed_to_the_nearest_month() {
        assert_eq!(
            invalid("Recalling its resolution 70/1 of 25 Sepxyztember 2015, entitled"),
            one("Sepxyztember", "September")
        );
        assert_eq!(
            invalid("Recalling its resolution 70/1 of 25 Setpember 2015,"),
            one("Setpember", "September")
        );
        assert_eq!(
            invalid("its resolution 61/208 of 20 Decmber 2006,"),
            one("Decmber", "December")
        );
        assert_eq!(
            invalid("the meeting held on 14 Jnue 2019;"),
            one("Jnue", "June")
        );
        // A/RES/76/138 as adopted.
        assert_eq!(
            invalid("73/143 of 17 Decembers 2018, 74/125 of 18 December 2019"),
            one("Decembers", "December")
        );
        assert_eq!(invalid("ON 5 DECMBER 2006,"), one("DECMBER", "DECEMBER"));
        // Nearer to September (one edit) than to December (two).
        assert_eq!(invalid("on 9 Setember 2019,"), one("Setember", "September"));
    }

    #[test]
    fn abbreviated_months_are_written_in_full() {
        // "Mar" is one edit from "May" but abbreviates "March".
        assert_eq!(invalid("on 4 Mar 2015, the"), one("Mar", "March"));
        assert_eq!(invalid("on 23 Sept 2024 at"), one("Sept", "September"));
        assert_eq!(invalid("on 1 Jun 2024 at"), one("Jun", "June"));
    }

    #[test]
    fn every_one_slip_misspelling_of_every_month_is_read_back() {
        for (k, month) in MONTHS.iter().enumerate() {
            let mut slips = Vec::new();
            for i in 1..month.len() {
                let mut dropped = month.to_string();
                dropped.remove(i);
                slips.push(dropped);
                let mut typed = month.to_string();
                typed.insert(i, 'x');
                slips.push(typed);
            }
            for i in 1..month.len() - 1 {
                let mut b = month.as_bytes().to_vec();
                b.swap(i, i + 1);
                slips.push(String::from_utf8(b).unwrap_or_default());
            }
            for slip in slips
                .iter()
                .filter(|s| s.len() >= 3 && s.as_str() != *month)
            {
                assert_eq!(read_month(slip), Some(Month::Misspelt(k)), "{slip}");
            }
        }
    }

    #[test]
    fn words_near_two_months_or_none_are_left_alone() {
        // "Jule" is one edit from June and from July.
        assert!(invalid("on 4 Jule 2015, the").is_empty());
        for text in [
            "and 193 Member States in 2015",
            "the African Union's Agenda 2063 of 15 Agenda 2063",
            "General Assembly 18 Resolution 1514 (XV)",
            "20 See 2012 for details",
            "on 25 setpember 2015, in lower case",
            "on 5 Decmber, when no year follows",
            "from 22-23 Sept 2024 at Headquarters",
            "on 28 Ju(y 2000 in a damaged scan",
        ] {
            assert!(invalid(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_errors_without_a_fix() {
        // S/RES/2083 (2012), paragraph 30 (a), as adopted.
        assert_eq!(
            invalid("one by 31 June 2013, and the second by 31 December 2013, on"),
            one("31 June 2013", "")
        );
        assert_eq!(invalid("on 30 February 2020;"), one("30 February 2020", ""));
        assert_eq!(invalid("on 29 February 2023;"), one("29 February 2023", ""));
        assert_eq!(invalid("on 29 February 1900."), one("29 February 1900", ""));
        for real in ["29 February 2024", "29 February 2000", "31 December 2013"] {
            assert!(invalid(real).is_empty(), "{real}");
        }
    }

    #[test]
    fn the_finding_is_an_error_with_a_readable_message() {
        let text = "of 31 April 2015,";
        let found = invalid_dates_of(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            found[0].message,
            "31 April 2015 does not exist: April 2015 has 30 days"
        );
        let found = invalid_dates_of("of 25 Setpember 2015,");
        assert_eq!(
            found[0].message,
            "\"Setpember\" is not a month: did you mean \"September\"?"
        );
    }

    fn invalid_dates_of(text: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        invalid_dates(&super::super::words(text), 0, &mut out);
        out
    }

    #[test]
    fn french_and_spanish_drafts_are_skipped() {
        assert!(check("du 25 Setpember 2015 et du 31 June 2015", Some("fr"))
            .iter()
            .all(|x| x.0 != RULE));
        assert!(check("de 25 Setpember 2015", Some("es"))
            .iter()
            .all(|x| x.0 != RULE));
        assert_eq!(
            check("of 25 Setpember 2015", Some("en")).len(),
            1,
            "English drafts are checked"
        );
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance(b"jnue", b"june"), 1);
        assert_eq!(distance(b"decmber", b"december"), 1);
        assert_eq!(distance(b"member", b"december"), 3);
        assert_eq!(distance(b"", b"may"), 3);
        assert_eq!(distance(b"may", b""), 3);
    }

    #[test]
    fn odd_words_do_not_panic() {
        for text in [
            "",
            "1",
            "1 É 2000",
            "31 Ωμέγα 2015",
            "31 J 2015",
            "0 June 2015",
        ] {
            let _ = invalid(text);
        }
        assert!(invalid("0 June 2015 and 32 June 2015").is_empty());
    }
}

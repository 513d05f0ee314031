//! House-style rules of the UN Editorial Manual that can be read off the text itself.
//!
//! - `style/date`: dates as "20 December 2006" — no ordinal suffix, no comma, day first.
//! - `style/date-invalid` (error): a day and a year around a misspelt month ("25 Setpember
//!   2015", fixed to the month it abbreviates or is nearest to) or a date that does not
//!   exist ("31 June 2015", "29 February 2023"; no fix: only the drafter knows the date
//!   meant). Checked in the clauses and in the closing line, annexes and footnotes. English
//!   drafts only: the crate knows the English month names alone, and French or Spanish names
//!   ("juin", "Mars") would read as misspelt English ones.
//! - `style/session`: sessions spelled out: "sixty-third session", not "63rd session".
//! - `style/symbol-in-text`: resolutions cited by number in running text ("resolution
//!   61/171"), not by document symbol ("resolution A/RES/61/171").
//! - `style/footnote-position`: in English the footnote mark comes after punctuation
//!   (`2006,[^1]`); in French and Spanish before it.

mod dates;
mod invalid_date;

use resolute_draft::{Draft, Span};

use crate::diagnostic::{Diagnostic, Severity};

/// Runs the style rules over every paragraph of the draft (subparagraphs included).
pub fn check_style(src: &str, draft: &Draft) -> Vec<Diagnostic> {
    let english = draft
        .meta
        .language
        .as_deref()
        .is_none_or(|l| l.starts_with("en"));
    let mut out = Vec::new();
    for p in draft.paragraphs() {
        let Some(text) = src.get(p.span.range()) else {
            continue;
        };
        let base = p.span.start;
        let w = words(text);
        dates::misformatted_dates(&w, base, &mut out);
        if english {
            invalid_date::invalid_dates(&w, base, &mut out);
        }
        sessions(text, base, &mut out);
        symbols_in_text(text, base, &mut out);
        footnote_position(text, base, english, &mut out);
    }
    if english {
        invalid_dates_outside_paragraphs(src, draft, &mut out);
    }
    out
}

/// `style/date-invalid` also covers the closing line, annexes and footnotes: a date is typed
/// there as often as in the clauses ("45th plenary meeting, 14 Decmber 2020"). The other
/// style rules stay with the clauses, whose conventions they encode.
fn invalid_dates_outside_paragraphs(src: &str, draft: &Draft, out: &mut Vec<Diagnostic>) {
    let closing = draft.closing.iter().map(|c| c.span);
    let annexes = draft.annexes.iter().map(|a| a.span);
    let footnotes = draft.footnotes.iter().map(|f| f.span);
    let mut found = Vec::new();
    for span in closing.chain(annexes).chain(footnotes) {
        if let Some(text) = src.get(span.range()) {
            invalid_date::invalid_dates(&words(text), span.start, &mut found);
        }
    }
    // A footnote or closing read from inside a paragraph's span must not be reported twice.
    found.retain(|d| !out.iter().any(|o| o.rule == d.rule && o.span == d.span));
    found.dedup_by(|a, b| a.span == b.span);
    out.extend(found);
}

/// A word of the text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    /// The word as written, trailing punctuation included.
    text: &'a str,
    /// Byte offset of its first character in the paragraph.
    start: usize,
    /// Byte offset just past its last character.
    end: usize,
}

/// Splits on whitespace (no-break spaces included), keeping byte offsets.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// 63 -> "sixty-third"; None outside 1..=99.
pub fn ordinal_words(n: u32) -> Option<String> {
    resolute_draft::numerals::ordinal_words(n)
}

fn sessions(text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let w = words(text);
    for (i, word) in w.iter().enumerate() {
        let Some(n) = ordinal_day_any(word.text) else {
            continue;
        };
        let next = w.get(i + 1).map(|x| x.text);
        let regular = next == Some("regular") && w.get(i + 2).is_some_and(|x| is_session(x.text));
        if !(next.is_some_and(is_session) || regular) {
            continue;
        }
        let Some(spelled) = ordinal_words(n) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                "style/session",
                Severity::Warning,
                Span::new(base + word.start, base + word.end),
                format!("spell out the session: \"{spelled} session\""),
            )
            .with_fix(spelled),
        );
    }
}

fn is_session(word: &str) -> bool {
    word.trim_end_matches([',', ';', '.', ':']) == "session"
}

/// "63rd" -> 63 for any ordinal number written in figures.
fn ordinal_day_any(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &word[digits.len()..];
    if digits.is_empty() || !["st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    digits.parse().ok()
}

fn symbols_in_text(text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let w = words(text);
    for pair in w.windows(2) {
        let cue = pair[0].text.to_ascii_lowercase();
        if !matches!(cue.as_str(), "resolution" | "resolutions") {
            continue;
        }
        let symbol = pair[1].text.trim_end_matches([',', ';', '.', ':']);
        let Some(number) = resolute_draft::Body::ALL
            .iter()
            .find_map(|body| symbol.strip_prefix(body.resolution_prefix()))
            .filter(|n| n.starts_with(|c: char| c.is_ascii_alphanumeric()))
        else {
            continue;
        };
        let start = base + pair[1].start;
        out.push(
            Diagnostic::new(
                "style/symbol-in-text",
                Severity::Warning,
                Span::new(start, start + symbol.len()),
                format!("in running text cite the resolution by number: \"{number}\""),
            )
            .with_fix(number),
        );
    }
}

fn footnote_position(text: &str, base: usize, english: bool, out: &mut Vec<Diagnostic>) {
    let mut from = 0;
    while let Some(found) = text[from..].find("[^") {
        let open = from + found;
        let Some(close) = text[open..].find(']').map(|c| open + c + 1) else {
            break;
        };
        from = close;
        let mark = &text[open..close];
        let (before, after) = (
            text[..open].chars().next_back(),
            text[close..].chars().next(),
        );
        let punct = |c: Option<char>| c.filter(|c| matches!(c, ',' | ';' | '.' | ':'));
        let (span, fixed, message) = match (english, punct(before), punct(after)) {
            (true, _, Some(p)) => (
                (open, close + 1),
                format!("{p}{mark}"),
                "in English the footnote mark goes after the punctuation",
            ),
            (false, Some(p), _) => (
                (open - 1, close),
                format!("{mark}{p}"),
                "in French and Spanish the footnote mark goes before the punctuation",
            ),
            _ => continue,
        };
        out.push(
            Diagnostic::new(
                "style/footnote-position",
                Severity::Warning,
                Span::new(base + span.0, base + span.1),
                message.into(),
            )
            .with_fix(fixed),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::{Annex, Closing, Footnote, Kind, Paragraph};

    pub(super) fn check(text: &str, language: Option<&str>) -> Vec<(&'static str, String, String)> {
        let p = Paragraph::plain(Kind::Preambular, None, text, Span::new(0, text.len()));
        let mut d = Draft {
            preamble: vec![p],
            ..Draft::default()
        };
        d.meta.language = language.map(str::to_string);
        check_style(text, &d)
            .into_iter()
            .map(|x| {
                (
                    x.rule,
                    text[x.span.range()].to_string(),
                    x.fix.map_or(String::new(), |f| f.replacement),
                )
            })
            .collect()
    }

    pub(super) fn fixes(text: &str) -> Vec<(String, String)> {
        check(text, None)
            .into_iter()
            .map(|(_, a, b)| (a, b))
            .collect()
    }

    #[test]
    fn sessions_in_figures_are_spelled_out() {
        assert_eq!(
            fixes("at its 63rd session a report"),
            [("63rd".into(), "sixty-third".into())]
        );
        assert_eq!(
            fixes("its 80th regular session,"),
            [("80th".into(), "eightieth".into())]
        );
        assert!(fixes("at its sixty-third session and the 45th plenary meeting").is_empty());
    }

    #[test]
    fn ordinal_words_cover_the_session_range() {
        assert_eq!(ordinal_words(1).as_deref(), Some("first"));
        assert_eq!(ordinal_words(12).as_deref(), Some("twelfth"));
        assert_eq!(ordinal_words(40).as_deref(), Some("fortieth"));
        assert_eq!(ordinal_words(81).as_deref(), Some("eighty-first"));
        assert_eq!(ordinal_words(0), None);
        assert_eq!(ordinal_words(100), None);
    }

    #[test]
    fn symbols_after_resolution_are_replaced_by_numbers() {
        assert_eq!(
            fixes("Recalling its resolution A/RES/61/171, and"),
            [("A/RES/61/171".into(), "61/171".into())]
        );
        assert_eq!(
            fixes("Security Council resolution S/RES/1325 (2000)"),
            [("S/RES/1325".into(), "1325".into())]
        );
        assert!(fixes("the report of the Secretary-General (A/78/100),").is_empty());
    }

    #[test]
    fn footnote_marks_follow_punctuation_in_english_and_precede_it_in_french() {
        assert_eq!(
            fixes("of 20 December 2006[^1], and"),
            [("[^1],".into(), ",[^1]".into())]
        );
        assert!(fixes("of 20 December 2006,[^1] and").is_empty());
        let fr = check("du 20 décembre 2006,[^1] et", Some("fr"));
        assert_eq!(fr[0].1, ",[^1]");
        assert_eq!(fr[0].2, "[^1],");
    }

    #[test]
    fn invalid_dates_are_found_in_the_closing_annexes_and_footnotes() {
        let src = "Recalling its resolution 70/1,[^1]\n\n45th plenary meeting\n14 Decmber 2020\n\n\
                   Annex\n\nThe Conference met from 29 June to 31 June 2021.\n\n\
                   [^1]: Adopted on 25 Setpember 2015.\n";
        let span_of = |needle: &str, upto: &str| {
            let start = src.find(needle).unwrap_or(0);
            Span::new(start, src.find(upto).map_or(src.len(), |e| e + upto.len()))
        };
        let para = span_of("Recalling", "70/1,[^1]");
        let draft = Draft {
            preamble: vec![Paragraph::plain(Kind::Preambular, None, "", para)],
            closing: Some(Closing {
                meeting: "45th plenary meeting".into(),
                date: None,
                span: span_of("45th", "2020"),
            }),
            annexes: vec![Annex {
                heading: "Annex".into(),
                text: String::new(),
                markdown: String::new(),
                span: span_of("Annex", "2021."),
            }],
            footnotes: vec![Footnote {
                label: "1".into(),
                text: String::new(),
                markdown: String::new(),
                span: span_of("[^1]: ", "2015."),
            }],
            ..Draft::default()
        };
        let found: Vec<_> = check_style(src, &draft)
            .into_iter()
            .map(|d| (d.rule, &src[d.span.range()]))
            .collect();
        assert_eq!(
            found,
            [
                ("style/date-invalid", "Decmber"),
                ("style/date-invalid", "31 June 2021"),
                ("style/date-invalid", "Setpember"),
            ]
        );
    }

    #[test]
    fn a_date_inside_a_paragraph_and_a_footnote_span_is_reported_once() {
        let src = "Noting the meeting of 31 April 2015,";
        let span = Span::new(0, src.len());
        let draft = Draft {
            preamble: vec![Paragraph::plain(Kind::Preambular, None, src, span)],
            footnotes: vec![Footnote {
                label: "1".into(),
                text: String::new(),
                markdown: String::new(),
                span,
            }],
            ..Draft::default()
        };
        assert_eq!(check_style(src, &draft).len(), 1);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "",
            "[^",
            "[^1",
            "1st",
            "December",
            "resolution",
            "é[^1]é,",
            "31st of",
        ] {
            let _ = check(t, None);
        }
    }
}

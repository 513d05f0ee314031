//! Footnotes of a PDF extraction: the texts under the rule at the foot of a page, and the
//! marks ("2023,1", "Declaration 2 of") that refer to them from the body text of that page.

use super::lines::{is_digits, Line};
use super::Piece;
// Month names: a number before one is a date ("4 December"), never a footnote mark.
use crate::marks::{self, is_year};
use crate::model::{Footnote, Span, MONTHS};

/// Words after which a number is part of the sentence ("resolution 2", "from 6 to"), never a
/// footnote mark.
const NUMBER_WORDS: &[&str] = &[
    "from",
    "to",
    "and",
    "or",
    "of",
    "by",
    "at",
    "on",
    "in",
    "than",
    "until",
    "between",
    "per",
    "para",
    "paras",
    "paragraph",
    "paragraphs",
    "decision",
    "decisions",
    "article",
    "articles",
    "annex",
    "chapter",
    "chapters",
    "section",
    "sections",
    "no",
    "nos",
    "vol",
    "item",
    "items",
    "goal",
    "goals",
    "target",
    "targets",
    "principle",
    "principles",
    "rule",
    "rules",
    "page",
    "pages",
    "table",
    "figure",
    "level",
    "levels",
    "part",
    "parts",
    "phase",
    "step",
    "grade",
    "category",
    "class",
    "option",
    "annexes",
    "appendix",
    "the",
    "with",
    "about",
    "over",
    "under",
    "some",
    "all",
    "first",
    "last",
    "only",
    "for",
    "covid",
    "class",
    "group",
    "tier",
    "stage",
    "line",
    "lines",
    "years",
    "year",
    "day",
    "days",
];

/// Reads the footnote area of one page (the lines after the rule). A line that starts with a
/// label ("1  Official Records ...", "* Reissued ...") opens a footnote; other lines continue the
/// previous one, which may have begun on an earlier page.
pub(crate) fn read_area(lines: &[Line<'_>], notes: &mut Vec<Footnote>) -> Vec<String> {
    let mut labels = Vec::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let (start, end) = line.trimmed_bounds();
        let text = line.trimmed();
        // "26 August–4 September 2002 ..." after a note cut at a line end is the date that
        // note goes on with, not a note 26.
        let note =
            split_label(text).filter(|(_, rest)| notes.is_empty() || !starts_with_month(rest));
        if let Some((label, rest)) = note {
            labels.push(label.to_string());
            let span = Span::new(start, end);
            let (label, text) = (label.to_string(), collapse(rest));
            notes.push(Footnote {
                label,
                text,
                markdown: String::new(),
                span,
            });
        } else if let Some(last) = notes.last_mut() {
            append_line(&mut last.text, text);
            last.span.end = end;
        }
    }
    labels
}

/// Splits "12  Text" into ("12", "Text"); also "* Text" and "** Text".
fn split_label(text: &str) -> Option<(&str, &str)> {
    let end = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let (label, rest) = text.split_at(end);
    let numeric = marks::is_label(label);
    let starred = !label.is_empty() && label.chars().all(|c| c == '*');
    let rest = rest.trim();
    ((numeric || starred) && !rest.is_empty()).then_some((label, rest))
}

/// Appends a line to running text, keeping a line-end hyphen ("Non-Self-" + "Governing").
pub(crate) fn append_line(acc: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let glue = acc
        .strip_suffix('-')
        .and_then(|head| head.chars().last())
        .is_some_and(char::is_alphabetic);
    if !acc.is_empty() && !glue {
        acc.push(' ');
    }
    for word in line.split_whitespace().enumerate() {
        if word.0 > 0 {
            acc.push(' ');
        }
        acc.push_str(word.1);
    }
}

/// Collapses every run of whitespace to one space and trims; drops invisible format
/// characters (left-to-right marks, zero-width spaces, soft hyphens) that extraction leaves.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.contains(is_invisible) {
        let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
        append_line(&mut out, &visible);
    } else {
        append_line(&mut out, text);
    }
    out
}

/// Zero-width and direction marks, the byte order mark and soft hyphens: no visible text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{ad}' | '\u{2060}'
    )
}

/// Removes from the pieces of one page the marks of the footnotes printed on it, in order,
/// recording each removed mark (its offset in the piece's text and its label).
///
/// `previous` is the number of the last numbered note of the earlier pages. Marks run 1, 2,
/// 3 … through a document, so a note whose number follows the one before it tells which mark
/// comes next; such a mark printed against a citation number with no space ("71/20518" for
/// resolution 71/205 and mark 18) is split off it (see [`glued_to_citation`]).
pub(crate) fn strip_marks(pieces: &mut [Piece], labels: &[String], previous: Option<u32>) {
    let numeric: Vec<&str> = labels
        .iter()
        .map(String::as_str)
        .filter(|l| l.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let (mut from, mut last) = ((0usize, 0usize), previous);
    for (k, label) in numeric.iter().enumerate() {
        let value = label.parse::<u32>().ok();
        let expected = value.is_some() && value == Some(last.map_or(1, |p| p + 1));
        let glued = expected
            .then(|| glued_to_citation(pieces, label, numeric.get(k + 1).copied(), from))
            .flatten();
        if let Some(found) = glued.or_else(|| find_mark(pieces, label, from)) {
            from = remove_mark(pieces, found, label);
        }
        last = value;
    }
}

/// As [`strip_marks`], but only marks attached to their word or punctuation ("2023,1"):
/// for a clean text, where the notes may be listed at the end of the whole document and a
/// spaced number far from them is much more likely a count than a mark.
pub(crate) fn strip_attached_marks(pieces: &mut [Piece], labels: &[String]) {
    strip_with(pieces, labels, |p, l, from| next_mark(p, l, from, true));
}

fn strip_with(
    pieces: &mut [Piece],
    labels: &[String],
    find: impl Fn(&[Piece], &str, (usize, usize)) -> Option<Found>,
) {
    let mut from = (0usize, 0usize);
    for label in labels
        .iter()
        .filter(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        if let Some(found) = find(pieces, label, from) {
            from = remove_mark(pieces, found, label);
        }
    }
}

/// Where a mark was found: piece index, byte range of its digits.
type Found = (usize, usize, usize);

/// The mark for `label` after `from`: the first candidate, unless it stands apart ("States,
/// 5 from") and a candidate attached to its word ("2024;5") follows on the page — PDF
/// extraction keeps most marks attached, while spaced numbers are often counts.
fn find_mark(pieces: &[Piece], label: &str, from: (usize, usize)) -> Option<Found> {
    let first = next_mark(pieces, label, from, false)?;
    if is_attached(pieces, first) {
        return Some(first);
    }
    next_mark(pieces, label, from, true).or(Some(first))
}

fn next_mark(pieces: &[Piece], label: &str, from: (usize, usize), attached: bool) -> Option<Found> {
    for (i, piece) in pieces.iter().enumerate().skip(from.0) {
        let mut start = if i == from.0 { from.1 } else { 0 };
        while let Some((s, e)) = mark_in(&piece.text, label, start) {
            if !attached || is_attached(pieces, (i, s, e)) {
                return Some((i, s, e));
            }
            start = e;
        }
    }
    None
}

/// The mark `label`, the next expected one, printed against a citation number without a
/// space: "resolution S-35/16" for S-35/1 and mark 6, "71/20518" for 71/205 and mark 18.
///
/// A digit run counts when all of these hold:
/// - it is the number of a resolution or decision citation `<session>/<number>` (a session
///   of one to four digits, also "S-35" or "ES-10", after nothing or after "RES/"; not a
///   document symbol "A/78/111", not a period "2025/26"), and without the mark's digits the
///   number is still well formed (one to three digits, not starting with 0);
/// - it ends cleanly (space, closing punctuation, end of line) and the citation does not go
///   on with a part letter ("55/33 D"): a mark follows the whole reference;
/// - a number that stays a well-formed citation with the mark's digits ("61/29") is not
///   followed by its date ("61/29 of 4 December 2006"): such marks mostly follow the date;
/// - it stands before the next mark of the page (`next`, when that one is found): the marks
///   of a page are in order;
/// - no mark for `label` attached to a word or punctuation ("2023,9") comes before that
///   next mark: the attached mark is the surer reading. A number that stays a well-formed
///   citation with the mark's digits ("S-35/16") is taken only when no other candidate at
///   all (also a spaced one, "period 6") stands there; a number too long for a resolution
///   number (more than three digits: "59/3009") is taken before a spaced candidate.
fn glued_to_citation(
    pieces: &[Piece],
    label: &str,
    next: Option<&str>,
    from: (usize, usize),
) -> Option<Found> {
    let end = next
        .and_then(|n| find_mark(pieces, n, from))
        .map_or((pieces.len(), 0), |(i, s, _)| (i, s));
    let before_end = |m: Option<Found>| m.is_some_and(|(i, s, _)| (i, s) < end);
    if before_end(next_mark(pieces, label, from, true)) {
        return None;
    }
    let spaced = before_end(next_mark(pieces, label, from, false));
    for (i, piece) in pieces.iter().enumerate().skip(from.0) {
        let mut at = if i == from.0 { from.1 } else { 0 };
        while let Some((start, stop)) = citation_number(&piece.text, at) {
            at = stop;
            if (i, start) >= end {
                return None;
            }
            let digits = &piece.text[start..stop];
            let Some(short) = digits.strip_suffix(label) else {
                continue;
            };
            let well_formed = is_digits(short, 1, 3) && !short.starts_with('0');
            let long = digits.len() > 3;
            let (part, date) = citation_goes_on(pieces, i, stop);
            if well_formed
                && (long || !spaced && !date)
                && !part
                && ends_cleanly(&piece.text[stop..])
            {
                return Some((i, stop - label.len(), stop));
            }
        }
    }
    None
}

/// The next citation number in `text` at or after byte `from`: the digits after
/// "<session>/" ("77/229", "S-35/1", "A/RES/71/205"), as a byte range.
fn citation_number(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(slash) = text.get(i..)?.find('/').map(|s| i + s) {
        i = slash + 1;
        let session = text[..slash]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        let head = &text[..slash - session];
        let opens = head.ends_with("S-")
            || head.ends_with("RES/")
            || !head
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || ".-/".contains(c));
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let number = &text[i..i + digits];
        if (1..=4).contains(&session)
            && opens
            && digits > 0
            && !is_period(&text[slash - session..slash], number)
        {
            return Some((i, i + digits));
        }
    }
    None
}

/// "2025/26", "2022/2023": a period of two years, not a citation.
fn is_period(first: &str, second: &str) -> bool {
    let (Ok(a), Ok(b)) = (first.parse::<u32>(), second.parse::<u32>()) else {
        return false;
    };
    first.len() == 4 && ((second.len() == 2 && b == (a + 1) % 100) || b == a + 1)
}

/// Whether the citation whose number ends at byte `end` of piece `i` goes on, on the same
/// line or the next, with a part letter ("55/33 D", "50/221 A-B"), and whether with its
/// date ("of 4 December 2006").
fn citation_goes_on(pieces: &[Piece], i: usize, end: usize) -> (bool, bool) {
    let line = pieces.get(i).and_then(|p| p.text.get(end..)).unwrap_or("");
    let next = pieces.get(i + 1).map_or("", |p| p.text.as_str());
    let rest = format!("{} {next}", line.trim_end());
    let rest = rest.trim_start();
    let first = rest
        .split(|c: char| c.is_whitespace() || ",;:".contains(c))
        .next()
        .unwrap_or("");
    let part = !first.is_empty()
        && first
            .split('-')
            .all(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
    let date = rest.strip_prefix("of ").is_some_and(|d| {
        let day = d.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&day) && starts_with_month(d[day..].trim_start())
    });
    (part, date)
}

/// Whether the mark follows its word or punctuation without a space.
fn is_attached(pieces: &[Piece], (i, s, _): Found) -> bool {
    let before = pieces.get(i).and_then(|p| p.text.get(..s)).unwrap_or("");
    before.chars().last().is_some_and(|c| !c.is_whitespace())
}

/// The first candidate mark equal to `label` in `text` at or after byte `from`.
fn mark_in(text: &str, label: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if text.get(i..end) == Some(label) && is_mark(text, i, end) {
            return Some((i, end));
        }
        // "2005" with mark "2" printed right after it reads "20052".
        let year_mark = text.get(i..end).and_then(marks::year_with_mark);
        if year_mark.is_some_and(|(_, m)| m == label) && ends_cleanly(text.get(end..).unwrap_or(""))
        {
            return Some((end - label.len(), end));
        }
        i = end;
    }
    None
}

/// Whether what follows digits lets them be a mark: a space, closing punctuation or the end.
fn ends_cleanly(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || ",;:)".contains(c))
}

/// Whether the digits at `start..end` read as a footnote mark: after a word or closing
/// punctuation, before a space, punctuation or the end, and not part of a number, a date or
/// a reference such as "resolution 2".
fn is_mark(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    if between_words(before, after) {
        // "Paris Agreement4and": the mark took the place of the space.
        return true;
    }
    if before_word(before, after) {
        // "all previous resolutions 3on the": the mark took the place of the space after it.
        return true;
    }
    if !ends_cleanly(after) || starts_with_month(after.trim_start()) {
        return false;
    }
    match before.chars().last() {
        None => true,
        Some(c) if c.is_whitespace() => after_word(before.trim_end()),
        // "resolution.3" but not "Add.1" or "3.1".
        Some('.') => {
            let word = before[..before.len() - 1]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            word.len() >= 3 && word.chars().all(|c| c.is_lowercase())
        }
        Some(c) => c.is_alphabetic() || ",;:”’\")]".contains(c),
    }
}

/// A mark squeezed between two lower-case words, without spaces.
fn between_words(before: &str, after: &str) -> bool {
    let prev = before.chars().last().is_some_and(char::is_lowercase);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    prev && word.len() >= 3 && after.starts_with(|c: char| c.is_lowercase())
}

/// A mark glued to the lower-case word after it, with a space before it ("resolutions 3on
/// the"): the word is two letters or more and not what follows a number as part of it (an
/// ordinal "3rd", a unit "5km", a time "10am").
fn before_word(before: &str, after: &str) -> bool {
    const AFTER_NUMBERS: [&str; 12] = [
        "st", "nd", "rd", "th", "am", "pm", "km", "kg", "mm", "cm", "ha", "bis",
    ];
    let word: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let spaced = before.ends_with(char::is_whitespace) && after_word(before.trim_end());
    spaced
        && word.chars().count() >= 2
        && word.chars().all(char::is_lowercase)
        && !AFTER_NUMBERS.contains(&word)
}

/// Whether spaced digits follow something a mark can follow (a word that does not take a
/// number, or closing punctuation).
fn after_word(before: &str) -> bool {
    let Some(c) = before.chars().last() else {
        return true;
    };
    if ",;:”’\")]".contains(c) {
        return true;
    }
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let tail = word
        .len()
        .checked_sub(4)
        .and_then(|i| word.get(i..))
        .unwrap_or(word);
    let whole_number =
        word.len() == 4 || !word[..word.len() - tail.len()].ends_with(|c: char| c.is_ascii_digit());
    if is_year(tail) && whole_number {
        // "9 March 1993 3 and": a mark after a date.
        return true;
    }
    if citation_number(word, 0).is_some_and(|(_, end)| end == word.len()) {
        // "resolutions 71/205 13 and": a mark after a citation.
        return true;
    }
    if !c.is_alphabetic() {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    !NUMBER_WORDS.contains(&lower.as_str()) && !MONTHS.contains(&word)
}

fn starts_with_month(s: &str) -> bool {
    MONTHS.iter().any(|m| s.starts_with(m)) || s.starts_with("per cent") || s.starts_with('%')
}

/// Removes the mark and the space before it when it stands between spaces; returns where the
/// search for the next mark resumes.
fn remove_mark(pieces: &mut [Piece], (i, start, end): Found, label: &str) -> (usize, usize) {
    let Some(piece) = pieces.get_mut(i) else {
        return (i, 0);
    };
    // "Declaration 2 of" loses " 2"; "2023,1 " loses "1".
    let cut = piece
        .text
        .get(..start)
        .map_or(start, |b| b.trim_end().len());
    let (head, tail) = (&piece.text[..start], &piece.text[end..]);
    let squeezed = between_words(head, tail) || before_word(head, tail);
    piece
        .text
        .replace_range(cut..end, if squeezed { " " } else { "" });
    piece.marks.push((cut, label.to_string()));
    (i, cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines::split_lines;

    fn piece(text: &str) -> Piece {
        Piece {
            text: text.to_string(),
            start: 0,
            end: text.len(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn footnote_area_with_continuation() {
        let src = "1  Official Records of the General Assembly, Seventy-eighth\nSession, Supplement No. 23.\n \n2  Resolution 60/1.";
        let lines = split_lines(src);
        let mut notes = Vec::new();
        let labels = read_area(&lines, &mut notes);
        assert_eq!(labels, ["1", "2"]);
        assert_eq!(
            notes[0].text,
            "Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 23."
        );
        assert_eq!(notes[1].text, "Resolution 60/1.");
        assert_eq!(&src[notes[1].span.range()], "2  Resolution 60/1.");
    }

    #[test]
    fn a_date_at_a_line_start_continues_the_note() {
        let src = "5  Report of the World Summit, Johannesburg, South Africa,\n26 August–4 September 2002, chap. I.\n6  Ibid.";
        let lines = split_lines(src);
        let mut notes = Vec::new();
        assert_eq!(read_area(&lines, &mut notes), ["5", "6"]);
        assert_eq!(
            notes[0].text,
            "Report of the World Summit, Johannesburg, South Africa, 26 August–4 September 2002, chap. I."
        );
    }

    #[test]
    fn mark_after_comma_is_removed() {
        let mut p = [piece("Colonial Countries and Peoples for 2023,1")];
        strip_marks(&mut p, &["1".to_string()], None);
        assert_eq!(p[0].text, "Colonial Countries and Peoples for 2023,");
        assert_eq!(p[0].marks, [(p[0].text.len(), "1".to_string())]);
    }

    #[test]
    fn spaced_mark_is_removed_with_its_space() {
        let mut p = [piece(
            "in the United Nations Millennium Declaration 2 of an appeal",
        )];
        strip_marks(&mut p, &["2".to_string()], None);
        assert_eq!(
            p[0].text,
            "in the United Nations Millennium Declaration of an appeal"
        );
    }

    #[test]
    fn numbers_in_the_sentence_are_not_marks() {
        let mut p = [
            piece("held from 6 to 22 February, recalling paragraph 6 and 6 December"),
            piece("with Disabilities, 6 in which"),
        ];
        strip_marks(&mut p, &["6".to_string()], None);
        assert_eq!(
            p[0].text,
            "held from 6 to 22 February, recalling paragraph 6 and 6 December"
        );
        assert_eq!(p[1].text, "with Disabilities, in which");
    }

    #[test]
    fn mark_glued_to_a_year() {
        let mut p = [piece(
            "the Decade 2014–20242 and the Political Declaration, 9 March 1993 3 and",
        )];
        strip_marks(&mut p, &["2".to_string(), "3".to_string()], None);
        assert_eq!(
            p[0].text,
            "the Decade 2014–2024 and the Political Declaration, 9 March 1993 and"
        );
    }

    #[test]
    fn decimals_and_symbols_are_not_marks() {
        let mut p = [piece(
            "(A/78/422/Add.1, para. 6) comprising 3.1 per cent, and its resolution.1",
        )];
        strip_marks(&mut p, &["1".to_string()], None);
        assert_eq!(
            p[0].text,
            "(A/78/422/Add.1, para. 6) comprising 3.1 per cent, and its resolution."
        );
    }

    #[test]
    fn mark_squeezed_between_words() {
        let mut p = [piece("the Paris Agreement4and its early entry")];
        strip_marks(&mut p, &["4".to_string()], None);
        assert_eq!(p[0].text, "the Paris Agreement and its early entry");
        assert_eq!(p[0].marks, [(19, "4".to_string())]);
    }

    #[test]
    fn attached_mark_wins_over_a_spaced_count() {
        let mut p = [
            piece("Decides to appoint 25 Member States, 6 from African States, 5 from Asia-"),
            piece("Pacific States, for a term beginning on 1 January 2024;5"),
        ];
        strip_marks(&mut p, &["5".to_string()], None);
        assert!(p[0].text.contains("African States, 5 from"));
        assert_eq!(
            p[1].text,
            "Pacific States, for a term beginning on 1 January 2024;"
        );
    }

    #[test]
    fn mark_alone_on_its_line() {
        let mut p = [
            piece("the 2030 Agenda"),
            piece("3"),
            piece("sport is recognized"),
        ];
        strip_marks(&mut p, &["3".to_string()], None);
        assert_eq!(p[1].text, "");
        assert_eq!(p[1].marks.len(), 1);
    }

    #[test]
    fn line_end_hyphen_is_kept_and_joined() {
        let mut acc = String::from("peoples of Non-Self-");
        append_line(&mut acc, "Governing Territories");
        assert_eq!(acc, "peoples of Non-Self-Governing Territories");
        let mut acc = String::from("a dash -");
        append_line(&mut acc, "and more");
        assert_eq!(acc, "a dash - and more");
    }
}

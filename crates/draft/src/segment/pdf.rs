//! Text extracted from a UN PDF: pages are separated by an empty line; each page after the
//! first opens with its running header (symbol, running title, job number, "2/5"); footnotes
//! sit under a rule at the foot of the page.

use super::footnotes::{read_area, strip_marks};
use super::lines::{
    is_barcode, is_footnote_rule, is_job_number, is_page_number, is_symbol, split_lines, Line,
};
use super::{Furniture, FurnitureKind, Item, Piece};
use crate::model::{Footnote, Span};

/// How many lines at the top of a page are searched for the running header.
const HEADER_WINDOW: usize = 10;

/// Whether `text` carries the page furniture of a PDF extraction (a page-number line or a
/// job-number line), which decides between the PDF and the clean form.
pub(crate) fn looks_like_pdf(text: &str) -> bool {
    let mut hits = 0;
    for line in text.lines() {
        if is_page_number(line) || is_job_number(line) || is_barcode(line) {
            hits += 1;
            if hits >= 2 {
                return true;
            }
        }
    }
    false
}

/// What a PDF extraction is made of: content items (lines, blank lines, page breaks), the
/// footnotes its pages carry and the page furniture left out.
pub(crate) struct Pages {
    pub items: Vec<Item>,
    pub notes: Vec<Footnote>,
    pub furniture: Vec<Furniture>,
}

/// Turns a PDF extraction into content items, footnotes and page furniture.
pub(crate) fn items(text: &str) -> Pages {
    let lines = split_lines(text);
    let total = page_total(&lines);
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut furniture = Vec::new();
    let pages = lines.split(|l| l.text.trim_end_matches('\r').is_empty());
    for (index, page) in pages.enumerate() {
        if page.is_empty() {
            continue;
        }
        let body = if index == 0 {
            page
        } else {
            let (head, body) = page.split_at(header_len(page, total).min(page.len()));
            furniture.extend(head.iter().filter(|l| !l.is_blank()).map(|l| {
                let kind = match furniture_kind(l, total) {
                    Some(kind) => kind,
                    None if is_symbol(l.text) => FurnitureKind::Symbol,
                    None => FurnitureKind::RunningHead,
                };
                piece_of(l, kind)
            }));
            body
        };
        let (content, rule, area) = split_at_rule(body);
        furniture.extend(rule.map(|l| piece_of(l, FurnitureKind::FootnoteRule)));
        // The number of the last numbered note before this page: the marks run on from it.
        let previous = notes
            .iter()
            .rev()
            .find_map(|n: &Footnote| n.label.parse::<u32>().ok());
        let labels = read_area(area, &mut notes);
        if index > 0 {
            items.push(Item::PageBreak);
        }
        let first = items.len();
        for line in content {
            match furniture_kind(line, total) {
                Some(kind) => furniture.push(piece_of(line, kind)),
                None => items.push(item(line)),
            }
        }
        strip_page_marks(items.get_mut(first..).unwrap_or(&mut []), &labels, previous);
    }
    Pages {
        items,
        notes,
        furniture,
    }
}

/// The number of pages the page-number lines ("2/5") count: the total they most often give.
/// A line "73/89" in a five-page document is a citation broken onto a line of its own (a
/// justified paragraph extracted a word per line), not a page number.
fn page_total(lines: &[Line<'_>]) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for (page, total) in lines.iter().filter_map(|l| page_fraction(l.text)) {
        if page > total {
            continue;
        }
        match counts.iter_mut().find(|(t, _)| *t == total) {
            Some((_, n)) => *n += 1,
            None => counts.push((total, 1)),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map(|(t, _)| *t)
}

/// "2/5" -> (2, 5).
fn page_fraction(line: &str) -> Option<(u32, u32)> {
    if !is_page_number(line) {
        return None;
    }
    let (page, total) = line.trim().split_once('/')?;
    Some((page.parse().ok()?, total.parse().ok()?))
}

/// Number of lines of the running header at the top of a page: everything up to the last
/// page-number or job-number line near the top (running titles sit between them).
fn header_len(page: &[Line<'_>], total: Option<u32>) -> usize {
    let window = page.iter().take(HEADER_WINDOW).enumerate();
    let last = window
        .filter(|(_, l)| {
            matches!(
                furniture_kind(l, total),
                Some(FurnitureKind::PageNumber | FurnitureKind::JobNumber)
            )
        })
        .map(|(i, _)| i + 1)
        .next_back();
    last.unwrap_or_else(|| {
        page.iter()
            .take_while(|l| l.is_blank() || is_symbol(l.text) || furniture_kind(l, total).is_some())
            .count()
    })
}

/// Splits a page's lines at the footnote rule: (content, the rule, footnote area).
fn split_at_rule<'p, 'a>(
    body: &'p [Line<'a>],
) -> (&'p [Line<'a>], Option<&'p Line<'a>>, &'p [Line<'a>]) {
    match body.iter().position(|l| is_footnote_rule(l.text)) {
        Some(i) => (&body[..i], body.get(i), body.get(i + 1..).unwrap_or(&[])),
        None => (body, None, &[]),
    }
}

/// Furniture that can stand anywhere on a page: barcodes, job numbers, and page numbers
/// that count the document's pages.
fn furniture_kind(line: &Line<'_>, total: Option<u32>) -> Option<FurnitureKind> {
    if is_barcode(line.text) {
        Some(FurnitureKind::Barcode)
    } else if is_job_number(line.text) {
        Some(FurnitureKind::JobNumber)
    } else if page_fraction(line.text).is_some_and(|(p, t)| Some(t) == total && p <= t) {
        Some(FurnitureKind::PageNumber)
    } else {
        None
    }
}

fn piece_of(line: &Line<'_>, kind: FurnitureKind) -> Furniture {
    let (start, end) = line.trimmed_bounds();
    Furniture {
        span: Span::new(start, end),
        kind,
    }
}

fn item(line: &Line<'_>) -> Item {
    if line.is_blank() {
        return Item::Blank;
    }
    let (start, end) = line.trimmed_bounds();
    let text = tighten_ranges(&year_after_month(&super::footnotes::collapse(
        line.trimmed(),
    )));
    Item::Line(Piece {
        text,
        start,
        end,
        marks: Vec::new(),
    })
}

/// "4 December2024": PDF extraction sometimes drops the space between a month and its year;
/// it is put back (a month name, whole, then four digits of a year from 1900 to 2099).
fn year_after_month(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 2);
    let mut last = 0;
    let bytes = line.as_bytes();
    for (at, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
        let word = line[..at]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let digits = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let year = &line[at..at + digits];
        if crate::marks::is_year(year) && crate::model::MONTHS.contains(&word) {
            out.push_str(&line[last..at]);
            out.push(' ');
            last = at;
        }
    }
    out.push_str(&line[last..]);
    out
}

/// "2014– 2024", "2015 – 2030": PDF extraction spaces out the en dash of a range of years,
/// which UN typography sets closed up ("2014–2024").
fn tighten_ranges(line: &str) -> String {
    if !line.contains('–') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('–') {
        let (head, tail) = rest.split_at(i);
        let tail = &tail['–'.len_utf8()..];
        let left = head.trim_end();
        let right = tail.trim_start();
        let digits = left.ends_with(|c: char| c.is_ascii_digit())
            && right.starts_with(|c: char| c.is_ascii_digit());
        out.push_str(if digits { left } else { head });
        out.push('–');
        rest = if digits { right } else { tail };
    }
    out.push_str(rest);
    out
}

/// Removes footnote marks from the lines of one page.
fn strip_page_marks(items: &mut [Item], labels: &[String], previous: Option<u32>) {
    if labels.is_empty() {
        return;
    }
    let mut pieces: Vec<Piece> = items
        .iter_mut()
        .filter_map(|i| match i {
            Item::Line(p) => Some(std::mem::take(p)),
            _ => None,
        })
        .collect();
    strip_marks(&mut pieces, labels, previous);
    let mut back = pieces.into_iter();
    for it in items.iter_mut() {
        if let Item::Line(p) = it {
            if let Some(done) = back.next() {
                *p = done;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Line(p) => p.text.clone(),
                Item::Blank => "<blank>".into(),
                Item::PageBreak => "<page>".into(),
            })
            .collect()
    }

    const TWO_PAGES: &str = "Stressing the importance,\n__________________ \n \n1  Official Records.\n\nA/RES/78/100 \nDissemination of information on decolonization\n \n23-24979\n2/3 \n \n \nRecognizing that the Department,1 must \nplay\n";

    #[test]
    fn running_header_is_dropped() {
        let items = items(TWO_PAGES).items;
        let t = texts(&items);
        assert!(!t
            .iter()
            .any(|s| s.contains("A/RES/78/100") || s == "2/3" || s.contains("23-24979")));
        assert!(!t.iter().any(|s| s.contains("Dissemination")));
        assert!(t.contains(&"<page>".to_string()));
    }

    #[test]
    fn footnotes_are_read_and_kept_out_of_the_text() {
        let Pages { items, notes, .. } = items(TWO_PAGES);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].label, "1");
        assert_eq!(notes[0].text, "Official Records.");
        let t = texts(&items);
        assert!(!t.iter().any(|s| s.contains("Official Records")));
    }

    #[test]
    fn marks_only_match_footnotes_of_their_own_page() {
        // Footnote 1 is printed on page 1, so the "1" on page 2 stays.
        let items = items(TWO_PAGES).items;
        assert!(texts(&items).contains(&"Recognizing that the Department,1 must".to_string()));
    }

    #[test]
    fn masthead_job_number_and_barcode_are_dropped() {
        let items = items("United Nations \nA/RES/78/100\n \n23-24979 (E)    201223 \n*2324979* \nSeventy-eighth session\n").items;
        let t = texts(&items);
        assert_eq!(
            t,
            [
                "United Nations",
                "A/RES/78/100",
                "<blank>",
                "Seventy-eighth session"
            ]
        );
    }

    #[test]
    fn a_year_glued_to_its_month_gets_its_space_back() {
        assert_eq!(year_after_month("4 December2024"), "4 December 2024");
        assert_eq!(
            year_after_month("of 1 March2020 and 2 May2021,"),
            "of 1 March 2020 and 2 May 2021,"
        );
        assert_eq!(year_after_month("December 2024"), "December 2024");
        assert_eq!(
            year_after_month("Mayday2024 May20245"),
            "Mayday2024 May20245"
        );
    }

    #[test]
    fn ranges_of_years_are_closed_up() {
        assert_eq!(
            tighten_ranges("Decade 2014– 2024, and 2015 – 2030"),
            "Decade 2014–2024, and 2015–2030"
        );
        assert_eq!(
            tighten_ranges("peace – and security"),
            "peace – and security"
        );
    }

    #[test]
    fn pdf_form_is_detected() {
        assert!(looks_like_pdf(TWO_PAGES));
        assert!(!looks_like_pdf(
            "The General Assembly,\n\n1. Decides to act.\n"
        ));
    }
}

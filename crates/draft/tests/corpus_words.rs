//! No word of a document is lost by reading it: every word of every corpus text ends up in
//! the draft (masthead fields, paragraphs, notes, closing, annexes: its Markdown) or in a named
//! class of page furniture (`segment::furniture`: symbol, page number, job number, barcode,
//! running head, footnote rule), or in the masthead (`FrontMatter::span`).
//!
//! Run with `cargo test -p resolute-draft --test corpus_words -- --nocapture`; it lists every
//! other word dropped, file by file.
//!
//! Words are runs of letters and digits, compared as multisets (a word dropped once where the
//! text uses it twice counts). Two transformations the segmenter makes on purpose are
//! accounted for by rule, not by list:
//! - a footnote mark is taken out of the text (its note keeps its label): a word that is a
//!   note's label, or a note's label glued to a word the draft holds ("20518" for "205" and
//!   mark 18, "3on"), is not lost;
//! - a word broken at a line end ("develop-" / "ment") may come back joined ("development");
//! - a year glued to its month ("December2024") comes back as two words.

use resolute_draft::model::MONTHS;
use resolute_draft::segment::with_furniture;
use resolute_draft::{segment, write_markdown};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Takes the non-empty `pieces` out of `spare` when all of them are there (a piece twice
/// needs two); takes nothing otherwise.
fn take_all(pieces: &[&str], spare: &mut HashMap<String, usize>) -> bool {
    let mut need: HashMap<&str, usize> = HashMap::new();
    for piece in pieces.iter().filter(|p| !p.is_empty()) {
        *need.entry(piece).or_default() += 1;
    }
    let there = need
        .iter()
        .all(|(p, n)| spare.get(*p).is_some_and(|have| have >= n));
    if there {
        for (p, n) in need {
            if let Some(have) = spare.get_mut(p) {
                *have -= n;
            }
        }
    }
    there
}

/// Characters that print nothing (soft hyphen, zero-width and direction marks): removed
/// before words are cut.
const INVISIBLE: [char; 7] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{feff}',
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && !INVISIBLE.contains(&c))
        .map(|w| w.replace(INVISIBLE, ""))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// A soft hyphen ends a line only inside a word: the word is whole again without it ("Gener\u{ad}"
/// / "al Assembly", OCR text also "pre \u{ad}" / "pared").
fn soft_breaks_joined(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\u{ad}') {
        let (head, tail) = rest.split_at(at);
        let tail = &tail['\u{ad}'.len_utf8()..];
        let after = tail.trim_start();
        if tail.len() > after.len() && tail[..tail.len() - after.len()].contains('\n') {
            out.push_str(head.trim_end_matches([' ', '\t']));
            rest = after;
        } else {
            out.push_str(head);
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// The words a line-end hyphen breaks: the last word of a line ending with a letter and a
/// hyphen (or a soft hyphen), and the first word of the next line with text.
fn broken_words(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        // OCR text may put a space before the soft hyphen ("pre \u{ad}").
        let head = pair[0].trim_end_matches(['-', '\u{ad}']);
        let broken = head.len() < pair[0].len() && head.trim_end().ends_with(char::is_alphabetic);
        let a = words(head).last();
        let b = words(pair[1]).next();
        if let (true, Some(a), Some(b)) = (broken, a, b) {
            out.push((a, b));
        }
    }
    out
}

fn counts(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in words(text) {
        *out.entry(w).or_default() += 1;
    }
    out
}

/// The source with its furniture and its masthead blanked out.
fn content_of(text: &str, spans: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(start, end) in spans {
        for b in bytes.get_mut(start..end).unwrap_or(&mut []) {
            // Blanking every byte of a span keeps UTF-8 valid: spans are on char boundaries.
            *b = b' ';
        }
    }
    String::from_utf8(bytes).expect("spans on char boundaries")
}

/// Words of `text` that are in neither the draft nor its furniture, after the two rules of
/// the module comment.
fn lost_words(text: &str) -> Vec<String> {
    let (draft, furniture) = with_furniture(text);
    let mut spans: Vec<(usize, usize)> = furniture
        .iter()
        .map(|f| (f.span.start, f.span.end))
        .collect();
    if let Some(s) = draft.meta.span {
        spans.push((s.start, s.end));
    }
    let labels: HashSet<String> = draft
        .footnotes
        .iter()
        .map(|n| n.label.to_lowercase())
        .collect();
    account(&content_of(text, &spans), &write_markdown(&draft), &labels)
}

/// The words of `source` that `markdown` does not hold, after the two rules.
fn account(source_text: &str, markdown: &str, labels: &HashSet<String>) -> Vec<String> {
    let source_text = &soft_breaks_joined(source_text);
    let mut source = counts(source_text);
    let mut kept = counts(markdown);
    // "develop-" / "ment": counted as "development" where the draft holds the joined word
    // more often than the source writes it whole.
    for (a, b) in broken_words(source_text) {
        let whole = format!("{a}{b}");
        let count = |w: &String, of: &HashMap<String, usize>| of.get(w).copied().unwrap_or(0);
        let halves = a != b && count(&a, &source) > 0 && count(&b, &source) > 0;
        if halves && count(&whole, &kept) > count(&whole, &source) {
            for half in [&a, &b] {
                *source.get_mut(half).expect("counted") -= 1;
            }
            *source.entry(whole).or_default() += 1;
        }
    }
    let mut lost: Vec<(String, usize)> = Vec::new();
    for (word, n) in source.iter().filter(|(_, n)| **n > 0) {
        let have = kept.get(word).copied().unwrap_or(0);
        if have >= *n {
            *kept.get_mut(word).expect("counted") -= n;
        } else {
            kept.remove(word);
            lost.push((word.clone(), n - have));
        }
    }
    // What the draft holds beyond the source: the other halves of glued marks and joins.
    let mut spare = kept;
    let mut left = Vec::new();
    lost.sort();
    for (word, n) in lost {
        for _ in 0..n {
            // A footnote mark alone, or glued to the words the draft holds on either side.
            let mark = labels.contains(&word)
                || labels.iter().any(|l| {
                    let starts: Vec<usize> = (0..word.len())
                        .filter(|at| word[*at..].starts_with(l.as_str()))
                        .collect();
                    starts
                        .into_iter()
                        .any(|at| take_all(&[&word[..at], &word[at + l.len()..]], &mut spare))
                });
            // "December2024": a year glued to its month, given its space back.
            let month = !mark
                && word.find(|c: char| c.is_ascii_digit()).is_some_and(|at| {
                    let (name, year) = word.split_at(at);
                    MONTHS.iter().any(|m| m.to_lowercase() == name)
                        && take_all(&[name, year], &mut spare)
                });
            if !mark && !month {
                left.push(word.clone());
            }
        }
    }
    left
}

#[test]
fn no_word_of_a_corpus_text_is_lost() {
    let Some(dir) = resolute_testkit::corpus() else {
        return;
    };
    let docs = std::fs::read_to_string(dir.join("metadata/documents.jsonl")).expect("documents");
    let files: Vec<String> = docs
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|d| d["text_file"].as_str().map(str::to_string))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut files = files;
    files.sort();
    let (mut read, mut words_in, mut lost_total) = (0, 0, 0);
    let mut report = Vec::new();
    for file in &files {
        let path = dir.join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        read += 1;
        words_in += words(&text).count();
        let lost = lost_words(&text);
        if !lost.is_empty() {
            lost_total += lost.len();
            report.push(format!("{file}: {}", lost.join(" ")));
        }
    }
    println!(
        "words kept: {read} corpus texts, {words_in} words, {lost_total} lost in {} texts",
        report.len()
    );
    for line in &report {
        println!("  {line}");
    }
    assert!(read > 3000, "too few corpus texts: {read}");
    assert_eq!(lost_total, 0, "words lost (listed above, file by file)");
}

#[test]
fn the_measure_finds_what_is_dropped_and_only_that() {
    let labels: HashSet<String> = ["18".to_string(), "3".to_string()].into();
    let source = "Recalling its resolutions 71/20518 and 3on the develop-\nment of peace,";
    let kept = "*Recalling* its resolutions 71/205[^18] and [^3]on the development of peace,";
    assert!(account(source, kept, &labels).is_empty());
    let dropped = "*Recalling* its resolutions and the development of peace,";
    assert_eq!(account(source, dropped, &labels), ["20518", "3on", "71"]);
    // A citation extracted on a line of its own inside a paragraph is not a page number.
    let pdf = "United Nations\nA/RES/1/1\n23-24979 (E)\n\nThe General Assembly,\n\nRecalling\nalso\nits\nresolution\n73/89\nof\n6 December\n2018,\n\n1.\tDecides to act.\n\nA/RES/1/1\n2/2\n\n2.\tRequests more.\n1/2\n";
    assert!(lost_words(pdf).is_empty(), "{:?}", lost_words(pdf));
    assert!(write_markdown(&segment(pdf)).contains("resolution 73/89 of"));
}

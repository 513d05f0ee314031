//! Corpus tests: every real file in corpus/files reads; PDF text agrees with the corpus's
//! own raw-pdf extraction (PyMuPDF) word for word and gives the same operative paragraph
//! count under `resolute_draft::segment`; the two real DOCX files give their tables.

use crate::support::{corpus_dir, in_order_share, words};
use std::path::Path;
use std::time::Instant;

/// Least share of the corpus extraction's words that our text must contain in order.
const MIN_SHARE: f64 = 0.97;
/// Least share of PDFs on which segmentation of our text and of the corpus text find the
/// same number of operative paragraphs. Not 100 %: where the two extractions lay a
/// paragraph number out differently ("1." alone on a line in PyMuPDF's text, "1. We, the
/// Heads of State" on one visual line in ours), the segmenter can disagree with itself;
/// every disagreement is printed.
const MIN_SAME_COUNT: f64 = 0.85;
/// Where the counts agree: least share of the operative paragraphs whose words are the
/// same, paragraph by paragraph, in both segmentations.
const MIN_SAME_TEXT: f64 = 0.95;

fn files(corpus: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(corpus.join("files"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The corpus's raw-pdf text for a PDF file name, if the corpus has it.
fn raw_text(corpus: &Path, pdf: &Path) -> Option<String> {
    let stem = pdf.file_stem()?.to_str()?;
    ["ga-resolutions", "ga-l-documents"]
        .iter()
        .map(|d| {
            corpus
                .join("texts/raw-pdf")
                .join(d)
                .join(format!("{stem}.txt"))
        })
        .find(|p| p.is_file())
        .map(|p| std::fs::read_to_string(p).unwrap())
}

/// The words of each operative paragraph that segmentation finds in `text`.
fn operative(text: &str) -> Vec<Vec<String>> {
    let draft = resolute_draft::segment(text);
    draft
        .paragraphs()
        .filter(|p| p.kind == resolute_draft::Kind::Operative)
        .map(|p| words(&p.text))
        .collect()
}

/// file name -> symbol, from metadata/files.jsonl.
fn listed_symbols(corpus: &Path) -> std::collections::HashMap<String, String> {
    let jsonl = std::fs::read_to_string(corpus.join("metadata/files.jsonl")).unwrap();
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let file = v["file"].as_str()?.trim_start_matches("files/").to_string();
            Some((file, v["symbol"].as_str()?.to_string()))
        })
        .collect()
}

#[test]
fn every_corpus_file_reads() {
    let Some(corpus) = corpus_dir() else { return };
    let files = files(&corpus);
    assert!(files.len() >= 13, "expected the 13 corpus files");
    let symbols = listed_symbols(&corpus);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let start = Instant::now();
        let doc = resolute_convert::read(&bytes, &path.to_string_lossy())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!(
            "{:<34} {:>4?} pages {:>3} chars {:>7} {:>6.1} ms symbol {:?}",
            path.file_name().unwrap().to_string_lossy(),
            doc.format,
            doc.meta.pages.unwrap_or(0),
            doc.text.chars().count(),
            start.elapsed().as_secs_f64() * 1000.0,
            doc.meta.symbol.as_deref().unwrap_or("-"),
        );
        assert!(doc.text.len() > 1000, "{}: almost no text", path.display());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(
            doc.meta.symbol.as_ref(),
            symbols.get(&name),
            "{name}: symbol"
        );
    }
}

/// What one PDF gives against the corpus's extraction of it.
struct Comparison {
    /// Share of the corpus text's words found in order in ours.
    share: f64,
    /// Operative paragraphs found by segmentation in ours and in the corpus text.
    ours: usize,
    theirs: usize,
    /// Operative paragraphs (paired in order) with the same words.
    same_text: usize,
}

fn compare(path: &Path, reference: &str) -> Comparison {
    let doc = resolute_convert::read_path(path).unwrap();
    assert_eq!(doc.page_starts.len() as u32, doc.meta.pages.unwrap());
    let (ours, theirs) = (operative(&doc.text), operative(reference));
    Comparison {
        share: in_order_share(&words(reference), &words(&doc.text)),
        ours: ours.len(),
        theirs: theirs.len(),
        same_text: ours.iter().zip(&theirs).filter(|(a, b)| a == b).count(),
    }
}

#[test]
fn pdf_text_matches_corpus_extraction() {
    let Some(corpus) = corpus_dir() else { return };
    let (mut compared, mut same) = (0, 0);
    let (mut same_paragraphs, mut all_paragraphs) = (0, 0);
    for path in files(&corpus)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    {
        let Some(reference) = raw_text(&corpus, &path) else {
            continue;
        };
        let c = compare(&path, &reference);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        println!(
            "{name:<24} words in order {:.2}%  operative ours {} corpus {}, same words {}",
            c.share * 100.0,
            c.ours,
            c.theirs,
            c.same_text
        );
        assert!(
            c.share >= MIN_SHARE,
            "{name}: only {:.2}% of the words",
            c.share * 100.0
        );
        compared += 1;
        if c.ours == c.theirs {
            same += 1;
            same_paragraphs += c.same_text;
            all_paragraphs += c.theirs;
        } else {
            println!("  DIFFERENT operative counts on {name}");
        }
    }
    assert!(compared >= 8, "only {compared} PDFs compared");
    summarise(same, compared, same_paragraphs, all_paragraphs);
}

fn summarise(same: usize, compared: usize, same_paragraphs: usize, all_paragraphs: usize) {
    println!("same operative count on {same} of {compared} PDFs");
    let text_share = same_paragraphs as f64 / all_paragraphs.max(1) as f64;
    println!(
        "where counts agree, operative paragraphs with the same words: \
         {same_paragraphs} of {all_paragraphs} ({:.1}%)",
        text_share * 100.0
    );
    assert!(
        text_share >= MIN_SAME_TEXT,
        "only {:.1}% same text",
        text_share * 100.0
    );
    let share = same as f64 / compared as f64;
    assert!(
        share >= MIN_SAME_COUNT,
        "same count on only {same} of {compared}"
    );
}

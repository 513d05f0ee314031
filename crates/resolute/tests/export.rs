#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

//! `resolute export FILE --to akn|txt|docx -o OUT`: the real binary on the sample draft; the
//! AKN file reads back as the same structure, the plain text and the DOCX segment back into
//! the same paragraphs; bad requests exit 2 and write nothing.

use crate::util::{resolute, sample_draft, stderr, TempDir};
use resolute_draft::Draft;
use std::path::Path;

/// What a round trip must keep, spans and Markdown sources aside.
fn structure(d: &Draft) -> Vec<String> {
    let mut out = vec![
        format!("{:?}", d.meta.symbol),
        format!("{:?}", d.meta.title),
    ];
    out.extend(d.enacting.as_ref().map(|e| e.text.clone()));
    for p in d.paragraphs() {
        out.push(format!(
            "{:?} {:?} {:?} {} {:?}",
            p.kind, p.number, p.opening, p.text, p.footnote_refs
        ));
        out.extend(
            p.sub
                .iter()
                .map(|s| format!("  {} {} {}", s.label, s.level, s.text)),
        );
    }
    out.extend(
        d.footnotes
            .iter()
            .map(|f| format!("[{}] {}", f.label, f.text)),
    );
    out
}

fn run_export(input: &Path, to: &str, output: &Path) -> std::process::Output {
    resolute(&[
        "export",
        input.to_str().unwrap(),
        "--to",
        to,
        "-o",
        output.to_str().unwrap(),
    ])
}

fn sample(dir: &TempDir) -> (std::path::PathBuf, Draft) {
    let path = sample_draft(dir);
    let draft = resolute_draft::parse_markdown(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (path, draft)
}

#[test]
fn akn_export_reads_back_as_the_same_draft() {
    let dir = TempDir::new("export-akn");
    let (input, draft) = sample(&dir);
    let out = dir.0.join("draft.xml");
    let o = run_export(&input, "akn", &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"));
    let back = resolute_convert::akn::read_draft(&xml).unwrap();
    assert_eq!(structure(&back), structure(&draft));
    // Written atomically: nothing but the output is left in the folder.
    assert_eq!(dir.entries(), vec!["draft.xml".to_string()]);
}

#[test]
fn txt_export_segments_back_into_the_same_paragraphs() {
    let dir = TempDir::new("export-txt");
    let (input, draft) = sample(&dir);
    let out = dir.0.join("draft.txt");
    std::fs::write(&out, "old content").unwrap();
    let o = run_export(&input, "txt", &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("The General Assembly,\n\n"));
    assert!(text.contains("\n\n1. "));
    let back = resolute_draft::segment(&text);
    let numbers = |d: &Draft| {
        d.paragraphs()
            .map(|p| (p.kind, p.number))
            .collect::<Vec<_>>()
    };
    assert_eq!(numbers(&back), numbers(&draft));
    let labels = |d: &Draft| {
        d.paragraphs()
            .flat_map(|p| p.sub.iter().map(|s| s.label.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&back), labels(&draft));
    // Footnotes come last, after the rule, each with its label, and read back as footnotes.
    let notes = |d: &Draft| {
        d.footnotes
            .iter()
            .map(|f| (f.label.clone(), f.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(notes(&back), notes(&draft));
    let rule = text.rfind("__________________").unwrap();
    for f in &draft.footnotes {
        assert!(text[rule..].contains(&format!("\n\n{} {}", f.label, f.text)));
    }
}

/// The DOCX export reads back (through the DOCX reader and segmentation) into the same
/// paragraphs and footnotes: each note attached to the paragraph that referred to it, its
/// mark gone from the text.
#[test]
fn docx_export_reads_back_the_same_paragraphs() {
    let dir = TempDir::new("export-docx");
    let (input, draft) = sample(&dir);
    let out = dir.0.join("draft.docx");
    let o = run_export(&input, "docx", &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let doc = resolute_convert::read(&bytes, "draft.docx").unwrap();
    let back = resolute_draft::segment(&doc.text);
    let key = |d: &Draft| {
        let paragraphs = d.paragraphs().map(|p| {
            let sub = p.sub.iter().map(|s| (s.label.clone(), s.text.clone()));
            let notes = p.footnote_refs.iter().map(|l| {
                d.footnotes
                    .iter()
                    .find(|f| &f.label == l)
                    .map(|f| f.text.clone())
            });
            let notes = notes.collect::<Vec<_>>();
            (
                p.kind,
                p.number,
                p.text.clone(),
                sub.collect::<Vec<_>>(),
                notes,
            )
        });
        let notes = d.footnotes.iter().map(|f| f.text.clone());
        (paragraphs.collect::<Vec<_>>(), notes.collect::<Vec<_>>())
    };
    assert_eq!(key(&back), key(&draft));
    assert_eq!(back.footnotes.len(), 2);
}

#[test]
fn an_unknown_export_format_is_a_usage_error_and_writes_nothing() {
    let dir = TempDir::new("export-pdf");
    let (input, _) = sample(&dir);
    let out = dir.0.join("draft.pdf");
    let o = run_export(&input, "pdf", &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("akn, txt or docx"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn a_missing_input_is_reported_and_nothing_written() {
    let dir = TempDir::new("export-missing");
    let out = dir.0.join("out.xml");
    let o = run_export(&dir.0.join("nope.md"), "akn", &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.md"), "{}", stderr(&o));
    assert!(dir.entries().is_empty());
}

/// Real resolutions: the plain text export segments back into the same paragraphs (kind,
/// number, words) and footnotes. Prints the share; requires nearly all.
#[test]
fn txt_export_of_real_resolutions_reads_back() {
    let Some(corpus) = crate::util::corpus_dir() else {
        return;
    };
    let files: Vec<_> = crate::util::files_under(&corpus.join("texts/clean-paragraphs"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let sample: Vec<_> = files
        .iter()
        .step_by((files.len() / 50).max(1))
        .take(50)
        .collect();
    let key = |d: &Draft| {
        let paragraphs = d.paragraphs().map(|p| {
            (
                p.kind,
                p.number,
                p.text.clone(),
                p.sub.len(),
                p.footnote_refs.len(),
            )
        });
        let notes = d
            .footnotes
            .iter()
            .map(|f| (f.label.clone(), f.text.clone()));
        (paragraphs.collect::<Vec<_>>(), notes.collect::<Vec<_>>())
    };
    let mut same = 0;
    for file in &sample {
        let draft = resolute_draft::segment(&std::fs::read_to_string(file).unwrap());
        let back = resolute_draft::segment(&resolute::plain_text(&draft));
        if key(&back) == key(&draft) {
            same += 1;
        } else {
            println!("txt export differs on read-back: {}", file.display());
        }
    }
    println!(
        "txt export: {same}/{} real resolutions read back the same",
        sample.len()
    );
    assert_eq!(sample.len(), 50);
    assert!(
        same * 100 >= sample.len() * 95,
        "only {same} of {}",
        sample.len()
    );
}

#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

//! `resolute export CURRENT --to docx --base BASE [--author NAME] -o OUT`: the real binary
//! writes the differences as Word Track Changes; accepting every revision reads back as the
//! current draft, rejecting every revision as the base; a bad base is named, exit 2.

use crate::util::{resolute, sample_draft, stderr, TempDir};
use resolute_draft::{Draft, Kind};
use std::io::{Read, Write};
use std::path::Path;

/// (kind, number, text, subparagraphs (label, text)): what accepting or rejecting must give.
type Key = Vec<(Kind, Option<u32>, String, Vec<(String, String)>)>;

fn key(d: &Draft) -> Key {
    d.paragraphs()
        .map(|p| {
            let sub = p.sub.iter().map(|s| (s.label.clone(), s.text.clone()));
            (p.kind, p.number, p.text.clone(), sub.collect())
        })
        .collect()
}

fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().to_string(), bytes)
        })
        .collect()
}

pub(crate) fn document_xml(docx: &[u8]) -> String {
    let all = parts(docx);
    let (_, xml) = all.iter().find(|(n, _)| n == "word/document.xml").unwrap();
    String::from_utf8(xml.clone()).unwrap()
}

/// The same DOCX with every revision rejected: inserted runs removed, deleted runs kept as
/// ordinary text. (The writer never nests revisions.)
fn rejected(docx: &[u8]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts(docx) {
        let bytes = if name == "word/document.xml" {
            reject_xml(&String::from_utf8(bytes).unwrap()).into_bytes()
        } else {
            bytes
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn reject_xml(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find("<w:ins ") {
        out.push_str(&rest[..start]);
        let tag_end = start + rest[start..].find('>').unwrap();
        // `<w:ins .../>` marks an inserted paragraph mark: nothing to remove but the tag.
        rest = if rest[..tag_end].ends_with('/') {
            &rest[tag_end + 1..]
        } else {
            let close = rest[start..].find("</w:ins>").unwrap();
            &rest[start + close + "</w:ins>".len()..]
        };
    }
    out.push_str(rest);
    let mut plain = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(start) = rest.find("<w:del ") {
        plain.push_str(&rest[..start]);
        let tag_end = start + rest[start..].find('>').unwrap();
        rest = &rest[tag_end + 1..];
    }
    plain.push_str(rest);
    plain
        .replace("</w:del>", "")
        .replace("<w:delText", "<w:t")
        .replace("</w:delText>", "</w:t>")
}

fn read_back(docx: &[u8]) -> Draft {
    let doc = resolute_convert::read(docx, "tracked.docx").unwrap();
    resolute_draft::segment(&doc.text)
}

fn export_tracked(
    current: &Path,
    base: &Path,
    out: &Path,
    author: Option<&str>,
) -> std::process::Output {
    let mut args = vec![
        "export",
        current.to_str().unwrap(),
        "--to",
        "docx",
        "--base",
        base.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    if let Some(a) = author {
        args.extend(["--author", a]);
    }
    resolute(&args)
}

/// The sample reworded, a paragraph inserted (renumbering the rest) and one removed.
fn edited(sample: &str) -> String {
    sample
        .replacen(
            "*Recalling* its resolution 70/1",
            "*Recalling also* its resolution 70/1",
            1,
        )
        .replacen(
            "1. *Takes note*",
            "1. *Welcomes* the plan of action;\n\n2. *Takes note*",
            1,
        )
        .replacen(
            "*Mindful* of the need to strengthen the capacities of developing countries",
            "*Mindful* of the urgent need to strengthen the capacities of all developing countries",
            1,
        )
}

#[test]
fn accept_all_gives_current_and_reject_all_gives_base() {
    let dir = TempDir::new("export-tracked");
    let base_path = sample_draft(&dir);
    let source = std::fs::read_to_string(&base_path).unwrap();
    let current_path = dir.file("current.md", edited(&source));
    let base = resolute_draft::parse_markdown(&source).unwrap();
    let current = resolute_draft::parse_markdown(&edited(&source)).unwrap();
    assert_ne!(key(&base), key(&current));
    let out = dir.0.join("tracked.docx");
    let o = export_tracked(
        &current_path,
        &base_path,
        &out,
        Some("Delegation of Eastland"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = std::fs::read(&out).unwrap();
    let xml = document_xml(&docx);
    assert!(
        xml.contains(r#"w:author="Delegation of Eastland""#),
        "{xml}"
    );
    assert!(xml.contains("<w:delText") && xml.contains("<w:ins "));
    assert_eq!(key(&read_back(&docx)), key(&current), "accept all");
    assert_eq!(key(&read_back(&rejected(&docx))), key(&base), "reject all");
}

#[test]
fn author_defaults_to_resolute_and_any_importable_base_works() {
    let dir = TempDir::new("export-tracked-author");
    let current_path = sample_draft(&dir);
    // The base as plain text: any format `resolute` reads may be the base.
    let base_txt = dir.file(
        "base.txt",
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n",
    );
    let out = dir.0.join("tracked.docx");
    let o = export_tracked(&current_path, &base_txt, &out, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = std::fs::read(&out).unwrap();
    let xml = document_xml(&docx);
    assert!(xml.contains(r#"w:author="Resolute""#));
    // Dated now, as Word dates revisions: "YYYY-MM-DDTHH:MM:SSZ".
    let date = xml.split(r#"w:date=""#).nth(1).unwrap();
    assert_eq!(date.find('"'), Some(20), "{}", &date[..30]);
    let base = resolute_draft::segment(&std::fs::read_to_string(&base_txt).unwrap());
    assert_eq!(key(&read_back(&rejected(&docx))), key(&base));
}

#[test]
fn a_bad_base_is_named_and_nothing_is_written() {
    let dir = TempDir::new("export-tracked-bad");
    let current_path = sample_draft(&dir);
    let out = dir.0.join("tracked.docx");
    let missing = dir.0.join("no-such-base.md");
    let o = export_tracked(&current_path, &missing, &out, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-base.md"), "{}", stderr(&o));
    let broken = dir.file("broken.docx", b"PK\x03\x04 not really a zip");
    let o = export_tracked(&current_path, &broken, &out, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.docx"), "{}", stderr(&o));
    assert!(!out.exists());
    // --base only makes sense for DOCX.
    let o = resolute(&[
        "export",
        current_path.to_str().unwrap(),
        "--to",
        "akn",
        "--base",
        current_path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--to docx"), "{}", stderr(&o));
    assert!(!out.exists());
}

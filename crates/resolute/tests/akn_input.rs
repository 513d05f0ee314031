#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

//! An Akoma Ntoso file given to `parse`, `import` or `diff` is read with its structure as
//! written (`resolute_convert::akn::read_draft`), not re-segmented from its text: exported
//! and imported again it is the same draft, sections, subparagraphs and footnotes included.

use crate::util::{resolute, sample_draft, stderr, stdout, TempDir};
use resolute_draft::Draft;
use std::path::Path;

/// A draft with what the sample lacks: sections with their own numbering, a footnote in a
/// section and a subparagraph whose text looks like a heading.
const SECTIONED: &str = "---
body: General Assembly
session: 81
symbol: A/81/L.7
title: An example with sections
---

*The General Assembly*,

*Recalling* its resolution 70/1,[^1]

## I

### Water

1. *Decides* to act;

   (a) Regional data platforms

   (b) To report;

## II

### Follow-up

*Noting* the work done,

1. *Requests* a report on the matter.[^2]

[^1]: Resolution 70/1.

[^2]: To be issued later.
";

/// Everything a round trip must keep, spans aside.
fn structure(d: &Draft) -> Vec<String> {
    let mut out = vec![
        format!("{:?}", d.meta),
        format!("{:?}", d.enacting.as_ref().map(|e| &e.text)),
    ];
    for p in d.paragraphs() {
        out.push(format!(
            "{:?} {:?} {:?} {} | {} {:?}",
            p.kind, p.number, p.opening, p.text, p.markdown, p.footnote_refs
        ));
        out.extend(
            p.sub
                .iter()
                .map(|s| format!("  {} {} {} {:?}", s.label, s.level, s.text, s.footnote_refs)),
        );
    }
    out.extend(
        d.sections
            .iter()
            .map(|s| format!("section {} {}", s.label, s.heading)),
    );
    out.extend(
        d.footnotes
            .iter()
            .map(|f| format!("[{}] {}", f.label, f.text)),
    );
    out
}

fn without_spans(mut meta: resolute_draft::FrontMatter) -> resolute_draft::FrontMatter {
    meta.span = None;
    meta
}

fn export_import(dir: &TempDir, input: &Path) -> (String, std::path::PathBuf) {
    let xml = dir.0.join("draft.xml");
    let md = dir.0.join("imported.md");
    let o = resolute(&[
        "export",
        input.to_str().unwrap(),
        "--to",
        "akn",
        "-o",
        xml.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = resolute(&["import", xml.to_str().unwrap(), "-o", md.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (std::fs::read_to_string(&md).unwrap(), xml)
}

fn parsed(markdown: &str) -> Draft {
    let mut d = resolute_draft::parse_markdown(markdown).unwrap();
    d.meta = without_spans(d.meta);
    d
}

#[test]
fn sample_exported_to_akn_imports_as_the_same_draft() {
    let dir = TempDir::new("akn-import-sample");
    let input = sample_draft(&dir);
    let source = std::fs::read_to_string(&input).unwrap();
    let (imported, _) = export_import(&dir, &input);
    let (want, got) = (parsed(&source), parsed(&imported));
    assert_eq!(structure(&got), structure(&want));
    assert!(got.footnotes.len() == 2 && got.paragraphs().any(|p| !p.sub.is_empty()));
}

#[test]
fn sections_subparagraphs_and_footnotes_come_back_as_written() {
    let dir = TempDir::new("akn-import-sections");
    let input = dir.file("sectioned.md", SECTIONED);
    let (imported, xml) = export_import(&dir, &input);
    let (want, got) = (parsed(SECTIONED), parsed(&imported));
    assert_eq!(want.sections.len(), 2);
    assert_eq!(structure(&got), structure(&want));
    // parse and diff read the XML the same way: no difference from the draft it came from.
    let o = resolute(&[
        "diff",
        input.to_str().unwrap(),
        xml.to_str().unwrap(),
        "--exit-code",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

/// `parse --json` of an AKN file: spans are offsets into the draft-format Markdown of that
/// draft (what `import` writes), so each one frames its paragraph there.
#[test]
fn parse_json_spans_point_into_the_imported_markdown() {
    let dir = TempDir::new("akn-import-spans");
    let input = dir.file("sectioned.md", SECTIONED);
    let (imported, xml) = export_import(&dir, &input);
    let o = resolute(&["parse", "--json", xml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["source"], "draft");
    let section = &v["sections"][0]["operative"][0];
    assert_eq!(section["sub"].as_array().map(Vec::len), Some(2));
    let span = &section["span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    let framed = &imported[start..end];
    assert!(framed.starts_with("1. *Decides* to act;"), "{framed:?}");
    assert_eq!(v["footnotes"].as_array().map(Vec::len), Some(2));
}

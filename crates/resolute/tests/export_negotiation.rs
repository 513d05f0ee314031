//! A negotiating text through Word and back (docs/format.md §6, "In a Word document"):
//! `export --to docx --attributions inline|comments|none` then `import` keeps every bracket,
//! attribution, status, label and note, on a hand-written draft and on the COP21 text of
//! 23 October 2015.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{corpus_dir, resolute, stderr, TempDir};

const DRAFT: &str = "---
body: General Assembly
session: 81
agenda_item: 18 (b)
symbol: A/C.2/81/L.98
title: Example negotiated topic
sponsors: [Kingdom of Eastland, Southern Isles]
language: en
stage: informals
---

*The General Assembly*,

*Recalling* its resolution 70/1 [of 25 September 2015]{EU},

{PP1 bis} *Noting* [the [principles [as set out in Articles 2, 3 and 4]]]{US; delete: G77} of the Charter,

1. {agreed ad ref} *Decides* to act [shall][should]{EU}[other];

2. *Requests* the Secretary-General to report [by X date] on [below 2 °C] [below 1.5 °C]{AOSIS};

{2 bis} *Invites* Member States to contribute {Note: pending outcome of discussions on Article 10};

3. {pending: EU, G77} *Urges* all parties to [act]{retain: EU, G77}:

   (a) To [do this]{US};

   (b) To do that;
";

fn run(args: &[&str]) {
    let out = resolute(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// `draft` exported in `mode` and imported again, formatted: (docx bytes, draft text).
fn round_trip(dir: &TempDir, draft: &Path, mode: &str) -> (Vec<u8>, String) {
    let docx = dir.0.join(format!("{mode}.docx"));
    let back = dir.0.join(format!("{mode}.md"));
    run(&[
        "export",
        s(draft),
        "--format",
        "docx",
        "--attributions",
        mode,
        "-o",
        s(&docx),
    ]);
    run(&["import", s(&docx), "-o", s(&back), "--force"]);
    run(&["fmt", s(&back)]);
    let text = std::fs::read_to_string(&back).expect("imported draft");
    (std::fs::read(&docx).expect("docx"), text)
}

fn totals(path: &Path) -> Value {
    let out = resolute(&["brackets", s(path), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("brackets JSON");
    v["totals"].clone()
}

fn parts(docx: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("UTF-8 part");
            (entry.name().to_string(), text)
        })
        .collect()
}

fn part(docx: &[u8], name: &str) -> Option<String> {
    parts(docx)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t)
}

/// Every part parses as XML to its end.
fn assert_well_formed(docx: &[u8]) {
    for (name, xml) in parts(docx) {
        let mut reader = quick_xml::Reader::from_str(&xml);
        reader.config_mut().check_end_names = true;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
    }
}

/// Whether `text` still holds an attribution: a brace group right after a bracket.
fn has_attribution(text: &str) -> bool {
    text.contains("]{")
}

fn hand_written(dir: &TempDir) -> PathBuf {
    let path = dir.file("draft.md", DRAFT);
    run(&["fmt", s(&path)]);
    path
}

#[test]
fn inline_and_comments_give_back_the_same_draft_bytes() {
    let dir = TempDir::new("neg-docx-same");
    let draft = hand_written(&dir);
    let original = std::fs::read_to_string(&draft).unwrap();
    assert_eq!(original, DRAFT, "the test draft is normalised");
    for mode in ["inline", "comments"] {
        let (docx, back) = round_trip(&dir, &draft, mode);
        assert_well_formed(&docx);
        assert_eq!(back, original, "{mode}");
        let back_path = dir.0.join(format!("{mode}.md"));
        assert_eq!(totals(&back_path), totals(&draft), "{mode}");
    }
}

#[test]
fn comments_mode_anchors_one_comment_per_attribution_on_its_bracket() {
    let dir = TempDir::new("neg-docx-comments");
    let draft = hand_written(&dir);
    let (docx, _) = round_trip(&dir, &draft, "comments");
    let document = part(&docx, "word/document.xml").unwrap();
    let comments = part(&docx, "word/comments.xml").expect("a comments part");
    // Six attributions in the draft: six comments, each with its range and reference.
    assert_eq!(comments.matches("w:author=\"Resolute\"").count(), 6);
    assert!(comments.contains(">US; delete: G77<"), "{comments}");
    for tag in ["commentRangeStart", "commentRangeEnd", "commentReference"] {
        assert_eq!(document.matches(tag).count(), 6, "{tag}");
    }
    assert!(!has_attribution(&document), "no brace left in the text");
    // The range opens on the bracket: "[the [principles …" starts inside comment 1.
    assert!(
        document.contains(r#"<w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">[the"#),
        "{document}"
    );
}

#[test]
fn none_mode_drops_attributions_and_keeps_the_rest() {
    let dir = TempDir::new("neg-docx-none");
    let draft = hand_written(&dir);
    let (docx, back) = round_trip(&dir, &draft, "none");
    assert!(part(&docx, "word/comments.xml").is_none());
    assert!(!has_attribution(&back), "{back}");
    for kept in [
        "stage: informals",
        "{PP1 bis} *Noting*",
        "1. {agreed ad ref} *Decides*",
        "{2 bis} *Invites*",
        "{Note: pending outcome of discussions on Article 10}",
        "3. {pending: EU, G77} *Urges*",
        "[shall][should][other]",
        "[by X date]",
    ] {
        assert!(back.contains(kept), "{kept} missing:\n{back}");
    }
    let (before, after) = (totals(&draft), totals(&dir.0.join("none.md")));
    for key in [
        "pairs",
        "max_depth",
        "alternatives",
        "placeholders",
        "agreed",
        "pending",
        "notes",
    ] {
        assert_eq!(before[key], after[key], "{key}");
    }
    assert_eq!(after["attributed"], 0);
}

#[test]
fn the_stage_is_a_custom_property_and_shows_in_the_header() {
    let dir = TempDir::new("neg-docx-stage");
    let draft = hand_written(&dir);
    let (docx, _) = round_trip(&dir, &draft, "inline");
    let custom = part(&docx, "docProps/custom.xml").expect("custom properties");
    assert!(custom.contains(r#"name="ResoluteStage"><vt:lpwstr>informals<"#));
    let header = part(&docx, "word/header1.xml").expect("a page header");
    assert!(header.contains("Negotiating text (informals)"), "{header}");
    // The label is the paragraph's typed number, before a tab.
    let document = part(&docx, "word/document.xml").unwrap();
    assert!(document.contains(r#"<w:t xml:space="preserve">2 bis</w:t></w:r><w:r><w:tab/>"#));
}

#[test]
fn an_adopted_draft_is_written_as_before() {
    let draft =
        resolute_draft::parse_markdown(&DRAFT.replace("stage: informals\n", "")).expect("draft");
    assert!(draft.meta.stage.is_none());
    let plain = resolute_convert::docx::write(&draft).unwrap();
    for mode in [
        resolute_convert::docx::Attributions::Comments,
        resolute_convert::docx::Attributions::None,
    ] {
        assert_eq!(
            resolute_convert::docx::write_with(&draft, mode).unwrap(),
            plain
        );
    }
    let names: Vec<String> = parts(&plain).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/footnotes.xml",
            "docProps/core.xml"
        ]
    );
}

/// A comment someone else wrote, on text that is not a bracket, comes back as a note.
#[test]
fn a_foreign_comment_is_kept_as_a_note() {
    let dir = TempDir::new("neg-docx-foreign");
    let draft = hand_written(&dir);
    let (docx, _) = round_trip(&dir, &draft, "comments");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, xml) in parts(&docx) {
        let xml = if name == "word/comments.xml" {
            xml.replacen(
                r#"w:author="Resolute" w:initials="R"><w:p><w:r><w:t xml:space="preserve">EU<"#,
                r#"w:author="Jane Doe" w:initials="JD"><w:p><w:r><w:t xml:space="preserve">Check {this} date<"#,
                1,
            )
        } else {
            xml
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, xml.as_bytes()).unwrap();
    }
    let edited = dir.file("edited.docx", out.finish().unwrap().into_inner());
    let back = dir.0.join("edited.md");
    run(&["import", s(&edited), "-o", s(&back)]);
    let text = std::fs::read_to_string(&back).unwrap();
    assert!(
        text.contains("[of 25 September 2015] {Comment (Jane Doe): Check (this) date},"),
        "{text}"
    );
}

#[test]
fn cop21_23_october_keeps_its_brackets_through_word() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = TempDir::new("neg-docx-cop21");
    let source = corpus.join("negotiation/cop21/agreement-2015-10-23.md");
    let text = std::fs::read_to_string(&source).expect("the 23 October transcription");
    let body = text.splitn(3, "---\n").nth(2).expect("Jekyll front matter");
    let txt = dir.file("cop21.txt", body);
    let draft = dir.0.join("cop21.md");
    run(&["import", s(&txt), "-o", s(&draft)]);
    run(&["fmt", s(&draft)]);
    let original = std::fs::read_to_string(&draft).unwrap();
    let before = totals(&draft);
    assert!(before["pairs"].as_u64().unwrap_or(0) >= 1000, "{before}");
    for mode in ["inline", "comments", "none"] {
        let (docx, back) = round_trip(&dir, &draft, mode);
        assert_well_formed(&docx);
        let after = totals(&dir.0.join(format!("{mode}.md")));
        println!(
            "COP21 23 Oct {mode}: pairs {} -> {}, max depth {} -> {}, attributed {} -> {}",
            before["pairs"],
            after["pairs"],
            before["max_depth"],
            after["max_depth"],
            before["attributed"],
            after["attributed"]
        );
        assert_eq!(after["pairs"], before["pairs"], "{mode}");
        assert_eq!(after["max_depth"], before["max_depth"], "{mode}");
        assert_eq!(after["unbalanced"], before["unbalanced"], "{mode}");
        if mode == "none" {
            assert_eq!(after["attributed"], 0);
            assert!(!has_attribution(&back));
        } else {
            assert_eq!(after["attributed"], before["attributed"], "{mode}");
            assert!(back == original, "{mode}: the draft read back differs");
        }
    }
}

/// LibreOffice's `docx` re-save of `docx` (as a delegate would re-save the file), or
/// `None` when soffice is not installed or fails.
fn libreoffice_resave(dir: &TempDir, docx: &[u8]) -> Option<Vec<u8>> {
    let input = dir.file("resave-in.docx", docx);
    let out = dir.0.join("resaved");
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.0.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    status
        .success()
        .then(|| std::fs::read(out.join("resave-in.docx")).ok())
        .flatten()
}

/// The comments, the stage property and the typed labels survive LibreOffice saving the
/// file again (it renames the paragraph styles and rewrites every part).
#[test]
fn comments_survive_a_libreoffice_resave() {
    let dir = TempDir::new("neg-docx-resave");
    let draft = hand_written(&dir);
    let (docx, _) = round_trip(&dir, &draft, "comments");
    let Some(resaved) = libreoffice_resave(&dir, &docx) else {
        println!("skipping: soffice (LibreOffice) not available");
        return;
    };
    assert_ne!(resaved, docx, "LibreOffice wrote its own file");
    let path = dir.file("resaved.docx", &resaved);
    let back = dir.0.join("resaved.md");
    run(&["import", s(&path), "-o", s(&back)]);
    run(&["fmt", s(&back)]);
    assert_eq!(std::fs::read_to_string(&back).unwrap(), DRAFT);
}

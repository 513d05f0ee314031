//! `resolute parse`: the JSON contract, the outline, and behaviour on a closed pipe.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{
    check_parse_shape, corpus_dir, resolute_on, sample_draft, stderr, stdout, TempDir,
};

fn parse_json(path: &std::path::Path) -> Value {
    let out = resolute_on(&["parse", "--json"], path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one JSON object on one line");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn sample_draft_json_has_the_contract_shape() {
    let dir = TempDir::new("sample-json");
    let path = sample_draft(&dir);
    let len = std::fs::metadata(&path).expect("sample").len() as usize;
    let v = parse_json(&path);
    check_parse_shape(&v, len).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(v["source"], "draft");
}

#[test]
fn corpus_file_json_has_the_contract_shape() {
    let Some(corpus) = corpus_dir() else { return };
    let path = corpus.join("texts/raw-pdf/ga-resolutions/A_RES_78_100.txt");
    let len = std::fs::metadata(&path).expect("corpus file").len() as usize;
    let v = parse_json(&path);
    check_parse_shape(&v, len).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(v["source"], "text");
}

/// End to end through the draft format reader: passes once `parse_markdown` is implemented.
#[test]
fn sample_draft_outline_lists_preambular_and_operative_paragraphs() {
    let dir = TempDir::new("sample-outline");
    let path = sample_draft(&dir);
    let out = resolute_on(&["parse"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let starts = |prefix: &str| text.lines().any(|l| l.starts_with(prefix));
    assert!(
        starts("symbol:") && starts("body:") && starts("title:"),
        "{text}"
    );
    assert!(
        starts("PP1 ") && starts("PP2 "),
        "preambular paragraphs in:\n{text}"
    );
    assert!(
        starts("OP1 ") && starts("OP2 "),
        "operative paragraphs in:\n{text}"
    );
    assert!(
        text.contains("The General Assembly,"),
        "enacting formula in:\n{text}"
    );
    assert!(starts("footnotes: "), "{text}");
}

/// End to end through the draft format reader: our own draft's values come out in the JSON.
#[test]
fn own_draft_values_reach_the_json() {
    let dir = TempDir::new("own-json");
    let path = dir.file("own.md", crate::util::OWN_DRAFT);
    let v = parse_json(&path);
    assert_eq!(v["symbol"], "A/C.2/81/L.99");
    assert_eq!(v["body"], "GA");
    assert_eq!(v["session"], "81");
    assert_eq!(v["preamble"][0]["opening"], "Recalling");
    assert_eq!(v["preamble"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["operative"][0]["n"], 1);
    assert_eq!(v["operative"][0]["sub"][1]["label"], "(b)");
    assert_eq!(v["operative"][1]["opening"], "Requests");
    let text = v["preamble"][0]["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("Recalling its resolution 61/208"),
        "{text}"
    );
    assert!(
        !text.contains("[^1]"),
        "footnote marks are not part of text: {text}"
    );
    assert_eq!(v["footnotes"][0]["label"], "1");
}

#[test]
fn closed_stdout_exits_quietly() {
    let dir = TempDir::new("pipe");
    // Many paragraphs, so the output is larger than a pipe buffer once segmentation works.
    let mut text = String::from("The General Assembly,\n\n");
    for i in 1..=3000 {
        text.push_str(&format!(
            "{i}. Requests the Secretary-General to report on item {i};\n\n"
        ));
    }
    let path = dir.file("long.txt", text);
    for args in [&["parse"][..], &["parse", "--json"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resolute"))
            .args(args)
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Like `| head -c 1`: read one byte, then close the pipe.
        let mut first = [0u8; 1];
        let mut child_out = child.stdout.take().expect("stdout");
        let _ = child_out.read(&mut first);
        drop(child_out);
        let out = child.wait_with_output().expect("wait");
        assert_eq!(stderr(&out), "", "{args:?}: no message on a closed pipe");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

/// A compilation page of the Official Records (the end of the previous resolution, the
/// file's own, the start of the next) is read for the file's own resolution only, as the
/// library reads it, and the command says so on standard error; the JSON spans still point
/// into the file.
#[test]
fn a_compilation_page_is_read_for_its_own_resolution() {
    let dir = TempDir::new("compilation");
    let text = "The General Assembly, therefore,\n\nAffirms that genocide is a crime under international law;\n\nFifty-fifth plenary meeting,\n\n11 December 1946.\n\n97 (I). Registration of treaties\n\nThe General Assembly,\n\nConsidering it desirable to establish rules,\n\nAdopts the following regulations.\n\nSixty-fifth plenary meeting,\n\n14 December 1946.\n\n98 (I). Another matter\n\nThe General Assembly,\n\nDecides to act.\n\nSixty-sixth plenary meeting,\n\n15 December 1946.\n";
    let path = dir.file("A_RES_97(I).txt", text);
    let out = resolute_on(&["parse", "--json"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a compilation page"),
        "{}",
        stderr(&out)
    );
    let v: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    check_parse_shape(&v, text.len()).unwrap_or_else(|e| panic!("{e}"));
    let json = v.to_string();
    assert!(json.contains("Considering it desirable"), "{json}");
    assert!(
        !json.contains("genocide") && !json.contains("Decides to act"),
        "{json}"
    );
    assert!(json.contains("1946-12-14"), "{json}");
    // Any other text is read whole, without a note.
    let out = resolute_on(
        &["parse"],
        &dir.file(
            "A_RES_98_1.txt",
            "The General Assembly,\n\n1. Decides to act.\n",
        ),
    );
    assert_eq!(stderr(&out), "");
}

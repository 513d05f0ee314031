#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

//! `resolute compile` on the Second Committee sets of session 80 in the shared corpus: a
//! sponsor's draft, the facilitator's draft that replaced it and the adopted resolution
//! (`metadata/ga_draft_lifecycle_igov_79-80.jsonl`). The facilitator's draft and the adopted
//! text are compiled as two proposals on the sponsor's draft; `clean --keep` must give each
//! back and `--keep none` the sponsor's draft, paragraph by paragraph. Then the command's
//! contract: JSON shape, exit codes, refusals.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use resolute::{CompileRequest, CompiledText};
use serde_json::Value;

use crate::util::{corpus_dir, resolute, stderr, stdout, TempDir};

/// Symbol -> text file, for the raw PDF extractions of the corpus.
fn texts(corpus: &Path) -> HashMap<String, PathBuf> {
    std::fs::read_to_string(corpus.join("metadata/documents.jsonl"))
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|d| d["format"] == "raw-pdf")
        .filter_map(|d| {
            let symbol = d["symbol"].as_str()?.to_string();
            Some((symbol, corpus.join(d["text_file"].as_str()?)))
        })
        .collect()
}

/// (sponsor's draft, facilitator's draft, adopted resolution) of every Second Committee
/// draft of session 80 whose three texts are in the corpus.
fn sets(corpus: &Path) -> Vec<(PathBuf, PathBuf, PathBuf)> {
    let texts = texts(corpus);
    let lifecycle =
        std::fs::read_to_string(corpus.join("metadata/ga_draft_lifecycle_igov_79-80.jsonl"))
            .unwrap();
    let mut out = Vec::new();
    for line in lifecycle.lines() {
        let d: Value = serde_json::from_str(line).unwrap();
        if d["committee"] != "Second Committee" || d["session"] != "EIGHTIETH" {
            continue;
        }
        let symbols: Vec<&str> = d["draft_symbols"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let drafts: Vec<&str> = symbols
            .iter()
            .copied()
            .filter(|s| s.starts_with("A/C.2/80/L."))
            .collect();
        let adopted = symbols
            .iter()
            .find(|s| s.starts_with("80/"))
            .map(|s| format!("A/RES/{s}"));
        let (Some(first), Some(last), Some(adopted)) = (drafts.first(), drafts.last(), adopted)
        else {
            continue;
        };
        let found = (texts.get(*first), texts.get(*last), texts.get(&adopted));
        if let (Some(a), Some(b), Some(c)) = found {
            let set = (a.clone(), b.clone(), c.clone());
            if first != last && !out.contains(&set) {
                out.push(set);
            }
        }
    }
    out
}

#[test]
fn second_committee_rounds_compile_and_come_back() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = TempDir::new("compile-c2");
    let sets = sets(&corpus);
    assert!(sets.len() >= 10, "{} sets found", sets.len());
    let (mut added, mut deleted, mut changed) = (0, 0, 0);
    for (k, (sponsor, facilitator, adopted)) in sets.iter().enumerate() {
        let output = dir.0.join(format!("compiled-{k}.md"));
        let c: CompiledText = resolute::compile(&CompileRequest {
            base: sponsor.clone(),
            from: vec![
                ("Facilitator".into(), facilitator.clone()),
                ("Adopted".into(), adopted.clone()),
            ],
            output: output.clone(),
        })
        .unwrap();
        assert!(c.round_trips(), "{}: {c:#?}", sponsor.display());
        // Every set was renegotiated: the facilitator's draft changed the sponsor's.
        let f = &c.proposals[0].counts;
        assert!(f.changed + f.added + f.deleted > 0, "{}", sponsor.display());
        for p in &c.proposals {
            (added, deleted, changed) = (
                added + p.counts.added,
                deleted + p.counts.deleted,
                changed + p.counts.changed,
            );
        }
        // The file written is what was checked, and it is a negotiating text.
        let written = std::fs::read_to_string(&output).unwrap();
        assert_eq!(written, c.markdown);
        assert!(written.contains("\nstage: compilation\n"));
        assert!(
            written.contains("]{Facilitator, Adopted}"),
            "{}",
            sponsor.display()
        );
    }
    println!(
        "compile: {} Second Committee sets, 2 proposals each, all come back; {changed} \
         paragraphs changed, {added} added, {deleted} deleted over the proposals",
        sets.len()
    );
}

const BASE: &str = "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n\
                    1. *Decides* to convene a meeting in 2027;\n\n\
                    2. *Decides* to remain seized of the matter.\n";

#[test]
fn compile_on_the_command_line() {
    let dir = TempDir::new("compile-cli");
    let base = dir.file("base.md", BASE);
    let eu = dir.file("eu.md", BASE.replace("in 2027", "in 2028"));
    let us = dir.file(
        "us.txt",
        BASE.replace("a meeting", "a summit").replace('*', ""),
    );
    let out = dir.0.join("out.md");
    let arg = |name: &str, p: &Path| format!("{name}={}", p.display());
    let (eu_arg, us_arg) = (arg("EU", &eu), arg("United States", &us));
    let args = [
        "compile",
        base.to_str().unwrap(),
        "--from",
        &eu_arg,
        "--from",
        &us_arg,
        "-o",
        out.to_str().unwrap(),
        "--json",
    ];
    let o = resolute(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["proposals"][0]["name"], "EU");
    assert_eq!(v["proposals"][0]["changed"], 1);
    assert_eq!(v["proposals"][1]["name"], "United States");
    assert_eq!(v["proposals"][1]["differing"], Value::Array(vec![]));
    assert_eq!(v["base_differing"], Value::Array(vec![]));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("to convene a [meeting]{delete: United States}[summit]{United States} in [2027;]{delete: EU}[2028;]{EU}"),
        "{text}"
    );
    // clean gives each version back.
    let back = dir.0.join("back.md");
    let o = resolute(&[
        "clean",
        out.to_str().unwrap(),
        "--keep",
        "EU",
        "-o",
        back.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&back)
        .unwrap()
        .contains("1. *Decides* to convene a meeting in 2028;"));

    // A version sent back as a Word document with Track Changes reads as its changes
    // accepted.
    let docx = dir.0.join("eu.docx");
    let o = resolute(&[
        "export",
        eu.to_str().unwrap(),
        "--to",
        "docx",
        "--base",
        base.to_str().unwrap(),
        "--author",
        "EU",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let from_docx = arg("EU", &docx);
    let o = resolute(&[
        "compile",
        base.to_str().unwrap(),
        "--from",
        &from_docx,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("comes back from clean --keep EU"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("in [2027;]{delete: EU}[2028;]{EU}"), "{text}");
    assert!(!text.contains("United States"), "{text}");

    // A name that cannot be an attribution, a malformed --from, a missing file: exit 2,
    // a message naming the problem, nothing written.
    let fresh = dir.0.join("fresh.md");
    let bad_name = arg("none", &eu);
    for (from, says) in [
        (bad_name.as_str(), "cannot name a delegation"),
        ("EU", "expected NAME=FILE"),
        ("EU=/no/such/file.md", "no such file"),
    ] {
        let o = resolute(&[
            "compile",
            base.to_str().unwrap(),
            "--from",
            from,
            "-o",
            fresh.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{from}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{from}: {}", stderr(&o));
        assert!(!fresh.exists());
    }
}

//! `resolute check`, and the library commands it leans on (`library add`, `search`,
//! `precedent`), through the real binary on small libraries built in temp folders.

#![allow(clippy::unwrap_used)] // test helpers: a failed fixture write should just stop the test

use std::path::Path;

use serde_json::Value;

use crate::util::{resolute, stderr, stdout, TempDir};

const DRAFT: &str = "---
body: General Assembly
language: en
---

*The General Assembly*,

*Recalling* its resolution 61/208 of 21 December 2006 on international migration and development,

*Deeply concerned* at the situation of migrant workers;

1. *Requests* the Secretary-General to report;

2. *Decides* to remain seized of the matter.
";

const METADATA: &str = "symbol,body,adoption_date,title
A/RES/61/208,GA,2006-12-20,International migration and development
";

const ADOPTED: &str = "The General Assembly,

Recalling its earlier resolutions on the protection of migrant workers,

1. Calls upon all States to protect the human rights of migrant workers regardless of their status;

2. Requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the implementation of the present resolution.
";

/// A library in `dir/lib` holding the metadata row and one adopted text.
fn library(dir: &TempDir) -> String {
    let texts = dir.0.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(texts.join("index.csv"), METADATA).unwrap();
    std::fs::write(texts.join("A_RES_79_99.txt"), ADOPTED).unwrap();
    let lib = dir.0.join("lib");
    let lib_arg = lib.to_str().unwrap().to_string();
    let out = resolute(&[
        "library",
        "add",
        texts.to_str().unwrap(),
        "--library",
        &lib_arg,
    ]);
    assert!(out.status.success(), "library add failed: {}", stderr(&out));
    assert!(stdout(&out).contains("2 files"), "{}", stdout(&out));
    lib_arg
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn without_a_library_structure_errors_are_reported_rustc_style_and_exit_1() {
    let dir = TempDir::new("check-plain");
    let draft = dir.file("draft.md", DRAFT);
    let none = dir.0.join("no-library");
    let out = resolute(&["check", path_str(&draft), "--library", path_str(&none)]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("error[structure/preamble-end]"), "{text}");
    assert!(text.contains("draft.md:10:55"), "{text}");
    assert!(text.contains("= fix: replace with \",\""), "{text}");
    assert!(text.contains("citations not verified"), "{text}");
    assert!(!none.exists(), "check must not create a library");
}

#[test]
fn with_a_library_a_wrong_date_is_an_error_with_the_right_date_as_fix() {
    let dir = TempDir::new("check-lib");
    let lib = library(&dir);
    let draft = dir.file("draft.md", DRAFT);
    let out = resolute(&["check", "--json", path_str(&draft), "--library", &lib]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let date = lines
        .iter()
        .find(|d| d["rule"] == "citation/date")
        .expect("date finding");
    for key in [
        "rule", "severity", "line", "column", "start", "end", "message", "fix",
    ] {
        assert!(date.get(key).is_some(), "missing {key}: {date}");
    }
    assert_eq!(date["fix"]["replacement"], "20 December 2006");
    let (start, end) = (
        date["start"].as_u64().unwrap(),
        date["end"].as_u64().unwrap(),
    );
    assert_eq!(&DRAFT[start as usize..end as usize], "21 December 2006");
}

#[test]
fn a_clean_draft_exits_0() {
    let dir = TempDir::new("check-clean");
    let fixed = DRAFT
        .replace("21 December", "20 December")
        .replace("workers;", "workers,");
    let draft = dir.file("draft.md", fixed);
    let lib = library(&dir);
    let out = resolute(&["check", path_str(&draft), "--library", &lib]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).starts_with("0 errors"), "{}", stdout(&out));
}

#[test]
fn search_finds_an_exact_phrase_and_precedent_shows_the_differences() {
    let dir = TempDir::new("check-search");
    let lib = library(&dir);
    let out = resolute(&[
        "search",
        "--json",
        "\"regardless of their status\"",
        "--library",
        &lib,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(first["kind"], "operative");
    assert_eq!(first["n"], 1);
    let out = resolute(&[
        "precedent",
        "Calls upon all States to protect the rights of migrant workers regardless of status",
        "--library",
        &lib,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("OP 1"), "{text}");
    assert!(text.contains("[-human-]"), "{text}");
}

#[test]
fn precedent_without_text_is_a_usage_error() {
    let out = resolute(&["precedent", "--library", "/nonexistent/resolute-lib"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("resolute: "), "{}", stderr(&out));
}

#[test]
fn search_filters_are_typed_and_a_bad_value_names_the_allowed_ones() {
    let dir = TempDir::new("check-filters");
    let lib = library(&dir);
    let search = |filter: &str, value: &str| {
        let phrase = "\"regardless of their status\"";
        resolute(&["search", "--json", phrase, "--library", &lib, filter, value])
    };
    // A known organ, written as its code or its name, filters; an unknown one is refused.
    for body in ["GA", "general assembly"] {
        let out = search("--body", body);
        assert!(out.status.success(), "{body}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty(), "{body}: nothing found");
    }
    let out = search("--body", "SC");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "an SC filter found GA text");
    let out = search("--body", "UN");
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("unknown body \"UN\""), "{err}");
    assert!(err.contains("GA, SC, HRC, ECOSOC"), "{err}");
    let out = search("--kind", "preamble");
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("operative"), "{}", stderr(&out));
}

/// `library pack` and `library add PACK` on the command line: the pack carries the register,
/// so `check` with the new library finds the same wrong date; a damaged pack is refused
/// (exit 2, the file and the reason on stderr) and the library keeps what it had.
#[test]
fn a_library_pack_carries_the_register_to_another_library() {
    let dir = TempDir::new("check-pack");
    let lib = library(&dir);
    let pack = dir.0.join("lib.pack");
    let out = resolute(&["library", "pack", "-o", path_str(&pack), "--library", &lib]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("packed 1 resolutions"),
        "{}",
        stdout(&out)
    );
    let other = dir.0.join("other");
    let out = resolute(&[
        "library",
        "add",
        path_str(&pack),
        "--library",
        path_str(&other),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("adopted (2 files)"),
        "{}",
        stdout(&out)
    );
    let stats = |l: &str| stdout(&resolute(&["library", "stats", "--json", "--library", l]));
    assert_eq!(stats(&lib), stats(path_str(&other)));
    let draft = dir.file("draft.md", DRAFT);
    let checked = |l: &str| stdout(&resolute(&["check", path_str(&draft), "--library", l]));
    assert_eq!(checked(&lib), checked(path_str(&other)));

    let mut bytes = std::fs::read(&pack).unwrap();
    bytes.truncate(bytes.len() - 100);
    let broken = dir.file("broken.pack", &bytes);
    let out = resolute(&[
        "library",
        "add",
        path_str(&broken),
        "--library",
        path_str(&other),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.pack"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the library is unchanged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stats(&lib), stats(path_str(&other)));
}

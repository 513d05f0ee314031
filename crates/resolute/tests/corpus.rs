//! Every text of the shared corpus parses without a panic into JSON of the contract's shape.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use resolute::{parse, ParseRequest};

use crate::util::{check_parse_shape, corpus_dir, files_under, resolute_on, stderr, stdout};

/// Parses one file through the library and checks the JSON it would print.
fn check_file(path: &Path) -> Result<(), String> {
    let parsed = parse(&ParseRequest {
        path: path.to_path_buf(),
    })
    .map_err(|e| e.to_string())?;
    let json = serde_json::to_string(&parsed.view()).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    check_parse_shape(&value, parsed.source.text.len())?;
    // The outline must not panic either.
    let _ = parsed.outline();
    Ok(())
}

/// Runs `check_file` on `files` and returns "path: problem" for each failure or panic.
fn failures(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .filter_map(|f| {
            let result = catch_unwind(AssertUnwindSafe(|| check_file(f)));
            match result {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(format!("{}: {e}", f.display())),
                Err(_) => Some(format!("{}: panicked", f.display())),
            }
        })
        .collect()
}

#[test]
fn every_corpus_text_parses_to_contract_json() {
    let Some(corpus) = corpus_dir() else { return };
    let files = files_under(&corpus.join("texts"));
    assert!(files.len() > 100, "corpus texts found: {}", files.len());
    // Two workers: the machine has two cores and this is the longest test.
    let (a, b) = files.split_at(files.len() / 2);
    let mut bad = std::thread::scope(|s| {
        let left = s.spawn(|| failures(a));
        let mut right = failures(b);
        let mut all = left
            .join()
            .unwrap_or_else(|_| vec!["worker panicked".into()]);
        all.append(&mut right);
        all
    });
    bad.truncate(20);
    assert!(
        bad.is_empty(),
        "{} files failed, first ones:\n{}",
        bad.len(),
        bad.join("\n")
    );
    eprintln!("{} corpus texts parsed", files.len());
}

#[test]
fn the_binary_on_a_sample_of_corpus_texts() {
    let Some(corpus) = corpus_dir() else { return };
    let files = files_under(&corpus.join("texts"));
    let step = (files.len() / 50).max(1);
    for path in files.iter().step_by(step) {
        let out = resolute_on(&["parse", "--json"], path);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            stderr(&out)
        );
        let v: serde_json::Value = serde_json::from_str(&stdout(&out))
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()));
        let len = std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(0);
        check_parse_shape(&v, len).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outline = resolute_on(&["parse"], path);
        assert_eq!(outline.status.code(), Some(0), "{}", path.display());
    }
}

//! A small library built from corpus files with the real CLI, and the CLI's own search over
//! it (what the library panel must show).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{Error, Tools};

/// The corpus text files of `symbols` (from `metadata/documents.jsonl`), clean paragraphs
/// preferred over raw PDF text when a symbol has both.
pub fn files_of(corpus: &Path, symbols: &[&str]) -> Result<Vec<PathBuf>, Error> {
    let meta = corpus.join("metadata/documents.jsonl");
    let text = std::fs::read_to_string(&meta)
        .map_err(|e| Error::io(format!("reading {}", meta.display()), e))?;
    let rows: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let mut files = Vec::new();
    for symbol in symbols {
        let mut candidates: Vec<&Value> = rows.iter().filter(|r| r["symbol"] == *symbol).collect();
        candidates.sort_by_key(|r| r["format"] != "clean-paragraphs");
        let file = candidates
            .first()
            .and_then(|r| r["text_file"].as_str())
            .ok_or_else(|| Error::Tool(format!("{symbol} is not in {}", meta.display())))?;
        files.push(corpus.join(file));
    }
    Ok(files)
}

/// Builds a library at `dir` from `files` with `resolute library add`.
pub fn build_library(tools: &Tools, dir: &Path, files: &[PathBuf]) -> Result<(), Error> {
    let out = Command::new(&tools.cli)
        .args(["library", "add"])
        .args(files)
        .arg("--library")
        .arg(dir)
        .output()
        .map_err(|e| Error::io("running resolute library add", e))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(Error::Tool(format!(
            "resolute library add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )))
    }
}

/// The paragraph texts `resolute search QUERY --json` finds in the library at `dir`.
pub fn search_texts(tools: &Tools, dir: &Path, query: &str) -> Result<Vec<String>, Error> {
    let out = Command::new(&tools.cli)
        .args(["search", query, "--json", "--limit", "100", "--library"])
        .arg(dir)
        .output()
        .map_err(|e| Error::io("running resolute search", e))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    Ok(stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect())
}

//! Helpers shared by the integration tests: temp directories, running the real binary, the
//! sample draft, the corpus location and the JSON contract's shape.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::Value;

/// A directory under the system temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("resolute-test-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    /// Names of the entries in the directory, sorted.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("read temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the real `resolute` binary.
pub fn resolute(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resolute"))
        .args(args)
        .output()
        .expect("run resolute")
}

/// Runs `resolute` with a path argument last.
pub fn resolute_on(args: &[&str], path: &Path) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    let p = path.to_str().expect("utf-8 temp path");
    all.push(p);
    resolute(&all)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A small draft of our own, in the draft format of DESIGN.md §2.
pub const OWN_DRAFT: &str = "---
body: General Assembly
session: 81
symbol: A/C.2/81/L.99
title: Example topic for the command-line tests
---

*The General Assembly*,

*Recalling* its resolution 61/208 of 20 December 2006 on international migration and
development,[^1]

*Noting with appreciation* the work done so far,

1. *Recognizes* that more remains to be done, and in this regard:

   (a) *Welcomes* the reports received;

   (b) *Requests* the Secretary-General to continue the work;

2. *Requests* the Secretary-General to submit a report at its eighty-second session.

[^1]: See resolution 60/1, paras. 61 and 62.
";

/// The bundled sample draft when it exists, else [`OWN_DRAFT`] written into `dir`.
pub fn sample_draft(dir: &TempDir) -> PathBuf {
    let bundled = workspace_root().join("assets/sample/draft.md");
    if bundled.is_file() {
        return bundled;
    }
    eprintln!(
        "note: {} not found; using the tests' own draft",
        bundled.display()
    );
    dir.file("draft.md", OWN_DRAFT)
}

/// The shared corpus (see `resolute_testkit::corpus`: skips outside CI, fails under it).
pub fn corpus_dir() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read corpus dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Checks `v` against the `parse --json` contract of DESIGN.md §3, and that every span lies
/// within a source of `source_len` bytes. Returns the first problem found.
pub fn check_parse_shape(v: &Value, source_len: usize) -> Result<(), String> {
    for key in ["symbol", "body", "session", "title", "adopted"] {
        opt_str(v, key)?;
    }
    if let Some(date) = v["adopted"].as_str() {
        resolute_draft::dates::is_iso_date(date)
            .then_some(())
            .ok_or(format!("adopted {date:?} is not YYYY-MM-DD"))?;
    }
    paragraphs(&v["preamble"], source_len)?;
    paragraphs(&v["operative"], source_len)?;
    for s in array(v, "sections")? {
        string(s, "label")?;
        string(s, "heading")?;
        paragraphs(&s["preamble"], source_len)?;
        paragraphs(&s["operative"], source_len)?;
    }
    if !v["closing"].is_null() {
        string(&v["closing"], "meeting")?;
        opt_str(&v["closing"], "date")?;
    }
    for a in array(v, "annexes")? {
        string(a, "heading")?;
        string(a, "text")?;
    }
    for f in array(v, "footnotes")? {
        string(f, "label")?;
        string(f, "text")?;
    }
    Ok(())
}

fn paragraphs(list: &Value, source_len: usize) -> Result<(), String> {
    let items = list.as_array().ok_or(format!("not an array: {list}"))?;
    for p in items {
        let n = p["n"].as_u64().ok_or(format!("n is not a number: {p}"))?;
        if n == 0 {
            return Err(format!("n is 0: {p}"));
        }
        opt_str(p, "opening")?;
        string(p, "text")?;
        span(p, source_len)?;
        for s in array(p, "sub")? {
            string(s, "label")?;
            string(s, "text")?;
            span(s, source_len)?;
        }
    }
    Ok(())
}

fn span(v: &Value, source_len: usize) -> Result<(), String> {
    let (start, end) = (v["span"]["start"].as_u64(), v["span"]["end"].as_u64());
    match (start, end) {
        (Some(s), Some(e)) if s <= e && e as usize <= source_len => Ok(()),
        _ => Err(format!(
            "span outside the source ({source_len} bytes): {}",
            v["span"]
        )),
    }
}

fn array<'a>(v: &'a Value, key: &str) -> Result<&'a Vec<Value>, String> {
    v[key]
        .as_array()
        .ok_or(format!("{key} is not an array in {v}"))
}

fn string(v: &Value, key: &str) -> Result<(), String> {
    v[key]
        .is_string()
        .then_some(())
        .ok_or(format!("{key} is not a string in {v}"))
}

fn opt_str(v: &Value, key: &str) -> Result<(), String> {
    let ok = v.get(key).is_some_and(|x| x.is_string() || x.is_null());
    ok.then_some(())
        .ok_or(format!("{key} is missing or not string|null in {v}"))
}

//! A process killed (SIGKILL) in the middle of an import leaves a library that opens and
//! answers, keeps what was there before, and can finish the import afterwards.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use resolute_library::{Library, SearchRequest};

use crate::common::{resolution_text, temp_dir};

/// The example driver binary, built by `cargo test` beside the test binary; built on
/// demand when missing.
fn driver() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile folder");
    let path = profile_dir
        .join("examples")
        .join(format!("library{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "-p", "resolute-library", "--example", "library"])
            .status()
            .expect("cargo build");
        assert!(status.success());
    }
    path
}

/// Paragraphs in each generated resolution.
const PARAS: usize = 30;

/// Many generated resolutions, so that the import lasts several commit intervals.
fn write_many(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let op = "Decides to include in the provisional agenda of its next session the item on mountain ecosystems;";
    for i in 0..count {
        let pre =
            format!("Recalling its resolution {i}/1 on the protection of glacier number {i},");
        let op1 = format!("Requests a report on glacier {i} and on mountain ecosystems;");
        let mut ops = vec![op1.as_str()];
        ops.extend(std::iter::repeat_n(op, PARAS - 2));
        let text = resolution_text(&format!("A/RES/91/{}", i + 1), &[&pre], &ops);
        std::fs::write(dir.join(format!("r{i:05}.txt")), text).unwrap();
    }
}

#[test]
fn a_killed_import_leaves_a_library_that_opens_and_answers() {
    let root = temp_dir("kill");
    let dir = root.join("lib");
    let before = root.join("before.txt");
    let text = resolution_text(
        "A/RES/90/30",
        &["Welcoming the work on sea turtles,"],
        &["Urges the protection of sea turtles."],
    );
    std::fs::write(&before, text).unwrap();
    let mut lib = Library::open(&dir).unwrap();
    lib.import(&[before], &mut |_| {}).unwrap();
    drop(lib);
    let many = root.join("many");
    let count = 3000;
    write_many(&many, count);

    let mut child = Command::new(driver())
        .arg(&dir)
        .arg("import")
        .arg(&many)
        .args(["--commit-ms", "200"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the driver");
    // Wait until a quarter of the files are done (several commits), then kill -9.
    let stderr = child.stderr.take().expect("stderr");
    let start = Instant::now();
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap_or_default();
        let done: usize = line
            .split('/')
            .next()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        if done >= count / 4 || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    // A reader in this process is not blocked by the running import.
    let reader = Library::open(&dir).expect("opens while an import runs");
    let t = Instant::now();
    let found = reader
        .search(&SearchRequest::new("\"sea turtles\""))
        .unwrap();
    assert_eq!(found.groups.len(), 1);
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "search waited {:?}",
        t.elapsed()
    );
    drop(reader);
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert!(
        !status.success(),
        "the import should have been killed, not finished"
    );

    let lib = Library::open(&dir).expect("a killed import leaves a library that opens");
    assert!(lib.rebuilt().is_none(), "nothing to rebuild after a kill");
    let turtles = lib.search(&SearchRequest::new("\"sea turtles\"")).unwrap();
    assert_eq!(turtles.groups.len(), 1, "what was there before is kept");
    let partial = lib.stats().unwrap().resolutions;
    assert!(partial > 1, "work committed before the kill is kept");
    eprintln!(
        "killed after {:.1} s with {} of {count} generated files committed",
        start.elapsed().as_secs_f64(),
        partial - 1
    );
    assert!(partial < count + 1, "the import was killed before its end");
    drop(lib);

    let mut lib = Library::open(&dir).unwrap();
    let summary = lib.import(&[many], &mut |_| {}).unwrap();
    assert_eq!(summary.unchanged + summary.added, count, "{summary:?}");
    let stats = lib.stats().unwrap();
    assert_eq!(stats.resolutions, count + 1, "no file lost or doubled");
    assert_eq!(stats.paragraphs, PARAS * count + 2);
    let r = lib.search(&SearchRequest::new("\"glacier 2345\"")).unwrap();
    assert_eq!(
        r.groups.first().map(|g| g.symbol.as_str()),
        Some("A/RES/91/2346")
    );
}

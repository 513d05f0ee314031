//! A process killed (SIGKILL) in the middle of an import leaves a library that opens and
//! answers, keeps what was there before, and can finish the import afterwards.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use resolute_library::{Library, SearchRequest};

use crate::common::{resolution_text, temp_dir};

/// The process that imports and gets killed: the example driver when it is at least as
/// new as the library it links (a full `cargo test` builds it), else this very test binary
/// re-run on [`child_import`]. Never `cargo build` from here: the outer cargo may hold
/// the build lock while tests run.
fn importer(dir: &Path, many: &Path) -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile folder");
    let example = profile
        .join("examples")
        .join(format!("library{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let newest_lib = std::fs::read_dir(profile.join("deps"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("libresolute_library-")
        })
        .filter_map(|e| modified(&e.path()))
        .max();
    if modified(&example).is_some() && modified(&example) >= newest_lib {
        let mut cmd = Command::new(example);
        cmd.arg(dir)
            .arg("import")
            .arg(many)
            .args(["--commit-ms", "200"]);
        return cmd;
    }
    eprintln!("example driver missing or stale: re-running the test binary as the importer");
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", "kill::child_import", "--ignored", "--nocapture"]);
    cmd.env(CHILD, format!("{}\n{}", dir.display(), many.display()));
    cmd
}

/// Environment variable that turns [`child_import`] into the importer: "LIB\nFOLDER".
const CHILD: &str = "RESOLUTE_LIBRARY_KILL_CHILD";

/// The importer when the example driver is not usable; does nothing in a normal run.
#[test]
#[ignore = "run by the kill test as a child process"]
fn child_import() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let Some((dir, many)) = spec.split_once('\n') else {
        return;
    };
    let mut lib = Library::open(dir).unwrap();
    lib.set_commit_interval(Duration::from_millis(200));
    let mut last = Instant::now();
    lib.import(&[PathBuf::from(many)], &mut |p| {
        if last.elapsed() >= Duration::from_millis(500) {
            last = Instant::now();
            eprintln!("{}/{} files", p.files_done, p.files_total);
        }
    })
    .unwrap();
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

    let mut child = importer(&dir, &many)
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
    let found = reader
        .search(&SearchRequest::new("\"sea turtles\""))
        .unwrap();
    assert_eq!(found.groups.len(), 1);
    // The search answered while the import still ran: it did not wait for the writer.
    assert!(
        child.try_wait().expect("poll the importer").is_none(),
        "the import ended before the search answered, so the test proves nothing"
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

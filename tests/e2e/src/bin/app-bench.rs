//! The desktop app's budgets, measured on the real window with peers in the same run:
//! cold start to an editable window (<= 1 s), idle memory with the whole corpus's library
//! open (<= 300 MiB), keystroke to refreshed diagnostics on a 40-paragraph draft (<= 50 ms)
//! and on a 120 KB bracketed negotiating text (<= 50 ms).
//!
//! ```text
//! xvfb-run -a -s "-screen 0 1280x1024x24" cargo run -p resolute-e2e --bin app-bench -- \
//!     [--runs 5] [--library DIR]
//! ```
//!
//! The app is `target/debug/resolute-app` unless `RESOLUTE_APP` names another build (e.g.
//! `target/release/resolute-app`). Without `--library`, the whole shared corpus is imported
//! once with the `resolute` CLI beside the app into `target/artefacts/e2e/corpus-library`.
//! The report is printed and written to `target/artefacts/e2e/app-bench.md`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use resolute_e2e::corpus::build_library;
use resolute_e2e::{procs, session, App, Driver, Error, Key, Launch, Tools, View};
use serde_json::json;

/// Exactly 50 characters, typed one by one at the end of an operative paragraph.
const TYPED: &str = " and in this regard invites further contributions.";

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("app-bench: {e}");
        std::process::exit(1);
    }
}

struct Options {
    runs: usize,
    library: Option<PathBuf>,
}

fn options() -> Result<Options, Error> {
    let mut opts = Options {
        runs: 5,
        library: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| Error::Tool(format!("{arg} needs a value")))?;
        match arg.as_str() {
            "--runs" => opts.runs = value.parse().map_err(|_| Error::Tool("--runs N".into()))?,
            "--library" => opts.library = Some(PathBuf::from(value)),
            _ => return Err(Error::Tool(format!("unknown option {arg}"))),
        }
    }
    Ok(opts)
}

async fn run() -> Result<(), Error> {
    let opts = options()?;
    let tools = Tools::find().map_err(Error::Tool)?;
    let corpus = resolute_e2e::corpus_dir().ok_or_else(|| {
        Error::Tool("the benchmark needs the shared corpus ($RESOLUTE_CORPUS)".into())
    })?;
    let work = resolute_e2e::work_dir("app-bench")?;
    let (symbol, draft) = forty_paragraph_draft(&tools, &corpus, &work)?;
    let library = match opts.library {
        Some(dir) => dir,
        None => whole_library(&tools, &corpus)?,
    };
    let empty = work.join("empty-library");
    mkdir(&empty)?;
    let mut report = vec![format!(
        "app: {} · draft: {symbol} imported ({}) · library: {}",
        tools.app.display(),
        draft.display(),
        library.display()
    )];
    report.extend(cold_starts(&tools, &draft, &library, opts.runs).await?);
    report.extend(peer_starts(&tools, &work, opts.runs).await?);
    report.push(memory(&tools, &draft, Some(&library), "whole-corpus library").await?);
    report.push(memory(&tools, &draft, None, "no library").await?);
    // The document view is the app's default; the source view is its peer in the same run.
    for view in [View::Document, View::Source] {
        report.push(latency(&tools, &draft, &library, "whole-corpus library", view).await?);
        report.push(latency(&tools, &draft, &empty, "no library", view).await?);
    }
    let round = bracketed_round(&tools, &corpus, &work)?;
    let what = "COP21 23 October text (bracketed, ~120 KB), no library";
    for view in [View::Document, View::Source] {
        report.push(latency(&tools, &round, &empty, what, view).await?);
    }
    report.push(cli_check(&tools, &draft, &library, "whole-corpus library")?);
    report.push(cli_check(&tools, &draft, &empty, "no library")?);
    let text = report.join("\n");
    println!("{text}");
    let out = resolute_e2e::artefacts().join("app-bench.md");
    std::fs::write(&out, text + "\n").map_err(|e| Error::io("writing app-bench.md", e))
}

fn mkdir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("creating {}", dir.display()), e))
}

/// The first GA resolution of the corpus (clean paragraphs, session 60 or later, metadata
/// order) whose draft, as
/// `resolute import` writes it, has 38-42 preambular + operative paragraphs.
fn forty_paragraph_draft(
    tools: &Tools,
    corpus: &Path,
    work: &Path,
) -> Result<(String, PathBuf), Error> {
    let meta = std::fs::read_to_string(corpus.join("metadata/documents.jsonl"))
        .map_err(|e| Error::io("reading documents.jsonl", e))?;
    let out = work.join("draft-40.md");
    for row in meta
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        let chars = row["chars"].as_u64().unwrap_or(0);
        // Recent sessions: one resolution per file (older files gather a session's texts).
        let session = row["session"].as_u64().unwrap_or(0);
        let wanted = row["body"] == "GA" && row["format"] == "clean-paragraphs" && session >= 60;
        let (Some(symbol), Some(file)) = (row["symbol"].as_str(), row["text_file"].as_str()) else {
            continue;
        };
        if !wanted || !(6_000..40_000).contains(&chars) {
            continue;
        }
        if import(tools, &corpus.join(file), &out)? && (38..=42).contains(&paragraphs(tools, &out)?)
        {
            return Ok((symbol.to_string(), out));
        }
    }
    Err(Error::Tool(
        "no 40-paragraph GA resolution in the corpus".into(),
    ))
}

/// The Paris Agreement negotiating text of 23 October 2015 (the corpus's Markdown
/// transcription, its Jekyll front matter left out) imported as a negotiating draft.
fn bracketed_round(tools: &Tools, corpus: &Path, work: &Path) -> Result<PathBuf, Error> {
    let source = corpus.join("negotiation/cop21/agreement-2015-10-23.md");
    let text =
        std::fs::read_to_string(&source).map_err(|e| Error::io("reading the COP21 text", e))?;
    let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
    let plain = work.join("round-23-october.txt");
    std::fs::write(&plain, body).map_err(|e| Error::io("writing the COP21 body", e))?;
    let out = work.join("round-23-october.md");
    if !import(tools, &plain, &out)? {
        return Err(Error::Tool(
            "resolute import failed on the COP21 text".into(),
        ));
    }
    Ok(out)
}

fn import(tools: &Tools, file: &Path, out: &Path) -> Result<bool, Error> {
    let status = Command::new(&tools.cli)
        .arg("import")
        .arg(file)
        .arg("--output")
        .arg(out)
        .arg("--force")
        .output()
        .map_err(|e| Error::io("running resolute import", e))?;
    Ok(status.status.success())
}

/// Preambular + operative paragraphs of a draft (`resolute parse --json`), sections included.
fn paragraphs(tools: &Tools, draft: &Path) -> Result<usize, Error> {
    let out = Command::new(&tools.cli)
        .args(["parse", "--json"])
        .arg(draft)
        .output()
        .map_err(|e| Error::io("running resolute parse", e))?;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let count = |v: &serde_json::Value| {
        v["preamble"].as_array().map_or(0, Vec::len) + v["operative"].as_array().map_or(0, Vec::len)
    };
    let sections = v["sections"]
        .as_array()
        .map_or(0, |s| s.iter().map(count).sum());
    Ok(count(&v) + sections)
}

/// The whole shared corpus (texts and metadata) imported once with the CLI; reused after.
fn whole_library(tools: &Tools, corpus: &Path) -> Result<PathBuf, Error> {
    let dir = resolute_e2e::artefacts().join("corpus-library");
    if dir.join("library.json").is_file() {
        return Ok(dir);
    }
    eprintln!(
        "app-bench: importing the whole corpus into {} (once)",
        dir.display()
    );
    let inputs = [
        corpus.join("texts"),
        corpus.join("metadata/documents.jsonl"),
        corpus.join("metadata/resolution_index.csv"),
    ];
    build_library(tools, &dir, &inputs)?;
    Ok(dir)
}

/// Waits (polling every 2 ms) until the draft is loaded and the editor has the focus.
const EDITABLE: &str = "return document.body.dataset.ready === 'true' && !!document.activeElement \
                        && document.activeElement.classList.contains('cm-content')";

async fn wait_editable(app: &App) -> Result<Duration, Error> {
    let limit = Duration::from_secs(20);
    let mut last_error = None;
    while app.requested_at.elapsed() < limit {
        // While the page is still loading, a script can fail (the document is being
        // replaced): that is "not editable yet", not a failure of the bench.
        match app.js(EDITABLE).await {
            Ok(serde_json::Value::Bool(true)) => return Ok(app.requested_at.elapsed()),
            Ok(_) => {}
            Err(e) => last_error = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    if let Some(e) = last_error {
        eprintln!("app-bench: last script error while waiting: {e}");
    }
    app.screenshot("-not-editable").await?;
    Err(Error::Timeout {
        what: format!("an editable window ({})", app.name),
        seconds: 20,
    })
}

/// Starts the app with a fresh work folder (no recent files, no autosaves from earlier runs).
async fn start(tools: &Tools, name: &str, launch: &Launch) -> Result<App, Error> {
    resolute_e2e::work_dir(name)?;
    App::start(tools, name, launch).await
}

/// The app's own report (RESOLUTE_STARTUP_REPORT): ms from process start to editable.
fn reported_ms(log: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(log).ok()?;
    let line = text
        .lines()
        .find_map(|l| l.split("resolute-app: editable after ").nth(1))?;
    line.trim_end_matches(" ms").trim().parse().ok()
}

async fn cold_starts(
    tools: &Tools,
    draft: &Path,
    library: &Path,
    runs: usize,
) -> Result<Vec<String>, Error> {
    let mut wall = Vec::new();
    let mut own = Vec::new();
    for i in 0..runs {
        let mut launch = Launch::draft(draft).with_library(library);
        launch
            .env
            .push(("RESOLUTE_STARTUP_REPORT".into(), PathBuf::from("1")));
        let app = start(tools, &format!("app-bench-start-{i}"), &launch).await?;
        wall.push(ms(wait_editable(&app).await?));
        let log = app.driver.log.clone();
        tokio::time::sleep(Duration::from_millis(300)).await; // the report is written async
        own.extend(reported_ms(&log));
        app.finish().await?;
    }
    Ok(vec![
        format!(
            "cold start, session request -> editable (WebDriver wall clock), ms: {}",
            summary(&wall)
        ),
        format!(
            "cold start, process start -> editable (reported by the app), ms: {}",
            summary(&own)
        ),
    ])
}

/// Where Debian's libwebkit2gtk-4.1 puts its test browser.
const MINI_BROWSER: [&str; 3] = [
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
];

/// Peer: WebKitWebDriver alone starting WebKitGTK's MiniBrowser on about:blank.
async fn peer_starts(tools: &Tools, work: &Path, runs: usize) -> Result<Vec<String>, Error> {
    let binary = MINI_BROWSER.iter().map(PathBuf::from).find(|b| b.is_file());
    let Some(binary) = binary else {
        return Ok(vec!["peer: MiniBrowser not found, skipped".into()]);
    };
    let caps = json!({"browserName": "MiniBrowser",
        "webkitgtk:browserOptions": {"binary": binary, "args": ["--automation"]}});
    let caps = caps.as_object().cloned().unwrap_or_default();
    let mut times = Vec::new();
    for _ in 0..runs {
        let driver = Driver::start_native(tools, work)?;
        let start = Instant::now();
        let client = session(&driver, caps.clone()).await?;
        client.goto("about:blank").await?;
        times.push(ms(start.elapsed()));
        client.close().await?;
    }
    Ok(vec![format!(
        "peer: bare WebKitGTK MiniBrowser session + about:blank (WebDriver wall clock), ms: {}",
        summary(&times)
    )])
}

async fn memory(
    tools: &Tools,
    draft: &Path,
    library: Option<&Path>,
    what: &str,
) -> Result<String, Error> {
    let mut launch = Launch::draft(draft);
    launch.library = library.map(Path::to_path_buf);
    let name = format!("app-bench-memory-{}", library.is_some());
    let app = start(tools, &name, &launch).await?;
    wait_editable(&app).await?;
    app.wait_analysis_after(0).await?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let tree = procs::app_tree(app.driver.pid());
    app.finish().await?;
    let mib = |kib: u64| kib as f64 / 1024.0;
    let rss: u64 = tree.iter().map(|p| p.rss_kib).sum();
    let pss: u64 = tree.iter().map(|p| p.pss_kib).sum();
    let parts: Vec<String> = tree
        .iter()
        .map(|p| format!("{} {:.0}", p.name, mib(p.rss_kib)))
        .collect();
    Ok(format!(
        "idle memory after 5 s, {what}: RSS {:.0} MiB, PSS {:.0} MiB ({} processes: {})",
        mib(rss),
        mib(pss),
        tree.len(),
        parts.join(", ")
    ))
}

/// Types [`TYPED`] one character at a time at the end of the last operative paragraph,
/// each after the previous keystroke's diagnostics were applied, and reads the UI's own
/// change -> diagnostics-applied latencies.
async fn latency(
    tools: &Tools,
    draft: &Path,
    library: &Path,
    what: &str,
    view: View,
) -> Result<String, Error> {
    let launch = Launch {
        view,
        ..Launch::draft(draft).with_library(library)
    };
    let what = format!(
        "{what}, {} view",
        if view == View::Source {
            "source"
        } else {
            "document"
        }
    );
    let name = format!("app-bench-latency-{}", what.replace([' ', ','], "-"));
    let app = start(tools, &name, &launch).await?;
    wait_editable(&app).await?;
    app.wait_analysis_after(0).await?;
    let labels = app.outline_labels().await?;
    // The last operative paragraph: "OP30", or "60.OP4" in a text of numbered sections.
    let is_op = |l: &&String| l.rsplit('.').next().is_some_and(|t| t.starts_with("OP"));
    let target = labels
        .iter()
        .rev()
        .find(is_op)
        .cloned()
        .ok_or_else(|| Error::Tool(format!("{what}: no operative paragraph in the outline")))?;
    app.jump(&target).await?;
    for _ in 0..4 {
        app.press(Key::End).await?;
    }
    let before = latencies(&app).await?.len();
    let mut round_trips = Vec::new();
    for c in TYPED.chars() {
        let rev = app.analysis_rev().await?;
        let start = Instant::now();
        app.type_text(&c.to_string()).await?;
        app.wait_analysis_after(rev).await?;
        round_trips.push(ms(start.elapsed()));
    }
    let all = latencies(&app).await?;
    app.screenshot("-latency").await?;
    app.finish().await?;
    let typed = all.get(before..).unwrap_or_default().to_vec();
    Ok(format!(
        "keystroke -> diagnostics applied, {what}, {} keystrokes (in-page): {}; WebDriver round trip: {}",
        typed.len(),
        summary(&typed),
        summary(&round_trips)
    ))
}

async fn latencies(app: &App) -> Result<Vec<f64>, Error> {
    let v = app.js("return window.__resoluteLatencies || []").await?;
    Ok(v.as_array().map_or(Vec::new(), |a| {
        a.iter().filter_map(|x| x.as_f64()).collect()
    }))
}

/// Peer: `resolute check` on the same draft (process start, library open, parse, check).
fn cli_check(tools: &Tools, draft: &Path, library: &Path, what: &str) -> Result<String, Error> {
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        Command::new(&tools.cli)
            .arg("check")
            .arg(draft)
            .arg("--library")
            .arg(library)
            .output()
            .map_err(|e| Error::io("running resolute check", e))?;
        times.push(ms(start.elapsed()));
    }
    Ok(format!(
        "peer: `resolute check` CLI on the same draft, {what}, ms: {}",
        summary(&times)
    ))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "p50 X, p95 Y, max Z (n = N; first F)" over the samples in their order.
fn summary(samples: &[f64]) -> String {
    let Some(first) = samples.first() else {
        return "no samples".into();
    };
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| {
        sorted
            .get(((sorted.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    format!(
        "p50 {:.1}, p95 {:.1}, max {:.1} (n = {}; first {:.1})",
        at(0.5),
        at(0.95),
        at(1.0),
        sorted.len(),
        first
    )
}

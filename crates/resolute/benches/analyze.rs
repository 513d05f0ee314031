//! Keystroke to refreshed diagnostics in the editor: `resolute::app::analyze` (parse, check
//! with citation verification, labels, outline, openings, citations, footnote marks, all in
//! UTF-16) on the sample draft grown to 40 paragraphs, with `parse_markdown` alone as the
//! peer in the same run. The budget for the whole round trip (IPC and UI included)
//! is 50 ms; the design's budget for parse + check is 5 ms.
//!
//! The register is a `MemoryRegister` holding the resolutions the sample cites (so every
//! citation is verified, as against a library), plus the editor's other per-keystroke
//! calls: completion at the start of a paragraph and a paragraph move.
//! When the shared corpus is present ($RESOLUTE_CORPUS, else ../shared/corpus beside the
//! workspace), a library is built in a temporary folder from its 440 clean Human Rights
//! Council resolutions and the same calls are measured against it: `analyze` with the real
//! library as the register, and completion ranked by the library's opening counts.
//! `cargo bench -p resolute --bench analyze`.

use std::path::PathBuf;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use resolute::app::{analyze, completions, move_paragraph, Utf16Index};
use resolute_check::{MemoryRegister, Register, Resolution};
use resolute_draft::{parse_markdown, Body};
use resolute_library::Library;

/// The sample draft with operative paragraphs added (copies of its own, renumbered) until it
/// has 40 preambular and operative paragraphs.
fn forty_paragraphs() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md");
    let sample = std::fs::read_to_string(&path).unwrap_or_default();
    let draft = parse_markdown(&sample).unwrap_or_default();
    let ops: Vec<String> = draft.operative.iter().map(|p| p.markdown.clone()).collect();
    let notes = sample.find("\n[^1]:").unwrap_or(sample.len());
    let (head, tail) = sample.split_at(notes);
    let mut text = head
        .trim_end()
        .replace(" of the present resolution.", " of the present resolution;");
    let mut n = draft.operative.len();
    while draft.preamble.len() + n < 40 {
        n += 1;
        let body = ops.get(n % ops.len().max(1)).cloned().unwrap_or_default();
        text.push_str(&format!("\n\n{n}. {}", body.trim_end_matches(['.', ';'])));
        text.push(if draft.preamble.len() + n < 40 {
            ';'
        } else {
            '.'
        });
    }
    text.push('\n');
    text.push_str(tail);
    text
}

fn register() -> MemoryRegister {
    let mut reg = MemoryRegister::new();
    let cited = [
        ("A/RES/70/1", "2015-09-25"),
        ("A/RES/69/313", "2015-07-27"),
        ("A/RES/71/222", "2016-12-21"),
        ("A/RES/73/226", "2018-12-20"),
        ("A/RES/76/300", "2022-07-28"),
    ];
    for (symbol, date) in cited {
        reg.insert(Resolution {
            symbol: symbol.to_string(),
            body: Some(Body::GeneralAssembly),
            adopted: Some(date.to_string()),
            adopted_from_text: true,
            adopted_otherwise: None,
            title: None,
            operative_paragraphs: Some(20),
        });
    }
    reg
}

fn bench(c: &mut Criterion) {
    let text = forty_paragraphs();
    let reg = register();
    let paragraphs = parse_markdown(&text)
        .map(|d| d.paragraphs().count())
        .unwrap_or(0);
    let a = analyze(&text, Some(&reg as &dyn Register));
    eprintln!(
        "draft: {} bytes, {paragraphs} paragraphs, {} labels, {} diagnostics, {} citations",
        text.len(),
        a.labels.len(),
        a.diagnostics.len(),
        a.citations.len()
    );
    let mut g = c.benchmark_group("editor");
    g.bench_function("analyze with register", |b| {
        b.iter(|| analyze(&text, Some(&reg as &dyn Register)))
    });
    g.bench_function("analyze without register", |b| {
        b.iter(|| analyze(&text, None))
    });
    g.bench_function("peer: parse_markdown alone", |b| {
        b.iter(|| parse_markdown(&text))
    });
    let index = Utf16Index::new(&text);
    let op20 = index.to_utf16(text.find("\n20. ").map_or(0, |i| i + 1));
    g.bench_function("move_paragraph OP20 down", |b| {
        b.iter(|| move_paragraph(&text, op20, false))
    });
    let reca = format!("{}\n\nReca", text.trim_end());
    let end = Utf16Index::new(&reca).utf16_len();
    g.bench_function("completions of \"Reca\"", |b| {
        b.iter(|| completions(&reca, end, None, 10))
    });
    if let Some((dir, lib)) = corpus_library() {
        library_benches(&mut g, &text, &lib);
        drop(lib);
        let _ = std::fs::remove_dir_all(dir);
    }
    g.finish();
}

/// `analyze` and completion against a real library.
fn library_benches(g: &mut BenchmarkGroup<'_, WallTime>, text: &str, lib: &Library) {
    let reca = format!("{}\n\nReca", text.trim_end());
    let end = Utf16Index::new(&reca).utf16_len();
    g.bench_function("analyze with the library as register", |b| {
        b.iter(|| analyze(text, Some(lib as &dyn Register)))
    });
    g.bench_function("completions of \"Reca\" ranked by the library", |b| {
        b.iter(|| completions(&reca, end, Some(lib), 10))
    });
    let empty = format!(
        "{}\n\n",
        text.split("\n1. ").next().unwrap_or("").trim_end()
    );
    let at = Utf16Index::new(&empty).utf16_len();
    g.bench_function(
        "completions of an empty preambular paragraph ranked by the library",
        |b| b.iter(|| completions(&empty, at, Some(lib), 10)),
    );
}

/// A library of the corpus's clean HRC resolutions in a temporary folder, when the corpus is
/// present.
fn corpus_library() -> Option<(PathBuf, Library)> {
    let corpus = std::env::var_os("RESOLUTE_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    );
    let texts = corpus.join("texts/clean-paragraphs/hrc-resolutions");
    if !texts.is_dir() {
        eprintln!(
            "skipping the library benchmarks: corpus not found at {}",
            corpus.display()
        );
        return None;
    }
    let dir = std::env::temp_dir().join(format!("resolute-bench-app-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut lib = Library::open(&dir).ok()?;
    let summary = lib.import(&[texts], &mut |_| {}).ok()?;
    eprintln!("library: {} HRC resolutions imported", summary.added);
    Some((dir, lib))
}

criterion_group!(benches, bench);
criterion_main!(benches);

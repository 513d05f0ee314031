//! Parse + check of a 40-paragraph draft against a register of the whole shared corpus
//! (budget: <= 5 ms), with parsing alone as the peer in the same run, so the cost of the
//! rules themselves is visible.
//!
//! The draft is a real corpus resolution of about 40 paragraphs, written out in the draft
//! format; the register holds the corpus metadata and the segmented text of every corpus
//! resolution. `cargo bench -p resolute-check --bench check`.

use std::fs;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};
use resolute_check::{check, MemoryRegister, Register, Resolution};
use resolute_draft::{parse_markdown, segment, write_markdown};

fn corpus() -> Option<PathBuf> {
    let root = std::env::var_os("RESOLUTE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    root.join("metadata/resolution_index.csv")
        .is_file()
        .then_some(root)
}

/// Every resolution text of the corpus, by symbol.
fn texts(root: &Path) -> Vec<(String, String)> {
    let jsonl = fs::read_to_string(root.join("metadata/documents.jsonl")).unwrap_or_default();
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["doc_type"] == "resolution")
        .filter_map(|v| {
            let text = fs::read_to_string(root.join(v["text_file"].as_str()?)).ok()?;
            Some((v["symbol"].as_str()?.to_string(), text))
        })
        .collect()
}

fn register(root: &Path, texts: &[(String, String)]) -> MemoryRegister {
    let mut reg = MemoryRegister::new();
    let csv = fs::read_to_string(root.join("metadata/resolution_index.csv")).unwrap_or_default();
    let _ = reg.load_csv(&csv);
    for (symbol, text) in texts {
        let record = Resolution {
            symbol: symbol.clone(),
            ..Resolution::default()
        };
        reg.insert_text(record, &segment(text));
    }
    reg
}

/// A clean GA resolution with 38 to 42 paragraphs and several citations, as a draft.
fn forty_paragraph_draft(texts: &[(String, String)]) -> Option<String> {
    texts.iter().find_map(|(symbol, text)| {
        let draft = segment(text);
        let n = draft.paragraphs().count();
        let cited = text.matches("resolution ").count();
        let found = symbol.starts_with("A/RES/7") && (38..=42).contains(&n) && cited >= 8;
        found.then(|| {
            println!("draft: {symbol} written in the draft format, {n} paragraphs");
            write_markdown(&draft)
        })
    })
}

fn bench(c: &mut Criterion) {
    let Some(root) = corpus() else {
        println!("skipping: corpus not found (set RESOLUTE_CORPUS)");
        return;
    };
    let texts = texts(&root);
    let reg = register(&root, &texts);
    let Some(src) = forty_paragraph_draft(&texts) else {
        println!("skipping: no 40-paragraph resolution found in the corpus");
        return;
    };
    let mut group = c.benchmark_group("draft of 40 paragraphs");
    group.bench_function("parse (peer)", |b| b.iter(|| parse_markdown(&src)));
    group.bench_function("parse + check", |b| {
        b.iter(|| {
            let draft = parse_markdown(&src).unwrap_or_default();
            check(&src, &draft, Some(&reg as &dyn Register))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

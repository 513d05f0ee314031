//! Citation extraction throughput over the shared corpus texts (budget: 50 MB/s), with a
//! peer in the same run: a naive regex extractor for the main patterns over the same bytes.
//!
//! `cargo bench -p resolute-cite --bench extract`; the corpus is read from $RESOLUTE_CORPUS,
//! else `../shared/corpus` beside the workspace.

use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use resolute_cite::{extract_with, Body, Context};

fn corpus_texts() -> Option<Vec<(Option<Body>, String)>> {
    let root = match std::env::var_os("RESOLUTE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    let mut files = Vec::new();
    collect(&root.join("texts"), &mut files);
    if files.is_empty() {
        println!("skipping: corpus not found at {}", root.display());
        return None;
    }
    files.sort();
    let texts = files
        .into_iter()
        .filter_map(|p| {
            let body = body_of(&p);
            std::fs::read_to_string(&p).ok().map(|t| (body, t))
        })
        .collect();
    Some(texts)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn body_of(path: &Path) -> Option<Body> {
    let folder = path.parent()?.file_name()?.to_str()?;
    match folder.split('-').next()? {
        "ga" => Some(Body::GeneralAssembly),
        "sc" => Some(Body::SecurityCouncil),
        "hrc" => Some(Body::HumanRightsCouncil),
        "ecosoc" => Some(Body::EconomicAndSocialCouncil),
        _ => None,
    }
}

/// The peer: one regex for the main shapes (cue + "61/208", "S-13/2", "1514 (XV)",
/// "1325 (2000)", letters; and symbols of the principal series). It finds spans only: no
/// lists, dates, pinpoints, bodies or normal forms.
fn naive_regex() -> Regex {
    let number = r"(?:(?:E?S-)?\d{1,4}/\d{1,4}(?:\s+[A-Z](?:\s+(?:and|to)\s+[A-Z])?)?|\d{1,4}(?:\s+[A-Z])?\s*\((?:\d{4}|(?:E?S-)?[IVXLC]+)\))";
    let symbol = r"\b(?:A|S|E|ST)/(?:[A-Za-z0-9.\-]+/)*[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*\*?";
    let pattern = format!(r"\b(?:[Rr]esolutions?|[Dd]ecisions?)\s+(?P<n>{number})|(?P<s>{symbol})");
    Regex::new(&pattern).unwrap_or_else(|e| panic!("peer regex: {e}"))
}

fn bench(c: &mut Criterion) {
    let Some(texts) = corpus_texts() else { return };
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let re = naive_regex();
    let found: usize = texts
        .iter()
        .map(|(b, t)| extract_with(t, Context { body: *b }).len())
        .sum();
    let peer: usize = texts.iter().map(|(_, t)| re.find_iter(t).count()).sum();
    println!("{} texts, {bytes} bytes; resolute-cite finds {found} citations, the regex peer {peer} matches", texts.len());

    let mut group = c.benchmark_group("citation extraction (corpus)");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("resolute-cite extract_with", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(body, t)| black_box(extract_with(t, Context { body: *body })).len())
                .sum::<usize>()
        })
    });
    group.bench_function("peer: naive regex find_iter", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(_, t)| black_box(re.find_iter(t).count()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Throughput (MB/s) of `segment` on corpus texts (raw PDF extractions and clean texts,
//! separately) and of `parse_markdown` on drafts (the sample draft, and drafts written from
//! segmented corpus documents), each beside pulldown-cmark's raw event iteration over the
//! same bytes as the peer.
//!
//! `cargo bench -p resolute-draft --bench segment`; figures in docs/benchmarks.md.

// Shared by both bench binaries; each uses only part of it.
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{bytes, corpus_dir, load_texts, sample_draft, Text};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};

/// Bytes of text per input set: large enough to cover many documents, small enough that one
/// iteration takes well under a second on a slow laptop.
const SET_BYTES: u64 = 2_000_000;

/// A deterministic spread over the whole folder (every k-th file) up to `SET_BYTES`, so the
/// set is not biased to the first session or body in name order.
fn spread(all: Vec<Text>) -> Vec<Text> {
    let total = bytes(&all).max(1);
    let step = usize::try_from(total / SET_BYTES).unwrap_or(1).max(1);
    let mut picked: Vec<Text> = all.into_iter().step_by(step).collect();
    while bytes(&picked) > SET_BYTES && picked.len() > 1 {
        picked.pop();
    }
    picked
}

fn peer_options() -> Options {
    Options::ENABLE_FOOTNOTES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// pulldown-cmark's raw event iteration with offsets, the cheapest thing a Markdown reader
/// can do with the same bytes.
fn pulldown_events(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| {
            Parser::new_ext(t, peer_options())
                .into_offset_iter()
                .count()
        })
        .sum()
}

fn group<'a>(
    c: &'a mut Criterion,
    name: &str,
    texts: &[String],
) -> BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    let total: u64 = texts.iter().map(|t| t.len() as u64).sum();
    g.throughput(Throughput::Bytes(total));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g
}

fn bench_segment(c: &mut Criterion, name: &str, texts: Vec<String>) {
    if texts.is_empty() {
        return;
    }
    let mut g = group(c, name, &texts);
    g.bench_function("segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(resolute_draft::segment(t)).paragraphs().count())
                .sum::<usize>()
        })
    });
    g.bench_function("pulldown-cmark events", |b| {
        b.iter(|| pulldown_events(black_box(&texts)))
    });
    g.finish();
}

fn bench_markdown(c: &mut Criterion, name: &str, drafts: Vec<String>) {
    if drafts.is_empty() {
        return;
    }
    let mut g = group(c, name, &drafts);
    g.bench_function("parse_markdown", |b| {
        b.iter(|| {
            drafts
                .iter()
                .filter(|d| resolute_draft::parse_markdown(black_box(d)).is_ok())
                .count()
        })
    });
    g.bench_function("pulldown-cmark events", |b| {
        b.iter(|| pulldown_events(black_box(&drafts)))
    });
    g.finish();
}

/// Drafts written from segmented documents; empty while `write_markdown` writes nothing.
fn written_drafts(texts: &[Text]) -> Vec<String> {
    texts
        .iter()
        .map(|t| resolute_draft::write_markdown(&resolute_draft::segment(&t.text)))
        .filter(|d| !d.trim().is_empty())
        .collect()
}

fn benches(c: &mut Criterion) {
    if let Some(sample) = sample_draft() {
        bench_markdown(c, "sample draft", vec![sample]);
    }
    let Some(corpus) = corpus_dir() else { return };
    let raw = spread(load_texts(&corpus, "raw-pdf"));
    let mut clean_all = load_texts(&corpus, "clean-paragraphs");
    clean_all.extend(load_texts(&corpus, "clean-text"));
    let clean = spread(clean_all);
    let mut written = written_drafts(&raw);
    written.extend(written_drafts(&clean));
    if written.is_empty() {
        eprintln!("skipping written drafts: write_markdown produced no text");
    }
    eprintln!(
        "inputs: raw-pdf {} files {} bytes; clean {} files {} bytes; written drafts {}",
        raw.len(),
        bytes(&raw),
        clean.len(),
        bytes(&clean),
        written.len()
    );
    bench_segment(
        c,
        "segment raw-pdf",
        raw.into_iter().map(|t| t.text).collect(),
    );
    bench_segment(
        c,
        "segment clean",
        clean.into_iter().map(|t| t.text).collect(),
    );
    bench_markdown(c, "parse_markdown written drafts", written);
}

criterion_group!(segment, benches);
criterion_main!(segment);

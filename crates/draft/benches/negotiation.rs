//! The negotiation layer on the 23 October 2015 Paris Agreement text (about 120 KB, ~1,000
//! bracket pairs, nesting to depth 4+), read as `resolute import` reads it: what `resolute
//! brackets` does in-process (parse the draft, then `negotiation::analyze`), `analyze` alone,
//! and the peers in the same run: `parse_markdown` alone and a plain stack that only counts
//! brackets over the same bytes.
//!
//! `cargo bench -p resolute-draft --bench negotiation`; figures in docs/benchmarks.md
//! (budget: `brackets` <= 5 ms in-process).

// Shared by every bench binary; each uses only part of it.
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::corpus_dir;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use resolute_draft::{format, negotiation, parse_markdown, segment, write_markdown};

/// The 23 October text as a negotiating draft, or `None` without the corpus.
fn round() -> Option<String> {
    let path = corpus_dir()?.join("negotiation/cop21/agreement-2015-10-23.md");
    let text = std::fs::read_to_string(&path).ok()?;
    let body = text.splitn(3, "---\n").nth(2)?;
    let mut draft = segment(body);
    negotiation::adopt(&mut draft, "informals");
    let markdown = write_markdown(&draft);
    Some(format(&markdown).unwrap_or(markdown))
}

/// Pairs by a plain stack: the least any bracket counter can do.
fn plain_stack(text: &str) -> usize {
    let (mut depth, mut pairs) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b'[' => depth += 1,
            b']' if depth > 0 => {
                depth -= 1;
                pairs += 1;
            }
            _ => {}
        }
    }
    pairs
}

fn bench(c: &mut Criterion) {
    let Some(src) = round() else {
        eprintln!("skipping the negotiation benchmark: no corpus");
        return;
    };
    let draft = parse_markdown(&src).expect("the imported round reads");
    let n = negotiation::analyze(&src, &draft);
    eprintln!(
        "23 October text: {} bytes, {} pairs, depth {}, {} groups of alternatives",
        src.len(),
        n.totals.pairs,
        n.totals.max_depth,
        n.totals.alternatives
    );
    let mut g = c.benchmark_group("negotiation/23-october");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("brackets (parse + analyze)", |b| {
        b.iter(|| {
            let d = parse_markdown(black_box(&src)).expect("reads");
            negotiation::analyze(&src, &d).totals.pairs
        })
    });
    g.bench_function("analyze alone", |b| {
        b.iter(|| negotiation::analyze(black_box(&src), &draft).totals.pairs)
    });
    g.bench_function("peer: parse_markdown alone", |b| {
        b.iter(|| parse_markdown(black_box(&src)).map(|d| d.operative.len()))
    });
    g.bench_function("peer: pulldown-cmark events", |b| {
        b.iter(|| {
            pulldown_cmark::Parser::new_ext(
                black_box(&src),
                pulldown_cmark::Options::ENABLE_FOOTNOTES,
            )
            .into_offset_iter()
            .count()
        })
    });
    g.bench_function("peer: plain stack count", |b| {
        b.iter(|| plain_stack(black_box(&src)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

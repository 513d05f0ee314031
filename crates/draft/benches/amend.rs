//! Applying the longest amendment of the corpus to its draft: A/80/L.30 (11 instructions:
//! deletions of text and of paragraphs) on A/80/L.25 (about 100 paragraphs), in-process, as
//! `resolute amend` does after reading the files: read the amendment, apply it, write the
//! amended draft. Peers in the same run: segmenting the draft (what reading it costs) and
//! writing the unamended draft.
//!
//! `cargo bench -p resolute-draft --bench amend`; figures in docs/benchmarks.md.

// Shared by every bench binary; each uses only part of it.
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::corpus_dir;
use criterion::{criterion_group, criterion_main, Criterion};
use resolute_draft::amend::{apply, read_amendment, Options};
use resolute_draft::{segment, write_markdown};

fn bench(c: &mut Criterion) {
    let Some(dir) = corpus_dir().map(|d| d.join("texts/raw-pdf/ga-l-documents")) else {
        eprintln!("skipping the amendment benchmark: no corpus");
        return;
    };
    let (Ok(draft_text), Ok(amendment_text)) = (
        std::fs::read_to_string(dir.join("A_80_L.25.txt")),
        std::fs::read_to_string(dir.join("A_80_L.30.txt")),
    ) else {
        eprintln!("skipping the amendment benchmark: A/80/L.25 or L.30 missing");
        return;
    };
    let draft = segment(&draft_text);
    let amendment = read_amendment(&amendment_text).expect("A/80/L.30 reads");
    let applied = apply(&draft, &amendment, Options::default());
    eprintln!(
        "A/80/L.25: {} paragraphs; A/80/L.30: {} instructions, {} applied",
        draft.paragraphs().count(),
        amendment.instructions.len(),
        applied.complete()
    );
    let mut g = c.benchmark_group("amend/L.30-on-L.25");
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("read + apply + write", |b| {
        b.iter(|| {
            let a = read_amendment(black_box(&amendment_text)).expect("reads");
            let applied = apply(&draft, &a, Options::default());
            write_markdown(&applied.draft).len()
        })
    });
    g.bench_function("apply alone", |b| {
        b.iter(|| {
            apply(black_box(&draft), &amendment, Options::default())
                .outcomes
                .len()
        })
    });
    g.bench_function("peer: segment the draft", |b| {
        b.iter(|| segment(black_box(&draft_text)).operative.len())
    });
    g.bench_function("peer: write the draft", |b| {
        b.iter(|| write_markdown(black_box(&draft)).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Segmenting the whole shared corpus on two threads, timed once (budget: < 5 s for ~62 M
//! characters on a 2-core laptop). Prints characters, bytes, seconds and MB/s, one thread
//! and two, and whether the budget holds.
//!
//! `cargo bench -p resolute-draft --bench corpus` (release profile, as `cargo bench` builds).

// Shared by both bench binaries; each uses only part of it.
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use common::{bytes, corpus_dir, load_texts, Text};

/// The budget for the whole corpus on two threads.
const BUDGET: Duration = Duration::from_secs(5);

/// Segments every text and returns the number of paragraphs found (so nothing is optimised
/// away, and the figure shows whether segmentation did anything).
fn segment_all(texts: &[&Text]) -> usize {
    texts
        .iter()
        .map(|t| {
            black_box(resolute_draft::segment(&t.text))
                .paragraphs()
                .count()
        })
        .sum()
}

/// Splits the texts into `n` shares of about equal bytes (largest first, to the lightest
/// share), so neither thread waits for the other at the end.
fn shares(texts: &[Text], n: usize) -> Vec<Vec<&Text>> {
    let mut order: Vec<&Text> = texts.iter().collect();
    order.sort_by_key(|t| std::cmp::Reverse(t.text.len()));
    let mut out: Vec<(usize, Vec<&Text>)> = (0..n).map(|_| (0, Vec::new())).collect();
    for t in order {
        if let Some(lightest) = out.iter_mut().min_by_key(|(b, _)| *b) {
            lightest.0 += t.text.len();
            lightest.1.push(t);
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

/// Wall time to segment everything on `threads` threads, and the paragraphs found.
fn run(texts: &[Text], threads: usize) -> (Duration, usize) {
    let parts = shares(texts, threads);
    let start = Instant::now();
    let paragraphs = std::thread::scope(|s| {
        let handles: Vec<_> = parts.iter().map(|p| s.spawn(|| segment_all(p))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    (start.elapsed(), paragraphs)
}

fn main() -> ExitCode {
    let Some(corpus) = corpus_dir() else {
        return ExitCode::SUCCESS;
    };
    let texts = load_texts(&corpus, "");
    let bytes = bytes(&texts);
    let chars: usize = texts.iter().map(|t| t.text.chars().count()).sum();
    println!(
        "corpus: {} texts, {chars} characters, {bytes} bytes",
        texts.len()
    );
    // Other work on the machine skews wall times; say how busy it was.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average before the run: {}", load.trim());
    }
    // One untimed pass warms the page cache and the allocator, as a running app would be.
    let _ = run(&texts, 2);
    for threads in [1, 2] {
        let (time, paragraphs) = run(&texts, threads);
        let mbps = bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9);
        println!(
            "segment, {threads} thread(s): {:.3} s, {mbps:.1} MB/s, {paragraphs} paragraphs",
            time.as_secs_f64()
        );
        if threads == 2 {
            let verdict = if time < BUDGET { "within" } else { "OVER" };
            println!("budget < {} s on 2 threads: {verdict}", BUDGET.as_secs());
        }
    }
    slowest(&texts);
    ExitCode::SUCCESS
}

/// The five texts with the lowest throughput: where a super-linear corner would show. Each
/// is timed three times and the fastest run kept, so a scheduler hiccup on a busy machine
/// does not make a small file look slow.
fn slowest(texts: &[Text]) {
    let mut timed: Vec<(f64, &Text)> = texts
        .iter()
        .map(|t| {
            let secs = (0..3)
                .map(|_| {
                    let start = Instant::now();
                    black_box(resolute_draft::segment(&t.text));
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
                .max(1e-9);
            (t.text.len() as f64 / 1e6 / secs, t)
        })
        .collect();
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (mbps, t) in timed.iter().take(5) {
        println!("slow: {mbps:.1} MB/s  {} ({} bytes)", t.name, t.text.len());
    }
}

//! The library at the size of the whole UN record: the shared corpus copied `COPIES` times
//! (default 10) with its symbols shifted per copy so that every resolution is distinct, under
//! `target/tmp/scale`, imported once into a 1x and a `COPIES`x library; then, in-process on
//! each: `library stats`, and search and precedent over 1,000 queries (p50, p99). The numbers
//! for whole processes and the app are taken by `scripts/bench-scale.sh` on the same folders.
//!
//! `cargo bench -p resolute-library --bench scale [-- COPIES]` (release). The copies and the
//! libraries are kept between runs (delete `target/tmp/scale` to start again).
//!
//! The shift: in copy k (k >= 1), in file names and texts, every number right after `RES/`,
//! `RES_`, `PRST/`, `PRST_` or `draft_`, and every session number right before `/L.` or
//! `_L.`, is increased by 10,000·k: A/RES/70/1 becomes A/RES/10070/1, A/C.2/80/L.2 becomes
//! A/C.2/10080/L.2. Citations of other resolutions inside the texts keep pointing at copy 0.

use std::path::{Path, PathBuf};
use std::time::Instant;

use resolute_library::{Library, SearchRequest};

fn main() {
    let copies: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10);
    let Some(corpus) = resolute_testkit::corpus() else {
        eprintln!("scale bench: no corpus (set RESOLUTE_CORPUS)");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/tmp/scale");
    let t = Instant::now();
    for k in 0..copies {
        generate(&corpus, &root.join(format!("src/copy{k}")), k);
    }
    eprintln!(
        "scale: {copies} copies ready in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    for n in [1, copies] {
        let dir = root.join(format!("lib-{n}x"));
        let fresh = !dir.join("library.json").exists();
        let mut lib = Library::open(&dir).expect("library opens");
        if fresh {
            let paths: Vec<PathBuf> = (0..n).map(|k| root.join(format!("src/copy{k}"))).collect();
            let t = Instant::now();
            let s = lib.import(&paths, &mut |_| {}).expect("import");
            println!(
                "{n}x import: {} files added, {} paragraphs, {:.1} s, peak RSS of the bench so far {} MiB",
                s.added,
                s.paragraphs,
                t.elapsed().as_secs_f64(),
                peak_rss_mib()
            );
        }
        measure(n, &lib, &corpus);
    }
}

fn measure(n: usize, lib: &Library, corpus: &Path) {
    let t = Instant::now();
    let stats = lib.stats().expect("stats");
    let stats_ms = t.elapsed().as_secs_f64() * 1e3;
    let queries = queries(corpus, 1000);
    let mut search = Vec::with_capacity(queries.len());
    for q in &queries {
        let t = Instant::now();
        let r = lib.search(&SearchRequest::new(q)).expect("search");
        std::hint::black_box(r);
        search.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut slow: Vec<(f64, &String)> = search.iter().copied().zip(&queries).collect();
    slow.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = slow
        .iter()
        .take(8)
        .map(|(ms, q)| format!("{q} {ms:.0} ms"))
        .collect();
    println!("{n}x slowest searches: {}", slowest.join("; "));
    let paragraphs = paragraphs(corpus, 1000);
    let mut precedent = Vec::with_capacity(paragraphs.len());
    let mut close = 0;
    for p in &paragraphs {
        let t = Instant::now();
        let r = lib.precedent(p, 5).expect("precedent");
        precedent.push(t.elapsed().as_secs_f64() * 1e3);
        // The source differs by two words: its closeness is about 0.9 or more.
        close += usize::from(r.precedents.first().is_some_and(|t| t.hit.score >= 0.85));
    }
    println!(
        "{n}x: {} resolutions, {} paragraphs; stats {stats_ms:.1} ms; search p50 {:.1} ms p99 {:.1} ms ({} queries); precedent p50 {:.1} ms p99 {:.1} ms ({} paragraphs, {close} with a precedent at least 0.85 close)",
        stats.resolutions,
        stats.paragraphs,
        pct(&mut search, 50.0),
        pct(&mut search, 99.0),
        queries.len(),
        pct(&mut precedent, 50.0),
        pct(&mut precedent, 99.0),
        paragraphs.len()
    );
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    v.get(i).copied().unwrap_or(0.0)
}

fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// Writes copy `k` of the corpus's texts and metadata under `out` (once: a marker file says
/// it is complete).
fn generate(corpus: &Path, out: &Path, k: usize) {
    let done = out.join(".complete");
    if done.exists() {
        return;
    }
    let by = 10_000 * k as u64;
    for (from, to) in [("texts", "texts"), ("metadata", "metadata")] {
        for file in files(&corpus.join(from)) {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let meta = from == "metadata";
            if meta && !(name == "resolution_index.csv" || name == "documents.jsonl") {
                continue;
            }
            let rel = file
                .strip_prefix(corpus.join(from))
                .expect("under the corpus");
            let parent = out.join(to).join(rel.parent().unwrap_or(Path::new("")));
            std::fs::create_dir_all(&parent).expect("copy folder");
            let target = parent.join(shift(&name, by));
            match std::fs::read_to_string(&file) {
                Ok(text) => std::fs::write(&target, shift(&text, by)),
                Err(_) => std::fs::copy(&file, &target).map(|_| ()),
            }
            .expect("copy written");
        }
    }
    std::fs::write(&done, b"").expect("marker");
}

/// The shift described at the top of this file.
fn shift(s: &str, by: u64) -> String {
    if by == 0 {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 64);
    let mut i = 0;
    let starts_number = |at: usize| -> bool {
        ["RES/", "RES_", "PRST/", "PRST_", "draft_"]
            .iter()
            .any(|m| at >= m.len() && s.get(at - m.len()..at) == Some(*m))
            || {
                // A session right before "/L." or "_L.".
                let end = at + b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
                at > 0
                    && matches!(b[at - 1], b'/' | b'_')
                    && matches!(s.get(end..end + 3), Some("/L." | "_L."))
            }
    };
    while i < b.len() {
        let digit_start = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        if digit_start && starts_number(i) {
            let end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            match s[i..end].parse::<u64>() {
                Ok(n) => out.push_str(&(n + by).to_string()),
                Err(_) => out.push_str(&s[i..end]),
            }
            i = end;
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Lines of the corpus's clean texts with at least 8 words, as word lists.
fn lines(corpus: &Path) -> Vec<Vec<String>> {
    files(&corpus.join("texts/clean-paragraphs"))
        .iter()
        .step_by(5)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| {
            t.lines()
                .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .filter(|w| w.len() >= 8)
                .collect::<Vec<_>>()
        })
        .collect()
}

struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// `n` queries: two- and three-word phrases, single words, two words unquoted.
fn queries(corpus: &Path, n: usize) -> Vec<String> {
    let lines = lines(corpus);
    let mut rng = Xorshift(20_261_205);
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    (0..n)
        .map(|i| {
            let w = &lines[rng.below(lines.len())];
            let at = rng.below(w.len() - 3);
            let (a, b, c) = (clean(&w[at]), clean(&w[at + 1]), clean(&w[at + 2]));
            match i % 4 {
                0 => format!("\"{a} {b}\""),
                1 => format!("\"{a} {b} {c}\""),
                2 => a,
                _ => format!("{a} {c}"),
            }
        })
        .collect()
}

/// `n` paragraphs to find precedents for, each with two words changed.
fn paragraphs(corpus: &Path, n: usize) -> Vec<String> {
    let lines = lines(corpus);
    let mut rng = Xorshift(20_261_206);
    (0..n)
        .map(|_| {
            let mut w = lines[rng.below(lines.len())].clone();
            for _ in 0..2 {
                let at = rng.below(w.len());
                w[at] = "notably".to_string();
            }
            w.join(" ")
        })
        .collect()
}

//! Library packs on the whole shared corpus: import it into a fresh library under
//! `target/tmp/bench-pack`, pack it, add the pack to an empty library (adopted) and to one
//! holding a quarter of the texts (merged), and compare: the same `library stats` and the
//! same top results for 100 queries. Prints the times and sizes recorded in
//! docs/benchmarks.md. Run: `cargo bench -p resolute-library --bench pack` (release build).

use std::path::{Path, PathBuf};
use std::time::Instant;

use resolute_library::{Library, SearchRequest};

fn main() {
    let Some(corpus) = resolute_testkit::corpus() else {
        eprintln!("pack bench: no corpus (set RESOLUTE_CORPUS)");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/tmp/bench-pack");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("bench folder");
    let sources = vec![
        corpus.join("metadata/resolution_index.csv"),
        corpus.join("texts"),
    ];

    let t = Instant::now();
    let mut lib = Library::open(root.join("library")).expect("library");
    let imported = lib.import(&sources, &mut |_| {}).expect("import");
    let import_s = t.elapsed().as_secs_f64();

    let pack = root.join("corpus.pack");
    let written = lib.pack(&pack, &mut |_| {}).expect("pack");

    let t = Instant::now();
    let mut adopted = Library::open(root.join("adopted")).expect("adopted library");
    adopted.add_pack(&pack, &mut |_| {}).expect("adopt");
    let adopt_s = t.elapsed().as_secs_f64();

    let quarter: Vec<PathBuf> = texts(&corpus).into_iter().step_by(4).collect();
    let mut merged = Library::open(root.join("merged")).expect("merged library");
    let mut some = vec![sources[0].clone()];
    some.extend(quarter);
    merged.import(&some, &mut |_| {}).expect("quarter import");
    let t = Instant::now();
    let m = merged.add_pack(&pack, &mut |_| {}).expect("merge");
    let merge_s = t.elapsed().as_secs_f64();

    let stats = lib.stats().expect("stats");
    assert_eq!(
        adopted.stats().expect("stats"),
        stats,
        "adopted stats differ"
    );
    assert_eq!(merged.stats().expect("stats"), stats, "merged stats differ");
    let queries = queries(&corpus);
    assert_eq!(queries.len(), 100);
    let mut same = 0;
    for q in &queries {
        let want = top(&lib, q);
        assert_eq!(top(&adopted, q), want, "adopted: {q}");
        same += 1;
    }
    let dir_mb = size(&root.join("library")) as f64 / 1e6;
    println!(
        "corpus library: {} files imported, {} resolutions, {} paragraphs, index {dir_mb:.1} MB, import {import_s:.1} s",
        imported.added, stats.resolutions, stats.paragraphs
    );
    println!(
        "pack: {:.1} MB, {} index files, {:.2} s",
        written.bytes as f64 / 1e6,
        written.files,
        written.seconds
    );
    println!("add to an empty library (adopted): {adopt_s:.2} s; same stats; same top 10 for {same}/100 queries");
    println!(
        "add to a library holding a quarter (merged): {merge_s:.2} s ({} added, {} unchanged); same stats",
        m.added, m.unchanged
    );
}

/// Every text file under `corpus/texts`, in name order.
fn texts(corpus: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&corpus.join("texts"), &mut out);
    out
}

/// 100 queries from the corpus's clean texts: two- and three-word phrases, single words,
/// two words unquoted; a fixed xorshift so every run asks the same.
fn queries(corpus: &Path) -> Vec<String> {
    let lines: Vec<Vec<String>> = texts(corpus)
        .iter()
        .filter(|p| p.to_string_lossy().contains("clean-"))
        .step_by(7)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .flat_map(|t| {
            t.lines()
                .map(|l| {
                    l.split_whitespace()
                        .map(|w| {
                            w.trim_matches(|c: char| !c.is_alphanumeric())
                                .to_lowercase()
                        })
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|w| w.len() >= 8)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut state = 20_261_205u64;
    let mut below = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    (0..100)
        .map(|i| {
            let w = &lines[below(lines.len())];
            let at = below(w.len() - 3);
            match i % 4 {
                0 => format!("\"{} {}\"", w[at], w[at + 1]),
                1 => format!("\"{} {} {}\"", w[at], w[at + 1], w[at + 2]),
                2 => w[at].clone(),
                _ => format!("{} {}", w[at], w[at + 2]),
            }
        })
        .collect()
}

fn top(lib: &Library, q: &str) -> Vec<(String, u32)> {
    lib.search(&SearchRequest::new(q))
        .expect("search")
        .hits()
        .take(10)
        .map(|h| (h.reference.clone(), (h.score * 1e4).round() as u32))
        .collect()
}

fn size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                size(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

//! The library benchmark over the whole shared corpus, with its peers measured in the same
//! run on the same data: our wrapper (import = read + segment + index), bare tantivy (the
//! same paragraphs, same tokenizers, no wrapper), SQLite FTS5 (rusqlite, bundled; the same
//! paragraphs) and ripgrep (the same plain texts; skipped when `rg` is absent).
//!
//! ```text
//! cargo run --release -p resolute-library --example bench [-- QUERIES]
//! ```
//! Reads the corpus from $RESOLUTE_CORPUS, else ../shared/corpus beside the workspace.
//! Prints a Markdown report on standard output.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use resolute_library::{Hit, Library, SearchRequest};
use tantivy::collector::TopDocs;
use tantivy::query::PhraseQuery;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED};
use tantivy::{doc, Index, TantivyDocument, Term};

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let queries: usize = std::env::args().nth(1).map_or(Ok(1000), |n| n.parse())?;
    let corpus = std::env::var_os("RESOLUTE_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    );
    if !corpus.join("texts").is_dir() {
        eprintln!("skipping: corpus not found at {}", corpus.display());
        return Ok(());
    }
    let work = std::env::temp_dir().join(format!("resolute-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let report = run(&corpus, &work, queries);
    let _ = std::fs::remove_dir_all(&work);
    println!("{}", report?);
    Ok(())
}

/// Latency figures of one engine over the query set.
struct Latency {
    p50: Duration,
    p99: Duration,
    max: Duration,
    found: usize,
}

fn latency(mut times: Vec<Duration>, found: usize) -> Latency {
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    Latency {
        p50: at(0.5),
        p99: at(0.99),
        max: times.last().copied().unwrap_or_default(),
        found,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn run(corpus: &Path, work: &Path, n: usize) -> Result<String, Error> {
    let started = Instant::now();
    let mut lib = Library::open(work.join("lib"))?;
    let sources = [
        corpus.join("metadata/resolution_index.csv"),
        corpus.join("metadata/documents.jsonl"),
        corpus.join("texts"),
    ];
    let summary = lib.import(&sources, &mut |_| {})?;
    let import = started.elapsed();
    let paras = lib.paragraphs()?;
    let phrases = sample_phrases(&paras, n);
    let drafts = sample_drafts(&paras, n);
    eprintln!(
        "imported {} files, {} paragraphs in {:.1} s",
        summary.added,
        paras.len(),
        import.as_secs_f64()
    );
    let ours = time_each(&phrases, |q| {
        Ok(lib
            .search(&SearchRequest::new(format!("\"{q}\"")))?
            .total_paragraphs)
    })?;
    let precedent = time_precedent(&lib, &drafts)?;
    let (bare_import, bare) = bare_tantivy(work, &paras, &phrases)?;
    let (fts_import, fts) = fts5(work, &paras, &phrases)?;
    let rg = ripgrep(&corpus.join("texts"), &phrases)?;
    let processes = processes(work, &phrases);
    let secs = |d: Duration, what: &str| format!("{:.2} s{what}", d.as_secs_f64());
    let rows = [
        (
            "resolute-library (read + segment + index; search = grouped, highlighted)",
            secs(import, ""),
            Some(ours),
        ),
        (
            "bare tantivy (same paragraphs and tokenizers, top 10 + stored text)",
            secs(bare_import, " (index only)"),
            Some(bare),
        ),
        (
            "SQLite FTS5 (same paragraphs, porter, top 10 by rank)",
            secs(fts_import, " (insert only)"),
            Some(fts),
        ),
        (
            "ripgrep -F -i (same plain texts, no index; one process per query)",
            "none".into(),
            rg,
        ),
    ];
    let mut out = conditions(corpus, &summary, paras.len(), n);
    out.push_str(&table(&rows, phrases.len()));
    if let Some((ours, sqlite)) = processes {
        out.push_str(&format!(
            "\nAs whole processes (start, open, query, print the top 10), the first {} phrases: `resolute search` (release build beside this one) p50 {} ms, p99 {} ms; `sqlite3` CLI on the FTS5 database above (snippet, rank, limit 10) p50 {} ms, p99 {} ms.\n",
            ours.found, ms(ours.p50), ms(ours.p99), ms(sqlite.p50), ms(sqlite.p99)
        ));
    }
    out.push_str(&format!(
        "\nPrecedent (draft paragraph with one word dropped, one added, two swapped; top 5 with diff and lineage), {} queries: p50 {} ms, p99 {} ms, max {} ms; source paragraph (or its exact wording elsewhere) ranked first for {}/{}.\n",
        drafts.len(), ms(precedent.p50), ms(precedent.p99), ms(precedent.max), precedent.found, drafts.len()
    ));
    Ok(out)
}

fn table(rows: &[(&str, String, Option<Latency>)], queries: usize) -> String {
    let mut out = String::from("\n| engine | import / index | phrase search p50 (ms) | p99 (ms) | max (ms) | queries with a hit |\n|---|---|---|---|---|---|\n");
    for (name, import, latency) in rows {
        out.push_str(&match latency {
            Some(l) => format!(
                "| {name} | {import} | {} | {} | {} | {}/{queries} |\n",
                ms(l.p50),
                ms(l.p99),
                ms(l.max),
                l.found
            ),
            None => {
                format!("| {name} | skipped: `rg` not found (Debian package `ripgrep`) | | | | |\n")
            }
        });
    }
    out
}

/// Precedent latency; "found" counts drafts whose top precedent is the source paragraph
/// or the same wording in another resolution.
fn time_precedent(lib: &Library, drafts: &[Draft]) -> Result<Latency, Error> {
    let texts: Vec<String> = drafts.iter().map(|d| d.text.clone()).collect();
    let mut next = drafts.iter();
    time_each(&texts, |d| {
        let top = lib.precedent(d, 5)?.precedents.into_iter().next();
        let hit = match (top, next.next()) {
            (Some(t), Some(s)) => {
                t.hit.symbol == s.source_symbol || words(&t.hit.text) == s.source_words
            }
            _ => false,
        };
        Ok(usize::from(hit))
    })
}

fn conditions(
    corpus: &Path,
    s: &resolute_library::ImportSummary,
    paras: usize,
    n: usize,
) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|c| {
        c.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split(':').nth(1))
            .map(|s| s.trim().to_string())
    });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rg = Command::new("rg")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.lines().next().map(str::to_string));
    format!(
        "Corpus: {} ({} files found, {} imported, {} not imported, {} paragraphs, {} metadata rows). \
         Machine: {} cores, {}. Queries: {n} exact phrases of 3-5 words sampled (fixed seed) from indexed paragraphs. \
         Versions: tantivy 0.25, SQLite {} (bundled), {}.\n",
        corpus.display(), s.files, s.added, s.failed.len(), paras, s.metadata_rows, cores,
        cpu.unwrap_or_else(|| "unknown CPU".into()), rusqlite::version(), rg.unwrap_or_else(|| "ripgrep absent".into())
    )
}

/// A fixed-seed xorshift generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Phrases of 3-5 consecutive plain words from random paragraphs.
fn sample_phrases(paras: &[Hit], n: usize) -> Vec<String> {
    let mut rng = Rng(0x5eed_2025);
    let mut out = Vec::new();
    let plain = |w: &&str| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic());
    for _ in 0..n * 20 {
        if out.len() >= n || paras.is_empty() {
            break;
        }
        let words: Vec<&str> = paras[rng.below(paras.len())]
            .text
            .split_whitespace()
            .collect();
        let len = 3 + rng.below(3);
        if words.len() < len + 2 {
            continue;
        }
        let start = rng.below(words.len() - len);
        let slice = &words[start..start + len];
        if slice.iter().all(plain) {
            out.push(slice.join(" "));
        }
    }
    out
}

/// A draft made from an adopted paragraph, and that paragraph.
struct Draft {
    text: String,
    source_symbol: String,
    source_words: Vec<String>,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Paragraphs of at least 12 words with one word dropped, one added, two swapped.
fn sample_drafts(paras: &[Hit], n: usize) -> Vec<Draft> {
    let mut rng = Rng(0x0dd5_eed5);
    let mut out = Vec::new();
    for _ in 0..n * 20 {
        if out.len() >= n || paras.is_empty() {
            break;
        }
        let source = &paras[rng.below(paras.len())];
        let mut w: Vec<&str> = source.text.split_whitespace().collect();
        if w.len() < 12 {
            continue;
        }
        w.remove(1 + rng.below(w.len() - 2));
        w.insert(1 + rng.below(w.len() - 1), "notably");
        let i = 1 + rng.below(w.len() - 2);
        w.swap(i, i + 1);
        out.push(Draft {
            text: w.join(" "),
            source_symbol: source.symbol.clone(),
            source_words: words(&source.text),
        });
    }
    out
}

fn time_each(
    items: &[String],
    mut f: impl FnMut(&str) -> Result<usize, Error>,
) -> Result<Latency, Error> {
    let mut times = Vec::with_capacity(items.len());
    let mut found = 0;
    for item in items {
        let t = Instant::now();
        let hits = f(item)?;
        times.push(t.elapsed());
        found += usize::from(hits > 0);
    }
    Ok(latency(times, found))
}

/// The same paragraphs in a plain tantivy index (same tokenizers as ours), then the same
/// phrases as phrase queries on the unstemmed field, top 10 with their stored text.
fn bare_tantivy(
    work: &Path,
    paras: &[Hit],
    phrases: &[String],
) -> Result<(Duration, Latency), Error> {
    let field = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let mut b = Schema::builder();
    let symbol = b.add_text_field("symbol", STORED);
    let text = b.add_text_field("text", field("en_stem").set_stored());
    let exact = b.add_text_field("exact", field("default"));
    let dir = work.join("bare");
    std::fs::create_dir_all(&dir)?;
    let start = Instant::now();
    let index = Index::create_in_dir(&dir, b.build())?;
    let mut writer = index.writer::<TantivyDocument>(128 * 1024 * 1024)?;
    for p in paras {
        writer.add_document(
            doc!(symbol => p.symbol.as_str(), text => p.text.as_str(), exact => p.text.as_str()),
        )?;
    }
    writer.commit()?;
    let import = start.elapsed();
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let mut tokenizer = index.tokenizer_for_field(exact)?;
    let lat = time_each(phrases, |q| {
        let mut stream = tokenizer.token_stream(q);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(exact, &stream.token().text));
        }
        let top = searcher.search(&PhraseQuery::new(terms), &TopDocs::with_limit(10))?;
        for (_, address) in &top {
            let d: TantivyDocument = searcher.doc(*address)?;
            std::hint::black_box(d.get_first(text).and_then(|v| v.as_str().map(str::len)));
        }
        Ok(top.len())
    })?;
    Ok((import, lat))
}

/// The same paragraphs in an on-disk SQLite FTS5 table, then the same phrases as FTS5
/// phrase queries, top 10 by rank with their text.
fn fts5(work: &Path, paras: &[Hit], phrases: &[String]) -> Result<(Duration, Latency), Error> {
    let mut db = rusqlite::Connection::open(work.join("fts.sqlite"))?;
    let start = Instant::now();
    db.execute_batch("PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE p USING fts5(symbol UNINDEXED, text, tokenize='porter unicode61');")?;
    let tx = db.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO p(symbol, text) VALUES (?1, ?2)")?;
        for p in paras {
            insert.execute((&p.symbol, &p.text))?;
        }
    }
    tx.commit()?;
    let import = start.elapsed();
    let mut query =
        db.prepare("SELECT symbol, text FROM p WHERE p MATCH ?1 ORDER BY rank LIMIT 10")?;
    let lat = time_each(phrases, |q| {
        let rows = query.query_map([format!("\"{q}\"")], |r| r.get::<_, String>(1))?;
        let mut n = 0;
        for text in rows.flatten() {
            std::hint::black_box(text.len());
            n += 1;
        }
        Ok(n)
    })?;
    Ok((import, lat))
}

/// ripgrep over the plain texts: fixed string, case-insensitive, files with a match.
fn ripgrep(texts: &Path, phrases: &[String]) -> Result<Option<Latency>, Error> {
    if Command::new("rg").arg("--version").output().is_err() {
        eprintln!("skipping ripgrep: `rg` not found (install the Debian package ripgrep)");
        return Ok(None);
    }
    let lat = time_each(phrases, |q| {
        let out = Command::new("rg")
            .args(["-F", "-i", "-l", "--no-messages", "--", q])
            .arg(texts)
            .output()?;
        Ok(out
            .stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count())
    })?;
    Ok(Some(lat))
}

/// `resolute search` and the `sqlite3` CLI timed as whole processes on the first 100 phrases
/// (each engine's index as built above); `None` when either program is missing.
fn processes(work: &Path, phrases: &[String]) -> Option<(Latency, Latency)> {
    let exe = std::env::current_exe().ok()?;
    // target/release/examples/bench -> target/release/resolute
    let cli = exe.parent()?.parent()?.join("resolute");
    let sqlite = Path::new("/usr/bin/sqlite3");
    if !cli.is_file() || !sqlite.is_file() {
        eprintln!(
            "process comparison skipped: {} or {} missing",
            cli.display(),
            sqlite.display()
        );
        return None;
    }
    let time = |cmd: &mut Command| {
        let t = Instant::now();
        let ok = cmd.output().is_ok_and(|o| o.status.success());
        (t.elapsed(), ok)
    };
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let some: Vec<&String> = phrases.iter().take(100).collect();
    for p in &some {
        let quoted = format!("\"{}\"", p.replace('"', ""));
        let (d, ok) = time(
            Command::new(&cli)
                .args(["search", &quoted, "--library"])
                .arg(work.join("lib")),
        );
        if ok {
            ours.push(d);
        }
        let sql = format!(
            "SELECT symbol, snippet(p, 1, '**', '**', '…', 12) FROM p WHERE p MATCH '{}' ORDER BY rank LIMIT 10;",
            quoted.replace('\'', "''")
        );
        let (d, ok) = time(Command::new(sqlite).arg(work.join("fts.sqlite")).arg(sql));
        if ok {
            theirs.push(d);
        }
    }
    let (a, b) = (ours.len(), theirs.len());
    Some((latency(ours, a), latency(theirs, b)))
}

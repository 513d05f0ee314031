//! Runs the extractor over every text of the shared corpus: no panic, spans valid, recall of
//! GA "resolution NN/NNN" citations, and agreement of cited dates with the resolution index.
//!
//! The corpus is read from $RESOLUTE_CORPUS, else `../shared/corpus` beside the workspace.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use resolute_cite::{extract_with, validate_symbol, Body, Citation, Context, Kind, Span};

fn corpus_root() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// The body of a corpus text, from its folder name.
fn body_of(path: &Path) -> Option<Body> {
    let folder = path.parent()?.file_name()?.to_str()?;
    let prefix = folder.split('-').next()?;
    match prefix {
        "ga" => Some(Body::GeneralAssembly),
        "sc" => Some(Body::SecurityCouncil),
        "hrc" => Some(Body::HumanRightsCouncil),
        "ecosoc" => Some(Body::EconomicAndSocialCouncil),
        _ => None,
    }
}

fn check_span(text: &str, span: Span, what: &str, path: &Path) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of {path:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries in {path:?}"
    );
}

fn check_citation(text: &str, c: &Citation, path: &Path) {
    check_span(text, c.span, "span", path);
    check_span(text, c.extent(), "extent", path);
    for p in &c.pinpoints {
        check_span(text, p.span, "pinpoint", path);
    }
}

/// Every "resolution NN/NNN" found by a plain scan: the byte range of "NN/NNN".
fn naive_ga_citations(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let needle = "resolution ";
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
        let start = from + i + needle.len();
        from = start;
        let digits = |p: usize| (p..b.len()).take_while(|&k| b[k].is_ascii_digit()).count();
        let d1 = digits(start);
        if d1 == 0 || b.get(start + d1) != Some(&b'/') {
            continue;
        }
        let d2 = digits(start + d1 + 1);
        if d2 > 0 {
            out.push((start, start + d1 + 1 + d2));
        }
    }
    out
}

/// The first number after every "resolution(s)" / "decision(s)" followed, across any
/// whitespace, by "N/N" or "N (": a broader signal than [`naive_ga_citations`], over all bodies.
fn naive_cued(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for kw in ["resolution", "decision"] {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(kw)) {
            let mut p = from + i + kw.len();
            from = p;
            if b.get(p) == Some(&b's') {
                p += 1;
            }
            let rest = text.get(p..).unwrap_or_default();
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace());
            if trimmed.len() == rest.len() {
                continue;
            }
            let start = p + rest.len() - trimmed.len();
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            let after = trimmed.get(digits..).unwrap_or_default();
            let slash =
                after.starts_with('/') && after[1..].starts_with(|c: char| c.is_ascii_digit());
            let paren = after
                .trim_start_matches(|c: char| c.is_whitespace())
                .starts_with('(');
            if digits > 0 && (slash || paren) {
                out.push((start, start + digits));
            }
        }
    }
    out
}

/// symbol (spaces removed) -> adoption date, from metadata/resolution_index.csv.
fn index_dates(root: &Path) -> HashMap<String, String> {
    let csv = fs::read_to_string(root.join("metadata/resolution_index.csv")).unwrap_or_default();
    let mut out = HashMap::new();
    for line in csv.lines() {
        let mut fields = line.split(',');
        let (Some(symbol), Some(_), Some(date)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if symbol.contains("/RES/") && date.len() == 10 {
            out.insert(symbol.replace(' ', ""), date.to_owned());
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    files: usize,
    bytes: usize,
    citations: usize,
    naive: usize,
    covered: usize,
    cued: usize,
    cued_covered: usize,
    cued_misses: Vec<String>,
    misses: Vec<String>,
    dated: usize,
    agree: usize,
    by_body: HashMap<&'static str, (usize, usize)>,
    disagree: Vec<String>,
}

fn measure(root: &Path, path: &Path, index: &HashMap<String, String>, t: &mut Tally) {
    let Ok(text) = fs::read_to_string(path) else {
        return;
    };
    let body = body_of(path);
    let found = extract_with(&text, Context { body });
    t.files += 1;
    t.bytes += text.len();
    t.citations += found.len();
    for c in &found {
        check_citation(&text, c, path);
    }
    broad(&text, &found, path.strip_prefix(root).unwrap_or(path), t);
    if body == Some(Body::GeneralAssembly) {
        recall(&text, &found, path.strip_prefix(root).unwrap_or(path), t);
    }
    for c in found.iter().filter(|c| c.kind == Kind::Resolution) {
        let (Some(norm), Some(d)) = (&c.normalized, c.date) else {
            continue;
        };
        let Some(want) = index.get(&norm.replace(' ', "")) else {
            continue;
        };
        t.dated += 1;
        let same = *want == d.date.to_string();
        let tally = t.by_body.entry(c.body.map_or("?", Body::code)).or_default();
        tally.0 += 1;
        tally.1 += usize::from(same);
        if same {
            t.agree += 1;
        } else if t.disagree.len() < 15 {
            t.disagree
                .push(format!("{norm}: cited {} index {want} ({path:?})", d.date));
        }
    }
}

fn around(text: &str, s: usize, e: usize) -> &str {
    let mut lo = s.saturating_sub(50);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (e + 30).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    &text[lo..hi]
}

fn covered(found: &[Citation], s: usize, e: usize) -> bool {
    found.iter().any(|c| c.span.start <= s && e <= c.span.end)
}

fn recall(text: &str, found: &[Citation], path: &Path, t: &mut Tally) {
    for (s, e) in naive_ga_citations(text) {
        t.naive += 1;
        if covered(found, s, e) {
            t.covered += 1;
        } else if t.misses.len() < 20 {
            t.misses.push(format!("{path:?}: {:?}", around(text, s, e)));
        }
    }
}

fn broad(text: &str, found: &[Citation], path: &Path, t: &mut Tally) {
    for (s, e) in naive_cued(text) {
        t.cued += 1;
        if covered(found, s, e) {
            t.cued_covered += 1;
        } else if t.cued_misses.len() < 40 {
            t.cued_misses
                .push(format!("{path:?}: {:?}", around(text, s, e)));
        }
    }
}

/// (normal form, date) of the numbered citations of a text, as a multiset.
fn numbered(text: &str) -> HashMap<(String, String), usize> {
    let mut out = HashMap::new();
    let ctx = Context {
        body: Some(Body::GeneralAssembly),
    };
    for c in extract_with(text, ctx) {
        if c.kind == Kind::Symbol {
            continue;
        }
        let date = c.date.map(|d| d.date.to_string()).unwrap_or_default();
        *out.entry((c.normalized.unwrap_or_default(), date))
            .or_default() += 1;
    }
    out
}

/// symbol -> text file of the clean copies kept in parallel to a raw-PDF text, and of the
/// raw-PDF texts, from metadata/documents.jsonl.
fn parallel_copies(root: &Path) -> (HashMap<String, String>, HashMap<String, String>) {
    let docs = fs::read_to_string(root.join("metadata/documents.jsonl")).unwrap_or_default();
    let (mut clean, mut raw) = (HashMap::new(), HashMap::new());
    for line in docs.lines() {
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(symbol), Some(file)) = (doc["symbol"].as_str(), doc["text_file"].as_str()) else {
            continue;
        };
        if doc["parallel_of"] == "raw-pdf" {
            clean.insert(symbol.to_owned(), file.to_owned());
        } else if doc["format"] == "raw-pdf" {
            raw.insert(symbol.to_owned(), file.to_owned());
        }
    }
    (clean, raw)
}

/// The GA resolutions kept both as raw PDF text and as a clean copy: how many of the
/// citations found in the clean copy are found, with the same normal form and date, in the
/// raw PDF text (page furniture, line breaks, footnote marks glued to numbers).
#[test]
fn raw_pdf_text_gives_the_clean_copy_citations() {
    let Some(root) = corpus_root() else { return };
    let (clean, raw) = parallel_copies(&root);
    let (mut total, mut found, mut pairs) = (0, 0, 0);
    for (symbol, clean_file) in &clean {
        let Some(raw_file) = raw.get(symbol) else {
            continue;
        };
        let (Ok(c), Ok(r)) = (
            fs::read_to_string(root.join(clean_file)),
            fs::read_to_string(root.join(raw_file)),
        ) else {
            continue;
        };
        pairs += 1;
        let in_raw = numbered(&r);
        for (key, n) in numbered(&c) {
            total += n;
            found += n.min(in_raw.get(&key).copied().unwrap_or(0));
        }
    }
    let share = found as f64 / total.max(1) as f64;
    println!("raw PDF vs clean copy, {pairs} documents: {found}/{total} = {share:.4} of the clean copy's citations found alike in the raw text");
    // 124 raw/clean pairs in the shared corpus: a reader that finds none fails.
    assert!(pairs >= 100, "only {pairs} raw/clean pairs compared");
    assert!(share >= 0.95, "raw/clean agreement {share:.4} below 0.95");
}

/// Every symbol of the resolution index and of the document list is well formed, and its
/// normal form (the register key a checker should use) validates to itself.
#[test]
fn corpus_symbols_validate() {
    let Some(root) = corpus_root() else { return };
    let index = fs::read_to_string(root.join("metadata/resolution_index.csv")).unwrap_or_default();
    let docs = fs::read_to_string(root.join("metadata/documents.jsonl")).unwrap_or_default();
    let from_index = index.lines().skip(1).filter_map(|l| l.split(',').next());
    let from_docs = docs.lines().filter_map(|l| {
        let doc = serde_json::from_str::<serde_json::Value>(l).ok()?;
        doc["symbol"].as_str().map(str::to_owned)
    });
    let symbols: Vec<String> = from_index
        .filter(|s| s.contains('/'))
        .map(str::to_owned)
        .chain(from_docs.filter(|s| s.contains('/')))
        .collect();
    let mut bad = Vec::new();
    for s in &symbols {
        match validate_symbol(s) {
            Ok(sym) => {
                let norm = sym.to_string();
                assert_eq!(validate_symbol(&norm).map(|x| x.to_string()), Ok(norm));
            }
            Err(e) => bad.push(format!("{s}: {e}")),
        }
    }
    println!(
        "{} of {} corpus symbols validate",
        symbols.len() - bad.len(),
        symbols.len()
    );
    for b in bad.iter().take(10) {
        println!("  invalid {b}");
    }
    assert!(
        bad.len() * 1000 <= symbols.len(),
        "too many invalid symbols: {bad:?}"
    );
}

#[test]
fn corpus_spans_recall_and_dates() {
    let Some(root) = corpus_root() else { return };
    let mut files = Vec::new();
    texts(&root.join("texts"), &mut files);
    files.sort();
    let index = index_dates(&root);
    let mut t = Tally::default();
    for path in &files {
        measure(&root, path, &index, &mut t);
    }
    let recall = t.covered as f64 / t.naive.max(1) as f64;
    println!(
        "{} files, {} bytes, {} citations",
        t.files, t.bytes, t.citations
    );
    println!(
        "recall of GA \"resolution NN/NNN\": {}/{} = {:.4}",
        t.covered, t.naive, recall
    );
    for m in &t.misses {
        println!("  missed {m}");
    }
    let broad = t.cued_covered as f64 / t.cued.max(1) as f64;
    println!(
        "broad recall, \"resolution(s)/decision(s) N/N or N (\" in all texts: {}/{} = {broad:.4}",
        t.cued_covered, t.cued
    );
    for m in &t.cued_misses {
        println!("  missed {m}");
    }
    println!(
        "dated resolution citations found in the index: {}; date agrees: {} ({:.1}%)",
        t.dated,
        t.agree,
        100.0 * t.agree as f64 / t.dated.max(1) as f64
    );
    let mut bodies: Vec<_> = t.by_body.iter().collect();
    bodies.sort();
    for (body, (n, same)) in bodies {
        println!("  {body}: {same}/{n} agree");
    }
    for d in &t.disagree {
        println!("  differs {d}");
    }
    assert!(t.files > 0, "no texts under {root:?}");
    assert!(recall >= 0.99, "recall {recall:.4} below 0.99");
}

//! The checker against real adopted resolutions from the shared corpus.
//!
//! - False alarms: UN editors already corrected these texts, so an error-severity finding on
//!   them is mostly the checker's bug. Budget: at most 1 error per 20 resolutions.
//! - Recall: real resolutions are mutated (a wrong date on a cited resolution the register
//!   knows, a wrong end punctuation, an operative verb opening a preambular paragraph, a
//!   pinpoint past the cited resolution's last paragraph, a misspelt opening, a misspelt
//!   month, a date that does not exist); the checker
//!   must flag at least 95% of them, with the expected rule, at the mutated place.
//!
//! The register is built from the corpus metadata (resolution_index.csv) plus the segmented
//! text of every corpus resolution (for operative paragraph counts). The corpus is read from
//! $RESOLUTE_CORPUS, else ../shared/corpus beside the workspace; without it the tests skip.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use resolute_check::{check, MemoryRegister, Register, Resolution, Severity};
use resolute_cite::{extract_with, Citation, Context};
use resolute_draft::{segment, Body, Draft, Kind, MONTHS};
use serde_json::Value;

struct Doc {
    symbol: String,
    body: Body,
    text: String,
    clean: bool,
    quality_note: bool,
}

fn corpus_root() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// Every resolution text of the corpus with its metadata.
fn load(root: &Path) -> Vec<Doc> {
    let jsonl = fs::read_to_string(root.join("metadata/documents.jsonl")).unwrap();
    jsonl
        .lines()
        .filter_map(|line| {
            let v: Value = serde_json::from_str(line).ok()?;
            if v["doc_type"] != "resolution" {
                return None;
            }
            let text = fs::read_to_string(root.join(v["text_file"].as_str()?)).ok()?;
            Some(Doc {
                symbol: v["symbol"].as_str()?.to_string(),
                body: Body::parse(v["body"].as_str()?)?,
                text,
                clean: v["format"] == "clean-paragraphs",
                quality_note: v.get("quality_note").is_some_and(|q| !q.is_null()),
            })
        })
        .collect()
}

fn register(root: &Path, docs: &[Doc]) -> MemoryRegister {
    let mut reg = MemoryRegister::new();
    let csv = fs::read_to_string(root.join("metadata/resolution_index.csv")).unwrap();
    reg.load_csv(&csv).unwrap();
    for doc in docs {
        let draft = segment(&doc.text);
        let record = Resolution {
            symbol: doc.symbol.clone(),
            ..Resolution::default()
        };
        reg.insert_text(record, &draft);
    }
    reg
}

/// The documents the false-alarm budget is measured on: clean GA, HRC and ECOSOC
/// resolutions without a quality note.
fn measured(docs: &[Doc]) -> impl Iterator<Item = &Doc> {
    docs.iter()
        .filter(|d| d.clean && !d.quality_note && d.body != Body::SecurityCouncil)
}

fn checked(
    doc: &Doc,
    text: &str,
    reg: &MemoryRegister,
) -> (Draft, Vec<resolute_check::Diagnostic>) {
    let mut draft = segment(text);
    draft.meta.body = draft.meta.body.or(Some(doc.body));
    let found = check(text, &draft, Some(reg as &dyn Register));
    (draft, found)
}

/// A finding on an adopted text that a person reviewed and found right: a real error of the
/// text, or a defect of the corpus copy (numbers lost in extraction). Read from
/// tests/adopted-text-findings.tsv: symbol, rule, a snippet the finding's line must contain
/// ("" for every finding of that rule in the document), and the evidence.
struct Reviewed {
    symbol: String,
    rule: String,
    snippet: String,
}

fn reviewed() -> Vec<Reviewed> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/adopted-text-findings.tsv");
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(
                f.len() == 4 && !f[3].trim().is_empty(),
                "bad reviewed line: {l}"
            );
            Reviewed {
                symbol: f[0].into(),
                rule: f[1].into(),
                snippet: f[2].into(),
            }
        })
        .collect()
}

fn is_reviewed(list: &[Reviewed], doc: &Doc, d: &resolute_check::Diagnostic) -> bool {
    let line_start = doc.text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[d.span.end..]
        .find('\n')
        .map_or(doc.text.len(), |i| d.span.end + i);
    let line = &doc.text[line_start..line_end];
    list.iter()
        .any(|r| r.symbol == doc.symbol && r.rule == d.rule && line.contains(&r.snippet))
}

#[test]
fn adopted_resolutions_raise_few_errors() {
    let Some(root) = corpus_root() else { return };
    let docs = load(&root);
    let reg = register(&root, &docs);
    let list = reviewed();
    let (mut resolutions, mut errors, mut confirmed) = (0usize, 0usize, 0usize);
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut examples: Vec<String> = Vec::new();
    let mut by_doc: Vec<(usize, &str)> = Vec::new();
    for doc in measured(&docs) {
        resolutions += 1;
        let (_, found) = checked(doc, &doc.text, &reg);
        let (known, alarms): (Vec<_>, Vec<_>) = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .partition(|d| is_reviewed(&list, doc, d));
        confirmed += known.len();
        by_doc.push((alarms.len(), &doc.symbol));
        for d in &alarms {
            errors += 1;
            *by_rule.entry(d.rule).or_default() += 1;
            let wanted = std::env::var("RESOLUTE_RULE").map_or(alarms.len() < 4, |r| r == d.rule);
            if examples.len() < 40 && wanted {
                let around = doc
                    .text
                    .get(d.span.start.saturating_sub(40)..d.span.end + 10);
                examples.push(format!(
                    "{} {} {:?} ({})",
                    doc.symbol,
                    d.rule,
                    around.unwrap_or(""),
                    d.message
                ));
            }
        }
    }
    let rate = errors as f64 / resolutions as f64;
    println!("false alarms: {errors} errors on {resolutions} adopted resolutions ({rate:.3} per resolution, budget 0.05)");
    println!("reviewed findings left out (real errors of the texts, defects of the copies): {confirmed} (tests/adopted-text-findings.tsv)");
    let mut worst: Vec<_> = by_rule.into_iter().collect();
    worst.sort_by_key(|w| std::cmp::Reverse(w.1));
    println!("worst rules: {worst:?}");
    by_doc.sort_by_key(|d| std::cmp::Reverse(d.0));
    println!(
        "documents with most errors: {:?}",
        &by_doc[..by_doc.len().min(15)]
    );
    let with_errors = by_doc.iter().filter(|d| d.0 > 0).count();
    println!("documents with at least one error: {with_errors}");
    for e in &examples {
        println!("  {e}");
    }
    // Each reviewed finding must still be raised, where it was found (any severity: a date
    // known from metadata only is a warning), or its line is stale.
    let mut stale = Vec::new();
    for r in &list {
        let raised = docs.iter().filter(|d| d.symbol == r.symbol).any(|doc| {
            let (_, found) = checked(doc, &doc.text, &reg);
            let one = |d: &resolute_check::Diagnostic| is_reviewed(std::slice::from_ref(r), doc, d);
            found.iter().any(one)
        });
        if !raised {
            stale.push(format!("{} {} {:?}", r.symbol, r.rule, r.snippet));
        }
    }
    println!(
        "reviewed findings verified: {} of {} still raised",
        list.len() - stale.len(),
        list.len()
    );
    assert!(stale.is_empty(), "reviewed findings no longer raised (remove them from adopted-text-findings.tsv): {stale:?}");
    // 1,604 adopted resolutions without a quality note in the shared corpus.
    assert!(
        resolutions >= 1500,
        "too few resolutions measured: {resolutions}"
    );
    assert!(rate <= 0.05, "{errors} errors on {resolutions} resolutions");
}

/// One injected error: the mutated text, the rule expected, and the byte range where the
/// checker must point.
struct Mutation {
    what: &'static str,
    text: String,
    rule: &'static str,
    at: (usize, usize),
}

fn replace(text: &str, start: usize, end: usize, with: &str) -> String {
    format!("{}{}{}", &text[..start], with, &text[end..])
}

fn para_starts(text: &str, draft: &Draft, kind: Kind) -> Vec<(usize, usize)> {
    draft
        .paragraphs()
        .filter(|p| p.kind == kind && p.sub.is_empty())
        .filter_map(|p| {
            let slice = text.get(p.span.range())?;
            let i = slice.find(|c: char| c.is_alphabetic())?;
            Some((p.span.start + i, p.span.end))
        })
        .collect()
}

fn first_word(text: &str, start: usize) -> (usize, usize) {
    let len = text[start..]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(0);
    (start, start + len)
}

/// Every citation of the document's paragraphs, with the offset of its paragraph (citation
/// spans are relative to that paragraph).
fn citations<'a>(doc: &'a Doc, draft: &'a Draft) -> impl Iterator<Item = (usize, Citation)> + 'a {
    let context = Context {
        body: Some(doc.body),
    };
    draft.paragraphs().flat_map(move |p| {
        let slice = doc.text.get(p.span.range()).unwrap_or("");
        extract_with(slice, context)
            .into_iter()
            .map(move |c| (p.span.start, c))
    })
}

/// A wrong adoption date on the first dated citation the register confirms.
fn wrong_date(doc: &Doc, draft: &Draft, reg: &MemoryRegister) -> Option<Mutation> {
    citations(doc, draft).find_map(|(base, c)| {
        let (dated, symbol) = (c.date?, c.normalized.as_deref()?);
        let known = reg.resolution(symbol).and_then(|r| r.adopted);
        if known.as_deref() != Some(dated.date.to_string().as_str()) {
            return None;
        }
        let day = dated.date.day;
        let new_day = if day >= 28 { day - 1 } else { day + 1 };
        let start = base + dated.span.start;
        let day_len = if day >= 10 { 2 } else { 1 };
        let text = replace(&doc.text, start, start + day_len, &new_day.to_string());
        let end = start + new_day.to_string().len();
        Some(Mutation {
            what: "wrong date",
            text,
            rule: "citation/date",
            at: (start, end),
        })
    })
}

/// A preambular paragraph's final comma turned into a semicolon.
fn wrong_punctuation(doc: &Doc, draft: &Draft) -> Option<Mutation> {
    let (_, end) = para_starts(&doc.text, draft, Kind::Preambular)
        .into_iter()
        .nth(1)?;
    let own = doc.text[..end].trim_end();
    if !own.ends_with(',') {
        return None;
    }
    let at = own.len() - 1;
    let text = replace(&doc.text, at, at + 1, ";");
    Some(Mutation {
        what: "end punctuation",
        text,
        rule: "structure/preamble-end",
        at: (at, at + 1),
    })
}

/// "Requests" put in place of a preambular paragraph's first word.
fn operative_verb_in_preamble(doc: &Doc, draft: &Draft) -> Option<Mutation> {
    let (start, _) = para_starts(&doc.text, draft, Kind::Preambular)
        .into_iter()
        .nth(2)?;
    let (s, e) = first_word(&doc.text, start);
    if !doc.text[s..e].ends_with("ing") {
        return None;
    }
    let text = replace(&doc.text, s, e, "Requests");
    Some(Mutation {
        what: "operative verb in preamble",
        text,
        rule: "opening/wrong-kind",
        at: (s, s + "Requests".len()),
    })
}

/// "paragraph N of" put before a citation of a resolution whose paragraph count is known,
/// with N past its last paragraph.
fn pinpoint_too_far(doc: &Doc, draft: &Draft, reg: &MemoryRegister) -> Option<Mutation> {
    citations(doc, draft).find_map(|(base, c)| {
        let (cue, symbol) = (c.cue?, c.normalized.as_deref()?);
        // Only citations whose "its" is the document's own body: the inserted pinpoint must
        // not change which organ "its" refers to.
        let cue_text = doc.text.get(base + cue.start..base + cue.end)?;
        if c.body != Some(doc.body) || !c.pinpoints.is_empty() || cue_text != "its resolution" {
            return None;
        }
        let count = reg
            .resolution(symbol)?
            .operative_paragraphs
            .filter(|n| *n > 0)?;
        let n = (count + 3).to_string();
        let start = base + cue.start;
        let text = replace(&doc.text, start, start, &format!("paragraph {n} of "));
        let at = start + "paragraph ".len();
        Some(Mutation {
            what: "pinpoint too far",
            text,
            rule: "citation/pinpoint",
            at: (at, at + n.len()),
        })
    })
}

/// The third letter dropped from an operative paragraph's first word ("Requests" ->
/// "Reuests").
fn misspelt_opening(doc: &Doc, draft: &Draft) -> Option<Mutation> {
    let (start, _) = para_starts(&doc.text, draft, Kind::Operative)
        .into_iter()
        .nth(1)?;
    let (s, e) = first_word(&doc.text, start);
    if e - s < 6 || !doc.text[s..e].is_ascii() {
        return None;
    }
    let text = replace(&doc.text, s + 2, s + 3, "");
    Some(Mutation {
        what: "misspelt opening",
        text,
        rule: "opening/unknown",
        at: (s, e - 1),
    })
}

/// A date written "day Month year" in a paragraph: where its day and month words start,
/// and what they say.
struct WrittenDate {
    day_at: usize,
    day_len: usize,
    month_at: usize,
    month: usize,
    year: u32,
    end: usize,
}

/// The words of `text` with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect()
}

/// Every "20 December 2006" of the document's paragraphs, in order.
fn written_dates(doc: &Doc, draft: &Draft) -> Vec<WrittenDate> {
    let mut out = Vec::new();
    for p in draft.paragraphs() {
        let Some(slice) = doc.text.get(p.span.range()) else {
            continue;
        };
        for w in words_at(slice).windows(3) {
            let [(d_at, d), (m_at, m), (y_at, y)] = w else {
                continue;
            };
            let year_digits = y.chars().take_while(char::is_ascii_digit).count();
            let day_ok = (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
            let Some(month) = MONTHS.iter().position(|name| name == m) else {
                continue;
            };
            if day_ok && year_digits == 4 {
                out.push(WrittenDate {
                    day_at: p.span.start + d_at,
                    day_len: d.len(),
                    month_at: p.span.start + m_at,
                    month,
                    year: y[..4].parse().unwrap(),
                    end: p.span.start + y_at + 4,
                });
            }
        }
    }
    out
}

/// The first dated month name misspelt in one of three ways, chosen by the document's
/// length: a letter dropped, two letters swapped, or "xyz" typed inside it.
fn misspelt_month(doc: &Doc, draft: &Draft) -> Option<Mutation> {
    let date = written_dates(doc, draft).into_iter().next()?;
    let name = MONTHS[date.month];
    let mut b = name.as_bytes().to_vec();
    match doc.text.len() % 3 {
        0 if b.len() >= 5 => {
            b.remove(2);
        }
        2 if b.len() >= 5 => b.splice(3..3, *b"xyz").for_each(drop),
        _ => b.swap(1, 2),
    }
    let wrong = String::from_utf8(b).unwrap();
    let at = date.month_at;
    let text = replace(&doc.text, at, at + name.len(), &wrong);
    Some(Mutation {
        what: "misspelt month",
        text,
        rule: "style/date-invalid",
        at: (at, at + wrong.len()),
    })
}

/// The day of the first date in a month shorter than 31 days set one past the month's end:
/// "31 June 2015", "29 February 2023".
fn impossible_date(doc: &Doc, draft: &Draft) -> Option<Mutation> {
    written_dates(doc, draft).into_iter().find_map(|date| {
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
        let last = match date.month {
            1 if leap => 29,
            1 => 28,
            3 | 5 | 8 | 10 => 30,
            _ => return None,
        };
        let day = (last + 1).to_string();
        let text = replace(&doc.text, date.day_at, date.day_at + date.day_len, &day);
        let end = date.end + day.len() - date.day_len;
        Some(Mutation {
            what: "impossible date",
            text,
            rule: "style/date-invalid",
            at: (date.day_at, end),
        })
    })
}

#[test]
fn injected_errors_are_caught_at_the_right_place() {
    let Some(root) = corpus_root() else { return };
    let docs = load(&root);
    let reg = register(&root, &docs);
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed: Vec<String> = Vec::new();
    for doc in measured(&docs).take(400) {
        let draft = segment(&doc.text);
        let mutations = [
            wrong_date(doc, &draft, &reg),
            wrong_punctuation(doc, &draft),
            operative_verb_in_preamble(doc, &draft),
            pinpoint_too_far(doc, &draft, &reg),
            misspelt_opening(doc, &draft),
            misspelt_month(doc, &draft),
            impossible_date(doc, &draft),
        ];
        for m in mutations.into_iter().flatten() {
            let (_, found) = checked(doc, &m.text, &reg);
            let hit = found.iter().any(|d| {
                d.rule == m.rule
                    && d.span.start < m.at.1.max(m.at.0 + 1)
                    && m.at.0 < d.span.end.max(d.span.start + 1)
            });
            let entry = tally.entry(m.what).or_default();
            entry.1 += 1;
            if hit {
                entry.0 += 1;
            } else if missed.len() < 20 {
                let around = m
                    .text
                    .get(m.at.0.saturating_sub(30)..m.at.1 + 20)
                    .unwrap_or("");
                missed.push(format!("{} {}: {:?}", doc.symbol, m.what, around));
            }
        }
    }
    let (caught, total) = tally.values().fold((0, 0), |(c, t), (a, b)| (c + a, t + b));
    for (what, (c, t)) in &tally {
        println!("{what}: {c}/{t}");
    }
    for m in &missed {
        println!("  missed {m}");
    }
    let recall = caught as f64 / total as f64;
    println!(
        "injected errors caught: {caught}/{total} ({:.1}%)",
        100.0 * recall
    );
    assert!(
        tally.len() == 7,
        "every kind of mutation must be exercised: {tally:?}"
    );
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95");
}

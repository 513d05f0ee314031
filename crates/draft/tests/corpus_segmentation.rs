//! Segmentation measured against the paragraph ground truth of the shared corpus.
//!
//! Run with `cargo test -p resolute-draft --test corpus_segmentation -- --nocapture`.
//!
//! The ground truth (`metadata/paragraphs.jsonl`) is the source's own labelling of the clean
//! paragraph-per-block texts, with character offsets. It has known faults, handled here in
//! the open:
//! - it labels the enacting formula ("The General Assembly,") as a preambular paragraph; that
//!   entry is the enacting formula, so it is left out of the comparison (the segmenter puts it
//!   in `Draft::enacting`);
//! - it runs on past the closing formula into annexes, so only entries before the first
//!   `backmatter` entry are compared; where it labels the closing formula itself ("50th
//!   (resumed) plenary meeting", or a closing date "2 July 2020" alone) as a paragraph, that
//!   entry ends the range too;
//! - where no closing formula comes first (Security Council resolutions), it runs on into
//!   the annexes: an "Annex" heading ends the range as well;
//! - it labels masthead lines split from the adoption line ("on 16 September 1998") as
//!   paragraphs: entries before the enacting formula are not compared;
//! - some documents leave paragraphs unlabelled, label a paragraph as a heading (a "heading"
//!   ending with a comma, semicolon or colon, also before a footnote mark) or have no
//!   operative paragraph labelled;
//!   those are counted as unusable and left out (the count is printed);
//! - unnumbered text inside the operative part (text after a paragraph's subparagraphs,
//!   "and to include ...;", unnumbered items) is labelled preambular; since a preambular
//!   paragraph never follows an operative one within a section (headings and enacting
//!   formulas start a new one), such an entry is compared as operative, and lower-case text
//!   continuing a preambular paragraph keeps that kind;
//! - after an enacting formula without its comma ("The Economic and Social Council", R2: no
//!   preamble follows) it labels the unnumbered operative paragraphs ("Recommends to the
//!   General Assembly the adoption of the following draft resolution:") preambular; they are
//!   compared as operative up to the next enacting formula unless they end with a comma
//!   (some Security Council texts drop the comma and still have a preamble);
//! - where the segmenter is right and the labels are wrong, the document is listed with the
//!   reason in `tests/segmentation-exclusions.tsv` (reviewed by hand, kept short); an
//!   excluded document whose differences are more than the named fault is printed with all
//!   its differences, for review.

use resolute_draft::{segment, Draft, Kind};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where the corpus is (see `resolute_testkit::corpus`: skips outside CI, fails under it).
fn corpus() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

fn jsonl(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).expect("read jsonl");
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The reviewed exclusions for one comparison: reasons starting "raw-pdf:" concern the PDF
/// text against the clean copy only.
fn exclusions(raw_pdf: bool) -> HashMap<String, String> {
    let text = include_str!("segmentation-exclusions.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, r)| raw_pdf || !r.starts_with("raw-pdf:"))
        .map(|(s, r)| (s.trim().to_string(), r.trim().to_string()))
        .collect()
}

/// Whitespace collapsed (no-break spaces included), invisible format characters removed,
/// a hyphen left before a space by a line break glued back.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(char::is_whitespace)
        .map(|w| {
            w.replace(
                [
                    '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{ad}',
                    '\u{feff}',
                ],
                "",
            )
        })
        .filter(|w| !w.is_empty())
    {
        let glue = out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

type Seq = Vec<(Kind, String)>;

/// The labelled paragraphs of one ground-truth entry, or why it is unusable.
fn truth(entry: &Value, text: &str) -> Result<Seq, &'static str> {
    let chars: Vec<char> = text.chars().collect();
    let entries: Vec<Entry> = entry["p"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| read_entry(p, &chars))
        .collect();
    // Paragraph entries before the enacting formula are the masthead ("on 16 September
    // 1998" split from the adoption line), not paragraphs.
    let start = entries
        .iter()
        .position(|(what, _, body)| what == "paragraph" && is_enacting(body))
        .unwrap_or(0);
    let mut walk = Walk::default();
    for (what, label, body) in entries.iter().skip(start) {
        if !walk.entry(what, label.as_deref(), body)? {
            break;
        }
    }
    if !walk.seq.iter().any(|(k, _)| *k == Kind::Operative) {
        return Err("no operative paragraph");
    }
    Ok(walk.seq)
}

/// One ground-truth entry: type, paragraph type, text without its number or label.
type Entry = (String, Option<String>, String);

fn read_entry(p: &Value, chars: &[char]) -> Entry {
    let span = (
        p[0].as_u64().unwrap_or(0) as usize,
        p[1].as_u64().unwrap_or(0) as usize,
    );
    let raw: String = chars
        .get(span.0..span.1.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect();
    let prefix = p[5].as_str().map(str::trim).unwrap_or("");
    let body = raw.trim();
    let body = body.strip_prefix(prefix).unwrap_or(body).to_string();
    let what = p[2].as_str().unwrap_or("").to_string();
    (what, p[3].as_str().map(str::to_string), body)
}

/// Reading the ground truth of one document in order.
#[derive(Default)]
struct Walk {
    seq: Seq,
    /// An operative paragraph has been seen since the last heading or enacting formula.
    in_operative: bool,
    /// The last enacting formula had no comma: no preamble follows it.
    no_preamble: bool,
}

impl Walk {
    /// Takes one entry; returns whether the compared range goes on.
    fn entry(&mut self, what: &str, label: Option<&str>, body: &str) -> Result<bool, &'static str> {
        match what {
            "backmatter" => return Ok(false),
            // The source runs on into annexes where no closing formula comes first.
            _ if is_annex_heading(body) => return Ok(false),
            // A paragraph labelled as a heading is a paragraph left unlabelled.
            "heading" if ends_like_paragraph(body) => {
                return Err("paragraph labelled as a heading")
            }
            "heading" => self.in_operative = false,
            "paragraph" if is_closing(body) => return Ok(false),
            "paragraph" if is_enacting(body) => {
                self.in_operative = false;
                self.no_preamble = !body.trim_end().ends_with(',');
            }
            "paragraph" => {
                let kind = self.kind(label, body)?;
                self.in_operative |= kind == Kind::Operative;
                self.seq.push((kind, normalise(body)));
            }
            _ => {}
        }
        Ok(true)
    }

    fn kind(&self, label: Option<&str>, body: &str) -> Result<Kind, &'static str> {
        match label {
            // A preambular paragraph never follows an operative one within a section: the
            // source labels unnumbered text in the operative part (text after a paragraph's
            // subparagraphs, unnumbered items) preambular.
            Some("preambular") if self.in_operative => Ok(Kind::Operative),
            Some("preambular") if self.no_preamble && !body.trim_end().ends_with(',') => {
                Ok(Kind::Operative)
            }
            // Text after the subparagraphs of a preambular paragraph continues it.
            Some(_) if body.starts_with(char::is_lowercase) && !self.seq.is_empty() => {
                Ok(self.seq.last().map_or(Kind::Preambular, |(k, _)| *k))
            }
            Some("preambular") => Ok(Kind::Preambular),
            Some("operative") => Ok(Kind::Operative),
            _ => Err("unlabelled paragraph"),
        }
    }
}

/// "Annex", "Annex II", "ANNEX".
fn is_annex_heading(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    lower.starts_with("annex") && t.split_whitespace().count() <= 2 && t.len() < 16
}

/// Whether an entry labelled as a heading is a paragraph: paragraph punctuation at its end,
/// also before a footnote mark ("17 March 2015,11").
fn ends_like_paragraph(text: &str) -> bool {
    let t = text.trim();
    let before_mark = t.trim_end_matches(|c: char| c.is_ascii_digit());
    t.ends_with([',', ';', ':']) || before_mark.ends_with([',', ';'])
}

/// "50th (resumed) plenary meeting", "39th meeting": the closing formula.
fn is_closing(text: &str) -> bool {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(digits..).unwrap_or("");
    digits > 0
        && ["st ", "nd ", "rd ", "th ", "d "]
            .iter()
            .any(|s| rest.starts_with(s))
        && rest.contains("meeting")
        && t.len() < 60
        || is_date(t)
}

/// "2 July 2020": a closing date standing alone.
fn is_date(t: &str) -> bool {
    let w: Vec<&str> = t.split_whitespace().collect();
    w.len() == 3
        && w[0].parse::<u32>().is_ok_and(|d| d <= 31)
        && resolute_draft::MONTHS.contains(&w[1])
        && w[2].len() == 4
        && w[2].parse::<u32>().is_ok()
}

/// "The General Assembly,", also without its comma ("The Economic and Social Council") or
/// opening a quoted draft ("“The General Assembly,").
fn is_enacting(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['“', '"']);
    let inner = t.strip_prefix("The ").unwrap_or("");
    let inner = inner.strip_suffix(',').unwrap_or(inner);
    let capital = inner.starts_with(char::is_uppercase);
    capital && t.len() < 80 && !inner.contains([',', '.', ';', ':'])
}

/// The segmenter's paragraphs, subparagraphs flattened after their parent.
/// The paragraphs and subparagraphs of a draft, tables left out (the clean copies omit them).
fn mine(draft: &Draft) -> Seq {
    let mut seq = Vec::new();
    for p in draft.paragraphs() {
        seq.push((p.kind, normalise(&p.text)));
        let subs = p.sub.iter().filter(|s| !s.is_table());
        seq.extend(subs.map(|s| (p.kind, normalise(&s.text))));
    }
    seq
}

fn first_difference(want: &Seq, got: &Seq) -> String {
    let i = want
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    // Show both texts from a little before the first differing character.
    let from = match (want.get(i), got.get(i)) {
        (Some((_, a)), Some((_, b))) if a != b => {
            let same = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            same.saturating_sub(40)
        }
        _ => 0,
    };
    let show = |s: &Seq| {
        s.get(i).map_or("<none>".to_string(), |(k, t)| {
            let part: String = t.chars().skip(from).take(110).collect();
            format!("{k:?} @{from} {part:?}")
        })
    };
    let kinds_only = want.len() == got.len() && want.iter().zip(got).all(|(a, b)| a.1 == b.1);
    let what = if kinds_only { " (kinds only)" } else { "" };
    format!(
        "#{i} of {}/{}{what}:\n      truth {}\n      mine  {}",
        want.len(),
        got.len(),
        show(want),
        show(got)
    )
}

#[derive(Default)]
struct Score {
    total: usize,
    unusable: usize,
    excluded: usize,
    right: usize,
    failures: Vec<(String, String)>,
    /// Excluded documents whose difference is more than the one faulty entry.
    unconfirmed: Vec<String>,
    /// Excluded documents now segmented exactly as labelled: the exclusion is no longer
    /// needed.
    stale: Vec<String>,
}

/// The differences between the ground truth and the segmentation, aligned greedily: an
/// entry only in one of them, or a pair that differs in kind or text.
fn differences(want: &Seq, got: &Seq) -> Vec<String> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    let short =
        |e: &(Kind, String)| format!("{:?} {:?}", e.0, e.1.chars().take(70).collect::<String>());
    while i < want.len() || j < got.len() {
        match (want.get(i), got.get(j)) {
            (Some(a), Some(b)) if a == b => (i, j) = (i + 1, j + 1),
            (Some(a), _) if want.get(i + 1) == got.get(j) => {
                out.push(format!("truth only: {}", short(a)));
                i += 1;
            }
            (_, Some(b)) if want.get(i) == got.get(j + 1) => {
                out.push(format!("mine only: {}", short(b)));
                j += 1;
            }
            (a, b) => {
                let show = |e: Option<&(Kind, String)>| e.map_or("<none>".into(), short);
                out.push(format!("truth {} / mine {}", show(a), show(b)));
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    out
}

/// Whether every difference of an excluded document is of the kind its exclusion names: the
/// same texts with lone unnumbered operative paragraphs labelled preambular, the same words
/// where the labels split paragraphs at printed line ends, or a single entry more, less or
/// different.
fn confirmed(want: &Seq, got: &Seq) -> bool {
    let texts_equal = want.len() == got.len() && want.iter().zip(got).all(|(a, b)| a.1 == b.1);
    if want.len() > got.len() && same_words(want, got) {
        return true;
    }
    let kinds_pre_to_op = want
        .iter()
        .zip(got)
        .all(|(a, b)| a.0 == b.0 || (a.0 == Kind::Preambular && b.0 == Kind::Operative));
    (texts_equal && kinds_pre_to_op) || differences(want, got).len() <= 1
}

/// Whether both sequences hold the same words in the same order, however they are split into
/// paragraphs (a hyphen before a line end glued as the printed word was).
fn same_words(want: &Seq, got: &Seq) -> bool {
    let joined = |s: &Seq| {
        let all: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        normalise(&all.join(" "))
    };
    joined(want) == joined(got)
}

impl Score {
    fn add(
        &mut self,
        symbol: &str,
        want: Result<Seq, &str>,
        got: Seq,
        excl: &HashMap<String, String>,
    ) {
        self.total += 1;
        let Ok(want) = want else {
            self.unusable += 1;
            return;
        };
        if excl.contains_key(symbol) {
            self.excluded += 1;
            if want == got {
                self.stale.push(symbol.to_string());
            }
            if !confirmed(&want, &got) {
                let diffs = differences(&want, &got);
                self.unconfirmed
                    .push(format!("{symbol}: {}", diffs.join(" | ")));
            }
        } else if want == got {
            self.right += 1;
        } else {
            self.failures
                .push((symbol.to_string(), first_difference(&want, &got)));
        }
    }

    fn rate(&self) -> f64 {
        let measured = self.right + self.failures.len();
        if measured == 0 {
            1.0
        } else {
            self.right as f64 / measured as f64
        }
    }

    fn report(&self, name: &str) {
        println!(
            "{name}: {} documents, {} unusable labels (left out), {} reviewed exclusions, {} measured, {} exactly right = {:.1}%",
            self.total, self.unusable, self.excluded, self.right + self.failures.len(), self.right, 100.0 * self.rate()
        );
        if !self.unconfirmed.is_empty() {
            println!(
                "  exclusions with more than the named fault (reviewed by hand):\n    {}",
                self.unconfirmed.join("\n    ")
            );
        }
        assert!(
            self.stale.is_empty(),
            "exclusions no longer needed (remove them from segmentation-exclusions.tsv): {:?}",
            self.stale
        );
        let names: Vec<&str> = self.failures.iter().map(|f| f.0.as_str()).collect();
        println!("  failing: {}", names.join(", "));
        for (symbol, diff) in self.failures.iter().take(limit()) {
            println!("  {symbol} {diff}");
        }
    }
}

/// How many first differences to print ($SEGMENT_SHOW, default 12).
fn limit() -> usize {
    std::env::var("SEGMENT_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12)
}

struct Corpus {
    dir: PathBuf,
    docs: Vec<Value>,
    truth: HashMap<String, Value>,
}

fn load() -> Option<Corpus> {
    let dir = corpus()?;
    let docs = jsonl(&dir.join("metadata/documents.jsonl"));
    let truth = jsonl(&dir.join("metadata/paragraphs.jsonl"))
        .into_iter()
        .filter_map(|v| Some((v["text_file"].as_str()?.to_string(), v)))
        .collect();
    Some(Corpus { dir, docs, truth })
}

impl Corpus {
    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.dir.join(file)).unwrap_or_default()
    }

    fn truth_of(&self, doc: &Value) -> Option<(Result<Seq, &'static str>, String)> {
        let file = doc["text_file"].as_str()?;
        let text = self.read(file);
        Some((truth(self.truth.get(file)?, &text), text))
    }
}

#[test]
fn raw_pdf_resolutions_match_their_clean_copies() {
    let Some(c) = load() else { return };
    let excl = exclusions(true);
    let raw: HashMap<&str, &str> = c
        .docs
        .iter()
        .filter(|d| d["format"] == "raw-pdf")
        .filter_map(|d| Some((d["symbol"].as_str()?, d["text_file"].as_str()?)))
        .collect();
    let mut score = Score::default();
    for doc in c.docs.iter().filter(|d| d["parallel_of"] == "raw-pdf") {
        let symbol = doc["symbol"].as_str().unwrap_or("");
        let (Some(raw_file), Some((want, _))) = (raw.get(symbol), c.truth_of(doc)) else {
            continue;
        };
        let got = mine(&segment(&c.read(raw_file)));
        score.add(symbol, want, got, &excl);
    }
    score.report("(a) raw-pdf GA resolutions vs clean copies");
    assert!(
        score.total > 100,
        "too few parallel documents: {}",
        score.total
    );
    assert!(
        score.rate() >= 0.95,
        "raw-pdf segmentation below 95%: {:.3}",
        score.rate()
    );
}

#[test]
fn clean_resolutions_match_their_labels() {
    let Some(c) = load() else { return };
    let excl = exclusions(false);
    let mut score = Score::default();
    let wanted = ["GA", "HRC", "ECOSOC", "SC"];
    for doc in c.docs.iter().filter(|d| {
        d["format"] == "clean-paragraphs"
            && d["doc_type"] == "resolution"
            && d.get("quality_note").is_none_or(Value::is_null)
            && wanted.iter().any(|b| d["body"] == *b)
    }) {
        let symbol = doc["symbol"].as_str().unwrap_or("");
        let Some((want, text)) = c.truth_of(doc) else {
            continue;
        };
        score.add(symbol, want, mine(&segment(&text)), &excl);
    }
    score.report("(b) clean GA/HRC/ECOSOC/SC resolutions");
    assert!(
        score.total > 1000,
        "too few clean documents: {}",
        score.total
    );
    assert!(
        score.rate() >= 0.98,
        "clean segmentation below 98%: {:.3}",
        score.rate()
    );
}

/// Every text of the corpus segments, with spans inside the source on character boundaries
/// and in document order; prints the time taken.
#[test]
fn whole_corpus_segments_with_sound_spans() {
    let Some(c) = load() else { return };
    let texts: Vec<String> = c
        .docs
        .iter()
        .filter_map(|d| d["text_file"].as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .map(|f| c.read(f))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let drafts: Vec<Draft> = texts.iter().map(|t| segment(t)).collect();
    let took = start.elapsed();
    println!(
        "segmented {} texts ({:.1} MB) in {:.2?}",
        texts.len(),
        bytes as f64 / 1e6,
        took
    );
    for (text, draft) in texts.iter().zip(&drafts) {
        check_spans(text, draft);
    }
    footnote_marks(&drafts);
}

/// Numbered footnotes of the PDF texts whose mark was found (and removed) in the text: a
/// mark not found stays in the text as a stray number.
fn footnote_marks(drafts: &[Draft]) {
    let (mut notes, mut marked) = (0usize, 0usize);
    for d in drafts {
        let numbered = d
            .footnotes
            .iter()
            .filter(|f| f.label.bytes().all(|b| b.is_ascii_digit()));
        let refs: HashSet<&str> = d
            .paragraphs()
            .flat_map(|p| {
                p.footnote_refs
                    .iter()
                    .chain(p.sub.iter().flat_map(|s| &s.footnote_refs))
            })
            .map(String::as_str)
            .collect();
        for f in numbered {
            notes += 1;
            marked += usize::from(refs.contains(f.label.as_str()));
        }
    }
    let pct = 100.0 * marked as f64 / notes.max(1) as f64;
    println!(
        "footnote marks found in paragraphs for {marked} of {notes} numbered footnotes ({pct:.1}%)"
    );
    assert!(pct >= 90.0, "too few footnote marks found: {pct:.1}%");
    // A mark taken out of the text must refer to a note the draft has: a reference to no
    // note would be written as "[^n]" with nothing to point to.
    let dangling: usize = drafts.iter().map(dangling_refs).sum();
    assert_eq!(dangling, 0, "footnote references to no footnote");
}

fn dangling_refs(d: &Draft) -> usize {
    let labels: HashSet<&str> = d.footnotes.iter().map(|f| f.label.as_str()).collect();
    d.paragraphs()
        .flat_map(|p| {
            p.footnote_refs
                .iter()
                .chain(p.sub.iter().flat_map(|s| &s.footnote_refs))
        })
        .filter(|r| !labels.contains(r.as_str()))
        .count()
}

/// Spans inside the source, on character boundaries, paragraphs in document order,
/// subparagraphs inside their paragraph, footnotes and closing inside the source.
fn check_spans(text: &str, draft: &Draft) {
    let mut last = 0;
    for p in draft.paragraphs() {
        assert!(p.span.end <= text.len() && text.is_char_boundary(p.span.start));
        assert!(p.span.start >= last, "paragraphs out of order");
        last = p.span.start;
        for s in &p.sub {
            assert!(
                p.span.contains(s.span),
                "subparagraph outside its paragraph"
            );
        }
    }
    for f in &draft.footnotes {
        assert!(f.span.end <= text.len() && f.span.start <= f.span.end);
    }
    if let Some(c) = &draft.closing {
        assert!(c.span.end <= text.len() && c.span.start >= last);
    }
}

/// Counts for the opening-phrase check.
#[derive(Default)]
struct Openings {
    seen: usize,
    found: usize,
    agree: usize,
    misses: HashMap<String, usize>,
}

impl Openings {
    /// Compares one document's openings with the source verbs of the paragraphs found.
    fn add(&mut self, entry: &Value, text: &str) {
        let draft = segment(text);
        let openings: HashMap<String, Option<String>> = draft
            .paragraphs()
            .map(|p| (normalise(&p.text), p.opening.clone()))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for p in entry["p"].as_array().into_iter().flatten() {
            let (Some(verb), Some(_)) = (p[6].as_str(), p[3].as_str()) else {
                continue;
            };
            let (_, _, body) = read_entry(p, &chars);
            let Some(opening) = openings.get(&normalise(&body)) else {
                continue;
            };
            self.seen += 1;
            let Some(opening) = opening else {
                let start: Vec<&str> = body.split_whitespace().take(3).collect();
                *self.misses.entry(start.join(" ")).or_default() += 1;
                continue;
            };
            self.found += 1;
            let lower = opening.to_lowercase();
            self.agree +=
                usize::from(lower.split(' ').any(|w| w.starts_with(verb)) || lower.contains(verb));
        }
    }

    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.seen.max(1) as f64
    }
}

/// The opening phrases found without a catalogue, checked against the source's own
/// normalised leading verb ("recall", "having considered", "tak") for every paragraph whose
/// text the segmenter found too.
#[test]
fn openings_agree_with_the_source_verbs() {
    let Some(c) = load() else { return };
    let mut o = Openings::default();
    for doc in c.docs.iter().filter(|d| {
        d["format"] == "clean-paragraphs"
            && d["doc_type"] == "resolution"
            && d.get("quality_note").is_none_or(Value::is_null)
    }) {
        let Some(file) = doc["text_file"].as_str() else {
            continue;
        };
        if let Some(entry) = c.truth.get(file) {
            o.add(entry, &c.read(file));
        }
    }
    println!(
        "openings: {} paragraphs with a source verb, opening recognised for {} ({:.1}%), agreeing with the verb {} ({:.1}%)",
        o.seen, o.found, o.pct(o.found), o.agree, o.pct(o.agree)
    );
    let mut top: Vec<(String, usize)> = std::mem::take(&mut o.misses).into_iter().collect();
    top.sort_by_key(|t| std::cmp::Reverse(t.1));
    println!(
        "  most frequent starts without an opening: {:?}",
        &top[..top.len().min(15)]
    );
    assert!(o.seen > 30_000, "too few paragraphs compared: {}", o.seen);
    assert!(o.pct(o.found) >= 95.0 && o.pct(o.agree) >= 93.0);
}

/// One thing met walking a draft's paragraphs in document order: a numbered footnote
/// reference, or a citation number ("77/229", "S-35/1") with whether a reference follows it
/// without any character between, and where the number is in the source.
enum Mark {
    Ref(u32),
    Cite {
        number: String,
        glued_ref: Option<u32>,
        at: usize,
    },
}

/// The references and citation numbers of a draft's paragraphs and subparagraphs, in document
/// order.
fn marks_in_order(text: &str, draft: &Draft) -> Vec<Mark> {
    let mut paragraphs: Vec<&resolute_draft::Paragraph> = draft.paragraphs().collect();
    paragraphs.sort_by_key(|p| p.span.start);
    let mut out = Vec::new();
    for p in paragraphs {
        let mut cursor = p.span.start;
        for md in std::iter::once(&p.markdown).chain(p.sub.iter().map(|s| &s.markdown)) {
            scan_markdown(md, text, p.span.end, &mut cursor, &mut out);
        }
    }
    out
}

/// Finds `[^n]` references and citation numbers (`<session>/<number>`, the session 1–4
/// digits, optionally "S-" or "ES-") in one paragraph's Markdown; each citation is looked up
/// in the source from `cursor` to `end`.
fn scan_markdown(md: &str, text: &str, end: usize, cursor: &mut usize, out: &mut Vec<Mark>) {
    let b = md.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if md[i..].starts_with("[^") {
            let close = md[i..].find(']').map_or(b.len(), |e| i + e);
            if let Ok(n) = md[i + 2..close].parse::<u32>() {
                out.push(Mark::Ref(n));
            }
            i = close + 1;
            continue;
        }
        let left_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.');
        if !(b[i].is_ascii_digit() && left_ok) {
            i += md[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let session = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let slash = i + session;
        let digits = b
            .get(slash + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if session > 4 || b.get(slash) != Some(&b'/') || digits == 0 {
            i += session;
            continue;
        }
        let stop = slash + 1 + digits;
        let glued_ref = md[stop..]
            .strip_prefix("[^")
            .and_then(|r| r.split(']').next())
            .and_then(|r| r.parse().ok());
        let number = &md[i..stop];
        let at = text
            .get(*cursor..end)
            .and_then(|s| s.find(number))
            .map_or(*cursor, |a| *cursor + a);
        *cursor = at;
        out.push(Mark::Cite {
            number: number.to_string(),
            glued_ref,
            at,
        });
        i = stop;
    }
}

/// Whether source offsets `a` <= `b` are on the same page of a PDF extraction (no empty line,
/// the page separator, between them).
fn same_page(text: &str, a: usize, b: usize) -> bool {
    a <= b
        && text
            .get(a..b)
            .is_some_and(|s| !s.contains("\n\n") && !s.contains("\n\r\n"))
}

/// Whether `rest` opens with a date: "of 4 December 2006", also across a line break.
fn followed_by_date(rest: Option<&str>) -> bool {
    let words: Vec<&str> = rest.unwrap_or("").split_whitespace().take(3).collect();
    matches!(words.as_slice(), ["of", day, month]
        if day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            && resolute_draft::MONTHS.contains(month))
}

/// Counts, in one draft, the citations whose number still ends with the footnote mark that
/// comes next in the document's sequence while that mark is missing or found out of order
/// (the glued mark was not split off), and the citations whose glued mark was split off (the
/// reference follows the number directly and the source has both run together).
///
/// A citation counts as glued when: its number without the mark's digits is 1–3 digits not
/// starting with 0; the note of the next expected number exists and is printed on the
/// citation's page (a mark refers to a note at the foot of its own page); the next
/// reference after the citation is not that mark; and it is not a well-formed number
/// followed by its date.
fn glued_marks(text: &str, draft: &Draft) -> (Vec<String>, Vec<String>) {
    let notes: HashMap<u32, usize> = draft
        .footnotes
        .iter()
        .filter_map(|f| Some((f.label.parse().ok()?, f.span.start)))
        .collect();
    let marks = marks_in_order(text, draft);
    let (mut glued, mut split, mut last) = (Vec::new(), Vec::new(), 0u32);
    for (k, m) in marks.iter().enumerate() {
        let (number, glued_ref, at) = match m {
            Mark::Ref(n) => {
                last = *n;
                continue;
            }
            Mark::Cite {
                number,
                glued_ref,
                at,
            } => (number, glued_ref, *at),
        };
        if let Some(r) = glued_ref {
            let joined = format!("{number}{r}");
            let run = text.get(at..).unwrap_or("");
            let alone = run.starts_with(&joined)
                && !run[joined.len()..].starts_with(|c: char| c.is_ascii_digit());
            if alone {
                split.push(format!("{number} + mark {r}"));
            }
            continue;
        }
        let next = last + 1;
        let tail = next.to_string();
        let digits = number.rsplit('/').next().unwrap_or("");
        let short = digits.strip_suffix(tail.as_str()).unwrap_or("");
        let well_formed = (1..=3).contains(&short.len()) && !short.starts_with('0');
        let on_page = notes.get(&next).is_some_and(|&n| same_page(text, at, n));
        // A number that is a well-formed citation as it stands and is followed by its date
        // ("78/271 of 11 April 2024") is taken as complete: its mark follows the date.
        let dated = digits.len() <= 3 && followed_by_date(text.get(at + number.len()..));
        let next_ref = marks[k + 1..].iter().find_map(|m| match m {
            Mark::Ref(n) => Some(*n),
            Mark::Cite { .. } => None,
        });
        if well_formed && on_page && !dated && next_ref != Some(next) {
            glued.push(format!("{number} (mark {next})"));
        }
    }
    (glued, split)
}
/// Footnote marks glued to citation numbers in PDF text ("71/20518" for resolution 71/205
/// and mark 18): after segmentation no citation in any raw-PDF text of the corpus may still
/// end with the digits of the footnote mark that comes next in the document's numbering
/// while that mark is missing from the references or found out of order. Prints the number
/// of glued marks split off.
#[test]
fn raw_pdf_citations_keep_no_glued_footnote_mark() {
    let Some(c) = load() else { return };
    let files: Vec<&str> = c
        .docs
        .iter()
        .filter(|d| d["format"] == "raw-pdf")
        .filter_map(|d| d["text_file"].as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let (mut texts, mut split, mut left) = (0, Vec::new(), Vec::new());
    for file in &files {
        let text = c.read(file);
        let (glued, s) = glued_marks(&text, &segment(&text));
        texts += 1;
        split.extend(s.into_iter().map(|g| format!("{file}: {g}")));
        left.extend(glued.into_iter().map(|g| format!("{file}: {g}")));
    }
    println!(
        "glued footnote marks: {texts} raw-PDF texts, {} marks split off citation numbers, {} citations still glued to the next mark",
        split.len(),
        left.len()
    );
    split.sort();
    for s in split.iter().take(limit()) {
        println!("  split: {s}");
    }
    for l in &left {
        println!("  {l}");
    }
    assert!(texts > 900, "too few raw-PDF texts: {texts}");
    assert_eq!(left.len(), 0, "citations glued to the next footnote mark");
}

/// The adopted resolution of each draft resolution in the corpus metadata (`adopted_as` of a
/// GA L. document that is a draft resolution; amendments, listed in `amendments.tsv` and
/// partly tagged as drafts in `documents.jsonl`, are left out), both texts present.
fn draft_pairs(c: &Corpus) -> Vec<(String, String, String)> {
    let amendments: HashSet<String> =
        std::fs::read_to_string(c.dir.join("metadata/amendments.tsv"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split('\t').next())
            .map(str::to_string)
            .collect();
    let files: HashMap<&str, &str> = c
        .docs
        .iter()
        .filter(|d| d["doc_type"] == "resolution" && d["format"] == "raw-pdf")
        .filter_map(|d| Some((d["symbol"].as_str()?, d["text_file"].as_str()?)))
        .collect();
    c.docs
        .iter()
        .filter(|d| d["doc_type"] == "L_document" && d["l_doc_kind"] == "draft_resolution")
        .filter_map(|d| {
            let symbol = d["symbol"].as_str()?;
            let adopted = files.get(d["adopted_as"].as_str()?)?;
            (!amendments.contains(symbol)).then(|| {
                (
                    symbol.to_string(),
                    d["text_file"].as_str().unwrap_or("").to_string(),
                    adopted.to_string(),
                )
            })
        })
        .collect()
}

/// The paragraphs of a draft in order: normalised text, kind, part (0 for the paragraphs
/// before any section, then one per section), whether it carries a written number.
fn in_parts(draft: &Draft) -> Vec<(String, Kind, usize, bool)> {
    let parts = std::iter::once((&draft.preamble, &draft.operative))
        .chain(draft.sections.iter().map(|s| (&s.preamble, &s.operative)));
    let mut out = Vec::new();
    for (part, (preamble, operative)) in parts.enumerate() {
        for p in preamble.iter().chain(operative) {
            out.push((normalise(&p.text), p.kind, part, p.number.is_some()));
        }
    }
    out
}

/// Where each paragraph whose text is in `shared` stands: its kind, its number within its
/// part counted over the shared paragraphs of that kind only (so that paragraphs the
/// adoption added or deleted do not shift it), and whether it carries a written number.
/// Texts found twice in a document are left out.
fn places(
    paragraphs: &[(String, Kind, usize, bool)],
    shared: &HashSet<&str>,
) -> HashMap<String, (Kind, usize, bool)> {
    let mut count: HashMap<(Kind, usize), usize> = HashMap::new();
    let mut out = HashMap::new();
    for (text, kind, part, numbered) in paragraphs {
        if !shared.contains(text.as_str()) {
            continue;
        }
        let n = count.entry((*kind, *part)).or_default();
        *n += 1;
        out.insert(text.clone(), (*kind, *n, *numbered));
    }
    out
}

/// The longest run of texts that `a` and `b` hold in the same order (a paragraph the
/// adoption moved falls outside it).
fn in_same_order(a: &[String], b: &[String]) -> Vec<String> {
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(a[i].clone());
            (i, j) = (i + 1, j + 1);
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn once(paragraphs: &[(String, Kind, usize, bool)]) -> HashSet<&str> {
    let mut seen = HashSet::new();
    let mut twice = HashSet::new();
    for (t, ..) in paragraphs {
        if !seen.insert(t.as_str()) {
            twice.insert(t.as_str());
        }
    }
    seen.retain(|t| !twice.contains(t));
    seen
}

/// Drafts and their adopted resolutions: every paragraph whose text the adoption left
/// unchanged (same words after normalising whitespace; footnote marks are out of the text)
/// is segmented the same way in both: same kind, same number within its part (counted over
/// the unchanged paragraphs that keep their order, so that paragraphs added, deleted or
/// moved on adoption do not count),
/// a written number on both or neither. Prints the
/// pairs and paragraphs compared and the mismatches; the budget is the count measured when
/// the test was written (see the assertion).
#[test]
fn drafts_and_adopted_texts_segment_alike() {
    let Some(c) = load() else { return };
    let pairs = draft_pairs(&c);
    let (mut compared, mut moved, mut mismatches) = (0usize, 0usize, Vec::new());
    for (symbol, draft_file, adopted_file) in &pairs {
        let draft = in_parts(&segment(&c.read(draft_file)));
        let adopted = in_parts(&segment(&c.read(adopted_file)));
        let (in_draft, in_adopted) = (once(&draft), once(&adopted));
        let both: HashSet<&str> = in_draft.intersection(&in_adopted).copied().collect();
        let order = |ps: &[(String, Kind, usize, bool)]| -> Vec<String> {
            ps.iter()
                .map(|p| p.0.clone())
                .filter(|t| both.contains(t.as_str()))
                .collect()
        };
        let kept = in_same_order(&order(&draft), &order(&adopted));
        moved += both.len() - kept.len();
        let shared: HashSet<&str> = kept.iter().map(String::as_str).collect();
        let (got, want) = (places(&draft, &shared), places(&adopted, &shared));
        for (text, w) in &want {
            let Some(g) = got.get(text) else { continue };
            compared += 1;
            if g != w {
                let start: String = text.chars().take(70).collect();
                mismatches.push(format!("{symbol}: draft {g:?} / adopted {w:?}: {start:?}"));
            }
        }
    }
    mismatches.sort();
    println!(
        "drafts vs adopted resolutions: {} pairs, {compared} unchanged paragraphs compared ({moved} more moved by the adoption, left out), {} segmented differently",
        pairs.len(),
        mismatches.len()
    );
    for m in mismatches.iter().take(limit()) {
        println!("  {m}");
    }
    assert!(pairs.len() >= 150, "too few draft pairs: {}", pairs.len());
    assert!(compared >= 7000, "too few paragraphs compared: {compared}");
    // Budget measured: 64 in 7 pairs before starred notes at a page foot and opening phrases
    // ending with a comma were handled (A/C.2/80/L.13 read "Welcoming the convening of the
    // Fourth International Conference ..." as a heading), 0 since.
    assert_eq!(
        mismatches.len(),
        0,
        "unchanged paragraphs segmented differently"
    );
}

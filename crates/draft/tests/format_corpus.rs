//! The draft format on real UN text: each clean-paragraph resolution of the shared corpus is
//! turned into a draft model from its paragraph ground truth, written as Markdown and read
//! back. Measures how much real text survives the round trip unchanged, and that `fmt` is
//! idempotent on it. Reads the corpus from $RESOLUTE_CORPUS, else ../shared/corpus beside the
//! workspace; skips when it is absent.

use std::path::PathBuf;

use resolute_draft::markdown::escape;
use resolute_draft::{
    format, parse_markdown, write_markdown, Draft, Enacting, Kind, Paragraph, Span, Subparagraph,
};
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first line where two texts differ, for failure messages.
fn first_difference(a: &str, b: &str) -> String {
    let pair = a.lines().zip(b.lines()).find(|(x, y)| x != y);
    format!("{pair:?}")
}

fn paragraph(kind: Kind, number: Option<u32>, text: &str) -> Paragraph {
    let text = collapse(text);
    Paragraph {
        marks: None,
        kind,
        number,
        opening: None,
        markdown: escape(&text),
        text,
        footnote_refs: Vec::new(),
        sub: Vec::new(),
        span: Span::default(),
    }
}

/// A label "(a)" and what follows it, when the prefix is one the format writes as a label.
fn label_of(prefix: &str) -> Option<&str> {
    let inner = prefix.strip_prefix('(')?.strip_suffix(')')?;
    let ok = !inner.is_empty() && inner.len() <= 6 && inner.bytes().all(|b| b.is_ascii_lowercase());
    ok.then_some(prefix)
}

/// The draft a document's paragraph ground truth describes (sections and headings left out).
fn draft_of(text: &str, paras: &[Value]) -> Draft {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut d = Draft::default();
    for p in paras {
        let field = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        let (Some(s), Some(e)) = (field(0).as_u64(), field(1).as_u64()) else {
            continue;
        };
        let slice = |a: u64, b: u64| {
            let a = byte_at.get(a as usize).copied()?;
            text.get(a..byte_at.get(b as usize).copied()?)
        };
        let Some(body) = slice(s, e).filter(|b| !b.trim().is_empty()) else {
            continue;
        };
        let prefix = field(5).as_str().unwrap_or("").to_string();
        let rest = body.strip_prefix(prefix.as_str()).unwrap_or(body).trim();
        match (field(2).as_str(), field(3).as_str(), field(4).as_u64()) {
            (Some("paragraph"), Some("preambular"), None) => {
                let t = collapse(rest);
                // "The Economic and Social Council" (no comma: no preamble follows) and OCR's
                // "The General Assembly." too.
                let enacting = d.preamble.is_empty()
                    && d.enacting.is_none()
                    && t.starts_with("The ")
                    && t.split(' ').count() <= 8
                    && !t
                        .trim_end_matches([',', '.', ':', ';'])
                        .contains([',', '.', ':', ';']);
                if enacting && d.enacting.is_none() {
                    d.enacting = Some(Enacting {
                        text: t,
                        body: None,
                        span: Span::default(),
                    });
                } else {
                    d.preamble.push(paragraph(Kind::Preambular, None, rest));
                }
            }
            (Some("paragraph"), Some("operative"), Some(1)) => {
                let n = prefix.trim_end_matches('.').parse().ok();
                d.operative.push(paragraph(Kind::Operative, n, rest));
            }
            (Some("paragraph"), Some("operative"), Some(level @ (2 | 3))) => {
                let (Some(label), Some(parent)) = (label_of(&prefix), d.operative.last_mut())
                else {
                    continue;
                };
                let t = collapse(rest);
                parent.sub.push(Subparagraph {
                    label: label.to_string(),
                    level: (level - 1) as u8,
                    markdown: escape(&t),
                    text: t,
                    footnote_refs: Vec::new(),
                    span: Span::default(),
                });
            }
            _ => {}
        }
    }
    d
}

type Content = (Kind, Option<u32>, String, Vec<(String, String)>);

fn contents(d: &Draft) -> Vec<Content> {
    d.paragraphs()
        .map(|p| {
            let subs = p
                .sub
                .iter()
                .map(|s| (s.label.clone(), s.text.clone()))
                .collect();
            (p.kind, p.number, p.text.clone(), subs)
        })
        .collect()
}

#[derive(Default, Debug)]
struct Tally {
    docs: usize,
    paragraphs: usize,
    paragraphs_same: usize,
    docs_same: usize,
    fixed_point: usize,
    fmt_idempotent: usize,
    /// The source text itself read as a draft: `fmt` accepted it, and was idempotent on it.
    raw_accepted: usize,
    raw_idempotent: usize,
    /// Drafts built by `segment` from the text, written and read back.
    segmented_paragraphs: usize,
    segmented_same: usize,
    first_failures: Vec<String>,
}

impl Tally {
    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }
}

fn measure(t: &mut Tally, symbol: &str, d: &Draft) {
    let written = write_markdown(d);
    // A draft the writer wrote must read back: an error here is a failure, not an empty draft.
    let back = parse_markdown(&written)
        .unwrap_or_else(|e| panic!("{symbol}: the written draft does not parse: {e}"));
    let (want, got) = (contents(d), contents(&back));
    t.docs += 1;
    t.paragraphs += want.len();
    t.paragraphs_same += want.iter().zip(&got).filter(|(a, b)| a == b).count();
    if want == got
        && back.enacting.as_ref().map(|e| &e.text) == d.enacting.as_ref().map(|e| &e.text)
    {
        t.docs_same += 1;
    } else if t.first_failures.len() < 25 {
        let diff = want.iter().zip(&got).find(|(a, b)| a != b);
        t.first_failures.push(format!(
            "{symbol}: {} vs {} paragraphs; first difference {diff:?}",
            want.len(),
            got.len()
        ));
    }
    let again = write_markdown(&back);
    if again == written {
        t.fixed_point += 1;
    } else if t.first_failures.len() < 25 {
        t.first_failures.push(format!(
            "{symbol}: not a fixed point: {}",
            first_difference(&written, &again)
        ));
    }
    // fmt must accept what the writer wrote, and its own output: an error is a failure (an
    // empty string twice would otherwise count as idempotent).
    let once =
        format(&written).unwrap_or_else(|e| panic!("{symbol}: fmt refuses the written draft: {e}"));
    let twice =
        format(&once).unwrap_or_else(|e| panic!("{symbol}: fmt refuses its own output: {e}"));
    if twice == once {
        t.fmt_idempotent += 1;
    } else if t.first_failures.len() < 25 {
        t.first_failures.push(format!(
            "{symbol}: fmt not idempotent: {}",
            first_difference(&once, &twice)
        ));
    }
}

/// The plain text of a real resolution (paragraphs separated by blank lines, "1." and "(a)"
/// at their start) is itself nearly a draft: `fmt` must not panic on it, and when it accepts
/// it, formatting again changes nothing.
fn measure_raw(t: &mut Tally, symbol: &str, text: &str) {
    let Ok(once) = format(text) else { return };
    t.raw_accepted += 1;
    let twice = format(&once)
        .unwrap_or_else(|e| panic!("{symbol}: fmt refuses its own output of the raw text: {e}"));
    if twice == once {
        t.raw_idempotent += 1;
    } else if t.first_failures.len() < 25 {
        let diff = first_difference(&once, &twice);
        t.first_failures.push(format!(
            "{symbol}: fmt of the raw text not idempotent: {diff}"
        ));
    }
}

/// The model segmentation builds from the text (its `markdown` made from text, opening and
/// footnote references) written as a draft and read back: the writer's contract with other
/// producers of the model.
fn measure_segmented(t: &mut Tally, symbol: &str, text: &str) {
    let d = resolute_draft::segment(text);
    let back = parse_markdown(&write_markdown(&d)).unwrap_or_default();
    let (want, got) = (contents(&d), contents(&back));
    t.segmented_paragraphs += want.len();
    let same = want.iter().zip(&got).filter(|(a, b)| a == b).count();
    t.segmented_same += same;
    if same < want.len() && t.first_failures.len() < 25 {
        let diff = want.iter().zip(&got).find(|(a, b)| a != b);
        t.first_failures
            .push(format!("{symbol}: segmented draft differs: {diff:?}"));
    }
}

#[test]
fn real_resolutions_round_trip_through_the_draft_format() {
    let Some(dir) = corpus() else { return };
    let index = std::fs::read_to_string(dir.join("metadata/paragraphs.jsonl")).unwrap_or_default();
    let mut t = Tally::default();
    for line in index.lines() {
        let Ok(entry) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let file = entry.get("text_file").and_then(Value::as_str).unwrap_or("");
        let symbol = entry.get("symbol").and_then(Value::as_str).unwrap_or("");
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let paras = entry
            .get("p")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        measure(&mut t, symbol, &draft_of(&text, &paras));
        measure_raw(&mut t, symbol, &text);
        measure_segmented(&mut t, symbol, &text);
    }
    let pct = Tally::pct;
    println!(
        "draft format on {} real resolutions ({} paragraphs): paragraphs read back unchanged {:.2}%, \
         documents unchanged {:.2}%, write(parse(write)) fixed point {:.2}%, fmt idempotent {:.2}%",
        t.docs,
        t.paragraphs,
        pct(t.paragraphs_same, t.paragraphs),
        pct(t.docs_same, t.docs),
        pct(t.fixed_point, t.docs),
        pct(t.fmt_idempotent, t.docs),
    );
    println!(
        "raw texts read as drafts: fmt accepted {} of {} ({:.2}%), idempotent on {:.2}% of those",
        t.raw_accepted,
        t.docs,
        pct(t.raw_accepted, t.docs),
        pct(t.raw_idempotent, t.raw_accepted),
    );
    println!(
        "segment() models written and read back: {:.2}% of {} paragraphs unchanged",
        pct(t.segmented_same, t.segmented_paragraphs),
        t.segmented_paragraphs,
    );
    for f in &t.first_failures {
        println!("  {f}");
    }
    assert!(t.docs > 1000, "only {} documents read", t.docs);
    // 1,942 of 2,079 raw texts (93.4%) are accepted as drafts today.
    assert!(
        pct(t.raw_accepted, t.docs) >= 93.0,
        "fmt accepts only {} of {} raw texts",
        t.raw_accepted,
        t.docs
    );
    assert!(pct(t.paragraphs_same, t.paragraphs) >= 99.5, "{t:?}");
    assert_eq!(t.fixed_point, t.docs, "write is not a fixed point of parse");
    assert_eq!(t.fmt_idempotent, t.docs, "fmt is not idempotent");
    assert_eq!(
        t.raw_idempotent, t.raw_accepted,
        "fmt is not idempotent on raw texts"
    );
}

//! Coverage of the catalogue over the real corpus: the share of top-level preambular and
//! operative paragraphs of clean resolutions that open with a catalogued phrase of the kind
//! the ground truth gives them. Which paragraphs count is documented in `corpus/mod.rs`.

mod corpus;

use resolute_phrases::{Catalogue, Kind};
use std::collections::HashMap;

/// Required share of covered paragraphs, per kind.
const REQUIRED: f64 = 0.99;

#[test]
fn catalogue_covers_corpus_openings() {
    let Some(root) = corpus::corpus_root() else {
        return;
    };
    let (paras, excluded) = corpus::paragraphs(&root).expect("corpus readable");
    println!("left out: {excluded:?}");
    let cat = Catalogue::builtin();
    let mut tally: HashMap<Kind, (usize, usize)> = HashMap::new();
    let mut uncovered: HashMap<(Kind, String), usize> = HashMap::new();
    for p in &paras {
        let entry = tally.entry(p.kind).or_default();
        entry.1 += 1;
        match cat.match_opening(&p.text, Some(p.kind)) {
            Some(m) if m.kind == p.kind => entry.0 += 1,
            _ => {
                *uncovered
                    .entry((p.kind, opening_words(&p.text)))
                    .or_default() += 1
            }
        }
    }
    report_uncovered(&uncovered);
    report_without_relabelling(cat, &paras);
    let kinds = [Kind::Preambular, Kind::Operative];
    let shares: Vec<(Kind, usize, f64)> = kinds
        .iter()
        .map(|&kind| {
            let (hit, all) = tally.get(&kind).copied().unwrap_or_default();
            let share = hit as f64 / all.max(1) as f64;
            println!("{kind:?}: {hit} of {all} covered ({:.2}%)", share * 100.0);
            (kind, all, share)
        })
        .collect();
    for (kind, all, share) in shares {
        assert!(all > 1000, "too few {kind:?} paragraphs read: {all}");
        assert!(
            share >= REQUIRED,
            "{kind:?} coverage {share:.4} < {REQUIRED}"
        );
    }
}

/// The first three words, to group uncovered openings.
fn opening_words(text: &str) -> String {
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn report_uncovered(uncovered: &HashMap<(Kind, String), usize>) {
    let mut list: Vec<_> = uncovered.iter().collect();
    list.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0 .1.cmp(&b.0 .1)));
    // RESOLUTE_COVERAGE_TOP lists more when working on the catalogue.
    let top = std::env::var("RESOLUTE_COVERAGE_TOP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    println!("{top} most frequent uncovered openings (paragraphs, kind, first three words):");
    for ((kind, words), n) in list.iter().take(top) {
        println!("  {n:>5}  {kind:?}  {words}");
    }
}

/// For comparison: coverage with the truth's labels as given (no relabelling of unnumbered
/// paragraphs that end like operative ones). Printed, not asserted.
fn report_without_relabelling(cat: &Catalogue, paras: &[corpus::CorpusParagraph]) {
    for kind in [Kind::Preambular, Kind::Operative] {
        let of_kind: Vec<_> = paras.iter().filter(|p| p.truth_kind == kind).collect();
        let hit = of_kind
            .iter()
            .filter(|p| {
                cat.match_opening(&p.text, Some(kind))
                    .is_some_and(|m| m.kind == kind)
            })
            .count();
        let share = hit as f64 / of_kind.len().max(1) as f64 * 100.0;
        println!(
            "{kind:?} with the truth's labels as given: {hit} of {} ({share:.2}%)",
            of_kind.len()
        );
    }
}

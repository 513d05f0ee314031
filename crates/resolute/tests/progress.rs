#![allow(clippy::unwrap_used)] // in tests a failed unwrap is a failed test

//! `resolute progress OLD NEW` on the Paris Agreement rounds of 2015 and on two small rounds
//! written for the purpose: its totals agree with `brackets` run on each round.

use std::path::{Path, PathBuf};

use resolute::{BracketsRequest, ProgressRequest};
use serde_json::Value;

use crate::util::{corpus_dir, resolute, stdout, TempDir};

fn pairs(path: &Path) -> usize {
    resolute::brackets(&BracketsRequest {
        path: path.to_path_buf(),
    })
    .unwrap()
    .totals
    .pairs
}

/// The rounds in order: the three PDFs, then the three transcriptions of the agreement
/// (their Jekyll front matter left out).
fn rounds(corpus: &Path, dir: &TempDir) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let folder = corpus.join("negotiation/cop21");
    let pdfs = [
        "adp-2015-02-12-geneva-negotiating-text.pdf",
        "adp-2015-10-23-11infnot.pdf",
        "adp-2015-12-04-compilation.pdf",
    ]
    .iter()
    .map(|n| folder.join(n))
    .collect();
    let texts = [
        "agreement-2015-10-23",
        "agreement-2015-12-04",
        "agreement-2015-12-12",
    ]
    .iter()
    .map(|n| {
        let text = std::fs::read_to_string(folder.join(format!("{n}.md"))).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap();
        dir.file(&format!("{n}.txt"), body)
    })
    .collect();
    (pdfs, texts)
}

#[test]
fn cop21_rounds_progress_adds_up_to_the_brackets_of_each_round() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = TempDir::new("progress-cop21");
    let (pdfs, texts) = rounds(&corpus, &dir);
    for series in [&pdfs, &texts] {
        // A round against itself: nothing moved.
        let same = resolute::progress(&ProgressRequest {
            old: series[1].clone(),
            new: series[1].clone(),
        })
        .unwrap();
        assert_eq!((same.totals.closed, same.totals.opened), (0, 0));
        assert_eq!(
            (same.totals.added, same.totals.deleted, same.totals.settled),
            (0, 0, 0)
        );
        for w in series.windows(2) {
            let p = resolute::progress(&ProgressRequest {
                old: w[0].clone(),
                new: w[1].clone(),
            })
            .unwrap();
            let t = p.totals;
            eprintln!("{} -> {}: {t:?}", w[0].display(), w[1].display());
            assert_eq!(t.old_pairs, pairs(&w[0]));
            assert_eq!(t.new_pairs, pairs(&w[1]));
            // Every bracket of the old round is either still there or closed; every one of
            // the new round was there or opened.
            assert_eq!(t.old_pairs + t.opened, t.new_pairs + t.closed);
            assert!(t.closed <= t.old_pairs && t.opened <= t.new_pairs);
            let rows = |f: fn(&resolute::ParagraphProgress) -> usize| -> usize {
                p.paragraphs.iter().map(f).sum()
            };
            assert!(rows(|r| r.closed) <= t.closed && rows(|r| r.opened) <= t.opened);
        }
    }
    // The adopted agreement has no bracket left: every bracket of 4 December was closed.
    let last = resolute::progress(&ProgressRequest {
        old: texts[1].clone(),
        new: texts[2].clone(),
    })
    .unwrap();
    assert_eq!(last.totals.new_pairs, 0);
    assert_eq!(last.totals.closed, last.totals.old_pairs);
    assert_eq!(last.totals.open_paragraphs, 0);
}

const OLD: &str = "---\nstage: informals\n---\n\n*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to [strengthen][enhance] cooperation;\n\n2. *Requests* a report [by X date];\n\n3. *Invites* donors to contribute;\n\n4. *Calls upon* States to act [swiftly].\n";
const NEW: &str = "---\nstage: rev 1\n---\n\n*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Welcomes* the plan [of action];\n\n2. *Decides* to strengthen cooperation;\n\n3. {agreed ad ref} *Requests* a report [by X date];\n\n4. *Calls upon* States to act [swiftly].\n";

#[test]
fn a_round_closes_opens_settles_agrees_adds_and_deletes() {
    let dir = TempDir::new("progress-small");
    let (old, new) = (dir.file("old.md", OLD), dir.file("new.md", NEW));
    let o = resolute(&[
        "progress",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let t = &v["totals"];
    // Closed: [strengthen] and [enhance]; opened: [of action]; [by X date] and [swiftly]
    // stay though their paragraphs were renumbered or moved.
    assert_eq!(t["closed"], 2, "{v}");
    assert_eq!(t["opened"], 1, "{v}");
    assert_eq!(t["settled"], 1, "{v}");
    assert_eq!(t["newly_agreed"], 1, "{v}");
    assert_eq!(t["added"], 1, "{v}");
    assert_eq!(t["deleted"], 1, "{v}");
    let agreed: Vec<&Value> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["newly_agreed"] == true)
        .collect();
    assert_eq!(agreed.len(), 1);
    assert_eq!(agreed[0]["old"], "OP2");
    assert_eq!(agreed[0]["new"], "OP3");
    let text = resolute(&["progress", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(
        stdout(&text).contains("totals: brackets 4 -> 3 (2 closed, 1 opened)"),
        "{}",
        stdout(&text)
    );
}

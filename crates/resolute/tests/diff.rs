//! `resolute diff` and `resolute import`: the command contracts, bad input, and the corpus
//! test of the alignment (session-80 drafts against the resolutions they became).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use resolute::{parse, ParseRequest};
use resolute_draft::compare::{compare, norm, units, Comparison, Unit};
use serde_json::Value;

use crate::util::{corpus_dir, resolute, stderr, stdout, TempDir};

const OLD: &str = "*The General Assembly*,

*Recalling* its resolution 78/100 of 20 December 2023,

1. *Welcomes* the report of the Secretary-General on the implementation of the programme;

2. *Encourages* Member States to consider contributing to the trust fund;

3. *Decides* to remain seized of the matter.
";

/// OLD with a paragraph inserted before the others, so every operative is renumbered.
const RENUMBERED: &str = "*The General Assembly*,

*Recalling* its resolution 78/100 of 20 December 2023,

1. *Takes note* of the note by the Secretariat on the conference services;

2. *Welcomes* the report of the Secretary-General on the implementation of the programme;

3. *Encourages* Member States to consider contributing to the trust fund;

4. *Decides* to remain seized of the matter.
";

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = resolute(args);
    (out.status.code(), stdout(&out), stderr(&out))
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn diff_reports_an_insertion_and_not_the_renumbering() {
    let dir = TempDir::new("diff-cli");
    let (old, new) = (dir.file("old.md", OLD), dir.file("new.md", RENUMBERED));
    let (code, out, err) = run(&["diff", p(&old), p(&new)]);
    assert_eq!(code, Some(0), "{err}");
    let expected = "= PP1\n\
                    + OP1: Takes note of the note by the Secretariat on the conference services;\n\
                    = OP1 -> OP2\n= OP2 -> OP3\n= OP3 -> OP4\n";
    assert_eq!(out, expected);
    let (code, _, _) = run(&["diff", "--exit-code", p(&old), p(&new)]);
    assert_eq!(code, Some(1), "an insertion is a difference");
    let (code, out, _) = run(&["diff", "--exit-code", p(&old), p(&old)]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn diff_json_is_one_object_per_unit() {
    let dir = TempDir::new("diff-json");
    let changed = RENUMBERED.replace("remain seized", "remain actively seized");
    let (old, new) = (dir.file("old.md", OLD), dir.file("new.md", changed));
    let (code, out, err) = run(&["diff", "--json", p(&old), p(&new)]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5);
    let inserted = &lines[1];
    assert_eq!(inserted["change"], "inserted");
    assert_eq!(inserted["kind"], "operative");
    assert!(inserted["old"].is_null());
    assert_eq!(inserted["new"]["label"], "OP1");
    let last = &lines[4];
    assert_eq!(last["change"], "changed");
    assert_eq!(last["old"]["n"], 3);
    assert_eq!(last["new"]["n"], 4);
    assert_eq!(
        last["new"]["text"],
        "Decides to remain actively seized of the matter."
    );
    let ops: Vec<(&str, &str)> = last["diff"]
        .as_array()
        .expect("diff array")
        .iter()
        .map(|d| {
            (
                d["op"].as_str().unwrap_or(""),
                d["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ops,
        [
            ("equal", "Decides to remain"),
            ("insert", "actively"),
            ("equal", "seized of the matter.")
        ]
    );
    let similarity = last["similarity"].as_f64().expect("number");
    assert!(similarity > 0.8 && similarity < 1.0, "{similarity}");
}

#[test]
fn import_writes_a_draft_and_never_overwrites_without_force() {
    let dir = TempDir::new("import");
    let text = "The General Assembly,\n\nRecalling its resolution 78/100,\n\n\
                1. Decides to remain seized of the matter.\n";
    let input = dir.file("res.txt", text);
    let output = dir.0.join("draft.md");
    let (code, _, err) = run(&["import", p(&input), "-o", p(&output)]);
    assert_eq!(code, Some(0), "{err}");
    let written = std::fs::read_to_string(&output).expect("draft written");
    let draft = resolute_draft::parse_markdown(&written).expect("the draft reads back");
    assert_eq!(draft.preamble.len(), 1);
    assert_eq!(draft.operative.len(), 1);
    assert!(
        written.contains("1. *Decides* to remain seized of the matter."),
        "{written}"
    );

    std::fs::write(&output, "mine").expect("overwrite fixture");
    let (code, out, err) = run(&["import", p(&input), "-o", p(&output)]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("refusing to overwrite") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&output).expect("kept"), "mine");

    let (code, _, err) = run(&["import", "--force", p(&input), "-o", p(&output)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(std::fs::read_to_string(&output).expect("replaced"), written);
    assert_eq!(
        dir.entries(),
        ["draft.md", "res.txt"],
        "no temporary file left"
    );
}

/// Bad files for both commands: one line on stderr naming the file, exit 2, nothing written.
#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = TempDir::new("diff-bad");
    let good = dir.file("good.md", OLD);
    let empty_zip: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    let bad = [
        (dir.0.join("missing.md"), "no such file"),
        (dir.file("binary.txt", b"\x00\x01\x02binary\x00"), "binary"),
        (
            dir.file("notzip.docx", "this is not a zip archive at all"),
            "",
        ),
        (dir.file("empty.docx", empty_zip), ""),
    ];
    let out_path = dir.0.join("out.md");
    for (path, reason) in &bad {
        let runs = [
            vec!["diff", p(path), p(&good)],
            vec!["diff", "--json", p(&good), p(path)],
            vec!["import", p(path), "-o", p(&out_path)],
        ];
        for args in runs {
            let (code, out, err) = run(&args);
            assert_eq!(code, Some(2), "{args:?}: {err}");
            assert_eq!(out, "", "{args:?}");
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            let prefix = format!("resolute: {}: ", path.display());
            assert!(err.starts_with(&prefix), "{args:?}: {err}");
            assert!(err.contains(reason), "{args:?}: {err} should say {reason}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    assert!(!out_path.exists(), "nothing written for bad input");
}

/// Distinct normalised words of a unit.
fn word_set(u: &Unit) -> HashSet<String> {
    u.text
        .split_whitespace()
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// How one resolution unit was treated, judged independently of the aligner's own measure
/// (Jaccard of word sets, not Dice of multisets; exhaustive search, not an alignment).
#[derive(Debug, PartialEq)]
enum Verdict {
    Right,
    Wrong(String),
}

/// A matched unit is right when the pair shares most of its words (Jaccard >= 0.4, i.e.
/// more than half the words of each in the usual case) and no other draft unit of its kind
/// is clearly closer (by 0.1). An inserted unit is right when no draft unit of its kind
/// shares half its words, unless that draft unit went to a resolution unit closer to it.
fn judge(c: &Comparison, old: &[Unit], sets: &[HashSet<String>], new_unit: &Unit) -> Verdict {
    let mine = word_set(new_unit);
    let best = old
        .iter()
        .zip(sets)
        .filter(|(u, _)| u.kind == new_unit.kind)
        .map(|(u, s)| (u, jaccard(s, &mine)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let change = c
        .changes
        .iter()
        .find(|ch| ch.new.as_ref() == Some(new_unit));
    let Some(change) = change else {
        return Verdict::Wrong(format!("{} missing from the comparison", new_unit.label));
    };
    let best_score = best.map_or(0.0, |b| b.1);
    match &change.old {
        Some(o) => {
            let score = jaccard(&word_set(o), &mine);
            if score >= 0.4 && score + 0.1 >= best_score {
                Verdict::Right
            } else {
                Verdict::Wrong(format!(
                    "{} matched {} ({score:.2})",
                    new_unit.label, o.label
                ))
            }
        }
        None => match best {
            Some((b, s)) if s >= 0.5 && !taken_by_closer(c, b, s) => Verdict::Wrong(format!(
                "{} inserted, but {} shares {s:.2}",
                new_unit.label, b.label
            )),
            _ => Verdict::Right,
        },
    }
}

/// Whether draft unit `old` went to a resolution unit at least as close as `score`.
fn taken_by_closer(c: &Comparison, old: &Unit, score: f64) -> bool {
    c.changes.iter().any(|ch| match (&ch.old, &ch.new) {
        (Some(o), Some(n)) if o == old => jaccard(&word_set(o), &word_set(n)) >= score,
        _ => false,
    })
}

/// Pairs (draft file, resolution file) from metadata/documents.jsonl.
fn corpus_pairs(corpus: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Ok(meta) = std::fs::read_to_string(corpus.join("metadata/documents.jsonl")) else {
        return Vec::new();
    };
    let rows: Vec<Value> = meta
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    // A resolution's text, the raw PDF extraction first (the form a draft also comes in).
    let mut texts: HashMap<&str, &str> = HashMap::new();
    for r in &rows {
        if let (Some(s), Some(f)) = (r["symbol"].as_str(), r["text_file"].as_str()) {
            let slot = texts.entry(s).or_insert(f);
            if f.contains("raw-pdf") {
                *slot = f;
            }
        }
    }
    rows.iter()
        .filter_map(|r| {
            let file = r["text_file"].as_str()?;
            if !file.contains("raw-pdf/ga-l-documents/") || r["session"].as_u64() != Some(80) {
                return None;
            }
            let adopted = texts.get(r["adopted_as"].as_str()?)?;
            Some((corpus.join(file), corpus.join(adopted)))
        })
        .collect()
}

#[derive(Debug, Default)]
struct Tally {
    pairs: usize,
    units: usize,
    right: usize,
    counts: [usize; 5],
    wrong: Vec<String>,
}

impl Tally {
    fn add(&mut self, name: &str, c: &Comparison, old: &[Unit], new: &[Unit]) {
        self.pairs += 1;
        self.units += new.len();
        let k = c.counts();
        for (slot, n) in self
            .counts
            .iter_mut()
            .zip([k.same, k.changed, k.moved, k.inserted, k.deleted])
        {
            *slot += n;
        }
        let sets: Vec<HashSet<String>> = old.iter().map(word_set).collect();
        for u in new {
            match judge(c, old, &sets, u) {
                Verdict::Right => self.right += 1,
                Verdict::Wrong(why) => self.wrong.push(format!("{name}: {why}")),
            }
        }
    }
}

#[test]
fn session_80_drafts_align_with_the_resolutions_they_became() {
    let Some(corpus) = corpus_dir() else { return };
    let pairs = corpus_pairs(&corpus);
    let mut tally = Tally::default();
    for (draft_path, res_path) in &pairs {
        let read = |path: &PathBuf| parse(&ParseRequest { path: path.clone() }).map(|p| p.draft);
        let (Ok(old), Ok(new)) = (read(draft_path), read(res_path)) else {
            panic!(
                "{} or {} does not read",
                draft_path.display(),
                res_path.display()
            );
        };
        let c = compare(&old, &new);
        let (ou, nu) = (units(&old), units(&new));
        // Every unit of both texts appears exactly once.
        assert_eq!(
            c.changes.iter().filter(|ch| ch.new.is_some()).count(),
            nu.len()
        );
        assert_eq!(
            c.changes.iter().filter(|ch| ch.old.is_some()).count(),
            ou.len()
        );
        let name = draft_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        tally.add(&name, &c, &ou, &nu);
    }
    assert!(
        !pairs.is_empty(),
        "no session-80 draft with its resolution in {}",
        corpus.display()
    );
    let [same, changed, moved, inserted, deleted] = tally.counts;
    let share = tally.right as f64 / tally.units.max(1) as f64;
    eprintln!(
        "diff corpus: {} pairs, {} resolution units: {same} same, {changed} changed, {moved} moved, \
         {inserted} inserted; {deleted} draft units deleted; {} ({:.2}%) aligned right",
        tally.pairs, tally.units, tally.right, 100.0 * share
    );
    for w in tally.wrong.iter().take(20) {
        eprintln!("  wrong: {w}");
    }
    // 190 session-80 drafts with their resolutions in the shared corpus.
    assert!(tally.pairs >= 150, "only {} pairs compared", tally.pairs);
    assert!(share >= 0.95, "only {:.2}% aligned right", 100.0 * share);
}

/// The same document as a PDF and as the corpus's text extraction of it: `resolute diff`
/// across formats pairs (nearly) every paragraph, whatever the two readers do differently.
#[test]
fn a_pdf_and_its_text_extraction_align() {
    let Some(corpus) = corpus_dir() else { return };
    let entries = std::fs::read_dir(corpus.join("files"))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.join("files").display()));
    let mut pdfs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    pdfs.sort();
    let (mut checked, mut identical) = (0, 0);
    for pdf in pdfs {
        let Some(stem) = pdf.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let text = ["ga-resolutions", "ga-l-documents"]
            .iter()
            .map(|d| {
                corpus
                    .join("texts/raw-pdf")
                    .join(d)
                    .join(format!("{stem}.txt"))
            })
            .find(|t| t.is_file());
        let Some(text) = text else { continue };
        let (code, out, err) = run(&["diff", "--json", "--exit-code", p(&pdf), p(&text)]);
        assert!(matches!(code, Some(0 | 1)), "{stem}: {err}");
        let lines: Vec<Value> = out
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        let units = lines.iter().filter(|l| !l["new"].is_null()).count();
        let paired = lines
            .iter()
            .filter(|l| !l["new"].is_null() && !l["old"].is_null())
            .count();
        eprintln!("pdf/text {stem}: {paired} of {units} units paired, exit {code:?}");
        assert!(
            units > 0 && paired * 100 >= units * 95,
            "{stem}: {paired} of {units}"
        );
        checked += 1;
        identical += usize::from(code == Some(0));
    }
    eprintln!("pdf/text: {checked} documents, {identical} without any difference");
    // 8 corpus PDFs have their text extraction beside them.
    assert!(checked >= 8, "only {checked} PDFs compared with their text");
}

/// Every corpus PDF imported as a draft, then compared with the PDF: nothing lost, nothing
/// reworded. A DOCX that is not a resolution (a budget fascicle) is refused, not emptied.
#[test]
fn imported_corpus_pdfs_compare_equal_to_their_source() {
    let Some(corpus) = corpus_dir() else { return };
    let entries = std::fs::read_dir(corpus.join("files"))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.join("files").display()));
    let dir = TempDir::new("import-corpus");
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut imported = 0;
    for file in &files {
        let draft = dir.0.join("draft.md");
        let _ = std::fs::remove_file(&draft);
        let (code, _, err) = run(&["import", p(file), "-o", p(&draft)]);
        let is_pdf = file.extension().is_some_and(|x| x == "pdf");
        if !is_pdf {
            assert!(matches!(code, Some(0 | 2)), "{}: {err}", file.display());
            assert!(
                code == Some(0) || err.contains("no preambular or operative"),
                "{err}"
            );
            continue;
        }
        assert_eq!(code, Some(0), "{}: {err}", file.display());
        let (code, out, err) = run(&["diff", "--exit-code", p(&draft), p(file)]);
        assert_eq!(code, Some(0), "{}: {err}\n{out}", file.display());
        imported += 1;
    }
    eprintln!("import: {imported} corpus PDFs imported, each equal to its source");
    // The shared corpus holds 11 PDFs in files/.
    assert!(imported >= 11, "only {imported} PDFs imported");
}

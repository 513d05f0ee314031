//! The negotiation layer on real bracketed texts (the Paris Agreement rounds of 2015 in
//! `negotiation/cop21/` of the shared corpus) and on every adopted text of the corpus.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use resolute::{BracketsRequest, CleanRequest, Stage};
use resolute_draft::negotiation::{self, Keep};

use crate::util::{corpus_dir, files_under, resolute, stderr, stdout, TempDir};

/// Brackets as a plain stack counts them: pairs, characters without a partner, deepest
/// nesting. Written apart from the product's scanner on purpose; the only markup it knows is
/// a footnote reference `[^label]` of the transcriptions, which is not a bracket of the text.
fn plain_stack(text: &str) -> (usize, usize, usize) {
    let (mut depth, mut max, mut pairs, mut unmatched) = (0usize, 0, 0, 0);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '[' if chars.get(i + 1) == Some(&'^') => {
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
            }
            '[' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' if depth > 0 => {
                depth -= 1;
                pairs += 1;
            }
            ']' => unmatched += 1,
            _ => {}
        }
        i += 1;
    }
    (pairs, unmatched + depth, max)
}

/// The COP21 documents as `import` reads them: each PDF, and each Markdown transcription's
/// body (after its Jekyll front matter) as a text file. With the text the reader saw.
fn cop21_inputs(corpus: &Path, dir: &TempDir) -> Vec<(PathBuf, String)> {
    let folder = corpus.join("negotiation/cop21");
    let mut out = Vec::new();
    for path in files_under(&folder) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let bytes = std::fs::read(&path).expect("read a COP21 file");
        if name.ends_with(".pdf") {
            let text = resolute_convert::read(&bytes, name)
                .expect("COP21 PDF reads")
                .text;
            out.push((path, text));
        } else if name.ends_with(".md") {
            let text = String::from_utf8(bytes).expect("UTF-8 transcription");
            let body = text.splitn(3, "---\n").nth(2).expect("Jekyll front matter");
            let file = dir.file(&name.replace(".md", ".txt"), body);
            out.push((file, body.to_string()));
        }
    }
    assert!(
        out.len() >= 7,
        "expected 3 PDFs and 4 transcriptions in {}",
        folder.display()
    );
    out
}

#[test]
fn cop21_brackets_match_an_independent_counter() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = TempDir::new("cop21-brackets");
    let mut big = 0;
    for (path, text) in cop21_inputs(&corpus, &dir) {
        let report = resolute::brackets(&BracketsRequest { path: path.clone() })
            .unwrap_or_else(|e| panic!("{e}"));
        let (pairs, unmatched, depth) = plain_stack(&text);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if report.stage.is_none() {
            // The adopted agreement of 12 December: its transcription's only brackets are
            // Markdown reference links ("[published][12dec]"). Every round must be read as one.
            println!(
                "{}: not a negotiating text ({pairs} pairs by the plain count)",
                path.display()
            );
            assert!(
                name.starts_with("agreement-2015-12-12"),
                "{}: a round read as an adopted text",
                path.display()
            );
            continue;
        }
        let t = &report.totals;
        let brackets_unmatched: Vec<_> = report
            .unbalanced
            .iter()
            .filter(|u| u.text == "[" || u.text == "]")
            .collect();
        println!(
            "{}: brackets {} pairs, {} unbalanced, depth {} | plain stack {pairs} pairs, \
             {unmatched} unbalanced, depth {depth}",
            path.display(),
            t.pairs,
            brackets_unmatched.len(),
            t.max_depth
        );
        for u in &brackets_unmatched {
            println!(
                "    '{}' without a partner at line {}, column {}",
                u.text, u.line, u.column
            );
        }
        assert_eq!(t.pairs, pairs, "{}: pairs", path.display());
        assert_eq!(brackets_unmatched.len(), unmatched, "{}", path.display());
        assert_eq!(t.max_depth as usize, depth, "{}: depth", path.display());
        big = big.max(t.pairs);
    }
    assert!(
        big >= 1000,
        "the 23 October text has about 1,000 pairs; most found: {big}"
    );
}

/// Words of a text for comparison: letters and digits only, so that punctuation moved by a
/// cut bracket does not count.
fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            *out.entry(w.to_string()).or_insert(0) += 1;
        }
    }
    out
}

/// "70", "c", "iv": what a number or a subparagraph label is made of.
fn is_number_or_label(w: &str) -> bool {
    let roman = !w.is_empty() && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    w.chars().all(|c| c.is_ascii_digit())
        || (w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase()))
        || roman
}

/// Words of the paragraphs of a draft-format text (subparagraphs included)
/// as they read without brackets ("[shall][should]" is "shall should", "section[s]" is
/// "sections"), without the negotiation's own words (notes and attributions in braces,
/// statuses).
fn clause_words(markdown: &str) -> HashMap<String, usize> {
    let draft = resolute_draft::parse_markdown(markdown).expect("reads");
    let n = negotiation::analyze(markdown, &draft);
    let mut text = String::new();
    for p in draft.paragraphs() {
        text.push_str(&p.text);
        text.push(' ');
        for s in &p.sub {
            text.push_str(&s.text);
            text.push(' ');
        }
    }
    let text = text.replace("][", "] [").replace(['[', ']'], "");
    let mut counts = words(&text);
    // Numbers and labels are renumbered and relabelled when the round becomes an ordinary
    // draft ("[70. …]" is operative paragraph 70 once its bracket goes, "[(c) …]" a
    // subparagraph): they are not words of the text.
    counts.retain(|w, _| !is_number_or_label(w));
    let marks = n
        .annotations
        .iter()
        .map(|a| a.span())
        .chain(n.brackets.iter().filter_map(|b| b.attribution_span))
        .chain(
            n.brackets
                .iter()
                .filter(|b| b.kind == negotiation::BracketKind::Status)
                .map(|b| b.span),
        );
    for span in marks {
        for (w, k) in words(&markdown[span.range()]) {
            if let Some(c) = counts.get_mut(&w) {
                *c = c.saturating_sub(k);
            }
        }
    }
    counts
}

#[test]
fn cop21_clean_keeps_every_word_or_none_and_leaves_no_bracket() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = TempDir::new("cop21-clean");
    for (path, _) in cop21_inputs(&corpus, &dir) {
        let (markdown, draft) =
            resolute::negotiating_text(&path, &Stage::Detect).unwrap_or_else(|e| panic!("{e}"));
        if draft.meta.stage.is_none() {
            continue; // the adopted agreement: see the test above
        }
        let formatted = resolute_draft::format(&markdown).expect("formats");
        assert!(
            formatted == markdown,
            "{}: fmt changes the imported draft",
            path.display()
        );
        let before = clause_words(&markdown);
        for keep in ["all", "none", "first", "G77"] {
            let out = dir.0.join(format!("clean-{keep}.md"));
            let cleaned = resolute::clean(&CleanRequest {
                input: path.clone(),
                keep: Keep::parse(keep),
                output: out.clone(),
            })
            .unwrap_or_else(|e| panic!("{}: clean --keep {keep}: {e}", path.display()));
            assert_eq!(
                std::fs::read_to_string(&out).ok().as_deref(),
                Some(&*cleaned)
            );
            let back = resolute_draft::parse_markdown(&cleaned).expect("cleaned draft parses");
            let left = negotiation::analyze(&cleaned, &back);
            assert_eq!(
                (
                    left.totals.pairs,
                    left.unmatched.len(),
                    left.annotations.len()
                ),
                (0, 0, 0),
                "{}: --keep {keep} leaves brackets or braces",
                path.display()
            );
            assert!(back.meta.stage.is_none());
            let _ = resolute_check::check(&cleaned, &back, None);
            if keep == "all" {
                let after = clause_words(&cleaned);
                let lost: Vec<_> = before
                    .iter()
                    .filter(|(w, k)| after.get(*w).copied().unwrap_or(0) < **k)
                    .collect();
                assert!(
                    lost.is_empty(),
                    "{}: --keep all lost {lost:?}",
                    path.display()
                );
                // The structure may read differently once brackets go ("[(c) …]" becomes a
                // subparagraph): the words are what must stay.
                println!(
                    "    --keep all: {} paragraphs before, {} after",
                    draft.paragraphs().count(),
                    back.paragraphs().count()
                );
            }
        }
        println!("{}: clean none/all/first/G77 ok", path.display());
    }
}

#[test]
fn no_adopted_text_of_the_corpus_is_a_negotiating_text() {
    let Some(corpus) = corpus_dir() else { return };
    let texts = files_under(&corpus.join("texts"));
    let mut checked = 0;
    for (i, path) in texts.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let draft = resolute::parse_text(&text, resolute::SourceKind::PlainText)
            .expect("plain text always reads");
        assert!(
            draft.meta.stage.is_none(),
            "{} reads as a negotiating text",
            path.display()
        );
        checked += 1;
        // The whole command on one text in twenty: no pair of negotiation brackets reported.
        if i % 20 == 0 {
            let r = resolute::brackets(&BracketsRequest { path: path.clone() })
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                (r.stage.as_deref(), r.totals.pairs),
                (None, 0),
                "{}",
                path.display()
            );
        }
    }
    println!("{checked} adopted texts and drafts: none read as a negotiating text");
    assert!(checked >= 3000, "only {checked} texts read");
}

#[test]
fn brackets_json_has_the_contract_totals() {
    let dir = TempDir::new("brackets-json");
    let file = dir.file(
        "round.md",
        "---\nstage: informals\n---\n\n*Recalling* [its][the] resolution [X],\n\n\
         1. {agreed ad ref} *Decides* to act;\n\n2. *Requests* [a report]] soon.\n",
    );
    let out = resolute(&["brackets", "--json", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    let t = &v["totals"];
    for (key, want) in [
        ("pairs", 4),
        ("unbalanced", 1),
        ("max_depth", 1),
        ("alternatives", 1),
        ("placeholders", 1),
        ("paragraphs", 3),
        ("agreed", 1),
    ] {
        assert_eq!(t[key], want, "totals.{key} in {v}");
    }
    assert_eq!(v["unbalanced"][0]["line"], 9);
    assert_eq!(v["paragraphs"][1]["status"], "agreed ad ref");
    let text = resolute(&["brackets", file.to_str().expect("utf-8 path")]);
    assert!(stdout(&text).contains("round.md:9:"), "{}", stdout(&text));
}

#[test]
fn clean_and_import_stage_from_the_command_line() {
    let dir = TempDir::new("clean-cli");
    let file = dir.file(
        "round.md",
        "---\nstage: informals\n---\n\n1. *Decides* [shall]{US} [should]{EU} act;\n\n\
         {1 bis} *Requests* a report.\n",
    );
    let out = dir.0.join("clean.md");
    let run = resolute(&[
        "clean",
        file.to_str().expect("utf-8"),
        "--keep",
        "EU",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        "1. *Decides* should act;\n\n2. *Requests* a report.\n"
    );
    let text = dir.file(
        "round.txt",
        "The Parties,\n\n1. Decide [a][b] and [c];\n\n2. Request [X].\n",
    );
    let imported = dir.0.join("imported.md");
    let plain = dir.0.join("plain.md");
    let args = |out: &Path, extra: &[&str]| {
        let mut a = vec!["import", text.to_str().expect("utf-8"), "-o"];
        a.push(out.to_str().expect("utf-8"));
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run_args = |a: Vec<String>| resolute(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run_args(args(&imported, &[])).status.success());
    let md = std::fs::read_to_string(&imported).expect("imported");
    assert!(
        md.contains("stage: negotiating text") && md.contains("[a][b] and [c]"),
        "{md}"
    );
    assert!(run_args(args(&plain, &["--stage", "off"])).status.success());
    let md = std::fs::read_to_string(&plain).expect("imported");
    assert!(!md.contains("stage:") && md.contains(r"\[a\]\[b\]"), "{md}");
}

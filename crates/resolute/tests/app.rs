//! The editor service API (`resolute::app`) on the bundled sample draft, on a small library
//! written for the test, and on real resolutions of the shared corpus turned into drafts
//! (skipped when the corpus is absent).

use std::path::{Path, PathBuf};

use resolute::app::{
    analyze, citation_card, completions, move_paragraph, open_draft, paragraph_at, resolution_text,
    Analysis, TextEdit, Utf16Index,
};
use resolute_library::Library;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample() -> String {
    let path = workspace_root().join("assets/sample/draft.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared corpus (see `resolute_testkit::corpus`: skips outside CI, fails under it).
fn corpus() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// Applies an edit on UTF-16 code units, as CodeMirror does.
fn apply(text: &str, e: &TextEdit) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = units.get(..e.from).unwrap_or(&[]).to_vec();
    out.extend(e.insert.encode_utf16());
    out.extend(units.get(e.to..).unwrap_or(&[]));
    String::from_utf16(&out).unwrap_or_else(|_| panic!("the edit split a surrogate pair: {e:?}"))
}

fn utf16_of(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    Utf16Index::new(text).to_utf16(byte)
}

/// The text between two UTF-16 offsets.
fn slice16(text: &str, from: usize, to: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(from..to).unwrap_or(&[]))
}

#[test]
fn the_sample_draft_is_labelled_and_outlined() {
    let text = sample();
    let a = analyze(&text, None);
    let labels: Vec<&str> = a.labels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"EF"));
    for want in [
        "PP8",
        "OP1",
        "OP2(a)",
        "OP2(b)(i)",
        "OP2(b)(ii)",
        "OP10",
        "FN1",
        "FN2",
    ] {
        assert!(labels.contains(&want), "{want} missing from {labels:?}");
    }
    let outline_sum: usize = a.outline.iter().map(|o| o.diagnostics).sum();
    assert_eq!(outline_sum, a.diagnostics.len());
    let openings: Vec<String> = a
        .openings
        .iter()
        .map(|r| slice16(&text, r.from, r.to))
        .collect();
    assert!(
        openings.contains(&"Noting with appreciation".to_string()),
        "{openings:?}"
    );
    let keys: Vec<&str> = a.citations.iter().map(|c| c.key.as_str()).collect();
    assert!(keys.contains(&"A/RES/73/226"), "{keys:?}");
    for c in &a.citations {
        assert_eq!(slice16(&text, c.from, c.to), c.text);
    }
    assert_eq!(a.footnote_marks.len(), 2);
    invariants(&text, &a).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn results_cross_to_the_app_as_snake_case_json() {
    let text = sample();
    let json = serde_json::to_value(analyze(&text, None)).unwrap_or_default();
    for key in [
        "labels",
        "outline",
        "diagnostics",
        "openings",
        "citations",
        "footnote_marks",
    ] {
        assert!(json[key].is_array(), "{key} missing in {json}");
    }
    let entry = &json["outline"][1];
    for key in [
        "label",
        "kind",
        "level",
        "text",
        "from",
        "to",
        "diagnostics",
    ] {
        assert!(!entry[key].is_null(), "{key} missing in {entry}");
    }
    assert_eq!(json["outline"][1]["kind"], "enacting");
    let at = utf16_of(&text, "*Reaffirming*");
    let c = serde_json::to_value(completions(&text, at, None, 1)).unwrap_or_default();
    assert_eq!(
        (&c["kind"], &c["prefix"]),
        (&"preambular".into(), &"".into())
    );
    for key in ["phrase", "kind", "frequency", "insert"] {
        assert!(!c["items"][0][key].is_null(), "{key} missing in {c}");
    }
}

#[test]
fn moving_op3_of_the_sample_up_makes_the_references_follow() {
    let text = sample();
    let at = utf16_of(&text, "*Invites* States sharing");
    let edit = move_paragraph(&text, at, true).ok().flatten();
    let edit = edit.unwrap_or_else(|| panic!("OP3 can move up"));
    let moved = apply(&text, &edit);
    assert!(
        moved.contains("2. *Invites* States sharing an aquifer"),
        "{moved}"
    );
    assert!(
        moved.contains("3. *Encourages* Member States to integrate"),
        "{moved}"
    );
    assert!(
        moved.contains("implementation of paragraphs 3 and 2 above"),
        "{moved}"
    );
    assert!(
        moved.contains("referred to in paragraph 8 above"),
        "{moved}"
    );
    assert_eq!(edit.cursor, utf16_of(&moved, "*Invites* States sharing"));
    // Nothing else changed: same lines, only the two paragraphs and the reference differ.
    assert_eq!(moved.lines().count(), text.lines().count());
    let back = move_paragraph(&moved, edit.cursor, false).ok().flatten();
    let back = back.unwrap_or_else(|| panic!("it can move back down"));
    assert_eq!(apply(&moved, &back), text);
}

#[test]
fn every_paragraph_of_the_sample_moves_up_and_down_back_to_the_same_text() {
    let text = sample();
    let a = analyze(&text, None);
    round_trips(&text, &a, usize::MAX).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_paragraph_under_the_cursor_is_found_for_precedent_search() {
    let text = sample();
    let p = paragraph_at(&text, utf16_of(&text, "Regional data platforms"));
    assert_eq!(p.as_ref().map(|p| p.label.as_str()), Some("OP2(b)(ii)"));
    let p = paragraph_at(&text, utf16_of(&text, "2018–2028"));
    let p = p.unwrap_or_else(|| panic!("PP3 is under the cursor"));
    assert_eq!(p.label, "PP3");
    assert!(
        p.text.starts_with("Recalling also its resolutions 71/222"),
        "{}",
        p.text
    );
    assert_eq!(slice16(&text, p.from, p.from + 14), "*Recalling als");
}

/// A library of three resolutions written for this test, where "Noting" opens more
/// paragraphs than "Recalling" (the opposite of the real corpus).
fn small_library(dir: &Path) -> Library {
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap_or_else(|e| panic!("{e}"));
    for n in 1..=3 {
        // "Recalling" opens a paragraph of the first resolution only; the others say "Having".
        let opening = if n == 1 {
            "Recalling"
        } else {
            "Having considered"
        };
        let body = format!(
            "A/RES/90/{n}\n\nThe General Assembly,\n\nNoting the report of the Secretary-General,\n\n\
             Noting also the work of the Commission,\n\nNoting with concern the delays,\n\n\
             {opening} its resolution 70/1,\n\n1. Requests a report;\n\n2. Decides to remain seized of the matter.\n"
        );
        std::fs::write(texts.join(format!("A_RES_90_{n}.txt")), body)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut lib = Library::open(dir.join("lib")).unwrap_or_else(|e| panic!("{e}"));
    let summary = lib
        .import(&[texts], &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.added, 3);
    lib
}

fn temp(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resolute-app-it-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn completion_ranking_follows_the_library_and_cards_come_from_it() {
    let dir = temp("library");
    let lib = small_library(&dir);
    let text = "*The General Assembly*,\n\n*Recalling* its resolution 90/2,\n\n";
    let at = Utf16Index::new(text).utf16_len();
    let first = |library: Option<&Library>| {
        let c = completions(text, at, library, 3);
        assert_eq!(c.kind, "preambular");
        c.items.first().map(|i| (i.phrase.clone(), i.frequency))
    };
    // Without a library the corpus frequencies rank "Recalling" first; this library uses
    // "Noting" most (three times; "Noting also" and "Noting with concern" are other openings).
    assert_eq!(first(None).map(|f| f.0).as_deref(), Some("Recalling"));
    assert_eq!(first(Some(&lib)), Some(("Noting".to_string(), 3)));
    let ranked = completions(text, at, Some(&lib), 400).items;
    let count = |phrase: &str| {
        ranked
            .iter()
            .find(|i| i.phrase == phrase)
            .map(|i| i.frequency)
    };
    assert_eq!(
        (count("Recalling"), count("Noting also")),
        (Some(1), Some(3))
    );
    let counts: Vec<u64> = ranked.iter().map(|i| i.frequency).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let card =
        citation_card(&lib, "A/RES/90/2").unwrap_or_else(|| panic!("90/2 is in the library"));
    assert_eq!((card.symbol.as_str(), card.paragraphs), ("A/RES/90/2", 6));
    assert_eq!(citation_card(&lib, "A/RES/12/345"), None);
    let full = resolution_text(&lib, "A/RES/90/2").ok().flatten();
    let full = full.unwrap_or_else(|| panic!("90/2 has its text in the library"));
    let labels: Vec<&str> = full.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["PP1", "PP2", "PP3", "PP4", "OP1", "OP2"]);
    assert_eq!(full.paragraphs[4].text, "Requests a report;");
    drop(lib);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Offsets the editor relies on: labels at line starts, ranges inside the text and never
/// between the halves of a surrogate pair, outline counts adding up to the diagnostics.
fn invariants(text: &str, a: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    let boundary =
        |u: usize| u == len || units.get(u).is_some_and(|c| !(0xDC00..0xE000).contains(c));
    for l in &a.labels {
        if !(l.from == 0 || units.get(l.from - 1) == Some(&u16::from(b'\n'))) {
            return Err(format!(
                "label {} at {} is not at a line start",
                l.label, l.from
            ));
        }
    }
    let ranges = a
        .diagnostics
        .iter()
        .map(|d| (d.from, d.to, d.rule.to_string()));
    let ranges = ranges.chain(a.openings.iter().map(|r| (r.from, r.to, "opening".into())));
    let ranges = ranges.chain(a.citations.iter().map(|c| (c.from, c.to, c.key.clone())));
    for (from, to, what) in ranges {
        if from > to || to > len || !boundary(from) || !boundary(to) {
            return Err(format!(
                "{what}: range {from}..{to} is not a valid range of {len} units"
            ));
        }
    }
    for d in &a.diagnostics {
        if d.fixes.iter().any(|f| f.from > f.to || f.to > len) {
            return Err(format!("fix outside the text: {d:?}"));
        }
    }
    let sum: usize = a.outline.iter().map(|o| o.diagnostics).sum();
    if sum != a.diagnostics.len() {
        return Err(format!(
            "outline counts {sum} of {} diagnostics",
            a.diagnostics.len()
        ));
    }
    Ok(())
}

/// Paragraphs (at most `max`, spread over the draft) that can move down move down and back
/// up to the same text.
fn round_trips(text: &str, a: &Analysis, max: usize) -> Result<usize, String> {
    let mut moved = 0;
    let labels: Vec<_> = a
        .labels
        .iter()
        .filter(|l| l.label.contains("PP") || l.label.contains("OP"))
        .collect();
    let step = labels.len().div_ceil(max.max(1)).max(1);
    for l in labels.into_iter().step_by(step) {
        // Inside the paragraph: its first line, past any indentation.
        let at = l.from + slice16(text, l.from, l.from + 8).len()
            - slice16(text, l.from, l.from + 8).trim_start().len();
        let Some(down) = move_paragraph(text, at, false).map_err(|e| e.to_string())? else {
            continue;
        };
        let after = apply(text, &down);
        let back = move_paragraph(&after, down.cursor, true).map_err(|e| e.to_string())?;
        let back = back.ok_or(format!("{} moved down but cannot move back up", l.label))?;
        if apply(&after, &back) != text {
            return Err(format!("{}: down then up changed the text", l.label));
        }
        moved += 1;
    }
    Ok(moved)
}

/// Applies each offered fix on UTF-16 offsets, as the editor does, and checks that the
/// diagnostic is gone afterwards (no diagnostic of that rule starting there). Returns the
/// number of fixes applied.
fn fixes_resolve(
    text: &str,
    a: &Analysis,
    register: &dyn resolute_check::Register,
) -> Result<usize, String> {
    let mut applied = 0;
    for d in &a.diagnostics {
        for fix in &d.fixes {
            let edit = TextEdit {
                from: fix.from,
                to: fix.to,
                insert: fix.insert.clone(),
                cursor: fix.from,
            };
            let after = apply(text, &edit);
            let again = analyze(&after, Some(register));
            if again
                .diagnostics
                .iter()
                .any(|e| e.rule == d.rule && e.from == d.from)
            {
                return Err(format!("fix {fix:?} did not resolve {d:?}"));
            }
            applied += 1;
        }
    }
    Ok(applied)
}

/// Up to `n` clean-paragraph resolutions spread over the corpus folders, as drafts.
fn corpus_drafts(corpus: &Path, n: usize) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let root = corpus.join("texts/clean-paragraphs");
    for folder in [
        "ga-resolutions",
        "hrc-resolutions",
        "ecosoc-resolutions",
        "sc-resolutions",
    ] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        let step = (names.len() / (n / 4).max(1)).max(1);
        files.extend(names.into_iter().step_by(step).take(n / 4));
    }
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let draft = resolute_draft::segment(&text);
            Some((path, resolute_draft::write_markdown(&draft)))
        })
        .collect()
}

#[test]
fn real_resolutions_as_drafts_keep_the_offset_invariants_and_move_back_and_forth() {
    let Some(corpus) = corpus() else { return };
    let drafts = corpus_drafts(&corpus, 52);
    assert!(drafts.len() >= 50, "only {} drafts", drafts.len());
    let mut register = resolute_check::MemoryRegister::new();
    let index = std::fs::read_to_string(corpus.join("metadata/resolution_index.csv"));
    let _ = register.load_csv(&index.unwrap_or_default());
    let (mut diagnostics, mut moves, mut non_ascii, mut fixed) = (0, 0, 0, 0);
    for (path, text) in &drafts {
        let a = analyze(text, Some(&register));
        let name = path.display();
        invariants(text, &a).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!a.labels.is_empty(), "{name}: no labels");
        for c in &a.citations {
            assert_eq!(slice16(text, c.from, c.to), c.text, "{name}");
        }
        moves += round_trips(text, &a, 25).unwrap_or_else(|e| panic!("{name}: {e}"));
        diagnostics += a.diagnostics.len();
        non_ascii += usize::from(!text.is_ascii());
        fixed += fixes_resolve(text, &a, &register).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    eprintln!(
        "{} real drafts ({non_ascii} with non-ASCII text): {diagnostics} diagnostics, {fixed} one-click fixes applied, {moves} paragraphs moved down and back",
        drafts.len()
    );
    assert!(non_ascii > 10, "the sample should exercise UTF-16 offsets");
    assert!(moves > 500, "{moves}");
}

/// Drafts broken in every way typing can break them: the sample cut short anywhere and with
/// markup dropped in anywhere (emoji, stray emphasis, list markers, labels, footnote marks).
fn mangled_drafts() -> Vec<String> {
    let text = sample();
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(41).collect();
    let inserts = [
        "🌊",
        "*",
        "\n\n1. ",
        "\n\n   (a) ",
        "[^",
        "\n## ",
        "\n\n---\n",
        "é–",
    ];
    let mut out = Vec::new();
    for (n, &at) in cuts.iter().enumerate() {
        out.push(text[..at].to_string());
        let insert = inserts[n % inserts.len()];
        out.push(format!("{}{insert}{}", &text[..at], &text[at..]));
    }
    out
}

#[test]
fn no_input_breaks_the_editor_calls() {
    for text in mangled_drafts() {
        let a = analyze(&text, None);
        invariants(&text, &a).unwrap_or_else(|e| panic!("{e} in {text:?}"));
        let len = Utf16Index::new(&text).utf16_len();
        for at in (0..=len).step_by(257).chain([len, len + 5]) {
            let _ = paragraph_at(&text, at);
            let c = completions(&text, at, None, 3);
            assert!(c.from <= len, "{c:?}");
            for up in [true, false] {
                if let Ok(Some(edit)) = move_paragraph(&text, at, up) {
                    let after = apply(&text, &edit);
                    assert!(edit.cursor <= Utf16Index::new(&after).utf16_len());
                }
            }
        }
    }
}

#[test]
fn a_real_un_pdf_opens_as_an_imported_draft_that_never_overwrites_it() {
    let Some(corpus) = corpus() else { return };
    let pdf = corpus.join("files/A_RES_78_100.pdf");
    let opened = open_draft(&pdf).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((opened.path, opened.imported), (None, true));
    assert_eq!(opened.name, "A_RES_78_100.md");
    let a = analyze(&opened.text, None);
    let ops = a.labels.iter().filter(|l| l.label.contains("OP")).count();
    assert!(ops >= 5, "{:?}", a.labels);
    invariants(&opened.text, &a).unwrap_or_else(|e| panic!("{e}"));
}

/// The citation card says how a resolution was adopted, from the corpus's draft lifecycles
/// and roll calls (imported as metadata, no text needed).
#[test]
fn the_citation_card_says_how_the_resolution_was_adopted() {
    let Some(corpus) = resolute_testkit::corpus() else {
        return;
    };
    let dir = temp("adoption-card");
    let mut lib = Library::open(dir.join("lib")).expect("library opens");
    let files = [
        corpus.join("metadata/ga_draft_lifecycle_igov_79-80.jsonl"),
        corpus.join("metadata/unga_rollcalls_voeten_1946-2020.csv"),
    ];
    lib.import(&files, &mut |_| {}).expect("metadata imports");
    let card = citation_card(&lib, "A/RES/79/21").expect("79/21 is known");
    assert_eq!(
        card.adoption.as_deref(),
        Some("At the 43rd plenary meeting, by a recorded vote of 128 to 50, with 8 abstentions.")
    );
    assert_eq!(card.sponsors.as_deref(), Some("Russian Federation"));
    let card = citation_card(&lib, "A/RES/79/72").expect("79/72 is known");
    assert_eq!(
        card.adoption.as_deref(),
        Some("At the 44th plenary meeting, without a vote.")
    );
    drop(lib);
    let _ = std::fs::remove_dir_all(&dir);
}

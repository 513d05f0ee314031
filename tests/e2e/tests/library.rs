//! End-to-end tests of the library panel in the real app window: importing a folder through
//! the native GTK folder chooser (progress, summary with the skipped files, the library's
//! count, a search over what came in), and the precedents of the paragraph under the cursor
//! with word-level differences. Each saves a screenshot to `target/artefacts/e2e/<test>.png`.
//! Run under Xvfb: `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test library`.

use std::path::{Path, PathBuf};

use resolute_e2e::corpus::{build_library, files_of};
use resolute_e2e::desktop::fill_dialog;
use resolute_e2e::{corpus_dir, fresh_sample, skip_corpus, App, Error, Key, Launch, Tools};
use serde_json::Value;

/// The tools, a fresh copy of the sample draft and the corpus, or None (skipped, with why).
fn setup(name: &str) -> Option<(Tools, PathBuf, PathBuf)> {
    let tools = Tools::find_or_skip(name)?;
    let Some(corpus) = corpus_dir() else {
        skip_corpus(name);
        return None;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    Some((tools, draft, corpus))
}

/// A folder to import: the first three GA resolution texts of the corpus (copied, in the
/// test's work folder) and two broken files. Gives the folder and the texts' symbols.
fn import_folder(corpus: &Path, work: &Path) -> (PathBuf, Vec<String>) {
    let source = corpus.join("texts/raw-pdf/ga-resolutions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&source)
        .expect("corpus GA texts")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let folder = work.join("to-import");
    std::fs::create_dir_all(&folder).expect("import folder made");
    let mut symbols = Vec::new();
    for text in texts.iter().take(3) {
        let name = text.file_name().expect("a file name");
        std::fs::copy(text, folder.join(name)).expect("corpus text copied");
        // A_RES_78_10.txt holds A/RES/78/10.
        symbols.push(
            name.to_string_lossy()
                .trim_end_matches(".txt")
                .replace('_', "/"),
        );
    }
    std::fs::write(folder.join("empty.txt"), "").expect("empty.txt written");
    std::fs::write(folder.join("broken.pdf"), "%PDF- this is not a PDF")
        .expect("broken.pdf written");
    (folder, symbols)
}

/// The visible text of the first element matching `css` ("" when there is none).
async fn text_of(app: &App, css: &str) -> Result<String, Error> {
    let v = app
        .js_with(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
            css,
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// A query for one paragraph of the resolution text `file`, as the CLI parses it: the
/// longest preambular paragraph, seven of its words from the sixth on (punctuation dropped).
/// Gives the query and the paragraph.
fn query_from(tools: &Tools, file: &Path) -> (String, String) {
    let out = std::process::Command::new(&tools.cli)
        .arg("parse")
        .arg(file)
        .arg("--json")
        .output()
        .expect("resolute parse runs");
    let parsed: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let empty = Vec::new();
    let para = parsed["preamble"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .filter_map(|p| p["text"].as_str())
        .max_by_key(|t| t.len())
        .unwrap_or_default()
        .to_string();
    let words: Vec<String> = para
        .split_whitespace()
        .skip(5)
        .take(7)
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
        .filter(|w: &String| !w.is_empty())
        .collect();
    (words.join(" "), para)
}

/// The reference ("A/RES/78/10, PP 26") the CLI gives the library paragraph `para` among
/// its results for `query`.
fn cli_reference(tools: &Tools, library: &Path, query: &str, para: &str) -> Option<String> {
    let out = std::process::Command::new(&tools.cli)
        .args(["search", query, "--json", "--library"])
        .arg(library)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|hit| hit["text"] == para)
        .and_then(|hit| hit["reference"].as_str().map(str::to_string))
}

#[tokio::test]
async fn imports_a_folder_through_the_native_dialog() {
    let name = "imports_a_folder_through_the_native_dialog";
    let Some((tools, draft, corpus)) = setup(name) else {
        return;
    };
    let (folder, symbols) = import_folder(&corpus, draft.parent().unwrap());
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_for("the library info", ".library-info:not(:empty)", 10)
        .await
        .unwrap();
    assert!(text_of(&app, ".library-info")
        .await
        .unwrap()
        .starts_with("No library yet"));
    app.click("button[data-command=\"import-folder\"]")
        .await
        .unwrap();
    app.wait_true(
        "the progress element",
        "const p = document.querySelector('.import-progress'); return !!p && !p.hidden",
        10,
    )
    .await
    .unwrap();
    // The chooser may open on "Recent", where a typed path is not taken: Alt+Home moves to
    // the home folder first; there, Return on a typed folder path selects that folder.
    let title = "Import a folder of resolutions";
    let Some(filled) = fill_dialog(title, &folder, &["alt+Home", "ctrl+l"], &["Return"]) else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    let finished = "return [...document.querySelectorAll('.library-results h3')].some(h => h.textContent === 'Import finished')";
    app.wait_true("the import summary", finished, 30)
        .await
        .unwrap();
    let summary = text_of(&app, ".library-results").await.unwrap();
    assert!(
        summary.contains("3 added, 0 replaced, 0 unchanged, 2 skipped"),
        "{summary}"
    );
    let failures = app
        .strings("return [...document.querySelectorAll('.failures li')].map(l => l.textContent)")
        .await
        .unwrap();
    assert_eq!(failures.len(), 2, "{failures:?}");
    for broken in ["empty.txt", "broken.pdf"] {
        assert!(
            failures.iter().any(|f| f.contains(broken)),
            "{broken} not among {failures:?}"
        );
    }
    // The skipped files' long paths wrap inside the panel instead of running out of it.
    let fits = "return [...document.querySelectorAll('.failures li')].every(li => li.scrollWidth <= li.clientWidth)";
    assert_eq!(
        app.js(fits).await.unwrap(),
        true,
        "a skipped path overflows"
    );
    app.wait_true(
        "the library count",
        "return document.querySelector('.library-info').textContent.startsWith('3 resolutions,')",
        10,
    )
    .await
    .unwrap();
    app.screenshot("-summary").await.unwrap();
    let file = folder.join(format!("{}.txt", symbols[1].replace('/', "_")));
    let (query, para) = query_from(&tools, &file);
    assert!(!query.is_empty(), "no paragraph of {} found", symbols[1]);
    // What the app imported is what the CLI reads: the paragraph is there, under its symbol.
    let reference = cli_reference(&tools, &app.dir.join("no-library"), &query, &para)
        .unwrap_or_else(|| panic!("the CLI does not find {para:?} with {query:?}"));
    assert!(reference.starts_with(&symbols[1]), "{reference}");
    app.click("input.library-query").await.unwrap();
    app.type_text(&query).await.unwrap();
    let found = format!(
        "return [...document.querySelectorAll('.hit-ref')].some(r => r.textContent.startsWith({}))",
        serde_json::json!(reference)
    );
    app.wait_true("the search to find the paragraph", &found, 10)
        .await
        .unwrap();
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// A small real library for precedents: the Addis Ababa Action Agenda and the resolutions
/// that cite it.
const PRECEDENT_SYMBOLS: [&str; 3] = ["A/RES/69/313", "A/RES/70/1", "A/RES/71/222"];

/// A paragraph of the library about the Addis Ababa Action Agenda that a person could type
/// as is (letters, commas, full stops; 12 to 80 words) and whose wording the
/// search finds once. Gives its text and reference.
fn typable_paragraph(tools: &Tools, library: &Path) -> Option<(String, String)> {
    let out = std::process::Command::new(&tools.cli)
        .args([
            "search",
            "Addis Ababa Action Agenda",
            "--json",
            "--limit",
            "100",
        ])
        .arg("--library")
        .arg(library)
        .output()
        .ok()?;
    let hits: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let typable = |t: &str| {
        let words = t.split_whitespace().count();
        (12..=80).contains(&words)
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || " ,.-".contains(c))
    };
    hits.iter().find_map(|h| {
        let text = h["text"].as_str().filter(|t| typable(t))?;
        let once = hits.iter().filter(|o| o["text"] == text).count() == 1;
        let reference = h["reference"].as_str()?;
        once.then(|| (text.to_string(), reference.to_string()))
    })
}

/// `text` as a drafter might retype it: its fourth word left out, "firmly" added after the
/// seventh. Gives the new text and the dropped word.
fn reworded(text: &str) -> (String, String) {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let dropped = words.remove(3).to_string();
    words.insert(6, "firmly");
    (words.join(" "), dropped)
}

#[tokio::test]
async fn precedent_for_the_paragraph_under_the_cursor() {
    let name = "precedent_for_the_paragraph_under_the_cursor";
    let Some((tools, draft, corpus)) = setup(name) else {
        return;
    };
    let library = draft.parent().unwrap().join("library");
    let files = files_of(&corpus, &PRECEDENT_SYMBOLS).expect("corpus files");
    build_library(&tools, &library, &files).expect("library built with the CLI");
    let (original, reference) =
        typable_paragraph(&tools, &library).expect("a typable paragraph in the library");
    let (typed, dropped) = reworded(&original);
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&library))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    // A new paragraph before OP1, typed with the keyboard; Escape closes any completion list.
    app.jump("OP1").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.press(Key::Up).await.unwrap();
    app.press(Key::Up).await.unwrap();
    app.type_text(&typed).await.unwrap();
    app.press(Key::Escape).await.unwrap();
    let before = app.text().await.unwrap();
    assert!(before.contains(&format!("\n{typed}\n")), "{before}");
    app.chord(&[Key::Control, Key::Shift], 'e').await.unwrap();
    app.wait_for("the precedents", ".hit.precedent", 10)
        .await
        .unwrap();
    app.screenshot("-precedents").await.unwrap();
    let first_ref = text_of(&app, ".hit.precedent .hit-ref").await.unwrap();
    assert!(
        first_ref.starts_with(&format!("{reference} ·")),
        "first precedent {first_ref:?}, expected {reference}"
    );
    // The precedents on a line of years, in date order; the first precedent among them.
    let points = app
        .strings("return [...document.querySelectorAll('.lineage-timeline .timeline-point')].map(p => p.dataset.date + ' ' + p.title)")
        .await
        .unwrap();
    assert!(points.len() >= 2, "{points:?}");
    let dates: Vec<&str> = points.iter().filter_map(|p| p.split(' ').next()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "{points:?}");
    assert!(
        points.iter().any(|p| p.contains(&reference)),
        "{points:?} lacks {reference}"
    );
    let changes = app
        .strings("return [...document.querySelector('.hit.precedent .diff').querySelectorAll('ins, del')].map(e => e.tagName + ':' + e.textContent.trim())")
        .await
        .unwrap();
    let word_in = |tag: &str, w: &str| changes.iter().any(|c| c == &format!("{tag}:{w}"));
    // The precedent against the draft: one side has "firmly", the other the dropped word.
    assert!(
        (word_in("INS", &dropped) && word_in("DEL", "firmly"))
            || (word_in("DEL", &dropped) && word_in("INS", "firmly")),
        "word differences {changes:?} (dropped {dropped:?}, added \"firmly\")"
    );
    assert_eq!(changes.len(), 2, "{changes:?}");
    // Insert: the adopted wording goes in at the cursor (the end of the typed paragraph).
    app.click(".hit.precedent button.insert").await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    let expected = before.replacen(&typed, &format!("{typed}{original}"), 1);
    assert_eq!(after, expected);
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

#[tokio::test]
async fn precedent_replaces_the_paragraph_keeping_its_number() {
    let name = "precedent_replaces_the_paragraph_keeping_its_number";
    let Some((tools, draft, corpus)) = setup(name) else {
        return;
    };
    let library = draft.parent().unwrap().join("library");
    let files = files_of(&corpus, &PRECEDENT_SYMBOLS).expect("corpus files");
    build_library(&tools, &library, &files).expect("library built with the CLI");
    let (original, reference) =
        typable_paragraph(&tools, &library).expect("a typable paragraph in the library");
    let (typed, _) = reworded(&original);
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&library))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    // A numbered paragraph with a footnote mark, before OP1.
    app.jump("OP1").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.press(Key::Up).await.unwrap();
    app.press(Key::Up).await.unwrap();
    let line = format!("7. {typed}[^1]");
    app.type_text(&line).await.unwrap();
    app.press(Key::Escape).await.unwrap();
    let before = app.text().await.unwrap();
    assert!(before.contains(&format!("\n{line}\n")), "{before}");
    app.chord(&[Key::Control, Key::Shift], 'e').await.unwrap();
    app.wait_for("the precedents", ".hit.precedent", 10)
        .await
        .unwrap();
    let first_ref = text_of(&app, ".hit.precedent .hit-ref").await.unwrap();
    assert!(
        first_ref.starts_with(&format!("{reference} ·")),
        "{first_ref:?}"
    );
    // Replace: the adopted wording takes the place of the typed one; number and mark stay.
    app.click(".hit.precedent button.replace").await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    let replaced = format!("7. {}[^1]", original.trim_end());
    assert_eq!(after, before.replacen(&line, &replaced, 1));
    app.screenshot("").await.unwrap();
    // One undo step brings the drafter's own wording back.
    app.chord(&[Key::Control], 'z').await.unwrap();
    let undone = app.wait_text_change(&after, 10).await.unwrap();
    assert_eq!(undone, before);
    app.finish().await.unwrap();
}

/// Resolutions of three organs and several years.
const CHART_SYMBOLS: [&str; 6] = [
    "S/RES/1325 (2000)",
    "A/RES/60/251",
    "A/RES/70/1",
    "E/RES/2022/17",
    "A/RES/78/100",
    "S/RES/2709 (2023)",
];

#[tokio::test]
async fn a_search_shows_its_use_over_the_years() {
    let name = "a_search_shows_its_use_over_the_years";
    let Some((tools, draft, corpus)) = setup(name) else {
        return;
    };
    let library = draft.parent().unwrap().join("library");
    let files = files_of(&corpus, &CHART_SYMBOLS).expect("corpus files");
    build_library(&tools, &library, &files).expect("library built with the CLI");
    // The years in which the library adopted a paragraph with the word, from the CLI.
    let out = std::process::Command::new(&tools.cli)
        .args(["search", "peace", "--json", "--limit", "100", "--library"])
        .arg(&library)
        .output()
        .expect("resolute search runs");
    let hits: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .collect();
    let mut cli_years: Vec<u64> = hits
        .iter()
        .filter_map(|v| v["date"].as_str()?.get(..4)?.parse().ok())
        .collect();
    cli_years.sort_unstable();
    cli_years.dedup();
    assert!(cli_years.len() >= 4, "{cli_years:?}");
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&library))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.chord(&[Key::Control, Key::Shift], 'f').await.unwrap();
    app.type_text("peace").await.unwrap();
    app.wait_for("the chart", ".usage-chart .chart-bar", 10)
        .await
        .unwrap();
    app.screenshot("").await.unwrap();
    let bars = app
        .strings("return [...document.querySelectorAll('.chart-bar')].map(b => b.dataset.year + ':' + b.dataset.total + ':' + b.dataset.paragraphs)")
        .await
        .unwrap();
    let bars: Vec<(u64, u64, u64)> = bars
        .iter()
        .filter_map(|b| {
            let mut f = b.split(':').map(|x| x.parse::<u64>().ok());
            Some((f.next()??, f.next()??, f.next()??))
        })
        .collect();
    // One bar a year from the first to the last; bars above zero exactly in the CLI's years.
    let first = cli_years[0];
    let last = *cli_years.last().unwrap();
    let years: Vec<u64> = bars.iter().map(|b| b.0).collect();
    assert_eq!(years, (first..=last).collect::<Vec<_>>());
    let used: Vec<u64> = bars.iter().filter(|b| b.1 > 0).map(|b| b.0).collect();
    assert_eq!(used, cli_years);
    // Each bar counts the resolutions of its year among the CLI's hits.
    for (year, resolutions, _) in &bars {
        let mut symbols: Vec<&str> = hits
            .iter()
            .filter(|h| {
                h["date"].as_str().and_then(|d| d.get(..4)) == Some(year.to_string().as_str())
            })
            .filter_map(|h| h["symbol"].as_str())
            .collect();
        symbols.sort_unstable();
        symbols.dedup();
        assert_eq!(*resolutions, symbols.len() as u64, "{year}: {symbols:?}");
    }
    // Their paragraphs add up to the paragraphs the results count.
    let total = text_of(&app, ".library-results .total").await.unwrap();
    let shown: u64 = total
        .split(' ')
        .next()
        .unwrap_or("")
        .replace(',', "")
        .parse()
        .unwrap();
    assert_eq!(bars.iter().map(|b| b.2).sum::<u64>(), shown, "{total}");
    // The legend names the organs of the CLI's hits, and only those.
    let legend = text_of(&app, ".chart-legend").await.unwrap();
    for (code, organ) in [
        ("GA", "General Assembly"),
        ("SC", "Security Council"),
        ("ECOSOC", "Economic and Social Council"),
    ] {
        let found = hits.iter().any(|h| h["body"] == code);
        assert_eq!(legend.contains(organ), found, "{code}: {legend}");
    }
    app.finish().await.unwrap();
}

/// Hovers the middle of the first element matching `css` (CodeMirror's hover tooltips follow
/// the mouse's moves over the text).
const HOVER: &str = "const e = [...document.querySelectorAll('.cm-citation')].find(x => x.textContent.includes(arguments[0]));
if (!e) return false;
const r = e.getBoundingClientRect();
const o = { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
e.dispatchEvent(new MouseEvent('mouseover', o));
e.dispatchEvent(new MouseEvent('mousemove', o));
return true;";

#[tokio::test]
async fn the_citation_card_says_how_the_resolution_was_adopted() {
    let name = "the_citation_card_says_how_the_resolution_was_adopted";
    let Some((tools, draft, corpus)) = setup(name) else {
        return;
    };
    // The draft cites 79/21; the library holds only the corpus's draft lifecycles.
    let library = draft.parent().unwrap().join("library");
    let lifecycle = corpus.join("metadata/ga_draft_lifecycle_igov_79-80.jsonl");
    build_library(&tools, &library, &[lifecycle]).expect("library built with the CLI");
    let text = std::fs::read_to_string(&draft).unwrap().replacen(
        "\n\n1. ",
        "\n\n*Recalling* its resolution 79/21 of 2 December 2024,\n\n1. ",
        1,
    );
    std::fs::write(&draft, text).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&library))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.jump("OP1").await.unwrap();
    app.wait_true(
        "the citation to be marked",
        "return [...document.querySelectorAll('.cm-citation')].some(x => x.textContent.includes('79/21'))",
        10,
    )
    .await
    .unwrap();
    assert_eq!(app.js_with(HOVER, "79/21").await.unwrap(), true);
    app.wait_for("the card", ".citation-card .adoption", 10)
        .await
        .unwrap();
    app.screenshot("").await.unwrap();
    let adoption = text_of(&app, ".citation-card .adoption").await.unwrap();
    assert_eq!(
        adoption,
        "At the 43rd plenary meeting, by a recorded vote of 128 to 50, with 8 abstentions."
    );
    let sponsors = text_of(&app, ".citation-card .sponsors").await.unwrap();
    assert_eq!(sponsors, "Main sponsors: Russian Federation");
    // A library of metadata alone is no "no library": it checks citations.
    let info = text_of(&app, ".library-info").await.unwrap();
    assert!(info.contains("metadata rows, no texts yet"), "{info}");
    app.finish().await.unwrap();
}

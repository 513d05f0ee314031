//! End-to-end tests that drive the real app window: each starts `target/debug/resolute-app`
//! through tauri-driver + WebKitWebDriver on a fresh copy of the sample draft, acts as a user
//! would (keys, clicks) and checks the editor, the panels and the file on disk. Each saves a
//! screenshot to `target/artefacts/e2e/<test>.png`. Run under Xvfb with one test thread:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e -- --test-threads=1`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Locator;
use resolute_e2e::corpus::{build_library, files_of, search_texts};
use resolute_e2e::desktop::fill_dialog;
use resolute_e2e::{corpus_dir, fresh_sample, skip_corpus, App, Error, Key, Launch, Tools};

/// The tools and a fresh copy of the sample draft, or None (the test was skipped, loudly).
fn setup(name: &str) -> Option<(Tools, PathBuf)> {
    let tools = Tools::find_or_skip(name)?;
    let draft = fresh_sample(name).expect("sample draft copied");
    Some((tools, draft))
}

/// The sample's resolution 70/1 and the resolutions it cites, as a small real library.
const LIBRARY_SYMBOLS: [&str; 5] = [
    "A/RES/70/1",
    "A/RES/69/313",
    "A/RES/71/222",
    "A/RES/73/226",
    "A/RES/76/300",
];

/// A library of [`LIBRARY_SYMBOLS`] from the corpus in the test's work folder, or None
/// (no corpus: the test passes after saying so).
fn small_library(tools: &Tools, name: &str, draft: &Path) -> Option<PathBuf> {
    let Some(corpus) = corpus_dir() else {
        skip_corpus(name);
        return None;
    };
    let dir = draft.parent().expect("work folder").join("library");
    let files = files_of(&corpus, &LIBRARY_SYMBOLS).expect("corpus files of the symbols");
    build_library(tools, &dir, &files).expect("library built with the CLI");
    Some(dir)
}

/// The cursor at the end of the last preambular paragraph, then Enter twice: an empty line
/// between PP8 and OP1 (through the outline and the keyboard, as a user would).
async fn new_preambular_line(app: &App) -> Result<(), Error> {
    app.jump("OP1").await?;
    app.press(Key::Left).await?;
    app.press(Key::Left).await?;
    app.press(Key::Enter).await?;
    app.press(Key::Enter).await
}

/// Types "Reca", waits for the completion list and accepts "Recalling" with Enter; gives
/// the text once the outline shows the accepted phrase.
async fn complete_recalling(app: &App) -> Result<String, Error> {
    app.type_text("Reca").await?;
    app.wait_for("the completion list", ".cm-tooltip-autocomplete li", 10)
        .await?;
    let labels = app
        .strings("return [...document.querySelectorAll('.cm-tooltip-autocomplete li .cm-completionLabel')].map(e => e.textContent)")
        .await?;
    let index = labels.iter().position(|l| l == "Recalling");
    let index = index.ok_or_else(|| Error::Tool(format!("no \"Recalling\" among {labels:?}")))?;
    for _ in 0..index {
        app.press(Key::Down).await?;
    }
    // CodeMirror ignores Enter on a completion list younger than 75 ms (interactionDelay:
    // a list popping up under a fast typist must not eat the Enter); a person is slower.
    tokio::time::sleep(Duration::from_millis(150)).await;
    app.press(Key::Enter).await?;
    // The outline follows the analysis of the accepted text (not the stale "Reca").
    let pp9 = "const t = document.querySelector('.outline-jump[data-label=\"PP9\"] .outline-text'); return !!t && t.textContent.startsWith('Recalling')";
    app.wait_true("PP9 in the outline to read Recalling", pp9, 10)
        .await?;
    app.text().await
}

/// The line of `text` that contains `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines().find(|l| l.contains(needle)).unwrap_or("")
}

#[tokio::test]
async fn ui_script_ran() {
    let name = "ui_script_ran";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    // A truncated bundle loads index.html but builds nothing: these all come from the script.
    let toolbar = app.strings("return [...document.querySelectorAll('button[data-command]')].map(b => b.dataset.command)").await.unwrap();
    for command in ["new", "open", "save", "save-as", "format", "search-library"] {
        assert!(
            toolbar.iter().any(|c| c == command),
            "toolbar {toolbar:?} lacks {command}"
        );
    }
    let editable = app
        .js("const c = document.querySelector('.cm-content'); return c ? c.contentEditable : null")
        .await
        .unwrap();
    assert_eq!(editable, "true");
    // The backend answered: at least one analysis applied, and labels drawn from it.
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for("gutter labels", ".cm-labels .cm-gutterElement", 10)
        .await
        .unwrap();
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

#[tokio::test]
async fn opens_the_sample_draft() {
    let name = "opens_the_sample_draft";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_eq!(
        app.text().await.unwrap(),
        std::fs::read_to_string(&draft).unwrap()
    );
    let title = app.client.title().await.unwrap();
    assert!(title.contains("draft.md"), "window title {title:?}");
    assert!(
        !title.starts_with('•'),
        "a freshly opened draft is not dirty: {title:?}"
    );
    let outline = app.outline_labels().await.unwrap();
    let expected: Vec<String> = [
        "EF",
        "PP1",
        "PP8",
        "OP1",
        "OP2(a)",
        "OP2(b)(ii)",
        "OP10",
        "FN2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for label in &expected {
        assert!(outline.contains(label), "outline {outline:?} lacks {label}");
    }
    let gutter = app.gutter_labels().await.unwrap();
    for label in ["EF", "PP1", "PP2", "PP3"] {
        assert!(
            gutter.iter().any(|g| g == label),
            "gutter {gutter:?} lacks {label}"
        );
    }
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

#[tokio::test]
async fn completes_an_opening_phrase() {
    let name = "completes_an_opening_phrase";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    new_preambular_line(&app).await.unwrap();
    let text = complete_recalling(&app).await.unwrap();
    app.screenshot("").await.unwrap();
    let before_op1 = text.split("\n\n1. *Takes note*").next().unwrap_or("");
    let new_line = before_op1.lines().last().unwrap_or("");
    assert!(
        new_line.starts_with("*Recalling* "),
        "new paragraph: {new_line:?}"
    );
    assert!(
        before_op1.contains("manage groundwater,\n\n*Recalling* "),
        "{before_op1}"
    );
    // The new paragraph is preambular: PP9 in the outline, before OP1.
    let outline = app.outline_labels().await.unwrap();
    let pp9 = outline
        .iter()
        .position(|l| l == "PP9")
        .expect("PP9 in the outline");
    let op1 = outline
        .iter()
        .position(|l| l == "OP1")
        .expect("OP1 in the outline");
    assert!(pp9 < op1, "{outline:?}");
    app.finish().await.unwrap();
}

/// Clicks (a real WebDriver click) the action button of the lint panel's diagnostic whose
/// text contains `message`.
async fn apply_fix(app: &App, message: &str) -> Result<(), Error> {
    let items = app
        .client
        .find_all(Locator::Css(".cm-panel-lint .cm-diagnostic"))
        .await?;
    for item in items {
        if item.text().await?.contains(message) {
            let button = item.find(Locator::Css(".cm-diagnosticAction")).await?;
            return Ok(button.click().await?);
        }
    }
    Err(Error::Tool(format!("no diagnostic mentions {message:?}")))
}

#[tokio::test]
async fn fixes_a_wrong_adoption_date() {
    let name = "fixes_a_wrong_adoption_date";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let Some(library) = small_library(&tools, name, &draft) else {
        return;
    };
    let launch = Launch::draft(&draft).with_library(&library);
    let app = App::launch(&tools, name, launch).await.unwrap();
    app.wait_analysis_after(0).await.unwrap();
    new_preambular_line(&app).await.unwrap();
    let text = complete_recalling(&app).await.unwrap();
    assert!(
        text.contains("groundwater,\n\n*Recalling* \n\n1. *Takes note*"),
        "{text}"
    );
    app.type_text("its resolution 70/1 of 26 September 2015 on the 2030 Agenda,")
        .await
        .unwrap();
    // 70/1 was adopted on 25 September 2015: the library knows, the checker says so.
    let wrong = "document.querySelector('.cm-lintRange-error') !== null";
    app.wait_true("the date diagnostic", &format!("return {wrong}"), 10)
        .await
        .unwrap();
    app.chord(&[Key::Control, Key::Shift], 'm').await.unwrap();
    app.wait_for("the lint panel", ".cm-panel-lint .cm-diagnostic", 10)
        .await
        .unwrap();
    app.screenshot("-diagnostic").await.unwrap();
    apply_fix(&app, "25 September 2015").await.unwrap();
    app.wait_true(
        "the fix",
        "return !window.__resoluteText().includes('26 September 2015')",
        10,
    )
    .await
    .unwrap();
    let text = app.text().await.unwrap();
    let line = line_with(&text, "on the 2030 Agenda,");
    assert_eq!(
        line,
        "*Recalling* its resolution 70/1 of 25 September 2015 on the 2030 Agenda,"
    );
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// Clicks Insert on the first search result whose reference contains `reference`.
async fn insert_hit(app: &App, reference: &str) -> Result<(), Error> {
    for hit in app.client.find_all(Locator::Css(".hit")).await? {
        let shown = hit.find(Locator::Css(".hit-ref")).await?.text().await?;
        if shown.contains(reference) {
            let button = hit.find(Locator::Css("button.insert")).await?;
            return Ok(button.click().await?);
        }
    }
    Err(Error::Tool(format!(
        "no result with {reference:?} in its reference"
    )))
}

#[tokio::test]
async fn inserts_a_library_result() {
    let name = "inserts_a_library_result";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let Some(library) = small_library(&tools, name, &draft) else {
        return;
    };
    let query = "Addis Ababa Action Agenda";
    let expected = search_texts(&tools, &library, query).unwrap();
    assert!(
        !expected.is_empty(),
        "the CLI finds {query:?} in the library"
    );
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&library))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    new_preambular_line(&app).await.unwrap();
    let before = app.text().await.unwrap();
    app.click("input.library-query").await.unwrap();
    app.type_text(query).await.unwrap();
    app.wait_for("search results", ".hit button.insert", 10)
        .await
        .unwrap();
    app.screenshot("-results").await.unwrap();
    // An operative paragraph's result (the first hit is the annex's title).
    insert_hit(&app, ", OP ").await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    // The text before and after the cursor is unchanged; what came in between is a paragraph
    // of the library that matches the query.
    let end = before
        .find("\n\n1. *Takes note*")
        .expect("OP1 in the sample");
    let (head, tail) = before.split_at(end);
    assert!(
        after.starts_with(head) && after.ends_with(tail),
        "inserted elsewhere:\n{after}"
    );
    let inserted = &after[head.len()..after.len() - tail.len()];
    let inserted = inserted.trim_start_matches('\n');
    assert!(
        expected.iter().any(|t| t == inserted),
        "{inserted:?} is not a search result"
    );
    assert!(inserted.contains("Addis Ababa"), "{inserted:?}");
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// Presses Alt+Up in the window and waits for the text to change.
async fn move_up(app: &App) -> Result<String, Error> {
    let before = app.text().await?;
    app.chord(&[Key::Alt], Key::Up).await?;
    app.wait_text_change(&before, 10).await
}

/// OP3 (Invites) above OP2 (Encourages, with its subparagraphs), both renumbered.
fn assert_op3_moved_once(text: &str) {
    assert!(
        text.contains("\n\n2. *Invites* States sharing an aquifer"),
        "{text}"
    );
    assert!(text.contains("\n\n3. *Encourages* Member States"), "{text}");
    // OP2's subparagraphs travel with it: (a) follows the new OP3.
    let op3 = text.find("3. *Encourages*").unwrap_or(usize::MAX);
    let sub_a = text.find("(a) To establish").unwrap_or(0);
    assert!(op3 < sub_a, "(a) no longer under Encourages");
    // "paragraphs 2 and 3 above" still names the same two paragraphs, renumbered.
    let refs = line_with(text, "relevant stakeholders");
    assert!(
        refs.contains("paragraphs 2 and 3 above") || refs.contains("paragraphs 3 and 2 above"),
        "{refs}"
    );
}

#[tokio::test]
async fn moves_an_operative_paragraph() {
    let name = "moves_an_operative_paragraph";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let original = std::fs::read_to_string(&draft).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.jump("OP3").await.unwrap();
    app.press(Key::Right).await.unwrap(); // inside OP3, not at its very start
    assert_op3_moved_once(&move_up(&app).await.unwrap());
    let text = move_up(&app).await.unwrap();
    assert!(
        text.contains("\n\n1. *Invites* States sharing an aquifer"),
        "{text}"
    );
    assert!(text.contains("\n\n2. *Takes note*"), "{text}");
    // "paragraphs 2 and 3 above" named Encourages (now 3) and Invites (now 1).
    let refs = line_with(&text, "relevant stakeholders");
    assert!(
        refs.contains("paragraphs 1 and 3 above") || refs.contains("paragraphs 3 and 1 above"),
        "reference not updated: {refs}"
    );
    let outline = "const t = document.querySelector('.outline-jump[data-label=\"OP1\"] .outline-text'); return !!t && t.textContent.startsWith('Invites States')";
    app.wait_true("the outline to follow", outline, 10)
        .await
        .unwrap();
    assert!(app
        .outline_text("OP3")
        .await
        .unwrap()
        .starts_with("Encourages Member States"));
    let gutter = app.gutter_labels().await.unwrap();
    assert!(gutter.iter().any(|g| g == "OP1"), "gutter {gutter:?}");
    app.screenshot("").await.unwrap();
    // Each move is one undo step: two undos give the original text back.
    app.chord(&[Key::Control], 'z').await.unwrap();
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.text().await.unwrap(), original);
    app.finish().await.unwrap();
}

/// Types at the end of OP10 (End until the end of its wrapped line) and gives the new text.
async fn type_at_end_of_op10(app: &App, words: &str) -> Result<String, Error> {
    app.jump("OP10").await?;
    for _ in 0..4 {
        app.press(Key::End).await?;
    }
    app.type_text(words).await?;
    app.text().await
}

/// Waits until the window title says the draft is saved (no "•" dirty marker).
async fn wait_saved(app: &App) -> Result<(), Error> {
    let clean = "return document.title.length > 0 && !document.title.startsWith('•')";
    app.wait_true("the draft to be saved", clean, 10).await
}

#[tokio::test]
async fn saves_and_reopens_unchanged() {
    let name = "saves_and_reopens_unchanged";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    let text = type_at_end_of_op10(&app, " Typed in the window.")
        .await
        .unwrap();
    assert!(
        text.contains("present resolution. Typed in the window.\n"),
        "{text}"
    );
    assert!(
        app.client.title().await.unwrap().starts_with('•'),
        "dirty marker"
    );
    app.chord(&[Key::Control], 's').await.unwrap();
    wait_saved(&app).await.unwrap();
    let on_disk = std::fs::read_to_string(&draft).unwrap();
    assert_eq!(on_disk, text);
    app.screenshot("-before").await.unwrap();
    app.finish().await.unwrap();

    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_eq!(app.text().await.unwrap(), on_disk);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), on_disk);
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

#[tokio::test]
async fn saves_as_through_the_native_dialog() {
    let name = "saves_as_through_the_native_dialog";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let target = draft.with_file_name("renamed-draft.md");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    let text = type_at_end_of_op10(&app, " Saved under another name.")
        .await
        .unwrap();
    app.chord(&[Key::Control, Key::Shift], 's').await.unwrap();
    let Some(filled) = fill_dialog("Save the draft as", &target, &[], &["Return"]) else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    wait_saved(&app).await.unwrap();
    let title = app.client.title().await.unwrap();
    assert!(title.contains("renamed-draft.md"), "title {title:?}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    // The original file is untouched: Save As wrote only the new one.
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        std::fs::read_to_string(resolute_e2e::workspace_root().join("assets/sample/draft.md"))
            .unwrap()
    );
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// Markup an attacker could hide in a document: each would set `window.__pwned` and the
/// title if the window ever treated it as HTML.
const IMG: &str = r#"<img src=x onerror="window.__pwned=1;document.title='pwned'">"#;
const SCRIPT: &str = "<script>window.__pwned=2;document.title='pwned'</script>";

/// Checks the payloads are shown as text in the editor (Markdown backslash escapes aside:
/// the importer escapes `<` and `_`) and in the outline, and that none of them became an
/// element or ran. In a draft, inline HTML is Markdown markup, so the parsed paragraph text
/// the outline shows drops the tags (`tags_in_outline` false) but keeps the script's text.
async fn assert_inert(app: &App, title_part: &str, tags_in_outline: bool) -> Result<(), Error> {
    let text = app.text().await?.replace('\\', "");
    assert!(
        text.contains(IMG) && text.contains(SCRIPT),
        "payloads not in the editor:\n{text}"
    );
    let shown = app
        .js("return document.querySelector('.cm-content').textContent")
        .await?;
    let shown = shown.as_str().unwrap_or_default().replace('\\', "");
    assert!(
        shown.contains(IMG) && shown.contains(SCRIPT),
        "not shown literally: {shown}"
    );
    let outline = app
        .js("return document.querySelector('.outline').textContent")
        .await?;
    let outline = outline.as_str().unwrap_or_default();
    assert!(
        outline.contains("window.__pwned=2;document.title='pwned'"),
        "outline: {outline}"
    );
    if tags_in_outline {
        // The outline shortens long paragraphs ("…"): the tag's start is enough.
        let img_start = r#"<img src=x onerror="window.__"#;
        assert!(
            outline.contains(img_start) && outline.contains(SCRIPT),
            "outline: {outline}"
        );
    }
    // Give an <img onerror> time to fire, had one been made.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let made = app
        .js(
            r#"return [...document.querySelectorAll('img, script')].filter(e =>
                e.getAttribute('src') === 'x' || e.textContent.includes('__pwned')).length
            + [...document.querySelectorAll('*')].filter(e =>
                [...e.attributes].some(a => a.value.includes('__pwned'))).length"#,
        )
        .await?;
    assert_eq!(made, 0, "an element was created from the text");
    assert_eq!(app.js("return typeof window.__pwned").await?, "undefined");
    let title = app.client.title().await?;
    assert!(
        !title.contains("pwned") && title.contains(title_part),
        "title {title:?}"
    );
    Ok(())
}

#[tokio::test]
async fn hostile_markup_in_a_draft_runs_nothing() {
    let name = "hostile_markup_in_a_draft_runs_nothing";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let hostile = draft.with_file_name("hostile.md");
    let text = format!(
        "*The General Assembly*,\n\n*Recalling* its resolution 70/1 {IMG},\n\n\
         *Noting* {SCRIPT} with concern,\n\n1. *Decides* to remain seized of the matter.\n"
    );
    std::fs::write(&hostile, &text).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&hostile))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_inert(&app, "hostile.md", false).await.unwrap();
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

#[tokio::test]
async fn hostile_markup_in_the_document_view_runs_nothing() {
    let name = "hostile_markup_in_the_document_view_runs_nothing";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    // The payloads in the masthead fields (title, a sponsor), a paragraph and a note: the
    // document view sets each as text (input values, text nodes, a tooltip).
    let quoted = |s: &str| s.replace('"', "\\\"");
    let hostile = draft.with_file_name("hostile.md");
    let text = format!(
        "---\ntitle: \"{} {}\"\nsponsors:\n  - \"{}\"\n---\n\n*The General Assembly*,\n\n\
         *Recalling* its resolution 70/1 {IMG},[^1]\n\n*Noting* {SCRIPT} with concern,\n\n\
         1. *Decides* to remain seized of the matter.\n\n[^1]: {IMG} {SCRIPT}\n",
        quoted(IMG),
        quoted(SCRIPT),
        quoted(IMG)
    );
    std::fs::write(&hostile, &text).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&hostile).in_document_view())
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for("the masthead", ".cm-doc-header .hdr-title", 10)
        .await
        .unwrap();
    let shown = app
        .js("return [document.querySelector('.hdr-title').value, document.querySelector('.hdr-sponsor').dataset.name, document.querySelector('.cm-doc-noteref').title, document.querySelector('.cm-content').textContent]")
        .await
        .unwrap();
    assert_eq!(shown[0], format!("{IMG} {SCRIPT}"));
    assert_eq!(shown[1], IMG);
    assert_eq!(shown[2], format!("{IMG} {SCRIPT}"));
    let content = shown[3].as_str().unwrap_or_default();
    assert!(
        content.contains(IMG) && content.contains(SCRIPT),
        "{content}"
    );
    // The number stays one piece though a finding underlines part of it ("1" of a lone
    // operative paragraph): numbers are drawn outside every other mark.
    let numbers = app
        .strings("return [...document.querySelectorAll('.cm-doc-num')].map(e => e.textContent)")
        .await
        .unwrap();
    assert_eq!(numbers, ["1. "]);
    // Give an <img onerror> time to fire, had one been made.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let made = app
        .js("return [...document.querySelectorAll('img, script')].filter(e => e.getAttribute('src') === 'x' || e.textContent.includes('__pwned')).length")
        .await
        .unwrap();
    assert_eq!(made, 0, "an element was created from the text");
    assert_eq!(
        app.js("return typeof window.__pwned").await.unwrap(),
        "undefined"
    );
    assert!(!app.client.title().await.unwrap().contains("pwned"));
    app.screenshot("").await.unwrap();
    // HTML on the clipboard (as from Word or a web page) is read for its text only: none of
    // its elements reaches the page, its handler never runs, its text arrives as text.
    let html = r#"<p>First <img src="x-pasted" onerror="window.__pwned=3"> paragraph</p><ol><li>Item<ol><li><img src="x-pasted" onerror="window.__pwned=4">Sub</li></ol></li></ol>"#;
    let before = app.text().await.unwrap();
    let paste = "const dt = new DataTransfer(); dt.setData('text/plain', 'First paragraph\\nItem'); dt.setData('text/html', arguments[0]);
const e = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
Object.defineProperty(e, 'clipboardData', { value: dt });
document.querySelector('.cm-content').dispatchEvent(e); return true;";
    app.js_with(paste, html).await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    assert!(
        after.contains("First paragraph") && after.contains("Sub"),
        "{after}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shown = app
        .js("return document.querySelectorAll('img[src=\"x-pasted\"]').length")
        .await
        .unwrap();
    assert_eq!(shown, 0, "an element of the pasted HTML is in the page");
    assert_eq!(
        app.js("return typeof window.__pwned").await.unwrap(),
        "undefined"
    );
    app.finish().await.unwrap();
}

#[tokio::test]
async fn hostile_markup_in_an_imported_text_runs_nothing() {
    let name = "hostile_markup_in_an_imported_text_runs_nothing";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    // A plain-text document as extracted from a PDF: imported (converted) at start-up.
    let hostile = draft.with_file_name("hostile.txt");
    let text = format!(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015 {IMG},\n\n\
         Noting {SCRIPT} with concern,\n\n1. Decides to remain seized of the matter.\n"
    );
    std::fs::write(&hostile, &text).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&hostile))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_inert(&app, "hostile", true).await.unwrap();
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// Searches the library panel for `query` and inserts the first result at the cursor;
/// gives the results panel's text as shown.
async fn insert_first_hit(app: &App, query: &str) -> Result<String, Error> {
    let before = app.text().await?;
    app.click("input.library-query").await?;
    app.chord(&[Key::Control], 'a').await?;
    app.type_text(query).await?;
    let hit = format!(
        "return [...document.querySelectorAll('.hit')].some(h => h.textContent.includes({}))",
        serde_json::json!(query)
    );
    app.wait_true("the search results", &hit, 10).await?;
    let shown = app
        .js("return document.querySelector('.library-results').textContent")
        .await?;
    app.click(".hit button.insert").await?;
    app.wait_text_change(&before, 10).await?;
    Ok(shown.as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn hostile_markup_in_library_results_runs_nothing() {
    let name = "hostile_markup_in_library_results_runs_nothing";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let hostile = draft.with_file_name("hostile.txt");
    let text = format!(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015 {IMG},\n\n\
         Noting {SCRIPT} with concern,\n\n1. Decides to remain seized of the matter.\n"
    );
    std::fs::write(&hostile, text).unwrap();
    let library = draft.with_file_name("library");
    build_library(&tools, &library, &[hostile]).unwrap();
    let launch = Launch::draft(&draft).with_library(&library);
    let app = App::launch(&tools, name, launch).await.unwrap();
    app.wait_analysis_after(0).await.unwrap();
    new_preambular_line(&app).await.unwrap();
    // The results show the adopted text as text (the highlight markup split, never parsed)…
    let shown = insert_first_hit(&app, "onerror").await.unwrap();
    assert!(shown.contains(IMG), "results: {shown}");
    // The insert button gives the editor the focus back: a new paragraph for the next one.
    app.press(Key::Enter).await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let shown = insert_first_hit(&app, "Noting").await.unwrap();
    assert!(shown.contains(SCRIPT), "results: {shown}");
    app.screenshot("").await.unwrap();
    // …and, inserted into the draft, the editor shows it literally and nothing runs.
    assert_inert(&app, "draft.md", false).await.unwrap();
    app.finish().await.unwrap();
}

/// Whether a file under `dir` (recursively) contains `needle`.
fn dir_contains(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let path = e.path();
        if path.is_dir() {
            dir_contains(&path, needle)
        } else {
            std::fs::read_to_string(&path).is_ok_and(|t| t.contains(needle))
        }
    })
}

/// Kills the app process with SIGKILL: a crash, with no chance to save or clean up.
fn crash(app: &App) {
    let tree = resolute_e2e::procs::app_tree(app.driver.pid());
    let pid = tree
        .first()
        .expect("the app process under tauri-driver")
        .pid;
    let killed = std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
}

#[tokio::test]
async fn offers_the_autosaved_text_after_a_crash() {
    let name = "offers_the_autosaved_text_after_a_crash";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let original = std::fs::read_to_string(&draft).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    let typed = type_at_end_of_op10(&app, " Typed before the crash.")
        .await
        .unwrap();
    // Autosave runs every second: at most a second of typing is at risk.
    let state = app.dir.join("state");
    for _ in 0..40 {
        if dir_contains(&state, "Typed before the crash.") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        dir_contains(&state, "Typed before the crash."),
        "no autosave in 2 s"
    );
    crash(&app);
    drop(app);
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        original,
        "the draft itself is untouched"
    );

    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    let restore = ".modal-buttons button[data-id=\"restore\"]";
    app.wait_for("the offer to restore", restore, 10)
        .await
        .unwrap();
    app.screenshot("-offer").await.unwrap();
    app.click(restore).await.unwrap();
    app.wait_text_change(&original, 10).await.unwrap();
    assert_eq!(app.text().await.unwrap(), typed);
    let title = app.client.title().await.unwrap();
    assert!(
        title.starts_with('•'),
        "restored text is unsaved: {title:?}"
    );
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

/// Started without a file: the welcome view (not an empty editor) says what an empty library
/// costs, and its "New resolution" form gives a draft with the front matter filled in, the
/// enacting formula and a paragraph of each kind — all from the keyboard-reachable buttons.
#[tokio::test]
async fn welcome_view_creates_a_new_resolution() {
    let name = "welcome_view_creates_a_new_resolution";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::default()).await.unwrap();
    app.wait_for(
        "the welcome view",
        ".welcome:not([hidden]) button[data-id=\"new-resolution\"]",
        20,
    )
    .await
    .unwrap();
    let note = app
        .js("return document.querySelector('.welcome-library')?.textContent ?? ''")
        .await
        .unwrap();
    assert!(
        note.as_str()
            .unwrap_or("")
            .contains("citations cannot be verified"),
        "no word on the empty library: {note}"
    );
    // The first choice has the focus: Enter would take it.
    let focused = app
        .js("return document.activeElement?.dataset?.id ?? ''")
        .await
        .unwrap();
    assert_eq!(focused, "new-resolution");
    app.click("button[data-id=\"new-resolution\"]")
        .await
        .unwrap();
    app.wait_for("the form", ".welcome-form select[name=\"organ\"]", 10)
        .await
        .unwrap();
    app.js("const f = document.querySelector('.welcome-form');
         f.elements.namedItem('organ').value = 'C.2';
         f.elements.namedItem('session').value = '81';
         f.elements.namedItem('agenda_item').value = '18 (b)';
         f.elements.namedItem('title').value = 'Resilience of groundwater';
         f.elements.namedItem('sponsors').value = 'Ruritania\\nTrinidad and Tobago';
         return true")
        .await
        .unwrap();
    app.click("button[data-id=\"create\"]").await.unwrap();
    app.wait_true(
        "the new draft in the editor",
        "return window.__resoluteText().includes('title: Resilience of groundwater')",
        10,
    )
    .await
    .unwrap();
    let text = app.text().await.unwrap();
    for part in [
        "session: 81",
        "agenda_item: 18 (b)",
        "sponsors: [Ruritania, Trinidad and Tobago]",
        "*The General Assembly*,",
        "*Recalling* (type the first preambular paragraph here),",
        "1. *Decides* (type the first operative paragraph here).",
    ] {
        assert!(text.contains(part), "{part:?} not in {text}");
    }
    let hidden = app
        .js("return document.querySelector('.welcome').hidden")
        .await
        .unwrap();
    assert_eq!(hidden, true, "the welcome view stayed over the draft");
    app.wait_for("gutter labels", ".cm-labels .cm-gutterElement", 10)
        .await
        .unwrap();
    // No WebDriver screenshot here: in a session started without a file, WebKitWebDriver's
    // screenshot never returns (its two-animation-frame wait hangs, though the window paints:
    // docs/img/welcome.png was taken from the X server).
    app.finish().await.unwrap();
}

/// "Apply an amendment…" from the command palette and the native Open dialog: each
/// instruction shown with its effect before anything changes; Apply one changes the draft in
/// one undo step; Apply all makes the rest.
#[tokio::test]
async fn applies_an_amendment_instruction_by_instruction() {
    let name = "applies_an_amendment_instruction_by_instruction";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let amendment = draft.with_file_name("amendment.txt");
    std::fs::write(
        &amendment,
        "Ruritania: amendment to draft resolution A/C.2/81/L.99\n\nGroundwater\n\n1.\nIn operative paragraph 1, replace “Takes note of” with “Welcomes”.\n2.\nDelete operative paragraph 10.\n",
    )
    .unwrap();
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    let original = app.text().await.unwrap();
    app.chord(&[Key::Control, Key::Shift], 'p').await.unwrap();
    app.wait_for("the command palette", ".pick-filter", 10)
        .await
        .unwrap();
    app.type_text("Apply an amendment").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let Some(filled) = fill_dialog("Open an amendment", &amendment, &["ctrl+l"], &["Return"])
    else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    app.wait_for(
        "the amendment's instructions",
        ".instructions li[data-n=\"2\"]",
        20,
    )
    .await
    .unwrap();
    // Shown, nothing changed yet: each instruction with its effect.
    assert_eq!(app.text().await.unwrap(), original);
    let effects = app
        .strings("return [...document.querySelectorAll('.instruction[data-n=\"1\"] .effect .after')].map(e => e.textContent)")
        .await
        .unwrap();
    assert!(
        effects.iter().any(|e| e.starts_with("Welcomes the report")),
        "{effects:?}"
    );
    app.screenshot("-panel").await.unwrap();
    app.click("button[data-id=\"apply-1\"]").await.unwrap();
    let one = app.wait_text_change(&original, 10).await.unwrap();
    assert!(one.contains("1. *Welcomes* the report"), "{one}");
    assert!(
        one.contains("10. *Also requests*"),
        "instruction 2 applied too early"
    );
    app.click("button[data-id=\"apply-all\"]").await.unwrap();
    let all = app.wait_text_change(&one, 10).await.unwrap();
    assert!(!all.contains("10. *Also requests*"), "{all}");
    assert!(all.contains("1. *Welcomes* the report"));
    // Close the panel; one undo takes back the last application only.
    app.click("button[data-id=\"close\"]").await.unwrap();
    app.chord(&[Key::Control], 'z').await.unwrap();
    let undone = app.wait_text_change(&all, 10).await.unwrap();
    assert_eq!(undone, one);
    app.finish().await.unwrap();
}

/// A library pack made with the command line from real corpus resolutions is opened from the
/// empty library's note (native Open dialog) and searched; the library is then exported
/// from the command palette (native Save dialog) and the command line reads that pack back
/// to the same counts.
#[tokio::test]
async fn opens_and_exports_a_library_pack() {
    let name = "opens_and_exports_a_library_pack";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let Some(source) = small_library(&tools, name, &draft) else {
        return;
    };
    let work = draft.parent().expect("work folder").to_path_buf();
    let cli = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(&tools.cli)
            .args(args)
            .output()
            .expect("resolute runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let pack = work.join("small.pack");
    cli(&[
        "library".as_ref(),
        "pack".as_ref(),
        "-o".as_ref(),
        pack.as_os_str(),
        "--library".as_ref(),
        source.as_os_str(),
    ]);
    let empty = work.join("empty-library");
    let app = App::launch(&tools, name, Launch::draft(&draft).with_library(&empty))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for(
        "the empty library's note",
        ".library button[data-id=\"open-pack\"]",
        20,
    )
    .await
    .unwrap();
    app.click(".library button[data-id=\"open-pack\"]")
        .await
        .unwrap();
    let Some(filled) = fill_dialog("Open a library pack", &pack, &["ctrl+l"], &["Return"]) else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    app.wait_true(
        "the pack's resolutions in the library",
        "const i = document.querySelector('.library-info'); return i !== null && i.textContent.startsWith('5 resolutions')",
        30,
    )
    .await
    .unwrap();
    // Searched in the window: the pack's paragraphs are there.
    app.click("input.library-query").await.unwrap();
    app.type_text("\"sustainable development\"").await.unwrap();
    app.wait_for("search results from the pack", ".library-results .hit", 20)
        .await
        .unwrap();
    app.screenshot("-opened").await.unwrap();

    // Export it again from the command palette.
    let exported = work.join("exported.pack");
    app.chord(&[Key::Control, Key::Shift], 'p').await.unwrap();
    app.wait_for("the command palette", ".pick-filter", 10)
        .await
        .unwrap();
    app.type_text("Export the library").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    fill_dialog("Export the library as a pack", &exported, &[], &["Return"])
        .expect("xdotool")
        .unwrap();
    app.wait_true(
        "the export's message",
        "const m = document.querySelector('[data-kind]'); return m !== null && m.textContent.startsWith('Library exported to')",
        30,
    )
    .await
    .unwrap();
    let copy = work.join("copy-library");
    let added = cli(&[
        "library".as_ref(),
        "add".as_ref(),
        exported.as_os_str(),
        "--library".as_ref(),
        copy.as_os_str(),
    ]);
    assert!(added.contains("adopted"), "{added}");
    let stats = |dir: &Path| {
        cli(&[
            "library".as_ref(),
            "stats".as_ref(),
            "--json".as_ref(),
            "--library".as_ref(),
            dir.as_os_str(),
        ])
    };
    assert_eq!(stats(&copy), stats(&source));
    app.finish().await.unwrap();
}

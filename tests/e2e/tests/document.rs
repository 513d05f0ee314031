//! End-to-end tests of the document view in the real app window: the draft shown without its
//! markup, Enter numbering the next operative paragraph, Tab making it a subparagraph, the
//! masthead fields writing the front matter, and the view remembered. Each saves a screenshot
//! to `target/artefacts/e2e/<test>.png`. Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test document`.

use resolute_e2e::{fresh_sample, App, Key, Launch, Tools, View};

/// The operative numbers of the text, in order.
fn numbers(text: &str) -> Vec<u32> {
    text.lines()
        .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect()
}

/// The front matter's line for `key`.
fn front(text: &str, key: &str) -> String {
    let prefix = format!("{key}:");
    text.lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_default()
        .to_string()
}

/// Waits until the draft's text satisfies `ok` (the UI applies edits asynchronously).
async fn wait_text(app: &App, what: &str, ok: impl Fn(&str) -> bool) -> String {
    for _ in 0..400 {
        let text = app.text().await.unwrap();
        if ok(&text) {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{what}: not reached; the text is\n{}", app.text().await.unwrap());
}

#[tokio::test]
async fn enter_numbers_the_next_paragraph_and_tab_makes_it_a_subparagraph() {
    let name = "enter_numbers_the_next_paragraph_and_tab_makes_it_a_subparagraph";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft).in_document_view())
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for("the masthead", ".cm-doc-header .hdr-symbol", 10)
        .await
        .unwrap();
    // No markup shown: no front matter, stars, note references or escapes in what is drawn.
    let shown = app
        .js("return document.querySelector('.cm-content').textContent")
        .await
        .unwrap();
    let shown = shown.as_str().unwrap_or_default();
    for markup in ["---", "sponsors:", "*", "[^"] {
        assert!(!shown.contains(markup), "{markup:?} shown in {shown}");
    }
    assert!(shown.contains("Recalling its resolution 70/1"), "{shown}");
    let symbol = app
        .js("return document.querySelector('.hdr-symbol').value")
        .await
        .unwrap();
    assert_eq!(symbol, "A/C.2/81/L.99");
    let italic = app
        .strings("return [...document.querySelectorAll('.cm-doc-italic')].map(e => e.textContent)")
        .await
        .unwrap();
    assert!(italic.iter().any(|t| t == "Recalling"), "{italic:?}");
    let note = app
        .js("const s = document.querySelector('.cm-doc-noteref'); return s ? [s.textContent, s.title] : null")
        .await
        .unwrap();
    assert_eq!(note[0], "1");
    assert!(note[1].as_str().unwrap_or_default().starts_with("The figures are those"), "{note}");

    // Enter at the end of OP4 starts OP5; the paragraphs after it move on. (End, twice: the
    // paragraph wraps once in this window.)
    app.jump("OP4").await.unwrap();
    app.press(Key::End).await.unwrap();
    app.press(Key::End).await.unwrap();
    let before = app.text().await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.type_text("*Urges* States to act;").await.unwrap();
    let typed = wait_text(&app, "the new paragraph", |t| t.contains("States to act;")).await;
    assert!(
        typed.contains("assessments;\n\n5. *Urges* States to act;\n\n6. *Emphasizes*"),
        "{typed}"
    );
    assert_eq!(numbers(&typed), (1..=11).collect::<Vec<_>>());
    let rev = app.analysis_rev().await.unwrap();
    app.wait_analysis_after(rev.saturating_sub(1)).await.unwrap();
    app.wait_true(
        "the gutter to say OP5 and OP11",
        "const l = [...document.querySelectorAll('.cm-labels .cm-gutterElement')].map(e => e.textContent); return l.includes('OP11')",
        10,
    )
    .await
    .unwrap();
    app.screenshot("-enter").await.unwrap();

    // Tab: the new paragraph becomes OP4's first subparagraph; the numbers close up.
    app.press(Key::Tab).await.unwrap();
    let tabbed = wait_text(&app, "the subparagraph", |t| t.contains("(a) *Urges*")).await;
    assert!(
        tabbed.contains("assessments;\n\n   (a) *Urges* States to act;\n\n5. *Emphasizes*"),
        "{tabbed}"
    );
    assert_eq!(numbers(&tabbed), (1..=10).collect::<Vec<_>>());
    app.wait_true(
        "the gutter to say OP4(a)",
        "return [...document.querySelectorAll('.cm-labels .cm-gutterElement')].some(e => e.textContent === 'OP4(a)')",
        10,
    )
    .await
    .unwrap();
    app.screenshot("").await.unwrap();
    // Each step is one undo: Ctrl+Z gives OP5 back, then the typing, then the Enter.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&tabbed, 10).await.unwrap(), typed);
    app.chord(&[Key::Control], 'z').await.unwrap();
    app.chord(&[Key::Control], 'z').await.unwrap();
    wait_text(&app, "the text before the Enter", |t| t == before).await;
    app.finish().await.unwrap();
}

#[tokio::test]
async fn the_masthead_fields_write_the_front_matter() {
    let name = "the_masthead_fields_write_the_front_matter";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft).in_document_view())
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for("the masthead", ".cm-doc-header .hdr-title", 10)
        .await
        .unwrap();
    let heading = "return document.querySelector('.hdr-session-heading').textContent";
    assert_eq!(app.js(heading).await.unwrap(), "Eighty-first session");

    // The title: typed over, Enter writes it.
    app.click(".hdr-title").await.unwrap();
    app.chord(&[Key::Control], 'a').await.unwrap();
    app.type_text("Groundwater: a shared resource").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let titled = wait_text(&app, "the new title", |t| t.contains("shared resource")).await;
    assert_eq!(front(&titled, "title"), "title: \"Groundwater: a shared resource\"");
    // The session: the masthead prints it in words.
    app.click(".hdr-session").await.unwrap();
    app.chord(&[Key::Control], 'a').await.unwrap();
    app.type_text("82").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    wait_text(&app, "the session", |t| front(t, "session") == "session: 82").await;
    app.wait_true(
        "the session in words",
        &format!("{heading} === 'Eighty-second session'"),
        10,
    )
    .await
    .unwrap();
    // A sponsor added, then one removed.
    app.click(".hdr-add-sponsor").await.unwrap();
    app.type_text("Norway").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let added = wait_text(&app, "the new sponsor", |t| t.contains("Norway")).await;
    assert_eq!(
        front(&added, "sponsors"),
        "sponsors: [Kingdom of Eastland, Republic of Westmark, Southern Isles, Norway]"
    );
    app.js("document.querySelector('.hdr-remove[data-name=\"Republic of Westmark\"]').click()")
        .await
        .unwrap();
    let removed = wait_text(&app, "the sponsor removed", |t| !t.contains("Westmark")).await;
    assert_eq!(
        front(&removed, "sponsors"),
        "sponsors: [Kingdom of Eastland, Southern Isles, Norway]"
    );
    let shown = app
        .strings("return [...document.querySelectorAll('.hdr-sponsor')].map(s => s.dataset.name)")
        .await
        .unwrap();
    assert_eq!(shown, ["Kingdom of Eastland", "Southern Isles", "Norway"]);
    // The body of the draft is untouched by all of it.
    let body = |t: &str| t.split_once("\n---\n").map(|(_, b)| b.to_string());
    let original = std::fs::read_to_string(&draft).unwrap();
    assert_eq!(body(&removed), body(&original));
    app.screenshot("").await.unwrap();
    // One undo step in the editor takes the removed sponsor back.
    app.click(".cm-content").await.unwrap();
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&removed, 10).await.unwrap(), added);
    app.finish().await.unwrap();
}

#[tokio::test]
async fn the_source_view_is_one_key_away_and_remembered() {
    let name = "the_source_view_is_one_key_away_and_remembered";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft).in_document_view())
        .await
        .unwrap();
    app.wait_for("the document view", ".cm-docview .cm-doc-header", 10)
        .await
        .unwrap();
    let text = app.text().await.unwrap();
    app.chord(&[Key::Control, Key::Shift], 'm').await.unwrap();
    app.wait_true(
        "the source view",
        "return document.body.dataset.view === 'source' && !document.querySelector('.cm-docview')",
        10,
    )
    .await
    .unwrap();
    let shown = app
        .js("return document.querySelector('.cm-content').textContent")
        .await
        .unwrap();
    assert!(shown.as_str().unwrap_or_default().contains("sponsors: [Kingdom of Eastland"));
    assert_eq!(app.text().await.unwrap(), text, "the view does not change the text");
    let settings = app.dir.join("state").join("settings.json");
    for _ in 0..400 {
        if std::fs::read_to_string(&settings).is_ok_and(|s| s.contains("\"source\"")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(std::fs::read_to_string(&settings).unwrap().contains("\"source\""));
    app.screenshot("-source").await.unwrap();
    app.finish().await.unwrap();

    // Started again: the source view, as it was left.
    let launch = Launch {
        view: View::AsSaved,
        ..Launch::draft(&draft)
    };
    let app = App::launch(&tools, name, launch).await.unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_eq!(
        app.js("return document.body.dataset.view").await.unwrap(),
        "source"
    );
    assert_eq!(
        app.js("return document.querySelector('.cm-doc-header') === null")
            .await
            .unwrap(),
        true
    );
    app.finish().await.unwrap();
}

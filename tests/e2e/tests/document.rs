//! End-to-end tests of the document view in the real app window: the draft shown without its
//! markup, Enter numbering the next operative paragraph, Tab making it a subparagraph, the
//! masthead fields writing the front matter, and the view remembered. Each saves a screenshot
//! to `target/artefacts/e2e/<test>.png`. Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test document`.

use std::path::PathBuf;

use resolute_e2e::{fresh_sample, App, Key, Launch, Tools, View};

/// The sample draft, copied for the test and opened in the document view, analysed; None
/// (after saying so) when the app is not built.
async fn open_sample(name: &str) -> Option<(PathBuf, App)> {
    let tools = Tools::find_or_skip(name)?;
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft).in_document_view())
        .await
        .expect("the app starts");
    app.wait_analysis_after(0).await.expect("a first analysis");
    Some((draft, app))
}

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
        let text = app.text().await.expect("the draft's text");
        if ok(&text) {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!(
        "{what}: not reached; the text is\n{}",
        app.text().await.expect("the draft's text")
    );
}

#[tokio::test]
async fn enter_numbers_the_next_paragraph_and_tab_makes_it_a_subparagraph() {
    let name = "enter_numbers_the_next_paragraph_and_tab_makes_it_a_subparagraph";
    let Some((_, app)) = open_sample(name).await else {
        return;
    };
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
    // The gutter's labels stand beside their paragraphs below the masthead.
    let offset = "const l = [...document.querySelectorAll('.cm-labels .cm-gutterElement')].find(e => e.textContent === 'PP1');
        const p = [...document.querySelectorAll('.cm-line')].find(e => e.textContent.startsWith('Recalling its resolution 70/1'));
        return l && p ? Math.abs(l.getBoundingClientRect().top - p.getBoundingClientRect().top) : -1";
    app.wait_true(
        "PP1's label beside PP1",
        &format!("const d = (() => {{ {offset} }})(); return d >= 0 && d < 4"),
        10,
    )
    .await
    .unwrap();
    assert!(
        note[1]
            .as_str()
            .unwrap_or_default()
            .starts_with("The figures are those"),
        "{note}"
    );

    // Enter at the end of OP4 starts OP5; the paragraphs after it move on. (End, twice: the
    // paragraph wraps once in this window.)
    app.jump("OP4").await.unwrap();
    app.press(Key::End).await.unwrap();
    app.press(Key::End).await.unwrap();
    let before = app.text().await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let entered = wait_text(&app, "the Enter", |t| t != before).await;
    assert!(
        entered.contains("assessments;\n\n5. \n\n6. *Emphasizes*"),
        "{entered}"
    );
    app.type_text("*Urges* States to act;").await.unwrap();
    let typed = wait_text(&app, "the new paragraph", |t| t.contains("States to act;")).await;
    assert!(
        typed.contains("assessments;\n\n5. *Urges* States to act;\n\n6. *Emphasizes*"),
        "{typed}"
    );
    assert_eq!(numbers(&typed), (1..=11).collect::<Vec<_>>());
    let rev = app.analysis_rev().await.unwrap();
    app.wait_analysis_after(rev.saturating_sub(1))
        .await
        .unwrap();
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
    // Each step is its own undo: Ctrl+Z gives OP5 back, then takes the typing away (in one or
    // more steps, as the editor grouped it) down to the empty OP5 the Enter made, then the Enter.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&tabbed, 10).await.unwrap(), typed);
    let mut now = typed.clone();
    for _ in 0..6 {
        app.chord(&[Key::Control], 'z').await.unwrap();
        now = app.wait_text_change(&now, 10).await.unwrap();
        assert_ne!(now, before, "the Enter was undone with the typing");
        if now == entered {
            break;
        }
    }
    assert_eq!(now, entered);
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&entered, 10).await.unwrap(), before);
    app.finish().await.unwrap();
}

#[tokio::test]
async fn the_masthead_fields_write_the_front_matter() {
    let name = "the_masthead_fields_write_the_front_matter";
    let Some((draft, app)) = open_sample(name).await else {
        return;
    };
    app.wait_for("the masthead", ".cm-doc-header .hdr-title", 10)
        .await
        .unwrap();
    let heading = "return document.querySelector('.hdr-session-heading').textContent";
    assert_eq!(app.js(heading).await.unwrap(), "Eighty-first session");
    let printed = app
        .strings("return ['.hdr-committee', '.hdr-distr'].map(c => document.querySelector(c).textContent)")
        .await
        .unwrap();
    assert_eq!(printed, ["Second Committee", "Distr.: Limited"]);

    // The title: typed over, Enter writes it.
    app.click(".hdr-title").await.unwrap();
    app.chord(&[Key::Control], 'a').await.unwrap();
    app.type_text("Groundwater: a shared resource")
        .await
        .unwrap();
    app.press(Key::Enter).await.unwrap();
    let titled = wait_text(&app, "the new title", |t| t.contains("shared resource")).await;
    assert_eq!(
        front(&titled, "title"),
        "title: \"Groundwater: a shared resource\""
    );
    // The session: the masthead prints it in words.
    app.click(".hdr-session").await.unwrap();
    app.chord(&[Key::Control], 'a').await.unwrap();
    app.type_text("82").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    wait_text(&app, "the session", |t| {
        front(t, "session") == "session: 82"
    })
    .await;
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
    // The masthead follows once the analysis of the new text arrives.
    app.wait_true(
        "the masthead to list the sponsors left",
        "return JSON.stringify([...document.querySelectorAll('.hdr-sponsor')].map(s => s.dataset.name)) === JSON.stringify(['Kingdom of Eastland', 'Southern Isles', 'Norway'])",
        10,
    )
    .await
    .unwrap();
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
    app.chord(&[Key::Control, Key::Shift], 'd').await.unwrap();
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
    assert!(shown
        .as_str()
        .unwrap_or_default()
        .contains("sponsors: [Kingdom of Eastland"));
    assert_eq!(
        app.text().await.unwrap(),
        text,
        "the view does not change the text"
    );
    let settings = app.dir.join("state").join("settings.json");
    for _ in 0..400 {
        if std::fs::read_to_string(&settings).is_ok_and(|s| s.contains("\"source\"")) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(std::fs::read_to_string(&settings)
        .unwrap()
        .contains("\"source\""));
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

/// `text` with `&`, `<` and `>` as HTML writes them.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph as Word puts it on the clipboard: the opening in italics, the list label (if
/// any) as Word's automatic number, which it marks `mso-list:Ignore`.
fn word_paragraph(label: Option<&str>, opening: Option<&str>, text: &str) -> String {
    let number = label.map_or(String::new(), |l| {
        format!("<![if !supportLists]><span style='mso-list:Ignore'>{l}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>")
    });
    let body = match opening.and_then(|o| text.strip_prefix(o).map(|rest| (o, rest))) {
        Some((o, rest)) => format!(
            "<i><span lang=EN-GB>{}</span></i><span lang=EN-GB>{}</span>",
            html_text(o),
            html_text(rest)
        ),
        None => format!("<span lang=EN-GB>{}</span>", html_text(text)),
    };
    let class = if label.is_some() {
        "MsoListParagraph"
    } else {
        "MsoNormal"
    };
    format!(
        "<p class={class} style='text-indent:.5in;mso-list:l0 level1 lfo1'>{number}{body}</p>\n"
    )
}

#[tokio::test]
async fn pastes_a_word_documents_html_with_its_italics_numbers_and_notes() {
    let name = "pastes_a_word_documents_html_with_its_italics_numbers_and_notes";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let Some(corpus) = resolute_e2e::corpus_dir() else {
        resolute_e2e::skip_corpus(name);
        return;
    };
    // A real resolution (6 preambular, 4 operative paragraphs, 3 subparagraphs, a note
    // mark), as Word would put it on the clipboard after a drafter copied it from a .docx.
    let source = corpus.join("texts/clean-paragraphs/ga-resolutions/A_RES_70_170.txt");
    let out = std::process::Command::new(&tools.cli)
        .args(["parse", "--json"])
        .arg(&source)
        .output()
        .expect("resolute parse runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let (preamble, operative) = (
        v["preamble"].as_array().unwrap(),
        v["operative"].as_array().unwrap(),
    );
    assert_eq!(
        (preamble.len(), operative.len()),
        (6, 4),
        "the corpus file changed"
    );
    let note_ref = "<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a>";
    let mut html = String::from("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta name=Generator content=\"Microsoft Word 15\"><style>p.MsoNormal {margin:0in;}</style></head><body lang=EN-US><!--StartFragment-->\n");
    let mut plain = String::new();
    let mut wanted = Vec::new();
    for p in preamble.iter().chain(operative) {
        // The clean text keeps the note's mark as a digit ("Disabilities,1 reasonable"): in
        // Word it is a footnote reference.
        let text = p["text"].as_str().unwrap();
        let (text, marked) = match text.split_once("Disabilities,1 ") {
            Some((a, b)) => (format!("{a}Disabilities, {b}"), true),
            None => (text.to_string(), false),
        };
        let label = p["number"].as_u64().map(|n| format!("{n}."));
        let mut para = word_paragraph(label.as_deref(), p["opening"].as_str(), &text);
        if marked {
            para = para.replacen("Disabilities,", &format!("Disabilities,{note_ref}"), 1);
        }
        html.push_str(&para);
        plain.push_str(&format!("{text}\n"));
        wanted.push(text);
        for s in p["sub"].as_array().unwrap() {
            let text = s["text"].as_str().unwrap();
            html.push_str(&word_paragraph(s["label"].as_str(), None, text));
            plain.push_str(&format!("{text}\n"));
            wanted.push(text.to_string());
        }
    }
    html.push_str("<!--EndFragment--><div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width=\"33%\"><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\"><span class=MsoFootnoteReference>[1]</span></a> United Nations, <i>Treaty Series</i>, vol. 2515, No. 44910.</p></div></div></body></html>");

    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft).in_document_view())
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.jump("OP1").await.unwrap();
    let before = app.text().await.unwrap();
    let paste = "const dt = new DataTransfer(); dt.setData('text/plain', arguments[0][0]); dt.setData('text/html', arguments[0][1]);
const e = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
Object.defineProperty(e, 'clipboardData', { value: dt });
document.querySelector('.cm-content').dispatchEvent(e); return true;";
    app.client
        .execute(paste, vec![serde_json::json!([plain, html])])
        .await
        .unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    app.screenshot("").await.unwrap();
    let file = resolute_e2e::work_dir(name).unwrap().join("after.md");
    std::fs::write(&file, &after).unwrap();
    let parsed = std::process::Command::new(&tools.cli)
        .args(["parse", "--json"])
        .arg(&file)
        .output()
        .expect("resolute parse runs");
    let got: serde_json::Value = serde_json::from_slice(&parsed.stdout).expect("JSON");
    let mut texts = Vec::new();
    for p in got["preamble"]
        .as_array()
        .unwrap()
        .iter()
        .chain(got["operative"].as_array().unwrap())
    {
        texts.push(p["text"].as_str().unwrap().to_string());
        for s in p["sub"].as_array().unwrap() {
            texts.push(s["text"].as_str().unwrap().to_string());
        }
    }
    // Every paragraph and subparagraph of the resolution is in the draft, word for word.
    for w in &wanted {
        assert!(texts.contains(w), "{w:?} not pasted: {after}");
    }
    // Word's italics are the openings' emphasis; its numbers run on in the draft; its
    // letters are subparagraphs; its footnote is a note of the draft.
    assert!(
        after.contains("*Noting with appreciation* the efforts"),
        "{after}"
    );
    assert!(after.contains("\n\n1. *Affirms* that"), "{after}");
    assert!(
        after.contains("\n\n4. *Further requests* the Secretary-General"),
        "{after}"
    );
    assert!(
        after.contains("\n\n5. *Takes note* of the report"),
        "{after}"
    );
    assert!(after.contains("   (c) Recommendations on how"), "{after}");
    assert!(
        after.contains("Persons with Disabilities,[^3] reasonable"),
        "{after}"
    );
    assert!(
        after.contains("[^3]: United Nations, *Treaty Series*, vol. 2515, No. 44910."),
        "{after}"
    );
    let numbers: Vec<u64> = got["operative"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["number"].as_u64())
        .collect();
    assert_eq!(numbers, (1..=14).collect::<Vec<_>>());
    // One undo step takes the paste back.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&after, 10).await.unwrap(), before);
    app.finish().await.unwrap();
}

#[tokio::test]
async fn a_new_preambular_paragraph_completes_its_opening_in_the_document_view() {
    let name = "a_new_preambular_paragraph_completes_its_opening_in_the_document_view";
    let Some((_, app)) = open_sample(name).await else {
        return;
    };
    // The end of PP8 (from the start of OP1: the blank line, then the end of PP8), Enter.
    app.jump("OP1").await.unwrap();
    app.press(Key::Left).await.unwrap();
    app.press(Key::Left).await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.type_text("Reca").await.unwrap();
    app.wait_for("the completion list", ".cm-tooltip-autocomplete li", 10)
        .await
        .unwrap();
    let labels = app
        .strings("return [...document.querySelectorAll('.cm-tooltip-autocomplete li .cm-completionLabel')].map(e => e.textContent)")
        .await
        .unwrap();
    let index = labels
        .iter()
        .position(|l| l == "Recalling")
        .expect("Recalling offered");
    for _ in 0..index {
        app.press(Key::Down).await.unwrap();
    }
    // CodeMirror ignores Enter on a completion list younger than 75 ms; a person is slower.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    // Enter takes the completion, not a new paragraph.
    app.press(Key::Enter).await.unwrap();
    let text = wait_text(&app, "the completed opening", |t| {
        t.contains("\n\n*Recalling* ")
    })
    .await;
    assert!(
        text.contains("manage groundwater,\n\n*Recalling* \n\n1. *Takes note*"),
        "{text}"
    );
    app.wait_true(
        "PP9 in the outline to read Recalling",
        "const t = document.querySelector('.outline-jump[data-label=\"PP9\"] .outline-text'); return !!t && t.textContent.startsWith('Recalling')",
        10,
    )
    .await
    .unwrap();
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

//! End-to-end tests of editing commands in the real app window: inserting an opening phrase
//! from the catalogue through its pick list, and undoing it. Each saves a screenshot to
//! `target/artefacts/e2e/<test>.png`. Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test editing`.

use resolute_e2e::{fresh_sample, App, Error, Key, Launch, Tools};

/// The cursor on an empty line between PP8 and OP1 (through the outline and the keyboard).
async fn new_preambular_line(app: &App) -> Result<(), Error> {
    app.jump("OP1").await?;
    app.press(Key::Left).await?;
    app.press(Key::Left).await?;
    app.press(Key::Enter).await?;
    app.press(Key::Enter).await
}

/// The labels of the pick list's entries as shown (without their detail).
const PICK_LABELS: &str = "return [...document.querySelectorAll('.pick-list li')].map(li => li.firstChild ? li.firstChild.textContent : '')";

#[tokio::test]
async fn inserts_a_phrase_from_the_catalogue() {
    let name = "inserts_a_phrase_from_the_catalogue";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    new_preambular_line(&app).await.unwrap();
    let before = app.text().await.unwrap();
    let cursor = before.find("\n\n\n\n1. *Takes note*").expect("OP1") + 2;
    app.chord(&[Key::Control, Key::Shift], ' ').await.unwrap();
    app.wait_for("the phrase list", ".pick-filter", 10)
        .await
        .unwrap();
    app.type_text("noting with").await.unwrap();
    let filtered = "const l = [...document.querySelectorAll('.pick-list li')]; return l.length > 0 && l.every(li => li.textContent.toLowerCase().includes('noting with'))";
    app.wait_true("the list to be filtered", filtered, 10)
        .await
        .unwrap();
    let labels = app.strings(PICK_LABELS).await.unwrap();
    let first = labels.first().cloned().unwrap_or_default();
    assert!(first.starts_with("Noting with "), "{labels:?}");
    app.screenshot("-list").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    // The phrase went in at the cursor, italic, and nothing else changed.
    let (head, tail) = before.split_at(cursor);
    assert!(after.starts_with(head) && after.ends_with(tail), "{after}");
    let inserted = &after[head.len()..after.len() - tail.len()];
    // Exactly the phrase: the Enter that picked it must not also reach the editor.
    assert_eq!(inserted, format!("*{first}* "), "for {first:?}");
    assert_eq!(
        app.js("return document.querySelector('.overlay') === null")
            .await
            .unwrap(),
        true
    );
    app.screenshot("").await.unwrap();
    // The editor has the focus back: Ctrl+Z there undoes the insertion in one step.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&after, 10).await.unwrap(), before);
    app.finish().await.unwrap();
}

/// Paragraph texts of a draft, as `resolute parse --json` reads them.
fn paragraph_texts(tools: &Tools, draft: &std::path::Path) -> Vec<(String, String)> {
    let out = std::process::Command::new(&tools.cli)
        .args(["parse", "--json"])
        .arg(draft)
        .output()
        .expect("resolute parse runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut texts = Vec::new();
    for kind in ["preamble", "operative"] {
        for p in v[kind].as_array().cloned().unwrap_or_default() {
            let number = p["number"]
                .as_u64()
                .map(|n| n.to_string())
                .unwrap_or_default();
            texts.push((number, p["text"].as_str().unwrap_or_default().to_string()));
        }
    }
    texts
}

/// Dispatches a paste of `text` on the editor, as the clipboard would deliver it.
const PASTE: &str = "const dt = new DataTransfer(); dt.setData('text/plain', arguments[0]);
const e = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
Object.defineProperty(e, 'clipboardData', { value: dt });
document.querySelector('.cm-content').dispatchEvent(e); return true;";

#[tokio::test]
async fn pastes_a_page_of_a_un_pdf_as_paragraphs() {
    let name = "pastes_a_page_of_a_un_pdf_as_paragraphs";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let Some(corpus) = resolute_e2e::corpus_dir() else {
        resolute_e2e::skip_corpus(name);
        return;
    };
    // The second page of a real resolution as its PDF gives it: the running head, lines
    // broken in the middle of sentences and words, a page number.
    let raw = std::fs::read_to_string(corpus.join("texts/raw-pdf/ga-resolutions/A_RES_78_100.txt"))
        .expect("corpus file");
    let page = raw.split("\n\n").nth(1).expect("a second page").to_string();
    let work = resolute_e2e::work_dir(name).unwrap();
    // What `resolute import` makes of the same text.
    let page_file = work.join("page.txt");
    std::fs::write(&page_file, &page).unwrap();
    let imported = work.join("page.md");
    let status = std::process::Command::new(&tools.cli)
        .args(["import", "--force"])
        .arg(&page_file)
        .arg("-o")
        .arg(&imported)
        .status()
        .expect("resolute import runs");
    assert!(status.success());
    let expected = paragraph_texts(&tools, &imported);
    assert!(expected.len() >= 3, "{expected:?}");

    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    let before_paste = paragraph_texts(&tools, &draft);
    app.jump("OP1").await.unwrap();
    let before = app.text().await.unwrap();
    app.js_with(PASTE, &page).await.unwrap();
    let after = app.wait_text_change(&before, 10).await.unwrap();
    app.screenshot("").await.unwrap();
    let pasted_file = work.join("after.md");
    std::fs::write(&pasted_file, &after).unwrap();
    let got = paragraph_texts(&tools, &pasted_file);
    // The page's paragraphs are in the draft, with the words `import` gives them, before the
    // sample's first operative paragraph; every operative number runs on.
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    for (_, text) in &expected {
        assert!(texts.contains(&text.as_str()), "{text:?} not in {texts:#?}");
    }
    assert_eq!(got.len(), before_paste.len() + expected.len());
    let numbers: Vec<String> = got
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| !n.is_empty())
        .collect();
    let want: Vec<String> = (1..=numbers.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want);
    assert!(
        !after.contains("23-24979") && !after.contains("2/3"),
        "page furniture pasted"
    );
    // One undo step takes the paste back.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&after, 10).await.unwrap(), before);
    app.finish().await.unwrap();
}

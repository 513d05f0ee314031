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

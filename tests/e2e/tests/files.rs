//! End-to-end tests of the draft as a file, in the real app window: the window manager's
//! close request (an X11 WM_DELETE_WINDOW, as a desktop's close button sends) on unsaved work
//! and the three answers to the prompt, and the recent-files list across two sessions. Each
//! saves a screenshot to `target/artefacts/e2e/<test>.png`. Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test files`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use resolute_e2e::x11::{request_close, windows_titled};
use resolute_e2e::{fresh_sample, App, Error, Key, Launch, Tools};

/// What every Resolute window title ends with (the inner web view window has none).
const TITLE_SUFFIX: &str = " — Resolute";

/// The tools and a fresh copy of the sample draft, or None (the test was skipped, loudly).
fn setup(name: &str) -> Option<(Tools, PathBuf)> {
    let tools = Tools::find_or_skip(name)?;
    let draft = fresh_sample(name).expect("sample draft copied");
    Some((tools, draft))
}

/// Types `words` at the end of OP10 (End until the end of its wrapped line).
async fn type_at_end_of_op10(app: &App, words: &str) -> Result<String, Error> {
    app.jump("OP10").await?;
    for _ in 0..4 {
        app.press(Key::End).await?;
    }
    app.type_text(words).await?;
    app.text().await
}

/// The files of the autosave folder whose text contains `needle`.
fn autosaves_with(state: &Path, needle: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(state.join("autosave")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(needle)))
        .collect()
}

/// Waits (at most 3 s: autosave runs every second) until an autosave holds `needle`.
async fn wait_autosave(state: &Path, needle: &str) -> bool {
    for _ in 0..60 {
        if !autosaves_with(state, needle).is_empty() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// The app's top-level X11 window, once its title (set through the window system, not just
/// `document.title`) satisfies `ok`; gives its id and title.
async fn app_window(ok: impl Fn(&str) -> bool) -> Result<(u32, String), Error> {
    let mut seen = Vec::new();
    for _ in 0..100 {
        seen = windows_titled(TITLE_SUFFIX)?;
        if let [(id, title)] = seen.as_slice() {
            if ok(title) {
                return Ok((*id, title.clone()));
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(Error::Tool(format!(
        "no single app window with the expected title: {seen:?}"
    )))
}

/// Whether the keyboard focus is in the editor (where the drafter's next keys must go).
const EDITOR_FOCUSED: &str =
    "return !!document.activeElement && !!document.activeElement.closest('.cm-editor')";

const PROMPT: &str = ".modal-buttons button[data-id=\"cancel\"]";

/// Sends the window manager's close request and waits for the in-window prompt.
async fn close_and_wait_prompt(app: &App, window: u32) -> Result<(), Error> {
    request_close(window)?;
    app.wait_for("the unsaved-changes prompt", PROMPT, 10)
        .await?;
    let heading = app
        .js("return document.querySelector('.modal h2').textContent")
        .await?;
    assert_eq!(heading, "Unsaved changes");
    Ok(())
}

/// Clicks a prompt button that makes the app quit. The click's own reply may be lost when
/// the window goes at once, so its result is not what counts: the process must be gone.
async fn click_and_wait_exit(app: &App, button: &str) -> Result<(), Error> {
    let css = format!(".modal-buttons button[data-id=\"{button}\"]");
    let _ = app.click(&css).await;
    app.wait_exit(10).await?;
    assert!(
        app.client.title().await.is_err(),
        "the WebDriver session outlived the app"
    );
    Ok(())
}

/// Types into the sample, checks the dirty marker in the page and in the X11 window title,
/// waits for the autosave; gives the typed text and the app's X11 window.
async fn make_dirty(app: &App, words: &str) -> Result<(String, u32), Error> {
    app.wait_analysis_after(0).await?;
    let clean = app_window(|t| t == format!("draft.md{TITLE_SUFFIX}")).await?;
    let text = type_at_end_of_op10(app, words).await?;
    let title = app.client.title().await?;
    assert!(title.starts_with("• "), "no dirty marker: {title:?}");
    let (window, _) = app_window(|t| t.starts_with("• draft.md")).await?;
    assert_eq!(window, clean.0, "the same window, retitled");
    let state = app.dir.join("state");
    assert!(wait_autosave(&state, words).await, "no autosave in 3 s");
    Ok((text, window))
}

#[tokio::test]
async fn close_prompt_cancel_then_dont_save() {
    let name = "close_prompt_cancel_then_dont_save";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let original = std::fs::read_to_string(&draft).unwrap();
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    let words = " Typed, then thrown away.";
    let (typed, window) = make_dirty(&app, words).await.unwrap();
    close_and_wait_prompt(&app, window).await.unwrap();
    app.screenshot("-prompt").await.unwrap();
    // Cancel: the prompt goes, the app and the typed text stay.
    app.click(PROMPT).await.unwrap();
    app.wait_true(
        "the prompt to go",
        "return document.querySelector('.overlay') === null",
        10,
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.running(), "Cancel closed the app");
    assert_eq!(
        app.js(EDITOR_FOCUSED).await.unwrap(),
        true,
        "focus after Cancel"
    );
    assert_eq!(app.text().await.unwrap(), typed);
    assert!(app.client.title().await.unwrap().starts_with("• "));
    app.screenshot("").await.unwrap();
    // Don't save: the app exits, the file and the autosave folder are left clean.
    close_and_wait_prompt(&app, window).await.unwrap();
    click_and_wait_exit(&app, "discard").await.unwrap();
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), original);
    let left = autosaves_with(&app.dir.join("state"), words);
    assert!(left.is_empty(), "autosave kept after Don't save: {left:?}");
    drop(app);
}

#[tokio::test]
async fn close_prompt_save() {
    let name = "close_prompt_save";
    let Some((tools, draft)) = setup(name) else {
        return;
    };
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    let words = " Typed, then saved on closing.";
    let (typed, window) = make_dirty(&app, words).await.unwrap();
    close_and_wait_prompt(&app, window).await.unwrap();
    app.screenshot("").await.unwrap();
    click_and_wait_exit(&app, "save").await.unwrap();
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), typed);
    let left = autosaves_with(&app.dir.join("state"), words);
    assert!(left.is_empty(), "autosave kept after saving: {left:?}");
    drop(app);
}

/// The pick list's entries as shown: label and detail.
const PICK_ITEMS: &str =
    "return [...document.querySelectorAll('.pick-list li')].map(li => li.textContent)";

#[tokio::test]
async fn open_recent_lists_the_draft_of_an_earlier_session() {
    let name = "open_recent_lists_the_draft_of_an_earlier_session";
    let Some((tools, sample)) = setup(name) else {
        return;
    };
    let a = sample.with_file_name("draft-a.md");
    let b = sample.with_file_name("draft-b.md");
    std::fs::rename(&sample, &a).unwrap();
    let short = "*The General Assembly*,\n\n1. *Decides* to remain seized of the matter.\n";
    std::fs::write(&b, short).unwrap();
    let a_text = std::fs::read_to_string(&a).unwrap();
    // Two sessions with the same state folder (the test's work folder): A, then B.
    let app = App::launch(&tools, name, Launch::draft(&a)).await.unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.finish().await.unwrap();
    let app = App::launch(&tools, name, Launch::draft(&b)).await.unwrap();
    app.wait_analysis_after(0).await.unwrap();
    assert_eq!(app.text().await.unwrap(), short);
    app.chord(&[Key::Control, Key::Shift], 'o').await.unwrap();
    app.wait_for("the recent files", ".pick-list li", 10)
        .await
        .unwrap();
    let items = app.strings(PICK_ITEMS).await.unwrap();
    let a_path = a.canonicalize().unwrap().display().to_string();
    let b_path = b.canonicalize().unwrap().display().to_string();
    // Most recent first: B (this session), then A.
    assert_eq!(
        items,
        vec![format!("draft-b.md{b_path}"), format!("draft-a.md{a_path}")]
    );
    // Long paths wrap inside the list; the file names stay whole.
    let fits =
        "const l = document.querySelector('.pick-list'); return l.scrollWidth <= l.clientWidth";
    assert_eq!(app.js(fits).await.unwrap(), true, "the list overflows");
    app.screenshot("-list").await.unwrap();
    app.type_text("draft-a").await.unwrap();
    app.press(Key::Enter).await.unwrap();
    app.wait_true(
        "draft A to open",
        "return document.title === 'draft-a.md — Resolute'",
        10,
    )
    .await
    .unwrap();
    assert_eq!(app.text().await.unwrap(), a_text);
    assert_eq!(
        app.js(EDITOR_FOCUSED).await.unwrap(),
        true,
        "focus after opening"
    );
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();
}

//! End-to-end test of printing (issue 14, "3. Print") in the real app window: Save as PDF
//! from the command palette, through the native Save dialog and the platform's print system
//! (WebKitGTK's print operation, GTK's Print to File printer), writes a PDF whose text is
//! the draft's. The PDF's pages are rendered to `target/artefacts/e2e/<test>-page-N.png`
//! (pdftoppm) to be looked at. Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test print`.

use std::path::Path;

use resolute_e2e::desktop::{fill_dialog, xdotool};
use resolute_e2e::{fresh_sample, App, Error, Key, Launch, Tools};

/// The letters and digits of `text` in order: what must survive printing, whatever a PDF
/// reader makes of spaces, line ends, superscripts and the rule above the notes.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The draft as UN plain text (`resolute export --to txt`): masthead, sponsors, title, the
/// paragraphs with their numbers and labels, the notes.
fn plain_text(tools: &Tools, draft: &Path) -> String {
    let out = draft.with_extension("txt");
    let status = std::process::Command::new(&tools.cli)
        .args(["export", "--to", "txt", "-o"])
        .arg(&out)
        .arg(draft)
        .status()
        .expect("resolute export runs");
    assert!(status.success(), "resolute export --to txt failed");
    std::fs::read_to_string(&out).expect("exported text")
}

/// Runs a command of the palette by its label.
async fn from_palette(app: &App, label: &str) -> Result<(), Error> {
    app.chord(&[Key::Control, Key::Shift], 'p').await?;
    app.wait_for("the command palette", ".pick-filter", 10)
        .await?;
    app.type_text(label).await?;
    app.press(Key::Enter).await
}

/// Renders each page of `pdf` to a PNG beside the screenshots, when pdftoppm is installed
/// (poppler-utils, which scripts/setup.sh installs).
fn render_pages(pdf: &Path, name: &str) {
    let prefix = resolute_e2e::artefacts().join(format!("{name}-page"));
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(&prefix)
        .status();
    if !rendered.is_ok_and(|s| s.success()) {
        eprintln!("resolute-e2e: {name}: pdftoppm not available, pages not rendered");
    }
}

#[tokio::test]
async fn saves_the_draft_as_a_pdf_whose_text_is_the_drafts() {
    let name = "saves_the_draft_as_a_pdf_whose_text_is_the_drafts";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let target = draft.with_file_name("printed.pdf");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    from_palette(&app, "Save as PDF").await.unwrap();
    let Some(filled) = fill_dialog("Save as PDF", &target, &[], &["Return"]) else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    let saved = "const m = document.querySelector('.status-message'); return !!m && m.textContent.startsWith('Saved as PDF: ')";
    app.wait_true("the PDF to be saved", saved, 60)
        .await
        .unwrap();
    let message = app
        .js("return document.querySelector('.status-message').textContent")
        .await
        .unwrap();
    assert_eq!(
        message.as_str(),
        Some(format!("Saved as PDF: {}", target.display()).as_str())
    );
    // The print view is built, and only print shows it: the window still shows the editor.
    let hidden = "const v = document.querySelector('.print-view'); return !!v && getComputedStyle(v).display === 'none' && v.querySelectorAll('p').length > 20";
    assert_eq!(app.js(hidden).await.unwrap(), true);
    app.screenshot("").await.unwrap();
    app.finish().await.unwrap();

    let bytes = std::fs::read(&target).expect("the PDF was written");
    render_pages(&target, name);
    let printed = resolute_convert::read(&bytes, "printed.pdf")
        .expect("the PDF reads back")
        .text;
    let expected = plain_text(&tools, &draft);
    // Every letter and digit of the draft's text, and nothing else, in the draft's order.
    assert_eq!(
        letters(&printed),
        letters(&expected),
        "printed:\n{printed}\n\nexpected:\n{expected}"
    );
    // The masthead, sponsors line, title and a note as printed (the PDF reader puts spaces
    // and line ends where the glyphs are kerned apart or wrap: compare without them).
    let solid = |t: &str| t.split_whitespace().collect::<String>();
    for part in [
        "A/C.2/81/L.99",
        "General Assembly",
        "Kingdom of Eastland, Republic of Westmark and Southern Isles: draft resolution",
        "Resilience of groundwater and shared aquifers for sustainable development",
        "2 To be issued as a document of the eighty-first session of the General Assembly.",
    ] {
        assert!(
            solid(&printed).contains(&solid(part)),
            "{part:?} not in\n{printed}"
        );
    }
    // No Markdown: no stars around openings, no footnote syntax, no front matter.
    for markup in ["*", "[^", "sponsors:", "---"] {
        assert!(!printed.contains(markup), "{markup:?} in\n{printed}");
    }
}

/// The whole X screen (the native print dialog is outside the web view's screenshot) to
/// `target/artefacts/e2e/<name>.png`, when ImageMagick's `import` is installed.
fn screen_shot(name: &str) {
    let png = resolute_e2e::artefacts().join(format!("{name}.png"));
    let taken = std::process::Command::new("import")
        .args(["-window", "root"])
        .arg(&png)
        .status();
    if !taken.is_ok_and(|s| s.success()) {
        eprintln!("resolute-e2e: {name}: import (ImageMagick) not available, no screenshot");
    }
}

/// Waits until no visible window is named `title` (xdotool finds none).
async fn wait_gone(title: &str) {
    let start = std::time::Instant::now();
    loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", title]).expect("xdotool");
        if found.is_err() || found.is_ok_and(|ids| ids.is_empty()) {
            return;
        }
        assert!(
            start.elapsed() < resolute_e2e::patience(10),
            "{title} still open"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Ctrl+P opens GTK's print dialog over the window (its printers, "Print to File"); Escape
/// cancels it, and the window goes on working with nothing reported.
#[tokio::test]
async fn ctrl_p_opens_the_print_dialog_and_escape_cancels_it() {
    let name = "ctrl_p_opens_the_print_dialog_and_escape_cancels_it";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let draft = fresh_sample(name).expect("sample draft copied");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.chord(&[Key::Control], 'p').await.unwrap();
    let Some(found) = xdotool(&["search", "--sync", "--onlyvisible", "--name", "^Print$"]) else {
        resolute_e2e::skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    let dialog = found.unwrap();
    let dialog = dialog.lines().last().unwrap_or_default().to_string();
    assert!(!dialog.is_empty(), "no print dialog");
    screen_shot(&format!("{name}-dialog"));
    for step in [
        vec!["windowfocus", "--sync", &dialog],
        vec!["key", "Escape"],
    ] {
        xdotool(&step).expect("xdotool").unwrap();
    }
    // Cancelled: the dialog goes away, and the window answers with no error shown.
    wait_gone("^Print$").await;
    app.wait_true(
        "the print command to answer",
        "return document.body.dataset.printing === undefined",
        10,
    )
    .await
    .unwrap();
    let error = "const m = document.querySelector('.status-message'); return !!m && m.dataset.kind === 'error'";
    assert_eq!(app.js(error).await.unwrap(), false);
    let built = "return document.querySelectorAll('.print-view .pv-operative').length";
    assert_eq!(app.js(built).await.unwrap(), 10);
    app.finish().await.unwrap();
}

//! End-to-end tests of the negotiation layer in the real app window: a bracketed round opens
//! with its negotiation panel; the keyboard goes from bracket to bracket, keeps an
//! alternative, marks a paragraph agreed ad ref; the panel's counts and the gutter follow;
//! undo restores both; compared with a previous round (a real Second Committee compilation),
//! the panel says what moved as the round is edited. Screenshots in `target/artefacts/e2e/`.
//! Run under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x1024x24" cargo test -p resolute-e2e --test negotiation`.

use resolute_e2e::desktop::fill_dialog;
use resolute_e2e::{corpus_dir, skip, skip_corpus, work_dir, App, Error, Key, Launch, Tools};

/// A round of informals, written for this test.
const ROUND: &str = "---\nbody: General Assembly\nstage: informals\n---\n\n\
*The General Assembly*,\n\n\
*Recalling* [its][the] resolution 70/1 of 25 September 2015,\n\n\
{PP1 bis} *Noting* [with concern]{G77; delete: US} the report [of the Secretary-General],\n\n\
1. *Decides* that Parties [shall]{G77} [should]{EU, US} act [by X date];\n\n\
{1 bis} *Requests* [a report [on progress]] {Note: from the facilitators};\n\n\
2. {agreed ad ref} *Decides* to remain seized of the matter.\n";

/// The value of one count in the negotiation panel.
async fn total(app: &App, name: &str) -> Result<String, Error> {
    let script = format!(
        "const d = document.querySelector('.negotiation [data-total=\"{name}\"]'); return d ? d.textContent : ''"
    );
    Ok(app.js(&script).await?.as_str().unwrap_or("").to_string())
}

async fn wait_total(app: &App, name: &str, want: &str) -> Result<(), Error> {
    let script = format!(
        "const d = document.querySelector('.negotiation [data-total=\"{name}\"]'); return d !== null && d.textContent === '{want}'"
    );
    app.wait_true(&format!("{name} = {want} in the panel"), &script, 15)
        .await
}

#[tokio::test]
async fn keeps_an_alternative_marks_agreed_and_undoes() {
    let name = "negotiation_keeps_an_alternative_marks_agreed_and_undoes";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let dir = work_dir(name).expect("work folder");
    let draft = dir.join("round.md");
    std::fs::write(&draft, ROUND).expect("round written");
    let app = App::launch(&tools, name, Launch::draft(&draft))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_true(
        "the negotiation panel",
        "const n = document.querySelector('.negotiation'); return n !== null && !n.hidden",
        15,
    )
    .await
    .unwrap();
    wait_total(&app, "agreed ad ref", "1").await.unwrap();
    assert_eq!(total(&app, "alternatives").await.unwrap(), "2");
    assert_eq!(total(&app, "placeholders").await.unwrap(), "1");
    let gutter = app.gutter_labels().await.unwrap();
    assert!(gutter.iter().any(|l| l == "PP1 bis"), "{gutter:?}");
    assert!(gutter.iter().any(|l| l == "OP2 ✓"), "{gutter:?}");
    app.screenshot("-opened").await.unwrap();

    // OP1: to its first bracket, then the next one ("[should]"), and keep it.
    app.jump("OP1").await.unwrap();
    app.chord(&[Key::Control], ']').await.unwrap();
    app.chord(&[Key::Control], ']').await.unwrap();
    let original = app.text().await.unwrap();
    let rev = app.analysis_rev().await.unwrap();
    app.chord(&[Key::Control, Key::Alt], 'k').await.unwrap();
    let kept = app.wait_text_change(&original, 15).await.unwrap();
    assert!(
        kept.contains("1. *Decides* that Parties should act [by X date];"),
        "{kept}"
    );
    app.wait_analysis_after(rev).await.unwrap();
    wait_total(&app, "alternatives", "1").await.unwrap();

    // The same paragraph agreed ad ref: the status goes after its number.
    app.chord(&[Key::Control, Key::Alt], 'a').await.unwrap();
    let agreed = app.wait_text_change(&kept, 15).await.unwrap();
    assert!(agreed.contains("1. {agreed ad ref} *Decides*"), "{agreed}");
    wait_total(&app, "agreed ad ref", "2").await.unwrap();
    app.wait_true(
        "OP1 ✓ in the gutter",
        "return [...document.querySelectorAll('.cm-labels .cm-gutterElement')].some(e => e.textContent === 'OP1 ✓')",
        15,
    )
    .await
    .unwrap();
    app.screenshot("").await.unwrap();

    // Two undo steps give the round back, and the panel follows.
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&agreed, 15).await.unwrap(), kept);
    app.chord(&[Key::Control], 'z').await.unwrap();
    assert_eq!(app.wait_text_change(&kept, 15).await.unwrap(), original);
    wait_total(&app, "alternatives", "2").await.unwrap();
    wait_total(&app, "agreed ad ref", "1").await.unwrap();
    app.finish().await.unwrap();
}

/// One figure of the "Since …" part of the panel.
async fn wait_since(app: &App, name: &str, want: &str) -> Result<(), Error> {
    let script = format!(
        "const d = document.querySelector('.negotiation [data-since=\\\"{name}\\\"]'); return d !== null && d.textContent === '{want}'"
    );
    app.wait_true(
        &format!("{name} = {want} since the previous round"),
        &script,
        20,
    )
    .await
}

/// A real round: the facilitator's draft and the adopted text of A/C.2/80/L.2 compiled as
/// proposals on the sponsor's draft with the command line. Compared with itself nothing
/// moved; keeping the first alternative of OP1 closes its brackets and settles its group, and
/// the panel's row for OP1 puts the cursor on OP1.
#[tokio::test]
async fn compares_with_a_previous_round() {
    let name = "negotiation_compares_with_a_previous_round";
    let Some(tools) = Tools::find_or_skip(name) else {
        return;
    };
    let Some(corpus) = corpus_dir() else {
        skip_corpus(name);
        return;
    };
    let dir = work_dir(name).expect("work folder");
    let texts = corpus.join("texts/raw-pdf");
    let round = dir.join("round.md");
    let from = |who: &str, file: &str| format!("{who}={}", texts.join(file).display());
    let out = std::process::Command::new(&tools.cli)
        .arg("compile")
        .arg(texts.join("ga-l-documents/A_C.2_80_L.2.txt"))
        .args([
            "--from",
            &from("Facilitator", "ga-l-documents/A_C.2_80_L.43.txt"),
        ])
        .args([
            "--from",
            &from("Adopted", "ga-resolutions/A_RES_80_146.txt"),
        ])
        .arg("-o")
        .arg(&round)
        .output()
        .expect("resolute compile runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let previous = dir.join("previous-round.md");
    std::fs::copy(&round, &previous).expect("previous round copied");

    let app = App::launch(&tools, name, Launch::draft(&round))
        .await
        .unwrap();
    app.wait_analysis_after(0).await.unwrap();
    app.wait_for(
        "the negotiation panel",
        ".negotiation button.compare-round",
        20,
    )
    .await
    .unwrap();
    app.click(".negotiation button.compare-round")
        .await
        .unwrap();
    let Some(filled) = fill_dialog(
        "Open the previous round",
        &previous,
        &["ctrl+l"],
        &["Return"],
    ) else {
        skip(name, "xdotool not found (apt-get install xdotool)");
        return;
    };
    filled.unwrap();
    wait_since(&app, "closed", "0").await.unwrap();
    wait_since(&app, "settled", "0").await.unwrap();
    app.wait_for("nothing moved", ".negotiation .since-title", 5)
        .await
        .unwrap();

    // OP1's first bracket ("[*Expresses deep concern*]", the sponsor's words) kept.
    app.jump("OP1").await.unwrap();
    app.chord(&[Key::Control], ']').await.unwrap();
    let original = app.text().await.unwrap();
    app.chord(&[Key::Control, Key::Alt], 'k').await.unwrap();
    let kept = app.wait_text_change(&original, 15).await.unwrap();
    assert!(kept.contains("1. *Expresses deep concern* that"), "{kept}");
    wait_since(&app, "closed", "2").await.unwrap();
    wait_since(&app, "settled", "1").await.unwrap();
    app.wait_for(
        "OP1's row",
        ".negotiation .since-list [data-round=\"OP1\"]",
        10,
    )
    .await
    .unwrap();
    app.screenshot("").await.unwrap();

    // The row takes the cursor to OP1.
    app.jump("OP5").await.unwrap();
    app.click(".negotiation .since-list [data-round=\"OP1\"]")
        .await
        .unwrap();
    app.wait_true(
        "the cursor on OP1",
        "const s = document.getSelection(); const n = s && s.anchorNode; const e = n && (n.nodeType === 1 ? n : n.parentElement); const line = e && e.closest('.cm-line'); return line !== null && line.textContent.startsWith('1. ')",
        10,
    )
    .await
    .unwrap();
    app.finish().await.unwrap();
}

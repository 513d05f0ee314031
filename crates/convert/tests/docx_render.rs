//! The DOCX export as a person sees it: the sample draft written as Word, printed to PDF by
//! LibreOffice and rendered to PNG by pdftoppm, under target/artefacts/docx-render/ (look
//! at the pages; docs/img/docx-export.png is the first). What can be asserted from the
//! PDF's text is asserted. Skips, saying so, when soffice or pdftoppm is not installed.

use resolute_convert::docx::write;
use resolute_draft::parse_markdown;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn tool_missing(name: &str) -> bool {
    Command::new(name)
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
}

fn run(cmd: &mut Command) -> bool {
    cmd.stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// target/artefacts/docx-render/ of the workspace (emptied first).
fn artefacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/artefacts/docx-render");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// soffice prints `docx` to PDF in `dir`, with a private profile so parallel runs do not
/// share (and lock) one.
fn print_pdf(dir: &Path, docx: &Path) -> bool {
    let profile = std::env::temp_dir().join(format!("resolute-render-{}", std::process::id()));
    let ok = run(Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx));
    let _ = std::fs::remove_dir_all(&profile);
    ok
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sample_export_prints_in_the_un_layout() {
    if tool_missing("soffice") || tool_missing("pdftoppm") || tool_missing("pdftotext") {
        resolute_testkit::skip(
            "soffice (LibreOffice) or pdftoppm/pdftotext (poppler-utils) not installed",
        );
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let source = std::fs::read_to_string(root.join("assets/sample/draft.md")).unwrap();
    let draft = parse_markdown(&source).unwrap();
    let dir = artefacts();
    let docx = dir.join("sample.docx");
    std::fs::write(&docx, write(&draft).unwrap()).unwrap();
    assert!(
        print_pdf(&dir, &docx),
        "soffice could not print {}",
        docx.display()
    );
    let pdf = dir.join("sample.pdf");
    assert!(run(Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&pdf)
        .arg(dir.join("page"))));
    let pages = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
        .count();
    assert!(pages >= 1, "no page rendered");
    println!("docx render: {pages} page(s) in {}", dir.display());
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("A/C.2/81/L.99"), "{text}");
    assert!(
        flat.contains("Resilience of groundwater and shared aquifers"),
        "{text}"
    );
    assert!(flat.contains("The General Assembly,"));
    for n in ["1.", "2.", "10."] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(n)),
            "{n} in {text}"
        );
    }
    assert!(text.lines().any(|l| l.trim_start().starts_with("(a)")));
    // Both footnotes are printed (at the foot of their page, after the text).
    for note in &draft.footnotes {
        let at = flat
            .find(&note.text)
            .unwrap_or_else(|| panic!("{} in {flat}", note.text));
        assert!(at > flat.find("Takes note").unwrap());
    }
}

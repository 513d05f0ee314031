//! Printing the draft as the UN would issue it. The app renders the layout of the DOCX
//! export ([`resolute_convert::docx::layout`], the same walk over the draft, so print and
//! Word agree) for `@media print`; the platform's print system prints the window to a
//! printer or to a PDF file, which [`keep_pdf`] then puts in place atomically.

use std::path::{Path, PathBuf};

use resolute_convert::docx::Layout;
pub use resolute_convert::docx::Page;
use serde::Serialize;

use crate::{write_atomic, Error};

/// The printed page: the page of the DOCX export.
pub const PRINT_PAGE: Page = resolute_convert::docx::PAGE;

/// What the window prints: the draft laid out, on the page of the DOCX export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintDocument {
    /// Page size and margins, in twips (1/1440 inch).
    pub page: Page,
    /// Paragraphs and notes.
    #[serde(flatten)]
    pub layout: Layout,
}

/// The editor's text laid out for print. Fails, as `fmt` does, on a draft whose front
/// matter cannot be read.
pub fn print_document(text: &str) -> Result<PrintDocument, Error> {
    let draft = resolute_draft::parse_markdown(text).map_err(|source| Error::Format {
        path: PathBuf::from("draft"),
        source,
    })?;
    Ok(PrintDocument {
        page: PRINT_PAGE,
        layout: resolute_convert::docx::layout(&draft),
    })
}

/// The name a Save as PDF dialog suggests for the draft `name`: "draft.md" -> "draft.pdf".
pub fn pdf_name(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map_or_else(|| "draft".into(), |s| s.to_string_lossy());
    format!("{stem}.pdf")
}

/// The file a PDF is written to for the path a dialog gave: ".pdf" added when the user
/// typed another extension or none. The dialog asked about replacing the name it was given,
/// not the one with ".pdf" added: an existing file of that name is refused, never replaced.
pub fn pdf_target(picked: &Path) -> Result<PathBuf, Error> {
    let is_pdf = picked
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf {
        return Ok(picked.to_path_buf());
    }
    let mut name = picked.as_os_str().to_os_string();
    name.push(".pdf");
    let target = PathBuf::from(name);
    if target.exists() {
        return Err(Error::UnsafeRewrite {
            path: target,
            reason:
                "a file of that name exists and was not the one chosen (choose it to replace it)"
                    .into(),
        });
    }
    Ok(target)
}

/// A fresh path in the temporary folder for the print system to write to: the target is
/// only replaced once a whole PDF exists ([`keep_pdf`]).
pub fn print_scratch() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("resolute-print-{}-{nanos}.pdf", std::process::id()))
}

/// Puts the PDF the print system wrote at `printed` in place at `target` (atomically: a
/// temporary file in the target's folder, fsync, rename) and removes `printed`. Errors
/// name `target`; on an error the target is left as it was.
pub fn keep_pdf(printed: &Path, target: &Path) -> Result<(), Error> {
    let bytes = std::fs::read(printed);
    // Best effort: a scratch file left behind is in the temporary folder.
    let _ = std::fs::remove_file(printed);
    let bytes = bytes.map_err(|source| Error::Io {
        path: target.to_path_buf(),
        action: "printing wrote no PDF",
        source,
    })?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(Error::Convert {
            path: target.to_path_buf(),
            reason: "the print system did not write a PDF".into(),
        });
    }
    write_atomic(target, &bytes).map_err(|source| Error::Io {
        path: target.to_path_buf(),
        action: "cannot write",
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_draft_prints_in_the_layout_of_the_docx_export() {
        let doc = print_document(super::super::SAMPLE_DRAFT).unwrap();
        let draft = resolute_draft::parse_markdown(super::super::SAMPLE_DRAFT).unwrap_or_default();
        assert_eq!(doc.layout, resolute_convert::docx::layout(&draft));
        assert_eq!(doc.page.width, 12_240);
        let json = serde_json::to_value(&doc).unwrap_or_default();
        let first = &json["blocks"][0];
        assert_eq!(first["style"], "Symbol", "{json}");
        assert!(json["notes"].as_array().is_some_and(|n| !n.is_empty()));
        assert!(json["page"]["left"].is_u64());
    }

    #[test]
    fn unreadable_front_matter_is_a_format_error() {
        let err = print_document("---\nsponsors: [unclosed\n---\n\nText.\n");
        assert_eq!(err.map_err(|e| e.code()), Err("format"));
    }

    #[test]
    fn pdf_names_and_targets() {
        assert_eq!(pdf_name("A_RES_78_1.md"), "A_RES_78_1.pdf");
        assert_eq!(pdf_name(""), "draft.pdf");
        let target = |p: &str| pdf_target(Path::new(p)).unwrap_or_default();
        assert_eq!(target("/d/x.PDF"), Path::new("/d/x.PDF"));
        assert_eq!(target("/d/x.md"), Path::new("/d/x.md.pdf"));
        assert_eq!(target("/d/x"), Path::new("/d/x.pdf"));
    }

    #[test]
    fn a_pdf_the_dialog_did_not_ask_about_is_never_replaced() {
        let dir = super::super::testutil::TempDir::new("pdf-target");
        let existing = dir.path().join("report.pdf");
        std::fs::write(&existing, b"%PDF-1.5 kept").unwrap_or_default();
        // Typed "report": the dialog asked about "report", which does not exist.
        let refused = pdf_target(&dir.path().join("report"));
        assert_eq!(refused.map_err(|e| e.code()), Err("unsafe_rewrite"));
        // Chosen "report.pdf" itself: the dialog asked, the user said replace.
        assert_eq!(pdf_target(&existing).unwrap_or_default(), existing);
    }

    #[test]
    fn keeping_a_pdf_replaces_the_target_and_removes_the_scratch_file() {
        let dir = super::super::testutil::TempDir::new("keep-pdf");
        let (printed, target) = (dir.path().join("scratch.pdf"), dir.path().join("out.pdf"));
        std::fs::write(&printed, b"%PDF-1.5 body").unwrap_or_default();
        std::fs::write(&target, b"old").unwrap_or_default();
        assert!(keep_pdf(&printed, &target).is_ok());
        assert_eq!(std::fs::read(&target).unwrap_or_default(), b"%PDF-1.5 body");
        assert!(!printed.exists());
    }

    #[test]
    fn no_pdf_or_not_a_pdf_leaves_the_target_and_names_it() {
        let dir = super::super::testutil::TempDir::new("keep-pdf-fails");
        let (printed, target) = (dir.path().join("scratch.pdf"), dir.path().join("out.pdf"));
        std::fs::write(&target, b"old").unwrap_or_default();
        let missing = keep_pdf(&printed, &target).map_err(|e| e.message());
        assert!(missing.is_err_and(|m| m.contains("out.pdf") && m.contains("no PDF")));
        std::fs::write(&printed, b"<html>").unwrap_or_default();
        let wrong = keep_pdf(&printed, &target).map_err(|e| e.code());
        assert_eq!(wrong, Err("convert"));
        assert_eq!(std::fs::read(&target).unwrap_or_default(), b"old");
    }
}

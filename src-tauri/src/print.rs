//! Printing the draft as the UN would issue it. The web view holds a print view that only
//! `@media print` shows (ui/src/print.ts builds it from [`app::print_document`], the layout of
//! the DOCX export); these commands print the web view. On Linux through WebKitGTK's print
//! operation: GTK's print dialog (printers and "Print to File"), or no dialog at all for
//! Save as PDF (GTK's "Print to File" printer, then [`app::keep_pdf`]). Elsewhere the web
//! view prints itself with `window.print()` (the system dialog offers PDF there).

use std::path::{Path, PathBuf};

use resolute::app::{self, PrintDocument};
use tauri::{State, WebviewWindow};

use crate::{AppState, CmdResult};

/// The editor's text laid out for print.
#[tauri::command]
pub fn print_document(text: String) -> CmdResult<PrintDocument> {
    app::print_document(&text).map_err(|e| e.body())
}

/// Whether these commands print here; when not, the web view calls `window.print()`.
#[tauri::command]
pub fn print_native() -> bool {
    cfg!(target_os = "linux")
}

/// GTK's print dialog for the window; true when the user printed, false when cancelled.
#[tauri::command]
pub async fn print_dialog(window: WebviewWindow) -> CmdResult<bool> {
    native::dialog(&window)
        .await
        .map_err(|m| failed(Path::new("the draft"), m))
}

/// Asks where to save (the draft's name with .pdf), prints the window to that PDF file and
/// returns its path; None when cancelled.
#[tauri::command]
pub async fn print_pdf_dialog(
    state: State<'_, AppState>,
    window: WebviewWindow,
    name: String,
    previous: Option<PathBuf>,
) -> CmdResult<Option<PathBuf>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Save as PDF")
        .set_directory(state.dialog_folder(previous.as_deref()))
        .set_file_name(app::pdf_name(&name))
        .add_filter("PDF documents", &["pdf"])
        .set_parent(&window)
        .save_file()
        .await;
    match picked {
        Some(file) => save_pdf(&window, file.path()).await.map(Some),
        None => Ok(None),
    }
}

/// Prints the window to a PDF for the path the dialog gave (".pdf" added when missing).
async fn save_pdf(window: &WebviewWindow, picked: &Path) -> CmdResult<PathBuf> {
    let target = app::pdf_target(picked).map_err(|e| e.body())?;
    let scratch = app::print_scratch();
    if let Err(m) = native::to_pdf(window, &scratch).await {
        let _ = std::fs::remove_file(&scratch); // whatever the print system left
        return Err(failed(&target, m));
    }
    app::keep_pdf(&scratch, &target).map_err(|e| e.body())?;
    Ok(target)
}

/// A failure of the platform's print system, naming what was being printed.
fn failed(what: &Path, reason: String) -> resolute::ErrorBody {
    resolute::ErrorBody {
        code: "print",
        message: format!("{}: cannot print: {reason}", what.display()),
    }
}

#[cfg(target_os = "linux")]
mod native {
    use std::path::Path;
    use std::sync::mpsc;
    use std::time::Duration;

    use gtk::prelude::*;
    use gtk::{PageSetup, PaperSize, PrintSettings, Unit};
    use tauri::WebviewWindow;
    use webkit2gtk::{PrintOperation, PrintOperationExt, PrintOperationResponse};

    /// GTK's printer that writes a file instead of printing (libprintbackend-file).
    const FILE_PRINTER: &str = "Print to File";

    /// How long a print job may take before the command gives up waiting.
    const PATIENCE: Duration = Duration::from_secs(300);

    type Answer<T> = mpsc::Sender<Result<T, String>>;

    /// Prints the web view to the PDF file `path`, without a dialog; returns once the
    /// print operation finished (or failed).
    pub(super) async fn to_pdf(window: &WebviewWindow, path: &Path) -> Result<(), String> {
        let uri = gtk::glib::filename_to_uri(path, None).map_err(|e| e.to_string())?;
        let (tx, rx) = mpsc::channel();
        window
            .with_webview(move |webview| {
                let op = PrintOperation::new(&webview.inner());
                op.set_page_setup(&page_setup());
                op.set_print_settings(&file_settings(&uri));
                report(&op, tx);
                op.print();
            })
            .map_err(|e| e.to_string())?;
        wait(rx).await
    }

    /// Runs GTK's print dialog over the window; true when the user chose to print.
    pub(super) async fn dialog(window: &WebviewWindow) -> Result<bool, String> {
        let (tx, rx): (Answer<bool>, _) = mpsc::channel();
        window
            .with_webview(move |webview| {
                let view = webview.inner();
                let op = PrintOperation::new(&view);
                op.set_page_setup(&page_setup());
                let parent = view
                    .toplevel()
                    .and_then(|t| t.downcast::<gtk::Window>().ok());
                let printed = op.run_dialog(parent.as_ref()) == PrintOperationResponse::Print;
                let _ = tx.send(Ok(printed));
            })
            .map_err(|e| e.to_string())?;
        wait(rx).await
    }

    /// Sends the outcome of `op` once: "failed" comes before "finished" when it fails.
    fn report(op: &PrintOperation, tx: Answer<()>) {
        let on_failure = tx.clone();
        op.connect_failed(move |_, e| {
            let _ = on_failure.send(Err(e.to_string()));
        });
        op.connect_finished(move |_| {
            let _ = tx.send(Ok(()));
        });
    }

    async fn wait<T: Send + 'static>(rx: mpsc::Receiver<Result<T, String>>) -> Result<T, String> {
        tauri::async_runtime::spawn_blocking(move || rx.recv_timeout(PATIENCE))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|_| "the print system did not finish".to_string())?
    }

    /// The "Print to File" printer writing a PDF at `uri`.
    fn file_settings(uri: &str) -> PrintSettings {
        let settings = PrintSettings::new();
        settings.set_printer(FILE_PRINTER);
        settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
        settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(uri));
        settings
    }

    /// The page of the DOCX export: its paper (the standard size of those dimensions, so a
    /// printer knows it) and its margins.
    fn page_setup() -> PageSetup {
        let page = resolute::app::PRINT_PAGE;
        let points = |twips: u32| f64::from(twips) / 20.0;
        let (width, height) = (points(page.width), points(page.height));
        let same = |s: &PaperSize| {
            (s.width(Unit::Points) - width).abs() < 2.0
                && (s.height(Unit::Points) - height).abs() < 2.0
        };
        let paper = PaperSize::paper_sizes(false)
            .into_iter()
            .find(same)
            .unwrap_or_else(|| {
                PaperSize::new_custom("resolute", "UN", width, height, Unit::Points)
            });
        let setup = PageSetup::new();
        setup.set_paper_size(&paper);
        setup.set_top_margin(points(page.top), Unit::Points);
        setup.set_right_margin(points(page.right), Unit::Points);
        setup.set_bottom_margin(points(page.bottom), Unit::Points);
        setup.set_left_margin(points(page.left), Unit::Points);
        setup
    }
}

#[cfg(not(target_os = "linux"))]
mod native {
    use std::path::Path;

    use tauri::WebviewWindow;

    const ELSEWHERE: &str = "this system prints through the window's own print dialog";

    pub(super) async fn to_pdf(_: &WebviewWindow, _: &Path) -> Result<(), String> {
        Err(ELSEWHERE.into())
    }

    pub(super) async fn dialog(_: &WebviewWindow) -> Result<bool, String> {
        Err(ELSEWHERE.into())
    }
}

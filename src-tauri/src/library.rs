//! Library commands: search, precedent, citation cards, importing a folder with progress,
//! and library packs (open one into the library, export the library as one).

use std::path::Path;

use resolute::app::{self, CitationCard, ResolutionText};
use resolute::library::{
    ImportSummary, Library, PackAdded, PackSummary, Precedents, Progress, SearchRequest,
    SearchResults, Stats, YearUsage,
};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::files::pick_file;
use crate::{AppState, CmdResult};

/// Runs `f` on the open library; `no-library` when none is open.
fn with_library<T>(
    state: &AppState,
    f: impl FnOnce(&Library) -> Result<T, resolute::library::LibraryError>,
) -> CmdResult<T> {
    let guard = state.library();
    let library = guard.as_ref().ok_or_else(|| resolute::ErrorBody {
        code: "no-library",
        message: format!(
            "no library in {}: import a folder of resolutions first",
            state.library_dir.display()
        ),
    })?;
    f(library).map_err(|source| {
        let path = state.library_dir.clone();
        resolute::Error::Library { path, source }.body()
    })
}

/// What the open library holds, or None when there is no library yet.
#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> CmdResult<Option<Stats>> {
    if state.library().is_none() {
        return Ok(None);
    }
    with_library(&state, Library::stats).map(Some)
}

/// Search with filters (organ, years, paragraph kind).
#[tauri::command]
pub fn search(state: State<'_, AppState>, request: SearchRequest) -> CmdResult<SearchResults> {
    with_library(&state, |l| l.search(&request))
}

/// Resolutions (and paragraphs) matching a search per organ and year, for the chart beside
/// its results (`request.limit` is not used).
#[tauri::command]
pub fn usage_by_year(
    state: State<'_, AppState>,
    request: SearchRequest,
) -> CmdResult<Vec<YearUsage>> {
    with_library(&state, |l| l.usage_by_year(&request))
}

/// Adopted paragraphs closest to `text`, with word-level differences.
#[tauri::command]
pub fn precedent(state: State<'_, AppState>, text: String, limit: usize) -> CmdResult<Precedents> {
    with_library(&state, |l| l.precedent(&text, limit))
}

/// Title, date and organ of a cited resolution, for the hover card.
#[tauri::command]
pub fn citation_card(state: State<'_, AppState>, key: String) -> Option<CitationCard> {
    state
        .library()
        .as_ref()
        .and_then(|l| app::citation_card(l, &key))
}

/// The text of a cited resolution, paragraph by paragraph.
#[tauri::command]
pub fn resolution_text(
    state: State<'_, AppState>,
    key: String,
) -> CmdResult<Option<ResolutionText>> {
    let guard = state.library();
    match guard.as_ref() {
        Some(l) => app::resolution_text(l, &key).map_err(|e| e.body()),
        None => Ok(None),
    }
}

/// Asks for a folder (native dialog), imports it with `import-progress` events, reopens the
/// library. None when the user cancels.
#[tauri::command]
pub async fn import_folder(
    app: AppHandle,
    window: tauri::Window,
) -> CmdResult<Option<ImportSummary>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Import a folder of resolutions")
        .set_directory(app.state::<AppState>().dialog_folder(None))
        .set_parent(&window)
        .pick_folder()
        .await;
    let Some(folder) = picked.map(|f| f.path().to_path_buf()) else {
        return Ok(None);
    };
    library_work(app, Writes::Yes, move |dir, emit| {
        resolute::library::add(dir, &[folder], emit)
    })
    .await
    .map(Some)
}

/// "Open a library pack…": the native Open dialog, then the pack checked and brought into
/// the library (adopted when the library is empty), with progress. None when cancelled.
#[tauri::command]
pub async fn open_library_pack(
    app: AppHandle,
    window: tauri::Window,
) -> CmdResult<Option<PackAdded>> {
    let state = app.state::<AppState>();
    let title = "Open a library pack";
    let Some(pack) = pick_file(&state, &window, title, "Library packs", &["pack", "zip"]).await
    else {
        return Ok(None);
    };
    library_work(app, Writes::Yes, move |dir, emit| {
        resolute::library::add_pack(dir, &pack, emit)
    })
    .await
    .map(Some)
}

/// "Export the library as a pack…": the native Save dialog, then the pack written with
/// progress. None when cancelled.
#[tauri::command]
pub async fn export_library_pack(
    app: AppHandle,
    window: tauri::Window,
) -> CmdResult<Option<PackSummary>> {
    let picked = rfd::AsyncFileDialog::new()
        .set_title("Export the library as a pack")
        .set_directory(app.state::<AppState>().dialog_folder(None))
        .set_file_name("resolute-library.pack")
        .add_filter("Library packs", &["pack"])
        .set_parent(&window)
        .save_file()
        .await;
    let Some(out) = picked.map(|f| f.path().to_path_buf()) else {
        return Ok(None);
    };
    library_work(app, Writes::No, move |dir, emit| {
        resolute::library::pack(dir, &out, emit)
    })
    .await
    .map(Some)
}

/// Whether a piece of library work writes to the library.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writes {
    Yes,
    No,
}

/// Runs `work` on the library folder off the main thread, with `import-progress` events.
/// Work that writes gets the library closed first (so it holds the only writer) and
/// reopened after, with what it brought.
async fn library_work<T: Send + 'static>(
    app: AppHandle,
    writes: Writes,
    work: impl FnOnce(&Path, &mut dyn FnMut(&Progress)) -> Result<T, resolute::Error> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        if writes == Writes::Yes {
            *state.library() = None;
        }
        let mut emit = |p: &Progress| {
            let _ = app.emit("import-progress", p);
        };
        let done = work(&state.library_dir, &mut emit);
        if writes == Writes::Yes {
            state.open_library();
        }
        done.map_err(|e| e.body())
    })
    .await
    .map_err(|e| resolute::ErrorBody {
        code: "internal",
        message: e.to_string(),
    })?
}

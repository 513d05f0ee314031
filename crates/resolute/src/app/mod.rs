//! The editor service API of the desktop app: everything the editor needs that is not pure
//! UI, callable (and tested) without a desktop. The Tauri commands in `src-tauri/` only
//! forward to these functions.
//!
//! # Offsets
//!
//! Every offset that crosses to the app is a **UTF-16 code unit offset** into the editor's
//! text (what JavaScript strings and CodeMirror 6 count), never a Rust byte offset. The one
//! conversion is [`Utf16Index`]. This API uses no line numbers.
//!
//! # Signatures (for the shell author)
//!
//! ```text
//! analyze(text: &str, register: Option<&dyn resolute_check::Register>) -> Analysis
//! completions(text: &str, at: usize, library: Option<&Library>, limit: usize) -> Completions
//! catalogue(kind: Option<&str>) -> Vec<PhraseItem>
//! move_paragraph(text: &str, at: usize, up: bool) -> Result<Option<TextEdit>, Error>
//! format_text(text: &str) -> Result<Option<TextEdit>, Error>
//! paragraph_at(text: &str, at: usize) -> Option<ParagraphAt>
//! replace_wording(text: &str, at: usize, wording: &str) -> Option<TextEdit>
//! resolve_bracket(text: &str, at: usize, how: Resolve) -> Option<TextEdit>
//! set_status(text: &str, at: usize, status: Option<&str>) -> Option<TextEdit>
//! insert_paragraph(text: &str, at: usize) -> Option<TextEdit>
//! paste_text(text: &str, from: usize, to: usize, clipboard: &str) -> Option<TextEdit>
//! set_header(text: &str, header: &Header) -> Option<TextEdit>
//! print_document(text: &str) -> Result<PrintDocument, Error>
//! keep_pdf(printed: &Path, target: &Path) -> Result<(), Error>
//! preview_amendment(text: &str, path: &Path, force: bool) -> Result<AmendmentView, Error>
//! apply_amendment(base: &str, current: &str, path: &Path, force: bool, only: &[usize]) -> Result<Option<TextEdit>, Error>
//! citation_card(library: &Library, key: &str) -> Option<CitationCard>
//! resolution_text(library: &Library, key: &str) -> Result<Option<ResolutionText>, Error>
//! open_draft(path: &Path) -> Result<OpenedDraft, Error>
//! save_draft(path: &Path, text: &str) -> Result<(), Error>
//! state_dir() -> PathBuf
//! recent(state_dir: &Path) -> Vec<PathBuf>
//! remember(state_dir: &Path, path: &Path) -> Result<(), Error>
//! autosave(state_dir: &Path, draft_path: Option<&Path>, text: &str) -> Result<(), Error>
//! recovery(state_dir: &Path, draft_path: Option<&Path>) -> Option<Recovery>
//! discard_recovery(state_dir: &Path, draft_path: Option<&Path>) -> Result<(), Error>
//! pending_recoveries(state_dir: &Path) -> Vec<Recovery>
//! ```
//!
//! Every result derives `serde::Serialize` with snake_case fields; errors are
//! [`crate::Error`] (send `error.body()`, `{code, message}`, to the front end).
//!
//! # What the results hold
//!
//! - Gutter labels: `EF`, `PP1` …, `OP1` … (the number `fmt` would give), `OP2(a)`,
//!   `OP2(b)(i)`, `L` (lone unnumbered operative paragraph), sections `§I` with their
//!   paragraphs prefixed `II.PP1`, `II.OP1`, footnotes `FN1`, closing formula `CL`, annexes
//!   `AN1`. Each label's `from` is the start of the line where its element starts.
//! - Outline entries tile the text in document order (each runs to the next one's start), so
//!   their diagnostic counts add up to the number of diagnostics; kinds are those of the issue
//!   plus `front_matter` (label `FM`, outline only).
//! - `move_paragraph` and `format_text` return one minimal [`TextEdit`] (apply it as one
//!   CodeMirror change, so undo/redo works on it); its `cursor` is in the text after the edit.
//! - Recent files keep at most [`MAX_RECENT`] entries; autosaves live in
//!   `<state dir>/autosave/` (see [`autosave`]).
//!
//! ```
//! use resolute::app::{analyze, move_paragraph};
//!
//! let text = "*The General Assembly*,\n\n*Recalling* its resolution 61/208,\n\n\
//!             1. *Decides* to act;\n\n2. *Requests* a report on paragraph 1 above.\n";
//! let a = analyze(text, None);
//! let labels: Vec<&str> = a.labels.iter().map(|l| l.label.as_str()).collect();
//! assert_eq!(labels, ["EF", "PP1", "OP1", "OP2"]);
//!
//! // Alt+Down on OP1: it moves below OP2, the numbers and the reference follow.
//! let at = text.find("Decides").unwrap_or(0);
//! let edit = move_paragraph(text, at, false)?.expect("OP1 can move down");
//! let mut moved = text.to_string();
//! moved.replace_range(edit.from..edit.to, &edit.insert); // ASCII text: bytes = UTF-16 units
//! assert!(moved.ends_with("1. *Requests* a report on paragraph 2 above.\n\n2. *Decides* to act;\n"));
//! # Ok::<(), resolute::Error>(())
//! ```

mod amend;
mod analyze;
mod cards;
mod complete;
mod edit;
mod files;
mod header;
mod items;
mod moving;
mod negotiation;
mod new;
mod paste;
mod print;
mod recovery;
mod rounds;
mod settings;
mod spans;
#[cfg(test)]
mod testutil;
mod utf16;
mod window;
mod wording;

pub use amend::{apply_amendment, preview_amendment, AmendmentView, Effect, InstructionView};
pub use analyze::{analyze, Analysis, AppDiagnostic, AppFix, CitationSpan, Label, OutlineEntry};
pub use cards::{
    citation_card, resolution_text, CitationCard, ResolutionParagraph, ResolutionText,
};
pub use complete::{catalogue, completions, Completions, PhraseItem};
pub use edit::{format_text, TextEdit};
pub use files::{
    launch_paths, open_draft, recent, remember, save_draft, state_dir, OpenedDraft, Recent,
    MAX_RECENT,
};
pub use header::{header, set_header, Header};
pub use items::{paragraph_at, ParagraphAt};
pub use moving::move_paragraph;
pub use negotiation::{
    insert_paragraph, resolve_bracket, set_status, AppAnnotation, AppBracket, AppParagraphState,
    NegotiationView, Resolve,
};
pub use new::{
    new_draft, sample_draft, NewDraft, OPERATIVE_PLACEHOLDER, PREAMBULAR_PLACEHOLDER, SAMPLE_DRAFT,
};
pub use paste::{paste_markdown, paste_text};
pub use print::{
    keep_pdf, pdf_name, pdf_target, print_document, print_scratch, Page, PrintDocument, PRINT_PAGE,
};
pub use recovery::{autosave, discard_recovery, pending_recoveries, recovery, Recovery};
pub use rounds::{previous_round, round_progress, PreviousRound, RoundProgressView, RoundRow};
pub use settings::{load_settings, save_settings, EditorView, Settings};
pub use utf16::{Range, Utf16Index};
pub use window::{load_window_place, save_window_place, Area, WindowPlace, MIN_SIZE};
pub use wording::replace_wording;

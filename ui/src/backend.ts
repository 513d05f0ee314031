// The only module that talks to the Tauri backend (src-tauri). Everything else imports these
// typed functions; nothing else imports @tauri-apps/*.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type * as T from "./types";

export type { UnlistenFn };

/** Errors from the backend arrive as {code, message}; anything else is wrapped. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as T.BackendError).message);
  return String(e);
}

export const analyze = (text: string) => invoke<T.Analysis>("analyze", { text });
export const completions = (text: string, at: number, limit = 12) =>
  invoke<T.Completions>("completions", { text, at, limit });
export const catalogue = (kind: T.Kind | null) => invoke<T.PhraseItem[]>("catalogue", { kind });
export const moveParagraph = (text: string, at: number, up: boolean) =>
  invoke<T.TextEdit | null>("move_paragraph", { text, at, up });
export const formatText = (text: string) => invoke<T.TextEdit | null>("format_text", { text });
export const pasteText = (text: string, from: number, to: number, clipboard: string) =>
  invoke<T.TextEdit | null>("paste_text", { text, from, to, clipboard });
/** The Markdown made of a Word document's HTML on the clipboard, pasted as paragraphs. */
export const pasteMarkdown = (text: string, from: number, to: number, clipboard: string) =>
  invoke<T.TextEdit | null>("paste_markdown", { text, from, to, clipboard });
export const paragraphAt = (text: string, at: number) =>
  invoke<T.ParagraphAt | null>("paragraph_at", { text, at });
export const replaceWording = (text: string, at: number, wording: string) =>
  invoke<T.TextEdit | null>("replace_wording", { text, at, wording });

/** Keep the alternative under the cursor, none of its group, or only drop its brackets. */
export const resolveBracket = (text: string, at: number, how: "keep" | "none" | "unwrap") =>
  invoke<T.TextEdit | null>("resolve_bracket", { text, at, how });
export const setStatus = (text: string, at: number, status: string | null) =>
  invoke<T.TextEdit | null>("set_status", { text, at, status });
/** Writes the masthead fields into the front matter, as one edit. */
export const setHeader = (text: string, header: T.Header) =>
  invoke<T.TextEdit | null>("set_header", { text, header });
export const saveSettings = (settings: T.Settings) => invoke<void>("save_settings", { settings });
export const insertParagraph = (text: string, at: number) =>
  invoke<T.TextEdit | null>("insert_paragraph", { text, at });

export const startup = () => invoke<T.Startup>("startup");
/** Start-up time to stderr when RESOLUTE_STARTUP_REPORT is set (the app benchmark). */
export const startupReport = () => invoke<void>("startup_report");
export const openDialog = () => invoke<T.OpenedDraft | null>("open_dialog");
export const openPath = (path: string) => invoke<T.OpenedDraft>("open_path", { path });
export const amendmentDialog = () => invoke<string | null>("amendment_dialog");
export const amendmentPreview = (text: string, path: string, force: boolean) =>
  invoke<T.AmendmentView>("amendment_preview", { text, path, force });
export const amendmentApply = (base: string, current: string, path: string, force: boolean, only: number[]) =>
  invoke<T.TextEdit | null>("amendment_apply", { base, current, path, force, only });
export const previousRoundDialog = () => invoke<string | null>("previous_round_dialog");
export const previousRound = (path: string) => invoke<T.PreviousRound>("previous_round", { path });
export const roundProgress = (previous: string, text: string) =>
  invoke<T.RoundProgressView | null>("round_progress", { previous, text });
export const newDraft = (form: T.NewDraftForm) => invoke<string>("new_draft", { form });
export const sample = () => invoke<T.OpenedDraft>("sample");
export const save = (path: string, text: string) => invoke<void>("save", { path, text });
export const saveAsDialog = (name: string, text: string, previous: string | null) =>
  invoke<string | null>("save_as_dialog", { name, text, previous });
export const autosave = (path: string | null, text: string) => invoke<void>("autosave", { path, text });
export const discardRecovery = (path: string | null) => invoke<void>("discard_recovery", { path });
export const recent = () => invoke<string[]>("recent");
export const quit = () => invoke<void>("quit");

/** Printing (ui/src/print.ts): the print layout, then the platform's print system. */
export const printDocument = (text: string) => invoke<T.PrintDocument>("print_document", { text });
export const printNative = () => invoke<boolean>("print_native");
export const printDialog = () => invoke<boolean>("print_dialog");
export const printPdfDialog = (name: string, previous: string | null) =>
  invoke<string | null>("print_pdf_dialog", { name, previous });

export const libraryInfo = () => invoke<T.Stats | null>("library_info");
export interface SearchFilters {
  body: string | null;
  from: number | null;
  to: number | null;
  kind: string | null;
}
export const search = (query: string, f: SearchFilters, limit = 20) =>
  invoke<T.SearchResults>("search", { request: { query, ...f, limit } });
export const usageByYear = (query: string, f: SearchFilters) =>
  invoke<T.YearUsage[]>("usage_by_year", { request: { query, ...f, limit: 1 } });
export const precedent = (text: string, limit = 5) =>
  invoke<T.Precedents>("precedent", { text, limit });
export const citationCard = (key: string) => invoke<T.CitationCard | null>("citation_card", { key });
export const resolutionText = (key: string) =>
  invoke<T.ResolutionText | null>("resolution_text", { key });
export const importFolder = () => invoke<T.ImportSummary | null>("import_folder");
export const openLibraryPack = () => invoke<T.PackAdded | null>("open_library_pack");
export const exportLibraryPack = () => invoke<T.PackSummary | null>("export_library_pack");

export const onImportProgress = (f: (p: T.Progress) => void) =>
  listen<T.Progress>("import-progress", (e) => f(e.payload));
/** This window's close button, or the app quitting: only this window's own request. */
export const onCloseRequested = (f: () => void) =>
  getCurrentWindow().listen("close-requested", () => f());
export const setTitle = (title: string) => getCurrentWindow().setTitle(title);

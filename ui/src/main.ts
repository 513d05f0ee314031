// Start-up: the layout (toolbar, outline, editor, library panel, status bar), the commands
// and their keys, and the draft named on the command line.
import { startCompletion } from "@codemirror/autocomplete";
import { openSearchPanel } from "@codemirror/search";
import { EditorView } from "@codemirror/view";
import * as backend from "./backend";
import { all, installShortcuts, register } from "./commands";
import { el } from "./dom";
import { latencies, onAnalysis } from "./editor/analyzer";
import { citationCards } from "./editor/citations";
import {
  dropBrackets, formatDraft, insertParagraph, keepAlternative, keepNone, moveParagraph, nextBracket, setStatus,
} from "./editor/commands";
import { analysisField } from "./editor/analysis";
import { draftState, setViewMode } from "./editor/setup";
import type { EditorView as ViewMode } from "./types";
import { Files } from "./files";
import { pick } from "./modal";
import { printCommands } from "./print";
import { LibraryPanel } from "./panels/library";
import { AmendmentPanel } from "./panels/amendment";
import { NegotiationPanel } from "./panels/negotiation";
import { Outline } from "./panels/outline";
import { Welcome } from "./panels/welcome";
import { notify, showCounts, statusBar } from "./status";
import "./style.css";

const host = el("main", { class: "editor-host" });
const view = new EditorView({ parent: host });
const getView = () => view;
// Read-only hooks for the end-to-end tests and the app benchmark (tests/e2e): the whole text
// (CodeMirror renders only the lines near the viewport) and the keystroke latencies.
Object.assign(window, { __resoluteText: () => view.state.doc.toString(), __resoluteLatencies: latencies });

const outline = new Outline(getView);
const negotiation = new NegotiationPanel(getView);
outline.element.prepend(negotiation.element);
const library = new LibraryPanel(getView);
const amendment = new AmendmentPanel(getView);
const cards = citationCards((r) => library.showResolution(r));
/** Document view (the default) or Markdown source; remembered in the state folder. */
let viewMode: ViewMode = "document";
const files = new Files(getView, (text) => {
  welcome.hide();
  view.setState(draftState(text, (u) => u.docChanged && files.changed(), [cards], viewMode));
});

function showViewMode(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-command="toggle-view"]');
  if (button) button.textContent = viewMode === "document" ? "Source" : "Document";
  document.body.dataset.view = viewMode;
}

/** Ctrl+Shift+D: the document view or the Markdown source, the text unchanged. */
function toggleView(): void {
  viewMode = viewMode === "document" ? "source" : "document";
  setViewMode(view, viewMode);
  showViewMode();
  view.focus();
  notify(viewMode === "document" ? "Document view." : "Source view: the draft's Markdown.");
  backend.saveSettings({ view: viewMode }).catch((e) => notify(`Cannot remember the view: ${backend.errorMessage(e)}`, "error"));
}
const welcome = new Welcome({
  show: (opened) => files.show(opened),
  open: () => files.open(),
  openPath: async (path) => {
    try {
      files.show(await backend.openPath(path));
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    }
  },
  importLibrary: () => library.importFolder(),
  openPack: () => library.openPack(),
  dismiss: () => view.focus(),
});
host.append(welcome.element);

onAnalysis((a) => {
  outline.show(a);
  negotiation.show(a);
  const count = (severity: string) => a.diagnostics.filter((d) => d.severity === severity).length;
  showCounts(count("error"), count("warning"), count("info"));
});

async function insertPhrase(): Promise<void> {
  const phrases = await backend.catalogue(null);
  const value = await pick("Insert an opening phrase", phrases.map((p) => ({
    label: p.phrase, detail: `${p.kind} · ${p.frequency.toLocaleString("en")}×`, value: p.insert,
  })));
  view.focus();
  if (value) view.dispatch(view.state.replaceSelection(value), { userEvent: "input.phrase", scrollIntoView: true });
}

async function palette(): Promise<void> {
  const id = await pick("Commands", all().map((c) => ({ label: c.label, detail: c.keys, value: c.id })));
  view.focus();
  if (id) all().find((c) => c.id === id)?.run();
}

register(
  { id: "new", label: "New draft", keys: "Ctrl+N", run: () => files.newDraft() },
  { id: "open", label: "Open…", keys: "Ctrl+O", run: () => files.open() },
  { id: "recent", label: "Open recent…", keys: "Ctrl+Shift+O", run: () => files.openRecent() },
  { id: "save", label: "Save", keys: "Ctrl+S", run: () => files.save() },
  { id: "save-as", label: "Save as…", keys: "Ctrl+Shift+S", run: () => files.saveAs() },
  { id: "find", label: "Find in draft", keys: "Ctrl+F", run: () => { view.focus(); openSearchPanel(view); } },
  { id: "search-library", label: "Search the library", keys: "Ctrl+Shift+F", run: () => library.focusSearch() },
  { id: "phrases", label: "Complete an opening phrase", keys: "Ctrl+Space", run: () => { view.focus(); void startCompletion(view); } },
  { id: "insert-phrase", label: "Insert a phrase from the catalogue…", keys: "Ctrl+Shift+Space", run: insertPhrase },
  { id: "move-up", label: "Move paragraph up", keys: "Alt+ArrowUp", run: () => { moveParagraph(true)(view); } },
  { id: "move-down", label: "Move paragraph down", keys: "Alt+ArrowDown", run: () => { moveParagraph(false)(view); } },
  { id: "format", label: "Format and renumber the draft", keys: "Alt+Shift+F", run: () => { formatDraft(view); } },
  { id: "toggle-view", label: "Document view / source view", keys: "Ctrl+Shift+D", run: toggleView },
  { id: "precedent", label: "Precedents for this paragraph", keys: "Ctrl+Shift+E", run: () => library.precedentAtCursor() },
  { id: "import-folder", label: "Import a folder into the library…", run: () => library.importFolder() },
  { id: "open-pack", label: "Open a library pack…", run: () => library.openPack() },
  { id: "export-pack", label: "Export the library as a pack…", run: () => library.exportPack() },
  { id: "apply-amendment", label: "Apply an amendment…", run: () => amendment.open() },
  { id: "compare-round", label: "Compare with a previous round…", run: () => negotiation.chooseRound() },
  { id: "palette", label: "All commands…", keys: "Ctrl+Shift+P", run: palette },
);
register(...printCommands({ text: () => view.state.doc.toString(), file: () => ({ name: files.name, path: files.path }) }));

// The negotiation layer (a draft whose front matter names a stage).
const bracketStarts = () => view.state.field(analysisField).negotiation?.brackets.map((b) => b.from) ?? [];
const onView = (f: (v: EditorView) => boolean) => () => { f(view); };
register(
  { id: "keep-alternative", label: "Keep this alternative", keys: "Ctrl+Alt+K", run: onView(keepAlternative) },
  { id: "keep-none", label: "Keep none of these alternatives", keys: "Ctrl+Alt+X", run: onView(keepNone) },
  { id: "drop-brackets", label: "Drop the brackets, keep the text", keys: "Ctrl+Alt+U", run: onView(dropBrackets) },
  { id: "status-agreed", label: "Mark paragraph agreed ad ref", keys: "Ctrl+Alt+A", run: onView(setStatus("agreed ad ref")) },
  { id: "status-pending", label: "Mark paragraph pending", keys: "Ctrl+Alt+P", run: onView(setStatus("pending")) },
  { id: "status-deleted", label: "Mark paragraph deleted", keys: "Ctrl+Alt+D", run: onView(setStatus("deleted")) },
  { id: "status-clear", label: "Clear the paragraph's status", keys: "Ctrl+Alt+C", run: onView(setStatus(null)) },
  { id: "insert-bis", label: "New paragraph after this one (bis, ter…)", keys: "Ctrl+Alt+B", run: onView(insertParagraph) },
  { id: "next-bracket", label: "Next bracket", keys: "Ctrl+]", run: onView(nextBracket(true, bracketStarts)) },
  { id: "previous-bracket", label: "Previous bracket", keys: "Ctrl+[", run: onView(nextBracket(false, bracketStarts)) },
  { id: "negotiation-panel", label: "Go to the negotiation panel", keys: "Ctrl+Shift+B", run: () => negotiation.focus() },
);

function toolbar(): HTMLElement {
  const button = (id: string, label: string) => {
    const c = all().find((x) => x.id === id);
    return el("button", { "data-command": id, title: c?.keys ? `${c.label} (${c.keys})` : c?.label, onclick: () => { void c?.run(); } }, label);
  };
  return el("header", { class: "toolbar", role: "toolbar" },
    el("span", { class: "brand" }, "Resolute"),
    button("new", "New"), button("open", "Open"), button("recent", "Recent"), button("save", "Save"), button("save-as", "Save as"), button("print", "Print"),
    el("span", { class: "sep" }),
    button("insert-phrase", "Phrase"), button("format", "Format"), button("find", "Find"), button("toggle-view", "Source"),
    el("span", { class: "sep" }),
    button("search-library", "Library"), button("import-folder", "Import folder"),
    el("span", { class: "spacer" }),
    button("palette", "Commands"));
}

document.querySelector("#app")?.append(
  toolbar(),
  el("div", { class: "workspace" }, outline.element, host, library.element),
  statusBar,
);
installShortcuts();
void backend.onCloseRequested(() => void files.close());

async function start(): Promise<void> {
  const s = await backend.startup();
  viewMode = s.settings.view;
  showViewMode();
  files.show(s.file ?? { path: null, name: "Untitled.md", text: "", imported: false });
  if (s.error) notify(s.error.message, "error");
  view.focus();
  document.body.dataset.ready = "true";
  void backend.startupReport().catch(() => undefined);
  if (s.recoveries.length > 0) await files.offerRecovery(s.recoveries);
  await library.refresh();
  // Started without a file: the welcome view instead of an empty editor.
  if (!s.file && !s.error && s.recoveries.length === 0 && view.state.doc.length === 0) {
    welcome.show(s.recent);
  }
}

start().catch((e) => notify(`Start-up failed: ${backend.errorMessage(e)}`, "error"));

// The clause editor: CodeMirror 6 on the Markdown draft format, with Word-like habits (undo,
// find, wrapping lines) and the resolution-aware extensions.
import { closeBrackets } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec, type Extension } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  type ViewUpdate,
} from "@codemirror/view";
import { analysisExtension } from "./analysis";
import { analyzer } from "./analyzer";
import { formatDraft, moveParagraph } from "./commands";
import { documentView } from "./docview";
import { smartPaste } from "./paste";
import { phraseCompletion } from "./phrases";
import type { EditorView as ViewMode } from "../types";

/** Keys that must win over CodeMirror's defaults (Alt+Up/Down move lines there). */
const draftKeys = Prec.high(
  keymap.of([
    { key: "Alt-ArrowUp", run: moveParagraph(true) },
    { key: "Alt-ArrowDown", run: moveParagraph(false) },
    { key: "Shift-Alt-f", run: formatDraft },
  ]),
);

/** The document view's extensions, or none in the source view. */
const mode = new Compartment();
const modeExtensions = (m: ViewMode): Extension => (m === "document" ? documentView() : []);

/** Switches the editor between the document view and the source view; the text stays as it is. */
export function setViewMode(view: EditorView, m: ViewMode): void {
  view.dispatch({ effects: mode.reconfigure(modeExtensions(m)) });
}

function extensions(onChange: (u: ViewUpdate) => void, extra: Extension[], m: ViewMode): Extension[] {
  return [
    mode.of(modeExtensions(m)),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSpecialChars(),
    highlightSelectionMatches(),
    closeBrackets(),
    EditorView.lineWrapping,
    search({ top: true }),
    draftKeys,
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
    analysisExtension(),
    analyzer,
    phraseCompletion(),
    smartPaste(),
    EditorView.updateListener.of(onChange),
    EditorView.contentAttributes.of({ spellcheck: "true", lang: "en", "aria-label": "Draft" }),
    ...extra,
  ];
}

/** A fresh editor state for `text` (new history: opening a file is not undoable). */
export function draftState(
  text: string,
  onChange: (u: ViewUpdate) => void,
  extra: Extension[] = [],
  m: ViewMode = "document",
): EditorState {
  return EditorState.create({ doc: text, extensions: extensions(onChange, extra, m) });
}

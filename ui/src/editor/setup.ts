// The clause editor: CodeMirror 6 on the Markdown draft format, with Word-like habits (undo,
// find, wrapping lines) and the resolution-aware extensions.
import { closeBrackets } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorState, Prec, type Extension } from "@codemirror/state";
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
import { smartPaste } from "./paste";
import { phraseCompletion } from "./phrases";

/** Keys that must win over CodeMirror's defaults (Alt+Up/Down move lines there). */
const draftKeys = Prec.high(
  keymap.of([
    { key: "Alt-ArrowUp", run: moveParagraph(true) },
    { key: "Alt-ArrowDown", run: moveParagraph(false) },
    { key: "Shift-Alt-f", run: formatDraft },
  ]),
);

function extensions(onChange: (u: ViewUpdate) => void, extra: Extension[]): Extension[] {
  return [
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
export function draftState(text: string, onChange: (u: ViewUpdate) => void, extra: Extension[] = []): EditorState {
  return EditorState.create({ doc: text, extensions: extensions(onChange, extra) });
}

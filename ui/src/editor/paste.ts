// Paste: text copied from a UN PDF or from Word (hard line breaks, words broken at line ends,
// page furniture, footnote marks, typed numbers) is read by the backend's segmenter and
// inserted as clean paragraphs, numbered where they land: one undo step. Ctrl+Shift+V pastes
// the clipboard as it is; so does a single line. HTML from Word is read for its italics, list
// labels and footnotes (wordhtml.ts).
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import * as backend from "../backend";
import { notify } from "../status";
import { applyEdit } from "./commands";
import { htmlToDraft } from "./wordhtml";

/** Set by Ctrl+Shift+V until the paste it starts arrives. */
let plainNext = false;

function pastePlain(view: EditorView, text: string): void {
  view.dispatch(view.state.replaceSelection(text), { userEvent: "input.paste", scrollIntoView: true });
}

export function smartPaste(): Extension {
  return EditorView.domEventHandlers({
    keydown(event) {
      plainNext = (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "v";
      return false;
    },
    paste(event, view) {
      const text = event.clipboardData?.getData("text/plain") ?? "";
      const html = event.clipboardData?.getData("text/html") ?? "";
      const plain = plainNext;
      plainNext = false;
      // Word's HTML says what its plain text loses (italics, list labels, notes).
      const draft = plain || !html ? null : htmlToDraft(html);
      if (!draft && (plain || !text.trim().includes("\n"))) return false; // CodeMirror pastes it as it is
      event.preventDefault();
      const doc = view.state.doc;
      const { from, to } = view.state.selection.main;
      const request = draft
        ? backend.pasteMarkdown(doc.toString(), from, to, draft)
        : backend.pasteText(doc.toString(), from, to, text);
      request
        .then((edit) => {
          if (view.state.doc !== doc) return; // typed meanwhile: the paste is dropped, say so
          if (edit) {
            applyEdit(view, edit, "input.paste");
            notify("Pasted as paragraphs (Ctrl+Shift+V pastes the text as it is).");
          } else pastePlain(view, text);
        })
        .catch((e) => {
          notify(`Pasted as plain text: ${backend.errorMessage(e)}`, "error");
          if (view.state.doc === doc) pastePlain(view, text);
        });
      return true;
    },
  });
}

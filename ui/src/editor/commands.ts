// Editor commands that go through the backend: moving a paragraph with renumbering, and
// formatting the whole draft. Each is one transaction, so one undo step.
import { EditorSelection } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import * as backend from "../backend";
import type { TextEdit } from "../types";
import { notify } from "../status";

/** Applies a backend edit as one transaction (one undo step), cursor where it says. */
export function applyEdit(view: EditorView, edit: TextEdit, userEvent: string): void {
  view.dispatch({
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    selection: EditorSelection.cursor(edit.cursor),
    scrollIntoView: true,
    userEvent,
  });
}

/** Alt+Up / Alt+Down: the paragraph (with its subparagraphs) swaps with its neighbour. */
export function moveParagraph(up: boolean) {
  return (view: EditorView): boolean => {
    const doc = view.state.doc;
    const at = view.state.selection.main.head;
    backend
      .moveParagraph(doc.toString(), at, up)
      .then((edit) => {
        if (view.state.doc !== doc) return; // the text changed meanwhile: do nothing
        if (edit) applyEdit(view, edit, "move.paragraph");
        else notify(up ? "Already the first paragraph of its kind." : "Already the last paragraph of its kind.");
      })
      .catch((e) => notify(`Cannot move: ${backend.errorMessage(e)}`, "error"));
    return true;
  };
}

/** Renumbers, relabels and normalises the whole draft (resolute fmt). */
export function formatDraft(view: EditorView): boolean {
  const doc = view.state.doc;
  backend
    .formatText(doc.toString())
    .then((edit) => {
      if (view.state.doc !== doc) return;
      if (edit) {
        const change = view.state.changes({ from: edit.from, to: edit.to, insert: edit.insert });
        const cursor = change.mapPos(view.state.selection.main.head, 1);
        applyEdit(view, { ...edit, cursor }, "input.format");
        notify("Draft formatted.");
      } else notify("Already formatted.");
    })
    .catch((e) => notify(`Cannot format: ${backend.errorMessage(e)}`, "error"));
  return true;
}

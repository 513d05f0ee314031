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

/** Runs a backend edit on the text and the cursor; says `none` when there is nothing to do. */
function cursorEdit(
  request: (text: string, at: number) => Promise<TextEdit | null>,
  userEvent: string,
  none: string,
) {
  return (view: EditorView): boolean => {
    const doc = view.state.doc;
    request(doc.toString(), view.state.selection.main.head)
      .then((edit) => {
        if (view.state.doc !== doc) return;
        if (edit) applyEdit(view, edit, userEvent);
        else notify(none);
      })
      .catch((e) => notify(backend.errorMessage(e), "error"));
    return true;
  };
}

const NOT_IN_BRACKET = "Put the cursor inside a bracket of a negotiating text (front matter: stage).";

/** Keep the alternative under the cursor (its group becomes its text), one undo step. */
export const keepAlternative = cursorEdit((t, at) => backend.resolveBracket(t, at, "keep"), "input.negotiation", NOT_IN_BRACKET);
/** Keep none of the group under the cursor. */
export const keepNone = cursorEdit((t, at) => backend.resolveBracket(t, at, "none"), "input.negotiation", NOT_IN_BRACKET);
/** Drop the brackets around the text under the cursor, keeping the text. */
export const dropBrackets = cursorEdit((t, at) => backend.resolveBracket(t, at, "unwrap"), "input.negotiation", NOT_IN_BRACKET);

/** Sets (or clears) the status of the paragraph under the cursor. */
export function setStatus(status: string | null) {
  return cursorEdit((t, at) => backend.setStatus(t, at, status), "input.status",
    "Put the cursor in a paragraph of a negotiating text (front matter: stage).");
}

/** A new paragraph after this one, labelled "bis"/"ter" so the round's numbers stay. */
export const insertParagraph = cursorEdit(backend.insertParagraph, "input.paragraph",
  "Put the cursor in a paragraph of a negotiating text (front matter: stage).");

/** The cursor to the next (or previous) bracket of the negotiation. */
export function nextBracket(forward: boolean, starts: () => number[]) {
  return (view: EditorView): boolean => {
    const head = view.state.selection.main.head;
    const all = starts();
    const target = forward ? all.find((s) => s > head) : [...all].reverse().find((s) => s < head);
    if (target === undefined) notify(forward ? "No bracket after the cursor." : "No bracket before the cursor.");
    else view.dispatch({ selection: EditorSelection.cursor(target), scrollIntoView: true });
    return true;
  };
}

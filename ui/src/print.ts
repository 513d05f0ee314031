// Print the draft as the UN would issue it: the layout of the DOCX export (from the backend's
// print model), built with text nodes only into a view that only `@media print` shows, then
// printed by the platform (src-tauri/src/print.rs: GTK's dialog or straight to a PDF file on
// Linux; the web view's own print dialog elsewhere).
import * as backend from "./backend";
import type { Command } from "./commands";
import { el, replace } from "./dom";
import { notify } from "./status";
import type * as T from "./types";
import "./print.css";

const view = el("div", { class: "print-view", "aria-hidden": "true" });
/** The page for `window.print()` (WebKitGTK takes its page from the print operation). */
const page = el("style");
document.body.append(view);
document.head.append(page);

/** The open draft: its text, and its name and path for the PDF's name and folder. */
export interface PrintSource {
  text: () => string;
  file: () => { name: string; path: string | null };
}

/** Print… (Ctrl+P) and Save as PDF…, for the command registry. */
export function printCommands(source: PrintSource): Command[] {
  return [
    { id: "print", label: "Print…", keys: "Ctrl+P", run: () => print(source) },
    { id: "print-pdf", label: "Save as PDF…", run: () => savePdf(source) },
  ];
}

async function print(source: PrintSource): Promise<void> {
  if (!(await prepare(source))) return;
  if (!(await backend.printNative())) return window.print();
  // While the dialog is open the body says so (the end-to-end tests wait for its answer).
  document.body.dataset.printing = "dialog";
  try {
    if (await backend.printDialog()) notify("Sent to print.");
  } catch (e) {
    notify(backend.errorMessage(e), "error");
  } finally {
    delete document.body.dataset.printing;
  }
}

async function savePdf(source: PrintSource): Promise<void> {
  if (!(await prepare(source))) return;
  if (!(await backend.printNative())) {
    notify("Choose “Save as PDF” in the print dialog.");
    return window.print();
  }
  try {
    const { name, path } = source.file();
    const saved = await backend.printPdfDialog(name, path);
    if (saved) notify(`Saved as PDF: ${saved}`);
  } catch (e) {
    notify(backend.errorMessage(e), "error");
  }
}

/** Lays the current text out in the print view; false (and says why) when it cannot. */
async function prepare(source: PrintSource): Promise<boolean> {
  try {
    render(await backend.printDocument(source.text()));
    return true;
  } catch (e) {
    notify(`Cannot print: ${backend.errorMessage(e)}`, "error");
    return false;
  }
}

function render(doc: T.PrintDocument): void {
  const pt = (twips: number) => `${twips / 20}pt`;
  const p = doc.page;
  page.textContent = `@page { size: ${pt(p.width)} ${pt(p.height)}; margin: ${[p.top, p.right, p.bottom, p.left].map(pt).join(" ")}; }`;
  const notes = doc.notes.length === 0 ? null : el("section", { class: "pv-notes" },
    el("hr", { class: "pv-rule" }),
    ...doc.notes.map((n) => el("p", { class: "pv-note" }, el("sup", { class: "pv-label" }, n.mark), n.text)));
  replace(view, ...doc.blocks.map(block), notes);
}

/** A paragraph: its class from the export's style, its hanging label, its runs. */
function block(b: T.PrintBlock): HTMLElement {
  const p = el("p", { class: `pv-${b.style.toLowerCase()}` });
  if (b.label !== null) p.append(el("span", { class: "pv-label" }, b.label));
  for (const s of b.spans) p.append(span(s));
  return p;
}

function span(s: T.PrintBlock["spans"][number]): Node {
  if (s.note) return el("sup", { class: "pv-mark" }, s.text);
  const lines = s.text.split("\n").flatMap((line, i) => (i === 0 ? [line] : [el("br"), line]));
  return s.italic ? el("i", {}, ...lines) : el("span", {}, ...lines);
}

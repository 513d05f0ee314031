// The masthead of the document view: the front matter shown as a UN draft prints it, each
// field edited in place. A change (a field left or Enter pressed, a sponsor added or removed)
// is written into the front matter by the backend's front matter writer: one edit, one undo
// step, the same Markdown the source view shows.
import { WidgetType, type EditorView } from "@codemirror/view";
import * as backend from "../backend";
import { el, replace } from "../dom";
import { notify } from "../status";
import type { Header } from "../types";

const BODIES = ["General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"];
type Field = "symbol" | "session" | "agenda_item" | "title";

function input(field: Field, placeholder: string, size: number): HTMLInputElement {
  return el("input", { class: `hdr-field hdr-${field}`, "data-field": field, placeholder, size, spellcheck: field === "title" ? "true" : "false" });
}

/**
 * What a masthead knows beyond its fields: the header it last wrote or was shown (its
 * sponsors are the list an addition or removal starts from, even before the analysis of the
 * last write has come back), and its writes, one after the other.
 */
interface Pending {
  header: Header;
  writes: Promise<void>;
  count: number;
}
const pending = new WeakMap<HTMLElement, Pending>();

/** Reads the header the fields show now. */
function read(dom: HTMLElement): Header {
  const value = (f: Field) => (dom.querySelector<HTMLInputElement>(`[data-field="${f}"]`)?.value.trim() || null);
  const body = dom.querySelector<HTMLSelectElement>(".hdr-body")?.value || null;
  const sponsors = [...(pending.get(dom)?.header.sponsors ?? [])];
  return { body, symbol: value("symbol"), session: value("session"), agenda_item: value("agenda_item"), title: value("title"), sponsors };
}

/** Shows `header` at once and writes it after the writes before it. */
function commit(view: EditorView, dom: HTMLElement, header: Header): void {
  const p = pending.get(dom);
  if (!p) return;
  p.header = header;
  p.count++;
  showSponsors(dom, header.sponsors);
  p.writes = p.writes.then(() => write(view, header)).finally(() => p.count--);
}

/** The sponsors line: "A, B and C", each with its remove button. */
function showSponsors(dom: HTMLElement, sponsors: string[]): void {
  const list = dom.querySelector(".hdr-sponsor-list");
  if (!list) return;
  replace(list, ...sponsors.flatMap((name, i) => [
    i === 0 ? null : i === sponsors.length - 1 ? " and " : ", ",
    el("span", { class: "hdr-sponsor", "data-name": name }, name,
      el("button", { class: "hdr-remove", "data-name": name, title: `Remove ${name}`, "aria-label": `Remove ${name}` }, "×")),
  ]));
}

/** Writes `header` into the draft of `view` as one edit. */
async function write(view: EditorView, header: Header): Promise<void> {
  const doc = view.state.doc;
  try {
    const edit = await backend.setHeader(doc.toString(), header);
    if (!edit) return;
    if (view.state.doc !== doc) {
      notify("The draft changed meanwhile: the header was not written. Try again.", "error");
      return;
    }
    view.dispatch({ changes: { from: edit.from, to: edit.to, insert: edit.insert }, userEvent: "input.header" });
  } catch (e) {
    notify(`Cannot write the header: ${backend.errorMessage(e)}`, "error");
  }
}

export class HeaderWidget extends WidgetType {
  constructor(readonly header: Header) {
    super();
  }

  eq(other: HeaderWidget): boolean {
    return JSON.stringify(other.header) === JSON.stringify(this.header);
  }

  toDOM(view: EditorView): HTMLElement {
    const body = el("select", { class: "hdr-body", "aria-label": "Organ" },
      el("option", { value: "" }, "Organ…"), ...BODIES.map((b) => el("option", { value: b }, b)));
    const addSponsor = el("input", { class: "hdr-add-sponsor", placeholder: "+ sponsor", size: 9, "aria-label": "Add a sponsor" });
    const dom = el("div", { class: "cm-doc-header", "aria-label": "Masthead" },
      el("div", { class: "hdr-top" }, el("span", { class: "hdr-un" }, "United Nations"), input("symbol", "Symbol (A/C.2/81/L.1)", 22)),
      el("div", { class: "hdr-organ" }, body, el("span", { class: "hdr-distr" })),
      el("div", { class: "hdr-line" }, input("session", "Session", 5), el("span", { class: "hdr-session-heading" })),
      el("div", { class: "hdr-line hdr-committee" }),
      el("div", { class: "hdr-line" }, "Agenda item ", input("agenda_item", "18 (b)", 8)),
      el("div", { class: "hdr-sponsors" }, el("span", { class: "hdr-sponsor-list" }), el("span", { class: "hdr-suffix" }, ": draft resolution"), addSponsor),
      el("div", { class: "hdr-line" }, input("title", "Title of the draft resolution", 60)));
    pending.set(dom, { header: this.header, writes: Promise.resolve(), count: 0 });
    dom.addEventListener("change", (e) => {
      if (e.target !== addSponsor) commit(view, dom, read(dom));
    });
    dom.addEventListener("keydown", (e) => {
      if (e.key === "Backspace" && e.target === addSponsor && addSponsor.value === "") {
        // As in a list of recipients: Backspace in the empty field takes the last one off.
        const header = read(dom);
        if (header.sponsors.pop() !== undefined) commit(view, dom, header);
        return;
      }
      if (e.key !== "Enter" || !(e.target instanceof HTMLInputElement)) return;
      e.preventDefault();
      if (e.target === addSponsor) {
        const name = addSponsor.value.trim();
        if (!name) return;
        const header = read(dom);
        if (!header.sponsors.includes(name)) header.sponsors.push(name);
        addSponsor.value = "";
        commit(view, dom, header);
      } else commit(view, dom, read(dom));
    });
    dom.addEventListener("click", (e) => {
      const remove = (e.target as HTMLElement).closest<HTMLElement>(".hdr-remove");
      if (!remove) return;
      const header = read(dom);
      header.sponsors = header.sponsors.filter((s) => s !== remove.dataset.name);
      commit(view, dom, header);
    });
    this.fill(dom);
    // Its height is known once laid out: the gutter's labels below it follow that height.
    requestAnimationFrame(() => view.requestMeasure());
    return dom;
  }

  updateDOM(dom: HTMLElement, view: EditorView): boolean {
    this.fill(dom);
    view.requestMeasure();
    return true;
  }

  get estimatedHeight(): number {
    return 250;
  }

  /** Shows the header in the fields, leaving alone the one being typed in (and all of them while writes are under way). */
  private fill(dom: HTMLElement): void {
    const h = this.header;
    const p = pending.get(dom);
    if (p && p.count > 0) return;
    if (p) p.header = h;
    const locked = h.editable === false;
    dom.classList.toggle("hdr-locked", locked);
    dom.title = locked ? "The front matter holds comments, which the fields would not keep: edit it in the source view (Ctrl+Shift+D)." : "";
    dom.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>("input, select, button").forEach((e) => {
      e.disabled = locked;
    });
    for (const f of ["symbol", "session", "agenda_item", "title"] as Field[]) {
      const field = dom.querySelector<HTMLInputElement>(`[data-field="${f}"]`);
      if (field && field !== document.activeElement) field.value = h[f] ?? "";
    }
    const body = dom.querySelector<HTMLSelectElement>(".hdr-body");
    if (body) body.value = h.body ?? "";
    const set = (css: string, text: string) => {
      const node = dom.querySelector(css);
      if (node) node.textContent = text;
    };
    set(".hdr-distr", h.distribution ?? "");
    set(".hdr-session-heading", h.session_heading ?? "");
    set(".hdr-committee", h.committee ?? "");
    showSponsors(dom, h.sponsors);
  }

  ignoreEvent(): boolean {
    return true;
  }
}

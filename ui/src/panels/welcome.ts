// The welcome view, shown over the editor when the app starts without a file: a new
// resolution from a short form, open, recent drafts, the sample, importing a library — each a
// button reachable with Tab, and what an empty library costs. It goes as soon as a draft is
// shown; Escape leaves an empty untitled draft.
import * as backend from "../backend";
import { el, replace } from "../dom";
import type { NewDraftForm, OpenedDraft } from "../types";
import { libraryState } from "./library";

export interface WelcomeActions {
  show(opened: OpenedDraft): void;
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  importLibrary(): Promise<void>;
  openPack(): Promise<void>;
  dismiss(): void;
}

const ORGANS: [string, string][] = [
  ["GA", "General Assembly (plenary)"],
  ["C.1", "First Committee"],
  ["C.2", "Second Committee"],
  ["C.3", "Third Committee"],
  ["C.4", "Fourth Committee"],
  ["C.5", "Fifth Committee"],
  ["C.6", "Sixth Committee"],
  ["HRC", "Human Rights Council"],
  ["ECOSOC", "Economic and Social Council"],
  ["SC", "Security Council"],
];

export class Welcome {
  readonly element = el("section", { class: "welcome", "aria-label": "Welcome", hidden: true });

  constructor(private readonly actions: WelcomeActions) {
    this.element.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.hide();
        this.actions.dismiss();
      }
    });
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** Shows the start choices, and what working without a library costs when there is none. */
  show(recent: string[]): void {
    const action = (id: string, label: string, detail: string, run: () => void) =>
      el("button", { class: "welcome-action", "data-id": id, onclick: run },
        el("span", { class: "label" }, label), el("span", { class: "detail" }, detail));
    const recentList = recent.length === 0 ? null : el("div", { class: "welcome-recent" },
      el("h3", {}, "Recent drafts"),
      ...recent.slice(0, 6).map((path) => el("button", {
        class: "welcome-file", "data-path": path, title: path,
        onclick: () => void this.actions.openPath(path),
      }, path.split("/").pop() ?? path)));
    const library = libraryState.empty ? el("div", { class: "welcome-library", role: "note" },
      el("h3", {}, "No library yet"),
      el("p", {}, "Without a library of prior resolutions, citations cannot be verified (date, existence, paragraph) and no precedents or agreed language can be found. Import a folder of resolutions (texts, PDF or DOCX) once; it stays on this computer."),
      action("import-library", "Import a library folder…", "Any folder of UN resolutions", () => void this.actions.importLibrary()),
      action("open-pack", "Open a library pack…", "A library exported from Resolute as one file", () => void this.actions.openPack()))
      : null;
    replace(this.element,
      el("h2", {}, "Resolute"),
      el("p", { class: "welcome-lead" }, "Draft, check and negotiate United Nations resolutions, offline."),
      el("div", { class: "welcome-actions" },
        action("new-resolution", "New resolution…", "Organ, session, agenda item, title, sponsors", () => this.form()),
        action("open", "Open…", "A draft (.md) or a document: DOCX, PDF, text (Ctrl+O)", () => void this.actions.open()),
        action("sample", "Open the sample draft", "A Second Committee draft to try things on", () => void this.openSample())),
      recentList, library);
    this.element.hidden = false;
    (this.element.querySelector("button") as HTMLElement | null)?.focus();
  }

  private async openSample(): Promise<void> {
    this.actions.show(await backend.sample());
  }

  /** The short form of a new resolution, in place of the choices. */
  private form(): void {
    const organ = el("select", { name: "organ", "aria-label": "Organ or committee" },
      ...ORGANS.map(([value, label]) => el("option", { value }, label)));
    const field = (name: string, label: string, placeholder: string) =>
      el("label", {}, label, el("input", { type: "text", name, placeholder }));
    const sponsors = el("textarea", { name: "sponsors", rows: 3, placeholder: "One State per line" });
    const form = el("form", { class: "welcome-form", "aria-label": "New resolution" },
      el("h2", {}, "New resolution"),
      el("label", {}, "Organ or committee", organ),
      field("session", "Session (or year)", "81"),
      field("agenda_item", "Agenda item", "18 (b)"),
      field("title", "Title", "Resilience of groundwater"),
      el("label", {}, "Sponsors", sponsors),
      el("div", { class: "modal-buttons" },
        el("button", { type: "submit", "data-id": "create" }, "Create the draft"),
        el("button", { type: "button", "data-id": "back", onclick: () => this.back() }, "Back")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
      const data: NewDraftForm = {
        organ: organ.value,
        session: value("session"),
        agenda_item: value("agenda_item"),
        title: value("title"),
        sponsors: sponsors.value.split("\n").map((s) => s.trim()).filter((s) => s.length > 0),
      };
      void backend.newDraft(data).then((text) =>
        this.actions.show({ path: null, name: "Untitled.md", text, imported: false }));
    });
    replace(this.element, form);
    organ.focus();
  }

  private back(): void {
    void backend.recent().then((recent) => this.show(recent));
  }
}

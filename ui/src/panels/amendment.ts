// "Apply an amendment…": the amendment's instructions against the draft, each with its
// outcome and its effect (paragraph before / after), before anything changes; Apply one or
// Apply all, each one change of the editor (one undo step). The draft is always computed
// from the text the amendment was opened on, whose paragraphs its numbers name; if the
// drafter edits meanwhile, the amendment is opened again on the edited text.
import type { EditorView } from "@codemirror/view";
import * as backend from "../backend";
import { el, replace } from "../dom";
import { applyEdit } from "../editor/commands";
import { notify } from "../status";
import type { AmendmentView } from "../types";

const STATUS: Record<string, string> = {
  applied: "can be applied",
  "already-satisfied": "already satisfied",
  "not-found": "not found",
  ambiguous: "ambiguous",
  unreadable: "not understood",
};

export class AmendmentPanel {
  private overlay: HTMLElement | null = null;
  private path = "";
  private force = false;
  /** The text the amendment was opened on, and the text the last application left. */
  private base = "";
  private expected = "";
  private chosen: number[] = [];
  private view: AmendmentView | null = null;

  constructor(private readonly editor: () => EditorView) {}

  /** Asks for the amendment document, then shows it against the draft. */
  async open(): Promise<void> {
    const path = await backend.amendmentDialog().catch((e) => {
      notify(backend.errorMessage(e), "error");
      return null;
    });
    if (!path) return;
    this.path = path;
    this.force = false;
    await this.load();
  }

  private async load(): Promise<void> {
    this.base = this.editor().state.doc.toString();
    this.expected = this.base;
    this.chosen = [];
    try {
      this.view = await backend.amendmentPreview(this.base, this.path, this.force);
    } catch (e) {
      return this.showError(backend.errorMessage(e));
    }
    this.render();
  }

  private showError(message: string): void {
    const other = message.includes("--force");
    this.show(el("div", { class: "amendment-error", role: "alert" },
      el("h2", {}, "This amendment cannot be applied"),
      el("p", {}, message.replace(" (--force applies it anyway)", "")),
      el("div", { class: "modal-buttons" },
        other ? el("button", { "data-id": "force", onclick: () => { this.force = true; void this.load(); } }, "Apply it anyway") : null,
        el("button", { "data-id": "close", onclick: () => this.close() }, "Close"))));
  }

  private render(): void {
    const v = this.view;
    if (!v) return;
    const items = v.instructions.map((i) => {
      const done = this.chosen.includes(i.n);
      const applicable = i.outcome.status === "applied";
      const effects = i.effects.map((e) => el("div", { class: "effect" },
        el("span", { class: "effect-label" }, e.label),
        e.before !== null ? el("div", { class: "before" }, e.before) : el("div", { class: "before none" }, "(new paragraph)"),
        e.after !== null ? el("div", { class: "after" }, e.after) : el("div", { class: "after none" }, "(deleted)")));
      return el("li", { class: `instruction ${i.outcome.status}${done ? " done" : ""}`, "data-n": i.n },
        el("div", { class: "instruction-head" },
          el("span", { class: "n" }, `${i.n}.`),
          el("span", { class: "targets" }, [i.outcome.kind, ...i.outcome.targets].join(" · ")),
          el("span", { class: `badge ${i.outcome.status}` }, done ? "applied" : STATUS[i.outcome.status] ?? i.outcome.status),
          el("button", { "data-id": `apply-${i.n}`, disabled: done || !applicable, onclick: () => void this.apply([i.n]) }, "Apply")),
        el("div", { class: "instruction-text" }, i.text),
        el("div", { class: "message" }, i.outcome.message),
        ...effects);
    });
    const remaining = v.instructions.filter((i) => i.outcome.status === "applied" && !this.chosen.includes(i.n)).map((i) => i.n);
    this.show(el("div", { class: "amendment" },
      el("h2", {}, `${v.symbol ?? "Amendment"}: ${v.proposers}`),
      el("p", { class: "amendment-target" }, `Amends ${v.target}.${v.note ? ` ${v.note}.` : ""}`),
      el("ol", { class: "instructions" }, ...items),
      el("div", { class: "modal-buttons" },
        el("button", { "data-id": "apply-all", disabled: remaining.length === 0, onclick: () => void this.apply(remaining) }, "Apply all"),
        el("button", { "data-id": "close", onclick: () => this.close() }, "Close"))));
  }

  private show(content: HTMLElement): void {
    if (!this.overlay) {
      this.overlay = el("div", { class: "overlay amendment-overlay", onkeydown: ((e: KeyboardEvent) => {
        if (e.key === "Escape") this.close();
      }) as EventListener });
      document.body.append(this.overlay);
    }
    replace(this.overlay, el("div", { class: "modal wide", role: "dialog", "aria-modal": "true", "aria-label": "Apply an amendment" }, content));
    (this.overlay.querySelector("button:not([disabled])") as HTMLElement | null)?.focus();
  }

  close(): void {
    this.overlay?.remove();
    this.overlay = null;
    this.editor().focus();
  }

  /** Applies `numbers` as well as those applied before: one change of the editor. */
  private async apply(numbers: number[]): Promise<void> {
    const view = this.editor();
    if (view.state.doc.toString() !== this.expected) {
      notify("The draft changed since the amendment was opened: it is shown again on the edited text.", "info");
      return this.load();
    }
    const chosen = [...this.chosen, ...numbers].sort((a, b) => a - b);
    try {
      const edit = await backend.amendmentApply(this.base, this.expected, this.path, this.force, chosen);
      // Typed into meanwhile: the edit's offsets no longer fit.
      if (view.state.doc.toString() !== this.expected) return this.load();
      if (edit) applyEdit(view, edit, "input.amend");
    } catch (e) {
      return notify(backend.errorMessage(e), "error");
    }
    this.chosen = chosen;
    this.expected = view.state.doc.toString();
    this.render();
  }
}

// The negotiation panel, shown when the draft is a negotiating text (its front matter names a
// stage): the stage, the counts, the paragraphs still open (brackets, placeholders, status),
// each delegation's proposals, the placeholders to fill and the unbalanced brackets; a click
// (or Enter) on any of them puts the cursor there.
import type { EditorView } from "@codemirror/view";
import { el, replace } from "../dom";
import { statusSign } from "../editor/analysis";
import type { Analysis, NegotiationView } from "../types";

export class NegotiationPanel {
  readonly element = el("section", { class: "negotiation", "aria-label": "Negotiation", hidden: "" });
  private body = el("div", {});

  constructor(private view: () => EditorView) {
    this.element.append(el("h2", {}, "Negotiation"), this.body);
  }

  /** Redraws from the latest analysis; hidden when the draft is not a negotiating text. */
  show(analysis: Analysis): void {
    const n = analysis.negotiation;
    this.element.hidden = n === null;
    if (n) replace(this.body, ...this.sections(n));
  }

  /** Puts the focus on the panel's first entry (Ctrl+Shift+B). */
  focus(): void {
    const first = this.element.querySelector<HTMLButtonElement>("button.jump");
    first?.focus();
  }

  private sections(n: NegotiationView): HTMLElement[] {
    const t = n.totals;
    const row = (name: string, value: number) => [el("dt", {}, name), el("dd", { "data-total": name }, String(value))];
    const totals = el("dl", { class: "totals" },
      ...row("agreed ad ref", t.agreed), ...row("open paragraphs", t.open_paragraphs),
      ...row("bracket pairs", t.pairs), ...row("alternatives", t.alternatives),
      ...row("placeholders", t.placeholders), ...row("unbalanced", t.unbalanced));
    const open = n.paragraphs.filter((p) => p.brackets > 0 || p.status !== null);
    const paragraphs = open.map((p) => {
      const s = statusSign(p.status);
      const detail = [p.brackets > 0 ? `${p.brackets} [ ]` : "", p.placeholders > 0 ? `${p.placeholders} to fill` : ""]
        .filter(Boolean).join(", ");
      return this.jump(p.from, el("span", { class: "outline-label" }, p.label),
        s ? el("span", { class: `status-pill ${s.cls}`, title: p.status ?? "" }, `${s.sign} ${p.status}`) : null,
        el("span", { class: "count" }, detail));
    });
    const actors = n.actors.map((a) => {
      return this.jump(a.from ?? 0, el("span", {}, a.name),
        el("span", { class: "count" }, `${a.proposed} proposed · ${a.delete} delete · ${a.retain} retain`));
    });
    const placeholders = n.brackets.filter((b) => b.kind === "placeholder")
      .map((b) => this.jump(b.from, el("span", {}, this.view().state.doc.sliceString(b.from, b.to))));
    const unbalanced = n.unmatched
      .map((u) => this.jump(u.from, el("span", {}, `“${this.view().state.doc.sliceString(u.from, u.to)}” without a partner`)));
    const list = (title: string, items: HTMLElement[]) =>
      items.length === 0 ? [] : [el("h3", {}, title), el("ul", {}, ...items.map((i) => el("li", {}, i)))];
    return [
      el("p", { class: "stage" }, `Stage: ${n.stage}`),
      totals,
      ...list("Unbalanced", unbalanced),
      ...list("Paragraphs", paragraphs),
      ...list("Delegations", actors),
      ...list("Placeholders", placeholders),
    ];
  }

  private jump(at: number, ...children: (Node | null)[]): HTMLElement {
    return el("button", { class: "jump", onclick: () => this.go(at) }, ...children);
  }

  private go(at: number): void {
    const view = this.view();
    view.dispatch({ selection: { anchor: Math.min(at, view.state.doc.length) }, scrollIntoView: true });
    view.focus();
  }
}

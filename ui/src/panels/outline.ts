// The outline: enacting formula, PP/OP, subparagraphs, footnotes, with the number of
// diagnostics per paragraph; a click (or Enter) puts the cursor there.
import type { EditorView } from "@codemirror/view";
import { el, replace } from "../dom";
import { statusSign } from "../editor/analysis";
import type { Analysis } from "../types";

export class Outline {
  readonly element = el("nav", { class: "outline", "aria-label": "Outline" });
  private list = el("ol", { class: "outline-list" });

  constructor(private view: () => EditorView) {
    this.element.append(el("h2", {}, "Outline"), this.list);
  }

  /** Redraws from the latest analysis. */
  show(analysis: Analysis): void {
    const worst = (from: number, to: number) => {
      const inside = analysis.diagnostics.filter((d) => d.from >= from && d.from < to);
      return inside.some((d) => d.severity === "error") ? "error"
        : inside.some((d) => d.severity === "warning") ? "warning" : "info";
    };
    const status = new Map((analysis.negotiation?.paragraphs ?? []).map((p) => [p.from, p.status]));
    replace(this.list, ...analysis.outline.map((entry) => {
      const sign = statusSign(status.get(entry.from) ?? null);
      const pill = sign ? el("span", { class: `status-pill ${sign.cls}`, title: status.get(entry.from) ?? "" }, sign.sign) : null;
      const badge = entry.diagnostics > 0
        ? el("span", { class: `badge ${worst(entry.from, entry.to)}`, title: `${entry.diagnostics} finding(s)` }, String(entry.diagnostics))
        : null;
      return el("li", { class: `outline-item kind-${entry.kind} level-${entry.level}` },
        el("button", { class: "outline-jump", "data-label": entry.label, onclick: () => this.jump(entry.from) },
          el("span", { class: "outline-label" }, entry.label),
          el("span", { class: "outline-text" }, entry.text),
          pill,
          badge));
    }));
  }

  private jump(at: number): void {
    const view = this.view();
    const pos = Math.min(at, view.state.doc.length);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }
}

// The negotiation panel, shown when the draft is a negotiating text (its front matter names a
// stage): the stage, the counts, the paragraphs still open (brackets, placeholders, status),
// each delegation's proposals, the placeholders to fill and the unbalanced brackets; a click
// (or Enter) on any of them puts the cursor there. "Compare with a previous round…" adds what
// moved since that round (brackets closed and opened, alternatives settled, paragraphs newly
// agreed, added, deleted), recomputed as the draft changes.
import type { EditorView } from "@codemirror/view";
import * as backend from "../backend";
import { el, replace } from "../dom";
import { statusSign } from "../editor/analysis";
import { notify } from "../status";
import type { Analysis, NegotiationView, PreviousRound, RoundProgressView } from "../types";

export class NegotiationPanel {
  readonly element = el("section", { class: "negotiation", "aria-label": "Negotiation", hidden: "" });
  private body = el("div", {});
  private last: NegotiationView | null = null;
  /** The round compared with, what moved since it, and whether a comparison is running. */
  private previous: PreviousRound | null = null;
  private since: RoundProgressView | null = null;
  private comparing = false;
  private stale = false;

  constructor(private view: () => EditorView) {
    this.element.append(el("h2", {}, "Negotiation"), this.body);
  }

  /** Redraws from the latest analysis; hidden when the draft is not a negotiating text. */
  show(analysis: Analysis): void {
    const n = analysis.negotiation;
    this.last = n;
    this.element.hidden = n === null;
    if (n) replace(this.body, ...this.sections(n));
    if (n && this.previous) void this.compare();
  }

  /** Asks for a previous round, then shows what moved since it. */
  async chooseRound(): Promise<void> {
    if (!this.last) {
      notify("This draft is not a negotiating text: its front matter names no stage.", "error");
      return;
    }
    try {
      const path = await backend.previousRoundDialog();
      if (!path) return;
      this.previous = await backend.previousRound(path);
      this.since = null;
      await this.compare();
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    }
  }

  /** Recomputes the comparison; one at a time, the latest text last. */
  private async compare(): Promise<void> {
    if (this.comparing) {
      this.stale = true;
      return;
    }
    this.comparing = true;
    try {
      do {
        this.stale = false;
        const previous = this.previous;
        if (!previous) break;
        const since = await backend.roundProgress(previous.text, this.view().state.doc.toString());
        if (since) this.since = since;
      } while (this.stale);
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    } finally {
      this.comparing = false;
    }
    if (this.last) replace(this.body, ...this.sections(this.last));
  }

  private stopComparing(): void {
    this.previous = null;
    this.since = null;
    if (this.last) replace(this.body, ...this.sections(this.last));
  }

  private sinceSection(): HTMLElement[] {
    const compareButton = el("button", { class: "compare-round", "data-id": "compare-round", onclick: () => { void this.chooseRound(); } },
      this.previous ? "Another round…" : "Compare with a previous round…");
    if (!this.previous) return [compareButton];
    const s = this.since;
    const head = el("h3", { class: "since-head" }, `Since ${this.previous.name}`);
    const stop = el("button", { "data-id": "stop-comparing", title: "Stop comparing", onclick: () => this.stopComparing() }, "×");
    if (!s) return [el("div", { class: "since-title" }, head, stop), el("p", { class: "stage" }, "Comparing…"), compareButton];
    const t = s.totals;
    const row = (name: string, value: number) => [el("dt", {}, name), el("dd", { "data-since": name }, String(value))];
    const totals = el("dl", { class: "totals since" },
      ...row("brackets", t.new_pairs), ...row("closed", t.closed), ...row("opened", t.opened),
      ...row("settled", t.settled), ...row("newly agreed", t.newly_agreed),
      ...row("added", t.added), ...row("deleted", t.deleted));
    const rows = s.paragraphs.map((r) => {
      const label = r.new ?? `${r.old} (deleted)`;
      const what = [
        r.change === "added" ? "new" : "",
        r.closed > 0 ? `${r.closed} closed` : "",
        r.opened > 0 ? `${r.opened} opened` : "",
        r.settled > 0 ? `${r.settled} settled` : "",
        r.newly_agreed ? "agreed" : "",
      ].filter(Boolean).join(", ");
      const item = r.from === null
        ? el("span", { class: "jump deleted" }, el("span", { class: "outline-label" }, label))
        : this.jump(r.from, el("span", { class: "outline-label" }, label), el("span", { class: "count" }, what));
      item.dataset.round = label;
      return item;
    });
    const list = rows.length === 0 ? [el("p", { class: "stage" }, "Nothing moved.")] : [el("ul", { class: "since-list" }, ...rows.map((i) => el("li", {}, i)))];
    return [el("div", { class: "since-title" }, head, stop), totals, ...list, compareButton];
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
      ...this.sinceSection(),
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

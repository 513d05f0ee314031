// The library panel: search as you type with filters (organ, years, paragraph kind), results
// with highlighted snippets and their reference, insert a result at the cursor, precedents
// for the paragraph under the cursor with word-level differences, the text of a cited
// resolution, importing a folder with a progress bar and a summary, and library packs: open
// one into the library, export the library as one.
import type { Text } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import * as backend from "../backend";
import { el, highlighted, replace } from "../dom";
import { applyEdit } from "../editor/commands";
import { lineageTimeline, usageChart } from "./chart";
import { notify } from "../status";
import type { Hit, ParagraphAt, Precedents, ResolutionText, SearchResults, Stats } from "../types";

const SEARCH_DEBOUNCE_MS = 120;

/** What the citation cards need to know about the library: whether it holds anything. */
export const libraryState = { empty: true };

export class LibraryPanel {
  readonly element = el("aside", { class: "library", "aria-label": "Library" });
  private query = el("input", { type: "search", class: "library-query", placeholder: "Search adopted language (Ctrl+Shift+F)", "aria-label": "Search the library" });
  private body = el("select", { class: "filter-body", "aria-label": "Organ" },
    el("option", { value: "" }, "All organs"), el("option", { value: "GA" }, "General Assembly"),
    el("option", { value: "SC" }, "Security Council"), el("option", { value: "HRC" }, "Human Rights Council"),
    el("option", { value: "ECOSOC" }, "ECOSOC"));
  private kind = el("select", { class: "filter-kind", "aria-label": "Paragraph kind" },
    el("option", { value: "" }, "All paragraphs"), el("option", { value: "preambular" }, "Preambular"),
    el("option", { value: "operative" }, "Operative"));
  private from = el("input", { type: "number", class: "filter-from", placeholder: "from", min: 1946, max: 2100, "aria-label": "From year" });
  private to = el("input", { type: "number", class: "filter-to", placeholder: "to", min: 1946, max: 2100, "aria-label": "To year" });
  private info = el("div", { class: "library-info" });
  private results = el("div", { class: "library-results", "aria-live": "polite" });
  private progress = el("div", { class: "import-progress", hidden: true });
  private timer: number | undefined;
  private seq = 0;

  constructor(private view: () => EditorView) {
    const search = () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.search(), SEARCH_DEBOUNCE_MS);
    };
    for (const input of [this.query, this.from, this.to]) input.addEventListener("input", search);
    for (const select of [this.body, this.kind]) select.addEventListener("change", search);
    this.query.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.view().focus();
    });
    this.element.append(
      el("h2", {}, "Library"), this.info, this.query,
      el("div", { class: "filters" }, this.body, this.kind, this.from, this.to),
      this.progress, this.results,
    );
    void backend.onImportProgress((p) => {
      const share = p.bytes_total ? p.bytes_done / p.bytes_total : p.files_total ? p.files_done / p.files_total : 0;
      const eta = p.eta_secs === null ? "" : ` · about ${Math.ceil(p.eta_secs)} s left`;
      replace(this.progress, el("progress", { max: 100, value: Math.round(100 * share) }),
        `${p.files_done} / ${p.files_total} files${eta}`, el("div", { class: "current" }, p.current.split("/").pop() ?? ""));
    });
  }

  focusSearch(): void {
    this.query.focus();
    this.query.select();
  }

  /** Shows what the library holds (or what working without one costs, and how to get one). */
  async refresh(): Promise<void> {
    const stats: Stats | null = await backend.libraryInfo().catch(() => null);
    libraryState.empty = !stats || (stats.resolutions === 0 && stats.metadata_rows === 0);
    const metadataOnly = !!stats && stats.resolutions === 0 && stats.metadata_rows > 0;
    replace(this.info, stats && !libraryState.empty && !metadataOnly
      ? `${stats.resolutions.toLocaleString("en")} resolutions, ${stats.paragraphs.toLocaleString("en")} paragraphs`
      : metadataOnly
      ? el("span", { class: "no-library" },
        `${stats.metadata_rows.toLocaleString("en")} metadata rows, no texts yet: citations are checked against them, but precedents need the texts. `,
        el("button", { class: "link", onclick: () => void this.importFolder() }, "Import a folder of resolutions…"))
      : el("span", { class: "no-library" },
        "No library yet: citations cannot be verified and no precedents can be found. ",
        el("button", { class: "link", onclick: () => void this.importFolder() }, "Import a folder of resolutions…"),
        " or ",
        el("button", { class: "link", "data-id": "open-pack", onclick: () => void this.openPack() }, "open a library pack…")));
  }


  private filters(): backend.SearchFilters {
    const year = (i: HTMLInputElement) => (i.value ? Number(i.value) : null);
    return { body: this.body.value || null, kind: this.kind.value || null, from: year(this.from), to: year(this.to) };
  }

  private async search(): Promise<void> {
    const query = this.query.value.trim();
    const seq = ++this.seq;
    if (!query) return replace(this.results);
    try {
      const filters = this.filters();
      const results = await backend.search(query, filters);
      if (seq !== this.seq) return;
      this.showResults(results);
      if (results.groups.length === 0) return;
      // The picture over the years follows the results; it never holds them up.
      const rows = await backend.usageByYear(query, filters).catch(() => []);
      const chart = usageChart(rows);
      if (seq === this.seq && chart) this.results.insertBefore(chart, this.results.children[1] ?? null);
    } catch (e) {
      if (seq === this.seq) replace(this.results, el("p", { class: "error" }, backend.errorMessage(e)));
    }
  }

  private showResults(results: SearchResults): void {
    if (results.groups.length === 0) return replace(this.results, el("p", { class: "empty" }, "No adopted paragraph matches."));
    replace(this.results, el("p", { class: "total" }, `${results.total_paragraphs.toLocaleString("en")} ${results.total_paragraphs === 1 ? "paragraph" : "paragraphs"}`),
      ...results.groups.map((g) => el("section", { class: "result-group" },
        el("h3", {}, g.symbol, g.title ? el("span", { class: "title" }, ` ${g.title}`) : null),
        ...g.hits.map((hit) => this.hitElement(hit)))));
  }

  private hitElement(hit: Hit): HTMLElement {
    return el("div", { class: "hit" },
      el("div", { class: "hit-ref" }, hit.reference, hit.date ? ` · ${hit.date}` : ""),
      el("p", { class: "hit-text" }, highlighted(hit.highlight)),
      el("button", { class: "insert", onclick: () => this.insert(hit.text) }, "Insert"));
  }

  /** Puts a paragraph's text at the cursor, as one undoable edit. */
  insert(text: string): void {
    const view = this.view();
    view.dispatch(view.state.replaceSelection(text), { userEvent: "input.library", scrollIntoView: true });
    view.focus();
  }

  /**
   * Puts adopted wording in place of a paragraph's own text, keeping its number or label and
   * its footnote marks (the backend knows the draft format). One undo step.
   */
  async replaceParagraph(para: ParagraphAt, wording: string, asked: Text): Promise<void> {
    const view = this.view();
    const doc = view.state.doc;
    if (doc !== asked) return notify("The draft changed: ask for the precedents again.");
    const edit = await backend.replaceWording(doc.toString(), para.from, wording);
    if (view.state.doc !== doc) return;
    if (edit) applyEdit(view, edit, "input.precedent");
    view.focus();
  }

  /** Precedents for the paragraph under the cursor, with word-level differences. */
  async precedentAtCursor(): Promise<void> {
    const view = this.view();
    const para = await backend.paragraphAt(view.state.doc.toString(), view.state.selection.main.head);
    if (!para) return notify("Put the cursor in a paragraph first.");
    const asked = view.state.doc;
    try {
      this.showPrecedents(para, await backend.precedent(para.text, 5), asked);
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    }
  }

  private showPrecedents(para: ParagraphAt, p: Precedents, asked: Text): void {
    const label = para.label;
    const lineage = p.lineage
      ? el("p", { class: "lineage" }, p.lineage.occurrences === 1
        ? `This wording was adopted once: ${p.lineage.earliest.reference}.`
        : `This wording: ${p.lineage.occurrences} adopted paragraphs, first ${p.lineage.earliest.reference}, latest ${p.lineage.latest.reference}.`)
      : null;
    replace(this.results, el("h3", {}, `Precedents for ${label}`), lineage, lineageTimeline(p),
      ...p.precedents.map((prec) => el("div", { class: "hit precedent" },
        el("div", { class: "hit-ref" }, prec.reference, ` · ${Math.round(prec.score * 100)}% similar`),
        el("p", { class: "diff" }, ...prec.diff.map((d) => el(d.op === "equal" ? "span" : d.op === "insert" ? "ins" : "del", {}, `${d.text} `))),
        el("div", { class: "hit-actions" },
          el("button", { class: "replace", title: `Put this wording in place of ${label}'s, keeping its number and footnote marks`, onclick: () => void this.replaceParagraph(para, prec.text, asked) }, `Replace ${label}`),
          el("button", { class: "insert", onclick: () => this.insert(prec.text) }, "Insert")))));
    if (p.precedents.length === 0) this.results.append(el("p", { class: "empty" }, "No adopted paragraph is close."));
  }

  /** The text of a cited resolution (from the citation card). */
  showResolution(r: ResolutionText): void {
    replace(this.results, el("h3", {}, r.symbol, r.title ? ` ${r.title}` : ""),
      el("p", { class: "hit-ref" }, [r.body, r.date].filter(Boolean).join(" · ")),
      ...r.paragraphs.map((p) => el("p", { class: `res-para kind-${p.kind}` }, el("span", { class: "res-label" }, p.label), ` ${p.text}`)));
  }

  /** Native folder dialog, progress bar, summary of what was skipped. */
  async importFolder(): Promise<void> {
    this.progress.hidden = false;
    replace(this.progress, "Choose a folder…");
    try {
      const summary = await backend.importFolder();
      if (!summary) return;
      const failed = summary.failed.map((f) => el("li", {}, `${f.path}: ${f.reason}`));
      replace(this.results, el("h3", {}, "Import finished"),
        el("p", {}, `${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed.length} skipped — ${summary.paragraphs.toLocaleString("en")} paragraphs in ${summary.seconds.toFixed(1)} s.`),
        failed.length ? el("ul", { class: "failures" }, ...failed) : null);
      await this.refresh();
    } catch (e) {
      notify(`Import failed: ${backend.errorMessage(e)}`, "error");
    } finally {
      this.progress.hidden = true;
    }
  }

  /** "Open a library pack…": native dialog, progress, what it brought. */
  async openPack(): Promise<void> {
    this.progress.hidden = false;
    replace(this.progress, "Choose a library pack…");
    try {
      const added = await backend.openLibraryPack();
      if (!added) return;
      const how = added.adopted
        ? "The library now holds the pack's resolutions."
        : `${added.added} files added, ${added.replaced} replaced, ${added.unchanged} already in the library.`;
      replace(this.results, el("h3", {}, "Library pack opened"),
        el("p", { class: "pack-added" }, `${how} ${added.stats.resolutions.toLocaleString("en")} resolutions, ${added.stats.paragraphs.toLocaleString("en")} paragraphs (${added.seconds.toFixed(1)} s).`));
      await this.refresh();
    } catch (e) {
      notify(`The pack was not opened: ${backend.errorMessage(e)}`, "error");
    } finally {
      this.progress.hidden = true;
    }
  }

  /** "Export the library as a pack…": native Save dialog, progress, where it went. */
  async exportPack(): Promise<void> {
    if (libraryState.empty) {
      notify("The library is empty: there is nothing to export yet.", "error");
      return;
    }
    this.progress.hidden = false;
    replace(this.progress, "Choose where to save the pack…");
    try {
      const written = await backend.exportLibraryPack();
      if (!written) return;
      notify(`Library exported to ${written.path} (${(written.bytes / 1e6).toFixed(1)} MB, ${written.stats.resolutions.toLocaleString("en")} resolutions).`, "info");
    } catch (e) {
      notify(`The library was not exported: ${backend.errorMessage(e)}`, "error");
    } finally {
      this.progress.hidden = true;
    }
  }
}

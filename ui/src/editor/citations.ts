// A card on hover over a citation ("resolution 61/208 of 20 December 2006"): the cited
// resolution's title, date and organ from the library, and a button that shows its text.
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import type { Extension } from "@codemirror/state";
import * as backend from "../backend";
import { el } from "../dom";
import type { CitationCard, ResolutionText } from "../types";
import { analysisField } from "./analysis";
import { libraryState } from "../panels/library";

function card(c: CitationCard | null, key: string, show: (r: ResolutionText) => void): HTMLElement {
  if (!c) {
    return el("div", { class: "citation-card unknown" },
      el("div", { class: "symbol" }, key),
      el("div", {}, libraryState.empty
        ? "No library yet, so this citation cannot be verified: import a folder of resolutions (Import folder) or open a library pack (Commands, “Open a library pack…”)."
        : "Not in the library."));
  }
  const openText = async () => {
    const text = await backend.resolutionText(c.symbol).catch(() => null);
    if (text) show(text);
  };
  return el("div", { class: "citation-card" },
    el("div", { class: "symbol" }, c.symbol),
    c.title ? el("div", { class: "title" }, c.title) : null,
    el("div", { class: "meta" }, [c.body, c.date ? `adopted ${c.date}` : null, c.paragraphs ? `${c.paragraphs} paragraphs` : null].filter(Boolean).join(" · ")),
    c.adoption ? el("div", { class: "adoption" }, c.adoption) : null,
    c.sponsors ? el("div", { class: "sponsors" }, `Main sponsors: ${c.sponsors}`) : null,
    c.paragraphs ? el("button", { onclick: () => void openText() }, "Show the text") : null);
}

/** Hover cards over the citations the analysis found. `show` displays a resolution's text. */
export function citationCards(show: (r: ResolutionText) => void): Extension {
  return hoverTooltip(async (view, pos): Promise<Tooltip | null> => {
    const hit = view.state.field(analysisField).citations.find((c) => c.from <= pos && pos <= c.to);
    if (!hit) return null;
    const info = await backend.citationCard(hit.key).catch(() => null);
    return {
      pos: hit.from,
      end: hit.to,
      above: true,
      create: () => {
        const dom = card(info, hit.key, show);
        dom.classList.add("cm-citation-card");
        return { dom };
      },
    };
  }, { hoverTime: 350 });
}

// A small chart beside the search results: how many matching paragraphs each organ adopted,
// year by year. Drawn with plain elements (bars are divs sized in percent), no chart library
// and no network; every label is a text node.
import { el } from "../dom";
import type { YearUsage } from "../types";

const ORGANS = ["GA", "SC", "HRC", "ECOSOC"];
const NAMES: Record<string, string> = {
  GA: "General Assembly",
  SC: "Security Council",
  HRC: "Human Rights Council",
  ECOSOC: "Economic and Social Council",
};

/** The chart for `rows`, or null when there is nothing to draw. */
export function usageChart(rows: YearUsage[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const years = rows.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const byYear = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const year = byYear.get(r.year) ?? new Map<string, number>();
    year.set(r.body, (year.get(r.body) ?? 0) + r.paragraphs);
    byYear.set(r.year, year);
  }
  const total = (y: number) => [...(byYear.get(y)?.values() ?? [])].reduce((a, b) => a + b, 0);
  let highest = 1;
  for (let y = first; y <= last; y++) highest = Math.max(highest, total(y));
  const present = ORGANS.filter((o) => rows.some((r) => r.body === o));
  const bars = el("div", { class: "chart-bars", role: "img" });
  for (let y = first; y <= last; y++) {
    const counts = byYear.get(y);
    const parts = present.map((o) => [o, counts?.get(o) ?? 0] as const).filter(([, n]) => n > 0);
    const title = parts.length
      ? `${y}: ${parts.map(([o, n]) => `${o} ${n}`).join(", ")}`
      : `${y}: none`;
    const bar = el("div", { class: "chart-bar", title, "data-year": y, "data-total": total(y) });
    for (const [organ, n] of parts) {
      bar.append(el("div", { class: `chart-part organ-${organ.toLowerCase()}`, style: `height: ${(100 * n) / highest}%` }));
    }
    bars.append(bar);
  }
  const sum = rows.reduce((a, r) => a + r.paragraphs, 0);
  bars.setAttribute("aria-label", `${sum} matching paragraphs adopted from ${first} to ${last}`);
  return el("figure", { class: "usage-chart" },
    el("figcaption", {}, `Matching paragraphs by year of adoption (most in one year: ${highest})`),
    bars,
    el("div", { class: "chart-axis" }, el("span", {}, String(first)), el("span", {}, String(last))),
    el("div", { class: "chart-legend" },
      ...present.map((o) => el("span", { class: "chart-key" },
        el("span", { class: `chart-swatch organ-${o.toLowerCase()}` }), NAMES[o] ?? o))));
}

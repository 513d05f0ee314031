// A small chart beside the search results: how many resolutions with a matching paragraph
// each organ adopted, year by year. Drawn with plain elements (bars are divs sized in percent), no chart library
// and no network; every label is a text node.
import { el } from "../dom";
import type { Precedents, YearUsage } from "../types";

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
  const paragraphs = new Map<number, number>();
  for (const r of rows) {
    const year = byYear.get(r.year) ?? new Map<string, number>();
    year.set(r.body, (year.get(r.body) ?? 0) + r.resolutions);
    byYear.set(r.year, year);
    paragraphs.set(r.year, (paragraphs.get(r.year) ?? 0) + r.paragraphs);
  }
  const total = (y: number) => [...(byYear.get(y)?.values() ?? [])].reduce((a, b) => a + b, 0);
  let highest = 1;
  for (let y = first; y <= last; y++) highest = Math.max(highest, total(y));
  const present = ORGANS.filter((o) => rows.some((r) => r.body === o));
  const bars = el("div", { class: "chart-bars", role: "img" });
  for (let y = first; y <= last; y++) {
    const counts = byYear.get(y);
    const parts = present.map((o) => [o, counts?.get(o) ?? 0] as const).filter(([, n]) => n > 0);
    const p = paragraphs.get(y) ?? 0;
    const title = parts.length
      ? `${y}: ${parts.map(([o, n]) => `${o} ${n}`).join(", ")} (${p} ${p === 1 ? "paragraph" : "paragraphs"})`
      : `${y}: none`;
    const bar = el("div", { class: "chart-bar", title, "data-year": y, "data-total": total(y), "data-paragraphs": p });
    for (const [organ, n] of parts) {
      bar.append(el("div", { class: `chart-part organ-${organ.toLowerCase()}`, style: `height: ${(100 * n) / highest}%` }));
    }
    bars.append(bar);
  }
  const sum = rows.reduce((a, r) => a + r.resolutions, 0);
  bars.setAttribute("aria-label", `${sum} resolutions with a matching paragraph adopted from ${first} to ${last}`);
  return el("figure", { class: "usage-chart" },
    el("figcaption", {}, `Resolutions using it, by year of adoption (most in one year: ${highest})`),
    bars,
    el("div", { class: "chart-axis" }, el("span", {}, String(first)), el("span", {}, String(last))),
    el("div", { class: "chart-legend" },
      ...present.map((o) => el("span", { class: "chart-key" },
        el("span", { class: `chart-swatch organ-${o.toLowerCase()}` }), NAMES[o] ?? o))));
}

/** One point of a wording's timeline. */
interface Point {
  date: string;
  reference: string;
  /** "first" and "latest" adoption of the wording itself, or a precedent's similarity. */
  what: string;
  exact: boolean;
}

/**
 * The precedents of a paragraph on a line of years: the first adoption of the wording, each
 * close precedent (hollow when its words differ), its latest use. Null without two dated
 * points.
 */
export function lineageTimeline(p: Precedents): HTMLElement | null {
  const points: Point[] = [];
  const seen = new Set<string>();
  const add = (pt: Point) => {
    // One point per paragraph: the wording's own entry (filled) wins, being added first.
    const key = pt.reference;
    if (!seen.has(key)) {
      seen.add(key);
      points.push(pt);
    }
  };
  if (p.lineage?.earliest.date) add({ date: p.lineage.earliest.date, reference: p.lineage.earliest.reference, what: "first adoption of this wording", exact: true });
  for (const prec of p.precedents) {
    if (!prec.date) continue;
    const similar = Math.round(prec.score * 100);
    add({ date: prec.date, reference: prec.reference, what: similar >= 100 ? "same wording" : `${similar}% similar`, exact: similar >= 100 });
  }
  if (p.lineage?.latest.date && p.lineage.occurrences > 1) add({ date: p.lineage.latest.date, reference: p.lineage.latest.reference, what: "latest use of this wording", exact: true });
  if (points.length < 2) return null;
  points.sort((a, b) => a.date.localeCompare(b.date));
  const time = (d: string) => Date.parse(d);
  const start = time(points[0].date);
  const span = Math.max(1, time(points[points.length - 1].date) - start);
  const line = el("div", { class: "timeline-line", role: "list", "aria-label": "Precedents by date of adoption" });
  for (const pt of points) {
    const left = (100 * (time(pt.date) - start)) / span;
    line.append(el("div", {
      class: `timeline-point${pt.exact ? " exact" : ""}`,
      role: "listitem",
      style: `left: ${left.toFixed(2)}%`,
      title: `${pt.reference} · ${pt.date} · ${pt.what}`,
      "data-date": pt.date,
    }));
  }
  const year = (d: string) => d.slice(0, 4);
  return el("figure", { class: "lineage-timeline" },
    el("figcaption", {}, "On the line of years: filled, this wording; hollow, a close one"),
    line,
    el("div", { class: "chart-axis" }, el("span", {}, year(points[0].date)), el("span", {}, year(points[points.length - 1].date))));
}

// The status bar: transient messages (saved, cannot move ...) and the diagnostics count.
import { el, replace } from "./dom";

const message = el("span", { class: "status-message", role: "status", "aria-live": "polite" });
const counts = el("span", { class: "status-counts" });
let timer: number | undefined;

/** The status bar element. */
export const statusBar = el("footer", { class: "status-bar" }, message, counts);

/** Shows a message for a few seconds. */
export function notify(text: string, kind: "info" | "error" = "info"): void {
  replace(message, text);
  message.dataset.kind = kind;
  window.clearTimeout(timer);
  timer = window.setTimeout(() => replace(message), kind === "error" ? 8000 : 3000);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Shows how many findings of each severity the draft has (the outline counts them all). */
export function showCounts(errors: number, warnings: number, notes: number): void {
  replace(counts, `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(notes, "note")}`);
}

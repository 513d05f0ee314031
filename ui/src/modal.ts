// Small keyboard-friendly dialogs inside the window: a choice between buttons, and a filtered
// list to pick from (phrases, commands, recent files). Escape cancels; Enter takes the default.
import { el, replace } from "./dom";

/** Gives the focus back, when the dialog closes, to what had it when the dialog opened (the
 * editor, usually): after Cancel the drafter types on where they were. */
function focusReturner(): () => void {
  const before = document.activeElement;
  return () => {
    if (before instanceof HTMLElement && before.isConnected) before.focus();
  };
}

/** Asks a question; resolves to the chosen button's id, or "cancel" on Escape. */
export function choose(title: string, message: string, buttons: { id: string; label: string }[]): Promise<string> {
  return new Promise((resolve) => {
    const refocus = focusReturner();
    const done = (id: string) => {
      overlay.remove();
      refocus();
      resolve(id);
    };
    const row = el("div", { class: "modal-buttons" });
    for (const b of buttons) row.appendChild(el("button", { "data-id": b.id, onclick: () => done(b.id) }, b.label));
    const box = el("div", { class: "modal", role: "dialog", "aria-modal": "true", "aria-label": title },
      el("h2", {}, title), el("p", {}, message), row);
    const overlay = el("div", { class: "overlay", onkeydown: ((e: KeyboardEvent) => {
      if (e.key === "Escape") done("cancel");
    }) as EventListener }, box);
    document.body.appendChild(overlay);
    (row.firstElementChild as HTMLElement | null)?.focus();
  });
}

export interface PickItem {
  label: string;
  detail?: string;
  value: string;
}

/** A list with a filter box; resolves to the picked item's value or null. */
export function pick(title: string, items: PickItem[], placeholder = "Type to filter"): Promise<string | null> {
  return new Promise((resolve) => {
    let shown: PickItem[] = items;
    let active = 0;
    const input = el("input", { type: "text", class: "pick-filter", placeholder, "aria-label": placeholder });
    const list = el("ul", { class: "pick-list", role: "listbox" });
    const refocus = focusReturner();
    const done = (value: string | null) => {
      overlay.remove();
      refocus();
      resolve(value);
    };
    const render = () => {
      replace(list, ...shown.slice(0, 200).map((item, i) =>
        el("li", { role: "option", class: i === active ? "active" : "", "aria-selected": i === active,
          onmousedown: () => done(item.value) }, item.label, item.detail ? el("span", { class: "detail" }, item.detail) : null)));
      list.children[active]?.scrollIntoView({ block: "nearest" });
    };
    input.addEventListener("input", () => {
      const q = input.value.toLowerCase();
      shown = items.filter((i) => i.label.toLowerCase().includes(q));
      active = 0;
      render();
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === "Escape") {
        // The caller gives the editor the focus back before this key's default action runs:
        // without this, the Enter that picks a phrase also breaks the line in the draft.
        e.preventDefault();
        return done(e.key === "Enter" ? shown[active]?.value ?? null : null);
      }
      if (e.key === "ArrowDown") active = Math.min(active + 1, shown.length - 1);
      else if (e.key === "ArrowUp") active = Math.max(active - 1, 0);
      else return;
      e.preventDefault();
      render();
    });
    const box = el("div", { class: "modal pick", role: "dialog", "aria-modal": "true", "aria-label": title },
      el("h2", {}, title), input, list);
    const overlay = el("div", { class: "overlay", onmousedown: ((e: MouseEvent) => {
      if (e.target === overlay) done(null);
    }) as EventListener }, box);
    document.body.appendChild(overlay);
    render();
    input.focus();
  });
}

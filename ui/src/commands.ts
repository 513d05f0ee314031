// Every action of the app, with its keys: the toolbar, the keyboard and the command palette
// (Ctrl+Shift+P) all run these, so everything is reachable from the keyboard.

export interface Command {
  id: string;
  label: string;
  /** Shown to the user, e.g. "Ctrl+S". */
  keys?: string;
  run: () => void | Promise<unknown>;
}

const registry = new Map<string, Command>();

export function register(...commands: Command[]): void {
  for (const c of commands) registry.set(c.id, c);
}

export function all(): Command[] {
  return [...registry.values()];
}

export function run(id: string): void {
  const c = registry.get(id);
  if (c) void c.run();
}

/** "Ctrl+Shift+S" for a keyboard event, to look commands up by their keys. */
function keysOf(e: KeyboardEvent): string {
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push("Ctrl");
  if (e.altKey) parts.push("Alt");
  if (e.shiftKey) parts.push("Shift");
  const key = e.key === " " ? "Space" : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  parts.push(key);
  return parts.join("+");
}

/** Window-wide shortcuts (the editor handles its own keys first). */
export function installShortcuts(): void {
  window.addEventListener("keydown", (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    const keys = keysOf(e);
    const command = all().find((c) => c.keys === keys);
    if (!command) return;
    e.preventDefault();
    e.stopPropagation();
    void command.run();
  }, true);
}

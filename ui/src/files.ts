// The open draft as a file: its path and name, whether it is dirty, New/Open/Save/Save As,
// recent files, the window title, autosave (at most a second of typing at risk) and the offer
// to restore autosaved text after a crash.
import type { Text } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import * as backend from "./backend";
import { choose, pick } from "./modal";
import { notify } from "./status";
import type { OpenedDraft, Recovery } from "./types";

/** How often unsaved text is written to the autosave folder. */
const AUTOSAVE_MS = 1000;

interface FileState {
  path: string | null;
  name: string;
  saved: Text | null;
  autosaved: Text | null;
}

/** Loads a text into the editor with a fresh history. */
export type Loader = (text: string) => void;

export class Files {
  private state: FileState = { path: null, name: "Untitled.md", saved: null, autosaved: null };
  private timer: number;
  private title = "";

  constructor(private view: () => EditorView, private load: Loader) {
    this.timer = window.setInterval(() => void this.autosave(), AUTOSAVE_MS);
  }

  get path(): string | null {
    return this.state.path;
  }

  /** The draft's file name as the title bar shows it ("Untitled.md" before a first save). */
  get name(): string {
    return this.state.name;
  }

  /** Whether the editor holds text that is not in the file. */
  dirty(): boolean {
    const doc = this.view().state.doc;
    return this.state.saved ? !doc.eq(this.state.saved) : doc.length > 0;
  }

  /** Called on every document change. */
  changed(): void {
    this.updateTitle();
  }

  updateTitle(): void {
    const title = `${this.dirty() ? "• " : ""}${this.state.name} — Resolute`;
    if (title === this.title) return; // typing does not flood the window with IPC calls
    this.title = title;
    document.title = title;
    void backend.setTitle(title).catch(() => undefined);
  }

  /** Shows an opened draft (from the command line, Open, recent files). */
  show(opened: OpenedDraft): void {
    this.load(opened.text);
    const doc = this.view().state.doc;
    this.state = { path: opened.path, name: opened.name, saved: opened.imported ? null : doc, autosaved: doc };
    this.updateTitle();
    if (opened.imported) notify(`Imported as ${opened.name}: Save As to keep it as a draft.`);
  }

  /** Asks about unsaved work; false when the user cancels. */
  async confirmDiscard(action: string): Promise<boolean> {
    if (!this.dirty()) return true;
    const answer = await choose("Unsaved changes", `Save the changes to ${this.state.name} before you ${action}?`, [
      { id: "save", label: "Save" },
      { id: "discard", label: "Don't save" },
      { id: "cancel", label: "Cancel" },
    ]);
    if (answer === "save") return this.save();
    if (answer !== "discard") return false;
    // The drafter chose to drop these changes: the autosave must not offer them again.
    await backend.discardRecovery(this.state.path).catch(() => undefined);
    return true;
  }

  async newDraft(): Promise<void> {
    if (!(await this.confirmDiscard("start a new draft"))) return;
    this.show({ path: null, name: "Untitled.md", text: "", imported: false });
  }

  async open(): Promise<void> {
    if (!(await this.confirmDiscard("open another draft"))) return;
    try {
      const opened = await backend.openDialog();
      if (opened) this.show(opened);
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    }
  }

  async openRecent(): Promise<void> {
    const paths = await backend.recent();
    if (paths.length === 0) return notify("No recent drafts yet.");
    const path = await pick("Open recent", paths.map((p) => ({ label: p.split("/").pop() ?? p, detail: p, value: p })));
    if (!path || !(await this.confirmDiscard("open another draft"))) return;
    try {
      this.show(await backend.openPath(path));
    } catch (e) {
      notify(backend.errorMessage(e), "error");
    }
  }

  /** Saves to the draft's file, or asks for one. True when the text is on disk. */
  async save(): Promise<boolean> {
    if (!this.state.path) return this.saveAs();
    const doc = this.view().state.doc;
    try {
      await backend.save(this.state.path, doc.toString());
      this.state.saved = doc;
      this.state.autosaved = doc;
      this.updateTitle();
      notify(`Saved ${this.state.path}`);
      return true;
    } catch (e) {
      notify(`Not saved: ${backend.errorMessage(e)}`, "error");
      return false;
    }
  }

  async saveAs(): Promise<boolean> {
    const doc = this.view().state.doc;
    try {
      const path = await backend.saveAsDialog(this.state.name, doc.toString(), this.state.path);
      if (!path) return false;
      this.state = { path, name: path.split("/").pop() ?? path, saved: doc, autosaved: doc };
      this.updateTitle();
      notify(`Saved ${path}`);
      return true;
    } catch (e) {
      notify(`Not saved: ${backend.errorMessage(e)}`, "error");
      return false;
    }
  }

  private async autosave(): Promise<void> {
    const doc = this.view().state.doc;
    if (!this.dirty() || (this.state.autosaved && doc.eq(this.state.autosaved))) return;
    try {
      await backend.autosave(this.state.path, doc.toString());
      this.state.autosaved = doc;
    } catch (e) {
      notify(`Autosave failed: ${backend.errorMessage(e)}`, "error");
    }
  }

  /** Offers the autosaved text of a session that did not end cleanly. */
  async offerRecovery(recoveries: Recovery[]): Promise<void> {
    for (const r of recoveries) {
      const what = r.path ?? "an untitled draft";
      const when = new Date(r.saved_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
      const answer = await choose("Recover unsaved work?", `Resolute autosaved changes to ${what} (${when}) that were never saved. Restore them?`, [
        { id: "restore", label: "Restore" },
        { id: "discard", label: "Discard" },
        { id: "cancel", label: "Later" },
      ]);
      if (answer === "restore") {
        this.load(r.text);
        this.state = { path: r.path, name: r.path?.split("/").pop() ?? "Untitled.md", saved: null, autosaved: null };
        this.updateTitle();
        notify("Restored the autosaved text. Save it to keep it.");
        return;
      }
      if (answer === "discard") await backend.discardRecovery(r.path);
    }
  }

  /** The window's close button: ask, then quit. */
  async close(): Promise<void> {
    if (!(await this.confirmDiscard("close Resolute"))) return;
    window.clearInterval(this.timer);
    await backend.quit();
  }
}

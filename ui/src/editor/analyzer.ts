// Runs the Rust analysis after every change and applies it: labels, decorations, outline and
// the diagnostics (underlines with messages and one-click fixes). One request in flight at a
// time; a change during a request triggers one more when it returns.
import { setDiagnostics, type Action, type Diagnostic } from "@codemirror/lint";
import { ViewPlugin, type EditorView, type PluginValue, type ViewUpdate } from "@codemirror/view";
import * as backend from "../backend";
import type { Analysis, AppDiagnostic } from "../types";
import { setAnalysis } from "./analysis";

/** Milliseconds of quiet typing before analysing: short, the budget is 50 ms end to end. */
const DEBOUNCE_MS = 8;

/** Keystroke-to-diagnostics latencies (ms), the most recent ones, read by the benchmark. */
export const latencies: number[] = [];
const KEPT_LATENCIES = 1000;

type Listener = (a: Analysis) => void;
const listeners: Listener[] = [];

/** Called with every analysis applied (outline panel, status bar). */
export function onAnalysis(f: Listener): void {
  listeners.push(f);
}

function toDiagnostic(d: AppDiagnostic, length: number): Diagnostic {
  const actions: Action[] = d.fixes.map((fix) => ({
    name: fix.label,
    apply(view: EditorView) {
      view.dispatch({
        changes: { from: fix.from, to: fix.to, insert: fix.insert },
        userEvent: "input.fix",
      });
    },
  }));
  const from = Math.min(d.from, length);
  return {
    from,
    to: Math.max(from, Math.min(d.to, length)),
    severity: d.severity,
    message: d.message,
    source: d.rule,
    actions,
  };
}

class Analyzer implements PluginValue {
  private timer: number | undefined;
  private running = false;
  private again = false;
  /** performance.now() of the oldest change not yet reflected in the diagnostics. */
  private changedAt: number | null = null;

  constructor(private view: EditorView) {
    this.schedule();
  }

  update(u: ViewUpdate): void {
    if (!u.docChanged) return;
    this.changedAt ??= performance.now();
    this.schedule();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const doc = this.view.state.doc;
    try {
      const analysis = await backend.analyze(doc.toString());
      if (this.view.state.doc === doc) this.apply(analysis);
      else this.again = true;
    } catch (e) {
      console.error("analysis failed", backend.errorMessage(e));
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  private apply(analysis: Analysis): void {
    const length = this.view.state.doc.length;
    const diagnostics = analysis.diagnostics.map((d) => toDiagnostic(d, length));
    const spec = setDiagnostics(this.view.state, diagnostics);
    this.view.dispatch({ ...spec, effects: [setAnalysis.of(analysis), ...[spec.effects ?? []].flat()] });
    if (this.changedAt !== null) {
      latencies.push(performance.now() - this.changedAt);
      if (latencies.length > KEPT_LATENCIES) latencies.splice(0, latencies.length - KEPT_LATENCIES);
      this.changedAt = null;
    }
    document.body.dataset.analysisRev = String(Number(document.body.dataset.analysisRev ?? 0) + 1);
    for (const f of listeners) f(analysis);
  }

  destroy(): void {
    window.clearTimeout(this.timer);
  }
}

/** The analysis loop as an editor extension. */
export const analyzer = ViewPlugin.fromClass(Analyzer);

// The document view: the same Markdown, shown as the document it becomes. The front matter is
// a masthead of fields, emphasis shows as italics without its stars, footnote references as
// superscript numbers (the note on hover) with the notes set apart at the end, escapes and the
// indentation of subparagraphs are hidden (hanging indents instead), and Enter, Tab,
// Shift+Tab and Backspace follow the structure (structure.ts). Nothing is rendered from HTML:
// every piece of the draft is set as text.
import { completionStatus } from "@codemirror/autocomplete";
import { isolateHistory } from "@codemirror/commands";
import { Prec, StateField, type EditorState, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, keymap, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { analysisField } from "./analysis";
import { HeaderWidget } from "./header";
import { atParagraphStart, enter, indent, joinBack, outdent, type StructureEdit } from "./structure";
import { notify } from "../status";

class NoteRef extends WidgetType {
  constructor(readonly label: string, readonly note: string, readonly definition = false) {
    super();
  }
  eq(other: NoteRef): boolean {
    return other.label === this.label && other.note === this.note && other.definition === this.definition;
  }
  toDOM(): HTMLElement {
    const sup = document.createElement("sup");
    sup.className = this.definition ? "cm-doc-note-label" : "cm-doc-noteref";
    sup.textContent = this.label;
    if (!this.definition) sup.title = this.note || "This note has no text yet.";
    return sup;
  }
}

const hidden = Decoration.replace({});
const italic = Decoration.mark({ class: "cm-doc-italic" });
/** An operative number or a subparagraph label, set in a fixed width so the text hangs after it. */
const label = Decoration.mark({ class: "cm-doc-num" });
const lineClass = (cls: string) => Decoration.line({ class: cls });
const lines = {
  op: lineClass("cm-doc-op"),
  pp: lineClass("cm-doc-pp"),
  enacting: lineClass("cm-doc-enacting"),
  heading: lineClass("cm-doc-heading"),
  annex: lineClass("cm-doc-annex"),
  note: lineClass("cm-doc-note"),
  firstNote: lineClass("cm-doc-note cm-doc-notes-start"),
  sub: [1, 2, 3].map((d) => lineClass(`cm-doc-sub cm-doc-depth-${d}`)),
};

const EMPHASIS = /(?<![\\*\w])\*(?=\S)([^*\n]*?\S)\*(?!\*)/g;
const ESCAPE = /\\(?=[\\`*_{}[\]()#+\-.!|<>~&])/g;
const NOTE_REF = /\[\^([^\]\s]+)\](?!:)/g;
const NOTE_DEF = /^\[\^([^\]\s]+)\]:[ \t]*/;
const SUB_LINE = /^( +)\(/;

interface Built {
  decorations: DecorationSet;
  atomic: DecorationSet;
}

/** The body's decorations, with its numbers and labels apart. */
interface BodyBuilt extends Built {
  /** Numbers and labels, drawn outermost so no other mark (a finding's underline) splits them. */
  labels: DecorationSet;
}

/** The notes' texts by label (the definitions from `from` on: they come last), for the hover of a reference. */
function notes(state: EditorState, from: number): Map<string, string> {
  const out = new Map<string, string>();
  const doc = state.doc;
  for (let n = doc.lineAt(Math.min(from, doc.length)).number; n <= doc.lines; n++) {
    const text = doc.line(n).text;
    const m = NOTE_DEF.exec(text);
    if (m) out.set(m[1], text.slice(m[0].length));
  }
  return out;
}

/** The masthead in place of the front matter (a block widget: it comes from the state). */
function masthead(state: EditorState): Built {
  const analysis = state.field(analysisField);
  const fm = analysis.front_matter;
  const doc = state.doc;
  if (!analysis.header) return { decorations: Decoration.none, atomic: Decoration.none };
  if (fm && fm.to <= doc.length && doc.sliceString(fm.from, fm.from + 3) === "---") {
    const widget = Decoration.replace({ widget: new HeaderWidget(analysis.header), block: true });
    return { decorations: Decoration.set([widget.range(fm.from, fm.to)]), atomic: Decoration.set([hidden.range(fm.from, fm.to)]) };
  }
  if (fm) return { decorations: Decoration.none, atomic: Decoration.none };
  const widget = Decoration.widget({ widget: new HeaderWidget(analysis.header), block: true, side: -1 });
  return { decorations: Decoration.set([widget.range(0)]), atomic: Decoration.none };
}

/** Where the parts start, from the analysis (mapped through edits until the next one). */
function parts(state: EditorState): { body: number; operative: number; annex: number; notes: number } {
  const a = state.field(analysisField);
  const first = (kind: string) => a.outline.find((o) => o.kind === kind)?.from ?? Infinity;
  return { body: a.header && a.front_matter ? a.front_matter.to : 0, operative: first("operative"), annex: first("annex"), notes: first("footnote") };
}

/**
 * What the document view draws in the visible lines: line layouts, hidden markup, italics,
 * note references. Only what is on screen, so a long negotiating text costs what a short
 * resolution does.
 */
function body(view: EditorView): BodyBuilt {
  const { state } = view;
  const doc = state.doc;
  const ranges: Range<Decoration>[] = [];
  const atomic: Range<Decoration>[] = [];
  const labels: Range<Decoration>[] = [];
  const hide = (from: number, to: number, d: Decoration = hidden) => {
    if (from >= to) return;
    ranges.push(d.range(from, to));
    atomic.push(hidden.range(from, to));
  };
  const at = parts(state);
  const noteTexts = at.notes <= doc.length ? notes(state, at.notes) : new Map<string, string>();
  for (const visible of view.visibleRanges) {
    for (let pos = Math.max(visible.from, at.body); pos <= visible.to; ) {
      const line = doc.lineAt(pos);
      pos = line.to + 1;
      if (line.from < at.body || line.text.trim() === "") continue;
      lineDecorations(line.from, line.text, at, { ranges, labels }, hide);
      inline(line.from, line.text, hide, ranges, noteTexts);
    }
  }
  return { decorations: Decoration.set(ranges, true), atomic: Decoration.set(atomic, true), labels: Decoration.set(labels, true) };
}

/** The layout of one line: by what it is and in which part it stands. */
function lineDecorations(
  from: number,
  t: string,
  at: { operative: number; annex: number; notes: number },
  { ranges, labels }: { ranges: Range<Decoration>[]; labels: Range<Decoration>[] },
  hide: (from: number, to: number, d?: Decoration) => void,
): void {
  const inAnnex = from >= at.annex;
  const preamble = from < at.operative && !inAnnex;
  const def = NOTE_DEF.exec(t);
  if (def) {
    ranges.push((from <= at.notes ? lines.firstNote : lines.note).range(from));
    hide(from, from + def[0].length, Decoration.replace({ widget: new NoteRef(def[1], "", true) }));
  } else if (/^#{1,6} /.test(t)) {
    ranges.push((inAnnex || t.startsWith("# ") ? lines.annex : lines.heading).range(from));
    hide(from, from + t.indexOf(" ") + 1);
  } else if (/^\d+\. /.test(t) && !inAnnex) {
    ranges.push(lines.op.range(from));
    labels.push(label.range(from, from + (/^\d+\. +/.exec(t)?.[0].length ?? 0)));
  } else if (SUB_LINE.test(t) && !inAnnex) {
    const spaces = SUB_LINE.exec(t)?.[1].length ?? 0;
    const depth = Math.min(3, Math.max(1, Math.round(spaces / 3)));
    ranges.push(lines.sub[depth - 1].range(from));
    hide(from, from + spaces);
    const own = /^ *\([^)]*\) +/.exec(t)?.[0].length ?? spaces;
    labels.push(label.range(from + spaces, from + own));
  } else if (preamble && /^\*The .*\*,?$/.test(t)) {
    ranges.push(lines.enacting.range(from));
  } else if (preamble && !t.startsWith(" ")) {
    ranges.push(lines.pp.range(from));
  }
}

/** Emphasis without its stars, escapes without their backslash, note references as superscripts. */
function inline(
  from: number,
  t: string,
  hide: (from: number, to: number, d?: Decoration) => void,
  ranges: Range<Decoration>[],
  noteTexts: Map<string, string>,
): void {
  for (const m of t.matchAll(EMPHASIS)) {
    const at = from + (m.index ?? 0);
    hide(at, at + 1);
    ranges.push(italic.range(at + 1, at + m[0].length - 1));
    hide(at + m[0].length - 1, at + m[0].length);
  }
  for (const m of t.matchAll(ESCAPE)) hide(from + (m.index ?? 0), from + (m.index ?? 0) + 1);
  for (const m of t.matchAll(NOTE_REF)) {
    const at = from + (m.index ?? 0);
    if (at === from && t.startsWith(m[0] + ":")) continue;
    hide(at, at + m[0].length, Decoration.replace({ widget: new NoteRef(m[1], noteTexts.get(m[1]) ?? "") }));
  }
}

/** Runs a structural edit on the cursor: one transaction (one undo step), or a notice why not. */
function structural(edit: (text: string, pos: number) => StructureEdit | null) {
  return (view: EditorView): boolean => {
    const sel = view.state.selection.main;
    // A negotiating text keeps its numbers (bis, ter); an open completion list takes Enter.
    if (!sel.empty || view.state.field(analysisField).negotiation || completionStatus(view.state)) return false;
    const result = edit(view.state.doc.toString(), sel.head);
    if (!result) return false;
    if ("message" in result) {
      notify(result.message);
      return true;
    }
    view.dispatch({
      changes: { from: result.from, to: result.to, insert: result.insert },
      selection: { anchor: result.cursor },
      scrollIntoView: true,
      userEvent: "input.structure",
      // Its own undo step: the typing that follows is not joined to it.
      annotations: isolateHistory.of("full"),
    });
    return true;
  };
}

function atStart(view: EditorView): boolean {
  const head = view.state.selection.main.head;
  const line = view.state.doc.lineAt(head);
  return atParagraphStart(line.text, head - line.from);
}

const structureKeys = Prec.highest(
  keymap.of([
    { key: "Enter", run: structural(enter) },
    { key: "Tab", run: structural(indent) },
    { key: "Shift-Tab", run: structural(outdent) },
    // Backspace asks the cursor's line first: most Backspaces delete a character of the text.
    { key: "Backspace", run: (view) => atStart(view) && structural(joinBack)(view) },
  ]),
);

/** The masthead, rebuilt when the analysis changes. */
const mastheadField = StateField.define<Built>({
  create: masthead,
  update(value, tr) {
    const analysed = tr.startState.field(analysisField) !== tr.state.field(analysisField);
    return tr.docChanged || analysed ? masthead(tr.state) : value;
  },
  provide: (f) => [
    EditorView.decorations.from(f, (b) => b.decorations),
    EditorView.atomicRanges.of((view) => view.state.field(f).atomic),
  ],
});

/** The body's decorations, for the lines on screen. */
const bodyPlugin = ViewPlugin.fromClass(
  class {
    built: BodyBuilt;
    constructor(view: EditorView) {
      this.built = body(view);
    }
    update(u: ViewUpdate) {
      const analysed = u.startState.field(analysisField) !== u.state.field(analysisField);
      if (u.docChanged || u.viewportChanged || analysed) this.built = body(u.view);
    }
  },
  {
    decorations: (p) => p.built.decorations,
    provide: (p) => [
      EditorView.atomicRanges.of((view) => view.plugin(p)?.built.atomic ?? Decoration.none),
      EditorView.outerDecorations.of((view) => view.plugin(p)?.built.labels ?? Decoration.none),
    ],
  },
);

/**
 * The cursor leaves the masthead: a draft opens (or a masthead write lands) with the cursor
 * at the start of the text, which in this view is a tall caret beside the fields. It goes to
 * the first line of the body instead.
 */
const outOfMasthead = ViewPlugin.fromClass(
  class {
    update(u: ViewUpdate) {
      const fm = u.state.field(analysisField).front_matter;
      const head = u.state.selection.main.head;
      if (!fm || !u.state.field(analysisField).header || head > fm.to || fm.to >= u.state.doc.length) return;
      const body = u.state.doc.sliceString(fm.to).search(/\S/);
      const to = body < 0 ? u.state.doc.length : fm.to + body;
      // Not during the update: a new transaction right after it.
      queueMicrotask(() => {
        const now = u.view.state;
        if (now.doc === u.state.doc && now.selection.main.head <= fm.to) u.view.dispatch({ selection: { anchor: to } });
      });
    }
  },
);

/** The document view's extensions (the source view has none of them). */
export function documentView(): Extension {
  return [mastheadField, bodyPlugin, outOfMasthead, structureKeys, EditorView.editorAttributes.of({ class: "cm-docview" })];
}

// The latest analysis of the draft (from the Rust parser and checker) kept in the editor
// state, and what is drawn from it: paragraph labels in the gutter (PP1, OP2(a) ...), opening
// phrases in italics, footnote marks, citations.
import { RangeSet, StateEffect, StateField, type Extension, type Range, type Text } from "@codemirror/state";
import { Decoration, EditorView, GutterMarker, gutter, type DecorationSet } from "@codemirror/view";
import type { Analysis, NegotiationView } from "../types";

/** Sets the analysis of the current document. */
export const setAnalysis = StateEffect.define<Analysis>();

const empty: Analysis = {
  labels: [],
  outline: [],
  diagnostics: [],
  openings: [],
  citations: [],
  footnote_marks: [],
  front_matter: null,
  header: null,
  negotiation: null,
};

type Mapper = <R extends { from: number; to: number }>(r: R) => R;

/** The negotiation view moved through an edit, until the next analysis replaces it. */
function mapNegotiation(n: NegotiationView | null, map: Mapper, pos: (p: number) => number): NegotiationView | null {
  if (!n) return n;
  return {
    ...n,
    brackets: n.brackets.map((b) => ({ ...map(b), attribution_range: b.attribution_range && map(b.attribution_range) })),
    annotations: n.annotations.map(map),
    unmatched: n.unmatched.map(map),
    paragraphs: n.paragraphs.map((p) => ({ ...p, from: pos(p.from) })),
    actors: n.actors.map((a) => ({ ...a, from: a.from === null ? null : pos(a.from) })),
  };
}

/**
 * The analysis, mapped through edits made since it was computed so labels and decorations
 * stay in place until the next one arrives.
 */
export const analysisField = StateField.define<Analysis>({
  create: () => empty,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setAnalysis)) return e.value;
    if (!tr.docChanged) return value;
    const map = <R extends { from: number; to: number }>(r: R): R => ({
      ...r,
      from: tr.changes.mapPos(r.from, 1),
      to: tr.changes.mapPos(r.to, -1),
    });
    return {
      ...value,
      labels: value.labels.map((l) => ({ ...l, from: tr.changes.mapPos(l.from, 1) })),
      openings: value.openings.map(map),
      citations: value.citations.map((c) => ({ ...c, ...map(c) })),
      footnote_marks: value.footnote_marks.map(map),
      front_matter: value.front_matter && map(value.front_matter),
      outline: value.outline.map((o) => ({ ...o, ...map(o) })),
      negotiation: mapNegotiation(value.negotiation, map, (p) => tr.changes.mapPos(p, 1)),
    };
  },
});

/** The sign of a paragraph's status in the gutter and the outline. */
export function statusSign(status: string | null): { sign: string; cls: string } | null {
  if (!status) return null;
  if (status.startsWith("agreed")) return { sign: "✓", cls: "agreed" };
  if (status.startsWith("pending")) return { sign: "…", cls: "pending" };
  return { sign: "✗", cls: "deleted" };
}

class LabelMarker extends GutterMarker {
  constructor(readonly label: string, readonly status: string | null = null) {
    super();
  }
  eq(other: GutterMarker): boolean {
    return other instanceof LabelMarker && other.label === this.label && other.status === this.status;
  }
  toDOM(): Node {
    const s = statusSign(this.status);
    if (!s) return document.createTextNode(this.label);
    const span = document.createElement("span");
    span.className = `cm-label-status status-${s.cls}`;
    span.title = this.status ?? "";
    span.textContent = `${this.label} ${s.sign}`;
    return span;
  }
}

function labelMarkers(view: EditorView): RangeSet<GutterMarker> {
  const doc = view.state.doc;
  const ranges: Range<GutterMarker>[] = [];
  const analysis = view.state.field(analysisField);
  const status = new Map<number, string | null>();
  for (const p of analysis.negotiation?.paragraphs ?? []) {
    if (p.from <= doc.length) status.set(doc.lineAt(p.from).from, p.status);
  }
  let last = -1;
  for (const l of analysis.labels) {
    if (l.from > doc.length) continue;
    const line = doc.lineAt(l.from).from;
    if (line === last) continue; // one label per line
    last = line;
    ranges.push(new LabelMarker(l.label, status.get(line) ?? null).range(line));
  }
  return RangeSet.of(ranges, true);
}

const opening = Decoration.mark({ class: "cm-opening" });
/** The Markdown emphasis marks around an opening, drawn faint: the words matter, not the stars. */
const emphasisMark = Decoration.mark({ class: "cm-md-mark" });
const frontMatter = Decoration.line({ class: "cm-front-matter" });
const footnoteMark = Decoration.mark({ class: "cm-footnote-mark" });
const citation = Decoration.mark({ class: "cm-citation" });

function decorations(a: Analysis, doc: Text): DecorationSet {
  const length = doc.length;
  const ranges: Range<Decoration>[] = [];
  const add = (d: Decoration, r: { from: number; to: number }) => {
    if (r.from < r.to && r.to <= length) ranges.push(d.range(r.from, r.to));
  };
  if (a.front_matter && a.front_matter.to <= length) {
    const last = doc.lineAt(a.front_matter.to).number;
    for (let n = doc.lineAt(a.front_matter.from).number; n <= last; n++) {
      ranges.push(frontMatter.range(doc.line(n).from));
    }
  }
  for (const r of a.openings) {
    if (r.from > 0 && r.to < length && doc.sliceString(r.from - 1, r.from) === "*" && doc.sliceString(r.to, r.to + 1) === "*") {
      add(emphasisMark, { from: r.from - 1, to: r.from });
      add(opening, r);
      add(emphasisMark, { from: r.to, to: r.to + 1 });
    } else add(opening, r);
  }
  a.footnote_marks.forEach((r) => add(footnoteMark, r));
  a.citations.forEach((r) => add(citation, r));
  if (a.negotiation) negotiationDecorations(a.negotiation, add);
  return Decoration.set(ranges, true);
}

const bracketMarks = [1, 2, 3, 4].map((d) => Decoration.mark({ class: `cm-br cm-br-d${d}` }));
const alternativeMarks = [0, 1].map((k) => Decoration.mark({ class: `cm-alt cm-alt-${k}` }));
const placeholder = Decoration.mark({ class: "cm-placeholder" });
const attribution = Decoration.mark({ class: "cm-attr" });
const annotationMarks = {
  note: Decoration.mark({ class: "cm-note" }),
  status: Decoration.mark({ class: "cm-nstatus" }),
  label: Decoration.mark({ class: "cm-nlabel" }),
};
const unmatched = Decoration.mark({ class: "cm-br-unmatched" });

/**
 * Brackets drawn so that depth and alternatives show at a glance: the bracket characters in
 * one colour per depth, alternatives of a group shaded in turn, placeholders boxed,
 * attributions, statuses and labels as small tags, notes in grey italics.
 */
function negotiationDecorations(
  n: NegotiationView,
  add: (d: Decoration, r: { from: number; to: number }) => void,
): void {
  for (const b of n.brackets) {
    const depth = bracketMarks[(b.depth - 1) % bracketMarks.length];
    add(depth, { from: b.from, to: b.from + 1 });
    add(depth, { from: b.to - 1, to: b.to });
    if (b.kind === "placeholder") add(placeholder, b);
    else if (b.alternative !== null) add(alternativeMarks[b.alternative % 2], { from: b.from + 1, to: b.to - 1 });
    if (b.attribution_range) add(attribution, b.attribution_range);
  }
  for (const a of n.annotations) add(annotationMarks[a.kind], a);
  for (const u of n.unmatched) add(unmatched, u);
}

/** The gutter of paragraph labels and the decorations. */
export function analysisExtension(): Extension {
  return [
    analysisField,
    gutter({
      class: "cm-labels",
      markers: labelMarkers,
      lineMarkerChange: (u) => u.startState.field(analysisField) !== u.state.field(analysisField),
      initialSpacer: () => new LabelMarker("OP10(a)(ii)"),
    }),
    EditorView.decorations.compute([analysisField, "doc"], (state) =>
      decorations(state.field(analysisField), state.doc),
    ),
  ];
}

// The latest analysis of the draft (from the Rust parser and checker) kept in the editor
// state, and what is drawn from it: paragraph labels in the gutter (PP1, OP2(a) ...), opening
// phrases in italics, footnote marks, citations.
import { RangeSet, StateEffect, StateField, type Extension, type Range, type Text } from "@codemirror/state";
import { Decoration, EditorView, GutterMarker, gutter, type DecorationSet } from "@codemirror/view";
import type { Analysis } from "../types";

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
};

/**
 * The analysis, mapped through edits made since it was computed so labels and decorations
 * stay in place until the next one arrives.
 */
export const analysisField = StateField.define<Analysis>({
  create: () => empty,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setAnalysis)) return e.value;
    if (!tr.docChanged) return value;
    const map = (r: { from: number; to: number }) => ({
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
    };
  },
});

class LabelMarker extends GutterMarker {
  constructor(readonly label: string) {
    super();
  }
  eq(other: GutterMarker): boolean {
    return other instanceof LabelMarker && other.label === this.label;
  }
  toDOM(): Node {
    return document.createTextNode(this.label);
  }
}

function labelMarkers(view: EditorView): RangeSet<GutterMarker> {
  const doc = view.state.doc;
  const ranges: Range<GutterMarker>[] = [];
  let last = -1;
  for (const l of view.state.field(analysisField).labels) {
    if (l.from > doc.length) continue;
    const line = doc.lineAt(l.from).from;
    if (line === last) continue; // one label per line
    last = line;
    ranges.push(new LabelMarker(l.label).range(line));
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
  return Decoration.set(ranges, true);
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

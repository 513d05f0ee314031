// Typing that follows the structure of a resolution, as the document view offers it: Enter
// starts the next numbered paragraph (or subparagraph), Tab and Shift+Tab turn a paragraph into
// a subparagraph and back, Backspace at the start of a paragraph joins it to the one before.
//
// Pure functions from (Markdown text, cursor) to one edit, computed synchronously so a key
// typed right after Enter lands in the new paragraph. They read the draft format as `fmt`
// writes it (docs/format.md §3: one paragraph per line, blank lines between, operative
// paragraphs `N. text`, subparagraphs `(a) text` indented to their item's content and three
// spaces more per level). The list the cursor is in is read as a tree, changed, and written
// back numbered 1, 2, 3 … (from its first number) and labelled (a), (b) … / (i), (ii) … by
// level, so numbers and labels always follow the structure.

/** One replacement, the cursor after it; or a reason nothing was done. */
export type StructureEdit = { from: number; to: number; insert: string; cursor: number } | { message: string };

interface Line {
  text: string;
  from: number;
  kind: "op" | "sub" | "blank" | "plain" | "front" | "other";
  /** A line that continues the one before it (a hard-wrapped paragraph): not as `fmt` writes. */
  joined: boolean;
  /** Where the paragraph's own text starts in the line (after its number or label). */
  content: number;
  indent: number;
  number: number;
  label: string;
}

const OP = /^(\d+)([.)])( +|$)/;
const SUB = /^( *)\(([a-z]{1,6}|\d{1,3})\)( +|$)/;

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  let inFront = text.startsWith("---\n");
  let inAnnex = false;
  for (const [i, t] of text.split("\n").entries()) {
    const line: Line = { text: t, from, kind: "other", joined: false, content: 0, indent: 0, number: 0, label: "" };
    from += t.length + 1;
    const previous = lines[lines.length - 1];
    lines.push(line);
    if (inFront) {
      line.kind = "front";
      if (i > 0 && t === "---") inFront = false;
      continue;
    }
    line.joined = t.trim() !== "" && previous !== undefined && previous.kind !== "front" && previous.text.trim() !== "";
    if (/^#( |$)/.test(t)) inAnnex = true;
    if (inAnnex || /^(#|\[\^|<!--|\{|- |\* |\+ )/.test(t)) continue;
    const op = OP.exec(t);
    const sub = SUB.exec(t);
    if (op) Object.assign(line, { kind: "op", number: Number(op[1]), content: op[0].length });
    else if (sub) Object.assign(line, { kind: "sub", indent: sub[1].length, label: sub[2], content: sub[0].length });
    else if (t.trim() === "") line.kind = "blank";
    else if (!t.startsWith(" ")) line.kind = "plain";
  }
  return lines;
}

/** A paragraph or subparagraph of an operative list, with its own subparagraphs. */
interface Node {
  text: string;
  children: Node[];
  /** Lines kept as written after the node's own line (indented continuations). */
  extra: string[];
  /** The label as written, kept when its style is not relabelled (a bullet, "(A)"). */
  label: string;
}

interface List {
  /** Line index of the list's first and last lines. */
  first: number;
  last: number;
  start: number;
  /** What follows its numbers: "." or ")". */
  delimiter: string;
  items: Node[];
  /** Each node's source line. */
  lineOf: Map<Node, number>;
}

const inList = (l: Line) =>
  l.kind === "op" || l.kind === "sub" || l.kind === "blank" || l.joined || (l.kind === "other" && l.text.startsWith(" "));

/** The operative list around line `at` (an op or sub line), read as a tree. */
function readList(lines: Line[], at: number): List | null {
  let first = at;
  while (first > 0 && inList(lines[first - 1])) first--;
  while (first <= at && lines[first].kind !== "op") first++;
  if (first > at) return null;
  let last = at;
  while (last + 1 < lines.length && inList(lines[last + 1])) last++;
  while (lines[last].kind === "blank") last--;
  // A hard-wrapped list is not as `fmt` writes it: rewriting it could move the wrapped lines.
  if (lines.slice(first, last + 1).some((l) => l.joined)) return null;
  const items: Node[] = [];
  const lineOf = new Map<Node, number>();
  // The open nodes by indent: a sub belongs to the nearest open node less indented than it.
  let stack: { node: Node; indent: number }[] = [];
  for (let i = first; i <= last; i++) {
    const l = lines[i];
    if (l.kind === "blank") continue;
    if (l.kind !== "op" && l.kind !== "sub") {
      // Kept as written, indented anew to the content of the item it continues.
      stack[stack.length - 1]?.node.extra.push(l.text.trimStart());
      continue;
    }
    const node: Node = { text: l.text.slice(l.content), children: [], extra: [], label: l.label };
    lineOf.set(node, i);
    if (l.kind === "op") {
      items.push(node);
      stack = [{ node, indent: -1 }];
    } else {
      while (stack.length > 1 && stack[stack.length - 1].indent >= l.indent) stack.pop();
      stack[stack.length - 1].node.children.push(node);
      stack.push({ node, indent: l.indent });
    }
  }
  const delimiter = OP.exec(lines[first].text)?.[2] ?? ".";
  return { first, last, start: lines[first].number, delimiter, items, lineOf };
}

const ROMAN: [number, string][] = [[50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
export function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}
/** (a) … (z), then (aa), (bb) … as UN texts letter them. */
export function letter(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

type Style = "letter" | "roman" | "digit" | "kept";
/** The style of a level: that of its first label as written; letters, then roman numerals, by default. */
function styleOf(label: string, depth: number): Style {
  if (label === "") return depth === 1 ? "letter" : "roman";
  if (/^\d+$/.test(label)) return "digit";
  if (depth >= 2 && /^[ivx]+$/.test(label) && label !== "x") return "roman";
  if (/^([a-z])\1*$/.test(label)) return "letter";
  return "kept";
}
function labelOf(style: Style, n: number, kept: string): string {
  if (style === "kept") return kept;
  return style === "digit" ? String(n) : style === "roman" ? roman(n) : letter(n);
}

/** Writes the list back; gives its text and where each node's own text starts in it. */
function writeList(list: List): { text: string; at: Map<Node, number> } {
  const out: string[] = [];
  const at = new Map<Node, number>();
  let length = 0;
  const push = (line: string, node?: Node, content = 0) => {
    if (out.length > 0) {
      out.push("", line);
      length += 2;
    } else out.push(line);
    if (node) at.set(node, length + content);
    length += line.length;
  };
  const subs = (nodes: Node[], indent: number, depth: number) => {
    const style = styleOf(nodes[0]?.label ?? "", depth);
    nodes.forEach((n, k) => {
      const prefix = `${" ".repeat(indent)}(${labelOf(style, k + 1, n.label)}) `;
      push(prefix + n.text, n, prefix.length);
      n.extra.forEach((e) => push(" ".repeat(prefix.length) + e));
      subs(n.children, indent + 3, depth + 1);
    });
  };
  list.items.forEach((item, k) => {
    const prefix = `${list.start + k}${list.delimiter} `;
    push(prefix + item.text, item, prefix.length);
    item.extra.forEach((e) => push(" ".repeat(prefix.length) + e));
    subs(item.children, prefix.length, 1);
  });
  return { text: out.join("\n"), at };
}

/** Where a node sits: its sibling list, its index there, its parent (null for an item). */
interface Place {
  siblings: Node[];
  index: number;
  parent: Node | null;
  grand: Node[] | null;
  depth: number;
}
function find(list: List, node: Node): Place | null {
  const walk = (siblings: Node[], parent: Node | null, grand: Node[] | null, depth: number): Place | null => {
    for (const [index, n] of siblings.entries()) {
      if (n === node) return { siblings, index, parent, grand, depth };
      const inside = walk(n.children, n, siblings, depth + 1);
      if (inside) return inside;
    }
    return null;
  };
  return walk(list.items, null, null, 0);
}
/** Forgets the labels under a node that changed level: they take the style of their new level. */
function relevel(nodes: Node[]): void {
  for (const n of nodes) {
    n.label = "";
    relevel(n.children);
  }
}
const lastDescendant = (n: Node): Node => (n.children.length ? lastDescendant(n.children[n.children.length - 1]) : n);
const depthOf = (n: Node): number => (n.children.length ? 1 + Math.max(...n.children.map(depthOf)) : 0);

/** The list's edit: its lines replaced by the list written anew, the cursor in `node`'s text. */
function listEdit(lines: Line[], list: List, node: Node, offset: number): StructureEdit {
  const { text, at } = writeList(list);
  const from = lines[list.first].from;
  const last = lines[list.last];
  return { from, to: last.from + last.text.length, insert: text, cursor: from + (at.get(node) ?? 0) + offset };
}

interface Context {
  lines: Line[];
  line: Line;
  index: number;
  /** The cursor's offset in the line. */
  col: number;
}
function context(text: string, pos: number): Context {
  const lines = readLines(text);
  let index = lines.findIndex((l) => pos <= l.from + l.text.length);
  if (index < 0) index = lines.length - 1;
  const line = lines[index];
  return { lines, line, index, col: pos - line.from };
}

/** The cursor's paragraph runs over more than one line (hard-wrapped): the keys do what they always do. */
const wrapped = (c: Context) => c.line.joined || (c.lines[c.index + 1]?.joined ?? false);

/** The list and the node of the cursor's line, when it is an operative paragraph or a subparagraph of one. */
function nodeAt(c: Context): { list: List; node: Node } | null {
  if (c.line.kind !== "op" && c.line.kind !== "sub") return null;
  if (wrapped(c)) return null;
  const list = readList(c.lines, c.index);
  if (!list) return null;
  for (const [node, i] of list.lineOf) if (i === c.index) return { list, node };
  return null;
}

/** A paragraph's end mark made a comma ("…2015." -> "…2015,"), notes after it kept. */
function withComma(line: string): string {
  const m = /^(.*?)([.;]?)((?:\[\^[^\]]+\])*)\s*$/.exec(line);
  if (!m) return line;
  const [, body, , notes] = m;
  if (/[,:]$/.test(body) || body.trim() === "") return line;
  return `${body},${notes}`;
}

/** Enter: the next paragraph or subparagraph, numbered; the text after the cursor goes with it. */
export function enter(text: string, pos: number): StructureEdit | null {
  const c = context(text, pos);
  if (c.line.kind === "plain") return enterPlain(c);
  const found = nodeAt(c);
  if (!found) return null;
  const { list, node } = found;
  const place = find(list, node);
  if (!place) return null;
  const own = c.line.content;
  const col = Math.max(c.col, own);
  const head = c.line.text.slice(own, col);
  const tail = c.line.text.slice(col).replace(/^ +/, "");
  if (head.trim() === "" && tail === "") {
    // Enter on an empty subparagraph moves it out a level, as Word ends a list level.
    return place.depth > 0 ? outdent(text, pos) : { message: "Type the paragraph's text first." };
  }
  node.text = head.replace(/ +$/, "");
  if (tail === "" && node.text.endsWith(":") && place.depth < 2) {
    const child: Node = { text: "", children: [], extra: [], label: node.children[0]?.label ?? "" };
    node.children.unshift(child);
    return listEdit(c.lines, list, child, 0);
  }
  const next: Node = { text: tail, children: [], extra: [], label: "" };
  if (tail !== "") {
    // Split: the subparagraphs follow the text they came after.
    next.children = node.children;
    next.extra = node.extra;
    node.children = [];
    node.extra = [];
  } else if (place.index === place.siblings.length - 1) {
    // A new last one: the one before it no longer ends the list.
    const end = lastDescendant(node);
    end.text = end.text.replace(/\.((?:\[\^[^\]]+\])*)$/, ";$1");
  }
  place.siblings.splice(place.index + 1, 0, next);
  return listEdit(c.lines, list, next, 0);
}

/** Before the first operative paragraph of its part (the draft, or its section), or in a draft with none yet. */
function inPreamble(lines: Line[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    if (lines[k].kind === "op") return false;
    if (/^## /.test(lines[k].text)) return true;
  }
  return true;
}

/** Enter in a paragraph outside the lists: a new paragraph; in the preamble, the one before ends with a comma. */
function enterPlain(c: Context): StructureEdit | null {
  const { line, lines, index } = c;
  const head = line.text.slice(0, c.col).replace(/ +$/, "");
  const tail = line.text.slice(c.col).replace(/^ +/, "");
  if (head === "" || wrapped(c)) return null;
  const preamble = inPreamble(lines, index);
  const kept = tail === "" && preamble ? withComma(head) : head;
  const insert = `${kept}\n\n${tail}`;
  return { from: line.from, to: line.from + line.text.length, insert, cursor: line.from + kept.length + 2 };
}

/** Tab: the paragraph becomes the last subparagraph of the one before (a subparagraph goes a level deeper). */
export function indent(text: string, pos: number): StructureEdit | null {
  const c = context(text, pos);
  const found = nodeAt(c);
  if (!found) {
    return c.line.kind === "plain" ? { message: "Only operative paragraphs and their subparagraphs are indented." } : null;
  }
  const { list, node } = found;
  const place = find(list, node);
  if (!place) return null;
  if (place.index === 0) {
    return { message: place.depth === 0 ? "The first operative paragraph has no paragraph to go under." : "The first subparagraph has none to go under." };
  }
  if (place.depth + 1 + depthOf(node) > 2) return { message: "Subparagraphs go two levels deep: (a), then (i)." };
  const parent = place.siblings[place.index - 1];
  place.siblings.splice(place.index, 1);
  // The level's style is its first label's: the new subparagraph takes it, or the level's default.
  node.label = parent.children[0]?.label ?? "";
  parent.children.push(node);
  relevel(node.children);
  return listEdit(c.lines, list, node, Math.max(0, c.col - c.line.content));
}

/** Shift+Tab: the subparagraph goes up a level; the ones after it at its level become its own. */
export function outdent(text: string, pos: number): StructureEdit | null {
  const c = context(text, pos);
  const found = nodeAt(c);
  if (!found) return c.line.kind === "plain" ? { message: "Already a paragraph." } : null;
  const { list, node } = found;
  const place = find(list, node);
  if (!place || !place.parent || !place.grand) return { message: "Already an operative paragraph." };
  const after = place.siblings.splice(place.index);
  after.shift();
  relevel(node.children);
  node.children.push(...after);
  const up = place.grand.indexOf(place.parent);
  place.grand.splice(up + 1, 0, node);
  node.label = place.grand[0].label;
  return listEdit(c.lines, list, node, Math.max(0, c.col - c.line.content));
}

/**
 * Whether `col` of `line` is where Backspace joins: the line's start or the start of the
 * text after its number or label. Inside the text or inside the number, Backspace is an
 * ordinary one. Reads the one line only, so the editor asks it before reading the draft.
 */
export function atParagraphStart(line: string, col: number): boolean {
  const label = (OP.exec(line) ?? SUB.exec(line))?.[0].length ?? 0;
  return col === 0 || col === label;
}

/** Backspace at the start of a paragraph's text: it joins the one before; its subparagraphs follow. */
export function joinBack(text: string, pos: number): StructureEdit | null {
  const c = context(text, pos);
  if (!atParagraphStart(c.line.text, c.col)) return null;
  if (c.line.kind === "plain") return wrapped(c) ? null : joinPlain(c);
  const found = nodeAt(c);
  if (!found) return null;
  const { list, node } = found;
  const place = find(list, node);
  if (!place) return null;
  if (place.depth === 0 && place.index === 0) return { message: "The first operative paragraph has no paragraph to join." };
  const previous = place.index > 0 ? place.siblings[place.index - 1] : place.parent;
  if (!previous) return null;
  const into = place.index > 0 ? lastDescendant(previous) : previous;
  const offset = into.text.length;
  into.text += node.text;
  place.siblings.splice(place.index, 1);
  if (place.index > 0) previous.children.push(...node.children);
  else {
    relevel(node.children);
    place.siblings.splice(place.index, 0, ...node.children);
  }
  into.extra.push(...node.extra);
  return listEdit(c.lines, list, into, offset);
}

/** Backspace at the start of a paragraph outside the lists: it joins the paragraph before. */
function joinPlain(c: Context): StructureEdit | null {
  let k = c.index - 1;
  while (k >= 0 && c.lines[k].kind === "blank") k--;
  // The masthead is edited in its fields: joining the body to the front matter would break it.
  if (k >= 0 && c.lines[k].kind === "front") return { message: "The masthead is edited in its fields above." };
  if (k < 0 || k === c.index - 1 || c.lines[k].kind !== "plain") return null;
  const previous = c.lines[k];
  const end = previous.from + previous.text.length;
  return { from: end, to: c.line.from, insert: "", cursor: end };
}

// Typing that follows the structure (ui/src/editor/structure.ts), on drafts as `fmt` writes
// them. Run by `npm --prefix ui test` (scripts/test.sh).
import assert from "node:assert/strict";
import { test } from "node:test";
import { enter, indent, joinBack, outdent } from "../.test-build/editor/structure.js";

const DRAFT = [
  "---", "symbol: A/C.2/81/L.99", "---", "",
  "*The General Assembly*,", "",
  "*Recalling* its resolution 70/1 of 25 September 2015.", "",
  "*Noting* the report,[^1]", "",
  "1. *Takes note* of the report;", "",
  "2. *Encourages* Member States, in this regard:", "",
  "   (a) To establish networks;", "",
  "   (b) To share data, including through:", "",
  "      (i) Joint committees;", "",
  "      (ii) Regional platforms;", "",
  "   (c) To take into account the needs of rural communities;", "",
  "3. *Invites* States to act;", "",
  "4. *Requests* a report.", "",
  "[^1]: A note.", "",
].join("\n");

/** The text after the edit, with "|" where the cursor is. */
function apply(text, edit) {
  assert.ok(edit, "an edit");
  assert.ok(!("message" in edit), `an edit, not "${edit.message}"`);
  const out = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  return out.slice(0, edit.cursor) + "|" + out.slice(edit.cursor);
}
const at = (needle, after = 0) => {
  const i = DRAFT.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + after;
};
const endOf = (needle) => at(needle, needle.length);
const lines = (text) => text.split("\n").filter((l) => l !== "");
/** `n` lines of the text from the one starting with `start`. */
const from = (text, start, n) => {
  const all = lines(text);
  const i = all.findIndex((l) => l.startsWith(start));
  return all.slice(i, i + n);
};

test("Enter at the end of an operative paragraph starts the next one, numbered, and the ones after move on", () => {
  const out = apply(DRAFT, enter(DRAFT, endOf("to act;")));
  assert.ok(out.includes("3. *Invites* States to act;\n\n4. |\n\n5. *Requests* a report."), out);
  assert.ok(out.includes("[^1]: A note."), "the notes are left alone");
});

test("Enter at the end of the last one makes its full stop a semicolon", () => {
  const out = apply(DRAFT, enter(DRAFT, endOf("a report.")));
  assert.ok(out.includes("4. *Requests* a report;\n\n5. |\n\n[^1]"), out);
});

test("Enter after a colon opens the first subparagraph; Enter in a subparagraph the next one", () => {
  const first = apply(DRAFT, enter(DRAFT, endOf("in this regard:")));
  assert.deepEqual(from(first, "2. ", 4), [
    "2. *Encourages* Member States, in this regard:", "   (a) |", "   (b) To establish networks;", "   (c) To share data, including through:",
  ]);
  const next = apply(DRAFT, enter(DRAFT, endOf("Joint committees;")));
  assert.ok(next.includes("      (i) Joint committees;\n\n      (ii) |\n\n      (iii) Regional platforms;"), next);
});

test("Enter in the middle splits the paragraph; the subparagraphs follow the second half", () => {
  const out = apply(DRAFT, enter(DRAFT, at(", in this regard:")));
  assert.ok(out.includes("2. *Encourages* Member States\n\n3. |, in this regard:\n\n   (a) To establish"), out);
  assert.ok(out.includes("4. *Invites*") && out.includes("5. *Requests*"), out);
});

test("Enter on an empty subparagraph moves it out a level", () => {
  const opened = apply(DRAFT, enter(DRAFT, endOf("rural communities;")));
  const text = opened.replace("|", "");
  const out = apply(text, enter(text, opened.indexOf("|")));
  assert.ok(out.includes("rural communities;\n\n3. |\n\n4. *Invites*"), out);
});

test("Enter at the end of a preambular paragraph: a new one, the one before ends with a comma", () => {
  const out = apply(DRAFT, enter(DRAFT, endOf("25 September 2015.")));
  assert.ok(out.includes("of 25 September 2015,\n\n|\n\n*Noting*"), out);
  const noted = apply(DRAFT, enter(DRAFT, endOf("the report,[^1]")));
  assert.ok(noted.includes("*Noting* the report,[^1]\n\n|\n\n1. "), "a comma already there stays one");
  const early = "*The General Assembly*,\n\n*Recalling* its resolution 70/1;";
  assert.equal(apply(early, enter(early, early.length)), "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n|",
    "a draft with no operative paragraph yet is all preamble");
});

test("Tab makes a paragraph the last subparagraph of the one before, and back with Shift+Tab", () => {
  const tabbed = apply(DRAFT, indent(DRAFT, at("*Invites*")));
  assert.deepEqual(from(tabbed, "   (c)", 4), [
    "   (c) To take into account the needs of rural communities;", "   (d) |*Invites* States to act;", "3. *Requests* a report.", "[^1]: A note.",
  ]);
  const text = tabbed.replace("|", "");
  const back = apply(text, outdent(text, tabbed.indexOf("|")));
  assert.equal(back.replace("|", ""), DRAFT);
});

test("Tab on a subparagraph puts it under the one before, relettering; Shift+Tab takes the ones after with it", () => {
  const tabbed = apply(DRAFT, indent(DRAFT, at("To take into account")));
  assert.ok(tabbed.includes("      (ii) Regional platforms;\n\n      (iii) |To take into account"), tabbed);
  const up = apply(DRAFT, outdent(DRAFT, at("To share data")));
  assert.deepEqual(from(up, "2. ", 6), [
    "2. *Encourages* Member States, in this regard:",
    "   (a) To establish networks;",
    "3. |To share data, including through:",
    "   (a) Joint committees;",
    "   (b) Regional platforms;",
    "   (c) To take into account the needs of rural communities;",
  ]);
  assert.ok(up.includes("4. *Invites*") && up.includes("5. *Requests*"), up);
});

test("Tab and Shift+Tab say why when they cannot", () => {
  assert.match(indent(DRAFT, at("*Takes note*")).message, /first operative paragraph/);
  assert.match(indent(DRAFT, at("To establish")).message, /first subparagraph/);
  assert.match(indent(DRAFT, at("Regional platforms")).message, /two levels/);
  assert.match(outdent(DRAFT, at("*Invites*")).message, /Already an operative paragraph/);
  assert.match(indent(DRAFT, at("*Recalling*")).message, /Only operative paragraphs/);
});

test("Backspace at the start of a paragraph's text joins it to the one before", () => {
  const joined = apply(DRAFT, joinBack(DRAFT, at("*Invites*")));
  assert.ok(joined.includes("rural communities;|*Invites* States to act;\n\n3. *Requests*"), joined);
  const sub = apply(DRAFT, joinBack(DRAFT, at("To share data")));
  assert.ok(sub.includes("   (a) To establish networks;|To share data, including through:\n\n      (i) Joint"), sub);
  const pp = apply(DRAFT, joinBack(DRAFT, at("*Noting*")));
  assert.ok(pp.includes("25 September 2015.|*Noting* the report"), pp);
  assert.equal(joinBack(DRAFT, at("*Invites*", 1)), null, "not at the start: an ordinary Backspace");
});

test("Outside the lists and in the front matter the keys do what they always do", () => {
  assert.equal(enter(DRAFT, endOf("A/C.2/81/L.99")), null);
  assert.equal(enter(DRAFT, endOf("A note.")), null);
  assert.equal(indent(DRAFT, endOf("A note.")), null);
});

// Drafts not written as `fmt` writes them: the keys must never move or lose text there.
test("A hard-wrapped paragraph or list: the keys do what they always do", () => {
  const wrappedList = "1. *Decides* that the committee\nshall meet twice a year;\n\n2. *Requests* a report.";
  assert.equal(enter(wrappedList, "1. *Decides* that the committee".length), null);
  assert.equal(enter(wrappedList, wrappedList.length), null, "a list holding a wrapped paragraph is not rewritten");
  assert.equal(indent(wrappedList, wrappedList.length), null);
  const wrappedPp = "*Recalling* its resolution\n70/1 of 25 September 2015,\n\n1. *Decides* to act.";
  assert.equal(enter(wrappedPp, "*Recalling* its resolution".length), null);
  assert.equal(joinBack(wrappedPp, wrappedPp.indexOf("70/1")), null);
});

test("Tab onto a subparagraph without subparagraphs gives the first label of the level below", () => {
  const text = "1. *Requests*:\n\n   (a) To act;\n\n   (b) To report;";
  assert.equal(apply(text, indent(text, text.indexOf("To report"))), "1. *Requests*:\n\n   (a) To act;\n\n      (i) |To report;");
});

test("Continuation lines follow their paragraph to its new level", () => {
  const text = "1. *Requests*:\n\n   (a) To act:\n\n      (i) To report;\n\n         continued here;";
  const out = apply(text, outdent(text, text.indexOf("To report")));
  assert.equal(out, "1. *Requests*:\n\n   (a) To act:\n\n   (b) |To report;\n\n       continued here;");
});

test("An annex opened by a bare # is kept as written", () => {
  const text = "1. *Decides* to act.\n\n#\n\n1. Item one\n\n2. Item two";
  assert.equal(enter(text, text.indexOf("Item one") + "Item one".length), null);
});

test("Backspace does not join the body to the front matter, nor join from inside a number", () => {
  const text = "---\nsymbol: A/81/L.1\n---\n\n*The General Assembly*,\n\n1. *Decides* to act;\n\n2. *Requests* a report.";
  assert.match(joinBack(text, text.indexOf("*The General")).message, /masthead/);
  assert.equal(joinBack(text, text.indexOf("2. *Requests*") + 1), null, "inside the number: an ordinary Backspace");
  assert.ok(apply(text, joinBack(text, text.indexOf("2. *Requests*"))).includes("to act;|*Requests*"), "before the number: it joins");
});

test("Numbers written 1) keep their style; a section's preamble gets its comma", () => {
  const text = "1) *Decides* to act;\n\n2) *Requests* a report.";
  assert.equal(apply(text, enter(text, text.indexOf(" a report.") + 10)), "1) *Decides* to act;\n\n2) *Requests* a report;\n\n3) |");
  const sections = "## I\n\n1. *Decides* to act.\n\n## II\n\n*Noting* the report.\n\n1. *Requests* more.";
  assert.ok(apply(sections, enter(sections, sections.indexOf("the report.") + 11)).includes("*Noting* the report,\n\n|"));
});

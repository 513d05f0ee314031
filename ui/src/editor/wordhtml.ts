// A Word document (or a web page) on the clipboard arrives as HTML beside its plain text.
// The HTML says what the plain text loses: which words are italic, which numbers and letters
// are list labels, where the footnote references are and what the notes say. This reads it
// into the draft format's Markdown, which the backend then pastes as paragraphs.
//
// The HTML is parsed into an inert document (DOMParser: no script runs, nothing is loaded,
// nothing is shown) and only its text is read; nothing of it is ever rendered.

import { letter, roman } from "./structure";

/** Word's footnote reference and footnote anchors: href="#_ftn1" / href="#_ftnref1". */
const NOTE_REF = /#_?(?:ftn|edn)(\d+)$/i;
const NOTE_BACK = /#_?(?:ftn|edn)ref(\d+)$/i;
const BLOCKS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th"]);

/** Characters the draft format would read as markup, escaped. */
function escape(text: string): string {
  return text.replace(/[\\*_`<[\]]/g, (c) => `\\${c}`);
}

/** One space between words: the pieces of a paragraph each brought their own. */
const collapse = (text: string) => text.replace(/ {2,}/g, " ").trim();

function isItalic(e: Element): boolean {
  const tag = e.tagName.toLowerCase();
  const style = e.getAttribute("style") ?? "";
  return tag === "i" || tag === "em" || /font-style:\s*italic/i.test(style);
}

/** The Markdown of an element's inline content, on one line. */
function inline(node: Node, notes: Set<string>): string {
  let out = "";
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      out += escape((child.textContent ?? "").replace(/[\s\u00a0]+/g, " "));
      continue;
    }
    if (!(child instanceof Element)) continue;
    const tag = child.tagName.toLowerCase();
    const style = child.getAttribute("style") ?? "";
    const href = child.getAttribute("href") ?? "";
    const ref = NOTE_REF.exec(href);
    const digits = /^\s*\[?(\d{1,3})\]?\s*$/.exec(child.textContent ?? "");
    if (tag === "a" && ref && !NOTE_BACK.test(href)) {
      notes.add(ref[1]);
      out += `[^${ref[1]}]`;
    } else if (tag === "sup" && digits) {
      notes.add(digits[1]);
      out += `[^${digits[1]}]`;
    } else if (/mso-list:\s*ignore/i.test(style)) {
      // Word's automatic number or letter, as it shows it ("1.", "(a)"), then a tab.
      out += `${(child.textContent ?? "").replace(/[\s\u00a0]+/g, "")} `;
    } else if (tag === "br") {
      out += " ";
    } else if (tag === "style" || tag === "script" || /mso-element:\s*(field-begin|comment)/i.test(style)) {
      continue;
    } else if (isItalic(child)) {
      const inner = inline(child, notes);
      const word = inner.trim();
      // Stars around the words only: "*Recalling* its", never "*Recalling *its".
      out += word ? inner.replace(word, `*${word}*`) : inner;
    } else {
      out += inline(child, notes);
    }
  }
  return out;
}

interface Read {
  paragraphs: string[];
  notes: string[];
}

/** A list item's label when its list numbers it (an <ol>), in the format's style. */
function listLabel(li: Element): string {
  const list = li.parentElement;
  if (!list || list.tagName.toLowerCase() !== "ol") return "";
  const n = Number(list.getAttribute("start") ?? "1") + [...list.children].indexOf(li);
  // Without a type, a list inside a list item is lettered, one inside that numbered in roman.
  let depth = 0;
  for (let e: Element | null = list; e; e = e.parentElement) if (e.tagName.toLowerCase() === "ol") depth++;
  const style = list.getAttribute("style") ?? "";
  const type = list.getAttribute("type")
    ?? (/lower-alpha|lower-latin/.test(style) ? "a" : /lower-roman/.test(style) ? "i" : ["1", "a", "i"][Math.min(depth, 3) - 1]);
  if (type === "a") return `(${letter(n)}) `;
  if (type === "i") return `(${roman(n)}) `;
  return `${n}. `;
}

function walk(node: Element, read: Read, inNote: boolean, refs: Set<string>): void {
  const style = node.getAttribute("style") ?? "";
  const note = inNote || /mso-element:\s*(footnote|endnote)\b/i.test(style) || /^(ftn|edn)\d+$/.test(node.id);
  for (const child of Array.from(node.children)) {
    const tag = child.tagName.toLowerCase();
    if (!BLOCKS.has(tag) || (tag === "li" && child.querySelector("ol, ul, p"))) {
      if (tag === "li") {
        // An item holding a list of its own: its own text first, then the inner list.
        const own = [...child.childNodes].filter((c) => !(c instanceof Element && /^(ol|ul)$/i.test(c.tagName)));
        // Built in the parsed (inert) document, never in the app's own.
        const holder = child.ownerDocument.createElement("span");
        own.forEach((c) => holder.appendChild(c.cloneNode(true)));
        const text = collapse(inline(holder, refs));
        if (text) read.paragraphs.push(listLabel(child) + text);
        [...child.children].filter((c) => /^(ol|ul)$/i.test(c.tagName)).forEach((c) => walk(c, read, note, refs));
        continue;
      }
      walk(child, read, note, refs);
      continue;
    }
    const text = collapse(inline(child, refs));
    if (!text) continue;
    if (note) {
      // "[^1] The note." as the anchor back gives it: the label, then the text.
      const m = /^\[\^(\d+)\]\s*(.*)$/.exec(text) ?? /^\\?\[(\d+)\\?\]\s*(.*)$/.exec(text);
      if (m) read.notes.push(`[^${m[1]}]: ${m[2]}`);
      else if (read.notes.length > 0) read.notes[read.notes.length - 1] += ` ${text}`;
      continue;
    }
    read.paragraphs.push(tag === "li" ? listLabel(child) + text : text);
  }
}

/**
 * The draft format's Markdown for `html` from the clipboard: one paragraph per block, list
 * labels as written, italics as emphasis, footnote references as `[^n]` and the notes
 * after the paragraphs. `null` when it holds fewer than two paragraphs (a phrase from a
 * paragraph is pasted as plain text).
 */
export function htmlToDraft(html: string): string | null {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const read: Read = { paragraphs: [], notes: [] };
  const refs = new Set<string>();
  walk(doc.body, read, false, refs);
  if (read.paragraphs.length < 2) return null;
  // Word's footnote back-references come through the anchor reader as references: a note
  // without a reference in the text is one Word did not give; it is kept all the same.
  return [...read.paragraphs, ...read.notes].join("\n\n") + "\n";
}

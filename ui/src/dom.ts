// DOM building with text nodes only: nothing the backend or a document returns is ever parsed
// as HTML (no innerHTML anywhere in the app).

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

/** Creates `<tag>` with attributes (on* keys become listeners) and text or node children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      node.className = String(value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(node, ...children);
  return node;
}

/** Appends children, strings as text nodes. */
export function append(node: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `node`. */
export function replace(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, ...children);
}

/**
 * Text with `**highlighted**` parts (the library's snippet markup) as text nodes and <mark>
 * elements: the markup is split, never parsed as HTML.
 */
export function highlighted(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split("**").forEach((part, i) => {
    if (part === "") return;
    fragment.appendChild(i % 2 === 1 ? el("mark", {}, part) : document.createTextNode(part));
  });
  return fragment;
}

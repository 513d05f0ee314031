// Opening-phrase completion: at the start of a paragraph the backend offers the phrases of the
// right kind (preambular before the operative list, operative verbs inside it), ranked by how
// often the library uses them. Ctrl+Space asks explicitly.
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import type { Extension } from "@codemirror/state";
import * as backend from "../backend";

async function phraseSource(ctx: CompletionContext): Promise<CompletionResult | null> {
  // While typing, ask only inside a word; the backend decides whether it is still the
  // paragraph's opening (and offers nothing past it). Ctrl+Space asks anywhere.
  if (!ctx.explicit && !ctx.matchBefore(/\w+$/)) return null;
  const result = await backend.completions(ctx.state.doc.toString(), ctx.pos, 12);
  if (ctx.aborted || result.items.length === 0) return null;
  const options: Completion[] = result.items.map((item, i) => ({
    label: item.phrase,
    apply: item.insert,
    detail: item.frequency > 0 ? `${item.frequency.toLocaleString("en")}×` : undefined,
    type: item.kind === "operative" ? "keyword" : "text",
    boost: -i, // keep the backend's ranking (library frequency)
  }));
  return { from: result.from, options, validFor: /^[\w ]*$/ };
}

/** The completion extension (Enter or Tab accepts). */
export function phraseCompletion(): Extension {
  return autocompletion({
    override: [phraseSource],
    activateOnTyping: true,
    icons: false,
    defaultKeymap: true,
  });
}

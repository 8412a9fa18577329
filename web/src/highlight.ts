/**
 * An article's text with the spans of an event's fields marked: each span becomes `<mark
 * class="mark-FIELD" data-field="FIELD" data-span="N">` around its words. Spans may nest or
 * cross (an actor inside a source's clause, a trigger inside a place name): the text is cut at
 * every span's ends and each piece is wrapped in the marks of every span covering it, the
 * longest outermost, so each span's words are exactly the text of its marks, in order.
 */
import { safeText } from './safe-text.js';

export const FIELDS = ['trigger', 'mention', 'actor', 'recipient', 'time', 'place', 'source', 'cue'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldSpan { field: Field; start: number; end: number }

/** The pieces of [0, length) cut at every span end, each with the indexes of the spans covering it (longest first). */
export function pieces(length: number, spans: readonly FieldSpan[]): { start: number; end: number; cover: number[] }[] {
  const valid = spans.map((s, i) => ({ ...s, i })).filter((s) => s.start >= 0 && s.end <= length && s.start < s.end);
  const cuts = [...new Set([0, length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k], cuts[k + 1]];
    const cover = valid.filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.i - b.i).map((s) => s.i);
    out.push({ start, end, cover });
  }
  return out;
}

/** The text as nodes, every span's words inside its marks. */
export function highlighted(text: string, spans: readonly FieldSpan[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const p of pieces(text.length, spans)) {
    let node: Node = safeText(text.slice(p.start, p.end));
    for (const i of [...p.cover].reverse()) {
      const mark = document.createElement('mark');
      mark.className = `mark-${spans[i].field}`;
      mark.dataset.field = spans[i].field;
      mark.dataset.span = String(i);
      mark.append(node);
      node = mark;
    }
    frag.append(node);
  }
  return frag;
}

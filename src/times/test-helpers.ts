/** Helpers for the times tests: a document with one sentence per line. */
import type { Sentence, TimeExpression } from '../doc/types.js';
import { findTimes } from './index.js';

export function lineDoc(text: string, published: string | null = '2021-01-18') {
  const sentences: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    sentences.push({ start: m.index, end: m.index + m[0].length, index: sentences.length, paragraph: 0, tokenStart: 0, tokenEnd: 0 });
  }
  return { text, sentences, meta: { published } };
}

/** The times found in text, as [text, type, value] triples (offsets checked). */
export function times(text: string, published: string | null = '2021-01-18'): [string, string, string][] {
  const doc = lineDoc(text, published);
  return findTimes(doc).map((t: TimeExpression) => {
    if (text.slice(t.start, t.end) !== t.text) throw new Error(`offsets of ${t.text} point at ${text.slice(t.start, t.end)}`);
    return [t.text, t.type, t.value];
  });
}

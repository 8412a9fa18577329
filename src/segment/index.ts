/**
 * segment: paragraphs, sentences, tokens and parts of speech (wink-nlp), all as
 * offsets into the text as given. wink-nlp runs paragraph by paragraph so a
 * headline is never joined to the next sentence.
 */
import type { Sentence, Span, Token } from '../doc/types.js';
import { nlp } from './nlp.js';
import { findParagraphs } from './paragraphs.js';

export interface Segmentation {
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Token[];
}

export function segment(doc: { text: string; body: Span[] }): Segmentation {
  const { text } = doc;
  const paragraphs = findParagraphs(text, doc.body);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const engine = nlp();
  const its = engine.its;
  paragraphs.forEach((para, pIndex) => {
    const paraText = text.slice(para.start, para.end);
    const wdoc = engine.readDoc(paraText);
    const values = wdoc.tokens().out() as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const lemma = wdoc.tokens().out(its.lemma as never) as string[];
    const first = tokens.length;
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let at = paraText.indexOf(value, cursor);
      // wink-nlp keeps tokens lossless; should a form ever differ, fall back to the cursor.
      if (at < 0) at = cursor;
      const start = para.start + at;
      const end = start + value.length;
      cursor = at + value.length;
      tokens.push({ start, end, pos: pos[i], normal: value.toLowerCase(), lemma: (lemma[i] ?? value).toLowerCase() });
    }
    wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      const tokenStart = first + a;
      const tokenEnd = first + b + 1;
      if (tokenEnd <= tokenStart) return;
      sentences.push({
        index: sentences.length,
        paragraph: pIndex,
        start: tokens[tokenStart].start,
        end: tokens[tokenEnd - 1].end,
        tokenStart,
        tokenEnd,
      });
    });
  });
  return { paragraphs, sentences, tokens };
}

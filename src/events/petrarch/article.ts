/**
 * Coding a whole article with a user's PETRARCH/TABARI dictionaries: each of
 * acta's sentences goes through the dictionary coder, and the events' offsets
 * are moved from the sentence into the article's text.
 */
import type { CodedEvent, Doc, Entity } from '../../doc/types.js';
import { codeWithDictionaries, type PetrarchDictionaries } from './index.js';

const shift = <T extends { start: number; end: number }>(x: T, by: number): T => ({ ...x, start: x.start + by, end: x.end + by });

export function codeArticleWithDictionaries(doc: Pick<Doc, 'text' | 'sentences' | 'meta'>, dicts: PetrarchDictionaries): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    for (const e of codeWithDictionaries({ text, published: doc.meta.published, id: doc.meta.id }, dicts)) {
      const entity = (x: Entity) => shift(x, s.start);
      out.push({
        ...e,
        id: `${doc.meta.hash}-${s.index}-${e.id}`,
        article_id: doc.meta.id,
        actor: e.actor.map(entity),
        recipient: e.recipient.map(entity),
        location: e.location ? shift(e.location, s.start) : null,
        attribution: { ...e.attribution, source: e.attribution.source ? entity(e.attribution.source) : null, cue: e.attribution.cue ? shift(e.attribution.cue, s.start) : null },
        sentence: { index: s.index, start: s.start, end: s.end },
        trigger: shift(e.trigger, s.start),
        mentions: [{ sentence: { index: s.index, start: s.start, end: s.end }, trigger: shift(e.trigger, s.start) }],
      });
    }
  }
  return out;
}

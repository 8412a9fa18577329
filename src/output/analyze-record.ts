/**
 * The `acta analyze` record: every layer of one article with offsets into the
 * text as given, with DESIGN.md's field names. Named entities only in
 * `entities` (CoNLL types); descriptive mentions ("protesters") in `mentions`.
 */
import type { Doc } from '../doc/types.js';
import { toEntity, toPlace } from '../doc/types.js';

export function toAnalyzeRecord(doc: Doc) {
  const m = doc.meta;
  return {
    article: { id: m.id, hash: m.hash, title: m.title, author: m.author, published: m.published, source: m.source, url: m.url, origin: m.origin },
    text: doc.text,
    dropped: doc.dropped.map((d) => ({ start: d.start, end: d.end, reason: d.reason, text: doc.text.slice(d.start, d.end) })),
    paragraphs: doc.paragraphs.map((p) => ({ start: p.start, end: p.end })),
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, tokens: [s.tokenStart, s.tokenEnd] })),
    // Each token with its place in the dependency parse: head is the index of the head token in
    // this list (-1 for a sentence's root, null where the sentence was left unparsed).
    tokens: doc.tokens.map((t, i) => {
      const d = doc.syntax.deps[i];
      return { start: t.start, end: t.end, text: doc.text.slice(t.start, t.end), lemma: t.lemma, upos: d?.upos ?? t.pos, head: d ? d.head : null, rel: d?.rel ?? null };
    }),
    unparsed: doc.syntax.unparsed,
    entities: doc.entities.filter((e) => !e.nominal).map((e) => ({ ...toEntity(e), chain: e.chain })),
    mentions: doc.entities.filter((e) => e.nominal).map((e) => ({ ...toEntity(e), chain: e.chain })),
    times: doc.times.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value })),
    places: doc.places.map(toPlace),
    events: doc.events,
  };
}

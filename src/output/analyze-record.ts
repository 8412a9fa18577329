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
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities.filter((e) => !e.nominal).map((e) => ({ ...toEntity(e), chain: e.chain })),
    mentions: doc.entities.filter((e) => e.nominal).map((e) => ({ ...toEntity(e), chain: e.chain })),
    times: doc.times.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value })),
    places: doc.places.map(toPlace),
    events: doc.events,
  };
}

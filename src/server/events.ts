/** `GET /api/v1/events` (filters, order, keyset pages, projection, formats) and `GET /api/v1/events/{id}` (an event with its evidence). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CodedEvent, Entity } from '../doc/types.js';
import { EVENT_SORTS, type EventSort, type Store } from '../store/index.js';
import { CSV_FIELDS, decodeCursor, encodeCursor, EVENT_FIELDS, eventsCsv, fieldList, geojsonFeature, project } from './formats.js';
import { emptySummary, exportChunks } from '../export/index.js';
import { storeArticles } from '../export/articles.js';
import { BadParameter, eventQuery, querySchema, type EventFilterParams, TEXT_ID_PARAMS } from './params.js';
import { happeningPage } from './happenings.js';
import { happeningCsvHeader, happeningCsvLine, happeningPloverLine } from '../output/happening-formats.js';

export const EVENT_API_FORMATS = ['json', 'jsonl', 'csv', 'geojson', 'gdelt', 'gdelt-mentions', 'acled', 'plover'] as const;
/** Formats whose columns are another data set's: fields= cannot pick among them. */
const FIXED_COLUMN_FORMATS: readonly string[] = ['gdelt', 'gdelt-mentions', 'acled', 'plover'];
import { AnswerCache, answerKey, eventJson } from './answer-cache.js';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

type EventsParams = EventFilterParams & { sort?: EventSort; cursor?: string; limit?: number; fields?: string; format?: (typeof EVENT_API_FORMATS)[number]; reports?: boolean; min_sources?: number };

/** The formats a happening is written in (the others are a report's: GDELT's, ACLED's, GeoJSON points of each report). */
const HAPPENING_FORMATS: readonly string[] = ['json', 'jsonl', 'csv', 'plover'];

/**
 * The happenings the filters match, as `acta events` lists them (the default of `/events`): in
 * date order, in pages; JSON is `/happenings`' answer, the other formats `acta events`' lines.
 */
function happeningsAnswer(store: Store, p: EventsParams, reply: FastifyReply) {
  const format = p.format ?? 'json';
  if (!HAPPENING_FORMATS.includes(format)) throw new BadParameter('format', `format=${format} writes reports: add reports=true (happenings: ${HAPPENING_FORMATS.join(', ')})`);
  if (p.sort !== undefined && p.sort !== 'date') throw new BadParameter('sort', `happenings are listed by date; sort=${p.sort} orders reports: add reports=true`);
  if (p.fields !== undefined) throw new BadParameter('fields', 'fields= picks among a report\'s fields: add reports=true');
  const page = happeningPage(store, p, reply);
  const hs = page.happenings;
  switch (format) {
    case 'jsonl': return reply.type('application/jsonl; charset=utf-8').send(hs.map((h) => JSON.stringify(h) + '\n').join(''));
    case 'csv': return reply.type('text/csv; charset=utf-8').send(happeningCsvHeader() + hs.map(happeningCsvLine).join(''));
    case 'plover': return reply.type('application/jsonl; charset=utf-8').send(hs.map(happeningPloverLine).join(''));
    default: return page;
  }
}

/** A span of the article with the words it covers, so a reader sees what decided a field. */
function words(text: string, span: { start: number; end: number }) {
  return text.slice(span.start, span.end);
}

const withWords = (text: string) => (e: Entity) => ({ ...e, words: words(text, e) });

/**
 * Where the event's date was written: the store keeps the words (date_text) but not their
 * offsets, so they are looked for in the sentences that tell the event, its own first; null
 * offsets when they are not there as written.
 */
function timeSpan(e: CodedEvent, text: string) {
  if (!e.date_text) return null;
  for (const m of e.mentions) {
    const at = text.slice(m.sentence.start, m.sentence.end).indexOf(e.date_text);
    if (at >= 0) return { text: e.date_text, start: m.sentence.start + at, end: m.sentence.start + at + e.date_text.length };
  }
  return { text: e.date_text, start: null, end: null };
}

/** The evidence of every field: sentences, trigger, sides, time, place, source, each with the words its offsets cover. */
export function evidenceOf(e: CodedEvent, text: string) {
  const sentences = [...new Map(e.mentions.map((m) => [m.sentence.index, m.sentence])).values()]
    .map((s) => ({ ...s, text: words(text, s) }));
  return {
    sentences,
    trigger: { ...e.trigger, words: words(text, e.trigger) },
    mentions: e.mentions.map((m) => ({ sentence: m.sentence, trigger: { ...m.trigger, words: words(text, m.trigger) } })),
    actor: e.actor.map(withWords(text)),
    recipient: e.recipient.map(withWords(text)),
    time: timeSpan(e, text),
    place: e.location ? { ...e.location, words: words(text, e.location) } : null,
    source: e.attribution.source ? withWords(text)(e.attribution.source) : null,
    cue: e.attribution.cue ? { ...e.attribution.cue, words: words(text, e.attribution.cue) } : null,
    certainty: e.attribution.certainty,
  };
}

/** The happening stored for the event (the article's hash and the event's id), and its other reports. */
function happeningOf(store: Store, article: string, e: CodedEvent): { happening: string | null; reports: CodedEvent[] } {
  const id = store.happenings.ofReport(article, e.id);
  const found = id === null ? null : store.happenings.get(id);
  if (!found || !('record' in found)) return { happening: null, reports: [] };
  return { happening: found.record.id, reports: found.reports.filter((r) => !(r.article.hash === article && r.event.id === e.id)).map((r) => r.event) };
}

export async function eventRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const evidenceCache = new AnswerCache(() => store.explore.version());
  app.get<{ Querystring: EventsParams }>('/events', {
    schema: {
      summary: 'Events: the happenings, or with reports=true each article\'s reports, filtered, in pages',
      description: 'What `acta events` lists: one record per happening (the reports of one real-world event, merged across articles at ingest), as `/happenings` answers, in date order, listed when one of its reports matches every filter; `min_sources` keeps those told by that many outlets; formats json, jsonl, csv, plover. '
        + 'With `reports=true` (`acta events --reports`): the reports themselves, each article\'s coded events, one record each, in any sort, with `fields` and every format. '
        + 'Pages: pass the `next_cursor` of a page (also in the `X-Next-Cursor` header) as `cursor` with the same filters and sort.',
      tags: ['events'],
      querystring: querySchema({
        sort: { type: 'string', enum: [...EVENT_SORTS], default: 'date', description: 'date (undated last) | confidence | stored; a leading - reverses' },
        cursor: { type: 'string', minLength: 1, maxLength: 400, description: 'where the previous page ended' },
        limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `events a page (at most ${MAX_PAGE})` },
        fields: { type: 'string', pattern: '^[a-z_]+(?:,[a-z_]+)*$', description: 'comma-separated fields to keep (CSV: its column names)' },
        format: { type: 'string', enum: [...EVENT_API_FORMATS], default: 'json' },
        reports: { type: 'boolean', default: false, description: 'true: list the reports (each article\'s events) instead of the happenings they tell' },
        min_sources: { type: 'integer', minimum: 1, maximum: 10000, description: 'happenings only: those reported by at least this many outlets' },
      }),
    },
  }, async (req, reply) => {
    const p = req.query;
    if (!p.reports) return happeningsAnswer(store, p, reply);
    if (p.min_sources !== undefined) throw new BadParameter('min_sources', 'counts a happening\'s outlets: it goes without reports=true');
    const sort = p.sort ?? 'date';
    const format = p.format ?? 'json';
    if (p.fields !== undefined && FIXED_COLUMN_FORMATS.includes(format)) throw new BadParameter('fields', `format=${format} has its own fixed columns`);
    const fields = fieldList(p.fields, format === 'csv' ? CSV_FIELDS : EVENT_FIELDS);
    const query = eventQuery(p);
    const after = p.cursor === undefined ? null : decodeCursor(p.cursor, sort);
    const page = store.explore.eventPage(query, sort, after, p.limit ?? DEFAULT_PAGE);
    const next = page.next ? encodeCursor(sort, page.next) : null;
    if (next) reply.header('X-Next-Cursor', next);
    switch (format) {
      case 'jsonl':
        return reply.type('application/jsonl; charset=utf-8').send(page.events.map((e) => JSON.stringify(project(e, fields)) + '\n').join(''));
      case 'csv':
        return reply.type('text/csv; charset=utf-8').send(eventsCsv(page.events, fields));
      case 'geojson':
        return reply.type('application/geo+json; charset=utf-8')
          .send(JSON.stringify({ type: 'FeatureCollection', features: page.events.map((e) => geojsonFeature(e, fields)), next_cursor: next }));
      case 'gdelt': case 'gdelt-mentions': case 'acled': case 'plover': {
        // The export formats (acta export's): happening formats merge the reports within the page.
        const text = [...exportChunks(format, page.events, storeArticles(store), emptySummary())].join('');
        return reply.type(format === 'acled' ? 'text/csv; charset=utf-8' : format === 'plover' ? 'application/jsonl; charset=utf-8' : 'text/tab-separated-values; charset=utf-8').send(text);
      }
      default:
        // What JSON.stringify({ events, next_cursor }) writes, joined from each event's kept JSON.
        if (!fields) return reply.type('application/json; charset=utf-8').send(`{"events":[${page.events.map(eventJson).join(',')}],"next_cursor":${JSON.stringify(next)}}`);
        return { events: page.events.map((e) => project(e, fields)), next_cursor: next };
    }
  });

  app.get<{ Params: { id: string } }>('/events/:id', {
    schema: {
      summary: 'One event with the words behind each field',
      description: 'The event; its article; for every field the span and the words it covers (sentences, trigger, mentions, actor, recipient, time, place, source, cue); `happening`, the id of the stored happening it reports (`GET /happenings/{id}`); and `reports`, the happening\'s other reports.',
      tags: ['events'],
      params: TEXT_ID_PARAMS,
    },
  }, async (req, reply) => {
    const key = answerKey('event', req.params);
    const kept = evidenceCache.get(key);
    if (kept) return reply.type(kept.type).send(kept.body);
    const found = store.explore.getEvent(req.params.id);
    const article = found && store.getArticle(found.article);
    if (!found || !article) return reply.code(404).send({ error: 'not_found', message: `no event "${req.params.id}"` });
    const m = article.meta;
    const answer = {
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({
        event: found.event,
        article: { hash: m.hash, id: m.id, title: m.title, author: m.author, published: m.published, source: m.source, url: m.url },
        evidence: evidenceOf(found.event, article.text),
        ...happeningOf(store, found.article, found.event),
      }),
    };
    evidenceCache.set(key, answer);
    return reply.type(answer.type).send(answer.body);
  });
}

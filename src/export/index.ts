/**
 * `acta export` and the API's export formats: the stored events in the formats the field's tools
 * read — GDELT 2.0 event and mentions tables, ACLED CSV, PLOVER JSONL, GeoJSON (RFC 7946), CSV,
 * JSONL, and the actor network as GEXF or GraphML. The events are read a page at a time in date
 * order; the happening formats of a store are its stored happenings (reports merged across
 * articles at ingest, src/store/happenings.ts), read a page at a time too, so an export of a
 * whole store holds a page in memory, not the store. Events with no store behind them (one page
 * of the API's) are merged by the bare rule of src/cluster as they pass, a day at a time.
 */
import type { CodedEvent } from '../doc/types.js';
import { clusterEvents, happeningOfReports, type Happening } from '../cluster/index.js';
import { csvHeader, csvLine, ploverRecord } from '../output/event-formats.js';
import type { EventQuery, Keyset, Store } from '../store/index.js';
import type { HappeningKeyset } from '../store/happenings.js';
import { happeningAsEvent } from '../output/happening-formats.js';
import { storeArticles, type ArticleLookup } from './articles.js';
import { acledHeader, acledRow } from './acled.js';
import { gdeltEventHeader, gdeltEventRow, gdeltMentionHeader, gdeltMentionRows } from './gdelt.js';
import { geojsonFeature } from './geojson.js';
import { gexf, graphml } from './network.js';

export const EXPORT_FORMATS = ['gdelt', 'gdelt-mentions', 'acled', 'plover', 'geojson', 'csv', 'jsonl', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats whose rows are happenings (reports merged), not reports. */
export const HAPPENING_FORMATS: readonly ExportFormat[] = ['gdelt', 'gdelt-mentions', 'acled'];

export interface ExportOptions {
  /** A header line for GDELT's tables (GDELT's own files have none). */
  header?: boolean;
  /** Events read from the store at a time. */
  pageSize?: number;
}

export interface ExportSummary { events: number; rows: number; left_out: number }

/** Every event matching, in date order (undated last), a page at a time. */
export function* matchingEvents(store: Store, query: EventQuery, pageSize = 2000): Generator<CodedEvent> {
  let after: Keyset | null = null;
  for (;;) {
    const page = store.explore.eventPage(query, 'date', after, pageSize);
    yield* page.events;
    if (!page.next) return;
    after = page.next;
  }
}

/**
 * The store's happenings a report of which matches the query, in date order, a page at a time:
 * each with all its reports, most confident first, and its fields as its reports decided them.
 */
export function* storedHappenings(store: Store, query: EventQuery, pageSize = 500): Generator<Happening> {
  let after: HappeningKeyset | null = null;
  for (;;) {
    const page = store.happenings.page(query, after, pageSize);
    for (const h of page.happenings) {
      const found = store.happenings.get(h.id);
      const { reports } = happeningOfReports(found && 'record' in found ? found.reports.map((r) => r.event) : [h.representative.event]);
      yield { event: happeningAsEvent(h), reports };
    }
    if (!page.next) return;
    after = page.next;
  }
}

/**
 * Events grouped by the happening the store holds each in (reports of one happening across
 * articles, merged at ingest), in the order of their first report; an event the store places in
 * none stands alone. Only the events given are a happening's reports here (a period's, say).
 */
export function storedGroups(store: Store, events: readonly CodedEvent[]): Happening[] {
  const groups = new Map<string, CodedEvent[]>();
  for (const e of events) {
    const id = store.happenings.ofEvent(e) ?? `report ${e.article_id}#${e.id}`;
    const g = groups.get(id);
    if (g) g.push(e);
    else groups.set(id, [e]);
  }
  return [...groups.values()].map(happeningOfReports);
}

/** Happenings of events in date order: a day's reports are merged once the next day begins (the bare rule: no store, no sentences). */
export function* happeningsOf(events: Iterable<CodedEvent>): Generator<Happening> {
  let day: CodedEvent[] = [];
  for (const e of events) {
    if (day.length && (e.date === null || e.date !== day[0].date)) {
      yield* clusterEvents(day);
      day = [];
    }
    day.push(e);
  }
  if (day.length) yield* clusterEvents(day);
}

/** A happening's row in one of the happening formats, or null when the format has none for it. */
function happeningRow(format: ExportFormat, h: Happening, articles: ArticleLookup): string | null {
  if (format === 'gdelt') return gdeltEventRow(h, articles);
  if (format === 'gdelt-mentions') return gdeltMentionRows(h, articles);
  return acledRow(h, articles);
}

/**
 * The export as text chunks, header first; `summary` is filled in as it goes. Happening formats
 * merge the reports among `events` by the bare rule (one page of the API's reports; a store's
 * export writes its stored happenings instead: exportStore).
 */
export function* exportChunks(format: ExportFormat, events: Iterable<CodedEvent>, articles: ArticleLookup, summary: ExportSummary, opts: ExportOptions = {}): Generator<string> {
  if (HAPPENING_FORMATS.includes(format)) {
    yield* happeningChunks(format, happeningsOf(counted(events, summary)), articles, summary, opts);
    return;
  }
  if (format === 'csv') yield csvHeader();
  if (format === 'geojson') yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for (const e of counted(events, summary)) {
    summary.rows++;
    switch (format) {
      case 'csv': yield csvLine(e); break;
      case 'plover': yield JSON.stringify(ploverRecord(e)) + '\n'; break;
      case 'jsonl': yield JSON.stringify(e) + '\n'; break;
      case 'geojson': yield (first ? '' : ',\n') + JSON.stringify(geojsonFeature(e, undefined)); break;
      default: throw new Error(`${format} is not an event format`);
    }
    first = false;
  }
  if (format === 'geojson') yield '\n]}\n';
}

/** A happening format's text chunks, header first; `summary.rows` and `left_out` are filled in as it goes. */
function* happeningChunks(format: ExportFormat, happenings: Iterable<Happening>, articles: ArticleLookup, summary: ExportSummary, opts: ExportOptions): Generator<string> {
  if (format === 'acled') yield acledHeader();
  else if (opts.header) yield format === 'gdelt' ? gdeltEventHeader() : gdeltMentionHeader();
  for (const h of happenings) {
    const row = happeningRow(format, h, articles);
    if (row === null) { summary.left_out += h.reports.length; continue; }
    summary.rows++;
    yield row;
  }
}

function* counted(events: Iterable<CodedEvent>, summary: ExportSummary): Generator<CodedEvent> {
  for (const e of events) { summary.events++; yield e; }
}

/** A whole export from a store: events or happenings matching the query, or the network of their dyads. */
export function* exportStore(store: Store, format: ExportFormat, query: EventQuery, summary: ExportSummary, opts: ExportOptions = {}): Generator<string> {
  if (format === 'gexf' || format === 'graphml') {
    const dyads = store.explore.dyads(query);
    summary.rows = dyads.length;
    yield format === 'gexf' ? gexf(dyads) : graphml(dyads);
    return;
  }
  if (HAPPENING_FORMATS.includes(format)) {
    // The stored happenings, each counted by its reports.
    const counted = function* () { for (const h of storedHappenings(store, query)) { summary.events += h.reports.length; yield h; } };
    yield* happeningChunks(format, counted(), storeArticles(store), summary, opts);
    return;
  }
  yield* exportChunks(format, matchingEvents(store, query, opts.pageSize), storeArticles(store), summary, opts);
}

export const emptySummary = (): ExportSummary => ({ events: 0, rows: 0, left_out: 0 });

/**
 * Writing events in the formats the field uses: JSONL and JSON (the contract),
 * PLOVER JSONL (the PLOVER manual's field names and sector codes), TSV and CSV
 * (one row per event, flat columns like GDELT/ICEWS exports), and a readable
 * table for people.
 */
import { ploverActor } from '../actors/plover.js';
import type { CodedEvent, Entity } from '../doc/types.js';
import { printable } from './terminal.js';
import { csvCell, tsvCell } from './cells.js';

export const EVENT_FORMATS = ['jsonl', 'json', 'plover', 'table', 'tsv', 'csv'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

const codes = (es: Entity[]) => es.map((e) => e.code ?? '?').join(';');
const names = (es: Entity[]) => es.map((e) => e.name).join('; ');

/** Flat columns, in order, for TSV/CSV. */
export const FLAT_COLUMNS = ['id', 'article_id', 'date', 'date_precision', 'event', 'mode', 'cameo', 'goldstein', 'quad_class',
  'actor', 'actor_code', 'recipient', 'recipient_code', 'location', 'country', 'lat', 'lon', 'source', 'certainty', 'negated',
  'realis', 'confidence', 'trigger', 'sentence_start', 'sentence_end', 'mentions'] as const;

export function flatRow(e: CodedEvent): Record<(typeof FLAT_COLUMNS)[number], string> {
  return {
    id: e.id, article_id: e.article_id, date: e.date ?? '', date_precision: e.date_precision, event: e.event,
    mode: e.mode.join(';'), cameo: e.cameo, goldstein: String(e.goldstein), quad_class: String(e.quad_class),
    actor: names(e.actor), actor_code: codes(e.actor), recipient: names(e.recipient), recipient_code: codes(e.recipient),
    location: e.location?.name ?? '', country: e.location?.country ?? '', lat: e.location?.lat != null ? String(e.location.lat) : '',
    lon: e.location?.lon != null ? String(e.location.lon) : '', source: e.attribution.source?.name ?? '',
    certainty: e.attribution.certainty, negated: String(e.negated), realis: e.realis, confidence: String(e.confidence),
    trigger: e.trigger.text, sentence_start: String(e.sentence.start), sentence_end: String(e.sentence.end),
    // How many times the article tells the happening; the mentions themselves are in the JSON formats.
    mentions: String(e.mentions?.length ?? 1),
  };
}

/** An actor or recipient as PLOVER's entity object: code and sector in PLOVER's vocabulary. */
function ploverEntity(e: Entity) {
  const p = ploverActor(e);
  return { code: p.code, sector: p.sector, entity_text: e.text, identifier_text: e.name, cameo_code: e.code, start: e.start, end: e.end };
}

/**
 * One event as a PLOVER record (PLOVER manual, "Data Fields": named fields, one
 * JSON object a line). Fields the manual does not name keep acta's names
 * (date_precision, cameo, attribution, confidence).
 */
export function ploverRecord(e: CodedEvent) {
  return {
    id: e.id, date: e.date, date_precision: e.date_precision,
    actor: e.actor.map(ploverEntity), recipient: e.recipient.map(ploverEntity),
    event: [e.event], mode: e.mode, context: e.context, event_text: [e.trigger.text],
    event_loc: e.location && { name: e.location.name, country: e.location.country, admin1: e.location.admin1,
      lat: e.location.lat, lon: e.location.lon, geonames_id: e.location.geonames_id, precision: e.location.precision },
    quad_code: e.quad_class, event_scale: e.goldstein, cameo: e.cameo, negated: e.negated, realis: e.realis,
    attribution: { source: e.attribution.source?.name ?? null, cue: e.attribution.cue?.text ?? null, certainty: e.attribution.certainty },
    text_info: { sequence: e.sentence.index, start: e.sentence.start, end: e.sentence.end },
    article_id: e.article_id, confidence: e.confidence, coder: 'acta',
  };
}

export function ploverLine(e: CodedEvent): string { return JSON.stringify(ploverRecord(e)) + '\n'; }


export function tsvHeader(): string { return FLAT_COLUMNS.join('\t') + '\n'; }
export function tsvLine(e: CodedEvent): string { const r = flatRow(e); return FLAT_COLUMNS.map((c) => tsvCell(r[c])).join('\t') + '\n'; }
export function csvHeader(): string { return FLAT_COLUMNS.join(',') + '\n'; }
export function csvLine(e: CodedEvent): string { const r = flatRow(e); return FLAT_COLUMNS.map((c) => csvCell(r[c])).join(',') + '\n'; }

/** A cell of a table for people: control characters shown (a title is not allowed to drive the terminal), then padded or cut to n. */
export function clip(raw: string, n: number): string {
  const s = printable(raw);
  return s.length <= n ? s.padEnd(n) : s.slice(0, n - 1) + '…';
}

/** How the table marks an event that did not (or not yet) happen: "NOT ASSAULT", "FUT AGREE", "HYP SANCTION". */
const REALIS_MARK: Record<CodedEvent['realis'], string> = { actual: '', negated: 'NOT ', future: 'FUT ', hypothetical: 'HYP ' };

/** A readable fixed-width table (one line per event); events not actual are marked in the EVENT column. */
export function tableLines(events: CodedEvent[]): string {
  const cols: [string, number, (e: CodedEvent) => string][] = [
    ['DATE', 10, (e) => e.date ?? '?'],
    ['EVENT', 13, (e) => (REALIS_MARK[e.realis] ?? (e.negated ? 'NOT ' : '')) + e.event],
    ['CAMEO', 5, (e) => e.cameo],
    ['ACTOR', 26, (e) => e.actor.map((a) => `${a.name}${a.code ? ` [${a.code}]` : ''}`).join(', ') || '-'],
    ['RECIPIENT', 26, (e) => e.recipient.map((a) => `${a.name}${a.code ? ` [${a.code}]` : ''}`).join(', ') || '-'],
    ['WHERE', 18, (e) => e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ''}` : '-'],
    ['SOURCE', 14, (e) => e.attribution.source ? `${e.attribution.source.name}` : e.attribution.certainty === 'asserted' ? '(author)' : `(${e.attribution.certainty})`],
    ['TRIGGER', 16, (e) => e.trigger.text],
  ];
  const header = cols.map(([h, w]) => clip(h, w)).join(' ');
  const lines = events.map((e) => cols.map(([, w, f]) => clip(f(e), w)).join(' ').trimEnd());
  return [header.trimEnd(), '-'.repeat(header.length), ...lines].join('\n') + '\n';
}

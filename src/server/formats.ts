/**
 * What the API writes besides plain JSON: event projections, CSV rows, GeoJSON features, the
 * network as GEXF and GraphML, and the opaque cursor of keyset pagination. The API never
 * writes HTML: text from articles goes out as JSON strings, CSV cells or escaped XML text.
 */
import type { CodedEvent } from '../doc/types.js';
import { csvLine, csvHeader, FLAT_COLUMNS, flatRow } from '../output/event-formats.js';
import { validKeyset, type EventSort, type Keyset } from '../store/index.js';
import { BadParameter } from './params.js';
import { csvCell } from '../output/cells.js';
import { geojsonFeature, project } from '../export/geojson.js';
import { gexf, graphml, networkNodes, xmlText } from '../export/network.js';

export { geojsonFeature, project, gexf, graphml, networkNodes, xmlText };

/** The top-level fields of an event record (the JSONL contract), the names `fields=` takes for JSON, JSONL and GeoJSON. */
export const EVENT_FIELDS = ['id', 'article_id', 'event', 'mode', 'context', 'cameo', 'goldstein', 'quad_class', 'date', 'date_precision',
  'date_text', 'actor', 'recipient', 'location', 'attribution', 'negated', 'realis', 'sentence', 'trigger', 'mentions', 'confidence'] as const;

/** The names asked for by `fields=`, checked against those the format has; undefined when every field is wanted. */
export function fieldList(fields: string | undefined, allowed: readonly string[]): string[] | undefined {
  if (fields === undefined) return undefined;
  const names = fields.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = names.filter((n) => !allowed.includes(n));
  if (names.length === 0 || unknown.length) throw new BadParameter('fields', `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; this format has ${allowed.join(', ')}`);
  return [...new Set(names)];
}


/** CSV of the flat columns (acta events --format csv), or of the columns asked for. */
export function eventsCsv(events: CodedEvent[], fields: string[] | undefined): string {
  if (!fields) return csvHeader() + events.map(csvLine).join('');
  const rows = events.map((e) => { const r = flatRow(e) as Record<string, string>; return fields.map((f) => csvCell(r[f])).join(',') + '\n'; });
  return fields.join(',') + '\n' + rows.join('');
}

export const CSV_FIELDS: readonly string[] = FLAT_COLUMNS;

/** The cursor after a page: the sort and the last event's sort values, base64url of JSON (opaque to clients). */
export function encodeCursor(sort: EventSort, keys: Keyset): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: EventSort): Keyset {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadParameter('cursor', 'not a cursor this API gave');
  }
  const v = value as { s?: unknown; k?: unknown };
  if (!v || typeof v !== 'object' || !validKeyset(sort, v.k)) {
    if (v && typeof v === 'object' && typeof v.s === 'string' && v.s !== sort) throw new BadParameter('cursor', `was given for sort=${v.s}, not sort=${sort}`);
    throw new BadParameter('cursor', 'not a cursor this API gave');
  }
  if (v.s !== sort) throw new BadParameter('cursor', `was given for sort=${String(v.s)}, not sort=${sort}`);
  return v.k as Keyset;
}


/**
 * What the API writes besides plain JSON: event projections, CSV rows, GeoJSON features, the
 * network as GEXF and GraphML, and the opaque cursor of keyset pagination. The API never
 * writes HTML: text from articles goes out as JSON strings, CSV cells or escaped XML text.
 */
import type { CodedEvent } from '../doc/types.js';
import { csvLine, csvHeader, FLAT_COLUMNS, flatRow } from '../output/event-formats.js';
import { validKeyset, type Dyad, type EventSort, type Keyset } from '../store/index.js';
import { BadParameter } from './params.js';

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

/** An event with only the fields asked for, in the order asked. */
export function project(e: CodedEvent, fields: string[] | undefined): Record<string, unknown> {
  if (!fields) return e as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = (e as unknown as Record<string, unknown>)[f];
  return out;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV of the flat columns (acta events --format csv), or of the columns asked for. */
export function eventsCsv(events: CodedEvent[], fields: string[] | undefined): string {
  if (!fields) return csvHeader() + events.map(csvLine).join('');
  const rows = events.map((e) => { const r = flatRow(e) as Record<string, string>; return fields.map((f) => csvCell(r[f])).join(',') + '\n'; });
  return fields.join(',') + '\n' + rows.join('');
}

export const CSV_FIELDS: readonly string[] = FLAT_COLUMNS;

/** A GeoJSON Feature: a point where the place has coordinates, else no geometry (RFC 7946 allows null). */
export function geojsonFeature(e: CodedEvent, fields: string[] | undefined) {
  const loc = e.location;
  const geometry = loc && loc.lat !== null && loc.lon !== null ? { type: 'Point', coordinates: [loc.lon, loc.lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties: project(e, fields) };
}

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

/** Text as XML 1.0 character data or attribute value: markup escaped, characters XML cannot hold dropped. */
export function xmlText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The nodes of a dyad list: every side, with the events it takes part in as actor or recipient. */
export function networkNodes(dyads: Dyad[]): { id: string; events: number }[] {
  const count = new Map<string, number>();
  for (const d of dyads) for (const n of [d.actor, d.recipient]) count.set(n, (count.get(n) ?? 0) + d.count);
  return [...count].map(([id, events]) => ({ id, events })).sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
}

const QUADS = ['1', '2', '3', '4'] as const;

/** The network as GEXF 1.3 (Gephi): directed edges actor → recipient weighted by events, QuadClass counts as attributes. */
export function gexf(dyads: Dyad[]): string {
  const nodes = networkNodes(dyads);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '<graph defaultedgetype="directed" mode="static">',
    '<attributes class="node"><attribute id="events" title="events" type="integer"/></attributes>',
    `<attributes class="edge">${QUADS.map((q) => `<attribute id="q${q}" title="quad_class_${q}" type="integer"/>`).join('')}<attribute id="goldstein" title="goldstein" type="double"/></attributes>`,
    '<nodes>',
    ...nodes.map((n) => `<node id="${xmlText(n.id)}" label="${xmlText(n.id)}"><attvalues><attvalue for="events" value="${n.events}"/></attvalues></node>`),
    '</nodes>',
    '<edges>',
    ...dyads.map((d, i) => `<edge id="${i}" source="${xmlText(d.actor)}" target="${xmlText(d.recipient)}" weight="${d.count}"><attvalues>${QUADS.map((q) => `<attvalue for="q${q}" value="${d.byQuadClass[q]}"/>`).join('')}<attvalue for="goldstein" value="${d.goldstein}"/></attvalues></edge>`),
    '</edges>',
    '</graph>',
    '</gexf>',
  ];
  return lines.join('\n') + '\n';
}

/** The network as GraphML: the same nodes and edges with their counts as data keys. */
export function graphml(dyads: Dyad[]): string {
  const nodes = networkNodes(dyads);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="events" for="node" attr.name="events" attr.type="int"/>',
    '<key id="count" for="edge" attr.name="count" attr.type="int"/>',
    ...QUADS.map((q) => `<key id="q${q}" for="edge" attr.name="quad_class_${q}" attr.type="int"/>`),
    '<key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>',
    '<graph id="acta" edgedefault="directed">',
    ...nodes.map((n) => `<node id="${xmlText(n.id)}"><data key="events">${n.events}</data></node>`),
    ...dyads.map((d) => `<edge source="${xmlText(d.actor)}" target="${xmlText(d.recipient)}"><data key="count">${d.count}</data>${QUADS.map((q) => `<data key="q${q}">${d.byQuadClass[q]}</data>`).join('')}<data key="goldstein">${d.goldstein}</data></edge>`),
    '</graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

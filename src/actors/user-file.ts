/**
 * A user's own actor dictionary, laid over acta's (`--actors FILE`, or `actors` in the
 * library's options). The columns are those of data/actors.tsv: names (the first is the
 * canonical name; | between spellings), type (PER or ORG), country (ISO 3166 alpha-3, empty
 * for international bodies), sector (a code from data/sectors.tsv), from and to (YYYY-MM-DD,
 * from inclusive, to exclusive; empty = open) and note. Several rows for one actor give its
 * offices over time.
 *
 * Formats, by the file's extension:
 *   .csv            comma-separated with a header row (quotes as RFC 4180);
 *   .tsv            tab-separated with a header row ('#' lines are comments);
 *   .yaml / .yml    a list of mappings with those keys; `names` may be a list.
 * A row that cannot be read is an error naming the file and its line, and nothing is loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type * as CsvParse from 'csv-parse/sync';
import type * as Yaml from 'yaml';
import { actorRowOf, isSector, type ActorRow } from './knowledge.js';
import { countryInfo } from '../places/countries.js';

const COLUMNS = ['names', 'type', 'country', 'sector', 'from', 'to', 'note'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A row as read, with the line it starts on. */
interface RawRow { line: number; fields: Record<string, string | undefined> }

export class ActorFileError extends Error {}

// The CSV and YAML readers load with the first file of their kind: every `acta code` imports this
// module, and only a run with --actors needs them (yaml alone is some 40 ms of a start).
const require = createRequire(import.meta.url);
const csvParser = (): typeof CsvParse => require('csv-parse/sync') as typeof CsvParse;
const yamlParser = (): typeof Yaml => require('yaml') as typeof Yaml;

/** Read and check a user's actor file; throws ActorFileError naming the file and line. */
export function readActorFile(path: string): ActorRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ActorFileError(`${path}: cannot read: ${(e as Error).message}`);
  }
  const ext = extname(path).toLowerCase();
  const raw = ext === '.yaml' || ext === '.yml' ? yamlRows(path, text)
    : ext === '.csv' ? csvRows(path, text, ',')
      : ext === '.tsv' ? csvRows(path, text, '\t')
        : fail(path, 0, 'unknown actor file type: use .csv, .tsv, .yaml or .yml');
  if (raw.length === 0) fail(path, 0, 'no actors in the file');
  return raw.map((r) => checkedRow(path, r));
}

function fail(path: string, line: number, message: string): never {
  throw new ActorFileError(line > 0 ? `${path}:${line}: ${message}` : `${path}: ${message}`);
}

function csvRows(path: string, text: string, delimiter: string): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read (its last line: records may span lines).
    records = csvParser().parse(text, { delimiter, bom: true, comment: delimiter === '\t' ? '#' : undefined, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    return fail(path, line, `malformed ${delimiter === ',' ? 'CSV' : 'TSV'}: ${(e as Error).message.replace(/^Invalid[^:]*:\s*/, '')}`);
  }
  if (records.length === 0) return [];
  const header = records[0].record.map((h) => h.toLowerCase());
  const missing = ['names', 'type', 'sector'].filter((c) => !header.includes(c));
  if (missing.length > 0) fail(path, records[0].info.lines, `header lacks ${missing.join(', ')} (columns: ${COLUMNS.join(', ')})`);
  return records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    fields: Object.fromEntries(header.map((h, i) => [h, record[i]])),
  }));
}

function yamlRows(path: string, text: string): RawRow[] {
  const { LineCounter, parseDocument, isMap, isSeq } = yamlParser();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return fail(path, e.linePos?.[0].line ?? 0, `malformed YAML: ${e.message.split('\n')[0]}`);
  }
  if (!isSeq(doc.contents)) return fail(path, 1, 'expected a list of actors');
  return doc.contents.items.map((item) => {
    const line = lineCounter.linePos(item.range?.[0] ?? 0).line;
    if (!isMap(item)) fail(path, line, 'an actor must be a mapping (names, type, country, sector, from, to, note)');
    const value = item.toJSON() as Record<string, unknown>;
    const fields: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.toLowerCase();
      fields[key] = Array.isArray(v) ? v.map(String).join('|') : v === null || v === undefined ? undefined : String(v);
    }
    if (fields.names === undefined && fields.name !== undefined) fields.names = fields.name;
    return { line, fields };
  });
}

function checkedRow(path: string, r: RawRow): ActorRow {
  const f = r.fields;
  const row = actorRowOf(f);
  if (!row) return fail(path, r.line, 'no names');
  if (f.type !== 'PER' && f.type !== 'ORG') fail(path, r.line, `type must be PER or ORG, not "${f.type ?? ''}"`);
  // Written as ISO 3166 writes it: "irq" would make codes like "irqGOV".
  if (row.country !== null && countryInfo(row.country)?.iso3 !== row.country) fail(path, r.line, `unknown country "${row.country}" (ISO 3166 alpha-3, or empty)`);
  if (!isSector(row.sector)) fail(path, r.line, `unknown sector "${row.sector}" (see data/sectors.tsv)`);
  for (const k of ['from', 'to'] as const) if (row[k] !== null && !DAY.test(row[k]!)) fail(path, r.line, `${k} must be YYYY-MM-DD, not "${row[k]}"`);
  if (row.from !== null && row.to !== null && row.to <= row.from) fail(path, r.line, `to (${row.to}) is not after from (${row.from})`);
  return row;
}

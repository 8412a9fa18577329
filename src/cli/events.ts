/** `acta events`: list stored events with filters, as a table, JSON, JSONL, TSV or CSV. */
import { EVENT_FORMATS, csvHeader, csvLine, ploverRecord, tableLines, tsvHeader, tsvLine } from '../output/event-formats.js';
import { clusterEvents, type Happening } from '../cluster/index.js';
import { countryCode, dateBound, oneOf, openStoreAt, parse, ploverType, positiveInt, UsageError } from './args.js';
import { ftsQuery } from '../store/text-query.js';
import { REALIS_VALUES } from '../events/realis.js';
import type { Out } from './session.js';
import type { EventFilter } from '../store/index.js';

/** The filter flags' help, shared by acta events and acta export. */
export const FILTER_HELP = `  --from DATE        events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE          events on or before DATE
  --event TYPE       PLOVER type (ASSAULT, PROTEST, …; data/plover.tsv lists them)
  --actor CODE       actor code or its prefix (IRQ, USAGOV, …)
  --recipient CODE   recipient code or its prefix
  --code CODE        actor or recipient code prefix
  --country ISO3     any actor, recipient or location in this country
  --text QUERY       full-text search over the articles: every word must appear;
                     "a phrase" in double quotes as written; milit* matches words
                     that begin so (militia, militants)
  --realis R         actual (default): what the articles say happened | future
                     (planned, announced) | hypothetical (wished, feared, conditional,
                     a purpose) | negated (said not to have happened) | any
`;

export const EVENTS_HELP = `Usage: acta events [--db FILE] [filters] [--format F]

List the events stored by "acta ingest" or "acta code --db".

Filters:
${FILTER_HELP}  --limit N          at most N events (with --dedupe, N happenings)
  --dedupe           one line per happening: reports of the same event (same type, day,
                     sides that agree — a shared country in a fitting sector, or name —
                     and places not apart) merged, with their count and the reports' ids
Output:
  --format F         table (default) | json | jsonl | plover | tsv | csv
  --db FILE          the database file (default: acta.db)
  -h, --help         this help`;

/** The filter flags `acta events` and `acta export` share. */
export const FILTER_OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' }, event: { type: 'string' }, actor: { type: 'string' },
  recipient: { type: 'string' }, code: { type: 'string' }, country: { type: 'string' }, text: { type: 'string' },
  realis: { type: 'string' },
} as const;

/** The store's filter from checked filter flags; a bad value is a UsageError naming its flag. */
export function filterOf(values: Record<string, unknown>): EventFilter {
  const from = dateBound(values.from as string | undefined, '--from');
  const to = dateBound(values.to as string | undefined, '--to');
  if (from !== undefined && to !== undefined && from > `${to}~`) throw new UsageError(`--from ${from} is after --to ${to}`);
  const text = values.text as string | undefined;
  if (text !== undefined && ftsQuery(text) === null) throw new UsageError(`--text needs a word to search for (got "${text}")`);
  // Only what happened unless asked: plans, wishes and denials are no events to count.
  const realis = oneOf(values.realis as string | undefined, [...REALIS_VALUES, 'any'] as const, '--realis', 'actual');
  return {
    realis: realis === 'any' ? undefined : realis,
    from, to, event: ploverType(values.event as string | undefined, '--event'),
    actor: values.actor as string | undefined, recipient: values.recipient as string | undefined, code: values.code as string | undefined,
    country: countryCode(values.country as string | undefined, '--country'), text,
  };
}

/** Happenings: the representative event with `reports` (count) and `report_ids`. */
function writeHappenings(happenings: Happening[], format: string, out: Out): number {
  const records = happenings.map((h) => ({ ...h.event, reports: h.reports.length, report_ids: h.reports.map((e) => e.id) }));
  switch (format) {
    case 'json': out.write(JSON.stringify(records, null, 1) + '\n'); break;
    case 'jsonl': for (const r of records) out.write(JSON.stringify(r) + '\n'); break;
    case 'plover': for (const h of happenings) out.write(JSON.stringify({ ...ploverRecord(h.event), reports: h.reports.length, report_ids: h.reports.map((e) => e.id) }) + '\n'); break;
    case 'tsv': out.write(tsvHeader().replace(/\n$/, '\treports\n')); for (const h of happenings) out.write(tsvLine(h.event).replace(/\n$/, `\t${h.reports.length}\n`)); break;
    case 'csv': out.write(csvHeader().replace(/\n$/, ',reports\n')); for (const h of happenings) out.write(csvLine(h.event).replace(/\n$/, `,${h.reports.length}\n`)); break;
    default:
      out.write(tableLines(happenings.map((h) => h.event)));
      out.write(`${happenings.length} happening(s) from ${happenings.reduce((n, h) => n + h.reports.length, 0)} report(s); ${happenings.filter((h) => h.reports.length > 1).length} reported more than once\n`);
  }
  return 0;
}

export async function runEvents(argv: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...FILTER_OPTIONS, db: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, dedupe: { type: 'boolean' },
  }, EVENTS_HELP);
  if (values.help) { out.write(EVENTS_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are flags: --text, --actor, --event, …)\n\n${EVENTS_HELP}`);
  const format = oneOf(values.format as string | undefined, EVENT_FORMATS, '--format', 'table');
  const filter = filterOf(values);
  const limit = positiveInt(values.limit as string | undefined, '--limit');
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  try {
    // With --dedupe the limit counts happenings, so every matching report is clustered first.
    if (values.dedupe) return writeHappenings(clusterEvents(store.queryEvents(filter)).slice(0, limit), format, out);
    const events = store.queryEvents({ ...filter, limit });
    switch (format) {
      case 'json': out.write(JSON.stringify(events, null, 1) + '\n'); break;
      case 'jsonl': for (const e of events) out.write(JSON.stringify(e) + '\n'); break;
      case 'plover': for (const e of events) out.write(JSON.stringify(ploverRecord(e)) + '\n'); break;
      case 'tsv': out.write(tsvHeader()); for (const e of events) out.write(tsvLine(e)); break;
      case 'csv': out.write(csvHeader()); for (const e of events) out.write(csvLine(e)); break;
      case 'table': out.write(tableLines(events)); out.write(`${events.length} event(s)\n`); break;
    }
  } finally {
    store.close();
  }
  return 0;
}

/** `acta events`: list stored events with filters, as a table, JSON, JSONL, TSV or CSV. */
import { EVENT_FORMATS, csvHeader, csvLine, ploverRecord, tableLines, tsvHeader, tsvLine } from '../output/event-formats.js';
import { happeningAsEvent, happeningCsvHeader, happeningCsvLine, happeningPloverLine, happeningTsvHeader, happeningTsvLine } from '../output/happening-formats.js';
import type { HappeningRecord } from '../store/happenings.js';
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

export const EVENTS_HELP = `Usage: acta events [--db FILE|URL] [filters] [--reports] [--min-sources N] [--format F]

List the happenings stored by "acta ingest" or "acta code --db": one line per real-world
happening, its reports across articles merged at ingest, with its id, the count of its
reports, articles and sources (outlets), and its fields decided from its reports. A
happening is listed when one of its reports matches every filter.

Filters:
${FILTER_HELP}  --min-sources N    only happenings reported by at least N outlets (corroborated)
  --limit N          at most N happenings (with --reports, N reports)
  --reports          one line per report instead: each article's coded event, as stored
  --dedupe           the default (one line per happening); kept for scripts written before
Output:
  --format F         table (default) | json | jsonl | plover | tsv | csv
  --db FILE|URL      the SQLite file, or a postgres:// URL (default: acta.db)
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

/** Happenings: JSON records as stored; the event formats with the happening's id and counts added. */
function writeHappenings(happenings: HappeningRecord[], format: string, out: Out): number {
  switch (format) {
    case 'json': out.write(JSON.stringify(happenings, null, 1) + '\n'); break;
    case 'jsonl': for (const h of happenings) out.write(JSON.stringify(h) + '\n'); break;
    case 'plover': for (const h of happenings) out.write(happeningPloverLine(h)); break;
    case 'tsv': out.write(happeningTsvHeader()); for (const h of happenings) out.write(happeningTsvLine(h)); break;
    case 'csv': out.write(happeningCsvHeader()); for (const h of happenings) out.write(happeningCsvLine(h)); break;
    default: {
      // The event table with each happening's reports and sources before it.
      const [header, rule, ...rows] = tableLines(happenings.map(happeningAsEvent)).trimEnd().split('\n');
      out.write(`REPORTS SOURCES ${header}\n${'-'.repeat(16)}${rule}\n`);
      rows.forEach((row, i) => out.write(`${String(happenings[i].reports).padStart(7)} ${String(happenings[i].sources).padStart(7)} ${row}\n`));
      out.write(`${happenings.length} happening(s) from ${happenings.reduce((n, h) => n + h.reports, 0)} report(s); ${happenings.filter((h) => h.reports > 1).length} reported more than once\n`);
    }
  }
  return 0;
}

export async function runEvents(argv: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...FILTER_OPTIONS, db: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, dedupe: { type: 'boolean' },
    reports: { type: 'boolean' }, 'min-sources': { type: 'string' },
  }, EVENTS_HELP);
  if (values.help) { out.write(EVENTS_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are flags: --text, --actor, --event, …)\n\n${EVENTS_HELP}`);
  const format = oneOf(values.format as string | undefined, EVENT_FORMATS, '--format', 'table');
  const filter = filterOf(values);
  const limit = positiveInt(values.limit as string | undefined, '--limit');
  const minSources = positiveInt(values['min-sources'] as string | undefined, '--min-sources');
  if (values.reports && values.dedupe) throw new UsageError('--reports lists reports and --dedupe happenings: give one of them');
  if (values.reports && minSources !== undefined) throw new UsageError('--min-sources counts a happening\'s outlets: it goes without --reports');
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  try {
    if (!values.reports) return writeHappenings(store.happenings.list({ ...filter, limit, minSources }), format, out);
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

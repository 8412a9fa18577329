/** `acta actors`: list and search the actor registry learned from stored articles. */
import { clip } from '../output/event-formats.js';
import { printable } from '../output/terminal.js';
import type { ActorEntry } from '../store/registry.js';
import { countryCode, oneOf, openStoreAt, parse, positiveInt, UsageError } from './args.js';
import type { Out } from './session.js';

export const ACTORS_HELP = `Usage: acta actors [--db FILE|URL] [--search TEXT] [--country ISO3] [--format F] [--limit N]

List the actor registry: every person and organisation met with a code in the
articles stored by "acta ingest" or "acta code --db", with the names and
spellings it was written under, its code, the evidence for it, and when it was
first and last seen (publication dates). Most often met first.

Filters:
  --search TEXT      a name or part of one (spelling variants match: Fayadh finds
                     al-Fayyadh), or a code prefix (IRQ, IRQMIL)
  --country ISO3     entries coded with this country
  --limit N          at most N entries
Output:
  --format F         table (default) | json | jsonl | csv
  --db FILE|URL      the SQLite file, or a postgres:// URL (default: acta.db)
  -h, --help         this help`;

const ACTOR_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;

const evidenceCount = (e: ActorEntry) => e.evidence.reduce((n, x) => n + x.count, 0);

/** The kinds of evidence and how many articles gave each: "title×2 apposition×1". */
function sources(e: ActorEntry): string {
  const by = new Map<string, number>();
  for (const x of e.evidence) by.set(x.source, (by.get(x.source) ?? 0) + x.count);
  return [...by].map(([s, n]) => `${s}×${n}`).join(' ');
}

/** An entry as printed in JSON and JSONL (snake_case, like the event records). */
export function actorRecord(e: ActorEntry) {
  return {
    id: e.id, name: e.name, type: e.type, country: e.country, sector: e.sector, code: e.code, names: e.names,
    articles: e.articles, evidence_count: evidenceCount(e), first_seen: e.firstSeen, last_seen: e.lastSeen,
    evidence: e.evidence.map(({ firstSeen, lastSeen, ...rest }) => ({ ...rest, first_seen: firstSeen, last_seen: lastSeen })),
  };
}

const CSV_COLUMNS = ['id', 'name', 'type', 'country', 'sector', 'code', 'names', 'articles', 'evidence_count', 'sources', 'first_seen', 'last_seen'] as const;

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function csvLine(e: ActorEntry): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: String(e.id), name: e.name, type: e.type, country: e.country ?? '', sector: e.sector ?? '', code: e.code ?? '',
    names: e.names.join('; '), articles: String(e.articles), evidence_count: String(evidenceCount(e)), sources: sources(e),
    first_seen: e.firstSeen ?? '', last_seen: e.lastSeen ?? '',
  };
  return CSV_COLUMNS.map((c) => csvCell(row[c])).join(',') + '\n';
}

/** A readable fixed-width table; the last column (other names) is not clipped. */
export function actorTable(entries: ActorEntry[]): string {
  const cols: [string, number, (e: ActorEntry) => string][] = [
    ['CODE', 9, (e) => e.code ?? '?'],
    ['TYPE', 4, (e) => e.type],
    ['NAME', 28, (e) => e.name],
    ['ART', 4, (e) => String(e.articles)],
    ['EVIDENCE', 24, (e) => `${evidenceCount(e)}: ${sources(e)}`],
    ['FIRST', 10, (e) => e.firstSeen ?? '?'],
    ['LAST', 10, (e) => e.lastSeen ?? '?'],
  ];
  const header = cols.map(([h, w]) => clip(h, w)).join(' ') + ' ALSO';
  const lines = entries.map((e) => cols.map(([, w, f]) => clip(f(e), w)).join(' ') + ' ' + printable(e.names.filter((n) => n !== e.name).join('; ') || '-'));
  return [header, '-'.repeat(header.length), ...lines].join('\n') + '\n';
}

export async function runActors(argv: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, search: { type: 'string' }, country: { type: 'string' }, format: { type: 'string' }, limit: { type: 'string' },
  }, ACTORS_HELP);
  if (values.help) { out.write(ACTORS_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (to search, use --search TEXT)\n\n${ACTORS_HELP}`);
  const format = oneOf(values.format as string | undefined, ACTOR_FORMATS, '--format', 'table');
  const country = countryCode(values.country as string | undefined, '--country');
  const limit = positiveInt(values.limit as string | undefined, '--limit');
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  try {
    const entries = store.listActors({ search: values.search as string | undefined, country, limit });
    switch (format) {
      case 'json': out.write(JSON.stringify(entries.map(actorRecord), null, 1) + '\n'); break;
      case 'jsonl': for (const e of entries) out.write(JSON.stringify(actorRecord(e)) + '\n'); break;
      case 'csv': out.write(CSV_COLUMNS.join(',') + '\n'); for (const e of entries) out.write(csvLine(e)); break;
      case 'table': out.write(actorTable(entries)); out.write(`${entries.length} actor(s)\n`); break;
    }
  } finally {
    store.close();
  }
  return 0;
}

/** `acta changes --since T`: the happenings created, updated, merged and deleted since T, to keep a copy in sync. */
import { changeCursor, nextChangeCursor, type HappeningChange } from '../store/happenings.js';
import { oneOf, openStoreAt, parse, positiveInt, UsageError } from './args.js';
import type { Out } from './session.js';

export const CHANGES_HELP = `Usage: acta changes [--since T] [--limit N] [--db FILE|URL] [--format F]

List the changes to the stored happenings, oldest first: each happening created, updated
(a report joined or left it, its fields changed), merged into another (with the
surviving id: the merged id keeps answering as the survivor) or deleted (its last report
gone). A copy kept in sync asks again from the "next" cursor the answer ends with.

  --since T          a change's sequence number (the changes after it: a "next" cursor)
                     or an ISO 8601 day or time (the changes at or after it, UTC unless an
                     offset is given); from the first change when absent
  --limit N          at most N changes (all when absent)
Output:
  --format F         table (default) | json ({changes, next}) | jsonl (a change a line,
                     then {"next": N})
  --db FILE|URL      the SQLite file, or a postgres:// URL (default: acta.db)
  -h, --help         this help`;

const CHANGE_FORMATS = ['table', 'json', 'jsonl'] as const;

function table(changes: HappeningChange[], next: number): string {
  const lines = ['SEQ      AT                        KIND     HAPPENING          SURVIVOR', '-'.repeat(80)];
  for (const c of changes) lines.push(`${String(c.seq).padEnd(8)} ${c.at.padEnd(25)} ${c.kind.padEnd(8)} ${c.id.padEnd(18)} ${c.survivor ?? ''}`.trimEnd());
  lines.push(`${changes.length} change(s); next: --since ${next}`);
  return lines.join('\n') + '\n';
}

export async function runChanges(argv: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(argv, {
    since: { type: 'string' }, limit: { type: 'string' }, db: { type: 'string' }, format: { type: 'string' },
  }, CHANGES_HELP);
  if (values.help) { out.write(CHANGES_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\n\n${CHANGES_HELP}`);
  const format = oneOf(values.format as string | undefined, CHANGE_FORMATS, '--format', 'table');
  const limit = positiveInt(values.limit as string | undefined, '--limit');
  const since = values.since as string | undefined;
  const from = since === undefined ? { afterSeq: 0 } : changeCursor(since);
  if (from === null) throw new UsageError(`--since must be a change's sequence number or an ISO 8601 day or time (got "${since}")`);
  const store = openStoreAt((values.db as string | undefined) ?? 'acta.db', { mustExist: true });
  try {
    const changes = store.happenings.changes(from, limit ?? Number.MAX_SAFE_INTEGER);
    const next = nextChangeCursor(from, changes, store.happenings.lastSeq);
    switch (format) {
      case 'json': out.write(JSON.stringify({ changes, next }, null, 1) + '\n'); break;
      case 'jsonl': for (const c of changes) out.write(JSON.stringify(c) + '\n'); out.write(JSON.stringify({ next }) + '\n'); break;
      default: out.write(table(changes, next));
    }
  } finally {
    store.close();
  }
  return 0;
}

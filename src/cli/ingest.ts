/** `acta ingest PATH… --db FILE`: store articles, entities and events; same article twice adds nothing. */
import { formatProblem, isProblem } from '../ingest/index.js';
import { readInputs } from '../ingest/files.js';
import { analyzeIngested } from '../pipeline.js';
import { liveRegistry } from '../actors/live-registry.js';
import { inputEncoding, isoDay, openStoreAt, parse, requireInputs, userActors, UsageError } from './args.js';
import { printable } from '../output/terminal.js';
import { progressOf } from './progress.js';
import { stopReason, stoppedStatus, untilStopped, type Session } from './session.js';

export const INGEST_HELP = `Usage: acta ingest PATH... [--db FILE] [--published DATE]

Analyse articles and store them, their entities and their events in a SQLite
file (default ./acta.db). An article already stored (same content) is skipped.
A PATH that does not exist is a usage error, found before the database is opened.
Ctrl-C stops after the article in hand: what was stored stays stored, and the
summary line says how much.

Options:
  --db FILE         the database file (default: acta.db)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  --encoding E      utf8 (default) | latin1 | windows-1252, as for acta code
  --no-progress     no progress line on stderr (shown only when stderr is a terminal)
  -h, --help        this help

Exit status: 0 all inputs read; 1 some inputs failed (the rest were stored); 2 usage error;
130 interrupted (Ctrl-C).`;

export async function runIngest(argv: string[], session: Session): Promise<number> {
  const { out, stop } = session;
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, published: { type: 'string' }, actors: { type: 'string', multiple: true },
    encoding: { type: 'string' }, 'no-progress': { type: 'boolean' },
  }, INGEST_HELP);
  if (values.help) { out.write(INGEST_HELP + '\n'); return 0; }
  if (positionals.length === 0) throw new UsageError(`no input given\n\n${INGEST_HELP}`);
  const published = isoDay(values.published as string | undefined, '--published');
  const encoding = inputEncoding(values.encoding as string | undefined);
  const actors = userActors(values);
  requireInputs(positionals);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  const store = openStoreAt(dbPath, { mustExist: false });
  const registry = liveRegistry(store);
  const shown = await progressOf(session, positionals, values['no-progress'] === true);
  const err = shown.messages(session.err);
  let stored = 0, skipped = 0, failed = 0, events = 0;
  try {
    for await (const item of untilStopped(readInputs(positionals, { published, encoding }), stop)) {
      shown.tick();
      if (isProblem(item)) { failed++; err.write(`acta: ${formatProblem(item)}\n`); continue; }
      if (store.hasArticle(item.meta.hash)) { skipped++; continue; }
      try {
        const doc = analyzeIngested(item, { registry, actors });
        if (store.saveDoc(doc).stored) { stored++; events += doc.events.length; registry.saved(); } else skipped++;
      } catch (e) {
        failed++;
        err.write(`acta: ${item.meta.origin}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    shown.end();
    store.close();
  }
  const stopped = stopReason(stop);
  if (stopped === 'interrupt') err.write('acta: interrupted; the articles analysed so far are stored\n');
  out.write(`${stored} article(s) stored with ${events} event(s), ${skipped} already stored, ${failed} failed — ${printable(dbPath)}\n`);
  if (stopped) return stoppedStatus(stopped);
  return failed > 0 ? 1 : 0;
}

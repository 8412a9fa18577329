/** `acta ingest PATH… --db FILE`: store articles, entities and events; same article twice adds nothing. */
import { existsSync } from 'node:fs';
import { formatProblem } from '../ingest/index.js';
import { readInputs } from '../ingest/files.js';
import { orderedAnalysis } from '../parallel/ordered-analysis.js';
import { storeWriteFailure } from '../store/index.js';
import { isPostgresUrl } from '../store/postgres/store.js';
import { inputEncoding, isoDay, jobsOf, openStoreAt, parse, requireInputs, userActors, UsageError } from './args.js';
import { printable } from '../output/terminal.js';
import { progressOf } from './progress.js';
import { stopReason, stoppedStatus, untilStopped, type Session } from './session.js';
import { analysisFailure } from './failure.js';
import { reprocessLine, reprocessStore } from './reprocess.js';
import { queueOption } from './worker.js';

export const INGEST_HELP = `Usage: acta ingest PATH... [--db FILE|URL] [--published DATE]
       acta ingest PATH... --queue nats://HOST:4222
       acta ingest --reprocess [--db FILE|URL]

Analyse articles and store them, their entities and their events in a SQLite
file (default ./acta.db). An article already stored (same content) is skipped.
Each event joins the happening it reports (the same event told by other articles)
or starts one, in the article's own transaction ("acta events" lists happenings,
"acta changes" what changed in them).
A PATH that does not exist is a usage error, found before the database is opened.
Ctrl-C stops after the article in hand: what was stored stays stored, and the
summary line says how much.

Options:
  --db FILE|URL     the SQLite file, or a postgres:// URL (default: acta.db)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  --encoding E      utf8 (default) | latin1 | windows-1252, as for acta code
  --jobs N          articles analysed at once on N threads (default: one per core); the
                    store is written by one thread, in input order, as with --jobs 1
  --no-progress     no progress line on stderr (shown only when stderr is a terminal)
  --queue URL       publish the articles to NATS JetStream instead, for "acta worker"s to
                    analyse and store (read as without it; the content hash is the message
                    id, so the stream drops an article published again within a day); prints
                    how many were published and how many dropped as duplicates
  --reprocess       re-code every stored article with this acta (after an upgrade): each
                    article's entities and events are replaced, its text kept, its
                    reports move between happenings as they now read, and the actor
                    registry is learned again; takes no PATH
  -h, --help        this help

Exit status: 0 all inputs read; 1 some inputs failed (the rest were stored); 2 usage error;
130 interrupted (Ctrl-C).`;

interface Out { write(s: string): void }

export async function runIngest(argv: string[], session: Session): Promise<number> {
  const { out, stop } = session;
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, published: { type: 'string' }, actors: { type: 'string', multiple: true },
    encoding: { type: 'string' }, 'no-progress': { type: 'boolean' }, reprocess: { type: 'boolean' }, jobs: { type: 'string' },
    queue: { type: 'string' },
  }, INGEST_HELP);
  if (values.help) { out.write(INGEST_HELP + '\n'); return 0; }
  if (values.reprocess) return runReprocess(values, positionals, out, session.err);
  if (positionals.length === 0) throw new UsageError(`no input given\n\n${INGEST_HELP}`);
  const published = isoDay(values.published as string | undefined, '--published');
  const encoding = inputEncoding(values.encoding as string | undefined);
  const actors = userActors(values);
  requireInputs(positionals);
  if (values.queue !== undefined) {
    const { publishInputs } = await import('./queue.js');
    if (values.db !== undefined || values.jobs !== undefined || values.actors !== undefined) throw new UsageError(`--queue publishes the articles; --db, --jobs and --actors are the workers' (acta worker)\n\n${INGEST_HELP}`);
    return publishInputs(queueOption(values.queue, INGEST_HELP), readInputs(positionals, { published, encoding }), session);
  }
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  const store = openStoreAt(dbPath, { mustExist: false });
  const jobs = jobsOf(values.jobs as string | undefined);
  const shown = await progressOf(session, positionals, values['no-progress'] === true);
  const err = shown.messages(session.err);
  let stored = 0, skipped = 0, failed = 0, events = 0;
  try {
    const { analysed, saved } = orderedAnalysis(untilStopped(readInputs(positionals, { published, encoding }), stop), {
      jobs, actors, store, wanted: (item) => !store.hasArticle(item.meta.hash),
    });
    for await (const r of analysed) {
      shown.tick();
      if (r.kind === 'problem') { failed++; err.write(`acta: ${formatProblem(r.problem)}\n`); continue; }
      if (r.kind === 'skipped') { skipped++; continue; }
      if (r.kind === 'failed') { failed++; err.write(`acta: ${analysisFailure(r.article.meta.origin, r.error)}\n`); continue; }
      const doc = r.doc;
      try {
        if (store.saveDoc(doc).stored) { stored++; events += doc.events.length; saved(); } else skipped++;
      } catch (e) {
        failed++;
        // The store cannot be written (disk full, read-only): every later article would fail too.
        const storeFailure = storeWriteFailure(e, dbPath);
        if (storeFailure) { err.write(`acta: ${storeFailure} (stopped at ${r.article.meta.origin})\n`); break; }
        err.write(`acta: ${analysisFailure(r.article.meta.origin, e)}\n`);
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

/** `acta ingest --reprocess`: the stored articles, not files, are the input; a store that does not exist is not made. */
function runReprocess(values: Record<string, unknown>, positionals: string[], out: Out, err: Out): number {
  if (positionals.length > 0) throw new UsageError(`--reprocess re-codes the stored articles and takes no PATH\n\n${INGEST_HELP}`);
  if (values.published !== undefined) throw new UsageError(`--reprocess keeps each article's stored date; --published does not apply\n\n${INGEST_HELP}`);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  // A PostgreSQL database without acta's tables is refused by openStoreAt (mustExist).
  if (!isPostgresUrl(dbPath) && !existsSync(dbPath)) throw new UsageError(`no store at ${dbPath} to reprocess`);
  const actors = userActors(values);
  const store = openStoreAt(dbPath, { mustExist: true });
  try {
    const summary = reprocessStore(store, actors, err);
    out.write(reprocessLine(summary, dbPath));
    return summary.failed > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}

/** `acta ingest PATH… --db FILE`: store articles, entities and events; same article twice adds nothing. */
import { existsSync } from 'node:fs';
import { formatProblem, isProblem } from '../ingest/index.js';
import { readInputs } from '../ingest/files.js';
import { analyzeIngested } from '../pipeline.js';
import { openStore, storeWriteFailure } from '../store/index.js';
import { liveRegistry } from '../actors/live-registry.js';
import { isoDay, parse, userActors, UsageError } from './args.js';
import { reprocessLine, reprocessStore } from './reprocess.js';

export const INGEST_HELP = `Usage: acta ingest PATH... [--db FILE] [--published DATE]
       acta ingest --reprocess [--db FILE]

Analyse articles and store them, their entities and their events in a SQLite
file (default ./acta.db). An article already stored (same content) is skipped.

Options:
  --db FILE         the database file (default: acta.db)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  --reprocess       re-code every stored article with this acta (after an upgrade): each
                    article's entities and events are replaced, its text kept, and the
                    actor registry learned again; takes no PATH
  -h, --help        this help

Exit status: 0 all inputs read; 1 some inputs failed (the rest were stored); 2 usage error.`;

interface Out { write(s: string): void }

export async function runIngest(argv: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, published: { type: 'string' }, actors: { type: 'string', multiple: true }, reprocess: { type: 'boolean' } }, INGEST_HELP);
  if (values.help) { out.write(INGEST_HELP + '\n'); return 0; }
  if (values.reprocess) return runReprocess(values, positionals, out, err);
  if (positionals.length === 0) throw new UsageError(`no input given\n\n${INGEST_HELP}`);
  const published = isoDay(values.published as string | undefined, '--published');
  const actors = userActors(values);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  const store = openStore(dbPath);
  const registry = liveRegistry(store);
  let stored = 0, skipped = 0, failed = 0, events = 0;
  try {
    for await (const item of readInputs(positionals, { published })) {
      if (isProblem(item)) { failed++; err.write(`acta: ${formatProblem(item)}\n`); continue; }
      if (store.hasArticle(item.meta.hash)) { skipped++; continue; }
      try {
        const doc = analyzeIngested(item, { registry, actors });
        if (store.saveDoc(doc).stored) { stored++; events += doc.events.length; registry.saved(); } else skipped++;
      } catch (e) {
        failed++;
        // The store cannot be written (disk full, read-only): every later article would fail too.
        const storeFailure = storeWriteFailure(e, dbPath);
        if (storeFailure) { err.write(`acta: ${storeFailure} (stopped at ${item.meta.origin})\n`); break; }
        err.write(`acta: ${item.meta.origin}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    store.close();
  }
  out.write(`${stored} article(s) stored with ${events} event(s), ${skipped} already stored, ${failed} failed — ${dbPath}\n`);
  return failed > 0 ? 1 : 0;
}

/** `acta ingest --reprocess`: the stored articles, not files, are the input; a store that does not exist is not made. */
function runReprocess(values: Record<string, unknown>, positionals: string[], out: Out, err: Out): number {
  if (positionals.length > 0) throw new UsageError(`--reprocess re-codes the stored articles and takes no PATH\n\n${INGEST_HELP}`);
  if (values.published !== undefined) throw new UsageError(`--reprocess keeps each article's stored date; --published does not apply\n\n${INGEST_HELP}`);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  if (!existsSync(dbPath)) throw new UsageError(`no store at ${dbPath} to reprocess`);
  const actors = userActors(values);
  const store = openStore(dbPath);
  try {
    const summary = reprocessStore(store, actors, err);
    out.write(reprocessLine(summary, dbPath));
    return summary.failed > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}

/** `acta ingest PATH… --db FILE`: store articles, entities and events; same article twice adds nothing. */
import { formatProblem, isProblem } from '../ingest/index.js';
import { readInputs } from '../ingest/files.js';
import { analyzeIngested } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { liveRegistry } from '../actors/live-registry.js';
import { isoDay, parse, userActors, UsageError } from './args.js';

export const INGEST_HELP = `Usage: acta ingest PATH... [--db FILE] [--published DATE]

Analyse articles and store them, their entities and their events in a SQLite
file (default ./acta.db). An article already stored (same content) is skipped.

Options:
  --db FILE         the database file (default: acta.db)
  --published DATE  publication date (YYYY-MM-DD) for inputs that do not carry one
  --actors FILE     your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  -h, --help        this help

Exit status: 0 all inputs read; 1 some inputs failed (the rest were stored); 2 usage error.`;

interface Out { write(s: string): void }

export async function runIngest(argv: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, published: { type: 'string' }, actors: { type: 'string', multiple: true } }, INGEST_HELP);
  if (values.help) { out.write(INGEST_HELP + '\n'); return 0; }
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
        err.write(`acta: ${item.meta.origin}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    store.close();
  }
  out.write(`${stored} article(s) stored with ${events} event(s), ${skipped} already stored, ${failed} failed — ${dbPath}\n`);
  return failed > 0 ? 1 : 0;
}

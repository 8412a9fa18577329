/**
 * `acta ingest --reprocess [--db FILE|URL]`: analyse every stored article again with
 * this acta (after an upgrade), replacing its sentences, entities and events in
 * one transaction per article and keeping its text. The actor registry is
 * learned again from scratch along the way, in the order the articles were
 * stored, so that it holds what this acta reads in them.
 */
import { analyzeIngested } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { ActorRow } from '../actors/knowledge.js';
import { liveRegistry } from '../actors/live-registry.js';

interface Out { write(s: string): void }

export interface ReprocessSummary {
  articles: number;
  events: number;
  failed: number;
}

/** Re-code every article of an open store; a failed article keeps its earlier analysis and is named on `err`. */
export function reprocessStore(store: Store, actors: readonly ActorRow[] | undefined, err: Out): ReprocessSummary {
  store.clearRegistry();
  const registry = liveRegistry(store);
  let articles = 0, events = 0, failed = 0;
  for (const hash of store.articleHashes()) {
    const item = store.getIngested(hash);
    if (!item) continue;
    try {
      const doc = analyzeIngested(item, { registry, actors });
      store.replaceAnalysis(doc);
      registry.saved();
      articles++;
      events += doc.events.length;
    } catch (e) {
      failed++;
      err.write(`acta: ${item.meta.origin} (${hash}): ${(e as Error).message}\n`);
    }
  }
  return { articles, events, failed };
}

/** The summary line `acta ingest --reprocess` prints. */
export function reprocessLine(s: ReprocessSummary, dbPath: string): string {
  return `${s.articles} article(s) re-coded with ${s.events} event(s), ${s.failed} failed — ${dbPath}\n`;
}

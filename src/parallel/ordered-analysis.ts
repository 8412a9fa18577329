/** A batch analysed in input order on `jobs` threads: what `acta code`, `analyze`, `ingest` and the library's analyzeBatch run. */
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import type { ActorRow } from '../actors/knowledge.js';
import type { ChangingActorSource } from '../actors/registry.js';
import { liveRegistry, type LiveRegistry } from '../actors/live-registry.js';
import { analyzeIngested } from '../pipeline.js';
import { analyzeInOrder, AnalyzePool } from './analyze-pool.js';

export interface OrderedAnalysisOptions {
  jobs: number;
  actors?: readonly ActorRow[];
  timeBudgetMs?: number;
  /** The store the caller writes (its actor registry is read and learned into); absent: none. */
  store?: ChangingActorSource | null;
  /** Whether an article needs analysing at all (ingest skips stored ones). */
  wanted?: (article: IngestedArticle) => boolean;
}

/**
 * The inputs analysed in input order on `jobs` threads, and `saved()` to call after each
 * article the caller stores. This thread holds one
 * registry either way: the pool's, or a live one, made at the first article analysed here.
 */
export function orderedAnalysis(inputs: AsyncIterable<IngestedArticle | InputProblem>, opts: OrderedAnalysisOptions) {
  const { jobs, actors, timeBudgetMs } = opts;
  const store = opts.store ?? null;
  let pool: AnalyzePool | null = null;
  let registry: LiveRegistry | null = null;
  const analysed = analyzeInOrder(inputs, () => (pool = new AnalyzePool({ jobs, actors, store, timeBudgetMs })), {
    jobs, window: 2 * jobs, wanted: opts.wanted,
    inThread: (item) => analyzeIngested(item, { registry: store ? (registry ??= liveRegistry(store)) : null, actors, timeBudgetMs }),
  });
  return { analysed, saved: () => { registry?.saved(); pool?.saved(); } };
}

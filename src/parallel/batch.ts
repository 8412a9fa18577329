/**
 * The library's batch: many articles analysed on worker threads, each result in input order,
 * equal to what `analyze` gives one article at a time.
 */
import type { Doc, IngestedArticle, InputProblem } from '../doc/types.js';
import type { ActorRow } from '../actors/knowledge.js';
import { ingestRecord } from '../ingest/jsonl.js';
import type { ArticleInput } from '../pipeline.js';
import { orderedAnalysis } from './ordered-analysis.js';
import { defaultJobs } from './jobs.js';

export interface BatchOptions {
  /** Worker threads (default: one per core); 1 analyses in this thread. */
  jobs?: number;
  actors?: readonly ActorRow[];
  timeBudgetMs?: number;
}

/** One article's outcome, at its place in the input: its doc, or why it could not be read or analysed. */
export type BatchResult = { index: number; doc: Doc; error?: undefined } | { index: number; doc?: undefined; error: Error };

/** Analyse articles (text, HTML or records as `analyze` takes them) on worker threads, yielding results in input order. */
export async function* analyzeBatch(inputs: Iterable<ArticleInput | string> | AsyncIterable<ArticleInput | string>, opts: BatchOptions = {}): AsyncGenerator<BatchResult> {
  const jobs = opts.jobs ?? defaultJobs();
  const origins = new Map<string, number>();
  async function* ingested(): AsyncGenerator<IngestedArticle | InputProblem> {
    let index = 0;
    for await (const input of inputs) {
      const origin = `input ${index + 1}`;
      origins.set(origin, index++);
      yield ingestRecord(typeof input === 'string' ? { text: input } : input, origin, origin, null);
    }
  }
  const { analysed } = orderedAnalysis(ingested(), { jobs, actors: opts.actors, timeBudgetMs: opts.timeBudgetMs });
  for await (const r of analysed) {
    if (r.kind === 'problem') yield { index: origins.get(r.problem.origin) ?? -1, error: new Error(`${r.problem.origin}: ${r.problem.message}`) };
    else if (r.kind === 'failed') yield { index: origins.get(r.article.meta.origin) ?? -1, error: r.error instanceof Error ? r.error : new Error(String(r.error)) };
    else if (r.kind === 'doc') yield { index: origins.get(r.article.meta.origin)!, doc: r.doc };
  }
}

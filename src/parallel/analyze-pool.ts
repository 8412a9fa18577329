/**
 * Analysis spread over worker threads, with results in input order and the output of a
 * single thread. The main thread reads the inputs and is the store's one writer; workers
 * analyse. What could make a worker's result differ from a one-thread run is the actor
 * registry, which learns from every stored article: a worker may analyse article N before
 * articles N-1, N-2… are stored. So each worker returns the registry questions its analysis
 * asked, with the answers it got; when an article's turn comes, the main thread asks its own
 * registry (up to date with every article before it) the same questions, and where any answer
 * differs the article is analysed again, now with an up-to-date registry. The store and the
 * output are then those of `--jobs 1`, byte for byte.
 */
import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import type { Doc, IngestedArticle, InputProblem } from '../doc/types.js';
import type { ActorRow } from '../actors/knowledge.js';
import { buildRegistry, type ChangingActorSource, type UpdatableRegistry } from '../actors/registry.js';
import { ArticleTimeout } from '../util/deadline.js';
import type { FromWorker, RegistryQuestion, ToWorker, WorkerSetup } from './messages.js';

export interface AnalyzePoolOptions {
  /** Worker threads at most (each started when the others are busy). */
  jobs: number;
  actors?: readonly ActorRow[];
  timeBudgetMs?: number;
  /** The store whose actor registry the analyses read and learn into (ingest, code --db); absent: none. */
  store?: ChangingActorSource | null;
  /** Old-generation heap of each worker, in MB (default WORKER_HEAP_MB). */
  heapMb?: number;
}

/**
 * Each worker's old-generation heap, in MB: a safety net, not a tuning. An article that needs
 * more fails alone with a clear message and its worker is replaced, where in one thread it
 * would end the whole run. One text at the 20 MiB input limit peaks at about 1.5 GB of RSS
 * (npm run bench -- --long), under this cap.
 */
export const WORKER_HEAP_MB = 2048;

interface WorkerResult { doc: Doc; questions: RegistryQuestion[] }

interface Running {
  worker: Worker;
  inFlight: number;
}

export class AnalyzePool {
  private readonly running: Running[] = [];
  private readonly waiting = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: Error) => void; on: Running }>();
  private nextTask = 0;
  private readonly setup: WorkerSetup;
  /** The registry as a one-thread run would see it now (the workers' start, and every save since); null when there is no store. */
  private readonly registry: UpdatableRegistry | null;
  private revision = 0;
  /** How many articles were analysed twice because the registry had learned since (for the benchmark). */
  reanalysed = 0;

  constructor(private readonly opts: AnalyzePoolOptions) {
    const store = opts.store ?? null;
    // Changes from before the full listing are in it already.
    if (store) this.revision = store.actorsChangedSince(Number.MAX_SAFE_INTEGER).revision;
    const entries = store ? store.listActors() : null;
    this.registry = entries ? buildRegistry(entries) : null;
    this.setup = { actors: [...(opts.actors ?? [])], timeBudgetMs: opts.timeBudgetMs, registry: entries };
  }

  /** Analyse one article on the least busy worker (starting one if all are busy and there is room). */
  private run(article: IngestedArticle): Promise<WorkerResult> {
    let on = this.running.reduce<Running | null>((best, r) => (!best || r.inFlight < best.inFlight ? r : best), null);
    if (!on || (on.inFlight > 0 && this.running.length < Math.max(1, this.opts.jobs))) on = this.start();
    const task = this.nextTask++;
    on.inFlight++;
    const chosen = on;
    return new Promise<WorkerResult>((resolve, reject) => {
      this.waiting.set(task, { resolve, reject, on: chosen });
      chosen.worker.postMessage({ kind: 'analyze', task, article } satisfies ToWorker);
    });
  }

  private start(): Running {
    const heapMb = this.opts.heapMb ?? WORKER_HEAP_MB;
    const worker = new Worker(new URL('./analyze-worker.js', import.meta.url), { workerData: this.setup, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const r: Running = { worker, inFlight: 0 };
    worker.on('message', (m: FromWorker) => {
      const w = this.waiting.get(m.task);
      if (!w) return;
      this.waiting.delete(m.task);
      r.inFlight--;
      if (m.kind === 'done') w.resolve({ doc: m.doc, questions: m.questions });
      else w.reject(m.timeout ? new ArticleTimeout(m.timeout.article, m.timeout.stage, m.timeout.budgetMs) : new Error(m.message));
    });
    // A worker that dies (out of memory, a crash in native code) fails the articles it held; later ones go to a new worker.
    const died = (e: Error) => {
      const i = this.running.indexOf(r);
      if (i >= 0) this.running.splice(i, 1);
      for (const [task, w] of this.waiting) if (w.on === r) { this.waiting.delete(task); w.reject(e); }
    };
    worker.on('error', (e: Error & { code?: string }) => died(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new Error(`ran out of memory (an analysing thread may use ${heapMb} MB)`) : e));
    worker.on('exit', (code) => { if (code !== 0) died(new Error(`the analysing thread stopped (exit code ${code})`)); });
    this.running.push(r);
    return r;
  }

  /** Begin analysing an article; `finish` the returned job when its turn in the output comes. */
  begin(article: IngestedArticle): Promise<WorkerResult> {
    const p = this.run(article);
    p.catch(() => {}); // handled when finished, in order
    return p;
  }

  /**
   * The article's doc as a one-thread run in input order would make it: the worker's, unless
   * the registry has since learned something that changes one of its answers.
   */
  async finish(article: IngestedArticle, job: Promise<WorkerResult>): Promise<Doc> {
    let result = await job;
    while (this.registry && !result.questions.every((q) => isDeepStrictEqual(this.registry!.lookup(q.name, q.date, q.context), q.answer))) {
      this.reanalysed++;
      result = await this.run(article);
    }
    return result.doc;
  }

  /** Tell the pool an article was stored: the registry's changes go to every worker before its next article, and into the pool's own. */
  saved(): void {
    const store = this.opts.store;
    if (!store || !this.registry) return;
    const changed = store.actorsChangedSince(this.revision);
    this.revision = changed.revision;
    if (changed.entries.length === 0) return;
    for (const entry of changed.entries) this.registry.put(entry);
    for (const r of this.running) r.worker.postMessage({ kind: 'registry', entries: changed.entries } satisfies ToWorker);
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.running.splice(0).map((r) => r.worker.terminate()));
  }
}

/** An input in its turn: a problem reading it, its doc, or why analysis failed. */
export type Analysed =
  | { kind: 'problem'; problem: InputProblem }
  | { kind: 'doc'; article: IngestedArticle; doc: Doc }
  | { kind: 'failed'; article: IngestedArticle; error: unknown };

export interface InOrderOptions {
  /** Worker threads: 1 analyses everything in this thread, as acta always did. */
  jobs: number;
  /** Analyses under way at most (reading ahead of the output). */
  window: number;
  /** Whether an article needs analysing at all (ingest skips stored ones): false gives it back with no doc. */
  wanted?: (article: IngestedArticle) => boolean;
  /** Analyse in this thread instead (a batch of one article: no worker is worth starting). */
  inThread: (article: IngestedArticle) => Doc;
}

const isProblem = (x: IngestedArticle | InputProblem): x is InputProblem => 'message' in x && !('text' in x);

/**
 * The inputs analysed on the pool, in input order, `window` at a time. A batch of a single
 * article is analysed in this thread. The consumer stores each doc (and calls pool.saved())
 * before asking for the next: that is what keeps the registry's answers those of one thread.
 */
export async function* analyzeInOrder(inputs: AsyncIterable<IngestedArticle | InputProblem>, pool: () => AnalyzePool, opts: InOrderOptions): AsyncGenerator<Analysed | { kind: 'skipped'; article: IngestedArticle }> {
  type Queued = { input: IngestedArticle | InputProblem; job: Promise<WorkerResult> | null };
  const it = inputs[Symbol.asyncIterator]();
  const queue: Queued[] = [];
  let theEnd = false;
  const threads: { pool: AnalyzePool | null } = { pool: null };
  const read = async (): Promise<IngestedArticle | InputProblem | null> => {
    if (theEnd) return null;
    const r = await it.next();
    if (r.done) { theEnd = true; return null; }
    return r.value;
  };
  // Read the first two inputs before starting any thread: a single article is analysed here.
  const first = await read();
  const second = first === null || opts.jobs <= 1 ? null : await read();
  const alone = second === null;
  const enqueue = (input: IngestedArticle | InputProblem) => {
    const wanted = !isProblem(input) && (opts.wanted?.(input) ?? true);
    if (!wanted || alone) { queue.push({ input, job: null }); return; }
    threads.pool ??= pool();
    queue.push({ input, job: threads.pool.begin(input as IngestedArticle) });
  };
  try {
    if (first !== null) enqueue(first);
    if (second !== null) enqueue(second);
    while (queue.length > 0 || !theEnd) {
      while (!theEnd && queue.length < opts.window) {
        const next = await read();
        if (next !== null) enqueue(next);
      }
      const head = queue.shift();
      if (!head) break;
      const input = head.input;
      if (isProblem(input)) { yield { kind: 'problem', problem: input }; continue; }
      if (!(opts.wanted?.(input) ?? true)) { yield { kind: 'skipped', article: input }; continue; }
      try {
        const doc = head.job && threads.pool ? await threads.pool.finish(input, head.job) : opts.inThread(input);
        yield { kind: 'doc', article: input, doc };
      } catch (error) {
        yield { kind: 'failed', article: input, error };
      }
    }
  } finally {
    await it.return?.();
    await threads.pool?.close();
  }
}

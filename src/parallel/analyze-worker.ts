/**
 * A worker thread of an AnalyzePool: analyses the articles it is sent with the pipeline, and
 * keeps a copy of the store's actor registry that the main thread updates after each save.
 * Every registry question an analysis asks goes back with its doc, so the main thread can
 * tell whether the answer would have been the same had the article waited for the articles
 * stored before it (see analyze-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeIngested } from '../pipeline.js';
import { buildRegistry, type ActorRegistry } from '../actors/registry.js';
import { ArticleTimeout } from '../util/deadline.js';
import type { FromWorker, RegistryQuestion, ToWorker, WorkerSetup } from './messages.js';

const setup = workerData as WorkerSetup;
const registry = setup.registry ? buildRegistry(setup.registry) : null;
const port = parentPort!;

port.on('message', (m: ToWorker) => {
  if (m.kind === 'registry') {
    for (const entry of m.entries) registry?.put(entry);
    return;
  }
  const questions: RegistryQuestion[] = [];
  const asked: ActorRegistry | null = registry && {
    get size() { return registry.size; },
    lookup(name, date = null, context = {}) {
      const answer = registry.lookup(name, date, context);
      questions.push({ name, date, context, answer });
      return answer;
    },
  };
  let reply: FromWorker;
  try {
    const doc = analyzeIngested(m.article, { registry: asked, actors: setup.actors, timeBudgetMs: setup.timeBudgetMs });
    reply = { kind: 'done', task: m.task, doc, questions };
  } catch (e) {
    const timeout = e instanceof ArticleTimeout ? { article: e.article, stage: e.stage, budgetMs: e.budgetMs } : null;
    reply = { kind: 'failed', task: m.task, message: e instanceof Error ? e.message : String(e), timeout };
  }
  port.postMessage(reply);
});

/** What the analysing threads and the thread that reads and writes say to each other. */
import type { Doc, IngestedArticle } from '../doc/types.js';
import type { ActorLookup, LookupContext } from '../actors/registry.js';
import type { ActorEntry } from '../store/registry.js';
import type { ActorRow } from '../actors/knowledge.js';

/** How every worker analyses: the user's actors, the time budget, and the registry's entries when the batch started (null: no registry). */
export interface WorkerSetup {
  actors: readonly ActorRow[];
  timeBudgetMs?: number;
  registry: ActorEntry[] | null;
}

/** One registry question an analysis asked, with the answer it got. */
export interface RegistryQuestion {
  name: string;
  date: string | null;
  context: LookupContext;
  answer: ActorLookup | null;
}

export type ToWorker =
  | { kind: 'analyze'; task: number; article: IngestedArticle }
  /** Registry entries changed by articles stored since the last message. */
  | { kind: 'registry'; entries: ActorEntry[] };

export type FromWorker =
  | { kind: 'done'; task: number; doc: Doc; questions: RegistryQuestion[] }
  | { kind: 'failed'; task: number; message: string; timeout: { article: string; stage: string; budgetMs: number } | null };

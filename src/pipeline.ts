/**
 * The pipeline: one article through every stage in order. Each stage reads
 * the document and adds one layer; none edits another's layer or the text.
 *
 *   ingest → segment → syntax → entities → actors → times → places → events (+ attribution)
 */
import type { CodedEvent, Doc, IngestedArticle, InputProblem } from './doc/types.js';
import { ingestRecord } from './ingest/jsonl.js';
import { segment } from './segment/index.js';
import { parseDoc } from './syntax/stage.js';
import { findEntities } from './entities/index.js';
import { codeActors } from './actors/index.js';
import type { ActorRegistry } from './actors/registry.js';
import type { ActorRow } from './actors/knowledge.js';
import { defaultLexicon, lexiconWithActors } from './entities/default-lexicon.js';
import { findTimes } from './times/index.js';
import { findPlaces } from './places/index.js';
import { findEvents } from './events/index.js';
import { Deadline, defaultTimeBudget, withDeadline } from './util/deadline.js';

/** One article as a caller gives it (the JSONL record shape). */
export interface ArticleInput {
  id?: string;
  text?: string;
  html?: string;
  published?: string | null;
  title?: string;
  url?: string;
  source?: string;
}

/** Per-stage wall time in milliseconds, summed over calls (for the benchmark). */
export const stageTimes: Record<string, number> = {};

function timed<T>(stage: string, f: () => T, deadline: Deadline): T {
  deadline.check();
  deadline.stage = stage;
  const t0 = performance.now();
  const out = f();
  stageTimes[stage] = (stageTimes[stage] ?? 0) + performance.now() - t0;
  deadline.check();
  return out;
}

/** Analyse an article already ingested: every layer. */
export interface AnalyzeOptions {
  /** Codes learned from earlier articles (the store's actor registry), used when the text says nothing. */
  registry?: ActorRegistry | null;
  /** A user's actor dictionary (see actors/user-file.ts), above acta's own for the names it knows. */
  actors?: readonly ActorRow[];
  /**
   * Milliseconds one article may take (default 30,000 for each started MiB of its text; 0 or
   * Infinity for no limit). Past it the
   * article fails with an ArticleTimeout naming it and the stage; a batch goes on.
   */
  timeBudgetMs?: number;
}

export function analyzeIngested(a: IngestedArticle, opts: AnalyzeOptions = {}): Doc {
  const deadline = new Deadline(a.meta.origin, opts.timeBudgetMs ?? defaultTimeBudget(a.text.length));
  return withDeadline(deadline, () => {
    const base = { meta: a.meta, text: a.text, body: a.body, dropped: a.dropped, titleSpan: a.titleSpan };
    const seg = timed('segment', () => segment(base), deadline);
    const syntax = timed('syntax', () => parseDoc({ text: base.text, ...seg }), deadline);
    const d1 = { ...base, ...seg, syntax };
    const lex = opts.actors && opts.actors.length > 0 ? lexiconWithActors(opts.actors) : defaultLexicon();
    const mentions = timed('entities', () => findEntities(d1, lex), deadline);
    const entities = timed('actors', () => codeActors({ ...d1, entities: mentions }, lex, opts.registry ?? null), deadline);
    const d2 = { ...d1, entities };
    const times = timed('times', () => findTimes(d2), deadline);
    const d3 = { ...d2, times };
    const places = timed('places', () => findPlaces(d3), deadline);
    const d4 = { ...d3, places };
    const events = timed('events', () => findEvents(d4, lex), deadline);
    return { ...d4, events };
  });
}

/** Analyse one article given as text or HTML. Throws an Error naming the problem for bad input. */
export function analyze(input: ArticleInput | string, origin = 'input', opts: AnalyzeOptions = {}): Doc {
  const record = typeof input === 'string' ? { text: input } : input;
  const a = ingestRecord(record, origin, origin, null);
  if (isProblem(a)) throw new Error(`${a.origin}: ${a.message}`);
  return analyzeIngested(a, opts);
}

/** The coded events of one article. */
export function code(input: ArticleInput | string, origin = 'input', opts: AnalyzeOptions = {}): CodedEvent[] {
  return analyze(input, origin, opts).events;
}

function isProblem(x: IngestedArticle | InputProblem): x is InputProblem {
  return 'message' in x && !('text' in x);
}

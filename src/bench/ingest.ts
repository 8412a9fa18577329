/**
 * `npm run bench -- --ingest [--limit N] [--block N]`
 *
 * Ingest throughput as the store grows: the first --limit (default 5,000)
 * Reuters-21578 articles from ACTA_SHARED/eval/corpus (else samples/) stored
 * one by one into a fresh store in a temporary folder, as `acta ingest` does
 * (analysis with the store's live actor registry, one transaction per
 * article). Reports articles/s for each block of --block (default 500)
 * articles, the ratio of the last block's rate to the first's, the registry's
 * size at the end, and peak RSS. A store whose cost grows with its size shows
 * here as falling block rates. The same articles are then stored once more into
 * another fresh store with merging off (every report its own happening), so the
 * cost of placing reports into happenings at ingest shows as the difference. JSON on stdout, progress on stderr; nothing
 * here asserts a timing. With ACTA_BENCH_DB=FILE the store is written there
 * and kept (to look at what the registry learned), else removed; ACTA_BENCH_DB=postgres://…
 * measures the PostgreSQL store instead (an empty database: the merged run goes there; the
 * merging-off run stays on SQLite). `write_ms_per_article` is the time inside saveDoc (the
 * article's transaction: its rows, happenings, registry), the rest of an article's time is its analysis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitCommit } from '../eval/common.js';
import { ingestRecord } from '../ingest/jsonl.js';
import { isProblem } from '../ingest/index.js';
import { analyzeIngested } from '../pipeline.js';
import type { StoreOptions } from '../store/index.js';
import { openAnyStore } from '../store/open.js';
import { liveRegistry } from '../actors/live-registry.js';
import type { BenchArticle } from './run.js';

export interface IngestBlock {
  /** 1-based numbers of the first and last article in the block. */
  from: number;
  to: number;
  articles_per_s: number;
}

export interface IngestFigures {
  articles: number;
  stored: number;
  failed: number;
  seconds: number;
  articles_per_s: number;
  blocks: IngestBlock[];
  /** Last block's rate over the first's: 1 when the store's growth costs nothing. */
  last_to_first: number | null;
  registry_entries: number;
  events: number;
  happenings: number;
  /** Mean time inside saveDoc per article (ms): the write, happenings and registry, in one transaction. */
  write_ms_per_article: number;
}

/** Merging off: every report starts its own happening (what a store without cross-article merging would do). */
const NO_MERGING: StoreOptions = { decide: () => ({ join: null, absorb: [] }) };

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Store the articles one by one into the store at `dbPath`, timing each block of `block` articles. */
export function ingestRun(articles: BenchArticle[], dbPath: string, block: number, log: (s: string) => void = () => {}, options: StoreOptions = {}): IngestFigures {
  const store = openAnyStore(dbPath, options);
  const registry = liveRegistry(store);
  const blocks: IngestBlock[] = [];
  let stored = 0, failed = 0, writeMs = 0;
  const t0 = performance.now();
  let tBlock = t0;
  try {
    articles.forEach((a, i) => {
      const item = ingestRecord({ id: a.id, text: a.text, published: a.published }, a.id, a.id, null);
      try {
        if (isProblem(item)) throw new Error(item.message);
        const doc = analyzeIngested(item, { registry });
        const w0 = performance.now();
        const saved = store.saveDoc(doc).stored;
        writeMs += performance.now() - w0;
        if (saved) { stored++; registry.saved(); }
      } catch {
        failed++;
      }
      const n = i + 1;
      if (n % block === 0 || n === articles.length) {
        const now = performance.now();
        const from = blocks.length ? blocks[blocks.length - 1].to + 1 : 1;
        blocks.push({ from, to: n, articles_per_s: round((n - from + 1) / ((now - tBlock) / 1000)) });
        log(`bench ingest: ${n}/${articles.length}, ${blocks[blocks.length - 1].articles_per_s} articles/s`);
        tBlock = now;
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    const full = blocks.filter((b) => b.to - b.from + 1 === block);
    return {
      articles: articles.length, stored, failed, seconds: round(seconds, 2), articles_per_s: round(articles.length / seconds),
      blocks,
      last_to_first: full.length >= 2 ? round(full[full.length - 1].articles_per_s / full[0].articles_per_s, 2) : null,
      registry_entries: store.listActors({ limit: 1_000_000 }).length,
      events: store.countEvents(),
      happenings: store.happenings.count(),
      write_ms_per_article: round(writeMs / articles.length, 2),
    };
  } finally {
    store.close();
  }
}

/** The ingest benchmark's report for one corpus, in a temporary store removed afterwards. */
export function ingestBench(corpus: string, articles: BenchArticle[], block: number, log: (s: string) => void): Record<string, unknown> {
  const keep = process.env.ACTA_BENCH_DB;
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-ingest-'));
  try {
    // Warm up first (the models' lazy loads, the JIT), so that neither timed run pays for it.
    ingestRun(articles.slice(0, Math.min(200, articles.length)), ':memory:', block);
    const figures = ingestRun(articles, keep || join(dir, 'bench.db'), block, log);
    const peak = round(process.resourceUsage().maxRSS / 1024);
    log('bench ingest: again with merging off (every report its own happening)');
    const unmerged = ingestRun(articles, join(dir, 'unmerged.db'), block, log, NO_MERGING);
    return {
      date: new Date().toISOString(), commit: gitCommit(), node: process.version, corpus, block,
      ...figures, peak_rss_mb: peak,
      merging_off: { seconds: unmerged.seconds, articles_per_s: unmerged.articles_per_s, happenings: unmerged.happenings },
      // What merging at ingest costs: the share of the ingest time the merged run took beyond the unmerged one.
      merging_cost_share: round((figures.seconds - unmerged.seconds) / figures.seconds, 3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

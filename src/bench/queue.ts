/**
 * `npm run bench -- --queue [--limit N] [--workers 1,2]`: the work queue (src/queue) on this
 * machine. Throughput of N Reuters articles through `acta worker` processes (1 and 2 by
 * default) from a throwaway nats-server into a fresh SQLite store, spawn to last exit; and the
 * per-article cost of each part, measured apart in this process: analysis, the store's write
 * without cross-article merging, the merging (clustering) on top, and the queue (a publish, a
 * pull and an ack). With ACTA_BENCH_DB=postgres://… (a database of a role that may create
 * databases and PostGIS: a superuser's) every store is a fresh PostgreSQL database instead,
 * made beside it and dropped after.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveRegistry } from '../actors/live-registry.js';
import type { IngestedArticle } from '../doc/types.js';
import { ingestRecord } from '../ingest/jsonl.js';
import { analyzeIngested } from '../pipeline.js';
import { isPostgresUrl, openAnyStore, type StoreOptions } from '../store/index.js';
import { PgDb } from '../store/postgres/db.js';
import { natsSkip, startNats } from '../queue/nats-server.fixtures.js';
import { articleMessage } from '../queue/publish.js';
import { ARTICLE_STREAM, ARTICLE_SUBJECT, connectQueue, DEAD_STREAM, ensureQueue, WORKER_CONSUMER } from '../queue/stream.js';
import type { BenchArticle } from './run.js';

const ACTA = new URL('../../bin/acta.js', import.meta.url).pathname;
const NO_MERGING: StoreOptions = { decide: () => ({ join: null, absorb: [] }) };
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Where the bench's stores go: fresh SQLite files in `dir`, or fresh PostgreSQL databases beside ACTA_BENCH_DB's. */
function storeMaker(dir: string): { backend: 'sqlite' | 'postgres'; fresh: (name: string) => string; dropAll: () => void } {
  const admin = process.env.ACTA_BENCH_DB;
  if (!admin || !isPostgresUrl(admin)) return { backend: 'sqlite', fresh: (name) => join(dir, `${name}.db`), dropAll: () => {} };
  const made: string[] = [];
  const run = (url: string, sql: string) => {
    const db = new PgDb(url, { writeLockKey: 0n });
    try { db.exec(sql); } finally { db.close(); }
  };
  const urlOf = (database: string) => { const u = new URL(admin); u.pathname = `/${database}`; return u.toString(); };
  return {
    backend: 'postgres',
    fresh(name) {
      const database = `acta_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
      run(admin, `DROP DATABASE IF EXISTS ${database}`);
      run(admin, `CREATE DATABASE ${database}`);
      made.push(database);
      const url = urlOf(database);
      run(url, 'CREATE EXTENSION IF NOT EXISTS postgis');
      return url;
    },
    dropAll() { for (const database of made) run(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`); },
  };
}

function ingested(articles: BenchArticle[]): IngestedArticle[] {
  return articles.map((a) => ingestRecord({ id: a.id, text: a.text, published: a.published }, a.id, a.id, null))
    .filter((x): x is IngestedArticle => 'text' in x);
}

/** Milliseconds per article of analysis, of the store's write without merging, and of merging, in this process. */
function partCosts(articles: IngestedArticle[], stores: ReturnType<typeof storeMaker>): { analysis_ms: number; write_ms: number; clustering_ms: number } {
  const merged = openAnyStore(stores.fresh('parts_merged'));
  const plain = openAnyStore(stores.fresh('parts_plain'), NO_MERGING);
  const registry = liveRegistry(merged);
  let analysis = 0, write = 0, mergedWrite = 0;
  try {
    analyzeIngested(articles[0], { registry: null }); // models loaded before timing
    for (const a of articles) {
      let t = performance.now();
      const doc = analyzeIngested(a, { registry });
      analysis += performance.now() - t;
      t = performance.now();
      plain.saveDoc(doc);
      write += performance.now() - t;
      t = performance.now();
      merged.saveDoc(doc);
      mergedWrite += performance.now() - t;
      registry.saved();
    }
  } finally {
    merged.close();
    plain.close();
  }
  const n = articles.length;
  return { analysis_ms: round(analysis / n), write_ms: round(write / n), clustering_ms: round((mergedWrite - write) / n) };
}

async function freshQueue(url: string): Promise<void> {
  const nc = await connectQueue(url, 'bench');
  const jsm = await nc.jetstreamManager();
  for (const s of [ARTICLE_STREAM, DEAD_STREAM]) await jsm.streams.delete(s).catch(() => {});
  await ensureQueue(jsm);
  await nc.close();
}

/** The queue's own cost per article: an acknowledged publish, then a pull and an ack, with nothing analysed. */
async function queueCost(url: string, articles: IngestedArticle[]): Promise<{ publish_ms: number; pull_ack_ms: number }> {
  await freshQueue(url);
  const nc = await connectQueue(url, 'bench');
  try {
    const js = nc.jetstream();
    let t = performance.now();
    let queued = 0;
    for (const a of articles) if (!(await js.publish(ARTICLE_SUBJECT, articleMessage(a), { msgID: a.meta.hash })).duplicate) queued++;
    const publish = performance.now() - t;
    const consumer = await js.consumers.get(ARTICLE_STREAM, WORKER_CONSUMER);
    t = performance.now();
    for (let i = 0; i < queued; i++) {
      const m = await consumer.next({ expires: 5000 });
      if (!m) throw new Error('the queue ran dry before every article came back');
      await m.ackAck();
    }
    const pull = performance.now() - t;
    return { publish_ms: round(publish / articles.length, 3), pull_ack_ms: round(pull / queued, 3) };
  } finally {
    await nc.close();
  }
}

function exited(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [ACTA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Spawn `workers` worker processes on the published articles; seconds from spawn to the last exit. */
async function throughput(url: string, input: string, workers: number, n: number, stores: ReturnType<typeof storeMaker>): Promise<Record<string, unknown>> {
  await freshQueue(url);
  const published = await exited(['ingest', input, '--queue', url]);
  if (published.code !== 0) throw new Error(published.out);
  const db = stores.fresh(`workers_${workers}`);
  const t = performance.now();
  const runs = await Promise.all(Array.from({ length: workers }, () => exited(['worker', '--queue', url, '--db', db, '--until-empty'])));
  const seconds = (performance.now() - t) / 1000;
  const failed = runs.find((r) => r.code !== 0);
  if (failed) throw new Error(failed.out);
  const store = openAnyStore(db);
  const stored = store.countArticles();
  store.close();
  // Each worker's summary: its articles, and per article its ms analysing and in its commit turn (the serial part).
  const lines = runs.map((r) => /^(\d+) article\(s\) stored.*per article stored: ([\d.]+) ms analysing, ([\d.]+) ms in its commit turn/m.exec(r.out));
  const weighted = (i: number) => round(lines.reduce((sum, m) => sum + (m ? Number(m[1]) * Number(m[i]) : 0), 0) / Math.max(1, stored), 1);
  return {
    workers, articles: n, stored, seconds: round(seconds, 1), articles_per_s: round(stored / seconds, 1),
    analysis_ms_per_article: weighted(2), commit_turn_ms_per_article: weighted(3),
  };
}

export async function queueBench(articles: BenchArticle[], workerCounts: number[], log: (s: string) => void): Promise<Record<string, unknown>> {
  const skip = natsSkip();
  if (skip) throw new Error(skip);
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-queue-'));
  const nats = await startNats();
  const stores = storeMaker(dir);
  try {
    const items = ingested(articles);
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
    log(`bench queue: the parts' cost on ${items.length} articles…`);
    const parts = partCosts(items, stores);
    const queue = await queueCost(nats.url, items);
    const runs: Record<string, unknown>[] = [];
    for (const w of workerCounts) {
      log(`bench queue: ${w} worker(s) on ${items.length} articles…`);
      runs.push({ ...(await throughput(nats.url, input, w, items.length, stores)), load_average_1m: round(loadavg()[0], 1) });
    }
    const one = runs.find((r) => r.workers === 1);
    // The machine may be shared: its load says how much of the cores the workers could have.
    for (const r of runs) if (one) r.speed_up = round((r.articles_per_s as number) / (one.articles_per_s as number), 2);
    return {
      date: new Date().toISOString(), node: process.version, cores: availableParallelism(), load_average_1m: round(loadavg()[0], 1), articles: items.length, store: stores.backend,
      per_article_ms: { ...parts, ...queue }, throughput: runs,
    };
  } finally {
    await nats.close();
    stores.dropAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

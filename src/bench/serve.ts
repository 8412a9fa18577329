/**
 * `npm run bench -- --serve [--rate N] [--seconds N] [--db FILE] [--no-page]`
 *
 * `acta serve` on a store of all of Reuters-21578 (every article with a body, from
 * ACTA_SHARED/eval/corpus; else the package's samples/), measured as an analyst's page uses it:
 *
 * - start-up: `acta serve` spawned as a child process, from spawn to its "listening" line and to
 *   the first answered request, and its own CPU time to listening (the median of 5 starts);
 * - `GET /api/v1/events` with a typical filter (one of the store's five most-placed countries and
 *   one of its three busiest months, limit 100) at a fixed --rate (default 500 requests/s) for
 *   --seconds (default 10) with autocannon on loopback: p50/p90/p99/max latency, the rate reached,
 *   errors and non-2xx answers (latencies corrected for coordinated omission);
 * - `/counts` (interval=month, by=event and by=country), `/network` and `/events/{id}`
 *   (200 events spread over the store) at a lower fixed rate, with each route's first, cold
 *   answer timed on its own before the load (what the first page view of a fresh server waits);
 * - the page's first render in headless Chromium (Debian's /usr/bin/chromium or ACTA_CHROMIUM,
 *   via playwright-core): first contentful paint, DOMContentLoaded, load, the last response
 *   before the network fell idle, the first row of the event table, and any performance marks
 *   the page sets; the median of 3 loads.
 *
 * The store is built once with `acta ingest`'s path (analysis with the store's live actor
 * registry, one transaction per article) and kept in a cache folder outside the repository
 * (ACTA_BENCH_CACHE, default $XDG_CACHE_HOME/acta-bench or ~/.cache/acta-bench), named by a hash
 * of the corpus and of the analysis code and data (dist/ without the server, store, CLI, bench
 * and eval code, and data/): coding all of Reuters takes minutes, so it is reused until either
 * changes, and an older build of the same corpus is removed then. A schema change needs no new
 * build: opening the store applies its migrations. JSON on stdout, progress on stderr; nothing
 * here asserts a timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, homedir, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { gitCommit, median, packageRoot } from '../eval/common.js';
import { openStore } from '../store/index.js';
import { ingestRun } from './ingest.js';
import type { BenchArticle } from './run.js';

export interface ServeBenchArgs {
  /** Requests a second for /events. */
  rate: number;
  /** Seconds of load a route. */
  seconds: number;
  /** A store to serve instead of the cached Reuters one. */
  db: string | null;
  /** Measure the page in Chromium. */
  page: boolean;
}

export const SERVE_DEFAULTS: ServeBenchArgs = { rate: 500, seconds: 10, db: null, page: true };

/** The rate of the aggregate and single-event routes: a page asks them once a view, not once a row. */
export const AGGREGATE_RATE = 50;

const round = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------------------------------------
// The cached store

/** Parts of dist/ that do not change what a store holds: serving, storing, the CLI, measuring. */
const NOT_ANALYSIS = new Set(['server', 'store', 'cli', 'bench', 'eval', 'web']);

function filesUnder(dir: string, keep: (rel: string) => boolean, root = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const rel = relative(root, p);
    if (statSync(p).isDirectory()) { if (keep(`${rel}/`)) out.push(...filesUnder(p, keep, root)); }
    else if (keep(rel)) out.push(p);
  }
  return out;
}

/** The analysis code and its data: every .js of dist/ but the server, store, CLI, bench and eval, and data/. */
export function analysisFiles(root = packageRoot): string[] {
  const dist = filesUnder(join(root, 'dist'), (rel) => (rel.endsWith('/') ? !NOT_ANALYSIS.has(rel.split('/')[0]) : rel.endsWith('.js') && !rel.endsWith('.test.js') && !rel.includes('fixtures')));
  return [...dist, ...filesUnder(join(root, 'data'), () => true)];
}

/** A short hash of the files' names and bytes: the same files, the same key. */
export function filesKey(files: string[], root: string): string {
  const h = createHash('sha256');
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 12);
}

/** A short hash of the articles themselves (ids, dates and texts). */
export function articlesKey(articles: BenchArticle[]): string {
  const h = createHash('sha256');
  for (const a of articles) h.update(a.id).update('\0').update(a.published ?? '').update('\0').update(a.text).update('\0');
  return h.digest('hex').slice(0, 12);
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ACTA_BENCH_CACHE) return env.ACTA_BENCH_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'acta-bench');
}

/** The cached store's file for a corpus and key: serve-CORPUS-ARTICLESKEY-CODEKEY.db. */
export const cachedStoreName = (corpus: string, articles: string, code: string) => `serve-${corpus}-${articles}-${code}.db`;

export interface CachedStore { path: string; built: boolean; build_seconds: number | null; stored: number; failed: number }

/**
 * The store of these articles coded by this code: reused from the cache when there, else built
 * (into a .partial file renamed when complete, so a build cut short is never taken for a store)
 * and older builds of the same corpus removed.
 */
export function cachedStore(corpus: string, articles: BenchArticle[], log: (s: string) => void, dir = cacheDir()): CachedStore {
  const name = cachedStoreName(corpus, articlesKey(articles), filesKey(analysisFiles(), packageRoot));
  const path = join(dir, name);
  if (existsSync(path)) return { path, built: false, build_seconds: null, stored: -1, failed: -1 };
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  log(`bench serve: coding ${articles.length} ${corpus} articles into ${partial} (once; reused until the corpus or the analysis changes)…`);
  const figures = ingestRun(articles, partial, 1000, log);
  // ingestRun closed the store: its WAL is checkpointed into the file, which can move.
  renameSync(partial, path);
  for (const old of readdirSync(dir)) {
    if (old !== name && old.startsWith(`serve-${corpus}-`)) rmSync(join(dir, old), { force: true });
  }
  return { path, built: true, build_seconds: figures.seconds, stored: figures.stored, failed: figures.failed };
}

// ---------------------------------------------------------------------------------------------
// What to ask

export interface BenchRequests {
  /** /events paths with a typical filter: a country and a month, limit 100. */
  events: string[];
  /** /events/{id} paths. */
  eventIds: string[];
  countries: string[];
  months: string[];
}

/**
 * The requests, from the store: its five most-placed countries and three busiest months among
 * actual events (what an analyst would look at first), and 200 event ids spread evenly over it.
 */
export function benchRequests(dbPath: string): BenchRequests {
  const db = openDb(dbPath);
  try {
    const countries = db.prepare(`SELECT location_country FROM events WHERE realis = 'actual' AND location_country IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`).pluck().all() as string[];
    const months = db.prepare(`SELECT substr(date, 1, 7) FROM events WHERE realis = 'actual' AND length(date) >= 7
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`).pluck().all() as string[];
    const total = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    const step = Math.max(1, Math.floor(total / 200));
    const ids = db.prepare('SELECT id FROM (SELECT id, row_number() OVER (ORDER BY num) AS n FROM events) WHERE (n - 1) % ? = 0 LIMIT 200')
      .pluck().all(step) as string[];
    const events = countries.flatMap((c) => months.map((m) => `/api/v1/events?reports=true&country=${c}&from=${m}&to=${m}&limit=100`));
    return { events: events.length ? events : ['/api/v1/events?reports=true&limit=100'], eventIds: ids.map((id) => `/api/v1/events/${encodeURIComponent(id)}`), countries, months };
  } finally {
    db.close();
  }
}

type Db = { prepare(sql: string): { pluck(): { all(...p: unknown[]): unknown[]; get(...p: unknown[]): unknown } }; close(): void };

/** A read-only connection of its own (better-sqlite3, as the store uses). */
function openDb(path: string): Db {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (p: string, o: object) => Db;
  return new Database(path, { readonly: true });
}

// ---------------------------------------------------------------------------------------------
// The server

export interface RunningServer {
  url: string; child: ChildProcess; listeningMs: number;
  /** The server's own CPU time until it listened: its start-up whatever else the machine runs (Linux; else null). */
  listeningCpuMs: number | null;
  stop(): Promise<void>;
}

const ACTA_BIN = join(packageRoot, 'bin', 'acta.js');

/** `acta serve --db FILE --port 0` as a child; resolves once it says where it listens. Its request log is read and dropped. */
export function startServer(dbPath: string): Promise<RunningServer> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [ACTA_BIN, 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    let found = false;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); await exited; };
    child.stderr!.on('data', (chunk: Buffer) => {
      if (found) return;
      err += chunk.toString();
      const m = /acta serve: (http:\/\/\S+?)\/ /.exec(err);
      if (m) { found = true; err = ''; resolve({ url: m[1], child, listeningMs: performance.now() - t0, listeningCpuMs: cpuMs(child.pid), stop }); }
    });
    child.once('exit', (code) => { if (!found) reject(new Error(`acta serve exited ${code} before listening: ${err.trim()}`)); });
  });
}

export interface StartupFigures {
  spawn_to_listening_ms: number | null; spawn_to_first_answer_ms: number | null;
  /** The server's CPU time from spawn to listening. */
  listening_cpu_ms: number | null;
  runs: number; first_answer_path: string;
}

/** Start the server `runs` times: spawn → listening line, spawn → first answered request (the page's first /events). */
export async function startupBench(dbPath: string, firstPath: string, runs = 5): Promise<StartupFigures> {
  const listening: number[] = [];
  const answered: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const s = await startServer(dbPath);
    try {
      const r = await fetch(s.url + firstPath);
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`${firstPath}: ${r.status}`);
      answered.push(performance.now() - t0);
      listening.push(s.listeningMs);
      if (s.listeningCpuMs !== null) cpu.push(s.listeningCpuMs);
    } finally {
      await s.stop();
    }
  }
  return {
    spawn_to_listening_ms: round(median(listening)), spawn_to_first_answer_ms: round(median(answered)),
    listening_cpu_ms: cpu.length === runs ? round(median(cpu)) : null, runs, first_answer_path: firstPath,
  };
}

// ---------------------------------------------------------------------------------------------
// Load

interface AutocannonResult {
  latency: Record<string, number>;
  requests: { average: number; total: number; sent: number };
  errors: number; timeouts: number; non2xx: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

function autocannon(): Autocannon {
  try {
    return createRequire(import.meta.url)('autocannon') as Autocannon;
  } catch {
    throw new Error('bench --serve needs autocannon (a devDependency: npm ci)');
  }
}

export interface LoadFigures {
  paths: number; rate: number; seconds: number;
  requests: number; achieved_per_s: number | null;
  p50_ms: number | null; p90_ms: number | null; p99_ms: number | null; max_ms: number | null;
  errors: number; timeouts: number; non2xx: number;
  /** The server's CPU time over the requests answered: what a request costs it, whatever else the machine runs. */
  server_cpu_ms_per_request: number | null;
  /** The first request of the first path on a fresh server, on its own. */
  cold_ms?: number | null;
}

/**
 * CPU milliseconds a process has used (user + system, from /proc; Linux only, else null). On a
 * machine others share, a latency says as much about them as about the server; the server's own
 * CPU time per request does not.
 */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command's ")" : state is the 3rd field, utime and stime the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux acta runs on. */
const CLOCK_TICKS = 100;

/** `rate` requests a second for `seconds`, going round the paths, over 10 connections; `pid` the server's, for its CPU time. */
export async function loadRoute(url: string, paths: string[], rate: number, seconds: number, pid?: number): Promise<LoadFigures> {
  let i = 0;
  const cpu0 = cpuMs(pid);
  const result = await autocannon()({
    url, connections: 10, overallRate: rate, duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  const l = result.latency;
  const cpu1 = cpuMs(pid);
  return {
    server_cpu_ms_per_request: cpu0 !== null && cpu1 !== null && result.requests.total ? round((cpu1 - cpu0) / result.requests.total, 2) : null,
    paths: paths.length, rate, seconds, requests: result.requests.total, achieved_per_s: round(result.requests.total / seconds),
    p50_ms: round(l.p50), p90_ms: round(l.p90), p99_ms: round(l.p99), max_ms: round(l.max),
    errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx,
  };
}

/** One request's time, answer read, on its own. */
export async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------------
// The page

export const CHROMIUM = process.env.ACTA_CHROMIUM ?? '/usr/bin/chromium';

export interface PageFigures {
  runs: number;
  first_contentful_paint_ms: number | null;
  dom_content_loaded_ms: number | null;
  load_ms: number | null;
  /** When the last response before the network fell idle ended. */
  last_response_ms: number | null;
  /** When the first row of the event table (a td under #table) appeared; null when the page has none. */
  first_table_row_ms: number | null;
  /** The page's own performance marks (first run), by name. */
  marks: Record<string, number>;
  requests: number | null;
}

/** What the page reports of itself once loaded; ms since the navigation started. */
interface PageTimes { fcp: number | null; dcl: number | null; load: number | null; lastResponse: number | null; firstRow: number | null; marks: Record<string, number>; requests: number }

/** Set before the page's own scripts: the time the first table cell appears. */
const FIRST_ROW_WATCH = `(() => {
  const seen = () => { if (document.querySelector('#table td')) { window.__actaFirstRow = performance.now(); return true; } return false; };
  const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
  obs.observe(document, { childList: true, subtree: true });
})();`;

function readTimes(): PageTimes {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const marks: Record<string, number> = {};
  for (const m of performance.getEntriesByType('mark')) marks[m.name] = Math.round(m.startTime * 10) / 10;
  const lastResponse = Math.max(nav?.responseEnd ?? 0, ...resources.map((r) => r.responseEnd));
  return {
    fcp: fcp ? fcp.startTime : null, dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null,
    lastResponse, firstRow: (window as unknown as { __actaFirstRow?: number }).__actaFirstRow ?? null, marks, requests: resources.length + 1,
  };
}

/** The page's first render in headless Chromium, `runs` fresh loads; null when there is no Chromium. */
export async function pageBench(url: string, runs = 3, log: (s: string) => void = () => {}): Promise<PageFigures | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set ACTA_CHROMIUM)` };
  let chromium: { launch(o: object): Promise<any> };
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed (a devDependency: npm ci)' };
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-extensions'],
  });
  try {
    const times: PageTimes[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_ROW_WATCH);
      await page.goto(`${url}/`, { waitUntil: 'networkidle', timeout: 60_000 });
      // A table filled after the network fell idle (rendering a long answer) still counts.
      await page.waitForFunction(() => (window as unknown as { __actaFirstRow?: number }).__actaFirstRow !== undefined, null, { timeout: 2000 }).catch(() => {});
      times.push(await page.evaluate(readTimes));
      await context.close();
      log(`bench serve: page load ${i + 1}/${runs}`);
    }
    const med = (f: (t: PageTimes) => number | null) => {
      const xs = times.map(f).filter((x): x is number => x !== null);
      return xs.length === times.length ? round(median(xs)) : null;
    };
    return {
      runs, first_contentful_paint_ms: med((t) => t.fcp), dom_content_loaded_ms: med((t) => t.dcl), load_ms: med((t) => t.load),
      last_response_ms: med((t) => t.lastResponse), first_table_row_ms: med((t) => t.firstRow), marks: times[0].marks, requests: times[0].requests,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

export function parseServeArgs(argv: string[], usage: string): ServeBenchArgs {
  const out = { ...SERVE_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const v = () => inline ?? argv[++i];
    const positive = (name: string) => { const n = Number(v()); if (!(n > 0)) throw new Error(`${name} must be a positive number`); return n; };
    if (flag === '--serve') continue;
    else if (flag === '--rate') out.rate = positive('--rate');
    else if (flag === '--seconds') out.seconds = positive('--seconds');
    else if (flag === '--db') out.db = v();
    else if (flag === '--no-page') out.page = false;
    else throw new Error(`unknown argument ${argv[i]}; usage: ${usage}`);
  }
  return out;
}

/** The whole --serve report. */
export async function serveBench(args: ServeBenchArgs, corpus: { name: string; articles: BenchArticle[] }, log: (s: string) => void): Promise<Record<string, unknown>> {
  const store = args.db
    ? { path: args.db, built: false, build_seconds: null, stored: -1, failed: -1 }
    : cachedStore(corpus.name, corpus.articles, log);
  // Opening it once as acta does brings its schema up to date (migrations) before anything reads it.
  openStore(store.path).close();
  const requests = benchRequests(store.path);
  const sizes = openDb(store.path);
  const articles = sizes.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const events = sizes.prepare('SELECT count(*) FROM events').pluck().get() as number;
  sizes.close();
  log(`bench serve: ${store.path}: ${articles} articles, ${events} events`);

  const loadBefore = loadavg().map((x) => round(x, 2));
  log('bench serve: start-up…');
  const startup = await startupBench(store.path, requests.events[0]);

  const server = await startServer(store.path);
  try {
    const routes: Record<string, LoadFigures> = {};
    const aggregates: [string, string[]][] = [
      ['counts_month_by_event', ['/api/v1/counts?interval=month&by=event']],
      ['counts_month_by_country', ['/api/v1/counts?interval=month&by=country']],
      ['network', ['/api/v1/network']],
      ['event_by_id', requests.eventIds],
    ];
    // Each route's first answer on a server that has answered nothing like it yet.
    const cold: Record<string, number> = {};
    for (const [name, paths] of aggregates) cold[name] = await timedGet(server.url + paths[0]);
    cold.events = await timedGet(server.url + requests.events[0]);
    log(`bench serve: /events at ${args.rate}/s for ${args.seconds}s…`);
    routes.events = { ...(await loadRoute(server.url, requests.events, args.rate, args.seconds, server.child.pid)), cold_ms: round(cold.events) };
    for (const [name, paths] of aggregates) {
      log(`bench serve: ${paths[0]}${paths.length > 1 ? ` (and ${paths.length - 1} more)` : ''} at ${AGGREGATE_RATE}/s for ${args.seconds}s…`);
      routes[name] = { ...(await loadRoute(server.url, paths, AGGREGATE_RATE, args.seconds, server.child.pid)), cold_ms: round(cold[name]) };
    }
    const page = args.page ? await pageBench(server.url, 3, log) : { skipped: '--no-page' };
    return {
      date: new Date().toISOString(), commit: gitCommit(), node: process.version,
      // Other work on the machine moves every figure: its load (1, 5, 15 min) before and after.
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, load_before: loadBefore, load_after: loadavg().map((x) => round(x, 2)) },
      corpus: args.db ? null : corpus.name, store: { path: store.path, articles, events, built_now: store.built, build_seconds: store.build_seconds },
      filters: { countries: requests.countries, months: requests.months, example: requests.events[0] },
      startup, routes, page,
    };
  } finally {
    await server.stop();
  }
}

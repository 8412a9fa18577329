/**
 * `npm run bench [-- --runs N] [--limit N] [--corpus reuters|bbc|samples] [--ingest] [--long [--long-mib N]]`
 * (`--ingest`: ingest into a growing store instead, see ./ingest.ts; `--long`: one long text, see ./long-text.ts;
 * `--startup`: each command's start-up, `--rss 1000,5000`: peak RSS of `acta code` over that many
 * Reuters articles, both in fresh processes, see ./process-figures.ts;
 * `--serve [--rate N] [--seconds N] [--db FILE] [--no-page]`: `acta serve` under load instead, see ./serve.ts)
 *
 * Throughput and memory of the whole pipeline (acta's public `analyze`) on
 * Reuters-21578 (every non-empty body) and BBC News from ACTA_SHARED/corpus,
 * or on the package's samples/ when ../shared is absent: articles/s,
 * sentences/s, tokens/s, per-stage time when the pipeline reports it
 * (`stageTimes` of dist/pipeline.js), start-up time (process start to the first
 * analysed article), peak RSS, and bare wink-nlp over the same texts as the
 * ceiling (tokenizer only, and its default pipeline with sentences and POS).
 * With --long, also a long text of real articles (long-text.ts). Every core: the same articles
 * through the library's analyzeBatch at each --jobs count (default 1 and one per core), runs
 * alternated, with wall time, the process's CPU time and the speed-up over one job.
 * Each figure is the median of --runs runs (default 3). JSON on stdout,
 * progress on stderr. Nothing here asserts a timing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ingestBench } from './ingest.js';
import { capped, gitCommit, median, packageRoot, sharedRoot, type Analyzer } from '../eval/common.js';
import { LONG_TEXT_MIB, longTextBench } from './long-text.js';
import { parseServeArgs, serveBench } from './serve.js';
import { availableParallelism } from 'node:os';
import { analyzeBatch } from '../parallel/batch.js';
import { rssBench, startupBench } from './process-figures.js';

export interface BenchArticle {
  id: string;
  text: string;
  published: string | null;
}

const MONTHS: Record<string, string> = {
  JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12',
};

/** Reuters-21578 date "26-FEB-1987 15:01:01.79" → "1987-02-26", or null. */
export function reutersDate(s: unknown): string | null {
  const m = typeof s === 'string' ? /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(s.toUpperCase()) : null;
  return m && MONTHS[m[2]] ? `${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}` : null;
}

/** Every Reuters record with a body: title line, blank line, body. */
export function readReuters(dir: string): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const recs = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<Record<string, unknown>>;
    for (const r of recs) {
      const body = typeof r.body === 'string' ? r.body.trim() : '';
      if (!body) continue;
      const title = typeof r.title === 'string' ? r.title.trim() : '';
      const attrs = (r.attrs ?? {}) as Record<string, unknown>;
      out.push({ id: `reuters-${attrs.newid ?? out.length}`, text: title ? `${title}\n\n${body}` : body, published: reutersDate(r.date) });
    }
  }
  return out;
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...listTxt(p));
    else if (n.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** Plain-text articles under a folder (BBC News: business/, politics/). */
export function readTextDir(dir: string, prefix: string): BenchArticle[] {
  return listTxt(dir).map((p) => ({ id: `${prefix}-${p.slice(dir.length + 1)}`, text: readFileSync(p, 'utf8'), published: null }));
}

/** The package's samples/: .txt files and .jsonl records. */
export function readSamples(dir: string): BenchArticle[] {
  const out = readTextDir(dir, 'sample');
  for (const n of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, n), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as Record<string, unknown>;
        if (typeof r.text === 'string') out.push({ id: String(r.id ?? `${n}-${out.length}`), text: r.text, published: typeof r.published === 'string' ? r.published : null });
      } catch { /* a bad line is not a benchmark's business */ }
    }
  }
  return out;
}

export interface Corpus {
  name: string;
  articles: BenchArticle[];
}

export function loadCorpora(only: string | null, limit: number | undefined): Corpus[] {
  const root = join(sharedRoot(), 'eval', 'corpus');
  const corpora: Corpus[] = [];
  const want = (n: string) => !only || only === n;
  if (want('reuters') && existsSync(join(root, 'reuters21578'))) corpora.push({ name: 'reuters21578', articles: capped(readReuters(join(root, 'reuters21578')), limit) });
  if (want('bbc') && existsSync(join(root, 'bbc-news'))) corpora.push({ name: 'bbc-news', articles: capped(readTextDir(join(root, 'bbc-news'), 'bbc'), limit) });
  if ((corpora.length === 0 && !only) || only === 'samples') {
    const dir = join(packageRoot, 'samples');
    if (existsSync(dir)) corpora.push({ name: 'samples', articles: capped(readSamples(dir), limit) });
  }
  return corpora;
}

interface RunFigures {
  seconds: number;
  articles: number;
  sentences: number;
  tokens: number;
  failed: number;
  stageMs: Record<string, number>;
}

function resetStages(stages: Record<string, number> | null): void {
  if (stages) for (const k of Object.keys(stages)) stages[k] = 0;
}

interface JobsFigures { seconds: number; cpu_seconds: number; failed: number }

/** The articles through analyzeBatch on `jobs` worker threads: wall time and the whole process's CPU time (workers included). */
async function jobsRun(articles: BenchArticle[], jobs: number): Promise<JobsFigures> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let failed = 0;
  for await (const r of analyzeBatch(articles.map((a) => ({ text: a.text, id: a.id, published: a.published })), { jobs })) if (r.error) failed++;
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpu_seconds: (cpu.user + cpu.system) / 1e6, failed };
}

/** Each job count `runs` times, alternated; medians, and the speed-up over the first count. */
async function jobsBench(articles: BenchArticle[], counts: number[], runs: number, log: (s: string) => void): Promise<Record<string, unknown>[]> {
  const by = new Map<number, JobsFigures[]>(counts.map((j) => [j, []]));
  for (let r = 0; r < runs; r++) {
    for (const j of counts) {
      log(`bench: ${articles.length} articles on ${j} job(s), run ${r + 1}/${runs}…`);
      by.get(j)!.push(await jobsRun(articles, j));
    }
  }
  const base = median(by.get(counts[0])!.map((f) => f.seconds)) ?? 0;
  return counts.map((j) => {
    const f = by.get(j)!;
    const seconds = median(f.map((x) => x.seconds)) ?? 0;
    const cpu = median(f.map((x) => x.cpu_seconds)) ?? 0;
    return {
      jobs: j, seconds_median: round(seconds, 2), articles_per_s: round(articles.length / seconds),
      cpu_seconds_median: round(cpu, 2), cpu_ms_per_article: round((cpu * 1000) / articles.length, 2),
      speedup_over_first: round(seconds ? base / seconds : null, 2), seconds_runs: f.map((x) => round(x.seconds, 2)),
    };
  });
}

async function pipelineRun(analyze: Analyzer, articles: BenchArticle[], stages: Record<string, number> | null): Promise<RunFigures> {
  resetStages(stages);
  let sentences = 0, tokens = 0, failed = 0;
  const t0 = performance.now();
  for (const a of articles) {
    try {
      const doc = await analyze({ text: a.text, id: a.id, published: a.published });
      sentences += doc.sentences.length;
      tokens += doc.tokens.length;
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, articles: articles.length, sentences, tokens, failed, stageMs: stages ? { ...stages } : {} };
}

type Wink = ReturnType<typeof winkNLP>;

function winkRun(nlp: Wink, articles: BenchArticle[]): { seconds: number; tokens: number } {
  let tokens = 0;
  const t0 = performance.now();
  for (const a of articles) tokens += nlp.readDoc(a.text).tokens().length();
  return { seconds: (performance.now() - t0) / 1000, tokens };
}

const round = (x: number | null, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export interface BenchArgs {
  runs: number;
  limit: number | undefined;
  corpus: string | null;
  /** Measure `acta ingest` into a growing store instead (src/bench/ingest.ts). */
  ingest: boolean;
  /** MiB of the long text (long-text.ts), or null for none. */
  long: number | null;
  /** Job counts to compare on worker threads (analyzeBatch). */
  jobs: number[];
  /** Start-up of each command instead (process-figures.ts). */
  startup: boolean;
  /** Article counts to measure `acta code --jobs 1`'s peak RSS at instead, or null. */
  rss: number[] | null;
  /** The work queue instead (src/bench/queue.ts): `acta worker` process counts to compare. */
  queue: number[] | null;
}

export const BENCH_USAGE = 'npm run bench [-- --runs N] [--limit N] [--corpus reuters|bbc|samples] [--ingest] [--long [--long-mib N]] [--jobs 1,2,4]'
  + ' | npm run bench -- --startup [--runs N] | npm run bench -- --rss 1000,5000'
  + ' | npm run bench -- --serve [--rate N] [--seconds N] [--db FILE] [--no-page] [--limit N]'
  + ' | npm run bench -- --queue [--limit N] [--workers 1,2]';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { runs: 3, limit: undefined, corpus: null, ingest: false, long: null, jobs: [...new Set([1, availableParallelism()])], startup: false, rss: null, queue: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const v = () => inline ?? argv[++i];
    if (flag === '--runs') out.runs = Math.max(1, Number(v()) || 1);
    else if (flag === '--limit') out.limit = Number(v());
    else if (flag === '--corpus') out.corpus = v();
    else if (flag === '--ingest') out.ingest = true;
    else if (flag === '--long') out.long = out.long ?? LONG_TEXT_MIB;
    else if (flag === '--long-mib') out.long = Math.max(1, Number(v()) || LONG_TEXT_MIB);
    else if (flag === '--jobs') out.jobs = [...new Set(v().split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1))];
    else if (flag === '--startup') out.startup = true;
    else if (flag === '--queue') out.queue = out.queue ?? [1, 2];
    else if (flag === '--workers') out.queue = v().split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1);
    else if (flag === '--rss') out.rss = v().split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1);
    else throw new Error(`unknown argument ${argv[i]}; usage: ${BENCH_USAGE}`);
  }
  return out;
}

/** `--serve`'s own arguments, and --limit (the first N Reuters articles, for a quick store), apart from the others. */
function splitServeArgs(argv: string[]): { serve: string[]; limit: number | undefined } {
  const serve: string[] = [];
  let limit: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--limit') limit = Number(inline ?? argv[++i]);
    else serve.push(argv[i]);
  }
  return { serve, limit };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const log = (s: string) => process.stderr.write(s + '\n');
  if (argv.includes('--help') || argv.includes('-h')) { process.stdout.write(`usage: ${BENCH_USAGE}\n`); return; }
  if (argv.includes('--serve')) {
    const { serve, limit } = splitServeArgs(argv);
    const args = parseServeArgs(serve, BENCH_USAGE);
    const corpus = args.db ? { name: 'given', articles: [] } : (loadCorpora('reuters', limit)[0] ?? loadCorpora('samples', limit)[0]);
    if (!corpus) throw new Error('no corpus found (ACTA_SHARED/eval/corpus or samples/)');
    process.stdout.write(JSON.stringify(await serveBench(args, corpus, log), null, 2) + '\n');
    return;
  }
  const args = parseBenchArgs(argv);
  if (args.startup) {
    process.stdout.write(JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), node: process.version, startup: await startupBench(argv.includes('--runs') ? args.runs : 5, log) }, null, 2) + '\n');
    return;
  }
  if (args.queue) {
    const corpus = loadCorpora('reuters', args.limit ?? 500)[0] ?? loadCorpora('samples', args.limit)[0];
    if (!corpus) throw new Error('no corpus found (ACTA_SHARED/eval/corpus or samples/)');
    const { queueBench } = await import('./queue.js');
    process.stdout.write(JSON.stringify({ commit: gitCommit(), corpus: corpus.name, ...(await queueBench(corpus.articles, args.queue, log)) }, null, 2) + '\n');
    return;
  }
  if (args.rss) {
    const corpus = loadCorpora('reuters', Math.max(...args.rss))[0] ?? loadCorpora('samples', undefined)[0];
    if (!corpus) throw new Error('no corpus found (ACTA_SHARED/eval/corpus or samples/)');
    process.stdout.write(JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), node: process.version, corpus: corpus.name, rss: await rssBench(corpus.articles, args.rss, log) }, null, 2) + '\n');
    return;
  }
  const corpora = loadCorpora(args.corpus ?? (args.ingest ? 'reuters' : null), args.limit ?? (args.ingest ? 5000 : undefined));
  if (!corpora.length && args.ingest) corpora.push(...loadCorpora('samples', args.limit));
  if (!corpora.length) throw new Error('no corpus found (ACTA_SHARED/eval/corpus or samples/)');
  if (args.ingest) { process.stdout.write(JSON.stringify(ingestBench(corpora[0].name, corpora[0].articles, 500, log), null, 2) + '\n'); return; }

  // Start-up: from process start (performance.now() counts from it) to the first analysed article.
  const tImport = performance.now();
  const index = (await import(new URL('../index.js', import.meta.url).href)) as { analyze: Analyzer };
  const importMs = performance.now() - tImport;
  const first = corpora[0].articles[0];
  const tFirst = performance.now();
  await index.analyze({ text: first.text, id: first.id, published: first.published });
  const startup = { process_to_first_article_ms: round(performance.now()), import_ms: round(importMs), first_article_ms: round(performance.now() - tFirst) };

  let stages: Record<string, number> | null = null;
  try {
    const p = (await import(new URL('../pipeline.js', import.meta.url).href)) as { stageTimes?: Record<string, number> };
    if (p.stageTimes && typeof p.stageTimes === 'object') stages = p.stageTimes;
  } catch { /* no per-stage timing in this build */ }

  const tokenizer = winkNLP(model, []);
  const winkDefault = winkNLP(model);
  const results: Record<string, unknown>[] = [];
  for (const c of corpora) {
    const chars = c.articles.reduce((n, a) => n + a.text.length, 0);
    const runs: RunFigures[] = [];
    for (let r = 0; r < args.runs; r++) {
      log(`bench: ${c.name} run ${r + 1}/${args.runs} (${c.articles.length} articles)…`);
      runs.push(await pipelineRun(index.analyze, c.articles, stages));
    }
    const tok: Array<{ seconds: number; tokens: number }> = [];
    const full: Array<{ seconds: number; tokens: number }> = [];
    for (let r = 0; r < args.runs; r++) { tok.push(winkRun(tokenizer, c.articles)); full.push(winkRun(winkDefault, c.articles)); }
    const med = (f: (r: RunFigures) => number) => median(runs.map(f));
    const stageNames = Object.keys(runs[0].stageMs);
    const totalMs = med((r) => r.seconds * 1000) ?? 0;
    const perStage: Record<string, unknown> = {};
    for (const s of stageNames) {
      const ms = med((r) => r.stageMs[s] ?? 0) ?? 0;
      perStage[s] = { ms: round(ms), share: round(totalMs ? ms / totalMs : null, 3), articles_per_s: round(ms ? c.articles.length / (ms / 1000) : null) };
    }
    if (stageNames.length) {
      const ms = median(runs.map((r) => r.seconds * 1000 - Object.values(r.stageMs).reduce((a, b) => a + b, 0))) ?? 0;
      perStage['ingest+other'] = { ms: round(ms), share: round(totalMs ? ms / totalMs : null, 3) };
    }
    const jobs = args.jobs.length > 1 || args.jobs[0] !== 1 ? await jobsBench(c.articles, args.jobs, args.runs, log) : null;
    results.push({
      corpus: c.name,
      articles: c.articles.length,
      chars,
      sentences: runs[0].sentences,
      tokens: runs[0].tokens,
      failed: runs[0].failed,
      seconds_median: round(med((r) => r.seconds), 2),
      articles_per_s: round(med((r) => r.articles / r.seconds)),
      sentences_per_s: round(med((r) => r.sentences / r.seconds)),
      tokens_per_s: round(med((r) => r.tokens / r.seconds), 0),
      seconds_runs: runs.map((r) => round(r.seconds, 2)),
      stages: stageNames.length ? perStage : null,
      // The dependency parser inside the pipeline: tokens over the parse stage's own time.
      parser_tokens_per_s: runs[0].stageMs.syntax ? round(runs[0].tokens / ((med((r) => r.stageMs.syntax ?? 0) ?? 0) / 1000), 0) : null,
      jobs,
      ceiling: {
        wink_tokenizer_tokens_per_s: round(median(tok.map((t) => t.tokens / t.seconds)), 0),
        wink_default_pipeline_tokens_per_s: round(median(full.map((t) => t.tokens / t.seconds)), 0),
        wink_tokens: tok[0].tokens,
      },
    });
  }
  // BBC News first, then Reuters-21578, whole.
  const longText = args.long === null ? null : await longTextBench(index.analyze, loadCorpora(null, undefined).filter((c) => c.name !== 'samples').reverse().flatMap((c) => c.articles), args.long, stages, log);
  const usage = process.resourceUsage();
  const report = {
    date: new Date().toISOString(), commit: gitCommit(), node: process.version, runs: args.runs, limit: args.limit ?? null,
    startup, peak_rss_mb: round(usage.maxRSS / 1024), corpora: results, ...(longText ? { long_text: longText } : {}),
  };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => { process.stderr.write(`bench: ${(err as Error).message}\n`); process.exit(1); });
}

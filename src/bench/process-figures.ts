/**
 * `npm run bench -- --startup [--runs N]` and `npm run bench -- --rss 1000,5000`: `acta` as users
 * start it, a fresh process each run (bin/acta.js, with exit-report.ts loaded to read its figures
 * from inside).
 *
 * --startup: each command's start, `--runs` times (default 5), alternated: `acta --help`,
 * `acta code` of one small sample article (samples/02_sahel_ceasefire.txt) to its first event
 * and to exit, and `acta events` on a store of that article's events. Times count from the process's start
 * (performance.now() in the child), so the spawn itself is left out.
 * --rss: peak RSS, time and CPU of `acta code --jobs 1` over the first N Reuters articles as
 * one JSONL file, for each N: flat memory means the same peak at every N.
 * Medians with their range; nothing here asserts a timing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../eval/common.js';
import { packageRoot } from '../util/data.js';
import type { BenchArticle } from './run.js';

export interface ProcessFigures {
  first_output_ms: number | null;
  exit_ms: number;
  max_rss_kb: number;
  cpu_ms: number;
}

const BIN = join(packageRoot, 'bin', 'acta.js');
const REPORTER = new URL('./exit-report.js', import.meta.url).href;

/** Run `acta ARGS` once; its figures as it reported them at exit. */
export function runActa(args: string[]): Promise<ProcessFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-'));
  const report = join(dir, 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORTER, BIN, ...args], {
      cwd: packageRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ACTA_EXIT_REPORT: report },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`acta ${args.join(' ')} exited ${code}: ${err.slice(0, 500)}`);
        resolve(JSON.parse(readFileSync(report, 'utf8')) as ProcessFigures);
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const round = (x: number | null, d = 0) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Median, least and most of some figures. */
function spread(xs: number[]): { median: number | null; min: number | null; max: number | null } {
  return { median: round(median(xs)), min: xs.length ? round(Math.min(...xs)) : null, max: xs.length ? round(Math.max(...xs)) : null };
}

export const SMALL_ARTICLE = join('samples', '02_sahel_ceasefire.txt');

/** Each command's start-up, `runs` times, alternated between commands. */
export async function startupBench(runs: number, log: (s: string) => void): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-'));
  try {
    // A store holding the small article's events, for the query command.
    const store = join(dir, 'small.db');
    await runActa(['code', '--db', store, SMALL_ARTICLE]);
    const commands: Record<string, string[]> = {
      help: ['--help'],
      code_small_article: ['code', SMALL_ARTICLE],
      events_small_store: ['events', '--db', store],
    };
    const by: Record<string, ProcessFigures[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    for (let r = 0; r < runs; r++) {
      log(`bench: start-up, run ${r + 1}/${runs}…`);
      for (const [name, args] of Object.entries(commands)) by[name].push(await runActa(args));
    }
    const out: Record<string, unknown> = { runs };
    for (const [name, figures] of Object.entries(by)) {
      out[name] = {
        first_output_ms: spread(figures.flatMap((f) => (f.first_output_ms === null ? [] : [f.first_output_ms]))),
        exit_ms: spread(figures.map((f) => f.exit_ms)),
        cpu_ms: spread(figures.map((f) => f.cpu_ms)),
        max_rss_mb: spread(figures.map((f) => f.max_rss_kb / 1024)),
      };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of `acta code --jobs 1` over the first N articles, for each N. */
export async function rssBench(articles: BenchArticle[], counts: number[], log: (s: string) => void): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-'));
  try {
    const out: Record<string, unknown>[] = [];
    for (const n of counts) {
      const batch = articles.slice(0, n);
      const file = join(dir, `first-${n}.jsonl`);
      writeFileSync(file, batch.map((a) => JSON.stringify({ id: a.id, text: a.text, published: a.published })).join('\n') + '\n');
      log(`bench: acta code --jobs 1 on ${batch.length} articles…`);
      const f = await runActa(['code', '--jobs', '1', '--no-progress', file]);
      out.push({ articles: batch.length, peak_rss_mb: round(f.max_rss_kb / 1024), seconds: round(f.exit_ms / 1000, 1), cpu_seconds: round(f.cpu_ms / 1000, 1) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run eval [-- --only NAME[,NAME…]] [--limit N] [--json FILE]`
 *
 * Scores acta, through its public library API, on every gold dataset under
 * ACTA_SHARED/eval (default ../shared relative to the package root). Missing
 * data is reported as skipped, never as a score. Prints one table, then the
 * results as JSON (to FILE with --json, else after the table on stdout).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultLog, gitCommit, sharedRoot, type DatasetResult } from './common.js';
import { DATASETS, runDataset } from './datasets.js';
import { resultsTable } from './table.js';

export interface EvalArgs {
  only: string[] | null;
  limit: number | undefined;
  json: string | null;
}

export function parseEvalArgs(argv: string[]): EvalArgs {
  const out: EvalArgs = { only: null, limit: undefined, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only' || a.startsWith('--only=')) out.only = [...(out.only ?? []), ...value().split(',').map((s) => s.trim()).filter(Boolean)];
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error('--limit needs a whole number');
      out.limit = n;
    } else if (a === '--json' || a.startsWith('--json=')) out.json = value();
    else if (a === '--help' || a === '-h') throw new Error('usage: npm run eval [-- --only NAME[,NAME…]] [--limit N] [--json FILE]');
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}


/** Runs the chosen datasets in order and returns every result row. */
export async function runEval(args: EvalArgs, log = defaultLog): Promise<DatasetResult[]> {
  const chosen = args.only ? DATASETS.filter((d) => args.only!.some((o) => d.name.startsWith(o))) : DATASETS;
  if (args.only && chosen.length === 0) throw new Error(`no dataset matches ${args.only.join(',')}; known: ${DATASETS.map((d) => d.name).join(', ')}`);
  const results: DatasetResult[] = [];
  for (const d of chosen) {
    log(`eval: ${d.name}…`);
    const rows = await runDataset(d, { limit: args.limit, log });
    for (const r of rows) {
      log(`eval: ${r.dataset} [${r.system}] ${r.status}${r.reason ? ` (${r.reason})` : ''} in ${r.seconds.toFixed(1)}s`);
      const f = r.details?.failures as { n: number; first: string | null } | undefined;
      if (f && f.n > 0) log(`eval: ${r.dataset}: analyze failed on ${f.n} input(s), scored as finding nothing; first: ${f.first}`);
    }
    results.push(...rows);
  }
  return results;
}

async function main(): Promise<void> {
  let args: EvalArgs;
  try {
    args = parseEvalArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const started = new Date();
  const results = await runEval(args);
  const report = {
    date: started.toISOString(), commit: gitCommit(), shared: sharedRoot(), limit: args.limit ?? null, results,
  };
  process.stdout.write(resultsTable(results) + '\n');
  const json = JSON.stringify(report, null, 2);
  if (args.json) writeFileSync(args.json, json + '\n');
  else process.stdout.write('\n' + json + '\n');
  if (results.some((r) => r.status === 'error')) process.exitCode = 1;
}

const invokedDirectly = !!process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) await main();

/**
 * `node dist/eval/guard.js [--strict] [--update]` — the regression guard.
 *
 * Runs a fast subset of the evaluation (the datasets and --limit caps listed
 * in eval/floors.json) and compares each guarded metric with its floor. A
 * score more than `margin` below its floor fails (exit 1); for metrics where
 * lower is better (AUC of geocoding errors) the floor is a ceiling and a
 * score more than `margin` above it fails.
 *
 * Floors only move up: `--update` raises each floor to the score measured now
 * minus the margin where that is higher than the floor, and never lowers one.
 * Without ../shared the guard says so and passes, unless --strict (CI).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultLog, packageRoot, sharedRoot, type DatasetResult } from './common.js';
import { DATASETS, runDataset } from './datasets.js';
import { formatValue, renderTable } from './table.js';

export interface FloorsFile {
  /** Allowed drop below a floor before the guard fails (noise). */
  margin: number;
  /** Dataset name → --limit for the guard's subset (null = all records). */
  subset: Record<string, number | null>;
  /** Metrics where lower is better: their floor is a ceiling. */
  lowerIsBetter: string[];
  /** "dataset" or "dataset/system" → metric → floor. */
  floors: Record<string, Record<string, number>>;
}

export const FLOORS_PATH = join(packageRoot, 'eval', 'floors.json');

export interface Check {
  key: string;
  metric: string;
  floor: number;
  value: number | null;
  status: 'ok' | 'REGRESSION' | 'missing';
}

export function resultKey(r: DatasetResult): string {
  return r.system === 'acta' ? r.dataset : `${r.dataset}/${r.system}`;
}

/** Every guarded metric against its floor. */
export function checkFloors(results: DatasetResult[], f: FloorsFile): Check[] {
  const byKey = new Map(results.map((r) => [resultKey(r), r]));
  const checks: Check[] = [];
  for (const [key, metrics] of Object.entries(f.floors)) {
    const r = byKey.get(key);
    for (const [metric, floor] of Object.entries(metrics)) {
      const value = r && r.status === 'ok' ? r.metrics[metric] ?? null : null;
      let status: Check['status'] = 'ok';
      if (value === null) status = 'missing';
      else if (f.lowerIsBetter.includes(metric) ? value > floor + f.margin : value < floor - f.margin) status = 'REGRESSION';
      checks.push({ key, metric, floor, value, status });
    }
  }
  return checks;
}

const floor2 = (x: number) => Math.floor(x * 100) / 100;
const ceil2 = (x: number) => Math.ceil(x * 100) / 100;

/**
 * Floors raised to (measured − margin), rounded down to 0.01 (ceilings
 * lowered to measured + margin, rounded up); never moved the other way.
 */
export function raiseFloors(f: FloorsFile, results: DatasetResult[]): FloorsFile {
  const byKey = new Map(results.map((r) => [resultKey(r), r]));
  const floors: FloorsFile['floors'] = {};
  for (const [key, metrics] of Object.entries(f.floors)) {
    floors[key] = {};
    for (const [metric, old] of Object.entries(metrics)) {
      const r = byKey.get(key);
      const v = r && r.status === 'ok' ? r.metrics[metric] : null;
      if (v === null || v === undefined) { floors[key][metric] = old; continue; }
      floors[key][metric] = f.lowerIsBetter.includes(metric) ? Math.min(old, ceil2(v + f.margin)) : Math.max(old, floor2(v - f.margin));
    }
  }
  return { ...f, floors };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const strict = argv.includes('--strict');
  const update = argv.includes('--update');
  const f = JSON.parse(readFileSync(FLOORS_PATH, 'utf8')) as FloorsFile;
  if (!existsSync(join(sharedRoot(), 'eval'))) {
    process.stdout.write(`guard: no gold data at ${sharedRoot()}/eval (set ACTA_SHARED); ${strict ? 'failing (--strict)' : 'skipped'}\n`);
    process.exit(strict ? 1 : 0);
  }
  const t0 = performance.now();
  const results: DatasetResult[] = [];
  for (const [name, limit] of Object.entries(f.subset)) {
    const d = DATASETS.find((x) => x.name === name);
    if (!d) throw new Error(`floors.json names unknown dataset ${name}`);
    defaultLog(`guard: ${name}${limit === null ? '' : ` (first ${limit})`}…`);
    results.push(...(await runDataset(d, { limit: limit ?? undefined })));
  }
  const checks = checkFloors(results, f);
  const rows = checks.map((c) => [c.key, c.metric, formatValue(c.value, c.metric), formatValue(c.floor, c.metric),
    f.lowerIsBetter.includes(c.metric) ? '≤' : '≥', c.status]);
  process.stdout.write(renderTable(['dataset', 'metric', 'now', 'floor', 'dir', 'status'], rows) + '\n');
  for (const r of results) if (r.status !== 'ok') process.stdout.write(`guard: ${resultKey(r)} ${r.status}: ${r.reason ?? ''}\n`);
  const bad = checks.filter((c) => c.status !== 'ok');
  process.stdout.write(`guard: ${checks.length - bad.length}/${checks.length} at or above floor (margin ${f.margin}) in ${((performance.now() - t0) / 1000).toFixed(0)}s\n`);
  if (update) {
    writeFileSync(FLOORS_PATH, JSON.stringify(raiseFloors(f, results), null, 2) + '\n');
    process.stdout.write(`guard: floors raised where scores allow (${FLOORS_PATH})\n`);
  }
  if (bad.length) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => { process.stderr.write(`guard: ${(err as Error).message}\n`); process.exit(1); });
}

/**
 * Settings shared by the fuzz tests (`*.fuzz.test.ts`). In CI every property
 * runs a fixed number of cases from a fixed seed, so a run is reproducible and
 * the whole fuzz pass stays within about a minute; two environment variables
 * make a longer or different run locally:
 *
 *   ACTA_FUZZ_SCALE=N   run N times as many cases per property (default 1)
 *   ACTA_FUZZ_SEED=S    start from seed S instead of the fixed one
 *
 * A failure prints the seed and the path of the shrunk case, so it can be
 * replayed; turn the shrunk input into a plain example test before fixing it.
 */
import type { Parameters } from 'fast-check';

/** The seed CI runs from. */
export const FUZZ_SEED = 20261207;

/** A positive number from the environment, else the default. */
function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw}: want a positive number`);
  return n;
}

/** fast-check parameters for a property whose CI budget is `runs` cases. */
export function fuzzParameters<T>(runs: number): Parameters<T> {
  return {
    seed: Math.trunc(envNumber('ACTA_FUZZ_SEED', FUZZ_SEED)),
    numRuns: Math.max(1, Math.round(runs * envNumber('ACTA_FUZZ_SCALE', 1))),
    // The broken rule's message goes into the report, next to the shrunk input.
    includeErrorInReport: true,
  };
}

/**
 * Run one case and fail when it takes longer than `limitMs`: a case that is
 * slow on a small input is a hang in waiting (a backtracking regex, a
 * quadratic loop). The limits are many times what a case needs, so that a
 * busy machine does not fail them.
 */
export function withinTime<T>(limitMs: number, what: string, run: () => T): T {
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  if (ms > limitMs) throw new Error(`${what} took ${Math.round(ms)} ms, over the ${limitMs} ms limit`);
  return out;
}

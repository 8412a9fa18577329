/**
 * Shared pieces of the evaluation harness: where the gold data lives, how acta
 * is called (through its public library API, the same path as `acta analyze`),
 * precision/recall arithmetic and the result shape every dataset returns.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../doc/types.js';

/** The package root (holds package.json, dist/, eval/). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The folder that holds `eval/` and `corpus/` gold data: env ACTA_SHARED
 * (absolute, or relative to the package root), default `../shared`.
 */
export function sharedRoot(env: NodeJS.ProcessEnv = process.env): string {
  const setting = env.ACTA_SHARED && env.ACTA_SHARED.trim() !== '' ? env.ACTA_SHARED : '../shared';
  return isAbsolute(setting) ? setting : resolve(packageRoot, setting);
}

/** Absolute path of a gold file under `<shared>/eval/`, or null when it is absent. */
export function evalPath(rel: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const p = join(sharedRoot(env), 'eval', rel);
  return existsSync(p) ? p : null;
}

export interface AnalyzeInput {
  text?: string;
  html?: string;
  published?: string | null;
  id?: string;
  title?: string;
}

export type Analyzer = (input: AnalyzeInput) => Doc | Promise<Doc>;

let analyzerPromise: Promise<Analyzer> | null = null;

/**
 * acta's public `analyze`, loaded from the built package at run time (so the
 * harness compiles and its scorers test even while the pipeline does not).
 */
export function loadAnalyzer(): Promise<Analyzer> {
  if (!analyzerPromise) {
    const url = new URL('../index.js', import.meta.url).href;
    analyzerPromise = import(url).then((m: Record<string, unknown>) => {
      if (typeof m.analyze !== 'function') throw new Error('dist/index.js does not export analyze()');
      return m.analyze as Analyzer;
    });
  }
  return analyzerPromise;
}

/**
 * Calls analyze; an article acta cannot analyse yields null (scored as
 * finding nothing) and is counted in `failures`, so one bad record never
 * hides a dataset's score.
 */
export async function analyzeSafely(analyze: Analyzer, input: AnalyzeInput, failures: { n: number; first: string | null }): Promise<Doc | null> {
  try {
    return await analyze(input);
  } catch (err) {
    failures.n++;
    failures.first ??= `${input.id ?? '?'}: ${err instanceof Error ? err.message : String(err)}`;
    return null;
  }
}

export function newFailures(): { n: number; first: string | null } {
  return { n: 0, first: null };
}

/** Precision, recall, F1 from counts; null where a ratio has no denominator. */
export interface Prf {
  tp: number;
  nPred: number;
  nGold: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf(tp: number, nPred: number, nGold: number): Prf {
  const precision = nPred > 0 ? tp / nPred : null;
  const recall = nGold > 0 ? tp / nGold : null;
  let f1: number | null = null;
  if (precision !== null && recall !== null) f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  else if (nGold > 0 && nPred === 0) f1 = 0;
  return { tp, nPred, nGold, precision, recall, f1 };
}

export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** What one dataset's evaluation returns. Metrics are fractions (0..1) or plain numbers (km, counts). */
export interface DatasetResult {
  dataset: string;
  /** Which system produced the figures: "acta", or a baseline ("chrono-node"). */
  system: string;
  status: 'ok' | 'skipped' | 'error';
  /** Why it was skipped or failed. */
  reason?: string;
  /** Records (sentences, documents) scored. */
  n: number;
  seconds: number;
  metrics: Record<string, number | null>;
  /** Per-type tables, confusion matrices and other detail for the JSON output. */
  details?: Record<string, unknown>;
}

export function skipped(dataset: string, reason: string, system = 'acta'): DatasetResult {
  return { dataset, system, status: 'skipped', reason, n: 0, seconds: 0, metrics: {} };
}

/** Options every dataset runner receives. */
export interface RunOptions {
  /** Cap on records/documents per dataset (undefined = all). */
  limit?: number;
  env?: NodeJS.ProcessEnv;
  /** Progress lines go here (stderr by default). */
  log?: (line: string) => void;
}

/** Decode the XML entities that appear in the gold files (named five plus numeric). */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The inner text of the first `<tag …>…</tag>` in an XML fragment, or null. */
export function xmlChild(fragment: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(fragment);
  return m ? m[1] : null;
}

/** All `<tag …>…</tag>` fragments (inner text) in order. */
export function xmlChildren(fragment: string, tag: string): string[] {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  const out: string[] = [];
  for (let m = re.exec(fragment); m; m = re.exec(fragment)) out.push(m[1]);
  return out;
}

/** Remove XML comments (GeoVirus keeps commented-out locations). */
export function stripXmlComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, '');
}

/** Unwrap `<![CDATA[ … ]]>` or decode entities in element text. */
export function xmlText(inner: string): string {
  const m = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return m ? m[1] : decodeXmlEntities(inner);
}

/** Apply --limit to a list. */
export function capped<T>(xs: T[], limit: number | undefined): T[] {
  return limit !== undefined && limit >= 0 ? xs.slice(0, limit) : xs;
}

export function defaultLog(line: string): void {
  process.stderr.write(line + '\n');
}

/** The checkout's short commit id, or null outside git. */
export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

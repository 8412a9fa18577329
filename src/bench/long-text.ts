/**
 * `npm run bench -- --long [--long-mib N]` — does the cost of an article grow
 * with its length and no faster? The real articles of ACTA_SHARED/corpus (BBC
 * News, then Reuters-21578, again from the start if they run out) are
 * concatenated, a blank line between, up to N MiB (default 20, the input
 * limit), and analysed twice: one by one, and as one text. The figure is the
 * time per MiB of each and their ratio (target: the long text within 1.5× of
 * the single articles). The text is built in memory, never written.
 */
import type { Analyzer } from '../eval/common.js';
import type { BenchArticle } from './run.js';

/** The default length of the long text: the input limit. */
export const LONG_TEXT_MIB = 20;

const MIB = 1 << 20;
const SEPARATOR = '\n\n';

/** Articles taken in order (from the start again when they run out) until their text reaches `bytes` UTF-8 bytes. */
export function articlesUpTo(articles: BenchArticle[], bytes: number): BenchArticle[] {
  const out: BenchArticle[] = [];
  if (articles.length === 0) return out;
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const a = articles[k % articles.length];
    const n = Buffer.byteLength(a.text, 'utf8') + (out.length ? SEPARATOR.length : 0);
    if (size + n > bytes) break;
    out.push(a);
    size += n;
  }
  return out;
}

/** The articles as one text, a blank line between them. */
export function longText(articles: BenchArticle[]): string {
  return articles.map((a) => a.text).join(SEPARATOR);
}

export interface LongTextFigures {
  mib: number;
  articles: number;
  single: { seconds: number; seconds_per_mib: number };
  long: { seconds: number; seconds_per_mib: number; stage_ms: Record<string, number> | null; failed: string | null };
  /** Time per MiB of the long text over that of the single articles. */
  ratio: number;
  peak_rss_mb: number;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Time the same articles one by one, then as one long text. */
export async function longTextBench(analyze: Analyzer, corpus: BenchArticle[], mib: number, stages: Record<string, number> | null,
  log: (s: string) => void): Promise<LongTextFigures> {
  const articles = articlesUpTo(corpus, mib * MIB);
  if (articles.length === 0) throw new Error('no corpus for the long text (BBC News or Reuters-21578 in ACTA_SHARED/eval/corpus)');
  const text = longText(articles);
  const size = Buffer.byteLength(text, 'utf8') / MIB;
  log(`bench: long text, ${articles.length} articles one by one (${size.toFixed(1)} MiB)…`);
  let t0 = performance.now();
  for (const a of articles) {
    try { await analyze({ text: a.text, id: a.id, published: null }); } catch { /* counted by the main benchmark */ }
  }
  const single = (performance.now() - t0) / 1000;
  log(`bench: long text, the same as one text…`);
  if (stages) for (const k of Object.keys(stages)) stages[k] = 0;
  let failed: string | null = null;
  t0 = performance.now();
  try {
    // (No time budget: this measures how long the text takes.)
    await (analyze as (i: unknown, o?: string, opts?: unknown) => unknown)({ text, id: 'long-text' }, 'long-text', { timeBudgetMs: 0 });
  } catch (err) {
    failed = (err as Error).message;
  }
  const long = (performance.now() - t0) / 1000;
  return {
    mib: round(size), articles: articles.length,
    single: { seconds: round(single), seconds_per_mib: round(single / size) },
    long: { seconds: round(long), seconds_per_mib: round(long / size), stage_ms: stages ? Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])) : null, failed },
    ratio: round(long / size / (single / size)),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}

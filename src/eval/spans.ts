/**
 * Span matching shared by the scorers: exact (same start and end) and overlap
 * (at least one character in common), always one-to-one so that one predicted
 * span never earns two gold spans (and the reverse).
 */
import { prf, type Prf } from './common.js';

export interface SimpleSpan {
  start: number;
  end: number;
}

export type MatchMode = 'exact' | 'overlap';

export function overlapLength(a: SimpleSpan, b: SimpleSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function spansMatch(a: SimpleSpan, b: SimpleSpan, mode: MatchMode): boolean {
  return mode === 'exact' ? a.start === b.start && a.end === b.end : overlapLength(a, b) > 0;
}

/**
 * Pairs of (gold index, predicted index) matched one-to-one. Exact pairs are
 * taken first, then overlapping pairs by decreasing overlap, so a relaxed
 * match never steals a span that has an exact partner.
 */
export function matchSpans<G extends SimpleSpan, P extends SimpleSpan>(
  gold: G[], pred: P[], mode: MatchMode,
): Array<[number, number]> {
  const candidates: Array<{ g: number; p: number; score: number }> = [];
  for (let g = 0; g < gold.length; g++) {
    for (let p = 0; p < pred.length; p++) {
      const a = gold[g];
      const b = pred[p];
      if (a.start === b.start && a.end === b.end) candidates.push({ g, p, score: Number.MAX_SAFE_INTEGER });
      else if (mode === 'overlap') {
        const o = overlapLength(a, b);
        if (o > 0) candidates.push({ g, p, score: o });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.g - y.g || x.p - y.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** Counts for span P/R/F1 that add up over documents. */
export interface SpanCounts {
  tp: number;
  nPred: number;
  nGold: number;
}

export function emptyCounts(): SpanCounts {
  return { tp: 0, nPred: 0, nGold: 0 };
}

export function countSpans(gold: SimpleSpan[], pred: SimpleSpan[], mode: MatchMode, into: SpanCounts = emptyCounts()): SpanCounts {
  into.tp += matchSpans(gold, pred, mode).length;
  into.nPred += pred.length;
  into.nGold += gold.length;
  return into;
}

export function countsPrf(c: SpanCounts): Prf {
  return prf(c.tp, c.nPred, c.nGold);
}

/** Distinct spans (same start and end kept once). */
export function uniqueSpans<T extends SimpleSpan>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.start}:${x.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * TIMEX3 scoring as TempEval-3 defines it (UzZaman et al. 2013):
 *   - strict match: same start and end; relaxed match: any overlap;
 *     precision, recall and F1 for each;
 *   - attributes (type, value) are judged on relaxed matches:
 *     type accuracy = matches with the right type / relaxed matches;
 *     value (and type) F1 = harmonic mean of right-attribute/system and
 *     right-attribute/gold.
 * Matches are one-to-one (see spans.ts).
 */
import { prf, ratio } from './common.js';
import { matchSpans } from './spans.js';

export interface Timex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimexCounts {
  nGold: number;
  nPred: number;
  strict: number;
  relaxed: number;
  typeOk: number;
  valueOk: number;
}

export function emptyTimexCounts(): TimexCounts {
  return { nGold: 0, nPred: 0, strict: 0, relaxed: 0, typeOk: 0, valueOk: 0 };
}

/** Values compare case-insensitively and without surrounding space. */
function sameValue(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

export function countTimexes(gold: Timex[], pred: Timex[], into: TimexCounts = emptyTimexCounts()): TimexCounts {
  into.nGold += gold.length;
  into.nPred += pred.length;
  into.strict += matchSpans(gold, pred, 'exact').length;
  for (const [g, p] of matchSpans(gold, pred, 'overlap')) {
    into.relaxed++;
    if (gold[g].type === pred[p].type) into.typeOk++;
    if (sameValue(gold[g].value, pred[p].value)) into.valueOk++;
  }
  return into;
}

export interface TimexScores {
  strictP: number | null; strictR: number | null; strictF1: number | null;
  relaxedP: number | null; relaxedR: number | null; relaxedF1: number | null;
  typeAccuracy: number | null; typeF1: number | null;
  valueAccuracy: number | null; valueF1: number | null;
}

export function scoreTimexCounts(c: TimexCounts): TimexScores {
  const strict = prf(c.strict, c.nPred, c.nGold);
  const relaxed = prf(c.relaxed, c.nPred, c.nGold);
  const type = prf(c.typeOk, c.nPred, c.nGold);
  const value = prf(c.valueOk, c.nPred, c.nGold);
  return {
    strictP: strict.precision, strictR: strict.recall, strictF1: strict.f1,
    relaxedP: relaxed.precision, relaxedR: relaxed.recall, relaxedF1: relaxed.f1,
    typeAccuracy: ratio(c.typeOk, c.relaxed), typeF1: type.f1,
    valueAccuracy: ratio(c.valueOk, c.relaxed), valueF1: value.f1,
  };
}

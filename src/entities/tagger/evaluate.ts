/**
 * Entity-level scores, conlleval style: an entity counts as found only when
 * its type and both boundaries match a gold entity exactly.
 */
import { spansFromTags, type EntityKind } from './tags.js';

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export type ScoreTable = Record<EntityKind | 'ALL', Scores>;

const KINDS: readonly (EntityKind | 'ALL')[] = ['PER', 'ORG', 'LOC', 'MISC', 'ALL'];

export function scoresOf(c: Counts): Scores {
  const precision = c.predicted > 0 ? c.correct / c.predicted : 0;
  const recall = c.gold > 0 ? c.correct / c.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Score predicted tag sequences against gold ones (both BIO or IOB1, one per sentence). */
export function scoreTags(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ScoreTable {
  const counts = new Map<string, Counts>(KINDS.map((k) => [k, { gold: 0, predicted: 0, correct: 0 }]));
  for (let s = 0; s < gold.length; s++) {
    const g = spansFromTags(gold[s]);
    const p = spansFromTags(predicted[s]);
    const key = (x: { first: number; last: number; type: string }): string => `${x.first}:${x.last}:${x.type}`;
    const goldKeys = new Set(g.map(key));
    for (const x of g) { counts.get(x.type)!.gold++; counts.get('ALL')!.gold++; }
    for (const x of p) {
      counts.get(x.type)!.predicted++;
      counts.get('ALL')!.predicted++;
      if (goldKeys.has(key(x))) { counts.get(x.type)!.correct++; counts.get('ALL')!.correct++; }
    }
  }
  return Object.fromEntries(KINDS.map((k) => [k, scoresOf(counts.get(k)!)])) as ScoreTable;
}

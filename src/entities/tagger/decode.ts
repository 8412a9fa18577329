/**
 * Greedy left-to-right decoding over BIO tags: at each word, score every tag
 * from the word's static features plus the history features of the tags chosen
 * so far, and take the best tag that BIO allows (I-X only after B-X or I-X).
 */
import { historyFeatures, type PreparedSentence } from './features.js';
import { addScores, type Scorer } from './perceptron.js';
import { allowedAfter, TAGS } from './tags.js';

/** Rows of a list of features in a model (-1 for unknown ones). */
export function rowsOf(model: Scorer, features: readonly string[]): Int32Array {
  const rows = new Int32Array(features.length);
  for (let k = 0; k < features.length; k++) rows[k] = model.rowOf(features[k]);
  return rows;
}

/** Names of the two tags before word i, as history features spell them. */
export function leftTags(tags: readonly number[], i: number): [string, string] {
  const t1 = i >= 1 ? TAGS[tags[i - 1]] : '<s>';
  const t2 = i >= 2 ? TAGS[tags[i - 2]] : '<s>';
  return [t1, t2];
}

/** Best tag for the scores that may follow `prev` (-1 at the start). */
export function bestAllowed(scores: Float64Array, prev: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let j = 0; j < scores.length; j++) {
    if (!allowedAfter(prev, j)) continue;
    if (scores[j] > bestScore) { bestScore = scores[j]; best = j; }
  }
  return best;
}

/** Tag indices for a prepared sentence. */
export function greedyDecode(model: Scorer, s: PreparedSentence): number[] {
  const tags: number[] = [];
  const scores = new Float64Array(model.classes);
  for (let i = 0; i < s.words.length; i++) {
    scores.fill(0);
    addScores(model, rowsOf(model, s.staticFeatures[i]), scores);
    const [t1, t2] = leftTags(tags, i);
    addScores(model, rowsOf(model, historyFeatures(s, i, t1, t2)), scores);
    tags.push(bestAllowed(scores, i > 0 ? tags[i - 1] : -1));
  }
  return tags;
}

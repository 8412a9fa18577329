/**
 * Greedy left-to-right decoding over BIO tags: at each word, score every tag
 * from the word's static features plus the history features of the tags chosen
 * so far, and take the best tag that BIO allows (I-X only after B-X or I-X).
 */
import { historyKeys, HISTORY_FEATURES, type PreparedSentence } from './features.js';
import { type Scorer } from './perceptron.js';
import { allowedAfter } from './tags.js';

/** Add the weights of the known features among `keys` into `scores`. */
export function scoreKeys(model: Scorer, keys: Int32Array, scores: Float64Array): void {
  const c = model.classes;
  const w = model.weights;
  for (let k = 0; k < keys.length; k++) {
    const r = model.rowOf(keys[k]);
    if (r < 0) continue;
    const base = r * c;
    for (let j = 0; j < c; j++) scores[j] += w[base + j];
  }
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
  const history = new Int32Array(HISTORY_FEATURES);
  for (let i = 0; i < s.words.length; i++) {
    scores.fill(0);
    scoreKeys(model, s.staticFeatures[i], scores);
    const t1 = i >= 1 ? tags[i - 1] : -1;
    const t2 = i >= 2 ? tags[i - 2] : -1;
    scoreKeys(model, historyKeys(s, i, t1, t2, history), scores);
    tags.push(bestAllowed(scores, t1));
  }
  return tags;
}

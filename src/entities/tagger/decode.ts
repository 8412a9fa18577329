/**
 * Decoding, written plainly (fast.ts gives the same tags faster). Greedy
 * left-to-right decoding over BIO tags: at each word, score every tag from the
 * word's static features plus the history features of the tags chosen so far,
 * and take the best tag that BIO allows (I-X only after B-X or I-X). Exact
 * decoding: the best sequence over the whole sentence (viterbi.ts).
 */
import { historyKeys, HISTORY_FEATURES, type PreparedSentence } from './features.js';
import { type Scorer } from './perceptron.js';
import { allowedAfter } from './tags.js';
import { viterbiDecode } from './viterbi.js';

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

/**
 * Tag indices for a prepared sentence by exact second-order Viterbi decoding
 * (viterbi.ts), for models trained so; the plain reference for fast.ts.
 */
export function exactDecode(model: Scorer, s: PreparedSentence): number[] {
  const C = model.classes;
  const S = C + 1;
  const history = new Int32Array(HISTORY_FEATURES);
  const one = new Int32Array(1);
  const pairScores = new Float64Array(S * S * C);
  for (let t2 = -1; t2 < C; t2++) {
    for (let t1 = -1; t1 < C; t1++) {
      historyKeys(s, 0, t1, t2, history);
      const at = ((t2 + 1) * S + t1 + 1) * C;
      const v = new Float64Array(C);
      one[0] = history[0]; scoreKeys(model, one, v);
      one[0] = history[1]; scoreKeys(model, one, v);
      pairScores.set(v, at);
    }
  }
  const n = s.words.length;
  const local = new Float64Array(n * S * C);
  for (let i = 0; i < n; i++) {
    const base = new Float64Array(C);
    scoreKeys(model, s.staticFeatures[i], base);
    for (let t1 = -1; t1 < C; t1++) {
      historyKeys(s, i, t1, -1, history);
      const v = Float64Array.from(base);
      one[0] = history[2]; scoreKeys(model, one, v);
      one[0] = history[3]; scoreKeys(model, one, v);
      local.set(v, (i * S + t1 + 1) * C);
    }
  }
  return viterbiDecode(n, C, local, pairScores);
}

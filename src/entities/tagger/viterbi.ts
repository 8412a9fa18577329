/**
 * Exact decoding over whole sentences. The history features look at the two
 * tags before a word, so the best tag sequence is found by dynamic programming
 * over pairs of tags (second-order Viterbi), instead of committing to each tag
 * in turn as greedy decoding does: "Black" need not be tagged before the tagger
 * has seen that "Pepper" follows.
 *
 * Scores come in two tables. `local` holds, per word i and previous tag t1
 * (-1 at the sentence start), the C scores of the word's features and of its
 * features with t1: local[(i * (C + 1) + t1 + 1) * C + j]. `pairs` holds the
 * scores of the tag-pair features: pairs[((t2 + 1) * (C + 1) + t1 + 1) * C + j].
 */
import { allowedAfter } from './tags.js';

const FOLLOWERS = new Map<number, Uint8Array[]>();

/** Per previous tag + 1, the tags BIO allows after it. */
function followers(C: number): Uint8Array[] {
  let t = FOLLOWERS.get(C);
  if (!t) {
    t = [];
    for (let p = -1; p < C; p++) {
      const ok: number[] = [];
      for (let j = 0; j < C; j++) if (allowedAfter(p, j)) ok.push(j);
      t.push(Uint8Array.from(ok));
    }
    FOLLOWERS.set(C, t);
  }
  return t;
}

/** Work arrays, kept between calls and grown as needed. */
let deltaA = new Float64Array(0);
let deltaB = new Float64Array(0);
let back = new Uint8Array(0);

/** The best tag sequence for n words and C tags that BIO allows. */
export function viterbiDecode(n: number, C: number, local: ArrayLike<number>, pairs: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const S = C + 1;
  const SS = S * S;
  const after = followers(C);
  if (deltaA.length < SS) { deltaA = new Float64Array(SS); deltaB = new Float64Array(SS); }
  if (back.length < n * SS) back = new Uint8Array(Math.max(n * SS, 2 * back.length));
  let delta = deltaA;
  let next = deltaB;
  delta.fill(-Infinity);
  delta[0] = 0;
  for (let i = 0; i < n; i++) {
    next.fill(-Infinity);
    const b = i * SS;
    const li = i * S * C;
    for (let p1 = 0; p1 < S; p1++) {
      const lo = li + p1 * C;
      const ok = after[p1];
      const row = p1 * S + 1;
      for (let p2 = 0; p2 < S; p2++) {
        const d = delta[p2 * S + p1];
        if (d === -Infinity) continue;
        const po = (p2 * S + p1) * C;
        for (let k = 0; k < ok.length; k++) {
          const j = ok[k];
          const v = d + local[lo + j] + pairs[po + j];
          const idx = row + j; // state (p1, j + 1)
          if (v > next[idx]) { next[idx] = v; back[b + idx] = p2; }
        }
      }
    }
    const t = delta; delta = next; next = t;
  }
  let best = 0;
  for (let s = 1; s < SS; s++) if (delta[s] > delta[best]) best = s;
  deltaA = delta;
  deltaB = next;
  const tags = new Array<number>(n);
  let p1 = Math.floor(best / S);
  let pj = best % S;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = pj - 1;
    const p2 = back[i * SS + p1 * S + pj];
    pj = p1;
    p1 = p2;
  }
  return tags;
}

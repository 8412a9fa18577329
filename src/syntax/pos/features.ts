/**
 * Features of the part-of-speech tagger (after Collins 2002 and Honnibal's greedy tagger): the
 * word, its affixes and shape, its neighbours two either side, the two tags already chosen to its
 * left, and the tag wink-nlp gave it when the caller has one (acta's tokens always do: a second
 * opinion trained on other text). Each feature is one 32-bit key: its template number mixed with
 * the hashes of its parts, so nothing is built as a string while tagging.
 */
import { hashString, mix } from '../../entities/tagger/hash.js';
import { shapeOf } from '../features.js';

/** A word to tag: its text, and the POS tag another tagger gave it, if any. */
export interface PosInput {
  form: string;
  /** wink-nlp's UPOS tag (what segment() gives), used as one more feature. */
  pos?: string;
  /** wink-nlp's lemma. */
  lemma?: string;
}

/** Per-word hashes, computed once per sentence; index i + 2 holds word i (two pads either side). */
export interface PosSentence {
  n: number;
  word: Int32Array;
  suffix3: Int32Array;
  suffix2: Int32Array;
  suffix1: Int32Array;
  prefix1: Int32Array;
  prefix3: Int32Array;
  shape: Int32Array;
  given: Int32Array;
  lemma: Int32Array;
  suffix4: Int32Array;
}

const PAD = 2;
const START = hashString('<s>');
const END = hashString('</s>');

export function posSentence(words: readonly PosInput[]): PosSentence {
  const n = words.length;
  const size = n + 2 * PAD;
  const arr = () => new Int32Array(size);
  const s: PosSentence = { n, word: arr(), suffix3: arr(), suffix2: arr(), suffix1: arr(), prefix1: arr(), prefix3: arr(), shape: arr(), given: arr(), lemma: arr(), suffix4: arr() };
  for (let i = 0; i < size; i++) {
    const pad = i < PAD ? START : END;
    s.word[i] = s.suffix3[i] = s.suffix2[i] = s.suffix1[i] = s.prefix1[i] = s.prefix3[i] = s.shape[i] = s.given[i] = s.lemma[i] = s.suffix4[i] = pad;
  }
  words.forEach((w, i) => {
    const at = i + PAD;
    const lower = w.form.toLowerCase();
    s.word[at] = hashString(lower);
    s.suffix3[at] = hashString(lower.slice(-3));
    s.suffix2[at] = hashString(lower.slice(-2));
    s.suffix1[at] = hashString(lower.slice(-1));
    s.prefix1[at] = hashString(w.form.slice(0, 1));
    s.prefix3[at] = hashString(lower.slice(0, 3));
    s.shape[at] = hashString(shapeOf(w.form));
    s.given[at] = hashString(w.pos ?? '');
    s.lemma[at] = hashString((w.lemma ?? lower).toLowerCase());
    s.suffix4[at] = hashString(lower.slice(-4));
  });
  return s;
}

/** Most features one word yields. */
export const MAX_POS_FEATURES = 40;

/**
 * Write the features of word `i` into `out` given the tags (indices) of the two words before it
 * (-1 at the sentence start); returns how many. `useGiven`: include the caller's own tag.
 */
export function posFeatures(s: PosSentence, i: number, prev1: number, prev2: number, useGiven: boolean, out: Int32Array): number {
  const c = i + PAD;
  const W = s.word, S3 = s.suffix3, G = s.given;
  let k = 0;
  const f1 = (t: number, a: number) => { out[k++] = mix(t, a); };
  const f2 = (t: number, a: number, b: number) => { out[k++] = mix(mix(t, a), b); };
  f1(1, 0);
  f1(2, W[c]); f1(3, S3[c]); f1(4, s.suffix2[c]); f1(5, s.suffix1[c]); f1(6, s.prefix1[c]); f1(7, s.prefix3[c]); f1(8, s.shape[c]);
  f1(9, prev1); f2(10, prev1, prev2); f2(11, prev1, W[c]);
  f1(12, W[c - 1]); f1(13, S3[c - 1]); f1(14, W[c - 2]);
  f1(15, W[c + 1]); f1(16, S3[c + 1]); f1(17, W[c + 2]);
  f2(18, W[c - 1], W[c]); f2(19, W[c], W[c + 1]);
  f2(20, s.shape[c], i === 0 ? 1 : 0); f2(21, prev1, S3[c]);
  f1(22, s.shape[c + 1]); f1(23, s.shape[c - 1]);
  f1(30, s.suffix4[c]); f1(31, s.lemma[c]); f2(32, s.lemma[c], W[c]);
  if (useGiven) {
    f1(24, G[c]); f2(25, G[c], W[c]); f2(26, G[c], G[c + 1]); f2(27, G[c - 1], G[c]); f2(28, G[c], prev1); f2(29, G[c], S3[c]);
  }
  return k;
}

/**
 * Features of a parser state (after Zhang & Nivre 2011): words, POS tags, suffixes and lemmas of
 * the stack's top two items, the buffer's first three words, the top's head and its outermost
 * children, the front word's leftmost children; their arc labels, valency and the distance
 * between the top and the front. Each feature is one 32-bit key: its template number mixed with
 * the hashes of its parts (the hashing trick), so nothing is built as a string while parsing.
 */
import { hashString, mix } from '../entities/tagger/hash.js';
import type { ParseState } from './transitions.js';

export interface ParserToken {
  form: string;
  lemma?: string;
  pos: string;
}

/** Per-word hashes, index 0 for the root; computed once per sentence. */
export interface SentenceHashes {
  word: Int32Array;
  pos: Int32Array;
  suffix: Int32Array;
  lemma: Int32Array;
  /** Word shape ("Xx", "d", "x-x"…): a clue where the tagger's POS is wrong. */
  shape: Int32Array;
}

const NONE = hashString('<none>');
const ROOT = hashString('<root>');

export function sentenceHashes(tokens: readonly ParserToken[]): SentenceHashes {
  const n = tokens.length + 1;
  const h: SentenceHashes = { word: new Int32Array(n), pos: new Int32Array(n), suffix: new Int32Array(n), lemma: new Int32Array(n), shape: new Int32Array(n) };
  h.word[0] = h.pos[0] = h.suffix[0] = h.lemma[0] = h.shape[0] = ROOT;
  tokens.forEach((t, i) => {
    const lower = t.form.toLowerCase();
    h.word[i + 1] = hashString(lower);
    h.pos[i + 1] = hashString(t.pos);
    h.suffix[i + 1] = hashString(lower.length > 3 ? lower.slice(-3) : lower) ^ 0x5bd1e995;
    h.lemma[i + 1] = hashString((t.lemma ?? lower).toLowerCase()) ^ 0x27d4eb2d;
    h.shape[i + 1] = hashString(shapeOf(t.form)) ^ 0x165667b1;
  });
  return h;
}

/** Letters as X or x, digits as d, other characters as themselves; runs of one kind collapse. */
export function shapeOf(form: string): string {
  let out = '';
  for (const ch of form.slice(0, 12)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Most features one state yields; `extract` writes at most this many keys. */
export const MAX_FEATURES = 96;

/** Write the state's feature keys into `out`; returns how many. */
export function extract(state: ParseState, h: SentenceHashes, out: Int32Array): number {
  const s0 = state.stackAt(0);
  const s1 = state.stackAt(1);
  const b0 = state.bufferAt(0);
  const b1 = state.bufferAt(1);
  const b2 = state.bufferAt(2);
  const at = (arr: Int32Array, i: number) => (i < 0 ? NONE : arr[i]);
  const W = h.word, P = h.pos;
  const s0h = s0 > 0 ? state.heads[s0] : -1;
  const s0h2 = s0h > 0 ? state.heads[s0h] : -1;
  const s0l = s0 > 0 ? state.leftmost[s0] : -1;
  const s0r = s0 > 0 ? state.rightmost[s0] : -1;
  const s0l2 = s0 > 0 ? state.leftmost2[s0] : -1;
  const s0r2 = s0 > 0 ? state.rightmost2[s0] : -1;
  const b0l = b0 > 0 ? state.leftmost[b0] : -1;
  const b0l2 = b0 > 0 ? state.leftmost2[b0] : -1;
  const lab = (i: number) => (i < 0 ? -2 : state.labels[i]);

  const s0w = at(W, s0), s0p = at(P, s0), b0w = at(W, b0), b0p = at(P, b0);
  const b1w = at(W, b1), b1p = at(P, b1), b2w = at(W, b2), b2p = at(P, b2);
  const s1w = at(W, s1), s1p = at(P, s1);
  const dist = s0 >= 0 && b0 > 0 ? Math.min(b0 - s0, 5) + (b0 - s0 > 10 ? 5 : 0) : -1;
  const s0vl = s0 > 0 ? state.leftCount[s0] : -1, s0vr = s0 > 0 ? state.rightCount[s0] : -1;
  const b0vl = b0 > 0 ? state.leftCount[b0] : -1;

  let k = 0;
  const f1 = (t: number, a: number) => { out[k++] = mix(t, a); };
  const f2 = (t: number, a: number, b: number) => { out[k++] = mix(mix(t, a), b); };
  const f3 = (t: number, a: number, b: number, c: number) => { out[k++] = mix(mix(mix(t, a), b), c); };
  // single words
  f1(1, s0w); f1(2, s0p); f2(3, s0w, s0p);
  f1(4, b0w); f1(5, b0p); f2(6, b0w, b0p);
  f1(7, b1w); f1(8, b1p); f2(9, b1w, b1p);
  f1(10, b2w); f1(11, b2p);
  f1(12, s1w); f1(13, s1p);
  f1(14, at(h.suffix, s0)); f1(15, at(h.suffix, b0)); f1(16, at(h.lemma, s0)); f1(17, at(h.lemma, b0));
  // pairs
  f3(20, s0w, s0p, b0w ^ b0p); f3(21, s0w, s0p, b0w); f3(22, s0w, b0w, b0p); f3(23, s0w, s0p, b0p);
  f3(24, s0p, b0w, b0p); f2(25, s0w, b0w); f2(26, s0p, b0p); f2(27, b0p, b1p);
  f2(28, at(h.lemma, s0), at(h.lemma, b0)); f2(29, s1p, s0p); f2(30, s1w, b0w);
  // triples of tags
  f3(31, b0p, b1p, b2p); f3(32, s0p, b0p, b1p); f3(33, at(P, s0h), s0p, b0p);
  f3(34, s0p, at(P, s0l), b0p); f3(35, s0p, at(P, s0r), b0p); f3(36, s0p, b0p, at(P, b0l));
  f3(37, s1p, s0p, b0p); f3(38, s0p, b0p, at(P, s1 >= 0 && state.depth > 2 ? state.stackAt(2) : -1));
  // distance
  f2(40, s0w, dist); f2(41, s0p, dist); f2(42, b0w, dist); f2(43, b0p, dist); f3(44, s0w, b0w, dist); f3(45, s0p, b0p, dist);
  // valency
  f2(46, s0w, s0vr); f2(47, s0p, s0vr); f2(48, s0w, s0vl); f2(49, s0p, s0vl); f2(50, b0w, b0vl); f2(51, b0p, b0vl);
  // head and children: words, tags, labels
  f1(52, at(W, s0h)); f1(53, at(P, s0h)); f1(54, lab(s0));
  f1(55, at(W, s0l)); f1(56, at(P, s0l)); f1(57, lab(s0l));
  f1(58, at(W, s0r)); f1(59, at(P, s0r)); f1(60, lab(s0r));
  f1(61, at(W, b0l)); f1(62, at(P, b0l)); f1(63, lab(b0l));
  // second order
  f1(64, at(W, s0h2)); f1(65, at(P, s0h2)); f1(66, lab(s0h));
  f1(67, at(W, s0l2)); f1(68, at(P, s0l2)); f1(69, lab(s0l2));
  f1(70, at(W, s0r2)); f1(71, at(P, s0r2)); f1(72, lab(s0r2));
  f1(73, at(W, b0l2)); f1(74, at(P, b0l2)); f1(75, lab(b0l2));
  f3(76, s0p, at(P, s0l), at(P, s0l2)); f3(77, s0p, at(P, s0r), at(P, s0r2));
  f3(78, s0p, at(P, s0h), at(P, s0h2)); f3(79, b0p, at(P, b0l), at(P, b0l2));
  // label pairs with the top and front
  f3(80, s0p, lab(s0l), lab(s0r)); f3(81, b0p, lab(b0l), lab(b0l2));
  // shapes and lemmas across the top and front, for when the POS tag misleads
  const S = h.shape, M = h.lemma;
  f1(82, at(S, s0)); f1(83, at(S, b0)); f2(84, at(S, s0), at(S, b0)); f1(85, at(h.suffix, b1));
  f2(86, at(M, b0), s0p); f2(87, at(M, s0), b0p); f1(88, at(M, b1)); f2(89, s0p, at(M, b1));
  f3(90, at(S, b0), b0p, at(S, b1));
  return k;
}

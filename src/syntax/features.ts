/**
 * Features of a parser state (after Zhang & Nivre 2011): words, POS tags, suffixes and lemmas of
 * the stack's top two items, the buffer's first three words, the top's head and its outermost
 * children, the front word's leftmost children; their arc labels, valency and the distance
 * between the top and the front. Each feature is one 32-bit key: its template number mixed with
 * the hashes of its parts (the hashing trick), so nothing is built as a string while parsing
 * (and no closure is made per state: `extract` runs twice per word).
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
    const code = ch.charCodeAt(0);
    // ASCII by its code (the same classes the patterns give it), the rest by the patterns.
    const c = code < 128
      ? (code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch)
      : /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** The hash of word i's attribute in `arr`, or NONE for no word (i < 0). */
function at(arr: Int32Array, i: number): number {
  return i < 0 ? NONE : arr[i];
}

/** The label index of word i's arc (-1 while it has none), or -2 for no word. */
function labelAt(labels: Int32Array, i: number): number {
  return i < 0 ? -2 : labels[i];
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
  const W = h.word, P = h.pos;
  const s0h = s0 > 0 ? state.heads[s0] : -1;
  const s0h2 = s0h > 0 ? state.heads[s0h] : -1;
  const s0l = s0 > 0 ? state.leftmost[s0] : -1;
  const s0r = s0 > 0 ? state.rightmost[s0] : -1;
  const s0l2 = s0 > 0 ? state.leftmost2[s0] : -1;
  const s0r2 = s0 > 0 ? state.rightmost2[s0] : -1;
  const b0l = b0 > 0 ? state.leftmost[b0] : -1;
  const b0l2 = b0 > 0 ? state.leftmost2[b0] : -1;
  const labels = state.labels;

  const s0w = at(W, s0), s0p = at(P, s0), b0w = at(W, b0), b0p = at(P, b0);
  const b1w = at(W, b1), b1p = at(P, b1), b2w = at(W, b2), b2p = at(P, b2);
  const s1w = at(W, s1), s1p = at(P, s1);
  const dist = s0 >= 0 && b0 > 0 ? Math.min(b0 - s0, 5) + (b0 - s0 > 10 ? 5 : 0) : -1;
  const s0vl = s0 > 0 ? state.leftCount[s0] : -1, s0vr = s0 > 0 ? state.rightCount[s0] : -1;
  const b0vl = b0 > 0 ? state.leftCount[b0] : -1;

  let k = 0;
  // single words
  out[k++] = mix(1, s0w); out[k++] = mix(2, s0p); out[k++] = mix(mix(3, s0w), s0p);
  out[k++] = mix(4, b0w); out[k++] = mix(5, b0p); out[k++] = mix(mix(6, b0w), b0p);
  out[k++] = mix(7, b1w); out[k++] = mix(8, b1p); out[k++] = mix(mix(9, b1w), b1p);
  out[k++] = mix(10, b2w); out[k++] = mix(11, b2p);
  out[k++] = mix(12, s1w); out[k++] = mix(13, s1p);
  out[k++] = mix(14, at(h.suffix, s0)); out[k++] = mix(15, at(h.suffix, b0)); out[k++] = mix(16, at(h.lemma, s0)); out[k++] = mix(17, at(h.lemma, b0));
  // pairs
  out[k++] = mix(mix(mix(20, s0w), s0p), b0w ^ b0p); out[k++] = mix(mix(mix(21, s0w), s0p), b0w); out[k++] = mix(mix(mix(22, s0w), b0w), b0p); out[k++] = mix(mix(mix(23, s0w), s0p), b0p);
  out[k++] = mix(mix(mix(24, s0p), b0w), b0p); out[k++] = mix(mix(25, s0w), b0w); out[k++] = mix(mix(26, s0p), b0p); out[k++] = mix(mix(27, b0p), b1p);
  out[k++] = mix(mix(28, at(h.lemma, s0)), at(h.lemma, b0)); out[k++] = mix(mix(29, s1p), s0p); out[k++] = mix(mix(30, s1w), b0w);
  // triples of tags
  out[k++] = mix(mix(mix(31, b0p), b1p), b2p); out[k++] = mix(mix(mix(32, s0p), b0p), b1p); out[k++] = mix(mix(mix(33, at(P, s0h)), s0p), b0p);
  out[k++] = mix(mix(mix(34, s0p), at(P, s0l)), b0p); out[k++] = mix(mix(mix(35, s0p), at(P, s0r)), b0p); out[k++] = mix(mix(mix(36, s0p), b0p), at(P, b0l));
  out[k++] = mix(mix(mix(37, s1p), s0p), b0p); out[k++] = mix(mix(mix(38, s0p), b0p), at(P, s1 >= 0 && state.depth > 2 ? state.stackAt(2) : -1));
  // distance
  out[k++] = mix(mix(40, s0w), dist); out[k++] = mix(mix(41, s0p), dist); out[k++] = mix(mix(42, b0w), dist); out[k++] = mix(mix(43, b0p), dist); out[k++] = mix(mix(mix(44, s0w), b0w), dist); out[k++] = mix(mix(mix(45, s0p), b0p), dist);
  // valency
  out[k++] = mix(mix(46, s0w), s0vr); out[k++] = mix(mix(47, s0p), s0vr); out[k++] = mix(mix(48, s0w), s0vl); out[k++] = mix(mix(49, s0p), s0vl); out[k++] = mix(mix(50, b0w), b0vl); out[k++] = mix(mix(51, b0p), b0vl);
  // head and children: words, tags, labels
  out[k++] = mix(52, at(W, s0h)); out[k++] = mix(53, at(P, s0h)); out[k++] = mix(54, labelAt(labels, s0));
  out[k++] = mix(55, at(W, s0l)); out[k++] = mix(56, at(P, s0l)); out[k++] = mix(57, labelAt(labels, s0l));
  out[k++] = mix(58, at(W, s0r)); out[k++] = mix(59, at(P, s0r)); out[k++] = mix(60, labelAt(labels, s0r));
  out[k++] = mix(61, at(W, b0l)); out[k++] = mix(62, at(P, b0l)); out[k++] = mix(63, labelAt(labels, b0l));
  // second order
  out[k++] = mix(64, at(W, s0h2)); out[k++] = mix(65, at(P, s0h2)); out[k++] = mix(66, labelAt(labels, s0h));
  out[k++] = mix(67, at(W, s0l2)); out[k++] = mix(68, at(P, s0l2)); out[k++] = mix(69, labelAt(labels, s0l2));
  out[k++] = mix(70, at(W, s0r2)); out[k++] = mix(71, at(P, s0r2)); out[k++] = mix(72, labelAt(labels, s0r2));
  out[k++] = mix(73, at(W, b0l2)); out[k++] = mix(74, at(P, b0l2)); out[k++] = mix(75, labelAt(labels, b0l2));
  out[k++] = mix(mix(mix(76, s0p), at(P, s0l)), at(P, s0l2)); out[k++] = mix(mix(mix(77, s0p), at(P, s0r)), at(P, s0r2));
  out[k++] = mix(mix(mix(78, s0p), at(P, s0h)), at(P, s0h2)); out[k++] = mix(mix(mix(79, b0p), at(P, b0l)), at(P, b0l2));
  // label pairs with the top and front
  out[k++] = mix(mix(mix(80, s0p), labelAt(labels, s0l)), labelAt(labels, s0r)); out[k++] = mix(mix(mix(81, b0p), labelAt(labels, b0l)), labelAt(labels, b0l2));
  // shapes and lemmas across the top and front, for when the POS tag misleads
  const S = h.shape, M = h.lemma;
  out[k++] = mix(82, at(S, s0)); out[k++] = mix(83, at(S, b0)); out[k++] = mix(mix(84, at(S, s0)), at(S, b0)); out[k++] = mix(85, at(h.suffix, b1));
  out[k++] = mix(mix(86, at(M, b0)), s0p); out[k++] = mix(mix(87, at(M, s0)), b0p); out[k++] = mix(88, at(M, b1)); out[k++] = mix(mix(89, s0p), at(M, b1));
  out[k++] = mix(mix(mix(90, at(S, b0)), b0p), at(S, b1));
  return k;
}

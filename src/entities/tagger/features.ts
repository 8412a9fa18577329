/**
 * Feature extraction for the tagger. Static features depend only on the words
 * (computed once per sentence); history features add the tags already chosen
 * to the left (computed at each decoding step). Every feature is a 32-bit key:
 * a template's hash mixed with the hashes of the word forms it looks at (see
 * hash.ts), so no strings are built per feature.
 *
 * Templates: the word's normal form and the forms two to each side; the two
 * bigrams with the word; the word's shape and short shape and those of its
 * neighbours, alone and paired; prefixes and suffixes of 1–4 letters; sentence
 * start, headline (all capitals), capitalisation of the neighbourhood; the
 * parts of a hyphenated word and whether it opens with an Arabic particle
 * (al-, Abu-, bin-); and the knowledge features of lexicon-features.ts for the
 * word (and the single-word ones of its neighbours).
 */
import { hashString, hashStep, HASH_START, mix } from './hash.js';
import { lexiconExtrasOf, ownFacts } from './lexicon-features.js';
import { isCapitalised, isCapsSentence } from './shape.js';
import { CASE_UNKNOWN, type CaseTable } from './case-stats.js';
import { clusterOf, type ClusterTable } from './clusters.js';
import { TAG_COUNT } from './tags.js';
import { WORD_MEMO_LIMIT } from '../../util/memo.js';

/** A sentence prepared for tagging: per word the form and shape keys, and static features. */
export interface PreparedSentence {
  words: readonly string[];
  /** Hash of each word's normal form (lower case; numbers by shape). */
  forms: Int32Array;
  /** Hash of each word's short shape. */
  shapes: Int32Array;
  staticFeatures: Int32Array[];
}

/** Options for which knowledge the features use (tests turn the lexicon off). */
export interface FeatureOptions {
  lexicon: boolean;
  /** How words are usually written in plain news (case-stats.ts); null or absent: no such features. */
  caseTable?: CaseTable | null;
  /** Word clusters learned from unlabelled text (clusters.ts); null or absent: no such features. */
  clusters?: ClusterTable | null;
  /** Decode whole sentences exactly (viterbi.ts) instead of greedily; the model is trained so. */
  viterbi?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { lexicon: true };

const T = (name: string): number => hashString('#' + name);
const T_BIAS = T('bias');
const T_W = T('w'), T_WM1 = T('w-1'), T_WM2 = T('w-2'), T_WP1 = T('w+1'), T_WP2 = T('w+2');
const T_BIGRAM_L = T('w-1w'), T_BIGRAM_R = T('ww+1');
const T_SHAPE = T('s'), T_SS = T('ss'), T_SSM1 = T('ss-1'), T_SSP1 = T('ss+1');
const T_SSL = T('ss-1ss'), T_SSR = T('ssss+1'), T_WSS = T('w-1ss'), T_SSW = T('ssw+1');
const T_PREFIX = [T('p1'), T('p2'), T('p3'), T('p4')];
const T_SUFFIX = [T('x1'), T('x2'), T('x3'), T('x4')];
const T_FIRST = T('first'), T_HEADLINE = T('hd'), T_HEADLINE_W = T('hdw'), T_CAPS = T('cap');
const T_HYPHEN_HEAD = T('hy0'), T_HYPHEN_LAST = T('hyL'), T_ARABIC = T('arab');
const T_LEX_PREV = T('L-1'), T_LEX_NEXT = T('L+1');
const T_T1 = T('t1'), T_T2T1 = T('t2t1'), T_T1W = T('t1w'), T_T1SS = T('t1ss');
const T_CASE = T('case'), T_CASE_M1 = T('case-1'), T_CASE_P1 = T('case+1'), T_CASE_W = T('casess');
const T_CL = [T('c4'), T('c8'), T('c12'), T('cF')], T_CL_M1 = T('c-1'), T_CL_P1 = T('c+1');
const CLUSTER_PREFIXES = [4, 8, 12, 99];
const T_YEAR = T('!YEAR'), T_DIGITS = T('!DIG');
const EDGE_LEFT = hashString('<s>'), EDGE_RIGHT = hashString('</s>');

/** Arabic and Persian particles written with a hyphen before a name ("al-Muhandis"). */
const ARABIC_PARTICLE = new Set(['al', 'el', 'ad', 'ash', 'as', 'at', 'az', 'ar', 'an', 'abd', 'abu', 'bin', 'ibn', 'bint']);

/** Shape class of a character: X upper, x lower, d digit, else the character itself. */
function shapeCode(c: number, ch: string): number {
  if (c >= 48 && c <= 57) return 100; // d
  if (ch !== ch.toLowerCase()) return 88; // X
  if (ch !== ch.toUpperCase()) return 120; // x
  return c;
}

/** Hashes of a word's shape (first 12 characters) and its short shape (repeats collapsed). */
function shapeHashes(word: string): [number, number, boolean] {
  let full = HASH_START;
  let short = HASH_START;
  let last = -1;
  let digit = false;
  const n = Math.min(word.length, 12);
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const s = shapeCode(code, word[i]);
    if (s === 100) digit = true;
    if (i < n) full = hashStep(full, s);
    if (s !== last) { short = hashStep(short, s); last = s; }
  }
  if (word.length > n) full = hashStep(full, 126);
  return [full, short, digit];
}

/** What the features need of a word on its own, whatever its neighbours. */
export interface WordInfo {
  lower: string;
  form: number;
  full: number;
  short: number;
  caps: boolean;
  /** hashString of the word as written and in lower case (the knowledge features' run keys). */
  hash: number;
  lowerHash: number;
  /** Prefix and suffix feature keys, then the hyphen-part keys. */
  affixes: Int32Array;
  /** The case class of the word in `clsTable` (computed on first use per table). */
  cls: number;
  clsTable: CaseTable | null;
}

/**
 * A map that holds at most about 2 × `limit` entries: when the newer half
 * fills, the older half is dropped and the newer becomes the older. Entries
 * looked up in the older half move to the newer, so what recurs stays.
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

const WORD_CACHE_LIMIT = WORD_MEMO_LIMIT;
/** Per word form: names and common words recur through a corpus. */
const wordInfos = new BoundedCache<WordInfo>(WORD_CACHE_LIMIT);

export function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (info === undefined) { info = makeWordInfo(word); wordInfos.set(word, info); }
  return info;
}

/** A word's WordInfo, made afresh (wordInfo caches it; the fast tagger keeps its own cache). */
export function makeWordInfo(word: string): WordInfo {
  const lw = word.toLowerCase();
  const [f, s, digit] = shapeHashes(word);
  const lowerHash = hashString(lw);
  // Numbers are known by shape, so "1996" and "2023" share weights.
  const form = !digit ? lowerHash : /^\d{4}$/.test(lw) ? T_YEAR : mix(T_DIGITS, s);
  const m = Math.min(4, lw.length);
  const keys: number[] = [];
  let p = HASH_START;
  let x = HASH_START;
  for (let k = 0; k < m; k++) {
    p = hashStep(p, lw.charCodeAt(k));
    x = hashStep(x, lw.charCodeAt(lw.length - 1 - k));
    keys.push(mix(T_PREFIX[k], p), mix(T_SUFFIX[k], x));
  }
  const dash = lw.indexOf('-');
  if (dash > 0 && dash < lw.length - 1) {
    const head = lw.slice(0, dash);
    keys.push(mix(T_HYPHEN_HEAD, hashString(head)), mix(T_HYPHEN_LAST, hashString(lw.slice(lw.lastIndexOf('-') + 1))));
    if (ARABIC_PARTICLE.has(head)) keys.push(T_ARABIC);
  }
  return { lower: lw, form, full: f, short: s, caps: isCapitalised(word), hash: hashString(word), lowerHash, affixes: Int32Array.from(keys), cls: CASE_UNKNOWN, clsTable: null };
}

const clusterCaches = new WeakMap<ClusterTable, BoundedCache<Int32Array>>();

/** Hashes of a word's cluster path cut at 4, 8, 12 and in full; 0 where the path is shorter or unknown. */
function clusterKeys(table: ClusterTable, word: string): Int32Array {
  let cache = clusterCaches.get(table);
  if (!cache) { cache = new BoundedCache(WORD_CACHE_LIMIT); clusterCaches.set(table, cache); }
  let keys = cache.get(word);
  if (keys !== undefined) return keys;
  const path = clusterOf(table, word);
  keys = new Int32Array(4);
  if (path === '') keys[1] = hashString('?');
  CLUSTER_PREFIXES.forEach((len, k) => {
    if (path.length >= len || (k === 3 && path !== '')) keys![k] = hashString(path.slice(0, len));
  });
  cache.set(word, keys);
  return keys;
}

/** A word's case class (case-stats.ts), or CASE_UNKNOWN. */
function caseClass(options: FeatureOptions, info: WordInfo): number {
  const table = options.caseTable;
  if (!table) return CASE_UNKNOWN;
  if (info.clsTable !== table) { info.cls = table.get(info.lower) ?? CASE_UNKNOWN; info.clsTable = table; }
  return info.cls;
}

/**
 * Keys of the features of word `word` that depend on nothing else: the word,
 * its shapes, affixes and hyphen parts, its usual case with its shape, its
 * cluster, and its own knowledge facts (and the bias). Appended to `out`.
 */
export function localKeys(word: string, info: WordInfo, options: FeatureOptions, out: number[]): void {
  const ss = info.short;
  out.push(T_BIAS, mix(T_W, info.form), mix(T_SHAPE, info.full), mix(T_SS, ss));
  const ax = info.affixes;
  for (let k = 0; k < ax.length; k++) out.push(ax[k]);
  if (options.caseTable) out.push(mix(mix(T_CASE_W, caseClass(options, info)), ss));
  if (options.clusters) {
    const c = clusterKeys(options.clusters, word);
    for (let k = 0; k < 4; k++) if (c[k] !== 0) out.push(mix(T_CL[k], c[k]));
  }
  if (options.lexicon) for (const k of ownFacts(word)) out.push(k);
}

/** Neighbour positions whose features depend on the neighbour alone. */
export const ROLES: readonly number[] = [-2, -1, 1, 2];

/**
 * Keys of the features a word gives the word `role` places after it (-2, -1:
 * it stands before that word; 1, 2: after). `word` null: the sentence edge.
 */
export function neighbourKeys(role: number, word: string | null, info: WordInfo | null, options: FeatureOptions, out: number[]): void {
  const edge = role < 0 ? EDGE_LEFT : EDGE_RIGHT;
  const form = info ? info.form : edge;
  if (role === -2) { out.push(mix(T_WM2, form)); return; }
  if (role === 2) { out.push(mix(T_WP2, form)); return; }
  const before = role === -1;
  out.push(mix(before ? T_WM1 : T_WP1, form), mix(before ? T_SSM1 : T_SSP1, info ? info.short : edge));
  if (options.clusters) out.push(mix(before ? T_CL_M1 : T_CL_P1, word !== null ? clusterKeys(options.clusters, word)[1] : edge));
  if (options.lexicon && word !== null) for (const k of ownFacts(word)) out.push(mix(before ? T_LEX_PREV : T_LEX_NEXT, k));
}

/** A sentence's words with what the features of word pairs and positions need. */
export interface SentenceContext {
  words: readonly string[];
  infos: WordInfo[];
  forms: Int32Array;
  shapes: Int32Array;
  caps: Uint8Array;
  cls: Int32Array;
  headline: boolean;
  /** Knowledge features from neighbours and covering names (lexicon-features.ts), or null. */
  extras: (readonly number[])[] | null;
  options: FeatureOptions;
}

export function sentenceContext(words: readonly string[], options: FeatureOptions, known?: readonly WordInfo[]): SentenceContext {
  const n = words.length;
  const infos: WordInfo[] = known ? known as WordInfo[] : new Array(n);
  const forms = new Int32Array(n);
  const shapes = new Int32Array(n);
  const caps = new Uint8Array(n);
  const cls = new Int32Array(n);
  const hashes = new Int32Array(n);
  const lowerHashes = new Int32Array(n);
  const lower: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const info = known ? known[i] : wordInfo(words[i]);
    infos[i] = info;
    forms[i] = info.form;
    shapes[i] = info.short;
    caps[i] = info.caps ? 1 : 0;
    hashes[i] = info.hash;
    lowerHashes[i] = info.lowerHash;
    lower[i] = info.lower;
    cls[i] = options.caseTable ? caseClass(options, info) : 0;
  }
  const extras = options.lexicon ? lexiconExtrasOf(words, lower, caps, hashes, lowerHashes) : null;
  return { words, infos, forms, shapes, caps, cls, headline: isCapsSentence(words), extras, options };
}

/**
 * Keys of the features of word i that depend on it with a neighbour, on its
 * position or on the whole sentence: bigrams, shape pairs, sentence start,
 * headline, capitalisation around it, its case here, and knowledge from
 * names that cover it. Written into `out` from 0; returns the count.
 */
export function pairKeys(s: SentenceContext, i: number, out: Int32Array): number {
  const n = s.words.length;
  const forms = s.forms;
  const shapes = s.shapes;
  const caps = s.caps;
  const w = forms[i];
  const ss = shapes[i];
  const fl = i > 0 ? forms[i - 1] : EDGE_LEFT;
  const fr = i + 1 < n ? forms[i + 1] : EDGE_RIGHT;
  const sl = i > 0 ? shapes[i - 1] : EDGE_LEFT;
  const sr = i + 1 < n ? shapes[i + 1] : EDGE_RIGHT;
  let c = 0;
  out[c++] = mix(mix(T_BIGRAM_L, fl), w);
  out[c++] = mix(mix(T_BIGRAM_R, w), fr);
  out[c++] = mix(mix(T_SSL, sl), ss);
  out[c++] = mix(mix(T_SSR, ss), sr);
  out[c++] = mix(mix(T_WSS, fl), ss);
  out[c++] = mix(mix(T_SSW, ss), fr);
  if (i === 0) out[c++] = mix(T_FIRST, ss);
  if (s.headline) { out[c++] = mix(T_HEADLINE, ss); out[c++] = mix(T_HEADLINE_W, w); }
  const capPattern = (caps[i] ? 4 : 0) + (i > 0 && caps[i - 1] ? 2 : 0) + (i + 1 < n && caps[i + 1] ? 1 : 0);
  out[c++] = mix(T_CAPS, capPattern);
  if (s.options.caseTable) {
    // The word's usual case, with how it is written here and whether it opens the sentence.
    const cls = s.cls;
    const here = (caps[i] ? 2 : 0) + (i === 0 ? 1 : 0);
    out[c++] = mix(mix(T_CASE, cls[i]), here);
    out[c++] = mix(mix(T_CASE_M1, i > 0 ? cls[i - 1] : -1), caps[i] ? 1 : 0);
    out[c++] = mix(mix(T_CASE_P1, i + 1 < n ? cls[i + 1] : -1), caps[i] ? 1 : 0);
  }
  if (s.extras) for (const k of s.extras[i]) { if (c >= out.length) break; out[c++] = k; }
  return c;
}

/** Room for the pair keys of one word (knowledge features beyond this are dropped). */
export const MAX_PAIR_KEYS = 48;

/** Prepare a sentence: form and shape keys and all static features of every word. */
export function prepareSentence(
  words: readonly string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): PreparedSentence {
  const n = words.length;
  const s = sentenceContext(words, options);
  const staticFeatures: Int32Array[] = [];
  const f: number[] = [];
  const pair = new Int32Array(MAX_PAIR_KEYS);
  for (let i = 0; i < n; i++) {
    f.length = 0;
    localKeys(words[i], s.infos[i], options, f);
    for (const role of ROLES) {
      const k = i + role;
      const inside = k >= 0 && k < n;
      neighbourKeys(role, inside ? words[k] : null, inside ? s.infos[k] : null, options, f);
    }
    const c = pairKeys(s, i, pair);
    for (let k = 0; k < c; k++) f.push(pair[k]);
    staticFeatures.push(Int32Array.from(f));
  }
  return { words, forms: s.forms, shapes: s.shapes, staticFeatures };
}

/** Per previous tag + 1: the template hash of the tag alone, and mixed for the tag-and-word and tag-and-shape features. */
const TAG_KEYS = Array.from({ length: TAG_COUNT + 1 }, (_, t) => mix(T_T1, t));
const TAG_WORD_KEYS = Array.from({ length: TAG_COUNT + 1 }, (_, t) => mix(T_T1W, t));
const TAG_SHAPE_KEYS = Array.from({ length: TAG_COUNT + 1 }, (_, t) => mix(T_T1SS, t));

/** Key of the feature of previous tag t1 (-1: sentence start) with the word form `form`. */
export function tagWordKey(t1: number, form: number): number {
  return mix(TAG_WORD_KEYS[t1 + 1], form);
}

/** Key of the feature of previous tag t1 with the short shape `shape`. */
export function tagShapeKey(t1: number, shape: number): number {
  return mix(TAG_SHAPE_KEYS[t1 + 1], shape);
}

/**
 * Keys of the features of the tags already chosen to the left of word i, into
 * `out` (length 4). Tags are indices into TAGS; -1 stands for the sentence start.
 */
export function historyKeys(s: PreparedSentence, i: number, t1: number, t2: number, out: Int32Array): Int32Array {
  out[0] = TAG_KEYS[t1 + 1];
  out[1] = mix(mix(T_T2T1, t2 + 1), t1 + 1);
  out[2] = tagWordKey(t1, s.forms[i]);
  out[3] = tagShapeKey(t1, s.shapes[i]);
  return out;
}

export const HISTORY_FEATURES = 4;
/** Which history key holds the word form (historyKeys). */
export const HISTORY_WORD_SLOT = 2;
/** Positions in a word's static features of those built on its own form: the word and its two bigrams. */
export const WORD_FORM_SLOTS: readonly number[] = [1, 6, 7];

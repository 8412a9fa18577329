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
import { lexiconKeys } from './lexicon-features.js';
import { isCapitalised, isCapsSentence } from './shape.js';
import { CASE_UNKNOWN, type CaseTable } from './case-stats.js';

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
interface WordInfo {
  lower: string;
  form: number;
  full: number;
  short: number;
  caps: boolean;
  /** Prefix and suffix feature keys. */
  affixes: Int32Array;
}

const WORD_CACHE_LIMIT = 300_000;
/** Per word form, for the life of the process: names and common words recur through a corpus. */
const wordInfos = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (info !== undefined) return info;
  const lw = word.toLowerCase();
  const [f, s, digit] = shapeHashes(word);
  // Numbers are known by shape, so "1996" and "2023" share weights.
  const form = !digit ? hashString(lw) : /^\d{4}$/.test(lw) ? T_YEAR : mix(T_DIGITS, s);
  const m = Math.min(4, lw.length);
  const affixes = new Int32Array(2 * m);
  let p = HASH_START;
  let x = HASH_START;
  for (let k = 0; k < m; k++) {
    p = hashStep(p, lw.charCodeAt(k));
    x = hashStep(x, lw.charCodeAt(lw.length - 1 - k));
    affixes[2 * k] = mix(T_PREFIX[k], p);
    affixes[2 * k + 1] = mix(T_SUFFIX[k], x);
  }
  info = { lower: lw, form, full: f, short: s, caps: isCapitalised(word), affixes };
  if (wordInfos.size >= WORD_CACHE_LIMIT) wordInfos.clear();
  wordInfos.set(word, info);
  return info;
}

/** Prepare a sentence: form and shape keys and all static features of every word. */
export function prepareSentence(
  words: readonly string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): PreparedSentence {
  const n = words.length;
  const lower: string[] = new Array(n);
  const forms = new Int32Array(n);
  const full = new Int32Array(n);
  const shapes = new Int32Array(n);
  const caps: boolean[] = new Array(n);
  const affixes: Int32Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const info = wordInfo(words[i]);
    lower[i] = info.lower;
    forms[i] = info.form;
    full[i] = info.full;
    shapes[i] = info.short;
    caps[i] = info.caps;
    affixes[i] = info.affixes;
  }
  const headline = isCapsSentence(words);
  const table = options.caseTable;
  const cls = new Int32Array(n);
  if (table) for (let i = 0; i < n; i++) cls[i] = table.get(lower[i]) ?? CASE_UNKNOWN;
  const lex = options.lexicon ? lexiconKeys(words, lower) : null;
  const form = (k: number): number => (k < 0 ? EDGE_LEFT : k >= n ? EDGE_RIGHT : forms[k]);
  const shape = (k: number): number => (k < 0 ? EDGE_LEFT : k >= n ? EDGE_RIGHT : shapes[k]);
  const staticFeatures: Int32Array[] = [];
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    f.length = 0;
    const w = forms[i];
    const ss = shapes[i];
    f.push(
      T_BIAS,
      mix(T_W, w), mix(T_WM1, form(i - 1)), mix(T_WM2, form(i - 2)), mix(T_WP1, form(i + 1)), mix(T_WP2, form(i + 2)),
      mix(mix(T_BIGRAM_L, form(i - 1)), w), mix(mix(T_BIGRAM_R, w), form(i + 1)),
      mix(T_SHAPE, full[i]), mix(T_SS, ss), mix(T_SSM1, shape(i - 1)), mix(T_SSP1, shape(i + 1)),
      mix(mix(T_SSL, shape(i - 1)), ss), mix(mix(T_SSR, ss), shape(i + 1)),
      mix(mix(T_WSS, form(i - 1)), ss), mix(mix(T_SSW, ss), form(i + 1)),
    );
    const lw = lower[i];
    const ax = affixes[i];
    for (let k = 0; k < ax.length; k++) f.push(ax[k]);
    if (i === 0) f.push(mix(T_FIRST, ss));
    if (headline) f.push(mix(T_HEADLINE, ss), mix(T_HEADLINE_W, w));
    const capPattern = (caps[i] ? 4 : 0) + (i > 0 && caps[i - 1] ? 2 : 0) + (i + 1 < n && caps[i + 1] ? 1 : 0);
    f.push(mix(T_CAPS, capPattern));
    const dash = lw.indexOf('-');
    if (dash > 0 && dash < lw.length - 1) {
      const head = lw.slice(0, dash);
      f.push(mix(T_HYPHEN_HEAD, hashString(head)), mix(T_HYPHEN_LAST, hashString(lw.slice(lw.lastIndexOf('-') + 1))));
      if (ARABIC_PARTICLE.has(head)) f.push(T_ARABIC);
    }
    if (table) {
      // The word's usual case, with how it is written here and whether it opens the sentence.
      const here = (caps[i] ? 2 : 0) + (i === 0 ? 1 : 0);
      f.push(
        mix(mix(T_CASE, cls[i]), here), mix(mix(T_CASE_W, cls[i]), ss),
        mix(mix(T_CASE_M1, i > 0 ? cls[i - 1] : -1), caps[i] ? 1 : 0),
        mix(mix(T_CASE_P1, i + 1 < n ? cls[i + 1] : -1), caps[i] ? 1 : 0),
      );
    }
    if (lex) {
      const [all, own] = lex;
      for (const k of all[i]) f.push(k);
      if (i > 0) for (const k of own[i - 1]) f.push(mix(T_LEX_PREV, k));
      if (i + 1 < n) for (const k of own[i + 1]) f.push(mix(T_LEX_NEXT, k));
    }
    staticFeatures.push(Int32Array.from(f));
  }
  return { words, forms, shapes, staticFeatures };
}

/**
 * Keys of the features of the tags already chosen to the left of word i, into
 * `out` (length 4). Tags are indices into TAGS; -1 stands for the sentence start.
 */
export function historyKeys(s: PreparedSentence, i: number, t1: number, t2: number, out: Int32Array): Int32Array {
  out[0] = mix(T_T1, t1 + 1);
  out[1] = mix(mix(T_T2T1, t2 + 1), t1 + 1);
  out[2] = mix(mix(T_T1W, t1 + 1), s.forms[i]);
  out[3] = mix(mix(T_T1SS, t1 + 1), s.shapes[i]);
  return out;
}

export const HISTORY_FEATURES = 4;

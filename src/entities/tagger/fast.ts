/**
 * Fast decoding for a shipped model, with exactly the tags of
 * `exactDecode(model, prepareSentence(words))` (or `greedyDecode` for a model
 * trained greedily). Exact decoding needs the scores of every word with every
 * previous tag, which the per-word vectors below give at once.
 *
 * Scores are sums of integer weights (model.ts), so they can be added up in
 * any grouping. Most of a word's features depend on one word alone: its own
 * (localKeys) and those it gives its neighbours (neighbourKeys). Per word
 * type, the summed weights of each group are kept in a small vector of 9
 * integers, so a word seen before costs a few vector additions instead of
 * forty hash lookups; only the features of word pairs and positions
 * (pairKeys) are looked up per token. The history features are vectors too:
 * per previous two tags, and per word type and previous tag (the tag with the
 * word's form and with its shape, added into the word's vector).
 *
 * The cache is bounded (features.ts `BoundedCache`), so a long run over many
 * documents does not grow without end.
 */
import {
  BoundedCache, HISTORY_FEATURES, historyKeys, localKeys, makeWordInfo, MAX_PAIR_KEYS, neighbourKeys, pairKeys, ROLES,
  sentenceContext, tagShapeKey, tagWordKey, type PreparedSentence, type SentenceContext, type WordInfo,
} from './features.js';
import type { TaggerModel } from './model.js';
import { allowedAfter, TAG_COUNT } from './tags.js';
import { viterbiDecode } from './viterbi.js';
import { WORD_MEMO_LIMIT } from '../../util/memo.js';

const C = TAG_COUNT;
/**
 * Layout of a word's vector: local, then roles -2, -1, +1, +2, then per previous tag (-1…8) the
 * tag-and-word and tag-and-shape weights together (both depend on the word type alone).
 */
const LOCAL = 0;
const ROLE_AT = [C, 2 * C, 3 * C, 4 * C];
const T1W = 5 * C;
const ENTRY = T1W + (C + 1) * C;

/** allowed[(prev + 1) * C + next]: BIO constraint as a table. */
const ALLOWED = new Uint8Array((C + 1) * C);
for (let p = -1; p < C; p++) for (let j = 0; j < C; j++) ALLOWED[(p + 1) * C + j] = allowedAfter(p, j) ? 1 : 0;

/** Half WORD_MEMO_LIMIT: the cache keeps two generations of this many (features.ts's BoundedCache). */
const CACHE_LIMIT = WORD_MEMO_LIMIT / 2;

export class FastTagger {
  private readonly cache = new BoundedCache<{ info: WordInfo; vector: Int32Array }>(CACHE_LIMIT);
  private readonly w: Int16Array;
  /** Vectors of the sentence edges in each role. */
  private readonly edges: Int32Array;
  /** History vectors per (t2, t1): tag bigram and tag features. */
  private readonly tagHistory: Int32Array;
  /** Tag-and-shape history vectors per short shape, per previous tag. */
  private readonly shapeHistory = new Map<number, Int32Array>();
  private readonly keys: number[] = [];
  private readonly pair = new Int32Array(MAX_PAIR_KEYS);
  private readonly history = new Int32Array(HISTORY_FEATURES);
  /** Scores per word and previous tag for exact decoding, kept between sentences. */
  private local = new Int32Array(0);
  /** One word's scores before tag history (contextScores). */
  private readonly base = new Int32Array(C);
  private readonly fake: PreparedSentence = { words: [''], forms: new Int32Array(1), shapes: new Int32Array(1), staticFeatures: [] };

  constructor(readonly model: TaggerModel) {
    this.w = model.weights;
    const opts = model.header.options;
    this.edges = new Int32Array(4 * C);
    ROLES.forEach((role, r) => {
      this.keys.length = 0;
      neighbourKeys(role, null, null, opts, this.keys);
      this.addKeys(this.keys, this.edges, r * C);
    });
    this.tagHistory = new Int32Array((C + 1) * (C + 1) * C);
    for (let t2 = -1; t2 < C; t2++) {
      for (let t1 = -1; t1 < C; t1++) {
        historyKeys(this.fake, 0, t1, t2, this.history);
        this.addKey(this.history[0], this.tagHistory, ((t2 + 1) * (C + 1) + t1 + 1) * C);
        this.addKey(this.history[1], this.tagHistory, ((t2 + 1) * (C + 1) + t1 + 1) * C);
      }
    }
  }

  private addKey(key: number, out: Int32Array, at: number): void {
    const r = this.model.rowOf(key);
    if (r < 0) return;
    const w = this.w;
    const base = r * C;
    for (let j = 0; j < C; j++) out[at + j] += w[base + j];
  }

  private addKeys(keys: ArrayLike<number>, out: Int32Array, at: number, count = keys.length): void {
    for (let k = 0; k < count; k++) this.addKey(keys[k], out, at);
  }

  /** The vector of a word type, made on first sight. */
  private entry(word: string): { info: WordInfo; vector: Int32Array } {
    const known = this.cache.get(word);
    if (known !== undefined) return known;
    // This cache keeps the word's info with its vector, so features.ts's own cache is not needed.
    const info = makeWordInfo(word);
    const e = new Int32Array(ENTRY);
    const opts = this.model.header.options;
    const keys = this.keys;
    keys.length = 0;
    localKeys(word, info, opts, keys);
    this.addKeys(keys, e, LOCAL);
    for (let r = 0; r < ROLES.length; r++) {
      keys.length = 0;
      neighbourKeys(ROLES[r], word, info, opts, keys);
      this.addKeys(keys, e, ROLE_AT[r]);
    }
    for (let t1 = -1; t1 < C; t1++) this.addKey(tagWordKey(t1, info.form), e, T1W + (t1 + 1) * C);
    const shape = this.shapeVector(info.short);
    for (let k = 0; k < (C + 1) * C; k++) e[T1W + k] += shape[k];
    const entry = { info, vector: e };
    this.cache.set(word, entry);
    return entry;
  }

  private shapeVector(shape: number): Int32Array {
    let v = this.shapeHistory.get(shape);
    if (v !== undefined) return v;
    v = new Int32Array((C + 1) * C);
    for (let t1 = -1; t1 < C; t1++) this.addKey(tagShapeKey(t1, shape), v, (t1 + 1) * C);
    if (this.shapeHistory.size < 100_000) this.shapeHistory.set(shape, v);
    return v;
  }

  /** Tag indices for one sentence of words (already in training form). */
  decode(words: readonly string[]): number[] {
    return this.model.header.options.viterbi ? this.decodeExact(words) : this.decodeGreedy(words);
  }

  /** Each word's cached score vector, and the sentence's context (shapes, pairs), for either decoder. */
  private prepare(words: readonly string[]): { entries: Int32Array[]; s: SentenceContext } {
    const n = words.length;
    const entries: Int32Array[] = new Array(n);
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) { const e = this.entry(words[i]); entries[i] = e.vector; infos[i] = e.info; }
    return { entries, s: sentenceContext(words, this.model.header.options, infos) };
  }

  /**
   * What word i scores for each tag before any tag history: its own weights, what the words two
   * before to two after give it (or the sentence edges), and the pair features. Written into `out`.
   */
  private contextScores(entries: Int32Array[], s: SentenceContext, i: number, out: Int32Array): void {
    const n = entries.length;
    const e = entries[i];
    const edges = this.edges;
    for (let j = 0; j < C; j++) out[j] = e[LOCAL + j];
    for (let r = 0; r < 4; r++) {
      const k = i + ROLES[r];
      if (k >= 0 && k < n) { const v = entries[k]; const at = ROLE_AT[r]; for (let j = 0; j < C; j++) out[j] += v[at + j]; }
      else { const at = r * C; for (let j = 0; j < C; j++) out[j] += edges[at + j]; }
    }
    const count = pairKeys(s, i, this.pair);
    this.addKeys(this.pair, out, 0, count);
  }

  /** The best tag sequence of the whole sentence (viterbi.ts). */
  private decodeExact(words: readonly string[]): number[] {
    const n = words.length;
    if (n === 0) return [];
    const { entries, s } = this.prepare(words);
    const base = this.base;
    const SC = (C + 1) * C;
    if (this.local.length < n * SC) this.local = new Int32Array(Math.max(n * SC, 2 * this.local.length));
    const local = this.local;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      this.contextScores(entries, s, i, base);
      const li = i * SC;
      for (let o = 0; o < SC; o += C) {
        const tw = T1W + o;
        for (let j = 0; j < C; j++) local[li + o + j] = base[j] + e[tw + j];
      }
    }
    return viterbiDecode(n, C, local, this.tagHistory);
  }

  private decodeGreedy(words: readonly string[]): number[] {
    const n = words.length;
    if (n === 0) return [];
    const { entries, s } = this.prepare(words);
    const tags: number[] = new Array(n);
    const scores = this.base;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      this.contextScores(entries, s, i, scores);
      const t1 = i >= 1 ? tags[i - 1] : -1;
      const t2 = i >= 2 ? tags[i - 2] : -1;
      const th = ((t2 + 1) * (C + 1) + t1 + 1) * C;
      const tw = T1W + (t1 + 1) * C;
      let best = 0;
      let bestScore = -Infinity;
      const allowed = (t1 + 1) * C;
      for (let j = 0; j < C; j++) {
        const v = scores[j] + this.tagHistory[th + j] + e[tw + j];
        if (ALLOWED[allowed + j] && v > bestScore) { bestScore = v; best = j; }
      }
      tags[i] = best;
    }
    return tags;
  }
}

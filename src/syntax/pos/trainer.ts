/**
 * Training the part-of-speech tagger: an averaged perceptron, greedy left to right, each word
 * seeing the tags the model itself chose before it (as in use). A feature gets its row of weights
 * on its first update only, so the tens of thousands of features never wrong about anything cost
 * no memory. Deterministic: a fixed-seed shuffle, sums in fixed order, rows written in key order.
 */
import { seededRandom } from '../../entities/tagger/random.js';
import { MAX_POS_FEATURES, posFeatures, posSentence, type PosInput } from './features.js';
import { buildPosModel, decodeTags, type PosModel, type PosScorer } from './model.js';

export interface PosTrainingSentence {
  words: PosInput[];
  /** Gold tags, each "UPOS XPOS". */
  tags: string[];
}

export interface PosTrainOptions {
  epochs: number;
  seed: number;
  /** Use the caller's own tag (wink-nlp's) as a feature. */
  useGiven: boolean;
  /** Averaged weights smaller than this are dropped from the shipped model. */
  minWeight: number;
}

export const DEFAULT_POS_TRAIN: PosTrainOptions = { epochs: 8, seed: 1, useGiven: true, minWeight: 0.05 };

/** A word goes in the tag dictionary when seen this often in training… */
const KNOWN_MIN_COUNT = 20;
/** …with one tag this share of the time or more. */
const KNOWN_MIN_SHARE = 0.99;

/** Words that (nearly) always take one tag in `corpus`, with that tag's index; sorted by word. */
export function knownWords(corpus: readonly PosTrainingSentence[], index: ReadonlyMap<string, number>): Array<[string, number]> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of corpus) {
    s.words.forEach((w, i) => {
      let byTag = counts.get(w.form);
      if (!byTag) counts.set(w.form, (byTag = new Map()));
      byTag.set(s.tags[i], (byTag.get(s.tags[i]) ?? 0) + 1);
    });
  }
  const out: Array<[string, number]> = [];
  for (const [word, byTag] of counts) {
    let total = 0, top = 0, topTag = '';
    for (const [tag, n] of byTag) { total += n; if (n > top || (n === top && tag < topTag)) { top = n; topTag = tag; } }
    if (total >= KNOWN_MIN_COUNT && top / total >= KNOWN_MIN_SHARE) out.push([word, index.get(topTag)!]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Weights and their running sums (for averaging), one row per updated feature. */
class SparseAveraged implements PosScorer {
  readonly rows = new Map<number, number>();
  readonly known: Map<string, number>;
  readonly keys: number[] = [];
  weights: Float64Array;
  sums: Float64Array;
  step = 1;
  constructor(readonly tagCount: number, readonly useGiven: boolean, known: Array<[string, number]>) {
    this.known = new Map(known);
    this.weights = new Float64Array(4096 * tagCount);
    this.sums = new Float64Array(4096 * tagCount);
  }
  knownTag(form: string): number | undefined {
    return this.known.get(form);
  }
  addFeature(key: number, scores: Float64Array): void {
    const r = this.rows.get(key);
    if (r === undefined) return;
    const base = r * this.tagCount;
    for (let t = 0; t < this.tagCount; t++) scores[t] += this.weights[base + t];
  }
  private rowOf(key: number): number {
    let r = this.rows.get(key);
    if (r === undefined) {
      r = this.keys.length;
      this.rows.set(key, r);
      this.keys.push(key);
      if ((r + 1) * this.tagCount > this.weights.length) {
        const grow = (a: Float64Array) => { const b = new Float64Array(a.length * 2); b.set(a); return b; };
        this.weights = grow(this.weights);
        this.sums = grow(this.sums);
      }
    }
    return r;
  }
  update(feats: Int32Array, count: number, good: number, bad: number): void {
    for (let f = 0; f < count; f++) {
      const base = this.rowOf(feats[f]) * this.tagCount;
      this.weights[base + good] += 1; this.sums[base + good] += this.step;
      this.weights[base + bad] -= 1; this.sums[base + bad] -= this.step;
    }
  }
  averaged(): Float64Array {
    const n = this.keys.length * this.tagCount;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.weights[i] - this.sums[i] / this.step;
    return out;
  }
}

export function trainPosTagger(corpus: readonly PosTrainingSentence[], opts: PosTrainOptions = DEFAULT_POS_TRAIN, log: (line: string) => void = () => {}): PosModel {
  const tagSet = new Set<string>();
  for (const s of corpus) for (const t of s.tags) tagSet.add(t);
  const tags = [...tagSet].sort();
  const index = new Map(tags.map((t, i) => [t, i]));
  const known = knownWords(corpus, index);
  const prepared = corpus.map((s) => ({ words: s.words, s: posSentence(s.words), gold: s.tags.map((t) => index.get(t)!) }));
  const model = new SparseAveraged(tags.length, opts.useGiven, known);
  const rand = seededRandom(opts.seed);
  const order = prepared.map((_, i) => i);
  const feats = new Int32Array(MAX_POS_FEATURES);
  const scores = new Float64Array(tags.length);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let words = 0, right = 0;
    for (const oi of order) {
      const { words: ws, s, gold } = prepared[oi];
      let p1 = -1, p2 = -1;
      for (let i = 0; i < s.n; i++) {
        const knownTag = model.knownTag(ws[i].form);
        if (knownTag !== undefined) { p2 = p1; p1 = knownTag; continue; }
        const count = posFeatures(s, i, p1, p2, opts.useGiven, feats);
        scores.fill(0);
        for (let f = 0; f < count; f++) model.addFeature(feats[f], scores);
        let best = 0;
        for (let t = 1; t < tags.length; t++) if (scores[t] > scores[best]) best = t;
        if (best !== gold[i]) model.update(feats, count, gold[i], best); else right++;
        model.step++;
        words++;
        p2 = p1; p1 = best;
      }
    }
    log(`POS epoch ${epoch}: words scored ${words}, right ${(right / words).toFixed(4)}, ${model.keys.length} features`);
  }
  return buildPosModel(
    { tags, useGiven: opts.useGiven, known, trained: { epochs: opts.epochs, seed: opts.seed, minWeight: opts.minWeight, sentences: corpus.length } },
    model.keys, model.averaged(), opts.minWeight);
}

/** Share of words whose "UPOS XPOS" tag (or UPOS alone) the model gets right. */
export function posAccuracy(model: PosModel, corpus: readonly PosTrainingSentence[]): { joint: number; upos: number; xpos: number } {
  let words = 0, joint = 0, upos = 0, xpos = 0;
  for (const s of corpus) {
    const out = decodeTags(model, s.words).map((t) => model.header.tags[t]);
    s.tags.forEach((g, i) => {
      words++;
      const [gu, gx] = g.split(' ');
      const [pu, px] = out[i].split(' ');
      if (g === out[i]) joint++;
      if (gu === pu) upos++;
      if (gx === px) xpos++;
    });
  }
  return { joint: joint / words, upos: upos / words, xpos: xpos / words };
}

/**
 * Tags for every training sentence from a tagger that never saw it (jackknifing): the corpus is
 * cut into `folds` parts by position (sentence i goes to part i mod folds) and each part is
 * tagged by a model trained on the others, so the parser learns from tags as wrong as in use.
 */
export function jackknifeTags(corpus: readonly PosTrainingSentence[], folds: number, opts: PosTrainOptions, log: (line: string) => void = () => {}): string[][] {
  const out: string[][] = new Array(corpus.length);
  for (let k = 0; k < folds; k++) {
    const rest = corpus.filter((_, i) => i % folds !== k);
    const model = trainPosTagger(rest, opts);
    let words = 0, right = 0;
    corpus.forEach((s, i) => {
      if (i % folds !== k) return;
      out[i] = decodeTags(model, s.words).map((t) => model.header.tags[t]);
      out[i].forEach((t, j) => { words++; if (t === s.tags[j]) right++; });
    });
    log(`POS fold ${k + 1} of ${folds}: ${rest.length} sentences to train, held-out tags right ${(right / words).toFixed(4)}`);
  }
  return out;
}

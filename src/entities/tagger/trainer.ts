/**
 * Training the tagger, averaged weights at the end. Exact (the shipped model,
 * `features.viterbi`): a structured perceptron, each sentence decoded whole
 * with second-order Viterbi and the features of the gold and the predicted
 * sequence updated where they differ. Greedy: decoding with the model's own
 * earlier tags as history, a perceptron update at each wrong tag.
 * Deterministic: sentences are shuffled with a seeded generator, features are
 * numbered in order of first appearance, and nothing depends on time or on
 * Map iteration of anything but insertion order.
 */
import type { TaggedSentence } from './conll.js';
import { bestAllowed } from './decode.js';
import { DEFAULT_FEATURE_OPTIONS, HISTORY_FEATURES, historyKeys, prepareSentence, type FeatureOptions, type PreparedSentence } from './features.js';
import { buildModel, type TaggerModel } from './model.js';
import { addScores, AveragedPerceptron } from './perceptron.js';
import { seededRandom } from './random.js';
import { TAG_COUNT, TAG_INDEX } from './tags.js';
import { viterbiDecode } from './viterbi.js';

export interface TrainOptions {
  epochs: number;
  seed: number;
  /**
   * Training runs, each shuffling with its own seed (seed, seed + 1, …), whose averaged
   * weights are averaged again. One run's weights depend on the order it met the sentences
   * in, so a small change to the lexicon reshuffles many decisions; the mean of several runs
   * moves much less.
   */
  runs: number;
  /** Static features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Averaged weights smaller than this (absolute) are pruned from the model. */
  minWeight: number;
  features: FeatureOptions;
  /** Called after each epoch with the number of wrong tags in it. */
  onEpoch?: (epoch: number, errors: number, tokens: number, run: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 10, seed: 20240601, runs: 10, minCount: 2, minWeight: 0.05, features: DEFAULT_FEATURE_OPTIONS,
};

/** Fisher–Yates with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Example {
  sentence: PreparedSentence;
  gold: number[];
  rows: Int32Array[];
}

const C = TAG_COUNT;

/** Rows of the history features of word i after tags t2, t1, added to the model where new. */
function historyRows(model: AveragedPerceptron, s: PreparedSentence, i: number, t1: number, t2: number): Int32Array {
  const keys = historyKeys(s, i, t1, t2, new Int32Array(HISTORY_FEATURES));
  const rows = new Int32Array(HISTORY_FEATURES);
  for (let k = 0; k < HISTORY_FEATURES; k++) rows[k] = model.addFeature(keys[k]);
  return rows;
}

function rowScores(model: AveragedPerceptron, row: number, out: Float64Array, at: number): void {
  if (row < 0) return;
  const w = model.weights;
  for (let j = 0; j < C; j++) out[at + j] += w[row * C + j];
}

/**
 * One structured-perceptron step (Collins 2002): decode the sentence exactly
 * with the current weights, and where the best sequence differs from the gold
 * one, reward the gold tags' features and penalise the predicted ones'.
 * Returns the number of wrong tags.
 */
function trainExact(model: AveragedPerceptron, ex: Example): number {
  const s = ex.sentence;
  const n = ex.gold.length;
  const S = C + 1;
  const pairScores = new Float64Array(S * S * C);
  const keys = new Int32Array(HISTORY_FEATURES);
  for (let t2 = -1; t2 < C; t2++) {
    for (let t1 = -1; t1 < C; t1++) {
      historyKeys(s, 0, t1, t2, keys);
      const at = ((t2 + 1) * S + t1 + 1) * C;
      rowScores(model, model.rowOf(keys[0]), pairScores, at);
      rowScores(model, model.rowOf(keys[1]), pairScores, at);
    }
  }
  const base = new Float64Array(C);
  const local = new Float64Array(n * S * C);
  for (let i = 0; i < n; i++) {
    base.fill(0);
    addScores(model, ex.rows[i], base);
    for (let t1 = -1; t1 < C; t1++) {
      historyKeys(s, i, t1, -1, keys);
      const at = (i * S + t1 + 1) * C;
      for (let j = 0; j < C; j++) local[at + j] = base[j];
      rowScores(model, model.rowOf(keys[2]), local, at);
      rowScores(model, model.rowOf(keys[3]), local, at);
    }
  }
  const tags = viterbiDecode(n, C, local, pairScores);
  let errors = 0;
  for (let i = 0; i < n; i++) {
    model.tick();
    const g = ex.gold[i];
    const p = tags[i];
    if (g !== p) errors++;
    const g1 = i >= 1 ? ex.gold[i - 1] : -1, g2 = i >= 2 ? ex.gold[i - 2] : -1;
    const p1 = i >= 1 ? tags[i - 1] : -1, p2 = i >= 2 ? tags[i - 2] : -1;
    if (g === p && g1 === p1 && g2 === p2) continue;
    if (g !== p) { model.adjust(ex.rows[i], g, 1); model.adjust(ex.rows[i], p, -1); }
    model.adjust(historyRows(model, s, i, g1, g2), g, 1);
    model.adjust(historyRows(model, s, i, p1, p2), p, -1);
  }
  return errors;
}

/** Train a tagger on BIO-tagged sentences. */
export function trainTagger(corpus: readonly TaggedSentence[], options: Partial<TrainOptions> = {}): TaggerModel {
  const opt: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const prepared = corpus.map((s) => prepareSentence(s.words, opt.features));
  // Count static features; only those seen minCount times get a row.
  const counts = new Map<number, number>();
  for (const s of prepared) for (const fs of s.staticFeatures) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept: number[] = [];
  for (const [f, c] of counts) if (c >= opt.minCount) kept.push(f);
  counts.clear();
  const gold = corpus.map((s) => s.tags.map((t) => TAG_INDEX.get(t) ?? 0));
  // The runs' weights summed by feature, features numbered in order of first appearance.
  const rowOf = new Map<number, number>();
  const names: number[] = [];
  let sum = new Float64Array(0);
  for (let run = 0; run < opt.runs; run++) {
    const model = trainRun(prepared, gold, kept, opt, run);
    const weights = model.averaged();
    for (let r = 0; r < model.names.length; r++) {
      let row = rowOf.get(model.names[r]);
      if (row === undefined) { row = names.length; rowOf.set(model.names[r], row); names.push(model.names[r]); }
      if ((row + 1) * TAG_COUNT > sum.length) { const grown = new Float64Array(Math.max(sum.length * 2, (row + 1) * TAG_COUNT)); grown.set(sum); sum = grown; }
      for (let j = 0; j < TAG_COUNT; j++) sum[row * TAG_COUNT + j] += weights[r * TAG_COUNT + j];
    }
  }
  for (let i = 0; i < names.length * TAG_COUNT; i++) sum[i] /= opt.runs;
  const trained: Record<string, unknown> = { epochs: opt.epochs, seed: opt.seed, minCount: opt.minCount, minWeight: opt.minWeight, sentences: corpus.length };
  if (opt.runs > 1) trained.runs = opt.runs;
  return buildModel(names, sum, opt.minWeight, opt.features, trained);
}

/** Run number `run` of the perceptron over the corpus, shuffled each epoch by a generator seeded with opt.seed + run. */
function trainRun(prepared: PreparedSentence[], gold: number[][], kept: number[], opt: TrainOptions, run: number): AveragedPerceptron {
  const model = new AveragedPerceptron(TAG_COUNT, 1 << 16);
  for (const f of kept) model.addFeature(f);
  const examples: Example[] = prepared.map((s, k) => ({
    sentence: s,
    gold: gold[k],
    rows: s.staticFeatures.map((fs) => {
      const rows: number[] = [];
      for (const f of fs) { const r = model.rowOf(f); if (r >= 0) rows.push(r); }
      return Int32Array.from(rows);
    }),
  }));
  const random = seededRandom(opt.seed + run);
  const scores = new Float64Array(TAG_COUNT);
  const history = new Int32Array(HISTORY_FEATURES);
  const hrows = new Int32Array(HISTORY_FEATURES);
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const ex of shuffled(examples, random)) {
      if (opt.features.viterbi) {
        errors += trainExact(model, ex);
        tokens += ex.gold.length;
        continue;
      }
      const tags: number[] = [];
      for (let i = 0; i < ex.gold.length; i++) {
        scores.fill(0);
        addScores(model, ex.rows[i], scores);
        const t1 = i >= 1 ? tags[i - 1] : -1;
        const t2 = i >= 2 ? tags[i - 2] : -1;
        historyKeys(ex.sentence, i, t1, t2, history);
        for (let k = 0; k < HISTORY_FEATURES; k++) hrows[k] = model.rowOf(history[k]);
        addScores(model, hrows, scores);
        const guess = bestAllowed(scores, t1);
        const gold = ex.gold[i];
        model.tick();
        if (guess !== gold) {
          errors++;
          for (let k = 0; k < HISTORY_FEATURES; k++) if (hrows[k] < 0) hrows[k] = model.addFeature(history[k]);
          model.update(ex.rows[i], gold, guess);
          model.update(hrows, gold, guess);
        }
        tokens++;
        tags.push(guess);
      }
    }
    opt.onEpoch?.(epoch, errors, tokens, run + 1);
  }
  return model;
}

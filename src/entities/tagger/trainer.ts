/**
 * Training the tagger: greedy decoding with the model's own earlier tags as
 * history, a perceptron update at each wrong tag, averaged weights at the end.
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

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Static features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Averaged weights smaller than this (absolute) are pruned from the model. */
  minWeight: number;
  features: FeatureOptions;
  /** Called after each epoch with the number of wrong tags in it. */
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 10, seed: 20240601, minCount: 2, minWeight: 0.05, features: DEFAULT_FEATURE_OPTIONS,
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

/** Train a tagger on BIO-tagged sentences. */
export function trainTagger(corpus: readonly TaggedSentence[], options: Partial<TrainOptions> = {}): TaggerModel {
  const opt: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const prepared = corpus.map((s) => prepareSentence(s.words, opt.features));
  // Count static features; only those seen minCount times get a row.
  const counts = new Map<number, number>();
  for (const s of prepared) for (const fs of s.staticFeatures) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const model = new AveragedPerceptron(TAG_COUNT, 1 << 16);
  for (const [f, c] of counts) if (c >= opt.minCount) model.addFeature(f);
  counts.clear();
  const examples: Example[] = prepared.map((s, k) => ({
    sentence: s,
    gold: corpus[k].tags.map((t) => TAG_INDEX.get(t) ?? 0),
    rows: s.staticFeatures.map((fs) => {
      const rows: number[] = [];
      for (const f of fs) { const r = model.rowOf(f); if (r >= 0) rows.push(r); }
      return Int32Array.from(rows);
    }),
  }));
  const random = seededRandom(opt.seed);
  const scores = new Float64Array(TAG_COUNT);
  const history = new Int32Array(HISTORY_FEATURES);
  const hrows = new Int32Array(HISTORY_FEATURES);
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const ex of shuffled(examples, random)) {
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
    opt.onEpoch?.(epoch, errors, tokens);
  }
  const trained = { epochs: opt.epochs, seed: opt.seed, minCount: opt.minCount, minWeight: opt.minWeight, sentences: corpus.length };
  return buildModel(model.names, model.averaged(), opt.minWeight, opt.features, trained);
}

/**
 * Training the attribution tagger on PolNeAR train: each article is segmented and
 * parsed as acta does at use time, each token labelled from the brat file
 * (source, cue, content; PolNeAR is univocal, so one label a token), and a
 * structured perceptron (Collins 2002) learns from whole paragraphs decoded with
 * Viterbi. Deterministic: articles in name order, a seeded shuffle, features
 * numbered in order of first appearance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../doc/types.js';
import { AveragedPerceptron } from '../entities/tagger/perceptron.js';
import { seededRandom } from '../entities/tagger/random.js';
import { shuffled } from '../entities/tagger/trainer.js';
import { ingestRecord } from '../ingest/jsonl.js';
import { segment } from '../segment/index.js';
import { parseDoc } from '../syntax/stage.js';
import { LABEL_COUNT, LABELS, tokenFeatures, transitionKey, type Role, type TaggingInput } from './features.js';
import { buildAttributionModel, decodeLabels, localScores, transitionScores, type AttributionModel } from './model.js';

/** A brat span of one role: its fragments, and the annotation it belongs to. */
export interface RoleSpan { role: Role; id: string; fragments: Array<[number, number]> }

/** The Source, Cue and Content spans of a PolNeAR .ann file. */
export function readRoleSpans(ann: string): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (const line of ann.split(/\r?\n/)) {
    const m = /^(T\d+)\t(Source|Cue|Content) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const fragments = m[3].split(';').map((f) => f.trim().split(/\s+/).map(Number) as [number, number]);
    out.push({ role: m[2].toUpperCase() as Role, id: m[1], fragments });
  }
  return out;
}

/** Gold labels of the tokens: a token takes the role of the span its first character lies in. */
export function goldLabels(doc: { tokens: readonly Doc['tokens'][number][] }, spans: readonly RoleSpan[]): number[] {
  const labels = new Array<number>(doc.tokens.length).fill(0);
  const owner = new Array<string | null>(doc.tokens.length).fill(null);
  for (const s of spans) {
    for (const [a, b] of s.fragments) {
      for (let i = 0; i < doc.tokens.length; i++) {
        const t = doc.tokens[i];
        if (t.start >= a && t.start < b) { labels[i] = LABELS.indexOf(`I-${s.role}` as never); owner[i] = s.id; }
      }
    }
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 0) continue;
    if (i === 0 || owner[i - 1] !== owner[i]) labels[i] -= 1; // I-X → B-X
  }
  return labels;
}

/** A parsed article ready for the tagger. */
export function prepareArticle(text: string): TaggingInput {
  const a = ingestRecord({ text }, 'polnear', 'polnear', null);
  if ('message' in a && !('text' in a)) throw new Error(a.message);
  const article = a as Exclude<typeof a, { message: string }>;
  const seg = segment({ text: article.text, body: article.body });
  const syntax = parseDoc({ text: article.text, ...seg });
  return { text: article.text, ...seg, syntax };
}

export interface Example { rows: Int32Array[]; gold: number[] }

/** PolNeAR articles of a split with the first annotator's file (names sorted), as for dev. */
export function polnearArticles(dir: string): Array<{ name: string; text: string; ann: string }> {
  const anns = readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort();
  const chosen = new Map<string, string>();
  for (const a of anns) {
    const article = a.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!chosen.has(article)) chosen.set(article, a);
  }
  return [...chosen.entries()].map(([name, ann]) => ({
    name, text: readFileSync(join(dir, 'text', `${name}.txt`), 'utf8'), ann: readFileSync(join(dir, 'attributions', ann), 'utf8'),
  }));
}

export interface AttributionTrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Averaged weights smaller than this (absolute) are pruned. */
  minWeight: number;
  /**
   * How much a wrong source or cue label weighs in an update, against 1 for content and outside:
   * content spans are long, and their edges, where most wrong labels fall, would otherwise set
   * most of the updates (PolNeAR dev overlap source / cue at 4 / 6 / 7 / 8: 0.786 / 0.791,
   * 0.791 / 0.796, 0.784 / 0.786, 0.782 / 0.788).
   */
  roleCost: number;
  /**
   * How many shuffle seeds (seed, seed + 1, …) train a perceptron each; the model is their mean,
   * one model the size of one. A single seed's figures move with its shuffle (PolNeAR dev overlap
   * source / cue at seeds 20261207, 7, 11: 0.791 / 0.796, 0.788 / 0.786, 0.788 / 0.789); the mean
   * of five does not depend on one lucky order (0.794 / 0.796).
   */
  seeds?: number;
}

export const DEFAULT_ATTRIBUTION_TRAIN: AttributionTrainOptions = { epochs: 12, seed: 20261207, minCount: 3, minWeight: 6, roleCost: 6, seeds: 5 };

/** Whether a label marks a source or a cue (B- or I-). */
export function isSpeakerLabel(label: number): boolean {
  const role = LABELS[label].slice(2);
  return role === 'SOURCE' || role === 'CUE';
}

/** Sequences (paragraphs) with gold labels, features as raw keys. */
export function labelledSequences(articles: Array<{ text: string; ann: string }>): Array<{ keys: Int32Array[]; gold: number[] }> {
  const out: Array<{ keys: Int32Array[]; gold: number[] }> = [];
  for (const a of articles) {
    const doc = prepareArticle(a.text);
    const labels = goldLabels(doc, readRoleSpans(a.ann));
    for (const seq of tokenFeatures(doc)) {
      const gold = seq.tokens.map((i) => labels[i]);
      // A paragraph that starts inside a span starts it.
      if (gold.length && LABELS[gold[0]][0] === 'I') gold[0] -= 1;
      out.push({ keys: seq.features, gold });
    }
  }
  return out;
}

export function trainAttribution(data: Array<{ keys: Int32Array[]; gold: number[] }>, opts: AttributionTrainOptions, log: (line: string) => void = () => {}): AttributionModel {
  const C = LABEL_COUNT;
  const counts = new Map<number, number>();
  for (const d of data) for (const f of d.keys) for (let k = 0; k < f.length; k++) counts.set(f[k], (counts.get(f[k]) ?? 0) + 1);
  const model = new AveragedPerceptron(C, 1 << 16);
  for (let p = -1; p < C; p++) model.addFeature(transitionKey(p));
  const examples: Example[] = data.map((d) => ({
    gold: d.gold,
    rows: d.keys.map((f) => {
      const rows: number[] = [];
      for (let k = 0; k < f.length; k++) if ((counts.get(f[k]) ?? 0) >= opts.minCount) rows.push(model.addFeature(f[k]));
      return Int32Array.from(rows);
    }),
  }));
  counts.clear();
  // One perceptron per shuffle seed, all on the same feature rows; their averaged weights are
  // averaged again (one model, the size of one): the shuffle's luck evens out.
  const seeds = Math.max(1, opts.seeds ?? 1);
  let mean: Float64Array | null = null;
  for (let s = 0; s < seeds; s++) {
    const run = s === 0 ? model : replica(model);
    trainOne(run, examples, opts, opts.seed + s, (line) => log(seeds > 1 ? `seed ${opts.seed + s}: ${line}` : line));
    const w = run.averaged();
    if (!mean) mean = w;
    else for (let k = 0; k < w.length; k++) mean[k] += w[k];
  }
  if (seeds > 1) for (let k = 0; k < mean!.length; k++) mean![k] /= seeds;
  return buildAttributionModel(model.names, mean!, opts.minWeight, { ...opts });
}

/** A fresh perceptron with the same feature rows as `model` (row k holds the same key). */
function replica(model: AveragedPerceptron): AveragedPerceptron {
  const copy = new AveragedPerceptron(model.classes, Math.max(1024, model.size));
  for (const key of model.names) copy.addFeature(key);
  return copy;
}

/** Train one perceptron: `epochs` passes over the examples in an order shuffled by `seed`. */
function trainOne(model: AveragedPerceptron, examples: readonly Example[], opts: AttributionTrainOptions, seed: number, log: (line: string) => void): void {
  const transRow = (p: number) => model.rowOf(transitionKey(p));
  const random = seededRandom(seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    let errors = 0;
    let tokens = 0;
    for (const ex of shuffled(examples, random)) {
      const pred = decodeLabels(ex.rows.length, localScores(model, ex.rows), transitionScores(model));
      tokens += pred.length;
      for (let i = 0; i < pred.length; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        const gPrev = i > 0 ? ex.gold[i - 1] : -1;
        const pPrev = i > 0 ? pred[i - 1] : -1;
        if (g !== p) {
          errors++;
          const cost = isSpeakerLabel(g) || isSpeakerLabel(p) ? opts.roleCost : 1;
          model.adjust(ex.rows[i], g, cost);
          model.adjust(ex.rows[i], p, -cost);
        }
        if (g !== p || gPrev !== pPrev) {
          model.adjust([transRow(gPrev)], g, 1);
          model.adjust([transRow(pPrev)], p, -1);
        }
      }
      model.tick();
    }
    log(`epoch ${epoch}: ${errors} wrong labels of ${tokens} (${(100 * errors / Math.max(1, tokens)).toFixed(2)}%)`);
  }
}

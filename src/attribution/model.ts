/**
 * The attribution tagger's model: feature keys and quantised weights, one row
 * of LABEL_COUNT weights per feature, and first-order Viterbi decoding of a
 * paragraph. File layout (then gzip):
 *   u32 header length, header JSON (format, labels, scale, feature count, the label-to-label
 *   transition weights as plain numbers, how trained),
 *   i32 per feature: its key, then i16 per feature and label: the weight divided by `scale`.
 * (entities/tagger/viterbi.ts decodes the NER tag set with second-order history; the
 * attribution labels need only the previous label, so this decoder is first order.)
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { KeyedRows } from '../entities/tagger/keyed-rows.js';
import { int16sLE, int32sLE } from '../util/model-file.js';
import type { Scorer } from '../entities/tagger/perceptron.js';
import { LABEL_COUNT, LABELS, labelAllowedAfter, transitionKey } from './features.js';

export const ATTRIBUTION_FORMAT = 'acta-attribution-perceptron/1';

export interface AttributionHeader {
  format: string;
  labels: string[];
  scale: number;
  features: number;
  /** Score of each label after each previous label (-1: the paragraph start): [(prev + 1) * C + j]. */
  transitions: number[];
  trained: Record<string, unknown>;
}

export class AttributionModel extends KeyedRows {
  readonly classes = LABEL_COUNT;
  constructor(keys: Int32Array, weights: Int16Array, readonly header: AttributionHeader) {
    super(keys, weights);
  }
}

/** Keep features with some weight of at least `minWeight` in absolute value, quantised to 16 bits. */
export function buildAttributionModel(names: readonly number[], weights: ArrayLike<number>, minWeight: number, trained: Record<string, unknown>): AttributionModel {
  const C = LABEL_COUNT;
  // The transition weights gather an update at every wrong label and dwarf the others: they
  // are kept exactly in the header, so the 16-bit scale fits the word features.
  const transitionRows = new Map<number, number>();
  for (let p = -1; p < C; p++) transitionRows.set(transitionKey(p), p);
  const transitions = new Array<number>((C + 1) * C).fill(0);
  let maxAbs = 0;
  for (let r = 0; r < names.length; r++) {
    const p = transitionRows.get(names[r]);
    for (let j = 0; j < C; j++) {
      if (p !== undefined) transitions[(p + 1) * C + j] = Math.round(weights[r * C + j] * 1e6) / 1e6;
      else maxAbs = Math.max(maxAbs, Math.abs(weights[r * C + j]));
    }
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let r = 0; r < names.length; r++) {
    if (transitionRows.has(names[r])) continue;
    for (let j = 0; j < C; j++) if (Math.abs(weights[r * C + j]) >= minWeight) { kept.push(r); break; }
  }
  const keys = Int32Array.from(kept.map((r) => names[r]));
  const out = new Int16Array(kept.length * C);
  kept.forEach((r, row) => {
    for (let j = 0; j < C; j++) {
      const w = weights[r * C + j];
      out[row * C + j] = Math.abs(w) >= minWeight ? Math.round(w / scale) : 0;
    }
  });
  return new AttributionModel(keys, out, { format: ATTRIBUTION_FORMAT, labels: [...LABELS], scale, features: kept.length, transitions, trained });
}

export function serializeAttributionModel(m: AttributionModel): Buffer {
  const header = Buffer.from(JSON.stringify(m.header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  const keys = Buffer.from(m.keys.buffer, m.keys.byteOffset, m.keys.byteLength);
  const weights = Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength);
  return gzipSync(Buffer.concat([len, header, Buffer.from(keys), Buffer.from(weights)]), { level: 9 });
}

export function deserializeAttributionModel(bytes: Uint8Array): AttributionModel {
  return attributionModelFromBytes(gunzipSync(bytes));
}

/** Read a model from the unpacked bytes of a file `serializeAttributionModel` wrote. */
export function attributionModelFromBytes(raw: Buffer): AttributionModel {
  const headerLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.toString('utf8', 4, 4 + headerLen)) as AttributionHeader;
  if (header.format !== ATTRIBUTION_FORMAT) throw new Error(`unknown attribution model format: ${header.format}`);
  if (header.labels.join(' ') !== LABELS.join(' ')) throw new Error('attribution model labels differ from the tagger\'s');
  const n = header.features;
  let at = 4 + headerLen;
  if (raw.length !== at + n * 4 + n * LABEL_COUNT * 2) throw new Error('attribution model is damaged: wrong length');
  const keys = int32sLE(raw, at, n);
  at += n * 4;
  const weights = int16sLE(raw, at, n * LABEL_COUNT);
  return new AttributionModel(keys, weights, header);
}

/** Per token, the LABEL_COUNT scores of its features. */
export function localScores(model: Scorer, rows: readonly ArrayLike<number>[]): Float64Array {
  const C = LABEL_COUNT;
  const out = new Float64Array(rows.length * C);
  const w = model.weights;
  rows.forEach((r, i) => {
    for (let k = 0; k < r.length; k++) {
      const row = r[k];
      if (row < 0) continue;
      const base = row * C;
      for (let j = 0; j < C; j++) out[i * C + j] += w[base + j];
    }
  });
  return out;
}

/** Per token, the LABEL_COUNT scores of its feature keys (unknown keys score nothing): lookup and sum in one pass. */
export function keyScores(model: KeyedRows, keys: readonly Int32Array[]): Float64Array {
  const C = LABEL_COUNT;
  const out = new Float64Array(keys.length * C);
  const w = model.weights;
  for (let i = 0; i < keys.length; i++) {
    const f = keys[i];
    const at = i * C;
    for (let k = 0; k < f.length; k++) {
      const row = model.rowOf(f[k]);
      if (row < 0) continue;
      const base = row * C;
      for (let j = 0; j < C; j++) out[at + j] += w[base + j];
    }
  }
  return out;
}

/** The shipped model's transition scores, in the units of its quantised word weights. */
export function modelTransitions(model: AttributionModel): Float64Array {
  return Float64Array.from(model.header.transitions, (w) => w / model.header.scale);
}

/** Scores of each label after each previous label, read from a model's rows: trans[(prev + 1) * C + j]. */
export function transitionScores(model: Scorer, rowOf: (key: number) => number = (k) => model.rowOf(k)): Float64Array {
  const C = LABEL_COUNT;
  const out = new Float64Array((C + 1) * C);
  for (let p = -1; p < C; p++) {
    const row = rowOf(transitionKey(p));
    if (row < 0) continue;
    for (let j = 0; j < C; j++) out[(p + 1) * C + j] = model.weights[row * C + j];
  }
  return out;
}

/** ALLOWED[(prev + 1) * C + next]: whether label `next` may follow `prev` (-1: the start). */
const ALLOWED = Uint8Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, k) => (labelAllowedAfter(Math.floor(k / LABEL_COUNT) - 1, k % LABEL_COUNT) ? 1 : 0));

/** The best label sequence of n tokens (first-order Viterbi, BIO-consistent). */
export function decodeLabels(n: number, local: Float64Array, trans: Float64Array): number[] {
  const C = LABEL_COUNT;
  if (n === 0) return [];
  const back = new Int8Array(n * C);
  let delta = new Float64Array(C);
  let next = new Float64Array(C);
  for (let j = 0; j < C; j++) delta[j] = ALLOWED[j] ? local[j] + trans[j] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < C; j++) {
      let best = -Infinity;
      for (let p = 0; p < C; p++) {
        if (delta[p] === -Infinity || !ALLOWED[(p + 1) * C + j]) continue;
        const v = delta[p] + trans[(p + 1) * C + j];
        if (v > best) { best = v; back[i * C + j] = p; }
      }
      next[j] = best + local[i * C + j];
    }
    const t = delta; delta = next; next = t;
  }
  let best = 0;
  for (let j = 1; j < C; j++) if (delta[j] > delta[best]) best = j;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    best = back[i * C + best];
  }
  return out;
}

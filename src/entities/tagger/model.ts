/**
 * The shipped tagger model: feature keys and their quantised weights, stored
 * compactly and read back into a `Scorer`. File layout (then gzip):
 *   u32 header length, header JSON (format, tags, scale, feature count, options),
 *   i32 per feature: its key (hash.ts),
 *   u16 per feature: bit j set when the feature has a weight for tag j,
 *   i16 per set bit: the weight divided by `scale`, rounded,
 *   u32 length and the case table as text (case-stats.ts; formats 3 and 4),
 *   u32 length and the word clusters as text (clusters.ts; format 4).
 * Weights too small to matter are pruned before writing, so the file stays small.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureOptions } from './features.js';
import { decodeCaseTable, encodeCaseTable } from './case-stats.js';
import { decodeClusters, encodeClusters } from './clusters.js';
import { KeyedRows } from './keyed-rows.js';
import { TAGS, TAG_COUNT } from './tags.js';
import { int32sLE } from '../../util/model-file.js';

export const MODEL_FORMAT = 'acta-ner-perceptron/4';
/** Format 3: no word clusters. */
const MODEL_FORMAT_3 = 'acta-ner-perceptron/3';
/** The older format, without a case table, still reads. */
const MODEL_FORMAT_2 = 'acta-ner-perceptron/2';

export interface ModelHeader {
  format: string;
  tags: string[];
  scale: number;
  features: number;
  options: FeatureOptions;
  /** How the model was trained (corpora, epochs, seed): for the record. */
  trained: Record<string, unknown>;
}

/**
 * A model ready for decoding. Weights are kept as the 16-bit integers the file
 * holds (the true weight is the integer times `header.scale`): sums of
 * integers are exact in any order, so decoders that add features up in
 * different groupings (fast.ts) choose exactly the same tags.
 */
export class TaggerModel extends KeyedRows {
  readonly classes = TAG_COUNT;
  constructor(keys: Int32Array, weights: Int16Array, readonly header: ModelHeader) {
    super(keys, weights);
  }
}

/**
 * Keep the features with some weight of at least `minWeight` in absolute value
 * (smaller weights are set to zero), and quantise to 16 bits.
 */
export function buildModel(
  names: readonly number[], weights: ArrayLike<number>, minWeight: number,
  options: FeatureOptions, trained: Record<string, unknown>,
): TaggerModel {
  let maxAbs = 0;
  for (let i = 0; i < names.length * TAG_COUNT; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let r = 0; r < names.length; r++) {
    let keep = false;
    for (let j = 0; j < TAG_COUNT; j++) if (Math.abs(weights[r * TAG_COUNT + j]) >= minWeight) keep = true;
    if (keep) kept.push(r);
  }
  const keys = Int32Array.from(kept.map((r) => names[r]));
  const out = new Int16Array(kept.length * TAG_COUNT);
  kept.forEach((r, row) => {
    for (let j = 0; j < TAG_COUNT; j++) {
      const w = weights[r * TAG_COUNT + j];
      out[row * TAG_COUNT + j] = Math.abs(w) >= minWeight ? Math.round(w / scale) : 0;
    }
  });
  const header: ModelHeader = {
    format: MODEL_FORMAT, tags: [...TAGS], scale, features: kept.length, options, trained,
  };
  return new TaggerModel(keys, out, header);
}

/** The model as gzip-compressed bytes. */
export function serializeModel(model: TaggerModel): Buffer {
  const n = model.size;
  const { caseTable, clusters, ...plainOptions } = model.header.options;
  const clusterBytes = Buffer.from(clusters ? encodeClusters(clusters) : '', 'utf8');
  const headerBytes = Buffer.from(JSON.stringify({ ...model.header, options: plainOptions }), 'utf8');
  const tableBytes = Buffer.from(caseTable ? encodeCaseTable(caseTable) : '', 'utf8');
  const keyBytes = Buffer.alloc(n * 4);
  model.keys.forEach((k, r) => keyBytes.writeInt32LE(k, r * 4));
  const masks = Buffer.alloc(n * 2);
  const values: number[] = [];
  for (let r = 0; r < n; r++) {
    let mask = 0;
    for (let j = 0; j < TAG_COUNT; j++) {
      const q = model.weights[r * TAG_COUNT + j];
      if (q !== 0) { mask |= 1 << j; values.push(q); }
    }
    masks.writeUInt16LE(mask, r * 2);
  }
  const valueBytes = Buffer.alloc(values.length * 2);
  values.forEach((q, k) => valueBytes.writeInt16LE(q, k * 2));
  const len = (x: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32LE(x, 0); return b; };
  const raw = Buffer.concat([len(headerBytes.length), headerBytes, keyBytes, masks, valueBytes, len(tableBytes.length), tableBytes, len(clusterBytes.length), clusterBytes]);
  return gzipSync(raw, { level: 9 });
}

/** Read a model written by `serializeModel`. */
export function deserializeModel(bytes: Uint8Array): TaggerModel {
  return modelFromBytes(gunzipSync(bytes));
}

/** Read a model from the unpacked bytes of a file `serializeModel` wrote. */
export function modelFromBytes(raw: Buffer): TaggerModel {
  let at = 0;
  const headerLen = raw.readUInt32LE(at); at += 4;
  const header = JSON.parse(raw.toString('utf8', at, at + headerLen)) as ModelHeader;
  at += headerLen;
  if (header.format !== MODEL_FORMAT && header.format !== MODEL_FORMAT_3 && header.format !== MODEL_FORMAT_2) throw new Error(`unknown NER model format: ${header.format}`);
  if (header.tags.join(' ') !== TAGS.join(' ')) throw new Error('NER model tags differ from the tagger\'s');
  const n = header.features;
  if (raw.length < at + n * 6) throw new Error('NER model is damaged: too short');
  const keys = int32sLE(raw, at, n);
  at += n * 4;
  const weights = new Int16Array(n * TAG_COUNT);
  let v = at + n * 2;
  for (let r = 0; r < n; r++) {
    const mask = raw.readUInt16LE(at + r * 2);
    if (mask === 0) continue;
    for (let j = 0; j < TAG_COUNT; j++) {
      if (mask & (1 << j)) { weights[r * TAG_COUNT + j] = raw.readInt16LE(v); v += 2; }
    }
  }
  if (header.format !== MODEL_FORMAT_2) {
    const tableLen = raw.readUInt32LE(v);
    const text = raw.toString('utf8', v + 4, v + 4 + tableLen);
    header.options = { ...header.options, caseTable: text === '' ? null : decodeCaseTable(text) };
    v += 4 + tableLen;
  }
  if (header.format === MODEL_FORMAT) {
    const clusterLen = raw.readUInt32LE(v);
    const text = raw.toString('utf8', v + 4, v + 4 + clusterLen);
    header.options = { ...header.options, clusters: text === '' ? null : decodeClusters(text) };
  }
  return new TaggerModel(keys, weights, header);
}

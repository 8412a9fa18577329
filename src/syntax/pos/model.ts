/**
 * The part-of-speech tagger's model: each tag is a pair "UPOS XPOS" seen in training (the
 * universal tag and the Penn Treebank tag together, so "AUX VBD" and "VERB VBD" stay apart), and
 * each kept feature has a sparse row of 16-bit weights, one per tag it has a say on.
 * Greedy decoding, left to right: linear in the sentence's length.
 * File (then gzip): u32 header length, header JSON, i32 key per feature, u8 entry count per
 * feature, then per entry u8 tag and i16 weight.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { KeyIndex } from '../../entities/tagger/hash.js';
import { MAX_POS_FEATURES, posFeatures, posSentence, type PosInput } from './features.js';

export const POS_FORMAT = 'acta-pos-perceptron/1';

export interface PosHeader {
  format: string;
  /** Tags as "UPOS XPOS". */
  tags: string[];
  /** Whether the caller's own tag (wink-nlp's) is a feature. */
  useGiven: boolean;
  /**
   * Words (as written) that always take one tag: frequent in training and nearly unambiguous
   * there ("the", ",", "of"). They take it without scoring (Honnibal 2013), which halves the
   * tagger's work and costs no accuracy. Pairs of word and tag index, sorted by word.
   */
  known: Array<[string, number]>;
  features: number;
  trained: Record<string, unknown>;
}

/** What the decoder needs: tag count, whether to use the given tag, and scores of a feature. */
export interface PosScorer {
  readonly tagCount: number;
  readonly useGiven: boolean;
  /** The tag of a word that always takes one (see PosHeader.known), or undefined. */
  knownTag(form: string): number | undefined;
  /** Add the weights of feature `key` into `scores`. */
  addFeature(key: number, scores: Float64Array): void;
}

export interface PosTag { upos: string; xpos: string }

/** Tag indices of a sentence, greedily, each word seeing the two tags chosen before it. */
export function decodeTags(m: PosScorer, words: readonly PosInput[]): number[] {
  const s = posSentence(words);
  const feats = new Int32Array(MAX_POS_FEATURES);
  const scores = new Float64Array(m.tagCount);
  const out: number[] = [];
  let p1 = -1, p2 = -1;
  for (let i = 0; i < words.length; i++) {
    let best = m.knownTag(words[i].form);
    if (best === undefined) {
      const count = posFeatures(s, i, p1, p2, m.useGiven, feats);
      scores.fill(0);
      for (let f = 0; f < count; f++) m.addFeature(feats[f], scores);
      best = 0;
      for (let t = 1; t < m.tagCount; t++) if (scores[t] > scores[best]) best = t;
    }
    out.push(best);
    p2 = p1; p1 = best;
  }
  return out;
}

export class PosModel implements PosScorer {
  readonly tagCount: number;
  readonly useGiven: boolean;
  private readonly index: KeyIndex;
  private readonly known: Map<string, number>;
  private readonly split: PosTag[];
  constructor(
    readonly header: PosHeader,
    readonly keys: Int32Array,
    /** Row r's entries are start[r] .. start[r + 1] - 1 of `tag` and `weight`. */
    readonly start: Int32Array,
    readonly entryTag: Uint8Array,
    readonly weight: Int16Array,
  ) {
    this.tagCount = header.tags.length;
    this.useGiven = header.useGiven;
    this.known = new Map(header.known);
    this.index = new KeyIndex(keys.length);
    for (let r = 0; r < keys.length; r++) this.index.set(keys[r], r);
    this.split = header.tags.map((t) => { const [upos, xpos] = t.split(' '); return { upos, xpos }; });
  }

  knownTag(form: string): number | undefined {
    return this.known.get(form);
  }

  addFeature(key: number, scores: Float64Array): void {
    const r = this.index.get(key);
    if (r < 0) return;
    for (let e = this.start[r]; e < this.start[r + 1]; e++) scores[this.entryTag[e]] += this.weight[e];
  }

  /** UPOS and XPOS of each word. */
  tagWords(words: readonly PosInput[]): PosTag[] {
    return decodeTags(this, words).map((t) => this.split[t]);
  }
}

/**
 * The model from averaged weights (`rows` per feature, `tags` wide): weights under `minWeight`
 * in absolute value are dropped, the rest quantised to 16 bits on one scale (so every argmax
 * stays as it was, up to rounding).
 */
export function buildPosModel(header: Omit<PosHeader, 'features' | 'format'>, keys: readonly number[], weights: Float64Array, minWeight: number): PosModel {
  const C = header.tags.length;
  let max = 0;
  for (let i = 0; i < keys.length * C; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? 32767 / max : 1;
  const keptKeys: number[] = [];
  const start: number[] = [0];
  const tag: number[] = [];
  const weight: number[] = [];
  // rows in key order, so the file does not depend on the order features were first seen
  const order = keys.map((_, r) => r).sort((a, b) => keys[a] - keys[b]);
  for (const r of order) {
    const before = tag.length;
    for (let t = 0; t < C; t++) {
      const w = weights[r * C + t];
      const q = Math.round(w * scale);
      if (Math.abs(w) >= minWeight && q !== 0) { tag.push(t); weight.push(q); }
    }
    if (tag.length > before) { keptKeys.push(keys[r]); start.push(tag.length); }
  }
  return new PosModel({ format: POS_FORMAT, ...header, features: keptKeys.length },
    Int32Array.from(keptKeys), Int32Array.from(start), Uint8Array.from(tag), Int16Array.from(weight));
}

export function serializePos(m: PosModel): Buffer {
  const header = Buffer.from(JSON.stringify(m.header), 'utf8');
  const n = m.keys.length;
  const entries = m.entryTag.length;
  const body = Buffer.alloc(4 + header.length + n * 5 + entries * 3);
  let at = body.writeUInt32LE(header.length, 0);
  at += header.copy(body, at);
  for (let r = 0; r < n; r++) at = body.writeInt32LE(m.keys[r], at);
  for (let r = 0; r < n; r++) at = body.writeUInt8(m.start[r + 1] - m.start[r], at);
  for (let e = 0; e < entries; e++) at = body.writeUInt8(m.entryTag[e], at);
  for (let e = 0; e < entries; e++) at = body.writeInt16LE(m.weight[e], at);
  return gzipSync(body, { level: 9 });
}

export function deserializePos(data: Buffer): PosModel {
  const raw = gunzipSync(data);
  const len = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as PosHeader;
  if (header.format !== POS_FORMAT) throw new Error(`POS model: unknown format ${header.format}`);
  let at = 4 + len;
  const n = header.features;
  const keys = new Int32Array(n);
  for (let r = 0; r < n; r++) { keys[r] = raw.readInt32LE(at); at += 4; }
  const start = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) { start[r + 1] = start[r] + raw.readUInt8(at); at += 1; }
  const entries = start[n];
  if (raw.length !== at + entries * 3) throw new Error('POS model: truncated');
  const tag = new Uint8Array(entries);
  for (let e = 0; e < entries; e++) tag[e] = raw.readUInt8(at++);
  const weight = new Int16Array(entries);
  for (let e = 0; e < entries; e++) { weight[e] = raw.readInt16LE(at); at += 2; }
  return new PosModel(header, keys, start, tag, weight);
}

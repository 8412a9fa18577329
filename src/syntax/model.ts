/**
 * The parser's weights: two hashed tables of quantised weights. Each feature key picks a bucket
 * of the action table (one weight per transition) and, mixed with the arc's direction, a bucket
 * of the label table (one weight per relation). Both hold 8-bit integers (each table on its own
 * scale, which leaves every argmax as it is); sums of
 * integers are exact, so a parse is the same in any order of adding.
 * File (then gzip): u32 header length, header JSON, i8 action table, i8 label table.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { mix } from '../entities/tagger/hash.js';
import { extract, MAX_FEATURES, sentenceHashes, type ParserToken } from './features.js';
import { ACTION_COUNT, LEFT, ParseState, RIGHT } from './transitions.js';

export const PARSER_FORMAT = 'acta-parser-arc-eager/2';

export interface ParserHeader {
  format: string;
  /** Relation labels, full UD labels with subtypes (nsubj:pass, obl:tmod…). */
  labels: string[];
  actionBits: number;
  labelBits: number;
  trained: Record<string, unknown>;
}

/** Weights a parser scores with: plain numbers while training, integers once shipped. */
export interface ParserWeights {
  readonly labels: readonly string[];
  readonly actionMask: number;
  readonly labelMask: number;
  readonly action: ArrayLike<number>;
  readonly label: ArrayLike<number>;
}

/** The label bucket of a feature for an arc pointing left (dir 0) or right (dir 1). */
export function labelBucket(feature: number, dir: number, mask: number): number {
  return mix(feature, dir + 0x3c6ef372) & mask;
}

/** One parsed word: its head (0 for the root, else 1-based) and relation. */
export interface ParsedWord {
  head: number;
  deprel: string;
}

/** Parse with greedy decoding: the best valid transition at each step; at most 2n steps. */
export function parseWith(w: ParserWeights, tokens: readonly ParserToken[]): ParsedWord[] {
  const n = tokens.length;
  const h = sentenceHashes(tokens);
  const state = new ParseState(n);
  const feats = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(ACTION_COUNT);
  const rootLabel = w.labels.indexOf('root');
  const labelScores = new Float64Array(w.labels.length);
  // The shipped model scores from tables laid out for speed (same sums, so the same parse).
  const fast = w instanceof ParserModel ? w.scoring() : null;
  while (!state.done) {
    const count = extract(state, h, feats);
    if (fast) fast.actionScores(feats, count, scores);
    else actionScores(w, feats, count, scores);
    let best = -1;
    for (let a = 0; a < ACTION_COUNT; a++) if (state.isValid(a) && (best < 0 || scores[a] > scores[best])) best = a;
    let label = -1;
    if (best === LEFT || best === RIGHT) {
      if (best === RIGHT && state.stackAt(0) === 0) label = rootLabel;
      else if (fast) label = fast.bestLabel(feats, count, best === RIGHT ? 1 : 0, rootLabel);
      else label = bestLabel(w, feats, count, best === RIGHT ? 1 : 0, rootLabel, labelScores);
    }
    state.apply(best, label);
  }
  const punct = w.labels.indexOf('punct');
  const dep = w.labels.indexOf('dep');
  state.finish(rootLabel, (word) => (tokens[word - 1].pos === 'PUNCT' ? punct : dep));
  const out: ParsedWord[] = [];
  for (let i = 1; i <= n; i++) out.push({ head: state.heads[i], deprel: w.labels[state.labels[i]] });
  return out;
}

export function actionScores(w: ParserWeights, feats: Int32Array, count: number, scores: Float64Array): void {
  scores.fill(0);
  const table = w.action;
  for (let f = 0; f < count; f++) {
    const row = (feats[f] & w.actionMask) * ACTION_COUNT;
    scores[0] += table[row]; scores[1] += table[row + 1]; scores[2] += table[row + 2]; scores[3] += table[row + 3];
  }
}

/** The best label for an arc in direction `dir`, never `root` (only the root's own arc has it). */
export function bestLabel(w: ParserWeights, feats: Int32Array, count: number, dir: number, rootLabel: number, scores: Float64Array): number {
  const L = w.labels.length;
  scores.fill(0);
  const table = w.label;
  for (let f = 0; f < count; f++) {
    const row = labelBucket(feats[f], dir, w.labelMask) * L;
    for (let l = 0; l < L; l++) scores[l] += table[row + l];
  }
  let best = -1;
  for (let l = 0; l < L; l++) if (l !== rootLabel && (best < 0 || scores[l] > scores[best])) best = l;
  return best;
}

export class ParserModel implements ParserWeights {
  readonly labels: readonly string[];
  readonly actionMask: number;
  readonly labelMask: number;
  private packed: PackedScoring | null = null;
  constructor(readonly header: ParserHeader, readonly action: Int8Array, readonly label: Int8Array) {
    this.labels = header.labels;
    this.actionMask = (1 << header.actionBits) - 1;
    this.labelMask = (1 << header.labelBits) - 1;
  }
  /** The tables re-laid for parsing (built on the first parse). */
  scoring(): PackedScoring {
    if (!this.packed) this.packed = new PackedScoring(this);
    return this.packed;
  }
}

/**
 * The shipped model's weights laid out so that scoring touches fewer words; every score is the
 * same integer sum as `actionScores`/`bestLabel` compute, so every argmax (ties included) is too.
 * Scoring the labels of an arc is most of parsing: about 90 features, each a row of 51 8-bit
 * weights picked by hashing, so mostly a cache miss each. Here each row is its weights biased by
 * +128 (unsigned bytes), padded to 64 bytes: one cache line. A row is read four labels to a
 * 32-bit word and spread into two sums of two 16-bit lanes (labels 4k and 4k+2, 4k+1 and
 * 4k+3); MAX_FEATURES (96) rows sum to at most 96 × 255 < 2^16 in a lane, so lanes never carry
 * into each other and one integer add sums two labels. An action row (four 8-bit weights) is
 * read as one 32-bit word.
 */
export class PackedScoring {
  private readonly action32: Int32Array;
  /** Label rows, ROW_WORDS words each. */
  private readonly labelWords: Int32Array;
  /** Words of a label row that hold labels. */
  private readonly usedWords: number;
  private readonly labelCount: number;
  private readonly labelMask: number;
  private readonly actionMask: number;
  /** Where each feature's label row starts, for the arc being labelled. */
  private readonly rowStarts = new Int32Array(MAX_FEATURES);
  private readonly labelSums: Int32Array;

  constructor(m: ParserModel) {
    if (MAX_FEATURES * 255 >= 1 << 16) throw new Error('parser: too many features for 16-bit label lanes');
    const L = m.labels.length;
    if (L > 4 * ROW_WORDS) throw new Error('parser: too many labels for a 64-byte row');
    const rows = m.labelMask + 1;
    this.labelCount = L;
    this.labelMask = m.labelMask;
    this.actionMask = m.actionMask;
    this.usedWords = Math.ceil(L / 4);
    this.labelWords = new Int32Array(rows * ROW_WORDS);
    this.action32 = new Int32Array(m.action.length / ACTION_COUNT);
    if (LITTLE_ENDIAN) {
      // Byte l of a row's words is label l (the layout below, written bytewise; a third of the
      // time, and this runs at every start): the weight plus 128 is its bits with the top one flipped.
      const bytes = new Uint8Array(this.labelWords.buffer);
      const label = new Uint8Array(m.label.buffer, m.label.byteOffset, m.label.length);
      for (let r = 0; r < rows; r++) {
        const to = r * ROW_WORDS * 4, from = r * L;
        for (let l = 0; l < L; l++) bytes[to + l] = label[from + l] ^ 0x80;
      }
      new Uint8Array(this.action32.buffer).set(new Uint8Array(m.action.buffer, m.action.byteOffset, m.action.length));
    } else {
      for (let r = 0; r < rows; r++) {
        for (let l = 0; l < L; l++) {
          // label l in byte l % 4 of word l / 4 (the byte order the lanes below read)
          this.labelWords[r * ROW_WORDS + (l >> 2)] |= (m.label[r * L + l] + 128) << (8 * (l & 3));
        }
      }
      // Four 8-bit weights as one word, action a in bits 8a..8a+7.
      for (let r = 0; r < this.action32.length; r++) {
        const a = r * ACTION_COUNT;
        this.action32[r] = (m.action[a] & 0xff) | ((m.action[a + 1] & 0xff) << 8) | ((m.action[a + 2] & 0xff) << 16) | (m.action[a + 3] << 24);
      }
    }
    this.labelSums = new Int32Array(4 * this.usedWords);
  }

  actionScores(feats: Int32Array, count: number, scores: Float64Array): void {
    const table = this.action32;
    const mask = this.actionMask;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let f = 0; f < count; f++) {
      const v = table[feats[f] & mask];
      s0 += (v << 24) >> 24; s1 += (v << 16) >> 24; s2 += (v << 8) >> 24; s3 += v >> 24;
    }
    scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3;
  }

  bestLabel(feats: Int32Array, count: number, dir: number, rootLabel: number): number {
    const W = this.usedWords;
    const table = this.labelWords;
    const rows = this.rowStarts;
    for (let f = 0; f < count; f++) rows[f] = labelBucket(feats[f], dir, this.labelMask) * ROW_WORDS;
    // Word by word across the rows (after the first word the rows are in the L1 cache), so
    // the two lane sums of a word stay in registers.
    const bias = 128 * count;
    const scores = this.labelSums;
    for (let k = 0; k < W; k++) {
      let even = 0, odd = 0;
      for (let f = 0; f < count; f++) {
        const w = table[rows[f] + k];
        even = (even + (w & 0x00ff00ff)) | 0;
        odd = (odd + ((w >>> 8) & 0x00ff00ff)) | 0;
      }
      scores[4 * k] = (even & 0xffff) - bias;
      scores[4 * k + 1] = (odd & 0xffff) - bias;
      scores[4 * k + 2] = (even >>> 16) - bias;
      scores[4 * k + 3] = (odd >>> 16) - bias;
    }
    const L = this.labelCount;
    let best = -1;
    for (let l = 0; l < L; l++) if (l !== rootLabel && (best < 0 || scores[l] > scores[best])) best = l;
    return best;
  }
}

/** 32-bit words in a label row of PackedScoring: 64 bytes, one cache line. */
const ROW_WORDS = 16;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function serializeParser(m: ParserModel): Buffer {
  const header = Buffer.from(JSON.stringify(m.header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length, 0);
  const parts = [len, header, Buffer.from(m.action.buffer, m.action.byteOffset, m.action.byteLength), Buffer.from(m.label.buffer, m.label.byteOffset, m.label.byteLength)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function deserializeParser(data: Buffer): ParserModel {
  return parserFromBytes(gunzipSync(data));
}

/** Read a parser from the unpacked bytes of a file `serializeParser` wrote. */
export function parserFromBytes(raw: Buffer): ParserModel {
  const len = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as ParserHeader;
  if (header.format !== PARSER_FORMAT) throw new Error(`parser model: unknown format ${header.format}`);
  const actionSize = (1 << header.actionBits) * ACTION_COUNT;
  const labelSize = (1 << header.labelBits) * header.labels.length;
  const body = raw.subarray(4 + len);
  if (body.length !== actionSize + labelSize) throw new Error('parser model: truncated');
  const copy = new Int8Array(actionSize + labelSize);
  copy.set(new Int8Array(body.buffer, body.byteOffset, body.length));
  return new ParserModel(header, copy.subarray(0, actionSize), copy.subarray(actionSize));
}

/**
 * Word clusters learned from unlabelled text: words used in the same
 * neighbourhoods ("Tuesday" / "Friday", "Kohl" / "Yeltsin", "shares" /
 * "bonds") end up in the same cluster, so the tagger can generalise from a
 * name it was trained on to one it has only seen in plain news.
 *
 * A cheap, deterministic distributional clustering (in the spirit of Brown
 * clusters, whose bit-string prefixes the features use):
 *   1. count the words (as written) of the texts; the vocabulary is every word
 *      seen at least MIN_COUNT times;
 *   2. describe each word by its left and right neighbours among the CONTEXTS
 *      most frequent words (lower case), weighted by positive PMI;
 *   3. project those sparse vectors to DIM dimensions with seeded random ±1
 *      signs (random indexing) and normalise them;
 *   4. split the words in two by spherical 2-means, recursively, DEPTH times:
 *      a word's cluster is the path of its splits, a string of 0s and 1s.
 * Same texts, same clusters: no randomness but a fixed seed, no time, no Map
 * order but insertion order of sorted keys.
 *
 * The table travels in the model file (model.ts), so tagging needs no corpus.
 */
import { seededUint32 } from './random.js';

export type ClusterTable = ReadonlyMap<string, string>;

export interface ClusterOptions {
  minCount: number;
  contexts: number;
  dim: number;
  depth: number;
  /** A branch with fewer words than this is not split further. */
  minSplit: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  minCount: 5, contexts: 500, dim: 64, depth: 12, minSplit: 8, seed: 0x5eed,
};

/**
 * Tokens of running text, split about as CoNLL-2003 splits them: words
 * (with inner hyphens, periods of abbreviations, apostrophes of names),
 * numbers, "'s" and "n't", and each punctuation mark alone.
 */
const TOKEN = /(?:\p{L}\.){2,}|['’]s\b|n['’]t\b|\d+(?:[.,:/-]\d+)*|\p{L}[\p{L}\p{M}]*(?:(?:-|['’](?![st]\b))[\p{L}\p{M}\d]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return text.replace(/(\p{L})(n['’]t)\b/gu, '$1 $2').match(TOKEN) ?? [];
}

/** The form a word is counted under: digits by shape, so numbers share one cluster per shape. */
export function clusterForm(word: string): string {
  return /\d/.test(word) ? word.replace(/\d/g, '0') : word;
}

/** Learn clusters from sentences of tokens (any iterable, read twice: pass an array). */
export function buildClusters(sentences: readonly (readonly string[])[], options: Partial<ClusterOptions> = {}): Map<string, string> {
  const opt = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  // 1. Vocabulary.
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s) {
      const f = clusterForm(w);
      counts.set(f, (counts.get(f) ?? 0) + 1);
      const l = f.toLowerCase();
      lowerCounts.set(l, (lowerCounts.get(l) ?? 0) + 1);
    }
  }
  const vocab = [...counts.keys()].filter((w) => counts.get(w)! >= opt.minCount).sort();
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const contextWords = [...lowerCounts.keys()]
    .sort((a, b) => lowerCounts.get(b)! - lowerCounts.get(a)! || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, opt.contexts);
  const contextIndex = new Map(contextWords.map((w, i) => [w, i]));
  const C = contextWords.length;
  // 2. Neighbour counts: context column c (left) or C + c (right), per vocabulary word.
  const cooc: Map<number, number>[] = vocab.map(() => new Map());
  const colTotals = new Float64Array(2 * C + 2);
  let total = 0;
  const START = 2 * C;
  const END = 2 * C + 1;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabIndex.get(clusterForm(s[i]));
      if (v === undefined) continue;
      const row = cooc[v];
      const left = i > 0 ? contextIndex.get(clusterForm(s[i - 1]).toLowerCase()) : -1;
      const right = i + 1 < s.length ? contextIndex.get(clusterForm(s[i + 1]).toLowerCase()) : -2;
      const lc = left === -1 ? START : left === undefined ? -1 : left;
      const rc = right === -2 ? END : right === undefined ? -1 : C + right;
      for (const c of [lc, rc]) {
        if (c < 0) continue;
        row.set(c, (row.get(c) ?? 0) + 1);
        colTotals[c]++;
        total++;
      }
    }
  }
  // 3. PPMI rows (context counts smoothed to the power 0.75), reduced to their DIM
  // leading singular directions: subspace iteration on the Gram matrix of the columns.
  const cols = 2 * C + 2;
  let smoothedTotal = 0;
  const smoothed = new Float64Array(cols);
  for (let c = 0; c < cols; c++) { smoothed[c] = Math.pow(colTotals[c], 0.75); smoothedTotal += smoothed[c]; }
  const rowCols: Int32Array[] = [];
  const rowVals: Float64Array[] = [];
  for (let v = 0; v < vocab.length; v++) {
    const row = cooc[v];
    let rowTotal = 0;
    for (const n of row.values()) rowTotal += n;
    const keys = [...row.keys()].sort((a, b) => a - b);
    const cs: number[] = [];
    const vs: number[] = [];
    for (const c of keys) {
      const pmi = Math.log((row.get(c)! / rowTotal) / (smoothed[c] / smoothedTotal));
      if (pmi > 0) { cs.push(c); vs.push(pmi); }
    }
    rowCols.push(Int32Array.from(cs));
    rowVals.push(Float64Array.from(vs));
  }
  const gram = new Float64Array(cols * cols);
  for (let v = 0; v < vocab.length; v++) {
    const cs = rowCols[v];
    const vs = rowVals[v];
    for (let a = 0; a < cs.length; a++) {
      const base = cs[a] * cols;
      const x = vs[a];
      for (let b = 0; b < cs.length; b++) gram[base + cs[b]] += x * vs[b];
    }
  }
  const D = opt.dim;
  const next = seededUint32(opt.seed);
  let basis = new Float64Array(D * cols);
  for (let k = 0; k < basis.length; k++) basis[k] = (next() / 4294967296) - 0.5;
  orthonormalise(basis, D, cols);
  for (let round = 0; round < 20; round++) {
    const out = new Float64Array(D * cols);
    for (let k = 0; k < D; k++) {
      const bk = k * cols;
      for (let i = 0; i < cols; i++) {
        let s = 0;
        const gi = i * cols;
        for (let j = 0; j < cols; j++) s += gram[gi + j] * basis[bk + j];
        out[bk + i] = s;
      }
    }
    orthonormalise(out, D, cols);
    basis = out;
  }
  const vectors = new Float32Array(vocab.length * D);
  for (let v = 0; v < vocab.length; v++) {
    const cs = rowCols[v];
    const vs = rowVals[v];
    const base = v * D;
    let norm = 0;
    for (let k = 0; k < D; k++) {
      let s = 0;
      for (let a = 0; a < cs.length; a++) s += vs[a] * basis[k * cols + cs[a]];
      vectors[base + k] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < D; k++) vectors[base + k] /= norm;
  }
  // 4. Recursive spherical 2-means.
  const paths: string[] = new Array(vocab.length).fill('');
  const split = (members: Int32Array, path: string, level: number): void => {
    for (const m of members) paths[m] = path;
    if (level >= opt.depth || members.length < opt.minSplit) return;
    const side = twoMeans(vectors, D, members);
    const a = members.filter((_, k) => side[k] === 0);
    const b = members.filter((_, k) => side[k] === 1);
    if (a.length === 0 || b.length === 0) return;
    split(a, path + '0', level + 1);
    split(b, path + '1', level + 1);
  };
  split(Int32Array.from(vocab.keys()), '', 0);
  const out = new Map<string, string>();
  vocab.forEach((w, v) => { if (paths[v] !== '') out.set(w, paths[v]); });
  return out;
}

/**
 * Split some rows in two: by the sign of their projection on the principal
 * direction of the centred rows (power iteration from a fixed start), then a
 * few rounds of spherical 2-means from that split.
 */
function twoMeans(vectors: Float32Array, D: number, members: Int32Array): Uint8Array {
  const n = members.length;
  const mean = new Float64Array(D);
  for (const m of members) for (let d = 0; d < D; d++) mean[d] += vectors[m * D + d] / n;
  let dir = new Float64Array(D);
  for (let d = 0; d < D; d++) dir[d] = 1 / Math.sqrt(D) * (d % 2 === 0 ? 1 : -1);
  const proj = new Float64Array(n);
  for (let round = 0; round < 12; round++) {
    const next = new Float64Array(D);
    for (let k = 0; k < n; k++) {
      const b = members[k] * D;
      let s = 0;
      for (let d = 0; d < D; d++) s += (vectors[b + d] - mean[d]) * dir[d];
      proj[k] = s;
      for (let d = 0; d < D; d++) next[d] += s * (vectors[b + d] - mean[d]);
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += next[d] * next[d];
    norm = Math.sqrt(norm);
    if (norm === 0) break;
    for (let d = 0; d < D; d++) next[d] /= norm;
    dir = next;
  }
  const side = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const b = members[k] * D;
    let s = 0;
    for (let d = 0; d < D; d++) s += (vectors[b + d] - mean[d]) * dir[d];
    side[k] = s > 0 ? 1 : 0;
  }
  const c0 = new Float64Array(D);
  const c1 = new Float64Array(D);
  for (let round = 0; round < 4; round++) {
    c0.fill(0);
    c1.fill(0);
    let n1 = 0;
    for (let k = 0; k < n; k++) {
      const c = side[k] ? c1 : c0;
      n1 += side[k];
      const b = members[k] * D;
      for (let d = 0; d < D; d++) c[d] += vectors[b + d];
    }
    if (n1 === 0 || n1 === n) break;
    let changed = 0;
    for (let k = 0; k < n; k++) {
      const b = members[k] * D;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < D; d++) { s0 += vectors[b + d] * c0[d]; s1 += vectors[b + d] * c1[d]; }
      // Centroid sums, not means: compare directions.
      const n0 = n - n1;
      const s = s1 / Math.sqrt(norm2(c1)) > s0 / Math.sqrt(norm2(c0)) ? 1 : 0;
      void n0;
      if (s !== side[k]) { side[k] = s; changed++; }
    }
    if (changed === 0) break;
  }
  return side;
}

/** Gram–Schmidt over the `rows` rows (length `len`) of a matrix, in place. */
function orthonormalise(m: Float64Array, rows: number, len: number): void {
  for (let k = 0; k < rows; k++) {
    const bk = k * len;
    for (let j = 0; j < k; j++) {
      const bj = j * len;
      let dot = 0;
      for (let i = 0; i < len; i++) dot += m[bk + i] * m[bj + i];
      for (let i = 0; i < len; i++) m[bk + i] -= dot * m[bj + i];
    }
    let norm = 0;
    for (let i = 0; i < len; i++) norm += m[bk + i] * m[bk + i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < len; i++) m[bk + i] /= norm;
  }
}

function norm2(c: Float64Array): number {
  let s = 0;
  for (let d = 0; d < c.length; d++) s += c[d] * c[d];
  return s || 1;
}

/** The cluster path of a word: as written, else in lower case, else capitalised; "" when unknown. */
export function clusterOf(table: ClusterTable, word: string): string {
  const f = clusterForm(word);
  const exact = table.get(f);
  if (exact !== undefined) return exact;
  const lower = f.toLowerCase();
  const l = table.get(lower);
  if (l !== undefined) return l;
  return table.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? '';
}

/** Table as text: "word path" per line, sorted (compresses well, reads back the same). */
export function encodeClusters(table: ClusterTable): string {
  return [...table.keys()].sort().map((w) => w + ' ' + table.get(w)).join('\n');
}

export function decodeClusters(text: string): Map<string, string> {
  const table = new Map<string, string>();
  if (text === '') return table;
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf(' ');
    table.set(line.slice(0, at), line.slice(at + 1));
  }
  return table;
}

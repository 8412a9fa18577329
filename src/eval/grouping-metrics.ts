/**
 * How well a system groups items (here: event reports into happenings) against a gold grouping,
 * by the measures of coreference scoring: pairwise links, B-cubed, MUC, CEAF-e (φ4) and their
 * CoNLL average. Each item carries a gold cluster key and a system cluster key; singletons count.
 * Pure functions over the two labelings, so a scorer of any grouping can use them.
 */

export interface GroupedItem {
  gold: string;
  system: string;
  /** Items of one group (an article) are never one happening in the gold: a system link inside one is always wrong. */
  group?: string;
}

export interface PRF { precision: number | null; recall: number | null; f1: number | null }

export function prf(right: number, predicted: number, gold: number): PRF {
  const precision = predicted ? right / predicted : null;
  const recall = gold ? right / gold : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision !== null && recall !== null ? 0 : null;
  return { precision, recall, f1 };
}

/** Clusters as arrays of item indices, keyed by the label the key function reads. */
function clustersOf(items: readonly GroupedItem[], key: (x: GroupedItem) => string): number[][] {
  const by = new Map<string, number[]>();
  items.forEach((x, i) => {
    const k = key(x);
    const list = by.get(k);
    if (list) list.push(i); else by.set(k, [i]);
  });
  return [...by.values()];
}

export interface PairwiseScore extends PRF {
  goldLinks: number;
  systemLinks: number;
  rightLinks: number;
}

/**
 * Pairwise links: every pair of items is a gold link when they share a gold cluster and a system
 * link when they share a system cluster. `only` restricts the pairs counted (cross-article pairs).
 */
export function pairwise(items: readonly GroupedItem[], only: (a: GroupedItem, b: GroupedItem) => boolean = () => true): PairwiseScore {
  let goldLinks = 0;
  let systemLinks = 0;
  let rightLinks = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i], items[j]];
      if (!only(a, b)) continue;
      const g = a.gold === b.gold;
      const s = a.system === b.system;
      if (g) goldLinks++;
      if (s) systemLinks++;
      if (g && s) rightLinks++;
    }
  }
  return { ...prf(rightLinks, systemLinks, goldLinks), goldLinks, systemLinks, rightLinks };
}

/** System links between two items of one group (an article): always wrong. */
export function sameGroupMerges(items: readonly GroupedItem[]): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i], items[j]];
      if (a.group !== undefined && a.group === b.group && a.system === b.system) n++;
    }
  }
  return n;
}

/** B-cubed: per item, the share of its system cluster in its gold cluster (precision) and the reverse (recall), averaged. */
export function bcubed(items: readonly GroupedItem[]): PRF {
  if (items.length === 0) return { precision: null, recall: null, f1: null };
  const count = (key: (x: GroupedItem) => string) => {
    const m = new Map<string, number>();
    for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return m;
  };
  const gold = count((x) => x.gold);
  const system = count((x) => x.system);
  const both = count((x) => `${x.gold}\u0000${x.system}`);
  let p = 0;
  let r = 0;
  for (const x of items) {
    const shared = both.get(`${x.gold}\u0000${x.system}`)!;
    p += shared / system.get(x.system)!;
    r += shared / gold.get(x.gold)!;
  }
  const precision = p / items.length;
  const recall = r / items.length;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * MUC (Vilain et al. 1995): recall = Σ over gold clusters of (|G| − the number of system
 * clusters G is split across) / Σ (|G| − 1); precision the same with the roles swapped.
 */
export function muc(items: readonly GroupedItem[]): PRF {
  const side = (key: (x: GroupedItem) => string, other: (x: GroupedItem) => string): [number, number] => {
    let num = 0;
    let den = 0;
    for (const c of clustersOf(items, key)) {
      const parts = new Set(c.map((i) => other(items[i]))).size;
      num += c.length - parts;
      den += c.length - 1;
    }
    return [num, den];
  };
  const [rn, rd] = side((x) => x.gold, (x) => x.system);
  const [pn, pd] = side((x) => x.system, (x) => x.gold);
  const recall = rd ? rn / rd : null;
  const precision = pd ? pn / pd : null;
  const f1 = precision !== null && recall !== null ? (precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0) : null;
  return { precision, recall, f1 };
}

/**
 * CEAF-e (Luo 2005) with φ4(K, R) = 2|K ∩ R| / (|K| + |R|): the best one-to-one alignment of gold
 * and system clusters (Hungarian algorithm) gives the total similarity Φ; recall = Φ / #gold
 * clusters, precision = Φ / #system clusters.
 */
export function ceafe(items: readonly GroupedItem[]): PRF {
  const gold = clustersOf(items, (x) => x.gold);
  const system = clustersOf(items, (x) => x.system);
  if (gold.length === 0 || system.length === 0) return { precision: null, recall: null, f1: null };
  const systemOf = new Map<number, number>();
  system.forEach((c, k) => c.forEach((i) => systemOf.set(i, k)));
  const sim: number[][] = gold.map((g) => {
    const row = new Array<number>(system.length).fill(0);
    for (const i of g) row[systemOf.get(i)!]++;
    return row.map((shared, k) => (2 * shared) / (g.length + system[k].length));
  });
  const total = maxAssignment(sim);
  const precision = total / system.length;
  const recall = total / gold.length;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * The largest total weight of a one-to-one assignment of rows to columns (rectangular
 * matrices allowed): the Hungarian algorithm with potentials, O(n²m), on costs −weight.
 */
export function maxAssignment(weight: readonly number[][]): number {
  const transpose = weight.length > (weight[0]?.length ?? 0);
  const w = transpose ? weight[0].map((_, j) => weight.map((row) => row[j])) : weight.map((row) => [...row]);
  const n = w.length;
  const m = w[0]?.length ?? 0;
  if (n === 0 || m === 0) return 0;
  // Rows 1..n assigned to columns 1..m (n ≤ m); index 0 is the algorithm's free slot.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= m; j++) if (p[j] > 0) total += w[p[j] - 1][j - 1];
  return total;
}

export interface GroupingScores {
  pairwise: PairwiseScore;
  crossGroupPairwise: PairwiseScore;
  sameGroupMerges: number;
  bcubed: PRF;
  muc: PRF;
  ceafe: PRF;
  /** The mean of the MUC, B-cubed and CEAF-e F1. */
  conll: number | null;
}

export function groupingScores(items: readonly GroupedItem[]): GroupingScores {
  const b = bcubed(items);
  const m = muc(items);
  const c = ceafe(items);
  const f1s = [m.f1, b.f1, c.f1];
  return {
    pairwise: pairwise(items),
    crossGroupPairwise: pairwise(items, (a, x) => a.group === undefined || a.group !== x.group),
    sameGroupMerges: sameGroupMerges(items),
    bcubed: b, muc: m, ceafe: c,
    conll: f1s.every((f) => f !== null) ? (f1s as number[]).reduce((a, x) => a + x, 0) / 3 : null,
  };
}

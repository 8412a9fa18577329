/**
 * Reading the parse: children, subtrees and paths over SyntaxLayer, indexed once per document.
 * Token numbers are indices into Doc.tokens throughout.
 */
import type { Dependency, SyntaxLayer, Token } from '../doc/types.js';

export class DependencyTree {
  /** Children of token i are kids[kidStart[i] .. kidStart[i+1]), in text order. */
  private readonly kidStart: Int32Array;
  private readonly kids: Int32Array;

  constructor(readonly layer: SyntaxLayer) {
    const n = layer.deps.length;
    const count = new Int32Array(n + 1);
    for (const d of layer.deps) if (d && d.head >= 0) count[d.head + 1]++;
    for (let i = 0; i < n; i++) count[i + 1] += count[i];
    this.kidStart = count;
    this.kids = new Int32Array(count[n]);
    const fill = count.slice(0, n);
    layer.deps.forEach((d, i) => { if (d && d.head >= 0) this.kids[fill[d.head]++] = i; });
  }

  /** Whether token i lies in a parsed sentence. */
  parsed(i: number): boolean {
    return this.layer.deps[i] != null;
  }

  dep(i: number): Dependency | null {
    return this.layer.deps[i] ?? null;
  }

  /** The head of token i: a token index, -1 for a root, null where unparsed. */
  head(i: number): number | null {
    const d = this.layer.deps[i];
    return d ? d.head : null;
  }

  /** UD relation of token i to its head, without its subtype ("nsubj" for "nsubj:pass"); null where unparsed. */
  baseRel(i: number): string | null {
    const d = this.layer.deps[i];
    if (!d) return null;
    const colon = d.rel.indexOf(':');
    return colon < 0 ? d.rel : d.rel.slice(0, colon);
  }

  children(i: number): number[] {
    const out: number[] = [];
    for (let k = this.kidStart[i]; k < this.kidStart[i + 1]; k++) out.push(this.kids[k]);
    return out;
  }

  /** Children of i whose relation is one of `rels` (full labels or base labels). */
  childrenWith(i: number, ...rels: string[]): number[] {
    return this.children(i).filter((c) => {
      const d = this.layer.deps[c]!;
      return rels.includes(d.rel) || rels.includes(this.baseRel(c)!);
    });
  }

  /**
   * The token of the range [first, last] whose head lies outside it (a root's does): the head of
   * a phrase; null where the sentence is unparsed.
   */
  headOfRange(first: number, last: number): number | null {
    for (let i = first; i <= last; i++) {
      const h = this.head(i);
      if (h === null) return null;
      if (h < first || h > last) return i;
    }
    return first;
  }

  /** First and last token of the subtree under i (inclusive). */
  subtreeRange(i: number): [number, number] {
    let lo = i, hi = i;
    const stack = [i];
    while (stack.length) {
      const t = stack.pop()!;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
      for (let k = this.kidStart[t]; k < this.kidStart[t + 1]; k++) stack.push(this.kids[k]);
    }
    return [lo, hi];
  }

  /** Whether `ancestor` dominates `i` (a token dominates itself). */
  dominates(ancestor: number, i: number): boolean {
    let t: number | null = i;
    for (let steps = 0; t != null && t >= 0 && steps <= this.layer.deps.length; steps++) {
      if (t === ancestor) return true;
      t = this.head(t);
    }
    return false;
  }

  /** Heads from i up to its sentence's root, i first. */
  pathToRoot(i: number): number[] {
    const out: number[] = [];
    let t: number | null = i;
    while (t != null && t >= 0 && out.length <= this.layer.deps.length) {
      out.push(t);
      t = this.head(t);
    }
    return out;
  }
}

/** The layer's tree, indexed once per layer object. */
const trees = new WeakMap<SyntaxLayer, DependencyTree>();
export function treeOf(layer: SyntaxLayer): DependencyTree {
  let t = trees.get(layer);
  if (!t) trees.set(layer, (t = new DependencyTree(layer)));
  return t;
}

/** The noun a word is part of through compounds and flat names: "air" in "air raids" is the raids'. */
export function nounHead(tree: DependencyTree, tokens: readonly Token[], i: number): number {
  let k = i;
  for (let steps = 0; steps < 4; steps++) {
    const h = tree.head(k);
    const rel = tree.baseRel(k);
    if (h === null || h < 0 || (rel !== 'compound' && rel !== 'flat') || tokens[h].pos !== 'NOUN') break;
    k = h;
  }
  return k;
}

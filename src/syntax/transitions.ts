/**
 * The arc-eager transition system (Nivre 2003) over words 1..n with an artificial root 0.
 * A parse is at most 2n transitions: SHIFT and RIGHT each consume a buffer word, LEFT and
 * REDUCE each pop one; so parsing is linear in sentence length whatever the scorer says.
 * The root takes one dependent only (the sentence's root word); words left without a head when
 * the buffer runs out are attached by `finish`, so the result is always one well-formed tree.
 */

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const ACTION_COUNT = 4;

export class ParseState {
  readonly heads: Int32Array;
  /** Label index of each word's arc; -1 while it has no head. */
  readonly labels: Int32Array;
  readonly leftmost: Int32Array;
  readonly leftmost2: Int32Array;
  readonly rightmost: Int32Array;
  readonly rightmost2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;
  readonly stack: Int32Array;
  depth = 1;
  /** Next buffer word (1-based); the buffer is empty when it passes n. */
  next = 1;
  /** The word attached to the root, or -1. */
  rootWord = -1;

  constructor(readonly n: number) {
    const size = n + 1;
    this.heads = new Int32Array(size).fill(-1);
    this.labels = new Int32Array(size).fill(-1);
    this.leftmost = new Int32Array(size).fill(-1);
    this.leftmost2 = new Int32Array(size).fill(-1);
    this.rightmost = new Int32Array(size).fill(-1);
    this.rightmost2 = new Int32Array(size).fill(-1);
    this.leftCount = new Int32Array(size);
    this.rightCount = new Int32Array(size);
    this.stack = new Int32Array(size + 1);
    this.stack[0] = 0;
  }

  get done(): boolean { return this.next > this.n; }
  /** The stack's i-th item from the top (0 = top), or -1. */
  stackAt(i: number): number { return i < this.depth ? this.stack[this.depth - 1 - i] : -1; }
  /** The buffer's i-th word (0 = front), or -1. */
  bufferAt(i: number): number { return this.next + i <= this.n ? this.next + i : -1; }

  isValid(action: number): boolean {
    if (this.done) return false;
    const s0 = this.stack[this.depth - 1];
    switch (action) {
      case SHIFT: return true;
      case REDUCE: return s0 !== 0 && this.heads[s0] !== -1;
      case LEFT: return s0 !== 0 && this.heads[s0] === -1;
      case RIGHT: return s0 !== 0 || this.rootWord === -1;
      default: return false;
    }
  }

  apply(action: number, label: number): void {
    const s0 = this.stack[this.depth - 1];
    const b0 = this.next;
    switch (action) {
      case SHIFT: this.stack[this.depth++] = b0; this.next++; break;
      case REDUCE: this.depth--; break;
      case LEFT: this.attach(b0, s0, label); this.depth--; break;
      case RIGHT: this.attach(s0, b0, label); this.stack[this.depth++] = b0; this.next++; break;
    }
  }

  private attach(head: number, dep: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label;
    if (head === 0) { this.rootWord = dep; return; }
    if (dep < head) {
      if (this.leftmost[head] === -1 || dep < this.leftmost[head]) { this.leftmost2[head] = this.leftmost[head]; this.leftmost[head] = dep; }
      this.leftCount[head]++;
    } else {
      if (dep > this.rightmost[head]) { this.rightmost2[head] = this.rightmost[head]; this.rightmost[head] = dep; }
      this.rightCount[head]++;
    }
  }

  /**
   * Give every word still without a head one: the root word when there is one (with `fallback`
   * label, or `punct` for punctuation), else the first headless word becomes the root.
   */
  finish(rootLabel: number, fallbackLabel: (word: number) => number): void {
    let root = this.rootWord;
    for (let w = 1; w <= this.n; w++) {
      if (this.heads[w] !== -1) continue;
      if (root === -1) { root = w; this.heads[w] = 0; this.labels[w] = rootLabel; this.rootWord = w; continue; }
      this.heads[w] = root;
      this.labels[w] = fallbackLabel(w);
    }
  }
}

/**
 * The static oracle: the transition that leads to the gold tree `gold` (heads, 1-based, 0 =
 * root) from `state`, for projective trees. Reduces as soon as the top word has its head and
 * no dependents left in the buffer.
 */
export function oracleAction(state: ParseState, gold: ArrayLike<number>): number {
  const s0 = state.stack[state.depth - 1];
  const b0 = state.next;
  if (s0 !== 0 && state.heads[s0] === -1 && gold[s0] === b0) return LEFT;
  if (gold[b0] === s0) return RIGHT;
  if (s0 !== 0 && state.heads[s0] !== -1) {
    let pending = false;
    for (let k = b0; k <= state.n; k++) if (gold[k] === s0) { pending = true; break; }
    if (!pending) return REDUCE;
  }
  return SHIFT;
}

/** Whether a tree (heads 1-based, index 0 unused) has no crossing arcs. */
export function isProjective(heads: ArrayLike<number>, n: number): boolean {
  for (let d = 1; d <= n; d++) {
    const h = heads[d];
    const lo = Math.min(h, d), hi = Math.max(h, d);
    for (let k = lo + 1; k < hi; k++) {
      // every word between head and dependent must descend from the head
      let a = k;
      let steps = 0;
      while (a !== h && a !== 0 && steps++ <= n) a = heads[a];
      if (a !== h) return false;
    }
  }
  return true;
}

/**
 * The dynamic oracle's cost of a transition (Goldberg & Nivre 2012): how many gold arcs that
 * are still reachable from `state` it makes unreachable. Arc-eager is arc-decomposable, so a
 * transition of cost 0 always leads on to the best tree still reachable. `gold[0]` is unused.
 */
export function transitionCost(state: ParseState, gold: ArrayLike<number>, action: number): number {
  const s0 = state.stack[state.depth - 1];
  const b0 = state.next;
  const n = state.n;
  const onStack = (k: number): boolean => {
    for (let i = 0; i < state.depth; i++) if (state.stack[i] === k) return true;
    return false;
  };
  /** Can word w still take its gold head from the stack? */
  const headOnStack = (w: number): boolean => (gold[w] === 0 ? state.rootWord === -1 : onStack(gold[w]));
  /** Headless stack words whose gold head is `w`. */
  const stackDependents = (w: number, exceptTop: boolean): number => {
    let c = 0;
    for (let i = exceptTop ? 0 : 0; i < state.depth; i++) {
      const k = state.stack[i];
      if (k !== 0 && state.heads[k] === -1 && gold[k] === w && !(exceptTop && k === s0)) c++;
    }
    return c;
  };
  let cost = 0;
  switch (action) {
    case LEFT:
      if (gold[s0] > b0) cost++;
      for (let k = b0 + 1; k <= n; k++) if (gold[k] === s0) cost++;
      if (gold[b0] === s0) cost++;
      return cost;
    case RIGHT:
      if (gold[b0] !== s0 && (gold[b0] > b0 || (gold[b0] !== s0 && headOnStack(b0)))) cost++;
      return cost + stackDependents(b0, false);
    case REDUCE:
      for (let k = b0; k <= n; k++) if (gold[k] === s0) cost++;
      return cost;
    case SHIFT:
      if (gold[b0] < b0 && headOnStack(b0)) cost++;
      return cost + stackDependents(b0, false);
    default:
      return Number.MAX_SAFE_INTEGER;
  }
}

/**
 * Averaged perceptron over a fixed set of classes. Each feature owns one row
 * of `classes` weights. Averaging is lazy: each weight remembers when it last
 * changed and the running total is brought up to date only then, so an update
 * costs the number of active features, not the size of the model.
 */

/** What decoding needs from a model: a feature's row and the weights. */
export interface Scorer {
  readonly classes: number;
  /** Row of a feature key, or -1 when the model does not know it. */
  rowOf(feature: number): number;
  readonly weights: ArrayLike<number>;
}

/** Add the weights of `rows` into `scores` (length `classes`). */
export function addScores(model: Scorer, rows: ArrayLike<number>, scores: Float64Array): void {
  const c = model.classes;
  const w = model.weights;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r < 0) continue;
    const base = r * c;
    for (let j = 0; j < c; j++) scores[j] += w[base + j];
  }
}

export class AveragedPerceptron implements Scorer {
  readonly classes: number;
  readonly index = new Map<number, number>();
  /** Feature key of each row. */
  readonly names: number[] = [];
  weights: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  /** Number of training instances seen: the averaging clock. */
  clock = 0;

  constructor(classes: number, capacity = 1024) {
    this.classes = classes;
    this.weights = new Float64Array(capacity * classes);
    this.totals = new Float64Array(capacity * classes);
    this.stamps = new Float64Array(capacity * classes);
  }

  get size(): number {
    return this.names.length;
  }

  rowOf(feature: number): number {
    return this.index.get(feature) ?? -1;
  }

  /** The row of a feature, adding a zero row when it is new. */
  addFeature(feature: number): number {
    const known = this.index.get(feature);
    if (known !== undefined) return known;
    const row = this.names.length;
    if ((row + 1) * this.classes > this.weights.length) this.grow();
    this.index.set(feature, row);
    this.names.push(feature);
    return row;
  }

  private grow(): void {
    const bigger = (a: Float64Array): Float64Array => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.weights = bigger(this.weights);
    this.totals = bigger(this.totals);
    this.stamps = bigger(this.stamps);
  }

  /** Count one training instance (call once per decision, updated or not). */
  tick(): void {
    this.clock++;
  }

  private bump(at: number, delta: number): void {
    this.totals[at] += (this.clock - this.stamps[at]) * this.weights[at];
    this.stamps[at] = this.clock;
    this.weights[at] += delta;
  }

  /** Reward the gold class and penalise the predicted one on the given rows. */
  update(rows: ArrayLike<number>, gold: number, predicted: number): void {
    if (gold === predicted) return;
    const c = this.classes;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (r < 0) continue;
      this.bump(r * c + gold, 1);
      this.bump(r * c + predicted, -1);
    }
  }

  /** Add `delta` to class `cls` on the given rows (rows < 0 are skipped). */
  adjust(rows: ArrayLike<number>, cls: number, delta: number): void {
    const c = this.classes;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (r >= 0) this.bump(r * c + cls, delta);
    }
  }

  /** The averaged weights over all instances seen (a new array; training state untouched). */
  averaged(): Float64Array {
    const n = this.names.length * this.classes;
    const out = new Float64Array(n);
    const clock = Math.max(1, this.clock);
    for (let i = 0; i < n; i++) {
      const total = this.totals[i] + (this.clock - this.stamps[i]) * this.weights[i];
      out[i] = total / clock;
    }
    return out;
  }
}

/**
 * Weights stored one row per feature, found by the feature's hashed key: the shape shared by
 * the NER tagger's and the attribution tagger's models (a `Scorer` once `classes` is set).
 */
import { KeyIndex } from './hash.js';
import type { Scorer } from './perceptron.js';

export abstract class KeyedRows implements Scorer {
  abstract readonly classes: number;
  private readonly index: KeyIndex;
  constructor(
    /** Feature key of each row. */
    readonly keys: Int32Array,
    /** `classes` weights a row, as quantised integers. */
    readonly weights: Int16Array,
  ) {
    this.index = new KeyIndex(keys.length);
    for (let r = 0; r < keys.length; r++) this.index.set(keys[r], r);
  }

  /** The row of a feature key, or -1 for a feature the model does not know. */
  rowOf(feature: number): number {
    return this.index.get(feature);
  }

  get size(): number {
    return this.keys.length;
  }
}

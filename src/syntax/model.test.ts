import test from 'node:test';
import assert from 'node:assert/strict';
import { seededUint32 } from '../entities/tagger/random.js';
import { MAX_FEATURES } from './features.js';
import { actionScores, bestLabel, ParserModel, PARSER_FORMAT } from './model.js';
import { ACTION_COUNT } from './transitions.js';

const LABELS = ['acl', 'advmod', 'amod', 'case', 'nsubj', 'obj', 'obl', 'punct', 'root']; // odd count: a half-filled last pair

/** A model with random 8-bit weights; `extreme` uses only -128 and 127, the lanes' worst case. */
function randomModel(seed: number, extreme: boolean): ParserModel {
  const next = seededUint32(seed);
  const weight = () => (extreme ? (next() & 1 ? 127 : -128) : (next() & 0xff) - 128);
  const header = { format: PARSER_FORMAT, labels: LABELS, actionBits: 6, labelBits: 5, trained: {} };
  const action = Int8Array.from({ length: (1 << 6) * ACTION_COUNT }, weight);
  const label = Int8Array.from({ length: (1 << 5) * LABELS.length }, weight);
  return new ParserModel(header, action, label);
}

test('the packed tables score every action and label as the plain tables do, so the parse is the same', () => {
  for (const extreme of [false, true]) {
    const m = randomModel(extreme ? 7 : 3, extreme);
    const packed = m.scoring();
    const next = seededUint32(11);
    const rootLabel = LABELS.indexOf('root');
    for (let trial = 0; trial < 300; trial++) {
      const count = trial % 3 === 0 ? MAX_FEATURES : 1 + (next() % MAX_FEATURES);
      const feats = Int32Array.from({ length: MAX_FEATURES }, () => next() | 0);
      const plain = new Float64Array(ACTION_COUNT);
      const fast = new Float64Array(ACTION_COUNT);
      actionScores(m, feats, count, plain);
      packed.actionScores(feats, count, fast);
      assert.deepEqual([...fast], [...plain]);
      for (const dir of [0, 1]) {
        assert.equal(packed.bestLabel(feats, count, dir, rootLabel), bestLabel(m, feats, count, dir, rootLabel, new Float64Array(LABELS.length)));
      }
    }
  }
});

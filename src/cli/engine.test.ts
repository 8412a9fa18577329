import test from 'node:test';
import assert from 'node:assert/strict';
import { batchFlags, BATCH_AFTER_MS, engineFlags, REGEXP_TIER_UP_TICKS, tuneEngine } from './engine.js';

test('an acta process lets a RegExp run 100 times in the interpreter before V8 compiles it, and a batch its heap grow by half at most', () => {
  assert.deepEqual(engineFlags(), ['--regexp-tier-up-ticks=100']);
  assert.equal(REGEXP_TIER_UP_TICKS, 100);
  assert.deepEqual(batchFlags(), ['--heap-growing-percent=50']);
  assert.equal(BATCH_AFTER_MS, 1000);
});

test('with the flags set, a pattern matches as before on its first runs and after it is compiled', () => {
  const pattern = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|March)\.?\s+(\d{1,2})\b/g;
  const text = 'Talks resumed on March 12 and Jan. 5, not Feb 30th.';
  const before = [...text.matchAll(pattern)].map((m) => m[0]);
  tuneEngine();
  for (let run = 0; run < 2 * REGEXP_TIER_UP_TICKS; run++) {
    assert.deepEqual([...text.matchAll(new RegExp(pattern))].map((m) => m[0]), before);
  }
  assert.deepEqual(before, ['March 12', 'Jan. 5']);
});

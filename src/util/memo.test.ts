import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundedMemo } from './memo.js';

test('a memo computes each key once, and starts again past its limit', () => {
  const made: string[] = [];
  const upper = boundedMemo((s) => { made.push(s); return s.toUpperCase(); }, 2);
  assert.equal(upper('gao'), 'GAO');
  assert.equal(upper('gao'), 'GAO');
  assert.deepEqual(made, ['gao'], 'the second call is remembered');
  upper('kidal');
  upper('mopti'); // a third key: the memo is cleared first
  upper('gao');
  assert.deepEqual(made, ['gao', 'kidal', 'mopti', 'gao']);
});

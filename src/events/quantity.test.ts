import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityAt, wordTokens } from './quantity.js';

const read = (s: string) => {
  const q = quantityAt(wordTokens(s), 0);
  return q && [q.min, q.max];
};

test('numbers as figures and words, with thousands and multipliers', () => {
  assert.deepEqual(read('12 people'), [12, 12]);
  assert.deepEqual(read('1,200 people'), [1200, 1200]);
  assert.deepEqual(read('twenty-five people'), [25, 25]);
  assert.deepEqual(read('two hundred people'), [200, 200]);
  assert.deepEqual(read('a dozen people'), [12, 12]);
  assert.deepEqual(read('3 million people'), [3000000, 3000000]);
});

test('qualifiers make a range: a floor, a ceiling, or the number as stated', () => {
  assert.deepEqual(read('at least 12'), [12, null]);
  assert.deepEqual(read('more than 300'), [301, null]);
  assert.deepEqual(read('up to 40'), [0, 40]);
  assert.deepEqual(read('fewer than 10'), [0, 9]);
  assert.deepEqual(read('nearly 50'), [50, 50]);
  assert.deepEqual(read('an estimated 2,000'), [2000, 2000]);
});

test('vague counts are the floor an analyst would code', () => {
  assert.deepEqual(read('dozens of people'), [24, null]);
  assert.deepEqual(read('hundreds of people'), [200, null]);
  assert.deepEqual(read('tens of thousands of people'), [20000, null]);
  assert.deepEqual(read('several others'), [3, 9]);
  assert.deepEqual(read('a few people'), [2, 9]);
});

test('words that are no number start no quantity', () => {
  assert.equal(read('people'), null);
  assert.equal(read('a man'), null);
  assert.equal(read('twenty-something'), null);
});

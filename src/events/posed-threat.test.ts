import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triggersOf } from './coded.fixtures.js';

// Sentences written for these tests; none is taken from a corpus.
const threats = (text: string) => triggersOf('THREATEN', text);

test('a threat something poses is a danger, not a threat made', () => {
  assert.deepEqual(threats('Officials said the new missiles pose a greater threat to merchant ships.'), []);
  assert.deepEqual(threats('The minister said terrorism represents a serious threat to the country.'), []);
});

test('a threat made or issued stays a threat', () => {
  assert.deepEqual(threats('Iran threatened to close the strait.'), ['threatened']);
  assert.ok(threats('The rebel commander made a threat against the capital on Monday.').includes('threat'));
});

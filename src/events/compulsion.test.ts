import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triggersOf } from './coded.fixtures.js';

// Sentences written for these tests; none is taken from a corpus.
const coerced = (text: string) => triggersOf('COERCE', text);

test('forced by circumstances, or by no one named, is no coercion', () => {
  assert.deepEqual(coerced('Rising costs have forced many small farmers to sell their land.'), []);
  assert.deepEqual(coerced('The cabinet has been forced to postpone the budget vote.'), []);
});

test('forced by someone is coercion', () => {
  assert.deepEqual(coerced('Rebels forced villagers to leave their homes.'), ['forced']);
  assert.deepEqual(coerced('Villagers were forced by soldiers to leave.'), ['forced']);
});

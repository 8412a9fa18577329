import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './test-helpers.js';
import { spelledYear } from './parsers/word-year.js';

test('spelled-out years', () => {
  assert.equal(spelledYear('nineteen ninety-six'), 1996);
  assert.equal(spelledYear('two thousand and three'), 2003);
  assert.equal(spelledYear('twenty twelve'), 2012);
  assert.equal(spelledYear('nineteen oh five'), 1905);
});

test('years, decades and centuries in words, as transcripts say them', () => {
  assert.deepEqual(times('The mill shut in nineteen eighty-two.'), [['nineteen eighty-two', 'DATE', '1982']]);
  assert.deepEqual(times('Planners looked ahead to the year two thousand.'), [['the year two thousand', 'DATE', '2000']]);
  assert.deepEqual(times('Prices peaked in March nineteen ninety-nine.'), [['March nineteen ninety-nine', 'DATE', '1999-03']]);
  assert.deepEqual(times('Floods hit in the spring of nineteen seventy-three.'), [['the spring of nineteen seventy-three', 'DATE', '1973-SP']]);
  assert.deepEqual(times('The town boomed in the eighties.'), [['the eighties', 'DATE', '198']]);
  assert.deepEqual(times('The chapel dates from the 14th century.'), [['the 14th century', 'DATE', '13']]);
  assert.deepEqual(times('Some twenty-five farmers came.'), []);
});

test('an age is no duration, even after "the"', () => {
  assert.deepEqual(times('The 9-year-old girl was found safe.'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './test-helpers.js';

// Publication date: Thursday 2021-11-04 (quarters reported after the fact).
const P = '2021-11-04';

test('a year-ago comparison takes the grain of the quarter the story names', () => {
  assert.deepEqual(times('The brewer lost $3 million in the second quarter, against a profit of $1 million a year earlier.', P), [
    ['the second quarter', 'DATE', '2021-Q2'], ['a year earlier', 'DATE', '2020-Q2']]);
  assert.deepEqual(times('Sales in the year-ago quarter were weaker.', P), [['the year-ago quarter', 'DATE', '2020-Q3']]);
});

test('"the quarter" is the quarter the story last named, else the latest ended one', () => {
  assert.deepEqual(times('Margins narrowed in the quarter.', P), [['the quarter', 'DATE', '2021-Q3']]);
  assert.deepEqual(times('First-quarter orders rose.\nIn the quarter, costs fell.', P), [
    ['First-quarter', 'DATE', '2021-Q1'], ['the quarter', 'DATE', '2021-Q1']]);
  assert.deepEqual(times('Year-earlier figures were restated.', P), [['Year-earlier', 'DATE', '2020-Q3']]);
});

test('periods with a year or a relative year', () => {
  assert.deepEqual(times('Output beat the 2019 third quarter.', P), [['the 2019 third quarter', 'DATE', '2019-Q3']]);
  assert.deepEqual(times('It expects a rebound in next year\'s first quarter.', P), [['next year\'s first quarter', 'DATE', '2022-Q1']]);
  assert.deepEqual(times('The quarter of a century since then was calm.', P).filter(([t]) => /quarter/i.test(t)), []);
});

test('the year of a report, and a fiscal year that ends on a day', () => {
  assert.deepEqual(times('For the full year, the group expects flat sales.', P), [['the full year', 'DATE', '2021']]);
  assert.deepEqual(times('In the year ended June 30, the insurer lost money.', P), [['the year', 'DURATION', 'P1Y'], ['June 30', 'DATE', '2021-06-30']]);
  assert.deepEqual(times('Debt should fall by the end of the year.', P), [['the end of the year', 'DATE', '2021']]);
});

test('a year-back comparison keeps the story\'s quarter across sentences, and the year after a span of months', () => {
  assert.deepEqual(times('The miner reported third-quarter profit.\nOutput rose 4%.\nNet was $9 million, against $7 million a year earlier.', P).map((t) => t[2]), [
    '2021-Q3', '2020-Q3']);
  assert.deepEqual(times('Third-quarter sales fell.\nIn the nine months, net rose to $30 million from $25 million a year earlier.', P).map((t) => t[2]), [
    '2021-Q3', 'P9M', '2020']);
});

test('a second "a year earlier" compares with the same year, not one more back', () => {
  assert.deepEqual(times('Profit rose in 2021.\nRevenue beat the level of a year earlier.\nCosts also exceeded those of a year earlier.', P).map((t) => t[2]), [
    '2021', '2020', '2020']);
});

test('"the 2020 period" is the comparison: "the quarter" after it stays in the story\'s year', () => {
  assert.deepEqual(times('The chain lost money in the fiscal second quarter.\nIn the 2020 period it had earned $4 million.\nIt expects to break even for the quarter.', P).map((t) => t[2]), [
    '2021-Q2', '2020-Q2', '2021-Q2']);
});

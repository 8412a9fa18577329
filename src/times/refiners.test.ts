import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOverlapsRefiner } from './refiners/merge-overlaps.js';
import { trimSpanRefiner } from './refiners/trim-span.js';
import { refineDiscourse, shiftValue } from './refiners/discourse.js';
import { plausible } from './parsers/chrono.js';
import type { TimeCandidate, TimeContext } from './types.js';
import { times } from './test-helpers.js';

const ctx: TimeContext = { text: 'Guards fired at 3 p.m. on Tuesday, witnesses said.', offset: 0, anchor: { y: 2021, m: 1, d: 18 } };
const cand = (start: number, end: number, source: string, type: TimeCandidate['type'] = 'DATE', priority = 1): TimeCandidate =>
  ({ start, end, type, value: 'v', source, priority });

test('merge-overlaps: project parsers beat chrono, longer beats shorter', () => {
  const kept = mergeOverlapsRefiner.refine(ctx, [cand(26, 33, 'weekday', 'DATE', 3), cand(23, 33, 'chrono', 'DATE', 0), cand(0, 6, 'duration'), cand(0, 12, 'year')]);
  assert.deepEqual(kept.map((k) => k.source), ['year', 'weekday']);
});

test('merge-overlaps: chrono keeps a span that adds a clock time', () => {
  const kept = mergeOverlapsRefiner.refine(ctx, [cand(26, 33, 'weekday', 'DATE', 3), cand(16, 33, 'chrono', 'TIME', 0)]);
  assert.deepEqual(kept.map((k) => k.source), ['chrono']);
});

test('trim-span: no spaces or commas at the edges', () => {
  assert.deepEqual(trimSpanRefiner.refine(ctx, [cand(25, 34, 'weekday')]).map((c) => [c.start, c.end]), [[26, 33]]);
});

test('discourse: anaphoric times count from the last time named', () => {
  const out = refineDiscourse([
    { start: 0, text: 'March 2', value: '2020-03-02', type: 'DATE', source: 'month-day' },
    { start: 30, text: 'the next day', value: '2021-01-19', type: 'DATE', source: 'anaphoric' },
  ]);
  assert.equal(out[1].value, '2020-03-03');
  assert.deepEqual(times('Troops entered the city on June 2. The next day, looting began.').map((t) => t[2]), ['2020-06-02', '2020-06-03']);
  assert.equal(shiftValue('2020', { unit: 'day', n: 1 }), null);
  assert.equal(shiftValue('2020-03', { unit: 'year', n: -1 }), '2019');
});

test('chrono noise in financial copy is dropped', () => {
  assert.equal(plausible('125 a'), false);
  assert.equal(plausible('7/8'), false);
  assert.equal(plausible('Sun'), false);
  assert.equal(plausible('3 p.m.'), true);
  assert.equal(plausible('10:30'), true);
  // A decimal is no clock time without a.m. or p.m.
  assert.equal(plausible('6.43, on Friday'), false);
  assert.equal(plausible('6.45 p.m.'), true);
  assert.deepEqual(times('The index fell 2.1%, or 8.15, on Friday.'), [['Friday', 'DATE', '2021-01-15']]);
});

test('"a second" before a noun is an ordinal, not one second from now: "a second inquiry"', () => {
  assert.deepEqual(times('The opposition has called for a second inquiry into the deal.'), []);
  // A minute's silence is still a minute long.
  assert.deepEqual(times('The crowd held a minute\'s silence for the victims.'), [['a minute', 'DURATION', 'PT1M']]);
  assert.equal(plausible('a second'), false);
});

test('trim-span: a closing bracket whose opening one is outside the span is cut', () => {
  assert.deepEqual(times('The ferry sails at dawn (6 a.m. Thursday), the company said.').map((t) => t[0]), ['6 a.m. Thursday']);
});

test('title: a capitalised unit in running text is a name, not a time', () => {
  assert.deepEqual(times('The senator spoke on CBS\'s "60 Minutes" on Sunday.'), [['Sunday', 'DATE', '2021-01-17']]);
  assert.deepEqual(times('The minister said on "This Week" that talks would go on.'), []);
  assert.deepEqual(times('This week the minister said talks would go on.'), [['This week', 'DATE', '2021-W03']]);
  assert.deepEqual(times('The poll was published by USA Today on Monday.'), [['Monday', 'DATE', '2021-01-18']]);
  assert.deepEqual(times('It rained. Today the river is rising.'), [['Today', 'DATE', '2021-01-18']]);
  // In a title-case headline every word has its capital.
  assert.deepEqual(times('Markets Rally This Week On Rate Hopes'), [['This Week', 'DATE', '2021-W03']]);
});

test('clock-date: a clock time takes the day that follows it across a bracket', () => {
  assert.deepEqual(times('The blast came at 9:40 a.m. (0640 GMT) Friday, police said.'), [
    ['9:40 a.m.', 'TIME', '2021-01-15T09:40'], ['Friday', 'DATE', '2021-01-15']]);
  assert.deepEqual(times('The convoy will leave at 5 in the morning (5 a.m. Thursday).'), [
    ['5 in the morning', 'TIME', '2021-01-21T05:00'], ['5 a.m. Thursday', 'TIME', '2021-01-21T05:00']]);
  // A day in another clause is not the clock time's.
  assert.deepEqual(times('The blast came at 9:40 a.m., and on Friday police made arrests.').map((t) => t[2]), ['2021-01-18T09:40', '2021-01-15']);
});

test('relative-to-time: "the day before yesterday", "the day after Christmas" count from the time that follows', () => {
  assert.deepEqual(times('The two leaders spoke the day before yesterday.'), [['the day before yesterday', 'DATE', '2021-01-16']]);
  assert.deepEqual(times('Shops reopened the day after Christmas.'), [['the day after Christmas', 'DATE', '2020-12-26']]);
  assert.deepEqual(times("The day before last Friday's vote, the envoy left."), [['The day before last Friday', 'DATE', '2021-01-14']]);
  // A lone "the day before" still counts from the story's last time.
  assert.deepEqual(times('Rebels took the airport on May 4.\nThe day before, the army had withdrawn.').map((t) => t[2]), ['2020-05-04', '2020-05-03']);
});

test('"DATE, the day before EVENT": the day is the date in apposition', () => {
  assert.deepEqual(times('Markets fell on Nov. 8, the day after the vote, and recovered in December.').slice(0, 2), [
    ['Nov. 8', 'DATE', '2020-11-08'], ['the day', 'DATE', '2020-11-08']]);
  assert.deepEqual(times('Police arrived on Tuesday, the day before the march began.'), [
    ['Tuesday', 'DATE', '2021-01-12'], ['the day', 'DATE', '2021-01-12']]);
});

test('relative-to-time: "the week of March 8" is the week holding that day', () => {
  assert.deepEqual(times('A hearing is set for the week of March 8.'), [['the week of March 8', 'DATE', '2021-W10']]);
  assert.deepEqual(times('Inspectors came during the week of Jan. 4, 2021.'), [['the week of Jan. 4, 2021', 'DATE', '2021-W01']]);
});

test('discourse: "the previous Friday", "the following Thursday" count from the last time named', () => {
  assert.deepEqual(times('Shares closed higher on Friday, Jan. 15, up 3% from the previous Friday.').map((t) => t[2]), ['2021-01-15', '2021-01-08']);
  assert.deepEqual(times('Rebels seized the town on Monday, Jan. 4.\nThe following Thursday they withdrew.'), [
    ['Monday, Jan. 4', 'DATE', '2021-01-04'], ['The following Thursday', 'DATE', '2021-01-07']]);
  // With no time before it, from publication (Monday 2021-01-18).
  assert.deepEqual(times('Prices fell 3% from the previous Friday.'), [['the previous Friday', 'DATE', '2021-01-15']]);
});

test('discourse: "in the morning", "during the afternoon" are parts of the day the story tells', () => {
  assert.deepEqual(times('Bond prices slid on Friday, Jan. 15.\nDealers sold heavily in the morning and bought back during the afternoon.'), [
    ['Friday, Jan. 15', 'DATE', '2021-01-15'], ['the morning', 'TIME', '2021-01-15TMO'], ['the afternoon', 'TIME', '2021-01-15TAF']]);
  // A clock time keeps its own reading.
  assert.deepEqual(times('The convoy left at 5 in the morning.'), [['5 in the morning', 'TIME', '2021-01-18T05:00']]);
});

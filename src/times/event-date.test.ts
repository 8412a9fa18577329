import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from './index.js';
import { eventDate, valueToDate } from './event-date.js';
import { lineDoc } from './test-helpers.js';

function dateOf(text: string, trigger: string, previous: { date: string | null } | null = null, published: string | null = '2021-01-18') {
  const base = lineDoc(text, published);
  const doc = { ...base, times: findTimes(base) };
  const start = text.indexOf(trigger);
  const sentence = doc.sentences.find((s) => s.start <= start && start < s.end)!;
  return eventDate(doc, { sentence: sentence.index, start, end: start + trigger.length }, previous);
}

test('a date in the same clause governs the trigger', () => {
  const text = 'Rebels seized the town on January 3, and the army retook it on January 9.';
  const at = text.indexOf('January 9');
  assert.deepEqual(dateOf(text, 'retook'), { date: '2021-01-09', precision: 'day', text: 'January 9', start: at, end: at + 9 });
  assert.equal(dateOf('Rebels seized the town on January 3, and the army retook it on January 9.', 'seized').date, '2021-01-03');
});

test('otherwise the nearest date in the sentence, the earlier one on a tie', () => {
  assert.equal(dateOf('On Tuesday, police arrested two men.', 'arrested').date, '2021-01-12');
});

test('precision follows the value', () => {
  assert.equal(dateOf('The ministry was dissolved in December 2020.', 'dissolved').precision, 'month');
  assert.deepEqual(
    [dateOf('The plant was built in 2016.', 'built').date, dateOf('The plant was built in 2016.', 'built').precision],
    ['2016', 'year']);
});

test('anaphoric dates count from the previous event', () => {
  const text = 'Two days earlier, the governor had imposed a curfew.';
  assert.deepEqual(dateOf(text, 'imposed', { date: '2021-01-10' }),
    { date: '2021-01-08', precision: 'day', text: 'Two days earlier', start: 0, end: 16 });
  assert.equal(dateOf('The rebels withdrew the next day.', 'withdrew', { date: '2021-01-10' }).date, '2021-01-11');
  assert.equal(dateOf('A couple of days later, the talks collapsed.', 'collapsed', { date: '2021-01-10' }).date, '2021-01-12');
  assert.equal(dateOf('Officials had met the day before.', 'met', { date: '2021-01-10' }).date, '2021-01-09');
});

test('anaphoric dates fall back to the publication date', () => {
  assert.equal(dateOf('The rebels withdrew the next day.', 'withdrew', null).date, '2021-01-19');
});

test('no date in the sentence: unknown, not the publication date', () => {
  assert.deepEqual(dateOf('The army shelled the village.', 'shelled'),
    { date: null, precision: 'unknown', text: null, start: null, end: null });
});

test('durations, sets and present references are not event dates', () => {
  assert.equal(dateOf('The siege lasted three days.', 'siege').precision, 'unknown');
  assert.equal(dateOf('Inspectors visit the site every week.', 'visit').precision, 'unknown');
  assert.equal(dateOf('The town is now under curfew.', 'curfew').precision, 'unknown');
});

test('times of day give their day', () => {
  assert.equal(dateOf('Shelling resumed on Saturday night.', 'resumed').date, '2021-01-16');
});

test('TIMEX3 values to contract dates', () => {
  assert.deepEqual(valueToDate('2020-Q3'), { date: '2020', precision: 'year' });
  assert.deepEqual(valueToDate('2021-W02'), { date: '2021-01', precision: 'month' });
  assert.equal(valueToDate('PRESENT_REF'), null);
  assert.equal(valueToDate('XXXX-01-03'), null);
});

test('a value outside the years YYYY-MM-DD can write (year 0, year 10000) is no event date', () => {
  assert.equal(valueToDate('0000-12-31'), null);
  assert.equal(valueToDate('0000-12'), null);
  assert.equal(valueToDate('0000'), null);
  assert.equal(valueToDate('10000-01-01'), null);
  assert.deepEqual(valueToDate('0001-01-01'), { date: '0001-01-01', precision: 'day' });
});

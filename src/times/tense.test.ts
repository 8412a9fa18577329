import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './test-helpers.js';

// Publication date: Monday 2021-01-18.

test('a capitalised word in -ed is a name, not a past verb', () => {
  assert.deepEqual(times('The envoy will fly to the United Kingdom Thursday.'), [['Thursday', 'DATE', '2021-01-21']]);
});

test('an initial with a full stop does not end the clause', () => {
  assert.deepEqual(times('Ms. Okafor, 48, will replace Anna B. Lindqvist March 1.'), [['March 1', 'DATE', '2021-03-01']]);
});

test('"will be" + participle is future', () => {
  assert.deepEqual(times('The new bridge will be opened for a ceremony in June.'), [['June', 'DATE', '2021-06']]);
});

test('a past verb right after the weekday places it in the past', () => {
  assert.deepEqual(times('Pickers will stay home even after a judge Friday rejected the claim.'), [['Friday', 'DATE', '2021-01-15']]);
});

test('the modal before "and" reaches past a noun pair', () => {
  assert.deepEqual(times('The ferry line will add sailings between Oslo and Kiel by August.'), [['August', 'DATE', '2021-08']]);
});

test('a month after "by" or "through" with no tense cue lies ahead', () => {
  assert.deepEqual(times('The plan is to retire the debt by September.'), [['September', 'DATE', '2021-09']]);
});

test('"next to" is a place, not the future', () => {
  assert.deepEqual(times('Two stalls burned next to the station on Thursday.'), [['Thursday', 'DATE', '2021-01-14']]);
});

test('"this summer" before summer is the coming one', () => {
  assert.deepEqual(times('Marchers plan more protests this summer.', '2021-03-20'), [['this summer', 'DATE', '2021-SU']]);
  assert.deepEqual(times('The drought this summer was severe.', '2021-09-20'), [['this summer', 'DATE', '2021-SU']]);
});

test('a month in lower case is a word', () => {
  assert.deepEqual(times('Thousands joined the march through the capital.'), []);
});

test('"mid-afternoon" and a part of the day before "yesterday" are TIMEs', () => {
  assert.deepEqual(times('By mid-afternoon the rain had stopped.'), [['mid-afternoon', 'TIME', '2021-01-18TAF']]);
  assert.deepEqual(times('Shares slipped in late morning yesterday.'), [['late morning yesterday', 'TIME', '2021-01-17TMO']]);
});

test('a part of the day alone is no time', () => {
  assert.deepEqual(times('She hosts a morning talk show.'), []);
  assert.deepEqual(times('Rooms cost $60 a night.'), []);
});

test('a company called Sun and the verb "may" before a comma are no dates', () => {
  assert.deepEqual(times('Sun, Acme and others say the chip is late.'), []);
  assert.deepEqual(times('You may, with luck, find a seat.'), []);
});

test('a weekday fronted before a comma takes the tense of the clause after it', () => {
  assert.deepEqual(times('On Thursday, the union will hold a rally.'), [['Thursday', 'DATE', '2021-01-21']]);
  assert.deepEqual(times('On Thursday, the union held a rally.'), [['Thursday', 'DATE', '2021-01-14']]);
});

test('a month with "last/this/next year" is that month of that year', () => {
  assert.deepEqual(times('The mill closed in June last year.'), [['June last year', 'DATE', '2020-06']]);
  assert.deepEqual(times('Talks resume in March next year.'), [['March next year', 'DATE', '2022-03']]);
});

test('a future-tense day of the past week stays in this year', () => {
  assert.deepEqual(times('The envoy must leave by Jan. 14, officials will say.', '2021-01-16'), [['Jan. 14', 'DATE', '2021-01-14']]);
});

test('a plan in the past perfect lies before the report', () => {
  assert.deepEqual(times('The offer had been due to expire Friday evening.'), [['Friday evening', 'TIME', '2021-01-15TEV']]);
});

test('a participle after an article is an adjective, not a past verb', () => {
  assert.deepEqual(times('The bonus would be paid on a still undecided date in November.'), [['November', 'DATE', '2021-11']]);
});

test('"last" before a month and day leaves the date to the month-day reading', () => {
  assert.deepEqual(times('The clinic was attacked last Oct. 9 at night.', '2021-04-20'), [['Oct. 9', 'DATE', '2020-10-09']]);
});

test('a date something takes effect from lies ahead, whatever the verb', () => {
  assert.deepEqual(times('The bank named a new treasurer, effective March 1.'), [['March 1', 'DATE', '2021-03-01']]);
  assert.deepEqual(times('Costs rose under the wage deal effective Dec. 1.', '2021-10-20'), [['Dec. 1', 'DATE', '2021-12-01']]);
  assert.deepEqual(times('Fares went up, effective from Thursday.'), [['Thursday', 'DATE', '2021-01-21']]);
});

test('time granted or put off "until" (or "through") a day runs ahead, whatever the tense', () => {
  assert.deepEqual(times('Officials gave the family until Thursday to respond.'), [['Thursday', 'DATE', '2021-01-21']]);
  assert.deepEqual(times('The court extended its deadline until 5 p.m. Friday.'), [['5 p.m. Friday', 'TIME', '2021-01-22T17:00']]);
  assert.deepEqual(times('The lenders extended the credit line through February.', '2021-10-20'), [['February', 'DATE', '2022-02']]);
  // Without such a verb "until" says nothing of direction.
  assert.deepEqual(times('The talks ran until Thursday.'), [['Thursday', 'DATE', '2021-01-14']]);
});

test('"is expected" and "slated" before a day look ahead, though "expected" ends in -ed', () => {
  assert.deepEqual(times('A ruling is expected Thursday.'), [['Thursday', 'DATE', '2021-01-21']]);
  assert.deepEqual(times('The vote is slated for Friday.'), [['Friday', 'DATE', '2021-01-22']]);
  assert.deepEqual(times('The minister had been expected Friday.'), [['Friday', 'DATE', '2021-01-15']]);
});

test('"midnight Friday" is the end of the day named (T24:00); a bare "midnight" the coming one', () => {
  assert.deepEqual(times('The tender offer expired at midnight Friday.'), [['midnight Friday', 'TIME', '2021-01-15T24:00']]);
  assert.deepEqual(times('Polls closed at midnight on Jan. 12.'), [['midnight on Jan. 12', 'TIME', '2021-01-12T24:00']]);
  assert.deepEqual(times('A curfew starts at midnight.'), [['midnight', 'TIME', '2021-01-19T00:00']]);
});

test('"as planned" says a plan was kept, not that its day lies ahead', () => {
  assert.deepEqual(times('The army let the offensive begin as previously planned Saturday night.'), [['Saturday night', 'TIME', '2021-01-16TNI']]);
  assert.deepEqual(times('The talks are planned for Saturday.'), [['Saturday', 'DATE', '2021-01-23']]);
});

test('an irregular past form places a month-day in the past, as an -ed form does', () => {
  assert.deepEqual(times('Rebels would repeat the action they took on December 20.'), [['December 20', 'DATE', '2020-12-20']]);
  assert.deepEqual(times('The talks will be held on December 20.'), [['December 20', 'DATE', '2021-12-20']]);
  assert.deepEqual(times("The envoy won't travel before March 3."), [['March 3', 'DATE', '2021-03-03']]);
  // A weekday too, after a future cue earlier in the sentence: 'broke' is the past.
  assert.deepEqual(times('Officials said talks would resume on Monday after they broke down on Friday.', '1987-03-18'),
    [['Monday', 'DATE', '1987-03-23'], ['Friday', 'DATE', '1987-03-13']]);
  assert.deepEqual(times('The envoy said the rebels would return the town they overran on Friday.', '1987-03-18').map((t) => t[2]), ['1987-03-13']);
});

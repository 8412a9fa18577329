import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './test-helpers.js';
import { easterSunday } from './parsers/holiday.js';

test('Easter Sunday by the computus', () => {
  assert.deepEqual(easterSunday(2021), { y: 2021, m: 4, d: 4 });
  assert.deepEqual(easterSunday(2019), { y: 2019, m: 4, d: 21 });
});

test('holidays become days, leaning to the past unless the clause is future', () => {
  assert.deepEqual(times('Riots broke out on Christmas Eve.'), [['Christmas Eve', 'DATE', '2020-12-24']]);
  assert.deepEqual(times('The mall will reopen after Thanksgiving.'), [['Thanksgiving', 'DATE', '2021-11-25']]);
  assert.deepEqual(times('Good Friday 2019 passed quietly.'), [['Good Friday 2019', 'DATE', '2019-04-19']]);
  assert.deepEqual(times('Shops were shut on New Year’s Day.'), [['New Year’s Day', 'DATE', '2021-01-01']]);
});

test('US Election Day is the Tuesday after the first Monday in November', () => {
  assert.deepEqual(times('Turnout on Election Day 2020 broke records.'), [['Election Day 2020', 'DATE', '2020-11-03']]);
  assert.deepEqual(times('Ads will run until Election Day.', '2022-10-20'), [['Election Day', 'DATE', '2022-11-08']]);
});

test('a holiday that begins a longer name is no date', () => {
  assert.deepEqual(times('Talks on restoring the institutions set up by the Good Friday Agreement resumed on Monday.', '2005-03-02').map((t) => t[0]), ['Monday']);
  assert.deepEqual(times('Asylum seekers who reached the coast were held in a camp on Christmas Island.'), []);
  assert.deepEqual(times('Crowds gathered on Easter Monday.', '2021-04-10'), [['Easter Monday', 'DATE', '2021-04-05']]);
});

test('a named day that is an event is neither a date nor the last such weekday', () => {
  assert.deepEqual(times('The Bloody Sunday inquiry will publish its report, the families were told.', '2005-03-02'), []);
  assert.deepEqual(times('Stores opened at dawn on Black Friday.', '2021-11-30'), [['Black Friday', 'DATE', '2021-11-26']]);
});

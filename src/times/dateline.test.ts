import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDatelineTime } from './dateline.js';
import { times } from './test-helpers.js';

/** The span of `date` in `text`, as the times stage gives it. */
const at = (text: string, date: string) => ({ start: text.indexOf(date), end: text.indexOf(date) + date.length });

test("a wire dateline's day is the day of filing", () => {
  const wire = 'IRAQ REPORTS ATTACKS\nBAGHDAD, March 23 - Iraq said today its warplanes attacked a tanker.';
  assert.equal(isDatelineTime(wire, at(wire, 'March 23')), true);
  const place = 'UNITED NATIONS, April 9 - The United States served notice.';
  assert.equal(isDatelineTime(place, at(place, 'April 9')), true);
  const abbreviated = 'TITLE\nNICOSIA, Oct 19 - Iran said several people were injured.';
  assert.equal(isDatelineTime(abbreviated, at(abbreviated, 'Oct 19')), true);
});

test('a date told in the sentence is no dateline', () => {
  const told = 'Troops entered the city on March 23 - a day after the truce.';
  assert.equal(isDatelineTime(told, at(told, 'March 23')), false);
  const lowered = 'In Baghdad, March 23 - the day of the vote - passed quietly.';
  assert.equal(isDatelineTime(lowered, at(lowered, 'March 23')), false);
  const noDash = 'BAGHDAD, March 23, Iraq said.';
  assert.equal(isDatelineTime(noDash, at(noDash, 'March 23')), false);
});

test("a report's 'today', 'yesterday' and weekdays count from its dateline's day", () => {
  // Stamped the day before it was filed, as an archive may.
  const wire = 'CHINA, ISRAEL MEET\nUNITED NATIONS, March 29 - The two sides met today and yesterday, and on Friday.';
  assert.deepEqual(times(wire, '1987-03-28').map((t) => [t[0], t[2]]),
    [['March 29', '1987-03-29'], ['today', '1987-03-29'], ['yesterday', '1987-03-28'], ['Friday', '1987-03-27']]);
  // A dateline far from the publication date is some other day: the publication date anchors.
  const far = 'TITLE\nOSLO, March 2 - Parliament voted today.';
  assert.deepEqual(times(far, '1987-03-16').map((t) => [t[0], t[2]]), [['March 2', '1987-03-02'], ['today', '1987-03-16']]);
});

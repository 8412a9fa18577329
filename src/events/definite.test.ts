import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

test('"the missile strike" with no date of its own is the missile attack told before, with its date', () => {
  const text = 'On 8 May 2024, rebels fired missiles at an army base near Marib. '
    + 'Officials said 12 soldiers were wounded. Doctors treated the wounded after the missile strike on the base.';
  const events = analyze({ text, published: '2024-05-20' }).events.filter((e) => e.event === 'ASSAULT');
  const strike = events.find((e) => e.mentions.some((m) => m.trigger.text === 'strike'));
  assert.ok(strike);
  assert.equal(strike!.date, '2024-05-08');
  assert.equal(strike!.trigger.text, 'fired', 'one event, told first as "fired missiles"');
});

test('an unrelated definite attack does not borrow a date', () => {
  const text = 'On 8 May 2024, rebels fired missiles at an army base near Marib. '
    + 'Analysts recalled the drone attack on the port.';
  const events = analyze({ text, published: '2024-05-20' }).events;
  const drone = events.find((e) => e.trigger.text === 'attack');
  if (drone) assert.equal(drone.date, null);
});

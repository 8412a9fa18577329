import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

test('a place in a locative phrase is where the event happened, never its target', () => {
  const { events } = analyze({ text: 'Rival militias clashed in the Libyan capital Tripoli on Saturday, killing at least 32 people.', published: '2022-08-28' });
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.ok(!e.recipient.some((r) => r.text === 'Tripoli' || r.text === 'Libyan'), JSON.stringify(e.recipient));
    assert.ok(!e.actor.some((a) => a.text === 'Tripoli'), JSON.stringify(e.actor));
  }
  assert.ok(events.some((e) => e.location?.name === 'Tripoli' && e.location.country === 'LBY'));
});

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

test('a sea, gulf or region with no code is no party: the search goes on to the country', () => {
  const { events } = analyze({ text: 'Iran threatened a new offensive in its Gulf war with Iraq unless Baghdad accepted its terms.', published: '1987-01-10' });
  const threat = events.find((e) => e.event === 'THREATEN' && e.actor.some((a) => a.text === 'Iran'));
  assert.ok(threat, JSON.stringify(events.map((e) => [e.event, e.actor.map((a) => a.text)])));
  assert.ok(!threat.recipient.some((r) => r.text === 'Gulf'), JSON.stringify(threat.recipient));
});

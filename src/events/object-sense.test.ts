import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The events of a text as "TYPE trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2021-03-01' }).events.map((e) => `${e.event} ${e.trigger.text}`);
}

test('a text, a count or a picture released is published, not freed', () => {
  assert.ok(!events('The ministry released a statement on Monday condemning the attack.').some((e) => e.startsWith('RETREAT')));
  assert.ok(!events('The army released figures showing 30 soldiers had died.').some((e) => e.startsWith('RETREAT')));
  // (the parse may take the participle for the main verb)
  assert.ok(!events('A Los Angeles Times poll released earlier this week showed that 37 pct approved.').some((e) => e.startsWith('RETREAT')));
  assert.ok(events('Police released the two journalists on Friday.').includes('RETREAT released'));
});

test('a goal or a payment met is fulfilled: no one is met, and not meeting it refuses no one', () => {
  assert.deepEqual(events('Iraq said it could not meet the remaining four principal repayments.'), []);
  assert.deepEqual(events('The government admitted it will not meet its goal of reducing unemployment.'), []);
  assert.ok(events('Bush met Putin in Moscow on Monday.').some((e) => e.startsWith('CONSULT')));
});

test('sharing information is cooperation, whatever a release of it would be', () => {
  assert.ok(events('Israel shared intelligence information with Jordan on Monday.').some((e) => e.startsWith('COOPERATE')));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const coded = (text: string): string[] => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.realis} ${e.trigger.text}`);

test('an act an agreement stops was going on: "agreed to stop shelling" is no threat to shell', () => {
  const events = coded('Iran agreed to stop shelling Iraqi towns.');
  assert.ok(events.includes('ASSAULT actual shelling'), events.join('; '));
  assert.ok(!events.some((e) => e.startsWith('THREATEN')), events.join('; '));
});

test('an act stopped under a condition happened: the condition is the stopping\'s', () => {
  const events = coded('The truce was declared on condition that the rebels stop attacking army posts and shelling the towns.');
  assert.ok(events.includes('ASSAULT actual shelling'), events.join('; '));
});

test('a stop that is itself the act stays the act: "will stop the march" is no ceasing of a march under way', () => {
  assert.ok(!coded('Police will stop the march if it reaches the palace.').some((e) => e.startsWith('PROTEST actual')));
});

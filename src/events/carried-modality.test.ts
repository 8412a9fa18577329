import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const coded = (text: string): string[] => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.realis} ${e.trigger.text}`);

test('a noun a verb carries takes that verb\'s modality: a promise of aid, a threat of attacks', () => {
  assert.ok(coded('Japan will provide food aid to North Korea.').some((e) => e.startsWith('AGREE')));
  assert.ok(coded('The rebels said they would launch attacks on the capital.').some((e) => e.startsWith('THREATEN')));
});

test('sanctions discussed or considered are no threat: they stay SANCTION, told as not (yet) imposed', () => {
  assert.ok(coded('The two leaders would discuss possible sanctions against the military government.').includes('SANCTION hypothetical sanctions'));
  assert.ok(coded('The ministers will consider new sanctions against Iran.').includes('SANCTION hypothetical sanctions'));
  assert.ok(!coded('The ministers will consider new sanctions against Iran.').some((e) => e.startsWith('THREATEN')));
});

test('an attack answered or judged under "will" is not threatened: it happened', () => {
  const retaliation = coded('Iran will retaliate for the attack on its embassy in Kabul.');
  assert.ok(retaliation.some((e) => e.startsWith('THREATEN') && e.endsWith('retaliate')), retaliation.join('; '));
  assert.ok(retaliation.includes('ASSAULT actual attack'), retaliation.join('; '));
  assert.ok(!coded('The government will investigate the attack on the embassy in Kabul.').some((e) => e.startsWith('THREATEN')));
});

test('a noun a verb goes ahead with is still carried by it: "will proceed with talks" is talks to come', () => {
  const talks = coded('The government will proceed with talks with the rebels next week.');
  assert.ok(talks.length > 0 && talks.every((e) => !e.includes(' actual ')), talks.join('; '));
});

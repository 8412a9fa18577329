import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { triggersOf } from './coded.fixtures.js';

// Sentences written for these tests; none is taken from a corpus.
const support = (text: string) => triggersOf('SUPPORT', text);

test('backing by weapons is how an operation is fought, not political support', () => {
  assert.deepEqual(support('The agency said government forces backed by heavy artillery fire were advancing on the town.'), []);
  assert.deepEqual(support('Troops supported by tanks and helicopters entered the city.'), []);
});

test('backing by an actor is support', () => {
  assert.deepEqual(support('France backed the Ivory Coast during the talks.'), ['backed']);
  assert.ok(support('The rebels, backed by Libya, attacked the town.').includes('backed'));
});

test('protection by warships is military protection, not backing by weapons', () => {
  const aid = analyze({ text: 'The tankers will fly the American flag and be protected by U.S. warships.', published: '2023-03-10' }).events.map((e) => e.trigger.text);
  assert.ok(aid.includes('protected'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { stateObstruction } from './state-obstruction.js';

// Sentences written for these tests; none is taken from a corpus.
const types = (text: string) => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.trigger.text}`);

test('a state\'s forces or authorities obstructing is a blockade: COERCE', () => {
  assert.ok(types('Army units blocked the main road into the city on Monday.').includes('COERCE blocked'));
});

test('demonstrators obstructing is a protest', () => {
  assert.ok(types('Striking farmers blocked the main road into the city on Monday.').includes('PROTEST blocked'));
});

test('only obstruction (CAMEO 144) by state organs or whole countries is recoded', () => {
  const army = { text: 'army', start: 0, end: 4, name: 'army', type: 'ORG', country: 'ISR', sector: 'MIL', code: 'ISRMIL' } as const;
  const farmers = { ...army, text: 'farmers', name: 'farmers', sector: 'AGR', code: 'ISRAGR' } as const;
  assert.equal(stateObstruction('144', [army]), '191');
  assert.equal(stateObstruction('144', [army, farmers]), null);
  assert.equal(stateObstruction('141', [army]), null);
  assert.equal(stateObstruction('144', []), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const coded = (text: string): string[] => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.trigger.text}`);

test('a verb of striking with a weapon, or on a structure, is the physical act whatever its usual sense', () => {
  assert.deepEqual(coded('Rebels blasted the army post with mortars.'), ['ASSAULT blasted']);
  assert.deepEqual(coded('Gunmen hit a police convoy near Kano.'), ['ASSAULT hit']);
});

test('said of plans or of a rival, it stays the verbal act', () => {
  assert.deepEqual(coded("Labour blasted the Conservatives' plans as reckless."), ['ACCUSE blasted']);
  assert.deepEqual(coded('The prime minister hit out at the opposition over its tax plans.'), ['ACCUSE hit']);
});

test('a happening that hits something affects it: no attack', () => {
  assert.deepEqual(coded('The walkout hit Jobcentres and benefit offices.'), []);
  assert.deepEqual(coded('The nationwide action hit Jobcentres, benefit agencies and tax offices.'), []);
  assert.deepEqual(coded('The new sanctions hit exports of oil.').filter((e) => e.startsWith('ASSAULT')), []);
});

test('an economic change that hits someone affects them: no attack ("hit by deregulation")', () => {
  const assaults = (text: string) => analyze({ text, published: '2023-03-10' }).events.filter((e) => e.event === 'ASSAULT').map((e) => e.trigger.text);
  assert.deepEqual(assaults('The sharp rise of the currency has hit exporters hard.'), []);
  assert.deepEqual(assaults('Small banks were badly hit by deregulation.'), []);
  assert.deepEqual(assaults('Rebels hit an army convoy near the border on Monday.'), ['hit']);
});

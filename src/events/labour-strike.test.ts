import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const coded = (text: string) => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.trigger.text}`);

test('a strike by workers, at a workplace or for pay is a stoppage of work: PROTEST', () => {
  assert.deepEqual(coded('Trade unions carried out strikes across the country in January.').filter((e) => e.startsWith('ASSAULT')), []);
  assert.ok(coded('Trade unions carried out strikes across the country in January.').some((e) => e.startsWith('PROTEST')));
  assert.deepEqual(coded('Longer strikes at two car plants hit production last year.').filter((e) => e.startsWith('ASSAULT')), []);
});

test('a strike with a weapon or on a target stays an attack', () => {
  assert.ok(coded('The U.S. missile strike on the oil platform killed two people.').some((e) => e.startsWith('ASSAULT')));
  assert.ok(coded('Israeli jets carried out strikes on guerrilla bases in southern Lebanon.').some((e) => e.startsWith('ASSAULT')));
});

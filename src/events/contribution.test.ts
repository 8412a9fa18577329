import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const triggers = (text: string) => analyze({ text, published: '2023-03-10' }).events.map((e) => e.trigger.text);

test('helping an outcome along is no aid to anyone', () => {
  assert.deepEqual(triggers('The central bank will sell bonds to help absorb the surplus.').filter((t) => t === 'help'), []);
  assert.deepEqual(triggers('The new package will help ease pressure on the currency.').filter((t) => t === 'help'), []);
  assert.deepEqual(triggers('The speech helped unite the ruling party.').filter((t) => t === 'helped'), []);
});

test('help given to someone stays aid', () => {
  assert.ok(triggers('Syria helped the rebels fight the army.').includes('helped'));
  assert.ok(triggers('The United States will help Egypt with food aid.').includes('help'));
});

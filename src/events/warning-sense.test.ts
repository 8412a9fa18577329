import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triggersOf } from './coded.fixtures.js';

// Sentences written for these tests; none is taken from a corpus.
const threats = (text: string) => triggersOf('THREATEN', text);

test('a warning of how things will go is a forecast, no threat', () => {
  assert.deepEqual(threats('The finance minister warned a further fall in exports might push the economy into recession.'), []);
  assert.deepEqual(threats('The central bank governor warned there would be no quick recovery.'), []);
});

test('a warning of what someone will do, or of what will be done, is a threat', () => {
  assert.deepEqual(threats('The foreign minister warned that Iran would resist any foreign intervention in the Gulf.'), ['warned']);
  assert.deepEqual(threats('The army warned that any attack would be met with force.'), ['warned']);
  assert.ok(threats('Iran warned the United States against escalating the crisis.').includes('warned'));
});

test('a warning of weather or of the economy is a forecast; a warning of reprisals a threat', () => {
  assert.deepEqual(threats('The central bank warned of a recession next year.'), []);
  assert.deepEqual(threats('Officials issued warnings of floods along the coast.'), []);
  assert.ok(threats('Iran warned of retaliation against the United States.').includes('warned'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ploverActor } from './plover.js';

test('PLOVER keeps state sectors as they are', () => {
  assert.deepEqual(ploverActor({ country: 'IRQ', sector: 'GOV', type: 'ORG' }), { code: 'IRQ', sector: 'GOV' });
  assert.deepEqual(ploverActor({ country: 'USA', sector: 'MIL', type: 'PER' }), { code: 'USA', sector: 'MIL' });
});

test("CAMEO's health and media sectors are PLOVER's MED and JRN", () => {
  assert.deepEqual(ploverActor({ country: 'CHE', sector: 'HLH', type: 'ORG' }), { code: 'CHE', sector: 'MED' });
  assert.deepEqual(ploverActor({ country: 'SYR', sector: 'MED', type: 'ORG' }), { code: 'SYR', sector: 'JRN' });
});

test('insurgents, separatists and transnational armed groups are rebels', () => {
  assert.equal(ploverActor({ country: 'AFG', sector: 'INS', type: 'ORG' }).sector, 'REB');
  assert.equal(ploverActor({ country: 'ESP', sector: 'SEP', type: 'ORG' }).sector, 'REB');
  assert.deepEqual(ploverActor({ country: null, sector: 'IMG', type: 'ORG' }), { code: 'IMG', sector: 'REB' });
});

test('an international organisation fills the code slot and acts as GOV', () => {
  assert.deepEqual(ploverActor({ country: null, sector: 'IGO', type: 'ORG' }), { code: 'IGO', sector: 'GOV' });
  assert.deepEqual(ploverActor({ country: null, sector: 'NGO', type: 'ORG' }), { code: 'NGO', sector: 'SOC' });
});

test('a human rights activist is a civilian; the human rights group is civil society', () => {
  assert.equal(ploverActor({ country: 'DZA', sector: 'HRI', type: 'PER' }).sector, 'CVL');
  assert.equal(ploverActor({ country: 'DZA', sector: 'HRI', type: 'ORG' }).sector, 'SOC');
});

test('unknown stays unknown', () => {
  assert.deepEqual(ploverActor({ country: null, sector: null, type: 'PER' }), { code: null, sector: null });
  assert.deepEqual(ploverActor({ country: 'FRA', sector: null, type: 'LOC' }), { code: 'FRA', sector: null });
  assert.equal(ploverActor({ country: 'IRN', sector: 'RAD', type: 'ORG' }).sector, null, 'an attribute is no sector');
});

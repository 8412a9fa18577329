import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import { simplePresent } from './generic-agent.js';

/** The events of a text as "TYPE trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2021-03-01' }).events.map((e) => `${e.event} ${e.trigger.text}`);
}

test('the simple present is read from the form; a verb whose past is its bare form says no tense', () => {
  assert.ok(simplePresent({ normal: 'hands', lemma: 'hand' }));
  assert.ok(simplePresent({ normal: 'get', lemma: 'get' }));
  assert.ok(simplePresent({ normal: 'carries', lemma: 'carry' }));
  assert.ok(!simplePresent({ normal: 'handed', lemma: 'hand' }));
  // ("warplanes hit the jetty" is as likely past as present)
  assert.ok(!simplePresent({ normal: 'hit', lemma: 'hit' }));
});

test('anyone at all, in general, does no event: a generic pronoun or bare plural in the present, "a" noun with "could"', () => {
  assert.ok(!events('"If I do that, you hand power over your policies to the editors of papers," the mayor said.').some((e) => e.endsWith(' hand')));
  assert.ok(!events('People get released from prison when their prosecution is found to be unsustainable.').some((e) => e.endsWith(' released')));
  assert.ok(!events('He said a defendant could appeal against a ruling in the Supreme Court.').some((e) => e.endsWith(' appeal')));
});

test('the same doers in the past, in the progressive or in an infinitive tell of one happening', () => {
  assert.ok(events('Soldiers are shooting at protesters in the capital, witnesses said.').some((e) => e.startsWith('ASSAULT')));
  assert.ok(events('A high command communique said warplanes hit the western jetty at Kharg island on Monday.').some((e) => e.startsWith('ASSAULT')));
  assert.ok(events('The review prompted unions representing 4.5m workers to threaten united action.').some((e) => e.startsWith('THREATEN')));
  // ("a client which opposes" is someone, in the present too)
  assert.ok(events('It emerged that the law firm has a client which opposes the development.').some((e) => e.endsWith(' opposes')));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitions, kindBefore, kindOfPhrase } from './definitions.js';
import { DocumentMemory } from './document.js';
import type { BioTag } from './tags.js';

const words = (s: string): string[] => s.split(' ');

test('a copula and a kind noun define the name that opens the sentence', () => {
  const w = words('Marrowby is a small village and civil parish in Westshire .');
  const tags: BioTag[] = ['B-PER', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'];
  assert.deepEqual(definitions(w, tags), [{ span: { first: 0, last: 0, type: 'PER' }, type: 'LOC' }]);
  // After "The", past a parenthesis, with "one of the".
  const w2 = words('The Tin Lanterns ( formed 1994 ) are an English folk rock band from Hull .');
  const t2: BioTag[] = ['O', 'B-LOC', 'I-LOC', 'O', 'O', 'O', 'O', 'O', 'O', 'B-MISC', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O'];
  assert.deepEqual(definitions(w2, t2).map((d) => d.type), ['ORG']);
  assert.equal(kindOfPhrase(words('one of the oldest universities in Europe'), 3), 'ORG');
  assert.equal(kindOfPhrase(words('a critically endangered language spoken by few'), 1), 'MISC');
  assert.equal(kindOfPhrase(words('the debut album by Korvel'), 1), 'MISC');
  assert.equal(kindOfPhrase(words('an American novelist and poet .'), 1), 'PER');
});

test('a copula defines only the name that opens the sentence', () => {
  const w = words('He said Marrowby is a village .');
  assert.deepEqual(definitions(w, ['O', 'O', 'B-PER', 'O', 'O', 'O', 'O']), []);
});

test('an apposition defines a name; a report or a longer clause does not', () => {
  const appo = words('They reached Marrowby , a fishing village , at dawn .');
  assert.deepEqual(definitions(appo, ['O', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O']).map((d) => d.type), ['LOC']);
  // "X, the ministry said": the noun phrase is the speaker, not a description of X.
  const report = words('Talks will resume in Vessa , the ministry said .');
  assert.deepEqual(definitions(report, ['O', 'O', 'O', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'O']), []);
  const official = words('Troops left Vessa , a senior official in Dorn said .');
  assert.deepEqual(definitions(official, ['O', 'O', 'B-LOC', 'O', 'O', 'O', 'O', 'O', 'O', 'B-LOC', 'O', 'O']), []);
  // A second noun phrase: a clause, not an apposition.
  const clause = words('After beating Vessa United , the home side have a game in hand .');
  assert.deepEqual(definitions(clause, ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O']), []);
  // A kind noun inside a name or before "'s" is not the head.
  assert.equal(kindOfPhrase(words('the Boxer Rising which'), 1, true), null);
  assert.equal(kindOfPhrase(words("the army 's chief , "), 1, true), null);
});

test('the document keeps the type a definition gave for later mentions', () => {
  const memory = new DocumentMemory();
  const first = memory.apply(words('Marrowby is a village in Westshire .'), ['B-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O']);
  assert.equal(first[0], 'B-LOC');
  assert.deepEqual(memory.apply(words('Marrowby had a mill .'), ['B-PER', 'O', 'O', 'O', 'O']), ['B-LOC', 'O', 'O', 'O', 'O']);
});

test('a kind noun right before a name gives its type; "of" only for places', () => {
  assert.equal(kindBefore(words('songs by the band Tarrow Vale'), 4), 'ORG');
  assert.equal(kindBefore(words('they sailed to the island of Merrow'), 6), 'LOC');
  assert.equal(kindBefore(words('the king of Vessa'), 3), null);
  assert.equal(kindBefore(words('on Church Street Merrow'), 3), null);
  const duo = words('the duo Tom Arlen and Jo Hask');
  assert.deepEqual(definitions(duo, ['O', 'O', 'B-PER', 'I-PER', 'O', 'B-PER', 'I-PER']), []);
  const band = words('the band Korvel Dusk played');
  assert.deepEqual(definitions(band, ['O', 'O', 'B-PER', 'I-PER', 'O']).map((d) => d.type), ['ORG']);
  const album = words('the album Red Lanterns sold well');
  assert.deepEqual(definitions(album, ['O', 'O', 'B-PER', 'I-PER', 'O', 'O']).map((d) => d.type), ['MISC']);
});

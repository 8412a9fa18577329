import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNameRuns, isCapitalised } from './name-runs.js';
import { segment } from '../segment/index.js';

/** The name runs of a one-paragraph text, as the strings they cover. */
function runs(text: string, known: (w: string) => boolean = () => false): string[][] {
  const { tokens, sentences } = segment({ text, body: [{ start: 0, end: text.length }] });
  return sentences.map((s) => findNameRuns(text, tokens, s, known)
    .map((r) => text.slice(tokens[r.first].start, tokens[r.last].end)));
}

test('capitalised words next to each other make one run', () => {
  assert.deepEqual(runs('The envoy met Karim Dallal in Tilburg yesterday.'), [['Karim Dallal', 'Tilburg']]);
});

test('Arabic particles and hyphens stay inside a name', () => {
  assert.deepEqual(runs('The strike killed Abu Mahdi al-Muhandis near the airport.'), [['Abu Mahdi al-Muhandis']]);
  assert.deepEqual(runs('On the phone, Falih al-Fayyadh and Ali Bagheri-Kani spoke for an hour.'), [['Falih al-Fayyadh', 'Ali Bagheri-Kani']]);
});

test('a name may begin with a particle: "al-Fayyadh"', () => {
  assert.deepEqual(runs('The reporters asked whether al-Fayyadh had resigned.'), [['al-Fayyadh']]);
});

test('"of", "for" and "of the" join the words of an organisation\'s name', () => {
  assert.deepEqual(runs('A letter from the Office of Foreign Assets Control arrived.'), [['Office of Foreign Assets Control']]);
  assert.deepEqual(runs('A statement from the High Council for Human Rights followed.'), [['High Council for Human Rights']]);
  assert.deepEqual(runs('The staff of the Ministry of the Interior were moved.'), [['Ministry of the Interior']]);
});

test('"and" between two names splits them', () => {
  assert.deepEqual(runs('The talks between Norway and Chile resumed.'), [['Norway', 'Chile']]);
});

test('"Commander-in-Chief" is one run with the capitals that follow', () => {
  assert.deepEqual(runs('He met the Commander-in-Chief of the Iraqi Armed Forces on site.'), [['Commander-in-Chief of the Iraqi Armed Forces']]);
});

test('months and weekdays are not names', () => {
  assert.deepEqual(runs('The court sat on Tuesday, January 7, and again in March.'), [[]]);
});

test('a capitalised determiner opening a sentence is not a name; an acronym is', () => {
  assert.deepEqual(runs('The ships left port.'), [[]]);
  assert.deepEqual(runs('The UN and the US disagreed.'), [['UN', 'US']]);
});

test('isCapitalised looks at the first letter only, in any script', () => {
  assert.equal(isCapitalised('Émile'), true);
  assert.equal(isCapitalised('al-Fayyadh'), false);
  assert.equal(isCapitalised('OFAC'), true);
  assert.equal(isCapitalised('1990s'), false);
});

test('"at" and "as" join a name only when hyphened to the next word', () => {
  assert.deepEqual(runs('The final pits Norway at Dunmore Park against the holders.'), [['Norway', 'Dunmore Park']]);
  assert.deepEqual(runs('The sermon quoted Abd at-Tawwab at length.'), [['Abd at-Tawwab']]);
});

test('a known place that is also a common word does not open a sentence as a name', () => {
  const common = (w: string) => w === 'most';
  const text = 'Most were freed on Monday. Most of the prisoners went home.';
  const { tokens, sentences } = segment({ text, body: [{ start: 0, end: text.length }] });
  const found = sentences.flatMap((s) => findNameRuns(text, tokens, s, (w) => w === 'Most', common));
  assert.deepEqual(found, []);
});

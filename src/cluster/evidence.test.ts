import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Entity, Place } from '../doc/types.js';
import { addDays, possibleDays, rangeGap } from './dates.js';
import { countriesNamed, partyRelation, sectorsFit, sideRelation } from './participants.js';
import { distanceKm, placeRelation } from './places.js';
import { cosine, evidenceTerms, evidenceWords, parseWordSentences, sentenceCounts, wordSentencesTsv, wordVector, wordWeight } from './words.js';

const dated = (date: string | null, date_precision: CodedEvent['date_precision']) => ({ date, date_precision }) as CodedEvent;

test('the days a report could be on follow its date\'s precision', () => {
  assert.deepEqual(possibleDays(dated('2023-03-18', 'day'), null), { from: '2023-03-18', to: '2023-03-18' });
  assert.deepEqual(possibleDays(dated('2024-02', 'month'), null), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(possibleDays(dated('1986', 'year'), null), { from: '1986-01-01', to: '1986-12-31' });
  // No date of its own: the week before its article came out.
  assert.deepEqual(possibleDays(dated(null, 'unknown'), '2023-03-20'), { from: '2023-03-13', to: '2023-03-20' });
  assert.equal(possibleDays(dated(null, 'unknown'), null), null);
  assert.equal(addDays('2023-12-31', 1), '2024-01-01');
  assert.equal(rangeGap({ from: '2023-03-01', to: '2023-03-31' }, { from: '2023-03-18', to: '2023-03-18' }), 0);
  assert.equal(rangeGap({ from: '2023-03-18', to: '2023-03-18' }, { from: '2023-03-19', to: '2023-03-19' }), 1);
});

const place = (name: string, precision: Place['precision'], lat: number | null, lon: number | null, country = 'IRQ'): Place =>
  ({ text: name, start: 0, end: name.length, name, country, admin1: null, lat, lon, geonames_id: null, precision });

test('two places are one when they lie within the reach of both precisions', () => {
  const basra = place('Basra', 'city', 30.51, 47.78), zubair = place('Zubair', 'city', 30.39, 47.7), province = place('Basra Province', 'admin1', 30.5, 47.4);
  const baghdad = place('Baghdad', 'city', 33.34, 44.4);
  assert.ok(Math.abs(distanceKm({ lat: 30.51, lon: 47.78 }, { lat: 33.34, lon: 44.4 }) - 448) < 10);
  assert.equal(placeRelation(basra, zubair), 'same', '16 km apart: one city with its outskirts');
  assert.equal(placeRelation(basra, province), 'compatible');
  assert.equal(placeRelation(basra, baghdad), 'apart');
  assert.equal(placeRelation(basra, null), 'unknown');
  assert.equal(placeRelation(place('Iraq', 'country', 33, 44), place('Tehran', 'city', 35.7, 51.4, 'IRN')), 'apart');
  assert.equal(placeRelation(place('Iraq', 'country', 33, 44), basra), 'compatible');
});

const party = (name: string, country: string | null, sector: string | null = null): Entity =>
  ({ text: name, start: 0, end: 0, name, type: 'ORG', country, sector, code: null });

test('sides: an unknown side fits, a shared party agrees, another country or an opposed standing contradicts', () => {
  assert.equal(sectorsFit('GOV', 'MIL'), true, 'a president orders, the navy strikes');
  assert.equal(sectorsFit('MIL', 'REB'), false, 'troops and rebels of one country are two sides');
  assert.equal(sectorsFit('CVL', null), true);
  assert.equal(partyRelation(party('Reagan', 'USA', 'GOV'), party('U.S. Navy', 'USA', 'MIL')), 'agree');
  assert.equal(partyRelation(party('the rebels', null), party('The Rebels', null)), 'agree');
  assert.equal(partyRelation(party('troops', null, 'MIL'), party('Iran', 'IRN')), 'unknown');
  assert.equal(sideRelation([], [party('Iran', 'IRN')]), 'unknown');
  assert.equal(sideRelation([], []), 'none');
  assert.equal(sideRelation([party('Iran', 'IRN')], [party('Iraq', 'IRQ'), party('Basra', 'IRQ')]), 'contradict');
  assert.equal(sideRelation([party('Iranians', 'IRN', 'CVL'), party('21st Brigade', 'IRQ', 'MIL')], [party('divisions', 'IRQ', 'MIL')]), 'agree');
  // A target named as of either of two countries, by reports that each name the other's.
  const named = { a: new Set(['KWT', 'USA']), b: new Set(['USA', 'KWT']) };
  assert.equal(sideRelation([party('Kuwaiti', 'KWT')], [party('U.S.', 'USA')], named), 'unknown');
  assert.equal(sideRelation([party('Kuwaiti', 'KWT')], [party('U.S.', 'USA')], { a: new Set(['KWT']), b: named.b }), 'contradict');
});

test('the countries a text names, by name, other name or demonym, as written or in capitals', () => {
  assert.deepEqual([...countriesNamed('US WARNS IRAN over a U.S.-flagged Kuwaiti tanker')].sort(), ['IRN', 'KWT', 'USA']);
  assert.deepEqual([...countriesNamed('let us go to the chad of the page')], []);
});

test('words weigh by how rare they are in general English: a platform\'s name more than "said"', () => {
  assert.deepEqual(evidenceWords('U.S. warships shelled the Rostam platform, 18 km off-shore.'), ['warships', 'shelled', 'the', 'rostam', 'platform', '18', 'km', 'off', 'shore']);
  assert.ok(wordWeight('rostam') > wordWeight('attack'));
  assert.ok(wordWeight('attack') > wordWeight('said'));
  assert.ok(wordWeight('said') > wordWeight('the'));
  const a = wordVector('U.S. warships shelled the Rostam oil platform.');
  assert.ok(cosine(a, wordVector('Destroyers shelled the Rostam platform in the Gulf.')) > cosine(a, wordVector('Warships were seen in the Gulf, officials said.')));
  assert.equal(cosine(a, new Map()), 0);
});

test('the word-rarity table is the same bytes from the same sentences, and reads back', () => {
  const sentences = ['The army attacked.', 'The rebels attacked the army.', 'The army said so.', 'Rain fell.'];
  const tsv = wordSentencesTsv(sentenceCounts(sentences), sentences.length);
  assert.equal(tsv, wordSentencesTsv(sentenceCounts([...sentences].reverse()), sentences.length));
  const back = parseWordSentences(tsv);
  assert.equal(back.sentences, 4);
  assert.deepEqual([...back.counts], [['armi', 3], ['the', 3]], 'stems met in fewer than three sentences are left out');
  assert.ok(wordWeight('rain', back) > wordWeight('armi', back));
});

test('reports are compared by the stems of their words, so other forms of one word are shared', () => {
  assert.deepEqual(evidenceTerms('Retaliatory strikes: they retaliated for 2 attacks').map((t) => t.term), ['retaliatori', 'strike', 'they', 'retali', 'for', '2', 'attack']);
  const told = wordVector("America's retaliation against the Iranian oil platforms");
  assert.ok(cosine(told, wordVector('U.S. forces retaliated by shelling an Iranian oil platform')) > 0.3);
  assert.ok(cosine(told, wordVector('Rain fell on the capital again')) < 0.05);
});

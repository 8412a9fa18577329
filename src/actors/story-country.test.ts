import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { EntityMention } from '../doc/types.js';
import { isDatelinePlace, saysForeign, settleStorySides, storyCountry } from './story-country.js';

const entities = (text: string) => analyze({ text, published: '1987-06-02' }).entities;
const byText = (es: EntityMention[], t: string) => {
  const e = es.find((m) => m.text === t);
  assert.ok(e, `no mention "${t}" in ${JSON.stringify(es.map((m) => m.text))}`);
  return e;
};

test('a bare government in a datelined wire story is the dateline country\'s', () => {
  const es = entities('OIL TALKS STALL\nLAGOS, June 2 - Nigeria said oil output would rise. Nigeria expects prices to hold.\n'
    + 'The government said it would cut spending next year.');
  const gov = byText(es, 'government');
  assert.equal(gov.code, 'NGAGOV');
  assert.match(gov.codeSource ?? '', /\+story$/);
});

test('a titled official with no country of his own is the story country\'s', () => {
  const es = entities('PERU TO PAY DEBT\nLIMA, March 3 - Peru will pay its creditors, officials in Peru said. Peru has asked for time.\n'
    + 'Finance Minister Luis Alva Castro said the payments would start in May.');
  assert.equal(byText(es, 'Luis Alva Castro').code, 'PERGOV');
});

test('with no dateline, the country named far more often than any other is the story\'s', () => {
  const es = entities('Britain will change its asylum law, ministers in Britain said. France said nothing. '
    + 'Critics in Britain and London were angry. The police said the protest was peaceful.');
  assert.equal(byText(es, 'police').code, 'GBRCOP');
});

test('no country stands out: a bare body keeps no country', () => {
  const es = entities('Iran and Iraq traded fire. Iran said Iraq had started it, and Iraq blamed Iran. The government said nothing.');
  assert.equal(byText(es, 'government').country, null);
});

test('a place abroad in the sentence or the one before keeps the story country off a bare body', () => {
  const es = entities('Britain will change its asylum law, ministers in Britain said. Critics in Britain and London were angry. '
    + 'Riots broke out in Lahore on Friday. Police fired tear gas.');
  assert.equal(byText(es, 'Police').country, null);
});

test('words that say a body is someone else\'s keep the story country off it', () => {
  const es = entities('Britain will change its asylum law, ministers in Britain said. Critics in Britain and London were angry. '
    + 'The chancellor urged other countries to join. He spoke to an allied government.');
  assert.equal(byText(es, 'countries').country, null);
  assert.equal(saysForeign('an allied government'), true);
  assert.equal(saysForeign('the Foreign Ministry'), false);
  assert.equal(saysForeign('foreign troops'), true);
});

test('a dateline is a capitalised place opening a line near the top, before a date and a dash', () => {
  const text = 'HEADLINE HERE\nLAGOS, June 2 - Nigeria said.';
  const es = entities(text);
  const lagos = es.find((m) => m.text === 'LAGOS');
  assert.ok(lagos);
  assert.equal(isDatelinePlace(text, lagos), true);
  const later = es.find((m) => m.text === 'Nigeria');
  assert.ok(later);
  assert.equal(isDatelinePlace(text, later), false);
});

test('a regional bureau\'s dateline does not make the story its country\'s', () => {
  const place = (text: string, country: string, start: number): EntityMention => ({
    text, start, end: start + text.length, name: text, type: 'LOC', country, sector: null, code: country, chain: start, sentence: 0,
    roles: [], codeSource: 'gazetteer', nominal: false, roleSectors: [], modifierCountry: null, evidence: 'gazetteer',
  });
  const text = 'GULF WAR NEWS\nBAHRAIN, March 5 - ' + 'x '.repeat(100);
  const ms = [place('BAHRAIN', 'BHR', 14), ...[0, 1, 2, 3, 4, 5].map((i) => place('Iran', 'IRN', 40 + i * 10)), place('Iraq', 'IRQ', 120)];
  assert.equal(storyCountry(text, ms, (m) => m.country), 'IRN');
  assert.equal(storyCountry(text, [...ms, ...[0, 1, 2, 3, 4].map((i) => place('Iraq', 'IRQ', 130 + i * 5))], (m) => m.country), null);
});

test('a bare body of state is not the story\'s country where the other side is that state by name', () => {
  const base: EntityMention = {
    text: 'troops', start: 0, end: 6, name: 'troops', type: 'PER', country: 'USA', sector: 'MIL', code: 'USAMIL', chain: 1, sentence: 0,
    roles: ['troops'], codeSource: 'role+story', nominal: true, roleSectors: ['MIL'], modifierCountry: null, evidence: 'nominal',
  };
  const us: EntityMention = { ...base, text: 'U.S.', type: 'LOC', sector: null, code: 'USA', chain: 2, codeSource: 'gazetteer', nominal: false, evidence: 'gazetteer' };
  const settled = settleStorySides([us], [base]);
  assert.equal(settled.recipient[0].country, null);
  assert.equal(settled.recipient[0].code, 'MIL');
  // Police act at home: a police inquiry into a British party leader stays British.
  const police = { ...base, text: 'police', sector: 'COP', code: 'USACOP' };
  assert.equal(settleStorySides([police], [{ ...us, type: 'PER', sector: 'PTY' }]).actor[0].country, 'USA');
});

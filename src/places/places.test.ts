import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../segment/index.js';
import { findPlaces } from './index.js';
import { eventPlace } from './event-place.js';
import { bestPlace, gazetteerSize, lookupPlace, placeCountryOf } from './gazetteer.js';
import { loadTsv } from '../util/data.js';

function analyse(text: string) {
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  const doc = { text, sentences: seg.sentences, tokens: seg.tokens, meta: {} };
  return { ...doc, places: findPlaces(doc) };
}

/** The event place for the first occurrence of a trigger word. */
function placeOf(text: string, trigger: string) {
  const doc = analyse(text);
  const start = text.indexOf(trigger);
  const sentence = doc.sentences.find((s) => s.start <= start && start < s.end)!;
  return eventPlace(doc, { sentence: sentence.index, start, end: start + trigger.length });
}

test('gazetteer: spellings fold to the same place', () => {
  assert.ok(gazetteerSize() > 130000);
  assert.equal(bestPlace('Sāmarrā’')?.place.country, 'IRQ');
  assert.equal(bestPlace('Samarra')?.place.name, bestPlace('Sāmarrā’')?.place.name);
  assert.equal(bestPlace('Al Muthanna')?.place.kind, 'admin1');
  assert.equal(bestPlace('Muthanna')?.place.name, 'Muthanna');
  assert.equal(bestPlace('Salahuddin')?.place.name, 'Salah ad Din');
  assert.equal(bestPlace('Ain al-Asad')?.place.kind, 'site');
  assert.equal(bestPlace('Diwaniyah')?.place.kind, 'city', 'the city outranks the province named after it');
  assert.equal(bestPlace('Paris')?.place.country, 'FRA');
  assert.equal(bestPlace('Washington')?.place.name, 'Washington, D.C.');
  const basra = lookupPlace('Basrah');
  assert.ok(basra.some((c) => c.place.kind === 'city' && c.place.country === 'IRQ'));
});

test('gazetteer: placeCountryOf only for confident places', () => {
  assert.equal(placeCountryOf('Mosul'), 'IRQ');
  assert.equal(placeCountryOf('Anbar'), 'IRQ');
  assert.equal(placeCountryOf('Kharkiv Oblast'), 'UKR');
  assert.equal(placeCountryOf('Ramstein Air Base'), 'DEU');
  assert.equal(placeCountryOf('Trump'), null);
});

test('findPlaces: countries, cities, divisions and sites with offsets', () => {
  const text = 'A rocket hit Ayn al-Asad Air Base in western Iraq on Tuesday, and a car bomb exploded in Samarra.';
  const places = analyse(text).places;
  const names = places.map((p) => [p.text, p.name, p.country, p.precision]);
  assert.deepEqual(names, [
    ['Ayn al-Asad Air Base', 'Ayn al-Asad Air Base', 'IRQ', 'site'],
    ['Iraq', 'Iraq', 'IRQ', 'country'],
    ['Samarra', 'Sāmarrā’', 'IRQ', 'city'],
  ]);
  for (const p of places) assert.equal(text.slice(p.start, p.end), p.text);
  const samarra = places[2];
  assert.equal(samarra.admin1, 'Salah ad Din');
  assert.ok(samarra.geonames_id && samarra.lat && samarra.lon);
});

test('findPlaces: demonyms and people are not places', () => {
  const places = analyse('Iraqi troops and American advisers met Jordan Peterson and President Obama. Obama later left.').places;
  assert.deepEqual(places.map((p) => p.text), []);
});

test('findPlaces: the article context picks the right namesake', () => {
  const us = analyse('The fire broke out in Alexandria, Va., late on Friday. Alexandria firefighters put it out.').places;
  assert.equal(us[0].country, 'USA');
  assert.equal(us[0].admin1, 'Virginia');
  const eg = analyse('Protesters gathered in Cairo and in Alexandria, Egypt’s second city.').places;
  assert.equal(eg.find((p) => p.text === 'Alexandria')?.country, 'EGY');
  const iq = analyse('The convoy left Nasiriyah, Iraq, at dawn.').places;
  assert.equal(iq[0].country, 'IRQ');
});

test('findPlaces: acronyms only in capitals; common words stay words', () => {
  const places = analyse('Officials in the U.S. told us that Most of the UN staff stayed. Police said so.').places;
  assert.deepEqual(places.map((p) => p.text), ['U.S.']);
});

test('findPlaces: Arabic articles and transliterations', () => {
  const places = analyse('Fighting spread from al-Anbar province to Salah ad-Din and to Basrah.').places;
  assert.deepEqual(places.map((p) => [p.text, p.name, p.precision]), [
    ['al-Anbar province', 'Anbar', 'admin1'], ['Salah ad-Din', 'Salah ad Din', 'admin1'], ['Basrah', 'Basrah', 'city'],
  ]);
});

test('eventPlace: the place the preposition puts the event in', () => {
  assert.equal(placeOf('Iranian-backed militias fired rockets at a base near Baghdad on Monday.', 'fired')?.name, 'Baghdad');
  assert.equal(placeOf('Turkish jets bombed targets in Dohuk, officials in Ankara said.', 'bombed')?.name, 'Dohuk');
});

test('eventPlace: never a demonym, null without a place', () => {
  assert.equal(placeOf('American officials condemned the attack.', 'condemned'), null);
  assert.equal(placeOf('Israeli forces arrested three men.', 'arrested'), null);
});

test('eventPlace: the more specific of a possessive pair', () => {
  const p = placeOf('Gunmen attacked a checkpoint in Iraq’s Salah ad Din Governorate on Monday.', 'attacked');
  assert.equal(p?.name, 'Salah ad Din');
  assert.equal(p?.precision, 'admin1');
  assert.equal(p?.text, 'Salah ad Din Governorate');
});

test('eventPlace: "the X area south of Baghdad" falls back to the known place', () => {
  const p = placeOf('A roadside bomb killed two soldiers in the Qarghuli area south of Baghdad.', 'killed');
  assert.equal(p?.name, 'Baghdad');
  assert.equal(p?.country, 'IRQ');
});

test('eventPlace: a target after "on" and a bare country are not locations', () => {
  assert.equal(placeOf('The minister condemned the attack on Iraq and called on the US to leave.', 'condemned'), null);
  assert.equal(placeOf('Iran launched missiles at two bases in Iraq.', 'launched')?.name, 'Iraq');
  assert.equal(placeOf('A convoy was targeted by a bomb on Samarra Road.', 'targeted')?.name, 'Samarra Road');
  assert.equal(placeOf('Two convoys were attacked in Iraq’s southern province of al-Qadisiyah.', 'attacked')?.name, 'Qadisiyah');
});

test('findPlaces: the other towns of a local story pick the namesake near them', () => {
  const local = analyse('A storm knocked down trees in Paris on Sunday. Crews from Jackson and Nashville, Tenn., cleared the roads.').places;
  const paris = local.find((p) => p.text === 'Paris');
  assert.equal(paris?.country, 'USA');
  assert.equal(paris?.admin1, 'Tennessee');
  const abroad = analyse('The exhibition moves from Paris to Lyon and Marseille next year.').places;
  assert.equal(abroad.find((p) => p.text === 'Paris')?.country, 'FRA');
});

test('findPlaces: a list of states is no "Town, State"; "Washington state" is the state', () => {
  const places = analyse('Inspectors visited farms in Idaho, Oregon, California and Nevada.').places;
  assert.deepEqual(places.map((p) => [p.text, p.precision]), [
    ['Idaho', 'admin1'], ['Oregon', 'admin1'], ['California', 'admin1'], ['Nevada', 'admin1'],
  ]);
  const wa = analyse('The calf was traced to a dairy in Washington state last week.').places;
  assert.equal(wa[0].name, 'Washington');
  assert.equal(wa[0].precision, 'admin1');
});

test('findPlaces: countries sit at the reference point gazetteers give them', () => {
  const [us] = analyse('Exports to the United States fell.').places;
  assert.ok(us.lat !== null && Math.abs(us.lat - 39.76) < 0.01 && us.lon !== null && Math.abs(us.lon + 98.5) < 0.01);
});

test('gazetteer: "St.", "Mt." and "Ft." are spelled out', () => {
  assert.equal(bestPlace('Ft. Worth')?.place.name, 'Fort Worth');
  assert.ok(lookupPlace('St. Petersburg').some((c) => c.place.country === 'RUS'));
  assert.ok(lookupPlace('Saint Louis').some((c) => c.place.name === 'St. Louis'));
});

test('findPlaces: a town after "of" in a person entity is still a place; a tagger "person" like "Pelican Rapids" is one', () => {
  const text = 'Dana Whitfield of Alexandria was hurt near Pelican Rapids on Friday.';
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  const person = (s: string) => {
    const start = text.indexOf(s);
    return {
      start, end: start + s.length, text: s, name: s, type: 'PER' as const, country: null, sector: null, code: null,
      chain: 0, sentence: 0, roles: [], codeSource: null, nominal: false, roleSectors: [], modifierCountry: null, evidence: 'test',
    };
  };
  const places = findPlaces({ text, sentences: seg.sentences, tokens: seg.tokens, entities: [person('Dana Whitfield of Alexandria'), person('Pelican Rapids')] });
  assert.deepEqual(places.map((p) => p.text), ['Alexandria', 'Pelican Rapids']);
  assert.equal(places[1].admin1, 'Minnesota');
  assert.equal(places[0].admin1, 'Minnesota', 'the nearer Alexandria');
});

test('gazetteer: a seat of government counts as a capital ("La Paz" is Bolivia\'s before Mexico\'s)', () => {
  assert.equal(placeCountryOf('La Paz'), 'BOL');
});

test('a word the tagger called a place but that tells the story, as a person of it does, is that person', () => {
  const text = 'The man fled on foot, according to Taylor. Taylor said the man was later caught.';
  const seg = segment({ text, body: [{ start: 0, end: text.length }] });
  const at = (from: number, type: string) => { const start = text.indexOf('Taylor', from); return { start, end: start + 6, text: 'Taylor', type, sentence: start < 43 ? 0 : 1 }; };
  const entities = [at(0, 'LOC'), at(40, 'PER')] as unknown as Parameters<typeof findPlaces>[0]['entities'];
  assert.deepEqual(findPlaces({ text, sentences: seg.sentences, tokens: seg.tokens, entities, meta: {} }), []);
  // The same word where the story happens stays a place.
  const there = 'The man was caught in Taylor, according to police. Officer Jim Taylor led the search.';
  const seg2 = segment({ text: there, body: [{ start: 0, end: there.length }] });
  const e2 = [{ start: 22, end: 28, text: 'Taylor', type: 'LOC', sentence: 0 }, { start: 59, end: 69, text: 'Jim Taylor', type: 'PER', sentence: 1 }] as unknown as Parameters<typeof findPlaces>[0]['entities'];
  assert.deepEqual(findPlaces({ text: there, sentences: seg2.sentences, tokens: seg2.tokens, entities: e2, meta: {} }).map((p) => p.text), ['Taylor']);
});

test('a name joined by a hyphen to a word that is no place is part of a longer name', () => {
  const texts = (t: string) => analyse(t).places.map((p) => p.text);
  assert.deepEqual(texts('Sales at Mercedes-Benz and Rolls-Royce rose in Bristol.'), ['Bristol']);
  assert.deepEqual(texts('Fares on the London-Paris route fell.'), ['London', 'Paris']);
  assert.deepEqual(texts('Clashes went on in Al-Anbar.'), ['Al-Anbar']);
});

test('a city goes by its English and older names too, and namesakes elsewhere keep theirs', () => {
  for (const row of loadTsv('city-names.tsv')) {
    assert.ok(lookupPlace(row.name).some((c) => c.place.kind === 'city' && c.place.country === row.iso3), `${row.name} → ${row.city}`);
  }
  assert.equal(bestPlace('Geneva')?.place.country, 'CHE');
  assert.equal(bestPlace('Bombay')?.place.name, 'Mumbai');
  assert.ok(lookupPlace('Geneva').some((c) => c.place.country === 'USA'), 'Geneva, New York is still a candidate');
  assert.deepEqual(analyse('Talks in Geneva and Frankfurt ended without a deal.').places.map((p) => p.country), ['CHE', 'DEU']);
});

test('a name looked up again gets the same places, exact or by its loose key, whatever was asked between', () => {
  const summary = (name: string) => lookupPlace(name).map((c) => `${c.place.name}|${c.place.country}|${c.loose}`);
  const names = ['Mosoul', 'Mosul', 'Gaza City', 'al-Anbar', 'Tartous', 'Springfield'];
  const first = names.map(summary);
  assert.ok(first[0].length > 0 && first[0].every((s) => s.endsWith('|true')), 'Mosoul is found by its loose key');
  assert.ok(first[1].some((s) => s === 'Mosul|IRQ|false'), 'Mosul exactly');
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(names.map(summary), first);
  }
});

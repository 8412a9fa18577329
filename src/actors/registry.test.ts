import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorEntry, ActorEvidence } from '../store/registry.js';
import { buildRegistry, codeFromEvidence, foldName, givenNamesClash, isAcronym, surnameKey, translitKey } from './registry.js';

test('the strict key folds case, diacritics, apostrophes, hyphens and a leading article', () => {
  assert.equal(foldName('Al-Fayyadh'), 'fayyadh');
  assert.equal(foldName('al Fayyādh'), 'fayyadh');
  assert.equal(foldName('Karim al-Dulaimi'), 'karim al dulaimi', 'only a leading article goes');
  assert.equal(foldName('Saʿid al-Ḥakim'), 'said al hakim');
  assert.equal(foldName("Ma'mun O'Neill"), 'mamun oneill');
  assert.equal(foldName('The Hague Tribunal'), 'hague tribunal');
  assert.equal(foldName('El-Baradei'), 'baradei');
  assert.equal(foldName('U.S. Army'), 'us army');
  assert.equal(foldName('  Abu   Ahmed, '), 'abu ahmed');
  assert.equal(foldName('Al'), 'al', 'a name that is only an article keeps it');
  assert.equal(foldName('—'), '');
});

test('the transliteration key lets spelling variants of one name meet', () => {
  const fayyadh = translitKey('al-Fayyadh');
  assert.equal(fayyadh, 'faiad');
  for (const v of ['Fayadh', 'Fayyad', 'Al Fayyadh', 'Fayyāḍ', 'el-Fayad']) assert.equal(translitKey(v), fayyadh, v);
  assert.equal(translitKey('Mohammed'), translitKey('Muhammad'));
  assert.equal(translitKey('Qasem Soleimani'), translitKey('Kassem Suleimani'));
  assert.equal(translitKey('Soleimani'), translitKey('Sulaymani'));
  assert.equal(translitKey('Karim al-Dulaimi'), translitKey('Karim Dulaymi'), 'an inner article drops too');
  assert.equal(translitKey('Abd ar-Rahman'), translitKey('Abd al-Rahman'), 'assimilated article forms');
  assert.equal(translitKey('Fatimah'), translitKey('Fatima'));
  assert.notEqual(translitKey('Fayyadh'), translitKey('Fahd'), 'different names stay apart');
  assert.notEqual(translitKey('Karim'), translitKey('Kamil'));
  assert.notEqual(translitKey('Reagan'), translitKey('Regan'), 'two vowels written side by side are not one doubled');
  assert.equal(translitKey('Kareem'), translitKey('Karim'));
  assert.equal(translitKey('Hussein'), translitKey('Husayn'));
});

test('an acronym is one word of capitals; a name in capitals of more words is not', () => {
  for (const a of ['EC', 'E.C.', 'ICC', 'EEC', 'G7', 'U.S.', 'AT&T']) assert.ok(isAcronym(a), a);
  for (const n of ['Reagan', 'European Community', 'I', 'A.', '1987', 'NEW YORK']) assert.ok(!isAcronym(n), n);
});

test('two people\'s names clash when their full names give different given names', () => {
  assert.ok(givenNamesClash(['Nancy Reagan', 'Reagan'], ['Ronald Reagan', 'Reagan']));
  assert.ok(givenNamesClash(['Donald Regan'], ['Ronald Reagan']));
  assert.ok(!givenNamesClash(['R. Reagan'], ['Ronald Reagan']), 'an initial is the name it starts');
  assert.ok(!givenNamesClash(['Reagan'], ['Ronald Reagan']), 'a surname alone says nothing');
  assert.ok(!givenNamesClash(['Mrs Reagan'], ['Ronald Reagan']), 'nor a word of address');
});

test('the surname key is the last word of the transliteration key', () => {
  assert.equal(surnameKey('Falih al-Fayyadh'), 'faiad');
  assert.equal(surnameKey('Dulaimi'), 'dulaimi');
  assert.equal(surnameKey('—'), null);
});

function ev(source: string, country: string | null, sector: string | null, count = 1, seen: [string, string] | null = null): ActorEvidence {
  return {
    source, country, sector, count, firstSeen: seen?.[0] ?? null, lastSeen: seen?.[1] ?? null,
    examples: [{ article: 'abc', start: 0, end: 5, text: 'Name' }],
  };
}

function entry(id: number, name: string, type: string, evidence: ActorEvidence[], names: string[] = [name]): ActorEntry {
  const { country, sector } = codeFromEvidence(evidence);
  return {
    id, name, type, country, sector, code: country || sector ? `${country ?? ''}${sector ?? ''}` : null,
    names, evidence, articles: 1, firstSeen: null, lastSeen: null,
  };
}

test('country and sector are voted on separately, weighted by articles, ties to the latest', () => {
  assert.deepEqual(codeFromEvidence([ev('title', 'IRQ', null, 2), ev('apposition', 'IRQ', 'REB', 1)]), { country: 'IRQ', sector: 'REB' });
  assert.deepEqual(codeFromEvidence([ev('title', 'IRQ', 'MIL', 1), ev('title', 'IRQ', 'GOV', 1)]), { country: 'IRQ', sector: 'GOV' });
  assert.deepEqual(codeFromEvidence([ev('title', 'IRQ', 'MIL', 3), ev('title', 'IRQ', 'GOV', 1)]), { country: 'IRQ', sector: 'MIL' });
  assert.deepEqual(codeFromEvidence([ev('title', 'SYR', 'MIL', 1), ev('title', 'IRQ', 'GOV', 2)]), { country: 'IRQ', sector: 'GOV' },
    'a sector seen only with another country does not count');
  assert.deepEqual(codeFromEvidence([]), { country: null, sector: null });
});

test('lookup finds an entry by any of its names, its spelling variants, or a unique surname', () => {
  const reg = buildRegistry([
    entry(1, 'Falih al-Fayyadh', 'PER', [ev('title', 'IRQ', 'MIL', 2), ev('apposition', 'IRQ', 'MIL')], ['Falih al-Fayyadh', 'Fayyadh']),
    entry(2, 'Popular Mobilization Committee', 'ORG', [ev('name', 'IRQ', 'MIL')], ['Popular Mobilization Committee', 'PMC']),
  ]);
  assert.equal(reg.size, 2);
  const hit = reg.lookup('al-Fayyadh');
  assert.deepEqual(hit, { country: 'IRQ', sector: 'MIL', type: 'PER', evidence: 'registry: Falih al-Fayyadh (title×2, apposition×1)' });
  assert.equal(reg.lookup('Falih al-Fayyāḍ')?.country, 'IRQ');
  assert.equal(reg.lookup('Falih Fayadh')?.sector, 'MIL', 'transliteration variant of the full name');
  assert.equal(reg.lookup('Fayad')?.country, 'IRQ', 'surname variant');
  assert.equal(reg.lookup('pmc')?.type, 'ORG');
  assert.equal(reg.lookup('Mobilization'), null, 'organisations are not found by their last word');
  assert.equal(reg.lookup('Hadi al-Amiri'), null);
  assert.equal(reg.lookup(''), null);
});

test('a surname shared by two people, or a name with two codes, gives no answer', () => {
  const reg = buildRegistry([
    entry(1, 'Karim al-Dulaimi', 'PER', [ev('title', 'IRQ', 'REB')]),
    entry(2, 'Saad al-Dulaimi', 'PER', [ev('title', 'IRQ', 'GOV')]),
    entry(3, 'Ali Hassan', 'PER', [ev('title', 'IRQ', 'GOV')]),
    entry(4, 'Ali Hassan', 'PER', [ev('title', 'EGY', 'BUS')]),
    entry(5, 'Nour Khalil', 'PER', [ev('title', 'LBN', 'MED')]),
    entry(6, 'Nour Khalil', 'PER', [ev('apposition', 'LBN', 'MED')]),
  ]);
  assert.equal(reg.lookup('Dulaimi'), null);
  assert.equal(reg.lookup('Karim al-Dulaimi')?.sector, 'REB', 'the full name is still unique');
  assert.equal(reg.lookup('Ali Hassan'), null);
  assert.equal(reg.lookup('Nour Khalil')?.country, 'LBN', 'entries that agree answer together');
});

test('a dictionary code counts only inside the period it was seen in; the registry never vouches for itself', () => {
  const reg = buildRegistry([
    entry(1, 'Falih al-Fayyadh', 'PER', [ev('dictionary', 'IRQ', 'MIL', 3, ['2021-02-01', '2023-06-30'])], ['Falih al-Fayyadh']),
    entry(2, 'Hana Loris', 'PER', [ev('registry', 'ARV', 'GOV', 3, ['2021-01-01', '2024-01-01'])]),
    entry(3, 'Tomas Verel', 'PER', [ev('dictionary', 'ARV', 'GOV', 4, ['2020-01-01', '2020-12-31']), ev('title', 'ARV', 'MIL', 1, ['2019-05-05', '2019-05-05'])]),
    entry(4, 'Ida Moren', 'PER', [ev('dictionary', 'ARV', 'GOV', 1)]),
  ]);
  // The dictionary knew "Falih al-Fayyadh"; the registry carries its code to a spelling it may lack.
  assert.deepEqual(reg.lookup('al-Fayyadh', '2022-10-10'), { country: 'IRQ', sector: 'MIL', type: 'PER', evidence: 'registry: Falih al-Fayyadh (dictionary×3)' });
  assert.equal(reg.lookup('al-Fayyadh', '2023-06-30')?.country, 'IRQ', 'the period includes its ends');
  assert.equal(reg.lookup('al-Fayyadh', '2019-01-01'), null, 'outside the period the dictionary may have said otherwise');
  assert.equal(reg.lookup('al-Fayyadh')?.sector, 'MIL', 'no date: all evidence counts');
  assert.equal(reg.lookup('Hana Loris', '2022-01-01'), null);
  assert.deepEqual(reg.lookup('Verel', '2022-01-01'), { country: 'ARV', sector: 'MIL', type: 'PER', evidence: 'registry: Tomas Verel (title×1)' },
    'text evidence counts at any date');
  assert.equal(reg.lookup('Verel', '2020-06-01')?.sector, 'GOV');
  assert.equal(reg.lookup('Ida Moren', '2020-06-01'), null, 'a dictionary code seen only in undated articles has no period');
});

test('a lookup leaves out entries the article contradicts: another type, or another given name', () => {
  const reagan = entry(1, 'Ronald Reagan', 'PER', [ev('dictionary', 'USA', 'GOV')], ['Ronald Reagan', 'Reagan']);
  const reg = buildRegistry([reagan]);
  assert.equal(reg.lookup('Reagan')?.country, 'USA');
  assert.equal(reg.lookup('Reagan', null, { type: 'PER', names: ['Nancy Reagan', 'Reagan'] }), null);
  assert.equal(reg.lookup('Reagan', null, { type: 'ORG' }), null);
  assert.equal(reg.lookup('Reagan', null, { type: 'MISC', names: ['Reagan'] })?.country, 'USA', 'a type the tagger was unsure of rules nothing out');
});

test('an entry put again is found under its new names only', () => {
  const reg = buildRegistry([entry(1, 'Harbour Authority', 'ORG', [ev('name', 'ARV', 'GOV')])]);
  assert.equal(reg.lookup('Port Board'), null);
  reg.put(entry(1, 'Port Board', 'ORG', [ev('name', 'ARV', 'GOV')]));
  assert.equal(reg.lookup('Port Board')?.sector, 'GOV');
  assert.equal(reg.lookup('Harbour Authority'), null);
  assert.equal(reg.size, 1);
});

test('the dictionary\'s "no country" for a body outvotes a country read once from a possessive', () => {
  // 80 articles where the dictionary knew the European Community, one "Portugal's EC accession treaty".
  assert.deepEqual(codeFromEvidence([ev('dictionary', null, 'IGO', 80), ev('title', 'PRT', null, 1)]), { country: null, sector: 'IGO' });
  assert.deepEqual(codeFromEvidence([ev('dictionary', null, 'IGO', 1), ev('title', 'PRT', null, 2)]), { country: 'PRT', sector: 'IGO' });
  // A title with no country says nothing about the country: "President Reagan".
  assert.deepEqual(codeFromEvidence([ev('title', null, 'GOV', 5), ev('dictionary', 'USA', 'GOV', 1)]), { country: 'USA', sector: 'GOV' });
});

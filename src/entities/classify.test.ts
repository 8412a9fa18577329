import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyRun, type NamePart } from './classify.js';
import type { ActorEntry, Lexicon, RoleMatch } from './lexicon.js';

/**
 * A small lexicon written for these examples, so each rule is seen working
 * on words whose meaning the test states, independent of data/.
 */
const ROLES: Record<string, { sector: string; type: 'PER' | 'ORG' }> = {
  president: { sector: 'GOV', type: 'PER' },
  'prime minister': { sector: 'GOV', type: 'PER' },
  'deputy prime minister': { sector: 'GOV', type: 'PER' },
  'major general': { sector: 'MIL', type: 'PER' },
  general: { sector: 'MIL', type: 'PER' },
  leader: { sector: 'GOV', type: 'PER' },
  secretary: { sector: 'GOV', type: 'PER' },
  dean: { sector: 'EDU', type: 'PER' },
  court: { sector: 'JUD', type: 'ORG' },
  council: { sector: 'GOV', type: 'ORG' },
};
const DEMONYMS: Record<string, string> = { Iraqi: 'IRQ', Iranian: 'IRN', Dutch: 'NLD' };
const COUNTRIES: Record<string, string> = { US: 'USA', Iraq: 'IRQ', Iran: 'IRN', Netherlands: 'NLD' };
const PLACES: Record<string, string> = { Basra: 'IRQ', Tilburg: 'NLD' };
const ORG_WORDS: Record<string, 'head' | 'loc-head' | 'misc-head'> = {
  office: 'head', ministry: 'head', forces: 'head', alliance: 'head', council: 'head',
  province: 'loc-head', governorate: 'loc-head', operation: 'misc-head',
};
const GIVEN = new Set(['donald', 'hadi', 'willem', 'karim', 'dean']);
const ACTORS: Record<string, ActorEntry> = {
  'fatah alliance': { type: 'ORG', country: 'IRQ', sector: 'PTY', name: 'Fatah Alliance' },
};

const testLexicon: Lexicon = {
  countryByName: (s) => COUNTRIES[s] ?? null,
  countryByDemonym: (s) => DEMONYMS[s] ?? null,
  countryByCapital: () => null,
  isPlace: (s) => s in PLACES || s in COUNTRIES,
  placeCountry: (s) => COUNTRIES[s] ?? PLACES[s] ?? null,
  roleAt: (lower, i): RoleMatch | null => {
    for (let len = Math.min(3, lower.length - i); len >= 1; len--) {
      const phrase = lower.slice(i, i + len).join(' ');
      const r = ROLES[phrase];
      if (r) return { length: len, sector: r.sector, type: r.type, phrase };
    }
    return null;
  },
  orgWord: (w) => ORG_WORDS[w] ?? null,
  givenName: (w) => GIVEN.has(w),
  honorific: (w) => w === 'sheikh' || w === 'dr.',
  compoundOwnsForces: (w) => (w === 'led' ? true : w === 'made' ? false : null),
  actor: (name) => ACTORS[name.toLowerCase()] ?? null,
};

const words = (s: string) => s.split(' ');
const textOf = (ws: string[], p: NamePart) => ws.slice(p.first, p.last + 1).join(' ');

test('a title in front of a name is peeled off into roles; the name is a person', () => {
  const ws = words('US President Donald Trump');
  const [p, ...more] = classifyRun(ws, testLexicon, '2020-01-03');
  assert.equal(more.length, 0);
  assert.equal(textOf(ws, p), 'Donald Trump');
  assert.equal(p.type, 'PER');
  assert.deepEqual(p.roles, ['president']);
  assert.deepEqual(p.roleSectors, ['GOV']);
  assert.equal(p.titleCountry, 'USA');
  assert.equal(p.evidence, 'title');
  assert.equal(p.roleOnly, false);
});

test('words like "former" before a title are skipped with it', () => {
  const ws = words('Former Prime Minister Karim Dallal');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(textOf(ws, p), 'Karim Dallal');
  assert.deepEqual(p.roles, ['prime minister']);
});

test('a demonym before a title gives the title its country', () => {
  const ws = words('Iraqi Major General Saad Marouf');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(textOf(ws, p), 'Saad Marouf');
  assert.equal(p.titleCountry, 'IRQ');
  assert.deepEqual(p.roleSectors, ['MIL']);
  // The demonym itself stays findable as a name of its own.
  assert.deepEqual(p.countryWord, { index: 0, type: 'MISC' });
});

test('a country\'s name before a title is marked as a place', () => {
  const ws = words('US President Donald Trump');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(textOf(ws, p), 'Donald Trump');
  assert.deepEqual(p.countryWord, { index: 0, type: 'LOC' });
});

test('a title with no name after it is a role-only person mention', () => {
  const ws = words('Major General');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(p.type, 'PER');
  assert.equal(p.roleOnly, true);
  assert.deepEqual(p.roles, ['major general']);
  assert.equal(textOf(ws, p), 'Major General');
});

test('"Leader of the X Alliance Name" splits into the organisation and the person', () => {
  const ws = words('Leader of the Fatah Alliance Hadi al-Amiri');
  const parts = classifyRun(ws, testLexicon, null);
  assert.equal(parts.length, 2);
  assert.equal(textOf(ws, parts[0]), 'Fatah Alliance');
  assert.equal(parts[0].type, 'ORG');
  assert.equal(parts[0].evidence, 'dictionary');
  assert.equal(textOf(ws, parts[1]), 'Hadi al-Amiri');
  assert.equal(parts[1].type, 'PER');
  assert.deepEqual(parts[1].roles, ['leader']);
});

test('an organisation head word anywhere makes an ORG, "of" and all', () => {
  const ws = words('Office of Rural Water Supply');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(p.type, 'ORG');
  assert.equal(p.evidence, 'org-head');
  assert.equal(textOf(ws, p), 'Office of Rural Water Supply');
});

test('a role word that names a body at the end makes an ORG ("Supreme Court")', () => {
  const [p] = classifyRun(words('Federal Supreme Court'), testLexicon, null);
  assert.equal(p.type, 'ORG');
  assert.equal(p.evidence, 'org-role');
});

test('place head words make a LOC, and known places are LOC from the gazetteer', () => {
  const [prov] = classifyRun(words('Maysan Province'), testLexicon, null);
  assert.equal(prov.type, 'LOC');
  assert.equal(prov.evidence, 'loc-head');
  const [city] = classifyRun(['Basra'], testLexicon, null);
  assert.equal(city.type, 'LOC');
  assert.equal(city.evidence, 'gazetteer');
});

test('a lone demonym is MISC; a lone all-capitals word is an acronym ORG', () => {
  const [dem] = classifyRun(['Iranian'], testLexicon, null);
  assert.equal(dem.type, 'MISC');
  assert.equal(dem.evidence, 'demonym');
  const [acr] = classifyRun(['PMF'], testLexicon, null);
  assert.equal(acr.type, 'ORG');
  assert.equal(acr.evidence, 'acronym');
});

test('names with Arabic particles, or two or three plain capitalised words, have a person\'s shape', () => {
  const [abu] = classifyRun(words('Abu Mahdi al-Muhandis'), testLexicon, null);
  assert.equal(abu.type, 'PER');
  assert.equal(abu.evidence, 'name-shape');
  const [plain] = classifyRun(words('Saad Marouf'), testLexicon, null);
  assert.equal(plain.type, 'PER');
  const [given] = classifyRun(['Willem'], testLexicon, null);
  assert.equal(given.type, 'PER');
});

test('a single unknown capitalised word is MISC, not a guess', () => {
  const [p] = classifyRun(['Zorvath'], testLexicon, null);
  assert.equal(p.type, 'MISC');
  assert.equal(p.evidence, 'unknown');
  assert.deepEqual(p.roles, []);
});

test('a dictionary hit on the whole run wins over every rule', () => {
  const [p] = classifyRun(words('Fatah Alliance'), testLexicon, null);
  assert.equal(p.type, 'ORG');
  assert.equal(p.evidence, 'dictionary');
});

test('a title word that is also a given name, before one surname, is not peeled', () => {
  const ws = words('Dean Okafor');
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(textOf(ws, p), 'Dean Okafor');
  assert.deepEqual(p.roles, []);
  const ws2 = words('Dean Hadi Okafor');
  const [q] = classifyRun(ws2, testLexicon, null);
  assert.equal(textOf(ws2, q), 'Hadi Okafor');
});

test('a title word owning something is part of a name', () => {
  const ws = words("President 's Cup");
  const [p] = classifyRun(ws, testLexicon, null);
  assert.equal(textOf(ws, p), "President 's Cup");
  assert.deepEqual(p.roles, []);
});

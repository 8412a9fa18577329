import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainMentions, chainType, nameKeys, type CorefMention } from './coref.js';

const person = (text: string, roles: string[] = []): CorefMention => ({ text, type: 'PER', roles, roleOnly: false });
const title = (text: string, roles: string[]): CorefMention => ({ text, type: 'PER', roles, roleOnly: true });
const org = (text: string, acronymOf?: number): CorefMention => ({ text, type: 'ORG', roles: [], roleOnly: false, acronymOf });

test('name keys drop Arabic particles, hyphens and a possessive', () => {
  assert.deepEqual(nameKeys('Abu Mahdi al-Muhandis'), ['mahdi', 'muhandis']);
  assert.deepEqual(nameKeys('Ali Bagheri-Kani'), ['ali', 'bagheri', 'kani']);
  assert.deepEqual(nameKeys("Dallal's"), ['dallal']);
});

test('a surname joins the chain of the earlier full name, which names the chain', () => {
  const { chain, names } = chainMentions([person('Karim Dallal', ['president']), person('Dallal')]);
  assert.deepEqual(chain, [0, 0]);
  assert.equal(names[0], 'Karim Dallal');
});

test('"al-Fayyadh" and "Bagheri-Kani" find the full names they shorten', () => {
  const { chain } = chainMentions([
    person('Falih al-Fayyadh'), person('Ali Bagheri-Kani'), person('Al-Fayyadh'), person('Bagheri-Kani'),
  ]);
  assert.deepEqual(chain, [0, 1, 0, 1]);
});

test('a shared surname goes to the latest person who carried it', () => {
  const { chain } = chainMentions([person('Omar Haddad'), person('Layla Haddad'), person('Haddad')]);
  assert.deepEqual(chain, [0, 1, 1]);
});

test('a title alone refers to the latest person who carried that title', () => {
  const { chain, names } = chainMentions([
    person('Saad Marouf', ['major general']), person('Karim Dallal', ['president']), title('Major General', ['major general']),
  ]);
  assert.deepEqual(chain, [0, 1, 0]);
  assert.equal(names[chain[2]], 'Saad Marouf');
});

test('a title nobody carried before starts its own chain', () => {
  const { chain } = chainMentions([person('Karim Dallal', ['president']), title('Brigadier General', ['brigadier general'])]);
  assert.deepEqual(chain, [0, 1]);
});

test('an acronym given in parentheses joins the name it follows', () => {
  const { chain, names } = chainMentions([org('Office of Foreign Assets Control'), org('OFAC', 0)]);
  assert.deepEqual(chain, [0, 0]);
  assert.equal(names[0], 'Office of Foreign Assets Control');
});

test('an organisation is never joined to a person by shared words', () => {
  const { chain } = chainMentions([person('Hadi Amiri'), org('Amiri')]);
  assert.notEqual(chain[0], chain[1]);
});

test('a demonym never joins a person\'s chain', () => {
  const { chain } = chainMentions([person('Sami Kurdi'), { text: 'Kurdi', type: 'MISC', roles: [], roleOnly: false, demonym: true }]);
  assert.notEqual(chain[0], chain[1]);
});

test('an unknown single word that matches a person joins that person', () => {
  const { chain } = chainMentions([person('Sami Tallisk'), { text: 'Tallisk', type: 'MISC', roles: [], roleOnly: false }]);
  assert.deepEqual(chain, [0, 0]);
  assert.equal(chainType(['PER', 'MISC']), 'PER');
  assert.equal(chainType(['MISC', 'PER']), 'PER');
  assert.equal(chainType(['ORG', 'ORG']), 'ORG');
});

test('the same text repeated is one chain', () => {
  const { chain } = chainMentions([org('Harbour Board'), person('Karim Dallal'), org('Harbour Board')]);
  assert.deepEqual(chain, [0, 1, 0]);
});

test('a gloss joins the name it follows and never names the chain', () => {
  const { chain, names } = chainMentions([org('Hizbollah'), { ...org('Party of God', 0), gloss: true }]);
  assert.deepEqual(chain, [0, 0]);
  assert.equal(names[0], 'Hizbollah');
});

test('a full name after its surname alone joins the surname\'s chain: "Brown ally rejects …" then "Gordon Brown"', () => {
  const { chain, names } = chainMentions([
    { text: 'Brown', type: 'PER', roles: [], roleOnly: false },
    { text: 'Gordon Brown', type: 'PER', roles: [], roleOnly: false },
    { text: 'Brown', type: 'PER', roles: [], roleOnly: false },
    { text: 'Nick Brown', type: 'PER', roles: [], roleOnly: false },
  ]);
  assert.deepEqual(chain.slice(0, 3), [0, 0, 0]);
  assert.equal(names[0], 'Gordon Brown');
  // Another first name is another person.
  assert.notEqual(chain[3], 0);
});

test('a full name in the sentence that already gave its surname alone is someone else: "Reagan and Nancy Reagan"', () => {
  const at = (m: CorefMention, sentence: number): CorefMention => ({ ...m, sentence });
  const { chain, names } = chainMentions([
    at(person('Reagan', ['president']), 0), at(person('Reagan'), 1), at(person('Nancy Reagan'), 1), at(person('Reagan'), 2),
  ]);
  assert.deepEqual(chain, [0, 0, 1, 0]);
  assert.deepEqual([names[0], names[1]], ['Reagan', 'Nancy Reagan']);
  // In another sentence the full name is still the person the surname stood for.
  assert.deepEqual(chainMentions([at(person('Brown'), 0), at(person('Gordon Brown'), 1)]).chain, [0, 0]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent, Doc, EntityMention } from '../doc/types.js';
import { treeOf } from '../syntax/tree.js';
import { isFramingSource, isMedium, isMediumNoun, readArguments, withPhraseCountry, type ArgumentContext } from './arguments.js';
import { bindParticipants } from './participants.js';

/** The parse reading of the first token whose text is `word`, over the document's own mentions. */
function readAt(text: string, word: string, kind: 'verb' | 'noun' = 'verb', event = '') {
  const doc = analyze({ text, published: '2024-05-02' });
  const k = doc.tokens.findIndex((t) => text.slice(t.start, t.end) === word);
  assert.ok(k >= 0, `no token ${word}`);
  const c = contextOf(doc);
  const reading = readArguments(c, kind, [k], k, event);
  assert.ok(reading, 'the sentence is parsed');
  return { doc, c, k, reading, names: (ms: EntityMention[]) => ms.map((m) => m.text) };
}

function contextOf(doc: Doc): ArgumentContext {
  return { text: doc.text, tokens: doc.tokens, mentions: doc.entities, sentenceStart: 0, sentenceEnd: doc.tokens.length, tree: treeOf(doc.syntax) };
}

const eventOf = (text: string, trigger: string): CodedEvent => {
  const e = analyze({ text, published: '2024-05-02' }).events.find((x) => x.trigger.text === trigger);
  assert.ok(e, `no event on "${trigger}" in: ${text}`);
  return e;
};

test('the subject acts and the object receives; an explicit subject is never dropped', () => {
  const { reading, names } = readAt('Police lobbed canisters of tear gas at the protesters in Nairobi.', 'lobbed');
  assert.deepEqual(names(reading.actor), ['Police']);
  assert.equal(reading.passive, false);
});

test('in the passive the subject receives and the "by" agent acts', () => {
  const { reading, names } = readAt('Two Saudi soldiers were killed by Houthi fighters near the border.', 'killed');
  assert.equal(reading.passive, true);
  assert.ok(reading.actor.length > 0 && reading.actor.every((a) => a.country === 'YEM'), JSON.stringify(names(reading.actor)));
  assert.ok(reading.recipient.length > 0 && reading.recipient.every((r) => r.country === 'SAU'), JSON.stringify(names(reading.recipient)));
});

test('control: the one who vows is the actor of what is vowed', () => {
  const { reading, names } = readAt('Iran vowed to punish Israel for the strike.', 'punish');
  assert.deepEqual(names(reading.actor), ['Iran']);
  assert.deepEqual(names(reading.recipient), ['Israel']);
});

test('coordinated subjects act together', () => {
  const { reading, names } = readAt('Egypt and Jordan condemned Israel on Monday.', 'condemned');
  assert.deepEqual(names(reading.actor), ['Egypt', 'Jordan']);
  assert.deepEqual(names(reading.recipient), ['Israel']);
});

test('a target oblique names the recipient: "against X"', () => {
  const { reading, names } = readAt('Ukraine launched drones against Russia overnight.', 'launched');
  assert.deepEqual(names(reading.actor), ['Ukraine']);
  assert.deepEqual(names(reading.recipient), ['Russia']);
});

test('an event noun takes its possessor as actor and "on X" as recipient', () => {
  const { reading, names } = readAt("The council condemned Turkey's attack on Syria.", 'attack', 'noun', 'ASSAULT');
  assert.deepEqual(names(reading.actor), ['Turkey']);
  assert.deepEqual(names(reading.recipient), ['Syria']);
});

test('a medium is never a participant: "on Twitter", "in a statement"', () => {
  assert.ok(isMediumNoun('Twitter') && isMediumNoun('statement') && !isMediumNoun('army'));
  const text = 'Greece welcomed the agreement on Twitter.';
  const doc = analyze({ text, published: '2024-05-02' });
  const twitter = doc.entities.find((m) => m.text === 'Twitter');
  if (twitter) assert.ok(isMedium(contextOf(doc), twitter));
  for (const e of doc.events) assert.ok(!e.recipient.some((r) => r.text === 'Twitter'), JSON.stringify(e.recipient));
});

test('the subject of a reporting verb that frames the event is its source, not a participant', () => {
  const text = 'Gunmen killed three guards at the checkpoint, Abdul Rahim, a Kandahar police spokesman, said.';
  const doc = analyze({ text, published: '2024-05-02' });
  const killed = doc.tokens.findIndex((t) => text.slice(t.start, t.end) === 'killed');
  const c = contextOf(doc);
  const rahim = doc.entities.find((m) => m.text === 'Abdul Rahim');
  assert.ok(rahim);
  assert.equal(isFramingSource(c, killed, rahim), true);
  const e = eventOf(text, 'killed');
  assert.ok(![...e.recipient, ...e.actor].some((x) => x.text === 'Abdul Rahim'), JSON.stringify(e));
});

test('a reporting verb the actor shares by control is no frame: "Hamas claimed to have attacked"', () => {
  const { c, k, doc } = readAt('Hamas claimed to have attacked an Israeli patrol.', 'attacked');
  const hamas = doc.entities.find((m) => m.text === 'Hamas');
  assert.ok(hamas);
  assert.equal(isFramingSource(c, k, hamas), false);
});

test('"X says it will …": the pronoun is the sayer, who acts', () => {
  const e = eventOf('Norway says it will expel two Russian diplomats.', 'expel');
  assert.equal(e.actor[0]?.text, 'Norway');
});

test('an object that names no one stands for whose it is: "the offices of the Sudanese opposition party"', () => {
  const { reading, names } = readAt('Government troops shelled the offices of the Sudanese opposition party in Khartoum.', 'shelled');
  assert.deepEqual(names(reading.recipient), ['Sudanese opposition party']);
  assert.equal(reading.recipient[0].country, 'SDN');
});

test('a withdrawal "from X" is addressed to X, not to the troops withdrawn', () => {
  const e = eventOf('Chad withdrew its soldiers from Niger last week.', 'withdrew');
  assert.equal(e.recipient[0]?.country, 'NER');
});

test('an unparsed sentence reads nothing from the parse (the caller falls back to word windows)', () => {
  const doc = analyze({ text: 'Canada sanctioned Iran.', published: '2024-05-02' });
  const c = { ...contextOf(doc), tree: null };
  assert.equal(readArguments(c, 'verb', [1], 1), null);
});

test('a pronoun takes up the sayer only where it agrees: "they" is no single named person', () => {
  const e = eventOf('Followers of Ali Hassan said they attacked the police station.', 'attacked');
  assert.ok(!e.actor.some((a) => a.text === 'Ali Hassan'), JSON.stringify(e.actor));
});

test('an object that names no one lends the verb its target phrase: "closed its borders with Iran"', () => {
  const e = eventOf('Pakistan closed its borders with Afghanistan on Sunday.', 'closed');
  assert.equal(e.recipient[0]?.country, 'AFG');
});

test('a thing with no country is of the place its phrase names; a person is not', () => {
  const text = 'Drones struck the Korva Fuel Plant in northern Kazakhstan and the aid workers near Almaty.';
  const doc = analyze({ text, published: '2024-05-02' });
  const c = contextOf(doc);
  const plant = doc.entities.find((m) => m.text === 'Korva Fuel Plant');
  assert.ok(plant, JSON.stringify(doc.entities.map((m) => m.text)));
  assert.equal(plant.country, null, 'no country of its own');
  assert.equal(withPhraseCountry(c, plant).country, 'KAZ');
  const workers = doc.entities.find((m) => /workers/.test(m.text));
  assert.ok(workers && workers.country === null);
  assert.equal(withPhraseCountry(c, workers).country, null);
});

test('"…, NAME, a DESCRIPTION said": the name is the speaker, never the victim', () => {
  const e = eventOf('Rebels raided the village and killed three of them, Omar Sadiq, a Darfur police official said.', 'raided');
  const all = analyze({ text: 'Rebels raided the village and killed three of them, Omar Sadiq, a Darfur police official said.', published: '2024-05-02' }).events;
  assert.ok(e);
  for (const x of all) assert.ok(![...x.recipient, ...x.actor].some((m) => m.text === 'Omar Sadiq'), JSON.stringify(x));
});

test('the one who fires a weapon uses it: "Police lobbed canisters of tear gas" has the police as actor', () => {
  const e = eventOf('Police lobbed canisters of tear gas at the crowd in Lusaka.', 'gas');
  assert.equal(e.actor[0]?.text, 'Police');
});

test('a title just before a name stands for the named one, however the parse hangs the sentence on it', () => {
  const e = eventOf('Kenyan leader Daniel Moi on Monday rejected a British offer of talks.', 'rejected');
  assert.deepEqual(e.actor.map((a) => a.text), ['Daniel Moi']);
  assert.equal(e.actor[0].code, 'KENGOV');
});

test('a relative clause with no relative word has its own subject, and the noun it describes is its object', () => {
  const sought = eventOf('Turkey has held a number of fishing boats Greece had sought to recover through diplomatic talks.', 'sought');
  assert.deepEqual(sought.actor.map((a) => a.text), ['Greece']);
  const { reading, names } = readAt('Police freed the protesters whom the army had arrested in Cairo.', 'arrested');
  assert.deepEqual(names(reading.actor), ['army']);
  assert.deepEqual(names(reading.recipient), ['protesters']);
});

test('a gerund after "after", "by", "without" is the act of the subject of the clause it hangs on', () => {
  const e = eventOf('Senator Ana Ruiz, a member of the budget committee, left the party in May, after criticising the Greens and announcing her own campaign.', 'criticising');
  assert.deepEqual(e.actor.map((a) => a.text), ['Ana Ruiz']);
  assert.deepEqual(e.recipient.map((a) => a.text), ['Greens']);
});

/** Participants as the event stage binds them: the parse's reading, with the word windows behind it. */
function bindAt(text: string, word: string) {
  const doc = analyze({ text, published: '2024-05-02' });
  const k = doc.tokens.findIndex((t) => text.slice(t.start, t.end) === word);
  assert.ok(k >= 0, `no token ${word}`);
  const parts = bindParticipants({ ...contextOf(doc), previousSubject: null }, 'verb', [k], k);
  return { actor: parts.actor.map((m) => m.text), recipient: parts.recipient.map((m) => m.text) };
}

test('"were arrested and freed": the second verb shares the first one\'s passive, and no one of its subject acts', () => {
  const { reading } = readAt('Nine students from Leeds and another student from York have been arrested and freed on bail.', 'freed');
  assert.equal(reading.passive, true);
  assert.deepEqual(reading.actor, []);
  assert.deepEqual(bindAt('Nine students from Leeds and another student from York have been arrested and freed on bail.', 'freed').actor, []);
});

test('a noun that no mention covers stands for the name in apposition to it, and a passive subject is never its actor', () => {
  const parts = bindAt('Fellow guest Anna Stone MP was also hit by the eggs.', 'hit');
  assert.deepEqual(parts.actor, []);
  assert.deepEqual(parts.recipient, ['Anna Stone']);
  // A participle the pattern ties to "to" is a state of its subject: China commits.
  const committed = eventOf('Trade Minister Lin Hao said China is committed to opening its markets.', 'committed');
  assert.ok(committed.actor.some((a) => a.country === 'CHN'), JSON.stringify(committed.actor));
});

test('with no verb heading the sentence, a participle hung in the root noun\'s phrase is the predicate of that noun', () => {
  const { reading, names } = readAt('Nurses from three Canadian charities collected and personally delivered $20,000 worth of medicine to a clinic in Haiti.', 'collected');
  assert.equal(reading.passive, false);
  assert.deepEqual(names(reading.actor), ['Nurses']);
});

test('a conjunct with a preposition of its own is no second object: "lift the ban on X but not with its leaders"', () => {
  const { reading, names } = readAt('The king is ready to lift the ban on the Muslim Brotherhood but not with its exiled leaders.', 'lift');
  assert.deepEqual(names(reading.recipient), ['Muslim Brotherhood']);
  // (while "killed X and Y" still has two objects)
  const two = readAt('Gunmen killed a policeman and a soldier in Kano.', 'killed');
  assert.equal(two.reading.recipient.length, 2, JSON.stringify(two.names(two.reading.recipient)));
});

test('control through an adjective predicate: the one who is ready or willing to act is its actor', () => {
  assert.deepEqual(readAt('The king is ready to lift the ban on the Muslim Brotherhood.', 'lift').reading.actor.map((m) => m.text), ['king']);
  const { reading, names } = readAt('Iran is willing to negotiate with the United States.', 'negotiate');
  assert.deepEqual(names(reading.actor), ['Iran']);
  assert.deepEqual(names(reading.recipient), ['United States']);
});

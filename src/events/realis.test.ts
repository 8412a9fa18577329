import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent, Realis } from '../doc/types.js';
import { fromCertainty, isRealis } from './realis.js';

// Sentences written for these tests; none is taken from a corpus.
const PUBLISHED = '2023-03-10';
const events = (text: string): CodedEvent[] => analyze({ text, published: PUBLISHED }).events;

/** The realis of the event one of whose mentions has the trigger `trigger`. */
function realisOf(text: string, trigger: string): Realis {
  const e = events(text).find((x) => x.mentions.some((m) => m.trigger.text === trigger));
  assert.ok(e, `no event on "${trigger}" in: ${text} (found ${events(text).map((x) => x.trigger.text).join(', ')})`);
  assert.equal(e.negated, e.realis === 'negated', 'negated says the same as realis');
  return e.realis;
}

test('what the text says happened is actual, whoever reports it', () => {
  assert.equal(realisOf('Rebels attacked an army post near Gao on Monday, killing four soldiers.', 'attacked'), 'actual');
  assert.equal(realisOf('Rebels attacked an army post near Gao on Monday, killing four soldiers.', 'killing'), 'actual');
  assert.equal(realisOf('Officials said rebels attacked an army post near Gao on Monday.', 'attacked'), 'actual');
  assert.equal(realisOf('Soldiers arrested twelve students who had protested against the junta.', 'protested'), 'actual');
});

test('a planned event is future: the plan governs its object or its clause', () => {
  assert.equal(realisOf('The rebels are planning attacks on army posts in the north, officials said.', 'attacks'), 'future');
  assert.equal(realisOf('The union is set to strike at the port of Durban next week.', 'strike'), 'future');
});

test('an auxiliary of the event\'s own clause: "will" foretells, "could" supposes', () => {
  assert.equal(realisOf('The president will visit Nairobi next week.', 'visit'), 'future');
  assert.equal(realisOf('Analysts warned that the militia could attack the airport in Aden.', 'attack'), 'hypothetical');
});

test('negation of the event\'s clause or noun is negated, and the field agrees with `negated`', () => {
  assert.equal(realisOf('Officials said the rebels did not attack the army post.', 'attack'), 'negated');
  assert.equal(realisOf('Police have made no arrests after the riot in Dakar.', 'arrests'), 'negated');
  // (The riot of the same sentence did happen.)
  assert.equal(realisOf('Police have made no arrests after the riot in Dakar.', 'riot'), 'actual');
});

test('a wish, a fear, a precaution and a purpose are hypothetical', () => {
  assert.equal(realisOf('The militia wants to seize the port of Hodeidah.', 'seize'), 'hypothetical');
  assert.equal(realisOf('Troops fired tear gas to disperse the protesters in Lagos.', 'disperse'), 'hypothetical');
  assert.equal(realisOf('Troops fired tear gas to disperse the protesters in Lagos.', 'fired'), 'actual');
  assert.equal(realisOf('The army was sent to the border as a precaution against rebel raids.', 'raids'), 'hypothetical');
});

test('a negated wish is still a wish, not a denial', () => {
  assert.equal(realisOf('The premier said he did not want the border dispute to lead to an attack on Kenya.', 'attack'), 'hypothetical');
});

test('"would" in someone\'s words tells what is to come; "would have" supposes', () => {
  assert.equal(realisOf('The spokesman said the envoy would urge Pretoria to free the prisoners.', 'urge'), 'future');
  assert.equal(realisOf('Critics argued that the bill would have allowed police to detain suspects for a year.', 'detain'), 'hypothetical');
});

test('an infinitive after an ordinal tells what happened: "the twelfth man to be arrested"', () => {
  assert.equal(realisOf('Mr Osei is the third journalist to be arrested in Accra this month.', 'arrested'), 'actual');
});

test('a recoded statement is what happened: a promise is an AGREE, a refusal a REJECT', () => {
  const promise = events('Kenya promised to send troops to Somalia.').find((e) => e.trigger.text === 'promised');
  assert.equal(promise?.event, 'AGREE');
  assert.equal(promise?.realis, 'actual');
  const refusal = events('The foreign minister failed to reach an agreement with Ethiopia.').find((e) => e.event === 'REJECT');
  assert.equal(refusal?.realis, 'actual');
  assert.equal(refusal?.negated, false);
});

test('a noun\'s content clause takes what the noun says: "no evidence that …" asserts nothing', () => {
  assert.equal(realisOf('The ministry said there was no evidence that any prisoner was tortured in the camp.', 'tortured'), 'hypothetical');
  assert.equal(realisOf('The Pentagon said there was no sign that Iran had attacked the tanker.', 'attacked'), 'hypothetical');
});

test('a verb that governs an infinitive through its object decides, even where the parse hangs the infinitive on the noun', () => {
  assert.equal(realisOf('The spokesman said he expected hundreds of farmers in Punjab to stage a protest on Friday.', 'stage'), 'future');
});

test('an offer made only on a condition was not made', () => {
  const e = events('If Kenya offered troops, the African Union would welcome them.').find((x) => x.trigger.text === 'offered');
  assert.equal(e?.realis, 'hypothetical');
});

test('a finite verb coordinated after a modal clause is asserted on its own: "could do little … and urged"', () => {
  assert.equal(realisOf('The ministers said they could do little to end the blockade and urged both parties to resume talks.', 'urged'), 'actual');
});

test('an event named as what a noun is about is given: "an end to the attacks", "an account of the aid"', () => {
  assert.equal(realisOf('The opposition called for an end to the attacks on journalists.', 'attacks'), 'actual');
  assert.equal(realisOf('The senators demanded an account of the military aid sent to the rebels in 2019.', 'aid'), 'actual');
  // A purpose it is to serve is not: "a base for an attack".
  assert.equal(realisOf('The spokesman said the government did not want the island to become a base for an attack on its neighbours.', 'attack'), 'hypothetical');
});

test('intended cooperation told as a plan is an AGREE to come; said in the speaker\'s own words it is a promise made', () => {
  const planned = events('The foreign minister plans to visit Beijing in May.').find((x) => x.trigger.text === 'visit');
  assert.deepEqual([planned?.event, planned?.realis], ['AGREE', 'future']);
  const promised = events('The foreign minister said: "We will send food aid to the refugees."').find((x) => x.trigger.text === 'send');
  assert.deepEqual([promised?.event, promised?.realis], ['AGREE', 'actual']);
});

test('a question about a promise promises nothing', () => {
  const e = events('Will the army withdraw from the border town?').find((x) => x.trigger.text === 'withdraw');
  assert.equal(e?.realis, 'hypothetical');
});

test('habitual and counted mentions are no events', () => {
  const triggers = (text: string) => events(text).map((e) => e.trigger.text);
  assert.deepEqual(triggers('Guerrillas have attacked the pipeline about 40 times since 2019.'), []);
  assert.deepEqual(triggers('Rebels have attacked the pipeline at Kirkuk twice a month since 2019.'), []);
  assert.deepEqual(triggers('There have been several attacks on aid convoys this year.'), []);
  // One attack told with its time is an event.
  assert.deepEqual(triggers('Rebels attacked the pipeline at Kirkuk on Monday.'), ['attacked']);
});

test('a named war mentioned as the setting is no event', () => {
  const text = 'The veteran was jailed for his opposition to the Gulf war.';
  assert.ok(!events(text).some((e) => e.trigger.text === 'war'), events(text).map((e) => e.trigger.text).join(', '));
});

test('without a parse the attribution\'s certainty and the word-window negation decide', () => {
  assert.equal(fromCertainty('future', false), 'future');
  assert.equal(fromCertainty('hypothetical', false), 'hypothetical');
  assert.equal(fromCertainty('reported', true), 'negated');
  assert.equal(fromCertainty('alleged', false), 'actual');
  assert.ok(isRealis('negated') && !isRealis('denied') && !isRealis(undefined));
});

test('an attempt named by its kind is the trying, under way; the act an effort aims at is not', () => {
  assert.equal(realisOf('The emir launched a mediation effort between the two neighbours on Saturday.', 'mediation'), 'actual');
  assert.equal(realisOf('The emir made an effort to mediate between the two neighbours on Saturday.', 'mediate'), 'hypothetical');
});

test('what is barred or blocked did not happen; what a blocking still to come would stop is only supposed', () => {
  assert.equal(realisOf('The council voted on Monday to bar sanctions against Israel.', 'sanctions'), 'negated');
  assert.equal(realisOf('The Senate blocked a bill to impose sanctions on Russia.', 'impose'), 'negated');
  assert.equal(realisOf('The United States would block a move in the Security Council to impose sanctions against Iran.', 'impose'), 'hypothetical');
});

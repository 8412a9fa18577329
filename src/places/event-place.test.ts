import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The location of the event on the trigger word `trigger`, as the whole pipeline codes it. */
function locationOf(text: string, trigger: string) {
  const e = analyze({ text, published: '2024-05-02' }).events.find((x) => x.trigger.text === trigger);
  assert.ok(e, `no event on "${trigger}" in: ${text}`);
  return e;
}

test("a person's home town is not where the event happened, though it still tells the country", () => {
  assert.equal(locationOf('A man from Leicester was arrested in Burnley on Monday.', 'arrested').location?.name, 'Burnley');
  const e = locationOf('Two men from Leicester were arrested on Monday.', 'arrested');
  assert.equal(e.location, null);
  assert.ok([...e.actor, ...e.recipient].some((x) => x.country === 'GBR'), JSON.stringify(e.recipient));
});

test('the place of the report is not the place of what it reports', () => {
  assert.equal(locationOf('In London, the insurer said the tanker was hit on Saturday.', 'hit').location, null);
});

test('a town inside the phrase of the place or of the participant places the event', () => {
  assert.equal(locationOf("Protesters rallied in London's Trafalgar Square on Sunday.", 'rallied').location?.name, 'London');
  assert.equal(locationOf('A Baghdad court issued an arrest warrant for the minister on Monday.', 'issued').location?.name, 'Baghdad');
});

test('an event in a "where" clause takes the place the clause describes', () => {
  assert.equal(locationOf('Ministers met for talks in Paris, where they agreed to cut interest rates.', 'agreed').location?.name, 'Paris');
});

test("a described participant's home town does not outrank the place the event is in", () => {
  assert.equal(locationOf('Mr Mubanga, 29, from north London, was originally detained in Zambia.', 'detained').location?.name, 'Zambia');
});

test('"on X island" across a wire line break is where the event was, not a target', () => {
  const e = locationOf('MANILA, March 20 - Communist rebels killed 18 soldiers on\nMindanao island in the southern Philippines, the army said.', 'killed');
  assert.equal(e.location?.name, 'Mindanao');
});

test('where the parse is broken around a place, the words decide as before', () => {
  assert.equal(locationOf('Egyptian Foreign Minister Sameh Shoukry met Jordanian Foreign Minister Ayman Safadi in Cairo on November 1.', 'met').location?.name, 'Cairo');
});

test('a place of any word of the event\'s phrase places it: "are holding talks in Brussels"', () => {
  assert.equal(locationOf('EU leaders are holding talks in Brussels on how to revive the economy.', 'holding').location?.name, 'Brussels');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent } from '../doc/types.js';
import { attribute, isNegated } from './index.js';

const eventsOf = (text: string): CodedEvent[] => analyze({ text, published: '2022-06-01' }).events;
function eventBy(text: string, trigger: string): CodedEvent {
  const e = eventsOf(text).find((x) => x.trigger.text === trigger);
  assert.ok(e, `${text}: no event at "${trigger}"`);
  return e;
}

test('a plain statement is the author\'s: no source, no cue, asserted', () => {
  const e = eventBy('Iraqi troops arrested five suspects in Mosul.', 'arrested');
  assert.deepEqual(e.attribution, { source: null, cue: null, certainty: 'asserted' });
});

test('"X said Y attacked Z": X is the source, "said" the cue, and the event is reported', () => {
  const text = 'Iraqi Prime Minister Mustafa al-Kadhimi said Turkey attacked the Kurdish village of Sharanish.';
  const e = eventBy(text, 'attacked');
  assert.equal(e.attribution.source?.name, 'Mustafa al-Kadhimi');
  assert.equal(e.attribution.source?.type, 'PER');
  assert.equal(text.slice(e.attribution.source!.start, e.attribution.source!.end), e.attribution.source!.text);
  assert.deepEqual(e.attribution.cue, { text: 'said', start: text.indexOf('said'), end: text.indexOf('said') + 4 });
  assert.equal(e.attribution.certainty, 'reported');
});

test('a reporting verb after the event names the source too: "…, officials said"', () => {
  const e = eventBy('Iran will attack Israel, officials said.', 'attack');
  assert.equal(e.attribution.source?.name, 'officials');
  assert.equal(e.attribution.cue?.text, 'said');
  assert.equal(e.attribution.certainty, 'future', 'the modal "will" outweighs "reported"');
});

test('"according to X" makes X the source, with the phrase as cue', () => {
  const text = 'According to Reuters, Iran seized a British tanker in the Gulf.';
  const e = eventBy(text, 'seized');
  assert.equal(e.attribution.source?.name, 'Reuters');
  assert.equal(e.attribution.cue?.text, 'According to');
  assert.equal(e.attribution.cue?.start, 0);
  assert.equal(e.attribution.certainty, 'reported');
});

test('hedges change the certainty: "allegedly" is alleged, "reportedly" reported', () => {
  assert.equal(eventBy('Police allegedly beat the journalists in Basra.', 'beat').attribution.certainty, 'alleged');
  assert.equal(eventBy('Turkey allegedly attacked Iraq.', 'attacked').attribution.certainty, 'alleged');
  const reportedly = eventBy('Turkey reportedly shelled Kurdish villages near Duhok.', 'shelled');
  assert.equal(reportedly.attribution.certainty, 'reported');
  assert.equal(reportedly.attribution.source, null);
});

test('a denial makes the event denied, with the denier as source', () => {
  const e = eventBy('Iran denied that it attacked the tanker.', 'attacked');
  assert.equal(e.attribution.certainty, 'denied');
  assert.equal(e.attribution.cue?.text, 'denied');
  assert.equal(e.attribution.source?.name, 'Iran');
});

test('an event in an infinitive is not yet real: "want the government to expel" is hypothetical', () => {
  const expel = eventsOf('Opposition leaders want the government to expel the ambassador.').find((e) => e.trigger.text === 'expel');
  assert.ok(expel);
  assert.equal(expel.attribution.certainty, 'hypothetical');
  // (an act asked for is the request's content: the call is the event, and it did happen — events/plover-rules.ts)
  const es = eventsOf('Opposition leaders called on the government to expel the ambassador.');
  assert.equal(es.find((e) => e.trigger.text === 'called')?.attribution.certainty, 'asserted', 'the call itself did happen');
  assert.equal(es.find((e) => e.trigger.text === 'expel'), undefined);
});

test('plans are future: "plans to withdraw"', () => {
  assert.equal(eventBy('Iran plans to withdraw its troops from Syria.', 'withdraw').attribution.certainty, 'future');
});

test('negation: "did not" and "never" negate; the plain verb does not, nor does a refusal, whose act is its content', () => {
  assert.equal(eventBy('Iran did not retaliate against the United States.', 'retaliate').negated, true);
  assert.equal(eventBy('Iraq never attacked Kuwait.', 'attacked').negated, true);
  assert.equal(eventBy('Iraq refused to expel the Turkish ambassador.', 'refused').negated, false);
  // (the act refused is the refusal's content, no event of its own — events/plover-rules.ts)
  assert.equal(eventsOf('Iraq refused to expel the Turkish ambassador.').find((e) => e.trigger.text === 'expel'), undefined);
  assert.equal(eventBy('Turkey allegedly attacked Iraq.', 'attacked').negated, false);
});

test('isNegated reads the few words before the event and stops at a noun phrase', () => {
  const doc = analyze({ text: 'Iran did not retaliate, and no troops attacked the border after Iraq warned them.' });
  const at = (word: string) => doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === word);
  assert.equal(isNegated(doc.tokens, at('retaliate'), 0), true);
  assert.equal(isNegated(doc.tokens, at('warned'), 0), false);
  assert.equal(isNegated(doc.tokens, at('Iran'), 0), false, 'nothing before the first word');
});

test('an event ruled out, or the subject of "is out of the question", is negated: refusing it is REJECT', () => {
  const doc = analyze({ text: 'Lifting the embargo is currently out of the question. Lifting the embargo is now possible.' });
  const at = (word: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && doc.text.slice(t.start, t.end) === word);
  assert.equal(isNegated(doc.tokens, at('Lifting'), 0, doc.sentences[0].tokenEnd), true);
  assert.equal(isNegated(doc.tokens, at('Lifting', doc.sentences[1].tokenStart), doc.sentences[1].tokenStart, doc.sentences[1].tokenEnd), false);
  const ruled = analyze({ text: 'The minister ruled out withdrawing the troops.' });
  assert.equal(isNegated(ruled.tokens, ruled.tokens.findIndex((t) => t.normal === 'withdrawing'), 0), true);
});

test('attribute on a bare sentence is the author\'s assertion', () => {
  const doc = analyze({ text: 'Iraq expelled the envoy.' });
  const s = doc.sentences[0];
  const trigger = doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === 'expelled');
  const a = attribute({ text: doc.text, tokens: doc.tokens, sentence: s, mentions: doc.entities, trigger, first: trigger });
  assert.deepEqual(a, { source: null, cue: null, certainty: 'asserted' });
});

test('the talker is the subject of the reporting verb, not a name in its prepositional phrase', () => {
  // (With "The Red Cross operating in Syria said" wink tags "Cross" a verb and the parse goes wrong.)
  const e = eventBy('The aid workers operating in Syria said government forces shelled the hospital.', 'shelled');
  assert.equal(e.attribution.source?.text, 'aid workers');
});

test('an act the text marks like a cue ("decided", "ordered") does not make its subject the source', () => {
  const attributionIn = (text: string, cue: string) => {
    const doc = analyze({ text });
    const trigger = doc.tokens.findIndex((t) => doc.text.slice(t.start, t.end) === 'attack');
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
    const relation = {
      source: { ...at('The president'), entity: null, chain: null }, cue: at(cue), content: [at('troops would attack the rebel camp')],
      class: 'report' as const, certainty: 'reported' as const, sentence: 0,
    };
    return attribute({ text, tokens: doc.tokens, sentence: doc.sentences[0], mentions: doc.entities, trigger, first: trigger, relations: [relation] });
  };
  const decided = attributionIn('The president decided that troops would attack the rebel camp.', 'decided');
  assert.equal(decided.source, null);
  assert.equal(decided.cue, null);
  assert.equal(attributionIn('The president said that troops would attack the rebel camp.', 'said').cue?.text, 'said', 'a way of saying keeps its relation');
});

test('a speaker\'s own verbal act is told by the author: the speaker is its actor, not its source', () => {
  const e = eventBy('The foreign minister of Iran said: "We demand that Israel release the prisoners."', 'demand');
  assert.equal(e.attribution.source, null);
  assert.equal(e.attribution.certainty, 'asserted');
});

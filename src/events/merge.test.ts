import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent, Entity, Place } from '../doc/types.js';
import { mergeComplementary } from './merge.js';
import { contextsFor } from './context.js';

const party = (name: string, code: string): Entity => ({ text: name, start: 0, end: name.length, name, type: 'ORG', country: code.slice(0, 3), sector: null, code });
// Places sit apart from the parties' spans, as in a real sentence.
const place = (name: string, precision: Place['precision']): Place => ({ text: name, start: 200, end: 200 + name.length, name, country: 'IRQ', admin1: null, lat: 1, lon: 2, geonames_id: null, precision });

function event(over: Partial<CodedEvent>): CodedEvent {
  const e: Omit<CodedEvent, 'mentions'> & Partial<CodedEvent> = {
    id: 'x', article_id: 'a', event: 'ASSAULT', mode: [], context: [], cameo: '190', goldstein: -10, quad_class: 4,
    date: null, date_precision: 'unknown', date_text: null, actor: [], recipient: [], location: null,
    attribution: { source: null, cue: null, certainty: 'asserted' }, negated: false, realis: 'actual',
    sentence: { index: 0, start: 0, end: 80 }, trigger: { text: 'killing', start: 4, end: 11 }, confidence: 0.6,
    ...over,
  };
  return { ...e, mentions: over.mentions ?? [{ sentence: e.sentence, trigger: e.trigger }] };
}

const US = party('US', 'USA');
const COMMANDER = party('commander', 'IRQMIL');

test('a victim without a doer and a doer without a victim in one sentence are one event', () => {
  const killing = event({ id: 'k', recipient: [COMMANDER], confidence: 0.62 });
  const strike = event({ id: 's', actor: [US], cameo: '195', goldstein: -10, mode: ['drone'], trigger: { text: 'strike', start: 40, end: 46 }, confidence: 0.6,
    location: place('Baghdad', 'city'), date: '2020-01-03', date_precision: 'day', date_text: 'January 3' });
  const out = mergeComplementary([killing, strike]);
  assert.equal(out.length, 1);
  const [e] = out;
  assert.equal(e.id, 'k', 'the first report keeps its id and trigger');
  assert.equal(e.trigger.text, 'killing');
  assert.deepEqual(e.actor, [US]);
  assert.deepEqual(e.recipient, [COMMANDER]);
  assert.equal(e.cameo, '195', 'the more specific code wins');
  assert.deepEqual(e.mode, ['drone']);
  assert.equal(e.location?.name, 'Baghdad');
  assert.equal(e.date, '2020-01-03');
  assert.equal(e.date_precision, 'day');
  assert.equal(e.date_text, 'January 3');
  assert.ok(e.confidence > 0.62 && e.confidence <= 0.95);
});

test('events in different sentences, of different types or of different polarity stay apart', () => {
  const a = event({ recipient: [COMMANDER] });
  assert.equal(mergeComplementary([a, event({ actor: [US], sentence: { index: 1, start: 81, end: 120 } })]).length, 2);
  assert.equal(mergeComplementary([a, event({ actor: [US], event: 'COERCE', cameo: '173' })]).length, 2);
  assert.equal(mergeComplementary([a, event({ actor: [US], negated: true })]).length, 2);
});

test('two full reports of different pairs in one sentence are two events', () => {
  const one = event({ actor: [US], recipient: [COMMANDER] });
  const two = event({ actor: [party('Iran', 'IRN')], recipient: [party('Israel', 'ISR')], trigger: { text: 'attacked', start: 50, end: 58 } });
  assert.deepEqual(mergeComplementary([one, two]), [one, two]);
});

test('a bare mention next to the full report is folded into it, keeping the full report', () => {
  const bare = event({ id: 'bare', trigger: { text: 'bombs', start: 0, end: 5 }, cameo: '183', mode: ['explosives'], location: place('Anbar', 'admin1') });
  const full = event({ id: 'full', actor: [party('militants', 'REB')], recipient: [party('convoy', 'USAMIL')], trigger: { text: 'struck', start: 6, end: 12 }, location: place('Ramadi', 'city') });
  const out = mergeComplementary([bare, full]);
  assert.equal(out.length, 1);
  assert.equal(out[0].id, 'full');
  assert.equal(out[0].trigger.text, 'struck');
  assert.equal(out[0].cameo, '183');
  assert.deepEqual(out[0].mode, ['explosives']);
  assert.equal(out[0].location?.name, 'Ramadi', 'the city is more precise than the province');
  // …in either order
  const reversed = mergeComplementary([full, bare]);
  assert.equal(reversed.length, 1);
  assert.equal(reversed[0].id, 'full');
});

test('a report nested inside a fuller one of the same actor is folded into the fuller one', () => {
  const strike = event({ id: 'strike', actor: [US], cameo: '195', trigger: { text: 'strike', start: 8, end: 14 } });
  const killed = event({ id: 'killed', actor: [US], recipient: [COMMANDER], trigger: { text: 'killed', start: 15, end: 21 } });
  const out = mergeComplementary([strike, killed]);
  assert.equal(out.length, 1);
  assert.equal(out[0].id, 'killed');
  assert.deepEqual(out[0].recipient, [COMMANDER]);
  assert.equal(out[0].cameo, '195');
});

test('nothing to merge gives the list back unchanged', () => {
  assert.deepEqual(mergeComplementary([]), []);
  const one = event({ actor: [US] });
  assert.deepEqual(mergeComplementary([one]), [one]);
});

test('a context is given by its cue words in the sentence, at most three, and none without cues', () => {
  const military = contextsFor('The troops withdrew from the base.', 'The troops withdrew from the base.');
  assert.ok(military.includes('military'), JSON.stringify(military));
  assert.ok(military.length <= 3);
  assert.deepEqual(contextsFor('They met.', 'They met.'), []);
  // a cue word must stand as a word, not inside another one
  assert.ok(!contextsFor('The stroopstroops met.', 'The stroopstroops met.').includes('military'));
});

test('an attack that happened and one only aimed at, in one sentence, stay two', () => {
  const clash = event({ id: 'c', trigger: { text: 'clash', start: 4, end: 9 }, actor: [COMMANDER], recipient: [US] });
  const aim = event({ id: 'a', trigger: { text: 'attack', start: 40, end: 46 }, recipient: [party('oil terminal', 'IRQ')], realis: 'hypothetical' });
  assert.equal(mergeComplementary([clash, aim]).length, 2);
  // A bare word for the act, told as its purpose, is the act: "met … to discuss".
  const met = event({ id: 'm', event: 'CONSULT', trigger: { text: 'met', start: 4, end: 7 }, actor: [COMMANDER] });
  const discuss = event({ id: 'd', event: 'CONSULT', trigger: { text: 'discuss', start: 20, end: 27 }, realis: 'hypothetical' });
  const [one, ...rest] = mergeComplementary([met, discuss]);
  assert.deepEqual([rest.length, one.realis, one.trigger.text], [0, 'actual', 'met']);
});

test("an agreement merged with the meeting it agrees to keeps its own date, not the meeting's", () => {
  const PM = party('Mulroney', 'CANGOV');
  const agreed = event({ id: 'a', event: 'AGREE', cameo: '036', quad_class: 1, actor: [PM], trigger: { text: 'agreed', start: 4, end: 10 } });
  const meet = event({ id: 'm', event: 'AGREE', cameo: '036', quad_class: 1, realis: 'future', trigger: { text: 'meet', start: 14, end: 18 },
    date: '2023-04', date_precision: 'month', date_text: 'late April' });
  const [one] = mergeComplementary([agreed, meet]);
  assert.equal(one.realis, 'actual');
  assert.equal(one.mentions.length, 2);
  assert.equal(one.date, null);
});

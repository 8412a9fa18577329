import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const coded = (text: string): string[] => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.trigger.text}`);

test('a raid short of violence is COERCE: a search, a seizure', () => {
  assert.deepEqual(coded('Police raided the offices of the opposition newspaper on Monday.'), ['COERCE raided']);
});

test('a raid that kills or wounds is an attack: ASSAULT', () => {
  const events = analyze({ text: 'Two soldiers were wounded in a rebel raid on the army post near Gao.', published: '2023-03-10' }).events;
  assert.ok(events.some((e) => e.event === 'ASSAULT' && e.mentions.some((m) => m.trigger.text === 'raid')), JSON.stringify(events.map((e) => [e.event, e.mentions.map((m) => m.trigger.text)])));
  assert.ok(!events.some((e) => e.event === 'COERCE'));
});

test('a raid on ships is an attack at sea, however the parse reads "shipping"', () => {
  assert.deepEqual(coded('Iraq reported new raids on shipping in the Gulf.'), ['ASSAULT raids']);
});

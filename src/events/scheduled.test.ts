import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The events of a text as "TYPE realis trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2023-05-04' }).events.map((e) => `${e.event} ${e.realis} ${e.trigger.text}`);
}

test('"due to" before a verb schedules the act: a meeting still to come is the intent to meet', () => {
  assert.deepEqual(events('The French president is due to meet the German chancellor in Berlin.'), ['AGREE future meet']);
  assert.deepEqual(events('Also due to attend are US Secretary of State Condoleezza Rice and UN Secretary General Kofi Annan.'), ['AGREE future attend']);
});

test('an act done is told as before, and "due to" before a noun is a cause', () => {
  assert.deepEqual(events('The French president met the German chancellor in Berlin.'), ['CONSULT actual met']);
  assert.ok(events('Police arrested 20 people due to the riots in the capital.').includes('COERCE actual arrested'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

/** The events of a text as "TYPE trigger". */
function events(text: string): string[] {
  return analyze({ text, published: '2023-05-04' }).events.map((e) => `${e.event} ${e.trigger.text}`);
}

test('a cooperative act with businesses alone on the other side is commerce: "invited banks to submit bids"', () => {
  assert.deepEqual(events('The central bank invited several commercial banks to submit bids for the state airline.'), []);
  assert.deepEqual(events('The ministry refused to help the banks.'), []);
});

test('the same words with a political actor on the other side are events, and a raid on a business is a state act', () => {
  assert.deepEqual(events('The central bank invited the IMF to review its books.'), ['REQUEST invited']);
  assert.ok(events('Police raided the offices of Siemens AG in Munich.').includes('COERCE raided'));
});

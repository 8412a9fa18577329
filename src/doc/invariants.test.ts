import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';
import type { CodedEvent, Doc } from './types.js';
import { docProblems } from './invariants.js';

const doc = analyze({ text: 'Police arrested six men in Bamako on Monday. The army did not retaliate against the rebels.', published: '2023-03-08' });
const withEvent = (d: Doc, change: Partial<CodedEvent>): Doc => ({ ...d, events: d.events.map((e, i) => (i === 0 ? { ...e, ...change } : e)) });

test('every event carries a realis that its negated flag agrees with', () => {
  assert.deepEqual(doc.events.map((e) => [e.realis, e.negated]), [['actual', false], ['negated', true]]);
  assert.deepEqual(docProblems(doc), []);
  assert.deepEqual(docProblems(withEvent(doc, { realis: 'denied' as CodedEvent['realis'] })), ['events[0].realis "denied" is not one of actual, future, hypothetical, negated']);
  assert.deepEqual(docProblems(withEvent(doc, { negated: true })), ['events[0].negated true disagrees with realis actual']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../index.js';

// Sentences written for these tests; none is taken from a corpus.
const events = (text: string) => analyze({ text, published: '2023-03-10' }).events.map((e) => `${e.event} ${e.trigger.text}`);

test('declining to comment, elaborate or give details withholds comment: no rejection', () => {
  assert.deepEqual(events('The army spokesman declined to elaborate.').filter((e) => e.startsWith('REJECT')), []);
  assert.deepEqual(events('The minister refused to say whether talks with the rebels had begun.').filter((e) => e.startsWith('REJECT')), []);
  assert.deepEqual(events('Police declined to give details of the operation.').filter((e) => e.startsWith('REJECT')), []);
  assert.deepEqual(events('The embassy declined to confirm or deny the report.').filter((e) => e.startsWith('REJECT')), []);
});

test('refusing an act is still a rejection', () => {
  assert.ok(events('The government refused to release the prisoners.').some((e) => e === 'REJECT refused'));
  assert.ok(events('The president declined to sign the peace accord.').some((e) => e.startsWith('REJECT')));
});

test('asking not to be named is reporters\' practice; asking another to disclose is a request', () => {
  assert.deepEqual(events('Two diplomats, who asked not to be identified, said the talks had failed.').filter((e) => e.startsWith('REQUEST')), []);
  assert.ok(events('Parliament asked the defence ministry to disclose the cost of the war.').some((e) => e === 'REQUEST asked'));
});

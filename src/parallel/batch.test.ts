import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeBatch } from '../index.js';

test('a batch on two threads gives, in input order, what analyze gives each article; a bad one is an error in its place', async () => {
  const inputs = [
    { text: 'Police arrested 12 protesters in Nairobi on Monday.', published: '2024-03-05' },
    { html: '<html><body></body></html>' },
    'Russian forces shelled Kharkiv on 3 May 2023, officials said.',
    { text: 'The two ministers met in Geneva on Friday to discuss a ceasefire.', published: '2024-03-09' },
  ];
  const results = [];
  for await (const r of analyzeBatch(inputs, { jobs: 2 })) results.push(r);
  assert.deepEqual(results.map((r) => r.index), [0, 1, 2, 3]);
  assert.ok(results[1].error, 'the empty page is an error');
  assert.match(results[1].error!.message, /^input 2: /);
  for (const i of [0, 2, 3]) {
    const one = analyze(inputs[i], `input ${i + 1}`);
    assert.deepEqual(results[i].doc, one);
  }
});

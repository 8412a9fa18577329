import test from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { toConllu } from './conllu.js';

test('each sentence is a CoNLL-U block of ten tab-separated fields with offsets in MISC', () => {
  const doc = analyze({ id: 'a1', text: 'Police arrested three men. They were freed.' });
  const out = toConllu(doc);
  const blocks = out.trim().split('\n\n');
  assert.equal(blocks.length, 2);
  assert.match(blocks[0], /^# newdoc id = a1\n# sent_id = a1-1\n# text = Police arrested three men\.\n/);
  const rows = blocks[0].split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  assert.ok(rows.every((r) => r.length === 10));
  assert.deepEqual(rows.map((r) => r[1]), ['Police', 'arrested', 'three', 'men', '.']);
  assert.equal(rows.filter((r) => r[6] === '0').length, 1, 'one root');
  assert.equal(rows[1][7], 'root');
  assert.equal(rows[0][9], 'TokenRange=0:6');
  assert.equal(rows[3][9], 'TokenRange=22:25|SpaceAfter=No');
});

test('an unparsed sentence says why and leaves HEAD and DEPREL empty', () => {
  const out = toConllu(analyze({ id: 'b', text: 'Scores:\n\n1 2 3 4 5 6 7 8 9' }));
  assert.match(out, /# acta_unparsed = no words/);
  const row = out.split('\n').find((l) => l.startsWith('1\t1\t'))!.split('\t');
  assert.equal(row[6], '_');
  assert.equal(row[7], '_');
});

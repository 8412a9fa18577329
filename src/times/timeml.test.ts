import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeml } from './timeml.js';
import { lineSentences, score } from './measure.js';

const SAMPLE = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-01-18" functionInDocument="CREATION_TIME">January 18</TIMEX3></DCT>
<TEXT>
Crews <EVENT eid="e1">repaired</EVENT> the A&amp;B bridge on <TIMEX3 tid="t1" type="DATE" value="2021-01-15">Friday</TIMEX3>.
Work took <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>`;

test('parseTimeml: plain text, gold spans and the creation time', () => {
  const doc = parseTimeml(SAMPLE);
  assert.equal(doc.dct, '2021-01-18');
  assert.equal(doc.text, '\nCrews repaired the A&B bridge on Friday.\nWork took three days.\n');
  assert.deepEqual(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.text, t.type, t.value]),
    [['Friday', 'Friday', 'DATE', '2021-01-15'], ['three days', 'three days', 'DURATION', 'P3D']]);
});

test('lineSentences: one sentence per non-empty line', () => {
  const doc = parseTimeml(SAMPLE);
  assert.deepEqual(lineSentences(doc.text).map((s) => doc.text.slice(s.start, s.end)),
    ['Crews repaired the A&B bridge on Friday.', 'Work took three days.']);
});

test('score: strict, relaxed and value matches', () => {
  const gold = [{ start: 0, end: 6, text: 'Friday', type: 'DATE', value: '2021-01-15' }];
  const s = { gold: 0, found: 0, strict: 0, relaxed: 0, valueRight: 0, typeRight: 0 };
  score(gold, [{ start: 0, end: 12, text: 'Friday night', type: 'TIME', value: '2021-01-15TNI' }], s);
  assert.deepEqual(s, { gold: 1, found: 1, strict: 0, relaxed: 1, valueRight: 0, typeRight: 0 });
});

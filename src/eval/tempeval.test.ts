import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTimexes, scoreTimexCounts } from './tempeval.js';
import { chronoTimexes, dctDate, parseTimemlFallback } from './tbaq.js';

const gold = [
  { start: 10, end: 20, type: 'DATE', value: '1998-01-08' },
  { start: 30, end: 40, type: 'DURATION', value: 'P1W' },
  { start: 50, end: 55, type: 'DATE', value: 'PRESENT_REF' },
];

test('strict needs identical bounds, relaxed any overlap, one prediction per gold', () => {
  const pred = [
    { start: 10, end: 20, type: 'DATE', value: '1998-01-08' }, // strict, right type and value
    { start: 33, end: 40, type: 'DATE', value: 'P1W' },        // relaxed only, wrong type
    { start: 34, end: 36, type: 'DURATION', value: 'P1W' },    // overlaps an already-matched gold: a false alarm
  ];
  const c = countTimexes(gold, pred);
  assert.deepEqual(c, { nGold: 3, nPred: 3, strict: 1, relaxed: 2, typeOk: 1, valueOk: 2 });
  const s = scoreTimexCounts(c);
  assert.equal(s.strictP, 1 / 3);
  assert.equal(s.strictR, 1 / 3);
  assert.equal(s.relaxedF1, 2 / 3);
  assert.equal(s.typeAccuracy, 0.5);
  assert.equal(s.valueAccuracy, 1);
  // value F1: 2 right values out of 3 predicted and 3 gold.
  assert.equal(s.valueF1, 2 / 3);
});

test('relaxed matching prefers the exact partner when one exists', () => {
  const c = countTimexes(
    [{ start: 0, end: 10, type: 'DATE', value: '2001' }, { start: 8, end: 12, type: 'DATE', value: '2002' }],
    [{ start: 8, end: 12, type: 'DATE', value: '2002' }, { start: 0, end: 9, type: 'DATE', value: '2001' }],
  );
  assert.equal(c.relaxed, 2);
  assert.equal(c.valueOk, 2);
});

test('no predictions: recall 0, precision unknown', () => {
  const s = scoreTimexCounts(countTimexes(gold, []));
  assert.equal(s.strictR, 0);
  assert.equal(s.strictP, null);
  assert.equal(s.strictF1, 0);
});

test('the fallback TimeML reader strips tags and keeps TIMEX3 offsets', () => {
  const xml = '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2003-05-02" functionInDocument="CREATION_TIME">May 2</TIMEX3></DCT>' +
    '<TEXT>Talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2003-05-01">yesterday</TIMEX3> &amp; resume <TIMEX3 tid="t2" type="DATE" value="2003-W19">next week</TIMEX3>.</TEXT></TimeML>';
  const d = parseTimemlFallback(xml);
  assert.equal(d.text, 'Talks ended yesterday & resume next week.');
  assert.equal(d.dct, '2003-05-02');
  assert.deepEqual(d.timexes.map((t) => [d.text.slice(t.start, t.end), t.type, t.value]), [
    ['yesterday', 'DATE', '2003-05-01'], ['next week', 'DATE', '2003-W19'],
  ]);
  assert.equal(dctDate('1998-01-08T10:00'), '1998-01-08');
});

test('the chrono-node baseline gives a day value when the day is certain, a month when only that is', () => {
  const xs = chronoTimexes('The vote was on March 3, 2004, a year after talks began in June 2003.', '2004-03-10');
  const byText = (s: string) => xs.find((x) => x.start === 'The vote was on March 3, 2004, a year after talks began in June 2003.'.indexOf(s));
  assert.equal(byText('March 3, 2004')?.value, '2004-03-03');
  assert.equal(byText('June 2003')?.value, '2003-06');
});

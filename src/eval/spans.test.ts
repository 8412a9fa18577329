import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countSpans, countsPrf, matchSpans } from './spans.js';
import { contentSpan, countAttributions, readAnn } from './polnear.js';
import { countTriples } from './petrarch.js';
import { prf } from './common.js';

test('exact matching needs both bounds; overlap needs one shared character', () => {
  const gold = [{ start: 0, end: 5 }, { start: 10, end: 20 }];
  const pred = [{ start: 0, end: 5 }, { start: 19, end: 25 }, { start: 20, end: 22 }];
  assert.deepEqual(matchSpans(gold, pred, 'exact'), [[0, 0]]);
  assert.deepEqual(matchSpans(gold, pred, 'overlap'), [[0, 0], [1, 1]]);
});

test('one prediction never earns two gold spans', () => {
  const c = countSpans([{ start: 0, end: 4 }, { start: 5, end: 9 }], [{ start: 0, end: 9 }], 'overlap');
  assert.deepEqual(c, { tp: 1, nPred: 1, nGold: 2 });
  assert.equal(countsPrf(c).f1, 2 / 3);
});

test('prf: F1 is 0 when nothing was predicted but something was expected, null when neither', () => {
  assert.equal(prf(0, 0, 3).f1, 0);
  assert.equal(prf(0, 0, 0).f1, null);
  assert.equal(prf(0, 2, 0).precision, 0);
});

const ann = [
  'T1\tSource 0 5\tObama',
  'T2\tCue 6 10\tsaid',
  'T3\tContent 11 20;25 30\tsomething else',
  'T4\tAttribution 6 10\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
].join('\n');

test('brat lines give role spans; fragmented spans by their outer bounds; other lines ignored', () => {
  assert.deepEqual(readAnn(ann), { source: [{ start: 0, end: 5 }], cue: [{ start: 6, end: 10 }], content: [{ start: 11, end: 30 }] });
});

test('content is the longer side of the sentence around source and cue, without clause punctuation', () => {
  const text = '"Taxes will rise," the minister said. She said that talks failed.';
  const s1 = { start: 0, end: 37 };
  const c1 = contentSpan(text, s1, [{ start: 19, end: 31 }, { start: 32, end: 36 }]);
  assert.equal(text.slice(c1!.start, c1!.end), '"Taxes will rise,"');
  const s2 = { start: 38, end: text.length };
  const c2 = contentSpan(text, s2, [{ start: 38, end: 41 }, { start: 42, end: 46 }]);
  assert.equal(text.slice(c2!.start, c2!.end), 'that talks failed');
});

test('attribution counts per role, exact and overlap', () => {
  const gold = readAnn(ann);
  const c = countAttributions(gold, { source: [{ start: 0, end: 5 }], cue: [{ start: 6, end: 9 }], content: [] });
  assert.deepEqual(c.exact.source, { tp: 1, nPred: 1, nGold: 1 });
  assert.deepEqual(c.exact.cue, { tp: 0, nPred: 1, nGold: 1 });
  assert.deepEqual(c.overlap.cue, { tp: 1, nPred: 1, nGold: 1 });
  assert.deepEqual(c.overlap.content, { tp: 0, nPred: 0, nGold: 1 });
});

test('PETRARCH triples match exactly and as a multiset', () => {
  const g = [{ source: 'ARN', target: 'GON', code: '064' }, { source: 'ARN', target: 'GON', code: '064' }];
  const c = countTriples(g, [{ source: 'ARN', target: 'GON', code: '064' }, { source: 'GON', target: 'ARN', code: '064' }]);
  assert.deepEqual(c, { tp: 1, nPred: 2, nGold: 2 });
});

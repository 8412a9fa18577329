import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstEndingAfter, firstStartingFrom, itemsWithin, ofSentence, SpanSet } from './spans.js';

/** Spans from a fixed sequence of numbers (a small linear congruential generator). */
function spans(n: number, seed: number): Array<{ start: number; end: number }> {
  let x = seed;
  const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x; };
  return Array.from({ length: n }, () => { const start = next() % 1000; return { start, end: start + 1 + (next() % 30) }; });
}

test('a SpanSet answers as a scan of all its spans would, whatever order the spans come in', () => {
  const given = spans(300, 1);
  const added = spans(300, 2);
  const set = new SpanSet(given);
  for (const s of added) set.add(s);
  const all = [...given, ...added];
  for (const q of spans(500, 3)) {
    assert.equal(set.holds(q.start, q.end), all.some((s) => s.start <= q.start && s.end >= q.end));
    assert.equal(set.overlaps(q.start, q.end), all.some((s) => s.start < q.end && s.end > q.start));
  }
});

test('binary searches over spans in text order', () => {
  const tokens = [{ start: 0, end: 5 }, { start: 6, end: 9 }, { start: 9, end: 10 }, { start: 11, end: 15 }];
  assert.equal(firstStartingFrom(tokens, 6), 1);
  assert.equal(firstStartingFrom(tokens, 7), 2);
  assert.equal(firstStartingFrom(tokens, 99), 4);
  assert.equal(firstEndingAfter(tokens, 9), 2);
  assert.equal(firstEndingAfter(tokens, 0), 0);
  assert.deepEqual(itemsWithin(tokens, 6, 10), [tokens[1], tokens[2]]);
});

test('the items of a sentence, in their order', () => {
  const items = [{ sentence: 0, id: 'a' }, { sentence: 2, id: 'b' }, { sentence: 0, id: 'c' }];
  assert.deepEqual(ofSentence(items, 0).map((x) => x.id), ['a', 'c']);
  assert.deepEqual(ofSentence(items, 1), []);
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, ceafe, groupingScores, maxAssignment, muc, pairwise, type GroupedItem } from './grouping-metrics.js';

/** Gold {a,b,c} {d,e}; the system splits c off to join d and e. */
const items: GroupedItem[] = [
  { gold: 'G1', system: 'S1', group: 'x' }, { gold: 'G1', system: 'S1', group: 'y' }, { gold: 'G1', system: 'S2', group: 'z' },
  { gold: 'G2', system: 'S2', group: 'x' }, { gold: 'G2', system: 'S2', group: 'y' },
];
const near = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} ≉ ${b}`);

test('the gold grouping scored against itself is 1 on every measure', () => {
  const s = groupingScores(items.map((x) => ({ ...x, system: x.gold })));
  for (const f of [s.pairwise, s.bcubed, s.muc, s.ceafe]) { near(f.precision, 1); near(f.recall, 1); near(f.f1, 1); }
  near(s.conll, 1);
});

test('pairwise links: two of four system links are gold links, two of four gold links are found', () => {
  const p = pairwise(items);
  assert.deepEqual([p.goldLinks, p.systemLinks, p.rightLinks], [4, 4, 2]);
  near(p.precision, 0.5); near(p.recall, 0.5);
});

test('B-cubed averages each item\'s share of its system cluster in its gold cluster, and the reverse', () => {
  const b = bcubed(items);
  near(b.precision, (1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5);
  near(b.recall, (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5);
});

test('MUC counts the links needed to rebuild each cluster from the other side', () => {
  const m = muc(items);
  near(m.recall, 2 / 3); near(m.precision, 2 / 3);
});

test('CEAF-e aligns clusters one to one by φ4 similarity', () => {
  const c = ceafe(items);
  near(c.precision, 0.8); near(c.recall, 0.8);
});

test('the best assignment of a rectangular matrix takes the largest total, each row and column once', () => {
  near(maxAssignment([[1, 5, 0], [4, 6, 0]]), 9);
  near(maxAssignment([[1, 4], [5, 6], [0, 0]]), 9);
  near(maxAssignment([[3]]), 3);
});

test('a merge inside one article is counted apart from cross-article links', () => {
  const s = groupingScores([{ gold: 'A', system: 'S', group: 'x' }, { gold: 'B', system: 'S', group: 'x' }, { gold: 'A', system: 'T', group: 'y' }]);
  assert.equal(s.sameGroupMerges, 1);
  assert.equal(s.crossGroupPairwise.goldLinks, 1);
  assert.equal(s.crossGroupPairwise.systemLinks, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleTimeout, checkDeadline, Deadline, defaultTimeBudget, withDeadline } from './deadline.js';

test('a deadline throws once its budget is spent, naming the article and the stage', () => {
  let clock = 1000;
  const d = new Deadline('batch.jsonl:7', 30_000, () => clock);
  d.stage = 'entities';
  d.check();
  clock += 30_001;
  assert.throws(() => d.check(), (e: unknown) => e instanceof ArticleTimeout && e.stage === 'entities'
    && e.message === 'batch.jsonl:7: took longer than 30 s in the entities stage (the time budget of one article); not analysed');
});

test('no budget (0 or Infinity) never throws', () => {
  let clock = 0;
  for (const budget of [0, Infinity]) {
    const d = new Deadline('a.txt', budget, () => clock);
    clock += 1e9;
    d.check();
  }
});

test('stages ask the deadline of the article at work, and none outside one', () => {
  let clock = 0;
  const d = new Deadline('a.txt', 10, () => clock);
  checkDeadline();
  assert.throws(() => withDeadline(d, () => { clock = 11; checkDeadline(); }), ArticleTimeout);
  checkDeadline();
});

test('the default budget is 30 s for each started MiB of text', () => {
  assert.equal(defaultTimeBudget(5_000), 30_000);
  assert.equal(defaultTimeBudget(1 << 20), 30_000);
  assert.equal(defaultTimeBudget(20 * (1 << 20)), 600_000);
  assert.equal(defaultTimeBudget((1 << 20) + 1), 60_000);
});

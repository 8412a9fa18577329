import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisFailure } from './failure.js';
import { ArticleTimeout } from '../util/deadline.js';

test('an article that ran out of time is named once, with the stage it was in', () => {
  const line = analysisFailure('batch.jsonl:3', new ArticleTimeout('batch.jsonl:3', 'entities', 30_000));
  assert.equal(line.split('batch.jsonl:3').length - 1, 1);
  assert.match(line, /entities stage/);
});

test('any other failure is prefixed with the article it happened to', () => {
  assert.equal(analysisFailure('a.txt', new Error('boom')), 'a.txt: analysis failed: boom');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFloors, raiseFloors, type FloorsFile } from './guard.js';
import type { DatasetResult } from './common.js';

const floors: FloorsFile = {
  margin: 0.01,
  subset: {},
  lowerIsBetter: ['auc'],
  floors: { 'ner-conll': { f1: 0.5 }, 'places-lgl': { auc: 0.3 }, 'times-tbaq/chrono-node': { value_f1: 0.2 } },
};

const row = (dataset: string, metrics: Record<string, number | null>, system = 'acta'): DatasetResult =>
  ({ dataset, system, status: 'ok', n: 1, seconds: 0, metrics });

test('a score within the noise margin passes; below it fails; a lower-is-better metric fails above its ceiling', () => {
  const checks = checkFloors([
    row('ner-conll', { f1: 0.495 }),
    row('places-lgl', { auc: 0.32 }),
    row('times-tbaq', { value_f1: 0.25 }, 'chrono-node'),
  ], floors);
  assert.deepEqual(checks.map((c) => c.status), ['ok', 'REGRESSION', 'ok']);
  assert.equal(checkFloors([row('ner-conll', { f1: 0.48 })], floors)[0].status, 'REGRESSION');
});

test('a guarded dataset that did not run is reported, not passed', () => {
  const checks = checkFloors([], floors);
  assert.ok(checks.every((c) => c.status === 'missing'));
});

test('floors only move up (ceilings only down)', () => {
  const up = raiseFloors(floors, [row('ner-conll', { f1: 0.7 }), row('places-lgl', { auc: 0.5 })]);
  assert.equal(up.floors['ner-conll'].f1, 0.69);
  assert.equal(up.floors['places-lgl'].auc, 0.3);
  const down = raiseFloors(floors, [row('ner-conll', { f1: 0.2 }), row('places-lgl', { auc: 0.1 })]);
  assert.equal(down.floors['ner-conll'].f1, 0.5);
  assert.equal(down.floors['places-lgl'].auc, 0.11);
});

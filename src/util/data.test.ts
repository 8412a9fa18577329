import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTsv, splitList } from './data.js';

test('parseTsv skips comments and blank lines and keys rows by header', () => {
  const rows = parseTsv('# what this holds\n\nname\tcode\nIraq\tIRQ\nIran\tIRN\n');
  assert.deepEqual(rows, [{ name: 'Iraq', code: 'IRQ' }, { name: 'Iran', code: 'IRN' }]);
});

test('parseTsv fills missing trailing fields with empty strings', () => {
  assert.deepEqual(parseTsv('a\tb\nx\n'), [{ a: 'x', b: '' }]);
});

test('parseTsv names the line of a row with too many fields', () => {
  assert.throws(() => parseTsv('a\nx\ty\n', 'f.tsv'), /f\.tsv:2/);
});

test('splitList splits on bars and drops empties', () => {
  assert.deepEqual(splitList(' a | b ||c'), ['a', 'b', 'c']);
  assert.deepEqual(splitList(''), []);
});

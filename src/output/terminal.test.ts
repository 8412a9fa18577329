/** What reaches a terminal from an article or a file name shows its control characters instead of obeying them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable, printableLines } from './terminal.js';

test('escape sequences, C1 controls and bidi overrides are shown, not obeyed', () => {
  assert.equal(printable('\u001b[2J\u001b]0;owned\u0007Title'), '\\x1b[2J\\x1b]0;owned\\x07Title');
  assert.equal(printable('a\u009bb'), 'a\\x9bb');
  assert.equal(printable('txt.\u202eexe'), 'txt.\\u202eexe');
  assert.equal(printable('left\u2066right\u2069'), 'left\\u2066right\\u2069');
});

test('a single-line field shows its newlines and tabs; a message keeps them', () => {
  assert.equal(printable('two\nlines\tand\rreturn'), 'two\\x0alines\\x09and\\x0dreturn');
  assert.equal(printableLines('two\nlines\tand\rreturn\u001b[0m'), 'two\nlines\tand\\x0dreturn\\x1b[0m');
});

test('ordinary text of any script passes unchanged', () => {
  const s = 'Mali — Kidal, الموصل, Ελλάδα, 東京 “quoted” é';
  assert.equal(printable(s), s);
});

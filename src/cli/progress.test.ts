/** The progress line: what it says, and that it is redrawn at most a few times a second. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progress, progressLine } from './progress.js';

test('the line says articles done, the rate, and the time left when the total is known', () => {
  assert.equal(progressLine(10, 40, 5000), 'acta: 10/40 article(s), 2.0/s, about 15s left');
  assert.equal(progressLine(10, null, 5000), 'acta: 10 article(s), 2.0/s');
  assert.equal(progressLine(120, 4000, 60000), 'acta: 120/4000 article(s), 2.0/s, about 32m20s left');
  assert.equal(progressLine(40, 40, 5000), 'acta: 40/40 article(s), 8.0/s');
});

test('a thousand articles in one second draw the line a handful of times, and the end clears it', () => {
  let written = '';
  let clock = 0;
  const shown = progress({ write: (s) => { written += s; } }, 1000, () => clock);
  for (let i = 0; i < 1000; i++) { clock += 1; shown.tick(); }
  const draws = written.split('\r\u001b[K').filter(Boolean);
  assert.ok(draws.length >= 2 && draws.length <= 5, `${draws.length} draws`);
  shown.end();
  assert.ok(written.endsWith('\r\u001b[K'));
});

test('a message clears the line first, so it is not written over it', () => {
  let written = '';
  const shown = progress({ write: (s) => { written += s; } }, null, () => 0);
  shown.tick();
  shown.messages({ write: (s) => { written += s; } }).write('acta: x.txt: empty file\n');
  assert.match(written, /article\(s\), [\d.]+\/s\r\u001b\[Kacta: x\.txt: empty file\n$/);
});

test('no terminal, no line', () => {
  const shown = progress(null, 10);
  shown.tick();
  shown.end();
  let written = '';
  shown.messages({ write: (s) => { written += s; } }).write('kept\n');
  assert.equal(written, 'kept\n');
});

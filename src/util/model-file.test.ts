import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dataPath } from './data.js';
import { int16sLE, int32sLE, PACKED_MODELS, readModelBytes, shippedModelBytes, unpackedPath, writeUnpacked } from './model-file.js';

function packed(dir: string, bytes: Buffer): string {
  const path = join(dir, 'm.bin.gz');
  writeFileSync(path, gzipSync(bytes));
  return path;
}

test('a model is read from its unpacked copy while the copy matches the packed file, and unpacked from the .gz otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-model-'));
  const path = packed(dir, Buffer.from('weights, first training'));
  const copy = unpackedPath('m.bin.gz', dir);
  assert.equal(copy, join(dir, 'm.bin'));
  assert.equal(readModelBytes(path, copy).toString(), 'weights, first training', 'no copy: the packed file is unpacked');
  writeUnpacked(path, copy);
  // Mark the copy's body (its trailer kept) to see which file a read came from.
  const marked = readFileSync(copy);
  marked.write('W', 8);
  writeFileSync(copy, marked);
  assert.equal(readModelBytes(path, copy).toString(), 'Weights, first training', 'a current copy is read as it is');
  packed(dir, Buffer.from('weights, a retraining'));
  assert.equal(readModelBytes(path, copy).toString(), 'weights, a retraining', 'a copy of an older model is passed over');
});

test('a copy whose length disagrees with the packed file is passed over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-model-'));
  const path = packed(dir, Buffer.from('abcdef'));
  const copy = unpackedPath('m.bin.gz', dir);
  writeUnpacked(path, copy);
  writeFileSync(copy, Buffer.concat([readFileSync(copy), Buffer.from('tail')]));
  assert.equal(readModelBytes(path, copy).toString(), 'abcdef');
});

test('integers are read little-endian from any offset', () => {
  const b = Buffer.alloc(11);
  b.writeInt32LE(-2, 1); b.writeInt32LE(70000, 5); b.writeInt16LE(-300, 9);
  assert.deepEqual([...int32sLE(b, 1, 2)], [-2, 70000]);
  assert.deepEqual([...int16sLE(b, 9, 1)], [-300]);
});

test('each shipped model reads as the bytes its .bin.gz holds', () => {
  for (const name of PACKED_MODELS) assert.ok(shippedModelBytes(name).equals(gunzipSync(readFileSync(dataPath(name)))), name);
});

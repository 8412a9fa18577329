/** `acta export` as a command: formats to stdout or a file written whole, usage errors naming the flag. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { fixtureDocs } from '../store/explore.fixtures.js';
import { main } from './main.js';

function storeDir(t: { after: (fn: () => void) => void }): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'acta-export-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'acta.db');
  const store = openStore(db);
  for (const doc of fixtureDocs(6)) store.saveDoc(doc);
  store.close();
  return { dir, db };
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['export', ...args], { write: (s) => { out += s; } }, { write: (s) => { err += s; } });
  return { code, out, err };
}

test('acta export --format gdelt -o FILE writes the whole table to FILE and says how many rows', async (t) => {
  const { dir, db } = storeDir(t);
  const file = join(dir, 'events.tsv');
  const r = await run(['--db', db, '--format', 'gdelt', '-o', file]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '');
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.ok(lines.length > 3);
  for (const l of lines) assert.equal(l.split('\t').length, 61);
  assert.match(r.err, new RegExp(`${lines.length} gdelt row\\(s\\) from \\d+ event\\(s\\) → `));
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('partial')), [], 'no partial file is left');
});

test('acta export takes the filters of acta events', async (t) => {
  const { db } = storeDir(t);
  const all = await run(['--db', db, '--format', 'jsonl']);
  const iran = await run(['--db', db, '--format', 'jsonl', '--country', 'IRN']);
  assert.equal(iran.code, 0);
  const events = iran.out.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.ok(events.length >= 1 && events.length < all.out.trimEnd().split('\n').length);
  assert.ok(events.every((e) => e.location.country === 'IRN'));
});

test('acta export: usage errors name the flag; a file it cannot write leaves nothing behind', async (t) => {
  const { dir, db } = storeDir(t);
  const none = await run(['--db', db]);
  assert.equal(none.code, 2);
  assert.match(none.err, /--format is needed/);
  const bad = await run(['--db', db, '--format', 'xlsx']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be one of gdelt, gdelt-mentions, acled/);
  const badDate = await run(['--db', db, '--format', 'csv', '--from', '2021-02-30']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.err, /--from/);
  const nowhere = await run(['--db', db, '--format', 'csv', '-o', join(dir, 'no-such-dir', 'x.csv')]);
  assert.equal(nowhere.code, 2);
  assert.match(nowhere.err, /cannot write .*x\.csv/);
  assert.equal(existsSync(join(dir, 'no-such-dir')), false);
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /GDELT 2\.0 event table: 61 tab-separated columns/);
});

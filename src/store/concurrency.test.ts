/** Several processes opening one new store at the same moment: each finds it created once, none fails. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './migrations.js';

const storeModule = new URL('./store.js', import.meta.url).href;

/** A process that says it is ready, waits for the go file, then opens the store, reads it and closes it. */
const OPENER = `
const { openStore } = await import(process.argv[1]);
const { existsSync } = await import('node:fs');
process.stdout.write('ready\\n');
while (!existsSync(process.argv[3])) { /* all start together */ }
const store = openStore(process.argv[2]);
store.countArticles();
store.close();
`;

interface Opener { ready: Promise<void>; done: Promise<{ code: number | null; stderr: string }> }

function openInChild(path: string, go: string): Opener {
  const child = spawn(process.execPath, ['--input-type=module', '-e', OPENER, storeModule, path, go], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { ready: Promise.race([ready, done.then(() => undefined)]), done };
}

test('six processes creating the same store at once all succeed, eight times over', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-concurrent-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (let round = 0; round < 8; round++) {
    const path = join(dir, `round-${round}.db`);
    const go = join(dir, `go-${round}`);
    const children = Array.from({ length: 6 }, () => openInChild(path, go));
    // Every child has loaded better-sqlite3 and waits: then all open the store at once.
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, '');
    const results = await Promise.all(children.map((c) => c.done));
    for (const r of results) assert.equal(r.code, 0, `round ${round}: ${r.stderr}`);
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION, 'migrated once, to the latest version');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  }
});

const fixturesModule = new URL('./happenings.fixtures.js', import.meta.url).href;

/** A process that waits for the go file, then stores every `step`-th attack from `first` on. */
const INGESTER = `
const { openStore } = await import(process.argv[1]);
const { attackDoc, sharedAttacks } = await import(process.argv[2]);
const { existsSync } = await import('node:fs');
const attacks = sharedAttacks();
process.stdout.write('ready\\n');
while (!existsSync(process.argv[4])) { /* all start together */ }
const store = openStore(process.argv[3]);
for (let i = Number(process.argv[5]); i < attacks.length; i += 2) store.saveDoc(attackDoc(attacks[i]));
store.close();
`;

test('two processes ingesting into one store at once give the same happenings as one process', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-concurrent-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { openStore } = await import(storeModule);
  const { attackDoc, sharedAttacks } = await import(fixturesModule);
  const attacks = sharedAttacks();
  /** Each happening as its reports' event ids, sorted: the grouping, whichever process stored what first. */
  const grouping = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      const rows = db.prepare('SELECT happening, group_concat(event_id) AS ids FROM (SELECT * FROM happening_reports ORDER BY event_id) GROUP BY happening').all() as { ids: string }[];
      const noOrphans = db.prepare(`SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM happening_reports hr WHERE hr.article = e.article AND hr.event_id = e.id)`).pluck().get();
      assert.equal(noOrphans, 0, 'every event is a report of a happening');
      return rows.map((r) => r.ids).sort();
    } finally { db.close(); }
  };
  const single = join(dir, 'single.db');
  const one = openStore(single);
  for (const a of attacks) one.saveDoc(attackDoc(a));
  one.close();
  const expected = grouping(single);
  assert.ok(expected.length > 5 && expected.length < 40, `a few happenings of several reports (${expected.length})`);

  for (let round = 0; round < 3; round++) {
    const shared = join(dir, `shared-${round}.db`);
    const go = join(dir, `go-ingest-${round}`);
    const children = [0, 1].map((first) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', INGESTER, storeModule, fixturesModule, shared, go, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
      const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      return { ready: Promise.race([ready, done.then(() => undefined)]), done };
    });
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, '');
    for (const r of await Promise.all(children.map((c) => c.done))) assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(grouping(shared), expected, `round ${round}`);
  }
});

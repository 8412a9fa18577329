/** Several processes opening one new store at the same moment, or writing to it: each finds it created once, none fails, happenings as one process makes them. Both backends. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './migrations.js';
import { backendTest } from './backends.fixtures.js';
import { PgDb } from './postgres/db.js';
import { pgMigrations } from './postgres/migrations.js';
import type { Store } from './store.js';

// Opens a SQLite file or a PostgreSQL URL alike.
const storeModule = new URL('./open.js', import.meta.url).href;

/** A process that says it is ready, waits for the go file, then opens the store, reads it and closes it. */
const OPENER = `
const { openAnyStore } = await import(process.argv[1]);
const { existsSync } = await import('node:fs');
process.stdout.write('ready\\n');
while (!existsSync(process.argv[3])) { /* all start together */ }
const store = openAnyStore(process.argv[2]);
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

backendTest('six processes creating the same store at once all succeed, eight times over', async (t, b) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-concurrent-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (let round = 0; round < 8; round++) {
    const path = b.name === 'sqlite' ? join(dir, `round-${round}.db`) : b.location(t);
    const go = join(dir, `go-${round}`);
    const children = Array.from({ length: 6 }, () => openInChild(path, go));
    // Every child has loaded better-sqlite3 and waits: then all open the store at once.
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, '');
    const results = await Promise.all(children.map((c) => c.done));
    for (const r of results) assert.equal(r.code, 0, `round ${round}: ${r.stderr}`);
    if (b.name === 'postgres') {
      const pg = new PgDb(path, { writeLockKey: 0n });
      assert.deepEqual(pg.prepare('SELECT version FROM acta_schema_migrations ORDER BY version').pluck().all(), pgMigrations.map((m) => m.version), 'migrated once');
      pg.close();
      continue;
    }
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION, 'migrated once, to the latest version');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  }
});

const fixturesModule = new URL('./happenings.fixtures.js', import.meta.url).href;

/** A process that waits for the go file, then stores every `step`-th attack from `first` on. */
const INGESTER = `
const { openAnyStore } = await import(process.argv[1]);
const { attackDoc, sharedAttacks } = await import(process.argv[2]);
const { existsSync } = await import('node:fs');
const attacks = sharedAttacks();
process.stdout.write('ready\\n');
while (!existsSync(process.argv[4])) { /* all start together */ }
const store = openAnyStore(process.argv[3]);
for (let i = Number(process.argv[5]); i < attacks.length; i += 2) store.saveDoc(attackDoc(attacks[i]));
store.close();
`;

backendTest('two processes ingesting into one store at once give the same happenings as one process', async (t, b) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-concurrent-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { openAnyStore } = await import(storeModule);
  const { attackDoc, sharedAttacks } = await import(fixturesModule);
  const attacks = sharedAttacks();
  /** Each happening as its reports' event ids, sorted: the grouping, whichever process stored what first. */
  const grouping = (path: string) => {
    const store = openAnyStore(path) as Store;
    try {
      const groups = store.happenings.list({ realis: undefined }).map((h) => h.report_ids.map((r) => r.split('#').pop()!).sort().join());
      assert.equal(groups.reduce((n, g) => n + g.split(',').length, 0), store.countEvents(), 'every event is a report of a happening');
      return groups.sort();
    } finally { store.close(); }
  };
  const single = b.name === 'sqlite' ? join(dir, 'single.db') : b.location(t);
  const one = openAnyStore(single) as Store;
  for (const a of attacks) one.saveDoc(attackDoc(a));
  one.close();
  const expected = grouping(single);
  assert.ok(expected.length > 5 && expected.length < 40, `a few happenings of several reports (${expected.length})`);

  for (let round = 0; round < 3; round++) {
    const shared = b.name === 'sqlite' ? join(dir, `shared-${round}.db`) : b.location(t);
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

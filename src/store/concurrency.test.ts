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

/**
 * acta as a real process: a reader that stops early (`| head -1`) ends the run
 * quietly with exit 0; Ctrl-C (SIGINT) stops a run between two articles, keeps
 * what was stored, says how much, and exits 130.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../util/data.js';

const bin = join(packageRoot, 'bin', 'acta.js');

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-process-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Many short, different articles: a run long enough to interrupt. */
function manyArticles(dir: string, n: number): string {
  const input = join(dir, 'news');
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({
    id: `n${i}`, published: '2023-03-09', text: `Police arrested ${i + 2} protesters in Bamako on 8 March 2023, officials said. Report ${i}.`,
  }));
  writeFileSync(`${input}.jsonl`, lines.join('\n') + '\n');
  return `${input}.jsonl`;
}

function exited(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (b) => { out += b; });
  child.stderr?.on('data', (b) => { err += b; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

function storedArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try { return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n; } finally { conn.close(); }
  } catch {
    return 0;
  }
}

async function until(check: () => boolean, what: string, seconds = 60): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a reader that closes stdout early ends the run quietly, exit 0, with no EPIPE trace', async () => {
  const child = spawn(process.execPath, [bin, 'code', join(packageRoot, 'samples')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done = exited(child);
  child.stdout!.once('data', () => child.stdout!.destroy());
  const r = await done;
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
});

test('Ctrl-C during ingest keeps what was stored, says how much, and exits 130', async (t) => {
  const dir = tempDir(t);
  const input = manyArticles(dir, 400);
  const db = join(dir, 'acta.db');
  const child = spawn(process.execPath, [bin, 'ingest', input, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done = exited(child);
  await until(() => storedArticles(db) > 0, 'the first stored article');
  child.kill('SIGINT');
  const r = await done;
  assert.equal(r.code, 130, r.err);
  const m = /^(\d+) article\(s\) stored with \d+ event\(s\)/.exec(r.out);
  assert.ok(m, r.out);
  const stored = Number(m[1]);
  assert.ok(stored > 0 && stored < 400, `stopped part way: ${stored}`);
  assert.match(r.err, /interrupted/);
  assert.equal(storedArticles(db), stored, 'the summary counts what the store holds');
});

test('Ctrl-C during code --db stops after the article in hand, with a summary on stderr, exit 130', async (t) => {
  const dir = tempDir(t);
  const input = manyArticles(dir, 400);
  const db = join(dir, 'acta.db');
  const child = spawn(process.execPath, [bin, 'code', input, '--db', db, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done = exited(child);
  child.stdout!.once('data', () => child.kill('SIGINT'));
  const r = await done;
  assert.equal(r.code, 130, r.err);
  const m = /acta: interrupted after (\d+) article\(s\), \d+ event\(s\), stored in /.exec(r.err);
  assert.ok(m, r.err);
  assert.equal(storedArticles(db), Number(m[1]));
  assert.ok(Array.isArray(JSON.parse(r.out)), 'the JSON array is closed');
});

test('every command over a store starts in a fresh process: each loads its own modules in its own order (a cycle between modules shows only there)', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'fresh.db');
  const input = join(dir, 'one.txt');
  writeFileSync(input, 'Police arrested 12 protesters in Bamako on 8 March 2023, officials said.\n');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  assert.equal(run('ingest', input, '--db', db, '--no-progress').status, 0);
  for (const args of [['events'], ['events', '--reports'], ['changes'], ['actors'], ['export', '--format', 'csv'], ['digest', '--from', '2023-03-01', '--to', '2023-03-31', '--format', 'md']]) {
    const r = run(...args, '--db', db);
    assert.equal(r.status, 0, `acta ${args.join(' ')}: ${r.stderr}`);
  }
});

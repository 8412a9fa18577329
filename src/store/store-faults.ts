/**
 * Fault tests of the store, run by `npm run test:faults` (and `.ci/run`), not by
 * `npm test`: they start many processes and take about half a minute.
 *
 * - `acta ingest` of 2,000 generated articles killed with SIGKILL ten times at
 *   random points: after each kill the store passes `PRAGMA integrity_check`
 *   and holds complete articles only (every event the report of a stored happening, no
 *   happening without a report); a last run stores the rest, each once.
 * - Ingest into a store on a small tmpfs until the disk is full: one line on
 *   stderr naming the store (no stack trace), exit status 1, the store intact.
 *   Mounting needs root; without it the test is skipped saying so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../util/data.js';

const bin = join(packageRoot, 'bin', 'acta.js');
const ARTICLES = 2000;
const KILLS = 10;
/** Every generated article is one sentence with one event (an arrest): short, so that the test is quick. */
const EVENTS_PER_ARTICLE = 1;

const TOWNS = ['Kidal', 'Gao', 'Bamako', 'Mopti', 'Timbuktu', 'Sikasso', 'Kayes', 'Segou'];

/** Short articles, each different, as JSONL. */
function generatedArticles(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const town = TOWNS[i % TOWNS.length];
    const text = `Police arrested ${i + 2} men in ${town} on Monday.`;
    lines.push(JSON.stringify({ id: `gen-${i}`, published: '2023-03-08', text }));
  }
  return lines.join('\n') + '\n';
}

/** A seeded generator, so a failure can be replayed (the seed is in the test's name). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

interface StoreState { integrity: string; articles: number; ids: number; incomplete: string[] }

/** What a store holds after a crash: integrity, articles, and the ones not stored whole. */
function inspect(path: string): StoreState {
  const db = new Database(path);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const ids = db.prepare('SELECT count(DISTINCT id) FROM articles').pluck().get() as number;
    const incomplete = db.prepare(`SELECT a.id FROM articles a WHERE
      (SELECT count(*) FROM sentences s WHERE s.article = a.hash) <> 1
      OR (SELECT count(*) FROM events e WHERE e.article = a.hash) <> ${EVENTS_PER_ARTICLE}
      OR (SELECT count(*) FROM entities n WHERE n.article = a.hash) = 0
      OR EXISTS (SELECT 1 FROM events e WHERE e.article = a.hash
        AND NOT EXISTS (SELECT 1 FROM happening_reports hr JOIN happenings h ON h.id = hr.happening WHERE hr.article = e.article AND hr.event_id = e.id))
      UNION ALL SELECT 'happening ' || h.id FROM happenings h WHERE NOT EXISTS (SELECT 1 FROM happening_reports hr WHERE hr.happening = h.id)`).pluck().all() as string[];
    return { integrity, articles, ids, incomplete };
  } finally {
    db.close();
  }
}

/** Stored articles, read while another process writes; 0 before the store has its tables. */
function storedCount(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, timeout: 100 });
    try { return db.prepare('SELECT count(*) FROM articles').pluck().get() as number; } finally { db.close(); }
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `acta ingest` and SIGKILL it once the store holds at least `target` articles (or let it end first). */
async function ingestKilledAt(input: string, db: string, target: number): Promise<{ killed: boolean; code: number | null }> {
  const child = spawn(process.execPath, [bin, 'ingest', input, '--db', db], { stdio: 'ignore' });
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void ended.then(() => { done = true; });
  while (!done && storedCount(db) < target) await sleep(15);
  if (done) return { killed: false, code: await ended };
  child.kill('SIGKILL');
  await ended;
  return { killed: true, code: null };
}

const seed = Number(process.env.ACTA_FAULT_SEED ?? Date.now() % 100000);

test(`SIGKILL at ten random points of a ${ARTICLES}-article ingest leaves whole articles only; a rerun completes each once (seed ${seed})`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-kill-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, generatedArticles(ARTICLES));
  const db = join(dir, 'acta.db');
  const rand = random(seed);
  let before = 0;
  for (let k = 0; k < KILLS; k++) {
    // Somewhere in the next stretch of articles; the kill lands wherever the writer is then.
    const target = before + 1 + Math.floor(rand() * 120);
    const run = await ingestKilledAt(input, db, target);
    assert.ok(run.killed, `kill ${k + 1}: the ingest ended (exit ${run.code}) before ${target} articles`);
    const state = inspect(db);
    assert.equal(state.integrity, 'ok', `kill ${k + 1}`);
    assert.deepEqual(state.incomplete, [], `kill ${k + 1}: articles stored in part`);
    assert.equal(state.ids, state.articles, `kill ${k + 1}: an article stored twice`);
    assert.ok(state.articles >= before, `kill ${k + 1}: articles lost`);
    before = state.articles;
  }
  const last = spawnSync(process.execPath, [bin, 'ingest', input, '--db', db], { encoding: 'utf8' });
  assert.equal(last.status, 0, last.stderr);
  assert.match(last.stdout, new RegExp(`^${ARTICLES - before} article\\(s\\) stored with ${(ARTICLES - before) * EVENTS_PER_ARTICLE} event\\(s\\), ${before} already stored, 0 failed`));
  const state = inspect(db);
  assert.deepEqual(state, { integrity: 'ok', articles: ARTICLES, ids: ARTICLES, incomplete: [] });
});

/** Mount a tmpfs of this size at `dir`; false when this process may not (not root, no mount). */
function mountTmpfs(dir: string, size: string): boolean {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0;
}

test('a disk that fills up during ingest: one line naming the store, exit 1, the store intact with whole articles', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-full-'));
  const mnt = join(dir, 'small');
  mkdirSync(mnt);
  const mounted = mountTmpfs(mnt, '3m');
  t.after(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(dir, { recursive: true, force: true });
  });
  if (!mounted) {
    t.skip('cannot mount a tmpfs here (needs root and mount(8)): the disk-full test did not run');
    return;
  }
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, generatedArticles(ARTICLES));
  const db = join(mnt, 'acta.db');
  const r = spawnSync(process.execPath, [bin, 'ingest', input, '--db', db], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], new RegExp(`^acta: cannot write to the store ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: database or disk is full \\(stopped at .*articles\\.jsonl:\\d+\\)$`));
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
  const stored = Number(/^(\d+) article\(s\) stored/.exec(r.stdout)?.[1]);
  assert.ok(stored > 0 && stored < ARTICLES, r.stdout);
  const state = inspect(db);
  assert.deepEqual(state, { integrity: 'ok', articles: stored, ids: stored, incomplete: [] });
});

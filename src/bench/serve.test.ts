import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDocs } from '../store/explore.fixtures.js';
import { openStore } from '../store/index.js';
import { BENCH_USAGE } from './run.js';
import { analysisFiles, articlesKey, benchRequests, cachedStore, cpuMs, filesKey, loadRoute, parseServeArgs, SERVE_DEFAULTS, startServer } from './serve.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-bench-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('--serve takes its rate, seconds, a store and --no-page; anything else is refused with the usage', () => {
  assert.deepEqual(parseServeArgs(['--serve'], BENCH_USAGE), SERVE_DEFAULTS);
  assert.deepEqual(parseServeArgs(['--serve', '--rate', '200', '--seconds=3', '--db', 'x.db', '--no-page'], BENCH_USAGE), { rate: 200, seconds: 3, db: 'x.db', page: false });
  assert.throws(() => parseServeArgs(['--rate', '0'], BENCH_USAGE), /--rate must be a positive number/);
  assert.throws(() => parseServeArgs(['--runs', '3'], BENCH_USAGE), /unknown argument --runs; usage: .*--serve/);
});

test('the cached store\'s key follows the articles and the analysis code, not the server or the store code', (t) => {
  const a = [{ id: 'a', text: 'Troops crossed the border.', published: '2021-01-02' }];
  assert.equal(articlesKey(a), articlesKey([{ ...a[0] }]));
  assert.notEqual(articlesKey(a), articlesKey([{ ...a[0], text: 'Troops crossed the river.' }]));
  assert.notEqual(articlesKey(a), articlesKey([{ ...a[0], published: null }]));
  const files = analysisFiles();
  assert.ok(files.some((f) => f.includes(`${join('dist', 'events')}`)), 'the events stage is analysis');
  assert.ok(files.some((f) => f.includes(`${join('data', '')}`)), 'data/ is analysis');
  assert.ok(!files.some((f) => /dist[\\/](server|store|cli|bench|eval)[\\/]|\.test\.js$/.test(f)), 'serving, storing and measuring are not');
  const dir = tempDir(t);
  const f1 = join(dir, 'one.js');
  writeFileSync(f1, 'a');
  const before = filesKey([f1], dir);
  assert.equal(filesKey([f1], dir), before);
  writeFileSync(f1, 'b');
  assert.notEqual(filesKey([f1], dir), before);
});

test('the store is coded once, reused while the key holds, and an older build of the corpus is removed', (t) => {
  const dir = tempDir(t);
  const articles = [{ id: 'one', text: 'Police arrested ten protesters in Lagos on Monday.', published: '2021-03-01' }];
  writeFileSync(join(dir, 'serve-tiny-000000000000-000000000000.db'), 'an older build');
  const built = cachedStore('tiny', articles, () => {}, dir);
  assert.equal(built.built, true);
  assert.equal(built.stored, 1);
  const again = cachedStore('tiny', articles, () => {}, dir);
  assert.deepEqual([again.built, again.path], [false, built.path]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.db')), [built.path.split(/[\\/]/).pop()]);
  assert.ok(!existsSync(`${built.path}.partial`));
});

test('the requests come from the store: its most-placed countries and busiest months, and event ids across it', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'acta.db');
  const store = openStore(path);
  for (const doc of fixtureDocs(12)) store.saveDoc(doc);
  store.close();
  const r = benchRequests(path);
  assert.deepEqual(r.countries, ['MLI', 'ARV', 'CHE', 'IRN']);
  // March has four generated protests; January and February three each (one undated).
  assert.deepEqual(r.months.slice(0, 1), ['2021-03']);
  assert.ok(r.events.includes('/api/v1/events?reports=true&country=MLI&from=2021-03&to=2021-03&limit=100'));
  assert.equal(r.eventIds.length, 17);
  assert.match(r.eventIds[0], /^\/api\/v1\/events\/riot-e1$/);
});

test('acta serve is started as a child, loaded at a fixed rate, and its CPU time per request read', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'acta.db');
  const store = openStore(path);
  for (const doc of fixtureDocs(5)) store.saveDoc(doc);
  store.close();
  const server = await startServer(path);
  t.after(() => server.stop());
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.listeningMs > 0);
  if (process.platform === 'linux') assert.ok((server.listeningCpuMs ?? 0) > 0);
  const figures = await loadRoute(server.url, ['/api/v1/events?reports=true&limit=5', '/api/v1/counts'], 20, 1, server.child.pid);
  assert.equal(figures.errors, 0);
  assert.equal(figures.non2xx, 0);
  assert.ok(figures.requests >= 5, JSON.stringify(figures));
  assert.ok(figures.p99_ms !== null && figures.p50_ms !== null && figures.p99_ms >= figures.p50_ms);
  if (process.platform === 'linux') assert.ok((cpuMs(server.child.pid) ?? 0) > 0);
  await server.stop();
  assert.notEqual(server.child.exitCode ?? server.child.signalCode, null);
});

/** What acta watch remembers between polls, in the store's file. */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../pipeline.js';
import { openStore, SCHEMA_VERSION } from '../store/index.js';
import { MAX_TRIES, openWatchState } from './state.js';

function storePath(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'acta-watch-state-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'acta.db');
  openStore(path).close();
  return path;
}

test('a feed\'s validators are remembered across openings of the store', (t) => {
  const path = storePath(t);
  const first = openWatchState(path);
  assert.equal(first.validators('http://news.example.org/rss'), null);
  first.polled('http://news.example.org/rss', { etag: '"abc"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
  first.close();
  const again = openWatchState(path);
  t.after(() => again.close());
  assert.deepEqual(again.validators('http://news.example.org/rss'), { etag: '"abc"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
});

test('a page is done once stored, found stored or given up; one that may pass is tried MAX_TRIES times', (t) => {
  const state = openWatchState(storePath(t));
  t.after(() => state.close());
  const feed = 'http://news.example.org/rss';
  state.page('http://news.example.org/a', feed, 'stored', '0123456789abcdef');
  state.page('http://news.example.org/b', feed, 'failed', null, 'HTTP 404 Not Found');
  assert.ok(state.pageDone('http://news.example.org/a'));
  assert.ok(state.pageDone('http://news.example.org/b'));
  const slow = 'http://news.example.org/slow';
  for (let i = 1; i <= MAX_TRIES; i++) {
    assert.equal(state.pageDone(slow), false, `try ${i} is allowed`);
    state.pageRetry(slow, feed, 'no complete answer within 300 ms');
  }
  assert.ok(state.pageDone(slow), `given up after ${MAX_TRIES} tries`);
});

test('a page stored by another command (its url in the articles table) needs no fetch', (t) => {
  const path = storePath(t);
  const store = openStore(path);
  t.after(() => store.close());
  store.saveDoc(analyze({ text: 'Police in Peru arrested twelve protesters in Lima on Tuesday.', url: 'http://news.example.org/lima' }));
  const state = openWatchState(path);
  t.after(() => state.close());
  assert.ok(state.pageDone('http://news.example.org/lima'));
  assert.equal(state.pageDone('http://news.example.org/other'), false);
});

test('a file is seen at the size and time of change it was read at; a change makes it new', (t) => {
  const state = openWatchState(storePath(t));
  t.after(() => state.close());
  assert.equal(state.fileSeen('/in/a.txt', 100, 1000), false);
  state.fileRead('/in/a.txt', 100, 1000);
  assert.ok(state.fileSeen('/in/a.txt', 100, 1000));
  assert.equal(state.fileSeen('/in/a.txt', 120, 1000), false);
  assert.equal(state.fileSeen('/in/a.txt', 100, 2000), false);
});

test('the watcher\'s tables are its own: the store\'s schema version is untouched, and the url lookup is indexed', (t) => {
  const path = storePath(t);
  openWatchState(path).close();
  const db = new Database(path, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM articles WHERE url = ?').all('x') as { detail: string }[];
  assert.match(plan.map((p) => p.detail).join(' '), /USING (COVERING )?INDEX watch_articles_url/);
  const store = openStore(path);
  store.close();
});

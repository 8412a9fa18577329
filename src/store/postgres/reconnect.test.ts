/**
 * A PostgreSQL store outlives its connection: when the server drops it (a restart, a network
 * cut, an administrator ending the session), the call in flight fails as a lost connection —
 * what a worker backs off on (src/queue/worker.ts storeUnavailable) — nothing of its
 * transaction is committed, and the next call connects again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAnyStore } from '../open.js';
import { storeWriteFailure } from '../store.js';
import { fixtureDoc } from '../explore.fixtures.js';
import { PgDb } from './db.js';
import { freshPostgresDatabase, postgresMissing } from './test-server.js';

const skip = postgresMissing() ?? false;

/** End every other session on the store's database, as a server restart would. */
function dropConnections(url: string): void {
  const admin = new PgDb(url, { writeLockKey: 0n });
  try {
    admin.exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  } finally {
    admin.close();
  }
}

test('a store whose connection was dropped fails the call in flight as unavailable, then connects again', { skip }, () => {
  const url = freshPostgresDatabase();
  const store = openAnyStore(url);
  try {
    const first = fixtureDoc('Police in Lagos arrested ten protesters.', 'a1', '2024-05-01', [], () => []);
    assert.equal(store.saveDoc(first).stored, true);

    dropConnections(url);
    const second = fixtureDoc('Troops in Kano detained two journalists.', 'a2', '2024-05-02', [], () => []);
    let failure: unknown = null;
    try { store.saveDoc(second); } catch (e) { failure = e; }
    assert.ok(failure, 'the save over the dropped connection fails');
    assert.ok(storeWriteFailure(failure, url), `a lost connection, not a bad article: ${(failure as Error).message}`);

    // The next call goes over a new connection; the failed save left nothing, and saving it again works.
    assert.equal(store.hasArticle(second.meta.hash), false);
    assert.equal(store.saveDoc(second).stored, true);
    assert.equal(store.countArticles(), 2);
  } finally {
    store.close();
  }
});

/**
 * Workers over PostgreSQL while PostgreSQL restarts: two `acta worker` processes store Reuters
 * articles into a PostgreSQL database; a third of the way in, the server shuts down (its
 * sessions ended) and is refused for two seconds before it comes back. The workers back off
 * and resume, acknowledge nothing they did not commit, and end with every article stored once
 * and the happenings of a single-process SQLite `acta ingest` of the same articles.
 * Needs PostgreSQL with PostGIS (postgres/test-server.ts), nats-server and ACTA_SHARED's corpora.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStoreAt } from '../cli/args.js';
import { freshPostgresDatabase, postgresMissing, restartTestPostgres } from '../store/postgres/test-server.js';
import { natsSkip } from './nats-server.fixtures.js';
import { publishRun, queueRun, reportsAndHappenings, reutersSkip, run, until } from './processes.fixtures.js';

const ARTICLES = 150;

const skip = natsSkip() || postgresMissing() || reutersSkip();

test(`2 workers on ${ARTICLES} articles into PostgreSQL, PostgreSQL restarted mid-run: they back off and resume, every article once, the happenings of one process`, { skip, timeout: 10 * 60_000 }, async (t) => {
  const queued = await queueRun(t, ARTICLES);
  const { dir, nats, procs, articles, input } = queued;
  assert.equal(articles.length, ARTICLES);

  const single = run(['ingest', input, '--db', join(dir, 'single.db'), '--no-progress']);
  assert.equal(await single.exited, 0, single.stderr);

  const { stream } = await publishRun(queued);

  const db = freshPostgresDatabase();
  const worker = () => run(['worker', '--queue', nats.url, '--db', db, '--until-empty']);
  const workers = [worker(), worker()];
  procs.push(...workers);
  let watch = openStoreAt(db, { mustExist: false });
  await until('a third of the articles', () => watch.countArticles() >= ARTICLES / 3, 5 * 60_000);
  watch.close();
  await restartTestPostgres(2000);
  for (const w of workers) assert.equal(await w.exited, 0, w.stderr);
  assert.match(workers.map((w) => w.stderr).join(''), /store unavailable/, 'the workers met the restart');

  watch = openStoreAt(db, { mustExist: true });
  const reference = openStoreAt(join(dir, 'single.db'), { mustExist: true });
  try {
    assert.deepEqual(new Set(watch.articleHashes()), new Set(reference.articleHashes()));
    assert.equal(watch.countEvents(), reference.countEvents());
    const ours = reportsAndHappenings(watch);
    const theirs = reportsAndHappenings(reference);
    const differ = [...theirs].filter(([key, r]) => ours.get(key)?.happening !== r.happening).map(([key]) => key);
    assert.deepEqual(differ, [], 'reports in another happening than a single-process ingest put them');
    // Each sequence consumed once, in order, none missing: nothing was acknowledged uncommitted.
    const steps = watch.queueSteps(stream, 0);
    assert.deepEqual(steps.map((s) => s.seq), Array.from({ length: steps.length }, (_, i) => i + 1));
    assert.equal(steps.filter((s) => s.outcome === 'stored').length, reference.countArticles());
  } finally {
    reference.close();
    watch.close();
  }
});

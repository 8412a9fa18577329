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
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReuters } from '../bench/run.js';
import { openStoreAt } from '../cli/args.js';
import { freshPostgresDatabase, postgresMissing, restartTestPostgres } from '../store/postgres/test-server.js';
import { natsSkip, startNats } from './nats-server.fixtures.js';
import { connectQueue, ensureQueue, streamKey } from './stream.js';
import { reportsAndHappenings, run, until, type Proc } from './processes.fixtures.js';

const SHARED = process.env.ACTA_SHARED;
const REUTERS = SHARED ? join(SHARED, 'eval/corpus/reuters21578') : '';
const ARTICLES = 150;

function sharedSkip(): string | false {
  if (SHARED && existsSync(REUTERS)) return false;
  if (process.env.ACTA_REQUIRE_SHARED === '1') throw new Error(`ACTA_REQUIRE_SHARED=1 but there is no Reuters corpus at ${REUTERS || '$ACTA_SHARED/eval/corpus/reuters21578'}`);
  return 'ACTA_SHARED is not set (the Reuters corpus)';
}

const skip = natsSkip() || postgresMissing() || sharedSkip();

test(`2 workers on ${ARTICLES} articles into PostgreSQL, PostgreSQL restarted mid-run: they back off and resume, every article once, the happenings of one process`, { skip, timeout: 10 * 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acta-pg-restart-'));
  const nats = await startNats();
  const procs: Proc[] = [];
  t.after(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await nats.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const input = join(dir, 'reuters.jsonl');
  writeFileSync(input, readReuters(REUTERS).slice(0, ARTICLES).map((a) => JSON.stringify(a)).join('\n') + '\n');

  const single = run(['ingest', input, '--db', join(dir, 'single.db'), '--no-progress']);
  assert.equal(await single.exited, 0, single.stderr);

  const nc = await connectQueue(nats.url, 'test');
  await ensureQueue(await nc.jetstreamManager(), { ackWaitMs: 4000 });
  const stream = await streamKey(await nc.jetstreamManager());
  await nc.close();
  const publish = run(['ingest', input, '--queue', nats.url]);
  assert.equal(await publish.exited, 0, publish.stderr);

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

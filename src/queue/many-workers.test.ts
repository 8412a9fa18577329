/**
 * The issue's run: Reuters articles published to the queue, three `acta worker` processes,
 * one killed with SIGKILL mid-run and started again, the nats-server restarted mid-run. The
 * run completes; every article is stored exactly once, whole (its events as a single-process
 * ingest codes them), and the happenings are those of a single-process SQLite `acta ingest`
 * of the same articles in the same order.
 *
 * The issue's 2,000 articles by default (about 70 s on two shared cores, the single-process
 * reference ingest included); ACTA_QUEUE_ARTICLES=200 for a quicker run. The workers' store is a fresh SQLite file, or the --db value
 * in ACTA_QUEUE_DB (an empty store: a PostgreSQL URL, say). Needs the corpora in ACTA_SHARED
 * (skipped without, unless ACTA_REQUIRE_SHARED=1) and nats-server (see nats-server.fixtures.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStoreAt } from '../cli/args.js';
import { natsSkip } from './nats-server.fixtures.js';
import { publishRun, queueRun, reportsAndHappenings, reutersSkip, run, until } from './processes.fixtures.js';

const ARTICLES = Number(process.env.ACTA_QUEUE_ARTICLES ?? 2000);

const skip = natsSkip() || reutersSkip();

test(`3 workers on ${ARTICLES} Reuters articles, one killed with SIGKILL and restarted, nats-server restarted: every article stored once, the happenings of one process`, { skip, timeout: 30 * 60_000 }, async (t) => {
  const queued = await queueRun(t, ARTICLES);
  const { dir, nats, procs, articles, input } = queued;
  assert.equal(articles.length, ARTICLES);

  // The reference: one process, one SQLite file.
  const single = run(['ingest', input, '--db', join(dir, 'single.db'), '--no-progress']);
  assert.equal(await single.exited, 0, single.stderr);
  // Reuters repeats a few texts word for word: the store keeps one of each, and the stream drops the repeats.
  const [, distinct, repeated] = /^(\d+) article\(s\) stored with \d+ event\(s\), (\d+) already stored, 0 failed/m.exec(single.stderr) ?? [];
  assert.ok(distinct, single.stderr);

  const { stream, printed } = await publishRun(queued);
  assert.match(printed, new RegExp(`^${distinct} article\\(s\\) published, ${repeated} dropped by the stream as duplicates`, 'm'));

  const db = process.env.ACTA_QUEUE_DB ?? join(dir, 'queue.db');
  const worker = () => run(['worker', '--queue', nats.url, '--db', db, '--until-empty']);
  const workers = [worker(), worker(), worker()];
  procs.push(...workers);
  const watch = openStoreAt(db, { mustExist: false });
  try {
    // A quarter in: kill one worker mid-article, start another in its place.
    await until('a quarter of the articles', () => watch.countArticles() >= ARTICLES / 4, 10 * 60_000);
    workers[0].child.kill('SIGKILL');
    assert.equal(await workers[0].exited, null, 'killed');
    const replacement = worker();
    procs.push(replacement);
    // Half way: the NATS server goes away for two seconds and comes back with its stream on disk.
    await until('half of the articles', () => watch.countArticles() >= ARTICLES / 2, 10 * 60_000);
    await nats.restart(2000);
    for (const p of [workers[1], workers[2], replacement]) {
      assert.equal(await p.exited, 0, p.stderr);
    }
    const log = [workers[1], workers[2], replacement].map((p) => p.stderr).join('');
    assert.match(log, /NATS connection lost; reconnecting/);

    const reference = openStoreAt(join(dir, 'single.db'), { mustExist: true });
    try {
      // Every article once, and each whole: the same events as the single process coded.
      assert.equal(watch.countArticles(), reference.countArticles());
      assert.deepEqual(new Set(watch.articleHashes()), new Set(reference.articleHashes()));
      assert.equal(watch.countEvents(), reference.countEvents());
      const ours = reportsAndHappenings(watch);
      const theirs = reportsAndHappenings(reference);
      assert.equal(ours.size, theirs.size);
      for (const [key, r] of theirs) assert.deepEqual(ours.get(key)?.event, r.event, `event ${key}`);
      // The same happenings: each report in the happening of the same id.
      const differ = [...theirs].filter(([key, r]) => ours.get(key)?.happening !== r.happening).map(([key]) => key);
      assert.deepEqual(differ, [], 'reports in another happening than a single-process ingest put them');
      assert.equal(watch.happenings.count(), reference.happenings.count());
      // Each sequence consumed once, in order, none missing.
      const steps = watch.queueSteps(stream, 0);
      assert.deepEqual(steps.map((s) => s.seq), Array.from({ length: Number(distinct) }, (_, i) => i + 1));
      assert.equal(steps.filter((s) => s.outcome === 'stored').length, reference.countArticles());
    } finally {
      reference.close();
    }
  } finally {
    watch.close();
  }
});

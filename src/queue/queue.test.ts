/**
 * The work queue on a real nats-server (a throwaway one per test file): publishing drops a
 * second copy of an article, a worker acknowledges only what it committed, an article that
 * fails at every delivery becomes a dead letter that `acta queue status` lists, and the commit
 * order starts right on a fresh store and steps over articles the store already holds.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { headers, type NatsConnection } from 'nats';
import { main } from '../cli/main.js';
import { openStore, type Store } from '../store/index.js';
import { natsSkip, startNats, type TestNats } from './nats-server.fixtures.js';
import { ARTICLE_STREAM, ARTICLE_SUBJECT, connectQueue, ensureQueue, WORKER_CONSUMER } from './stream.js';
import { runWorker, type WorkerOptions } from './worker.js';
import { queueStatus } from './status.js';

const skip = natsSkip();
const SAMPLES = new URL('../../samples', import.meta.url).pathname;
const ACTA = new URL('../../bin/acta.js', import.meta.url).pathname;

let nats: TestNats;
let dir: string;

before(async () => {
  if (skip) return;
  nats = await startNats();
  dir = mkdtempSync(join(tmpdir(), 'acta-queue-'));
});
after(async () => {
  if (skip) return;
  await nats.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Run an acta command in this process; its exit status and what it wrote. */
async function acta(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { write: (s: string) => { out += s; } }, { write: (s: string) => { err += s; } });
  return { code, out, err };
}

/** Empty the queue: a fresh stream (new sequences, a new incarnation key) and consumer, no dead letters. */
async function freshQueue(nc: NatsConnection, ackWaitMs = 2000): Promise<string> {
  const jsm = await nc.jetstreamManager();
  for (const s of [ARTICLE_STREAM, 'ACTA_DEAD']) await jsm.streams.delete(s).catch(() => {});
  return ensureQueue(jsm, { ackWaitMs });
}

async function worker(nc: NatsConnection, stream: string, store: Store, extra: Partial<WorkerOptions> = {}) {
  const lines: string[] = [];
  const counts = await runWorker({
    nc, jsm: await nc.jetstreamManager(), stream, store, concurrency: 2, maxDeliver: 3, ackWaitMs: 2000,
    retryDelayMs: 50, backoffMs: { first: 20, cap: 100 }, untilEmpty: true, stop: new AbortController().signal,
    log: (l) => lines.push(l), ...extra,
  });
  return { counts, lines };
}

function jsonl(name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

const article = (n: number) => ({ id: `a${n}`, title: `Report ${n}`, published: '2024-05-0' + (1 + (n % 9)),
  text: `Police arrested ${n + 2} protesters in Lyon on Monday, officials said. The protesters had marched against a new law ${n}.` });

test('ingest --queue publishes each article once: a second publish of the same articles is dropped by the stream', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  try {
    await freshQueue(nc);
    const first = await acta('ingest', SAMPLES, '--queue', nats.url);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /^5 article\(s\) published, 0 dropped by the stream as duplicates/);
    const again = await acta('ingest', SAMPLES, '--queue', nats.url);
    assert.match(again.out, /^0 article\(s\) published, 5 dropped by the stream as duplicates/);
    const status = await queueStatus(await nc.jetstreamManager());
    assert.equal(status.pending, 5);
    assert.equal(status.articles, 5);
    const table = await acta('queue', 'status', '--queue', nats.url);
    assert.match(table.out, /^pending +5 /m);
  } finally {
    await nc.close();
  }
});

test('ingest --queue reports inputs it cannot read as ingest does, and publishes the rest', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  try {
    await freshQueue(nc);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = await acta('ingest', empty, jsonl('two.jsonl', [article(1), article(2)]), '--queue', nats.url);
    assert.equal(r.code, 1);
    assert.match(r.err, /empty\.txt/);
    assert.match(r.out, /^2 article\(s\) published, 0 dropped/);
  } finally {
    await nc.close();
  }
});

test('a worker acknowledges only after its commit: while the store cannot commit, it backs off and nothing is acknowledged', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  const store = openStore(join(dir, 'ack.db'));
  try {
    const stream = await freshQueue(nc);
    await acta('ingest', jsonl('one.jsonl', [article(10)]), '--queue', nats.url);
    const jsm = await nc.jetstreamManager();
    let failures = 0;
    const seen: Array<{ inStream: number; ackPending: number }> = [];
    // A store that fails to commit three times, as a disk that is full or a database that is down does.
    const flaky: Store = Object.create(store, {
      saveDoc: {
        value: (...args: Parameters<Store['saveDoc']>) => {
          if (failures++ < 3) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
          return store.saveDoc(...args);
        },
      },
    });
    const { counts } = await worker(nc, stream, flaky, {
      backoffMs: { first: 300, cap: 300 },
      log: () => {
        // Read while the worker waits to try again: the article is still in the stream, held and unacknowledged.
        void jsm.consumers.info(ARTICLE_STREAM, WORKER_CONSUMER).then(async (c) => {
          seen.push({ inStream: (await jsm.streams.info(ARTICLE_STREAM)).state.messages, ackPending: c.num_ack_pending });
        });
      },
    });
    assert.equal(counts.stored, 1);
    assert.equal(failures, 4, 'three failed tries, then the commit');
    assert.ok(seen.length >= 3 && seen.every((s) => s.inStream === 1 && s.ackPending === 1), JSON.stringify(seen));
    assert.equal(store.countArticles(), 1);
    assert.equal((await jsm.streams.info(ARTICLE_STREAM)).state.messages, 0, 'acknowledged after the commit: gone from the work queue');
  } finally {
    store.close();
    await nc.close();
  }
});

test('a redelivered article the store already holds stores nothing and is acknowledged in its turn', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  const path = join(dir, 'held.db');
  try {
    const stream = await freshQueue(nc);
    const file = jsonl('three.jsonl', [article(20), article(21), article(22)]);
    // The middle one is in the store already (an earlier plain ingest of it).
    assert.equal((await acta('ingest', jsonl('mid.jsonl', [article(21)]), '--db', path, '--no-progress')).code, 0);
    await acta('ingest', file, '--queue', nats.url);
    const store = openStore(path);
    try {
      const { counts } = await worker(nc, stream, store);
      assert.deepEqual([counts.stored, counts.held, counts.dead], [2, 1, 0]);
      assert.equal(store.countArticles(), 3);
      assert.deepEqual(store.queueSteps(stream, 0).map((s) => [s.seq, s.outcome]), [[1, 'stored'], [2, 'held'], [3, 'stored']]);
    } finally {
      store.close();
    }
  } finally {
    await nc.close();
  }
});

test('an article that fails at every delivery is dead-lettered after --max-deliver tries, listed by queue status, and the ones after it are stored', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  const store = openStore(join(dir, 'dead.db'));
  try {
    const stream = await freshQueue(nc);
    await acta('ingest', jsonl('before.jsonl', [article(30)]), '--queue', nats.url);
    // An article its producer sent without a layout (body null): the pipeline throws on it every time.
    const broken = { meta: { id: 'broken-1', hash: 'b'.repeat(64), title: 'A broken message', author: null, published: null, source: null, url: null, origin: 'producer.jsonl:7' },
      text: 'Police arrested ten protesters in Paris on Monday.', body: null, dropped: [], titleSpan: null };
    const h = headers();
    h.set('Acta-Origin', 'producer.jsonl:7');
    await nc.jetstream().publish(ARTICLE_SUBJECT, new TextEncoder().encode(JSON.stringify(broken)), { msgID: broken.meta.hash, headers: h });
    await acta('ingest', jsonl('after.jsonl', [article(31)]), '--queue', nats.url);
    const { counts, lines } = await worker(nc, stream, store, { maxDeliver: 3 });
    assert.deepEqual([counts.stored, counts.dead, counts.retried], [2, 1, 2]);
    assert.equal(store.countArticles(), 2);
    assert.ok(lines.some((l) => /dead-lettered producer\.jsonl:7 after 3 deliveries: body is not iterable/.test(l)), lines.join('\n'));
    assert.deepEqual(store.queueSteps(stream, 0).map((s) => s.outcome), ['stored', 'dead', 'stored']);
    const status = await acta('queue', 'status', '--queue', nats.url, '--json');
    const s = JSON.parse(status.out);
    assert.equal(s.failedTotal, 1);
    assert.deepEqual({ seq: s.failed[0].seq, title: s.failed[0].title, deliveries: s.failed[0].deliveries, error: s.failed[0].error },
      { seq: 2, title: 'A broken message', deliveries: 3, error: 'body is not iterable' });
    assert.equal(s.pending + s.inFlight, 0);
    const table = await acta('queue', 'status', '--queue', nats.url);
    assert.match(table.out, /^failed +1 /m);
    assert.match(table.out, /^2 +bbbbbbbbbbbbbbbb +A broken message +body is not iterable$/m);
  } finally {
    store.close();
    await nc.close();
  }
});

test('a fresh store after an earlier run starts at the stream\'s first message, and a second worker on it waits for its turn', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  try {
    const stream = await freshQueue(nc);
    const earlier = openStore(join(dir, 'earlier.db'));
    await acta('ingest', jsonl('first.jsonl', [article(40), article(41)]), '--queue', nats.url);
    await worker(nc, stream, earlier);
    earlier.close();
    // Sequences 1 and 2 went into another store; this one records nothing before 3.
    await acta('ingest', jsonl('later.jsonl', [article(42), article(43), article(44), article(45)]), '--queue', nats.url);
    const fresh = openStore(join(dir, 'fresh.db'));
    const other = openStore(join(dir, 'fresh.db'));
    try {
      const order: number[] = [];
      const onCommit = (seq: number) => order.push(seq);
      const [a, b] = await Promise.all([worker(nc, stream, fresh, { onCommit, concurrency: 1 }), worker(nc, stream, other, { onCommit, concurrency: 1 })]);
      assert.equal(a.counts.stored + b.counts.stored, 4);
      assert.deepEqual(order, [3, 4, 5, 6], 'committed in the stream\'s order, whichever worker held each');
      assert.equal(fresh.countArticles(), 4);
    } finally {
      fresh.close();
      other.close();
    }
  } finally {
    await nc.close();
  }
});

test('SIGTERM: the worker finishes the save in hand, releases what it holds at once (not after the ack wait) and exits 143', { skip }, async () => {
  const nc = await connectQueue(nats.url, 'test');
  const path = join(dir, 'term.db');
  try {
    const stream = await freshQueue(nc, 120_000);
    const many = Array.from({ length: 40 }, (_, i) => article(100 + i));
    await acta('ingest', jsonl('many.jsonl', many), '--queue', nats.url);
    const child = spawn(process.execPath, [ACTA, 'worker', '--queue', nats.url, '--db', path, '--concurrency', '3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const watch = openStore(path);
    try {
      while (watch.countArticles() < 3) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGTERM');
      assert.equal(await exited, 143);
      const stored = watch.countArticles();
      assert.ok(stored < many.length, 'stopped before the end');
      assert.match(out, new RegExp(`^${stored} article\\(s\\) stored`));
      const jsm = await nc.jetstreamManager();
      assert.equal((await jsm.streams.info(ARTICLE_STREAM)).state.messages, many.length - stored, 'every article not stored is still queued');
      // What it held was released (nak'ed), not left to time out: a worker started now gets it at
      // once, where a message still held would come back only after the two-minute ack wait.
      const started = Date.now();
      const next = await worker(nc, stream, watch, { ackWaitMs: 120_000 });
      assert.equal(next.counts.stored, many.length - stored);
      assert.ok(Date.now() - started < 60_000, 'within a minute, far inside the ack wait');
      assert.equal(watch.countArticles(), many.length);
    } finally {
      watch.close();
    }
  } finally {
    await nc.close();
  }
});

test('acta worker and acta queue name a missing or bad --queue as usage errors, and an unreachable server in one line', { skip }, async () => {
  assert.equal((await acta('worker', '--db', join(dir, 'x.db'))).code, 2);
  const bad = await acta('queue', 'status', '--queue', 'http://localhost:4222');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--queue wants a nats:\/\/ URL/);
  const down = await acta('queue', 'status', '--queue', 'nats://127.0.0.1:1');
  assert.equal(down.code, 1);
  assert.match(down.err, /^acta: cannot reach the NATS server at nats:\/\/127\.0\.0\.1:1: /);
  const help = await acta('worker', '--help');
  assert.match(help.out, /--max-deliver N/);
});

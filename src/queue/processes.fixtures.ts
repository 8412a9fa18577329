/**
 * The queue's process-level tests: `acta` commands run as child processes (their output kept,
 * and copied into ACTA_QUEUE_TEST_LOG's folder when it names one), waiting on a condition, and
 * what must match between two stores. Not shipped (package.json leaves out *.fixtures.*).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArticle } from '../bench/run.js';
import { readReuters } from '../bench/run.js';
import type { Store } from '../store/index.js';
import { startNats, type TestNats } from './nats-server.fixtures.js';
import { connectQueue, ensureQueue, streamKey } from './stream.js';

const ACTA = new URL('../../bin/acta.js', import.meta.url).pathname;

export interface Proc { child: ChildProcess; stderr: string; exited: Promise<number | null> }

/** Where each process's output also goes when ACTA_QUEUE_TEST_LOG names a folder (to see a run that fails). */
const LOG = process.env.ACTA_QUEUE_TEST_LOG;
let launched = 0;

export function run(args: string[]): Proc {
  const child = spawn(process.execPath, [ACTA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { child, stderr: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  const log = LOG ? join(LOG, `${++launched}-${args[0]}.log`) : null;
  const take = (d: Buffer) => { p.stderr += d; if (log) appendFileSync(log, d); };
  child.stderr!.on('data', take);
  child.stdout!.on('data', take);
  return p;
}

export async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (LOG) appendFileSync(join(LOG, 'test.log'), `${new Date().toISOString()} waiting for ${what}\n`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every event of a store with the happening it reports, by "article id#event id": what must match between two stores. */
export function reportsAndHappenings(store: Store): Map<string, { event: unknown; happening: string | null }> {
  const out = new Map<string, { event: unknown; happening: string | null }>();
  for (const e of store.queryEvents({})) out.set(`${e.article_id}#${e.id}`, { event: e, happening: store.happenings.ofEvent(e) });
  return out;
}

const SHARED = process.env.ACTA_SHARED;
const REUTERS = SHARED ? join(SHARED, 'eval/corpus/reuters21578') : '';

/** Why the Reuters corpus is not at hand (false: it is); throws when ACTA_REQUIRE_SHARED=1 and it is not. */
export function reutersSkip(): string | false {
  if (SHARED && existsSync(REUTERS)) return false;
  if (process.env.ACTA_REQUIRE_SHARED === '1') throw new Error(`ACTA_REQUIRE_SHARED=1 but there is no Reuters corpus at ${REUTERS || '$ACTA_SHARED/eval/corpus/reuters21578'}`);
  return 'ACTA_SHARED is not set (the Reuters corpus)';
}

export interface QueueRun { dir: string; nats: TestNats; procs: Proc[]; articles: BenchArticle[]; input: string }

/**
 * What a queue run needs: a folder, a nats-server, and the first `n` Reuters articles as a
 * JSONL file in the folder; the processes the test adds to `procs` are killed, the server
 * stopped and the folder removed when the test ends.
 */
export async function queueRun(t: { after: (fn: () => Promise<void>) => void }, n: number): Promise<QueueRun> {
  const dir = mkdtempSync(join(tmpdir(), 'acta-queue-run-'));
  const nats = await startNats();
  const procs: Proc[] = [];
  t.after(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await nats.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const articles = readReuters(REUTERS).slice(0, n);
  const input = join(dir, 'reuters.jsonl');
  writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { dir, nats, procs, articles, input };
}

/**
 * Make the work queue with a short ack wait (4 s: a killed worker's article goes to another
 * within seconds) and publish the run's articles with `acta ingest --queue`; the stream's key
 * (its name and incarnation, as queue_progress records it) and what the publish printed.
 */
export async function publishRun(run_: QueueRun): Promise<{ stream: string; printed: string }> {
  const nc = await connectQueue(run_.nats.url, 'test');
  try {
    await ensureQueue(await nc.jetstreamManager(), { ackWaitMs: 4000 });
    const stream = await streamKey(await nc.jetstreamManager());
    const publish = run(['ingest', run_.input, '--queue', run_.nats.url]);
    if (await publish.exited !== 0) throw new Error(`acta ingest --queue failed: ${publish.stderr}`);
    return { stream, printed: publish.stderr };
  } finally {
    await nc.close();
  }
}

/** `acta worker --queue URL --db FILE|URL`: analyse and store the articles of the work queue (src/queue/worker.ts). */
import { openStoreAt, parse, positiveInt, userActors, UsageError } from './args.js';
import { parseDuration } from '../watch/duration.js';
import { ackWaitOf, ensureQueue, ACK_WAIT_MS, queueUrlProblem } from '../queue/stream.js';
import { reach } from './queue.js';
import { runWorker } from '../queue/worker.js';
import { printable } from '../output/terminal.js';
import { stopReason, stoppedStatus, type Session } from './session.js';

export const WORKER_HELP = `Usage: acta worker --queue nats://HOST:4222 --db FILE|URL [--concurrency N]

Pull the articles that "acta ingest PATH... --queue URL" published to NATS JetStream,
analyse each as acta ingest does, and store it with its events and happenings in one
transaction; the message is acknowledged only after the commit. Run as many workers as
you like, on as many machines: they share one durable consumer, analyse in parallel and
commit in the order the articles were published, so the store ends as one "acta ingest"
of the same articles would leave it. A worker killed mid-article leaves nothing behind,
and the article goes to another worker after the ack wait. An article whose analysis
fails is tried again later; at its --max-deliver'th delivery it goes to the dead-letter
stream ("acta queue status" lists it). A store that cannot be reached or written makes
the worker wait (doubling the pause, up to 10 s) and try again, acknowledging nothing.
Ctrl-C or SIGTERM: what is being saved is finished, what is held is released.

Options:
  --queue URL         the NATS server (nats://host:4222), started with JetStream (-js)
  --db FILE|URL       the store (default: acta.db)
  --concurrency N     articles held at once (default 8), analysed one after another in
                      this process ahead of their turn to commit; run one worker
                      process per core to use more cores
  --max-deliver N     deliveries of an article whose analysis fails before it is
                      dead-lettered (default 3)
  --ack-wait D        how long a message may go without a word from its worker before
                      it is given to another (5s, 1m): set on the consumer all workers
                      share (30s when no worker gave one); heartbeats go at a third of it
  --until-empty       exit once the queue has nothing left to deliver and nothing in
                      flight (batch runs, benchmarks); otherwise wait for more
  --actors FILE       your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  -h, --help          this help

Prints one summary line at exit: what it stored, held already, dead-lettered, retried and
analysed again, and per article its milliseconds analysing and in its commit turn (the
registry check, the save and the acknowledgement: the serial part of a run). Exit status: 0 done; 1 the NATS server cannot be reached;
2 usage error; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).`;

function duration(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} must be a duration such as 5s, 30s or 1m (got "${value}")`);
  return ms;
}

export function queueOption(value: unknown, help: string): string {
  if (typeof value !== 'string') throw new UsageError(`--queue nats://HOST:4222 is required\n\n${help}`);
  const problem = queueUrlProblem(value);
  if (problem) throw new UsageError(problem);
  return value;
}

export async function runWorkerCommand(argv: string[], session: Session): Promise<number> {
  const { values, positionals } = parse(argv, {
    queue: { type: 'string' }, db: { type: 'string' }, concurrency: { type: 'string' }, 'max-deliver': { type: 'string' },
    'ack-wait': { type: 'string' }, 'until-empty': { type: 'boolean' }, actors: { type: 'string', multiple: true },
  }, WORKER_HELP);
  if (values.help) { session.out.write(WORKER_HELP + '\n'); return 0; }
  if (positionals.length > 0) throw new UsageError(`acta worker takes no PATH (publish with "acta ingest PATH... --queue URL")\n\n${WORKER_HELP}`);
  const url = queueOption(values.queue, WORKER_HELP);
  const concurrency = positiveInt(values.concurrency as string | undefined, '--concurrency') ?? 8;
  const maxDeliver = positiveInt(values['max-deliver'] as string | undefined, '--max-deliver') ?? 3;
  const ackWaitGiven = values['ack-wait'] === undefined ? undefined : duration(values['ack-wait'] as string, '--ack-wait', ACK_WAIT_MS);
  const actors = userActors(values);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  const err = session.err;
  // Ctrl-C (the session's stop) or SIGTERM (a service manager, a scaler): what is being saved is finished, what is held released.
  const control = new AbortController();
  const onStop = () => control.abort(session.stop.reason);
  const onTerm = () => control.abort('terminate');
  if (session.stop.aborted) onStop(); else session.stop.addEventListener('abort', onStop, { once: true });
  process.on('SIGTERM', onTerm);
  // NATS first: a worker that cannot reach its queue leaves no empty store behind.
  const nc = await reach(url, `acta worker ${process.pid}`);
  let store;
  try {
    store = openStoreAt(dbPath, { mustExist: false });
  } catch (e) {
    await nc.close();
    throw e;
  }
  try {
    (async () => { for await (const s of nc.status()) if (s.type === 'disconnect' || s.type === 'reconnect') err.write(`acta worker: NATS ${s.type === 'disconnect' ? 'connection lost; reconnecting' : 'connection back'}\n`); })().catch(() => {});
    const jsm = await nc.jetstreamManager();
    const stream = await ensureQueue(jsm, { ackWaitMs: ackWaitGiven });
    const ackWaitMs = await ackWaitOf(jsm);
    const counts = await runWorker({
      nc, jsm, stream, store, concurrency, maxDeliver, ackWaitMs, actors, untilEmpty: values['until-empty'] === true,
      stop: control.signal, log: (line) => err.write(`acta worker: ${line}\n`),
    });
    const per = (ms: number) => (counts.stored > 0 ? (ms / counts.stored).toFixed(1) : '-');
    session.out.write(`${counts.stored} article(s) stored, ${counts.held} already stored, ${counts.dead} dead-lettered, ${counts.retried} retried, ${counts.reanalysed} analysed again`
      + ` (per article stored: ${per(counts.analysisMs)} ms analysing, ${per(counts.turnMs)} ms in its commit turn) — ${printable(dbPath)}\n`);
  } finally {
    process.off('SIGTERM', onTerm);
    session.stop.removeEventListener('abort', onStop);
    await nc.drain().catch(() => nc.close());
    store.close();
  }
  if (control.signal.reason === 'terminate') return 143;
  const stopped = stopReason(session.stop);
  return stopped ? stoppedStatus(stopped) : 0;
}

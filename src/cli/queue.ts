/** `acta queue status --queue URL [--json]`: what the work queue holds, and its dead letters. */
import type { NatsConnection } from 'nats';
import { parse, positiveInt, UsageError } from './args.js';
import { connectQueue, DUPLICATE_WINDOW_MS, ensureQueue } from '../queue/stream.js';
import { queueStatus, statusTable } from '../queue/status.js';
import { publishArticles } from '../queue/publish.js';
import { printable } from '../output/terminal.js';
import { formatProblem } from '../ingest/index.js';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { queueOption } from './worker.js';
import { stopReason, stoppedStatus, untilStopped, type Session } from './session.js';

/** The NATS server cannot be reached: a one-line message and exit status 1. */
export class QueueUnreachable extends Error {
  override name = 'QueueUnreachable';
}

export const QUEUE_HELP = `Usage: acta queue status --queue nats://HOST:4222 [--json] [--limit N]

The work queue that "acta ingest PATH... --queue URL" fills and "acta worker" empties:
  pending      articles not yet delivered to any worker
  in flight    delivered and not yet acknowledged (being analysed, or waiting for their
               turn to commit: articles are committed in the order they were published)
  redelivered  in flight again after a delivery that was not acknowledged
  failed       dead letters: articles whose analysis failed at every delivery, each with
               its stream sequence, content hash, title or file, and error

Options:
  --queue URL   the NATS server (nats://host:4222)
  --json        one JSON object instead of the table
  --limit N     dead letters listed at most (default 100)
  -h, --help    this help`;

export async function runQueue(argv: string[], session: Session): Promise<number> {
  const { values, positionals } = parse(argv, { queue: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } }, QUEUE_HELP);
  if (values.help) { session.out.write(QUEUE_HELP + '\n'); return 0; }
  if (positionals.length !== 1 || positionals[0] !== 'status') throw new UsageError(`acta queue takes one subcommand: status\n\n${QUEUE_HELP}`);
  const url = queueOption(values.queue, QUEUE_HELP);
  const limit = positiveInt(values.limit as string | undefined, '--limit') ?? 100;
  const nc = await reach(url, 'acta queue status');
  try {
    const status = await queueStatus(await nc.jetstreamManager(), limit);
    session.out.write(values.json ? JSON.stringify(status) + '\n' : statusTable(status, printable));
  } finally {
    await nc.close();
  }
  return 0;
}

/**
 * `acta ingest PATH... --queue URL`: read the inputs as ingest does (same readers, the same
 * line per input that cannot be read) and publish each article to the work queue.
 */
export async function publishInputs(url: string, inputs: AsyncIterable<IngestedArticle | InputProblem>, session: Session): Promise<number> {
  const err = session.err;
  const nc = await reach(url, 'acta ingest --queue');
  let published = 0, duplicates = 0, failed = 0;
  try {
    await ensureQueue(await nc.jetstreamManager());
    for await (const e of publishArticles(nc.jetstream(), untilStopped(inputs, session.stop), nc.info?.max_payload ?? 1024 * 1024)) {
      if (e.kind === 'problem') { failed++; err.write(`acta: ${formatProblem(e.problem)}\n`); continue; }
      if (e.kind === 'failed') { failed++; err.write(`acta: ${e.article.meta.origin}: not published: ${e.message}\n`); continue; }
      if (e.duplicate) duplicates++; else published++;
    }
  } finally {
    await nc.drain().catch(() => nc.close());
  }
  const stopped = stopReason(session.stop);
  if (stopped === 'interrupt') err.write('acta: interrupted; the articles read so far are published\n');
  session.out.write(`${published} article(s) published, ${duplicates} dropped by the stream as duplicates (published before, within ${DUPLICATE_WINDOW_MS / 3_600_000} h), ${failed} failed — ${printable(url)}\n`);
  if (stopped) return stoppedStatus(stopped);
  return failed > 0 ? 1 : 0;
}

/** A connection to the NATS server, or exit status 1's error naming it. */
export async function reach(url: string, name: string): Promise<NatsConnection> {
  try {
    return await connectQueue(url, name);
  } catch (e) {
    throw new QueueUnreachable(`cannot reach the NATS server at ${url}: ${(e as Error).message}`);
  }
}

/**
 * The JetStream set-up every queue command shares: the work-queue stream articles are
 * published to, the durable pull consumer all workers share, and the dead-letter stream.
 * Each command makes what is missing (idempotently), so the first one run on a fresh
 * nats-server sets it up, and none depends on another having run.
 */
import { AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection } from 'nats';

/** The stream that holds articles until a worker has stored them (work-queue retention: an acknowledged message is gone). */
export const ARTICLE_STREAM = 'ACTA_ARTICLES';
export const ARTICLE_SUBJECT = 'acta.articles';
/** The durable pull consumer every worker pulls from: each message goes to one worker at a time. */
export const WORKER_CONSUMER = 'acta-workers';
/** Articles that failed analysis --max-deliver times, with their error (limits retention: kept until removed). */
export const DEAD_STREAM = 'ACTA_DEAD';
export const DEAD_SUBJECT = 'acta.dead';
/** Core NATS subject on which a worker announces each sequence it recorded, so the worker holding the next one need not poll. */
export const PROGRESS_SUBJECT = 'acta.progress';

/**
 * How long JetStream remembers a message id (the article's content hash) to drop a second
 * publish of it: a day. After that a second publish is queued again, and the worker that pulls
 * it finds the article in the store (same hash) and stores nothing.
 */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** How long a worker may hold a message without a word (an ack, or a `working()` heartbeat) before JetStream gives it to another. */
export const ACK_WAIT_MS = 30_000;

/** Connect to a nats:// URL; the client reconnects for ever when the server goes away. */
export async function connectQueue(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: false, timeout: 10_000 });
}

async function hasStream(jsm: JetStreamManager, name: string): Promise<boolean> {
  try {
    await jsm.streams.info(name);
    return true;
  } catch (e) {
    if (/not found/i.test((e as Error).message)) return false;
    throw e;
  }
}

/** Make the article stream, the workers' consumer and the dead-letter stream where missing; returns the article stream's incarnation key. */
export async function ensureQueue(jsm: JetStreamManager, opts: { ackWaitMs?: number } = {}): Promise<string> {
  if (!(await hasStream(jsm, ARTICLE_STREAM))) {
    await jsm.streams.add({
      name: ARTICLE_STREAM, subjects: [ARTICLE_SUBJECT], retention: RetentionPolicy.Workqueue,
      storage: StorageType.File, duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  }
  if (!(await hasStream(jsm, DEAD_STREAM))) {
    await jsm.streams.add({ name: DEAD_STREAM, subjects: [DEAD_SUBJECT], retention: RetentionPolicy.Limits, storage: StorageType.File });
  }
  try {
    const consumer = await jsm.consumers.info(ARTICLE_STREAM, WORKER_CONSUMER);
    // A worker given --ack-wait sets it on the shared consumer (the first command made it with the default).
    if (opts.ackWaitMs !== undefined && consumer.config.ack_wait !== nanos(opts.ackWaitMs)) {
      await jsm.consumers.update(ARTICLE_STREAM, WORKER_CONSUMER, { ack_wait: nanos(opts.ackWaitMs) });
    }
  } catch (e) {
    if (!/not found/i.test((e as Error).message)) throw e;
    await jsm.consumers.add(ARTICLE_STREAM, {
      durable_name: WORKER_CONSUMER, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(opts.ackWaitMs ?? ACK_WAIT_MS),
      // Workers dead-letter an article themselves after --max-deliver deliveries; JetStream never gives up on one.
      max_deliver: -1,
    });
  }
  return streamKey(jsm);
}

/** The workers' consumer's ack wait, in milliseconds. */
export async function ackWaitOf(jsm: JetStreamManager): Promise<number> {
  const consumer = await jsm.consumers.info(ARTICLE_STREAM, WORKER_CONSUMER);
  return Math.round((consumer.config.ack_wait ?? nanos(ACK_WAIT_MS)) / 1e6);
}

/**
 * The article stream's name and creation time: the key its progress is recorded under in a
 * store. A stream deleted and made again starts its sequences at 1 anew; the old records
 * must not count for the new messages.
 */
export async function streamKey(jsm: JetStreamManager): Promise<string> {
  const info = await jsm.streams.info(ARTICLE_STREAM);
  return `${ARTICLE_STREAM}@${info.created}`;
}

/** A nats:// URL, or why it is not one (for a usage error). */
export function queueUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--queue wants a NATS URL such as nats://127.0.0.1:4222 (got "${url}")`;
  }
  if (parsed.protocol !== 'nats:' && parsed.protocol !== 'tls:') return `--queue wants a nats:// URL (got "${url}")`;
  return null;
}

/** `acta queue status`: what the work queue holds — pending, in flight, redelivered — and the dead letters. */
import type { JetStreamManager } from 'nats';
import { ARTICLE_STREAM, DEAD_STREAM, WORKER_CONSUMER } from './stream.js';

/** An article that failed analysis --max-deliver times (or could not be read), as the worker sent it to the dead-letter stream. */
export interface DeadLetter {
  /** Its sequence in the article stream. */
  seq: number;
  hash: string | null;
  id: string | null;
  title: string | null;
  /** The file (and line) it was read from by `acta ingest --queue`. */
  origin: string | null;
  error: string;
  deliveries: number;
  at: string;
}

export interface QueueStatus {
  /** Articles in the stream (not yet stored). */
  articles: number;
  /** Not yet delivered to any worker. */
  pending: number;
  /** Delivered and not yet acknowledged: being analysed or waiting for their turn to commit. */
  inFlight: number;
  /** In flight again after a delivery that was not acknowledged (a worker died, a nak). */
  redelivered: number;
  /** Workers waiting on the consumer right now. */
  waitingWorkers: number;
  failed: DeadLetter[];
  /** Dead letters in all (failed lists at most `limit`). */
  failedTotal: number;
}

/** The queue's state now; a queue no command has set up yet reads as empty. */
export async function queueStatus(jsm: JetStreamManager, limit = 100): Promise<QueueStatus> {
  const status: QueueStatus = { articles: 0, pending: 0, inFlight: 0, redelivered: 0, waitingWorkers: 0, failed: [], failedTotal: 0 };
  const stream = await jsm.streams.info(ARTICLE_STREAM).catch(() => null);
  if (stream) {
    status.articles = stream.state.messages;
    const consumer = await jsm.consumers.info(ARTICLE_STREAM, WORKER_CONSUMER).catch(() => null);
    if (consumer) {
      status.pending = consumer.num_pending;
      status.inFlight = consumer.num_ack_pending;
      status.redelivered = consumer.num_redelivered;
      status.waitingWorkers = consumer.num_waiting;
    } else status.pending = stream.state.messages;
  }
  const dead = await jsm.streams.info(DEAD_STREAM).catch(() => null);
  if (dead && dead.state.messages > 0) {
    status.failedTotal = dead.state.messages;
    for (let seq = dead.state.first_seq; seq <= dead.state.last_seq && status.failed.length < limit; seq++) {
      const m = await jsm.streams.getMessage(DEAD_STREAM, { seq }).catch(() => null);
      if (m) status.failed.push(JSON.parse(new TextDecoder().decode(m.data)) as DeadLetter);
    }
  }
  return status;
}

/** The status as a few lines and a table of the dead letters, for people. */
export function statusTable(s: QueueStatus, show: (text: string) => string = (t) => t): string {
  const lines = [
    `pending      ${s.pending}   (in the stream, not yet delivered to a worker)`,
    `in flight    ${s.inFlight}   (delivered, not yet acknowledged: analysing, or waiting for their turn to commit)`,
    `redelivered  ${s.redelivered}   (in flight again after a delivery that was not acknowledged)`,
    `failed       ${s.failedTotal}   (dead letters: analysis failed at every delivery)`,
  ];
  if (s.failed.length > 0) {
    lines.push('', 'SEQ     HASH              TITLE OR FILE                             ERROR');
    for (const d of s.failed) {
      const what = show(d.title ?? d.origin ?? d.id ?? '-').replace(/\s+/g, ' ');
      lines.push(`${String(d.seq).padEnd(7)} ${(d.hash ?? '-').slice(0, 16).padEnd(17)} ${what.slice(0, 40).padEnd(41)} ${show(d.error).replace(/\s+/g, ' ')}`);
    }
    if (s.failedTotal > s.failed.length) lines.push(`… and ${s.failedTotal - s.failed.length} more (--limit)`);
  }
  return lines.join('\n') + '\n';
}

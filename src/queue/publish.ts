/**
 * `acta ingest PATH… --queue URL`: the articles, read as ingest reads them, published to the
 * work-queue stream for workers to analyse and store. The message id is the article's
 * content hash, so JetStream drops a second publish of one article within its duplicate
 * window (stream.ts); the store's own hash check refuses it after.
 */
import { headers, type JetStreamClient } from 'nats';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
import { ARTICLE_SUBJECT } from './stream.js';

/** An article as a message: the ingested article as JSON (meta, text, layout), what a worker analyses. */
export function articleMessage(article: IngestedArticle): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(article));
}

export function articleOfMessage(data: Uint8Array): IngestedArticle {
  return JSON.parse(new TextDecoder().decode(data)) as IngestedArticle;
}

export interface PublishCounts { published: number; duplicates: number; failed: number }

export type PublishEvent =
  | { kind: 'problem'; problem: InputProblem }
  | { kind: 'published'; article: IngestedArticle; seq: number; duplicate: boolean }
  | { kind: 'failed'; article: IngestedArticle; message: string };

const isProblem = (x: IngestedArticle | InputProblem): x is InputProblem => 'message' in x && !('text' in x);

/**
 * Publish each article, one acknowledged publish after another (the stream's order is the
 * input order: workers commit in it). `maxPayload` is the server's limit on one message; a
 * larger article fails alone.
 */
export async function* publishArticles(js: JetStreamClient, inputs: AsyncIterable<IngestedArticle | InputProblem>, maxPayload: number): AsyncGenerator<PublishEvent> {
  for await (const input of inputs) {
    if (isProblem(input)) { yield { kind: 'problem', problem: input }; continue; }
    const data = articleMessage(input);
    if (data.length > maxPayload) {
      yield { kind: 'failed', article: input, message: `${data.length} bytes as a message, over the NATS server's max_payload of ${maxPayload} (raise it in the server's configuration)` };
      continue;
    }
    const h = headers();
    h.set('Acta-Origin', input.meta.origin);
    try {
      const ack = await js.publish(ARTICLE_SUBJECT, data, { msgID: input.meta.hash, headers: h, timeout: 10_000 });
      yield { kind: 'published', article: input, seq: ack.seq, duplicate: ack.duplicate };
    } catch (e) {
      yield { kind: 'failed', article: input, message: (e as Error).message };
    }
  }
}

/**
 * `GET /api/v1/articles/{id}`: a stored article with the layers the store keeps; `POST
 * /api/v1/articles`: analyse articles (a JSON record, an array of them, or JSONL) with the
 * library, store them and return their events. Writing needs the server's token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LiveRegistry } from '../actors/live-registry.js';
import type { IngestedArticle, InputProblem } from '../doc/types.js';
// The readers of text and HTML (linkedom and its CSS and HTML parsers) load on the first write.
type Ingest = typeof import('../ingest/index.js');
import type { Store } from '../store/index.js';
import { analysisFailure } from '../cli/failure.js';
import { TEXT_ID_PARAMS } from './params.js';

/** The content types POST /articles reads as JSONL, one record a line. */
export const JSONL_TYPES = ['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines'] as const;

/** The layers `acta analyze` prints that the store does not keep (GET /articles/{id} says so rather than leave them out silently). */
const NOT_STORED = ['paragraphs', 'tokens', 'syntax', 'times', 'places', 'attributions'];

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * The check of `Authorization: Bearer T` for writes: 403 when the server has no token (writing
 * is off), 401 when the header is missing or wrong. Compared in constant time.
 */
export function bearerCheck(token: string | null) {
  const want = token === null ? null : sha256(token);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (want === null) return reply.code(403).send({ error: 'forbidden', message: 'writing is off: start acta serve with --token T to accept articles' });
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(sha256(m[1]), want)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer realm="acta"').send({ error: 'unauthorized', message: 'send Authorization: Bearer <the token acta serve was started with>' });
    }
  };
}

/** The articles of a body: a JSON record or an array of them (parsed by Fastify), or JSONL text. */
function bodyArticles(body: unknown, { ingestJsonl, ingestRecord }: Ingest): (IngestedArticle | InputProblem)[] {
  if (typeof body === 'string') {
    const items = ingestJsonl(body, 'body');
    return items.length ? items : [{ origin: 'body', line: null, message: 'no articles: every line is blank' }];
  }
  if (Array.isArray(body)) {
    if (body.length === 0) return [{ origin: 'body', line: null, message: 'empty array: no articles' } as InputProblem];
    return body.map((r, i) => ingestRecord(r, `body[${i}]`, `body[${i}]`, null));
  }
  return [ingestRecord(body, 'body', 'body', null)];
}

const RECORD_SCHEMA = {
  type: 'object',
  description: 'an article: "text" or "html", and optionally "id", "published" (YYYY-MM-DD), "title", "url", "source"',
  properties: {
    id: { type: ['string', 'number'] }, text: { type: 'string' }, html: { type: 'string' }, published: { type: ['string', 'null'] },
    title: { type: 'string' }, url: { type: 'string' }, source: { type: 'string' },
  },
} as const;

export async function articleRoutes(app: FastifyInstance, store: Store, token: string | null): Promise<void> {
  app.get<{ Params: { id: string } }>('/articles/:id', {
    schema: {
      summary: 'A stored article with its layers',
      description: 'The text, its layout (body spans, dropped boilerplate), and the layers the store keeps: sentences, entity mentions, events. Offsets are UTF-16 indexes into `text`. `id` is the article\'s hash or its id; an id several articles share is a 409 listing their hashes.',
      tags: ['articles'],
      params: TEXT_ID_PARAMS,
    },
  }, async (req, reply) => {
    const hashes = store.explore.findArticles(req.params.id);
    if (hashes.length === 0) return reply.code(404).send({ error: 'not_found', message: `no article "${req.params.id}"` });
    if (hashes.length > 1 && hashes[0] !== req.params.id) {
      return reply.code(409).send({ error: 'ambiguous', message: `${hashes.length} articles have the id "${req.params.id}": ask by hash`, hashes });
    }
    const a = store.getArticle(hashes[0]);
    if (!a) return reply.code(404).send({ error: 'not_found', message: `no article "${req.params.id}"` });
    const layers = store.explore.articleLayers(a.meta.hash);
    return {
      meta: a.meta, ingested_at: a.ingestedAt, text: a.text, body: a.body, dropped: a.dropped,
      sentences: layers.sentences, entities: layers.entities, events: layers.events, not_stored: NOT_STORED,
    };
  });

  // One registry for the server's life, told of every save: article N learns from 1…N-1, as acta ingest does.
  let registry: LiveRegistry | null = null;
  app.post('/articles', {
    onRequest: bearerCheck(token),
    schema: {
      summary: 'Analyse and store articles',
      description: 'A JSON article record or an array of them (application/json), or JSONL (application/jsonl, application/x-ndjson). Every record is checked first: one that cannot be read is a 400 naming it and nothing is stored. Then each is analysed and stored (an article already stored is not stored again) and its events returned. Needs the bearer token acta serve was started with.',
      tags: ['articles'],
      security: [{ bearer: [] }],
      body: {
        content: {
          'application/json': { schema: { oneOf: [RECORD_SCHEMA, { type: 'array', items: RECORD_SCHEMA, minItems: 1 }] } },
          ...Object.fromEntries(JSONL_TYPES.map((t) => [t, { schema: { type: 'string', description: 'one JSON article record a line' } }])),
        },
      },
    },
  }, async (req, reply) => {
    const ingest = await import('../ingest/index.js');
    const { formatProblem } = ingest;
    const items = bodyArticles(req.body, ingest);
    const problems = items.filter(ingest.isProblem);
    if (problems.length) {
      return reply.code(400).send({ error: 'bad_body', parameter: 'body', message: problems.map(formatProblem).join('; '), problems: problems.map(formatProblem) });
    }
    // The pipeline (its language models) loads on the first write, not at start: a server that
    // only reads starts in a fraction of a second.
    const [{ analyzeIngested }, { liveRegistry }] = await Promise.all([import('../pipeline.js'), import('../actors/live-registry.js')]);
    registry ??= liveRegistry(store);
    const articles = [];
    const failed = [];
    for (const item of items as IngestedArticle[]) {
      try {
        const doc = analyzeIngested(item, { registry });
        const { stored } = store.saveDoc(doc);
        if (stored) registry.saved();
        articles.push({ id: doc.meta.id, hash: doc.meta.hash, stored, events: doc.events });
      } catch (e) {
        failed.push({ origin: item.meta.origin, message: analysisFailure(item.meta.origin, e) });
      }
    }
    return reply.code(failed.length && !articles.length ? 422 : 200).send({ articles, failed });
  });
}

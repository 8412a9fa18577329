/**
 * The HTTP server of `acta serve`: Fastify with the API under /api/v1, every parameter checked
 * by its route's JSON Schema, and the OpenAPI 3.1 document generated from those schemas by
 * @fastify/swagger. Every answer is JSON, JSONL, CSV, GeoJSON or XML, never HTML built from
 * stored text, and carries a Content-Security-Policy and X-Content-Type-Options: nosniff.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/index.js';
import { actorRoutes } from './actors.js';
import { articleRoutes, JSONL_TYPES } from './articles.js';
import { countRoutes } from './counts.js';
import { countryRoutes } from './countries.js';
import { eventRoutes } from './events.js';
import { facetRoutes } from './facets.js';
import { digestRoutes } from './digest.js';
import { healthRoutes } from './health.js';
import { happeningRoutes } from './happenings.js';
import { networkRoutes } from './network.js';
import { placeRoutes } from './places.js';
import { BadParameter } from './params.js';

import { API_PREFIX } from './prefix.js';

export { API_PREFIX };

/** Bodies over this many bytes are refused with 413 (an article batch of a few MB goes through). */
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** The bearer token writes need; null: writing is off (POST answers 403). */
  token?: string | null;
  bodyLimit?: number;
  /** One line per request (method, path, status, ms); none when absent. */
  log?: (line: string) => void;
  version?: string;
  /** The built page's folder (default WEB_ROOT); a folder without index.html serves a notice instead. */
  webRoot?: string;
}

/** The API answers data, never pages: nothing may load, run or frame it. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The page runs only its own files: scripts, styles, images and requests from this server, no
 * inline script or style, no plugins, no framing. Article text is set as text, never as HTML,
 * so even a stored `<script>` is only words on the page.
 */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
  + "connect-src 'self'; font-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The built web page (`npm run build:web` → dist/web), beside this file's dist/server. */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/** The page at / when the web page was not built (only `tsc` ran): static, no script. */
const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>acta</title></head>
<body><h1>acta serve</h1>
<p>The web page is not built here (run <code>npm run build</code>). The API is at <a href="${API_PREFIX}/events">${API_PREFIX}/events</a>;
its OpenAPI 3.1 description at <a href="${API_PREFIX}/openapi.json">${API_PREFIX}/openapi.json</a>.</p>
</body></html>
`;

interface AjvError { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> }

/** The parameter a schema error is about: the unknown one, the missing one, or the one whose value failed. */
export function parameterOf(v: AjvError, context: string | undefined): string {
  const named = v.params?.additionalProperty ?? v.params?.missingProperty;
  if (typeof named === 'string') return named;
  const path = (v.instancePath ?? '').split('/').filter(Boolean)[0];
  return path ?? (context === 'body' ? 'body' : context ?? 'request');
}

function problemMessage(v: AjvError, parameter: string): string {
  if (v.params?.additionalProperty) return `${parameter}: unknown parameter`;
  if (v.keyword === 'enum' && Array.isArray(v.params?.allowedValues)) return `${parameter}: must be one of ${(v.params.allowedValues as string[]).join(', ')}`;
  return `${parameter}: ${v.message ?? 'bad value'}`;
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store, log } = opts;
  const token = opts.token ?? null;
  const app = Fastify({
    logger: false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // An unknown parameter is a 400, not dropped; "limit=5" becomes 5.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false, allowUnionTypes: true } },
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('Content-Security-Policy', req.url.startsWith(API_PREFIX) ? API_CSP : PAGE_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    return payload;
  });
  if (log) {
    app.addHook('onResponse', async (req, reply) => {
      log(`${req.method} ${req.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }

  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req, reply) => {
    if (err.validation && err.validation.length) {
      const parameter = parameterOf(err.validation[0], err.validationContext);
      return reply.code(400).send({ error: 'bad_parameter', parameter, message: problemMessage(err.validation[0], parameter) });
    }
    if (err instanceof BadParameter) return reply.code(400).send({ error: 'bad_parameter', parameter: err.parameter, message: err.message });
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own: 413 body too large, 415 a type it does not read, 400 malformed JSON.
      return reply.code(status).send({ error: err.code ?? 'bad_request', message: err.message });
    }
    log?.(`error: ${req.method} ${req.url}: ${err.stack ?? err.message}`);
    return reply.code(500).send({ error: 'internal', message: 'internal error (see the server log)' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  // Bodies are JSON or JSONL; plain text is no article record (415, not read as JSONL).
  app.removeContentTypeParser('text/plain');
  for (const type of JSONL_TYPES) app.addContentTypeParser(type, { parseAs: 'string' }, (req, body, done) => done(null, body));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'acta API', version: opts.version ?? '0.1.0', description: 'Event data coded by acta (PLOVER, CAMEO), each field traced to its words.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });

  await app.register(async (api) => {
    await eventRoutes(api, store);
    await happeningRoutes(api, store);
    await facetRoutes(api, store);
    await digestRoutes(api, store);
    await countRoutes(api, store);
    await networkRoutes(api, store);
    await placeRoutes(api, store);
    await countryRoutes(api);
    await actorRoutes(api, store);
    await articleRoutes(api, store, token);
    await healthRoutes(api, store, token !== null);
    api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  }, { prefix: API_PREFIX });

  const webRoot = opts.webRoot ?? WEB_ROOT;
  if (existsSync(`${webRoot}/index.html`)) {
    // Hashed asset names (Vite) may be cached for good; index.html is asked again each time.
    await app.register(fastifyStatic, {
      root: webRoot, index: 'index.html', wildcard: false, serveDotFiles: false,
      setHeaders: (reply, path) => reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
  }

  return app;
}

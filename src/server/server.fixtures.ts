/** A server over the fixture store for the API's tests, answering through Fastify's inject (no socket). Not shipped. */
import type { FastifyInstance } from 'fastify';
import { fixtureStore } from '../store/explore.fixtures.js';
import type { Store } from '../store/index.js';
import { buildServer, type ServerOptions } from './app.js';

export interface TestServer { app: FastifyInstance; store: Store; lines: string[] }

export async function testServer(t: { after: (fn: () => void | Promise<void>) => void }, opts: Partial<ServerOptions> & { extra?: number } = {}): Promise<TestServer> {
  const store = opts.store ?? fixtureStore(t, opts.extra ?? 30);
  const lines: string[] = [];
  const app = await buildServer({ store, log: (l) => lines.push(l), ...opts });
  t.after(() => app.close());
  return { app, store, lines };
}

/** GET a path and parse its JSON. */
export async function getJson(app: FastifyInstance, url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body, headers: r.headers };
}

/** `GET /api/v1/health`: whether the server answers and what its store holds. */
import type { FastifyInstance } from 'fastify';
import { SCHEMA_VERSION, type Store } from '../store/index.js';

export async function healthRoutes(app: FastifyInstance, store: Store, writable: boolean): Promise<void> {
  app.get('/health', { schema: { summary: 'Server and store status', tags: ['server'] } }, async () => ({
    status: 'ok', schema_version: SCHEMA_VERSION, articles: store.countArticles(), events: store.countEvents(), happenings: store.happenings.count(),
    // Whether POST /articles is open: only with a token.
    writable,
  }));
}

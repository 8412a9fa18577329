/** `GET /api/v1/network`: actor–recipient dyads of the events matching, with counts by QuadClass; JSON, GEXF or GraphML. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { gexf, graphml, networkNodes } from './formats.js';
import { AnswerCache, answerKey, type Answer } from './answer-cache.js';
import { eventQuery, querySchema, type EventFilterParams } from './params.js';

export const NETWORK_FORMATS = ['json', 'gexf', 'graphml'] as const;

type NetworkParams = EventFilterParams & { format?: (typeof NETWORK_FORMATS)[number]; min_count?: number; limit?: number };

export async function networkRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const cache = new AnswerCache(() => store.explore.version());
  app.get<{ Querystring: NetworkParams }>('/network', {
    schema: {
      summary: 'Actor network',
      description: 'Sides as nodes (a code, else a name), dyads actor→recipient as edges with their events counted by QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and their mean Goldstein value.',
      tags: ['events'],
      querystring: querySchema({
        min_count: { type: 'integer', minimum: 1, default: 1, description: 'leave out dyads with fewer events' },
        limit: { type: 'integer', minimum: 1, maximum: 100000, description: 'keep only the dyads with most events, this many (a readable picture); `dyads_total` counts them all' },
        format: { type: 'string', enum: [...NETWORK_FORMATS], default: 'json' },
      }),
    },
  }, async (req, reply) => {
    const p = req.query;
    const key = answerKey('network', p);
    const kept = cache.get(key);
    if (kept) return reply.type(kept.type).send(kept.body);
    const all = store.explore.dyads(eventQuery(p)).filter((d) => d.count >= (p.min_count ?? 1));
    // Most events first already: the limit keeps the strongest ties.
    const dyads = p.limit === undefined ? all : all.slice(0, p.limit);
    let answer: Answer;
    switch (p.format ?? 'json') {
      case 'gexf': answer = { type: 'application/gexf+xml; charset=utf-8', body: gexf(dyads) }; break;
      case 'graphml': answer = { type: 'application/graphml+xml; charset=utf-8', body: graphml(dyads) }; break;
      default:
        answer = {
          type: 'application/json; charset=utf-8',
          body: JSON.stringify({
            nodes: networkNodes(dyads),
            edges: dyads.map((d) => ({ source: d.actor, target: d.recipient, count: d.count, by_quad_class: d.byQuadClass, goldstein: d.goldstein })),
            dyads_total: all.length,
          }),
        };
    }
    cache.set(key, answer);
    return reply.type(answer.type).send(answer.body);
  });
}

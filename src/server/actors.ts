/** `GET /api/v1/actors` and `GET /api/v1/actors/{id}`: the actor registry the store learned. */
import type { FastifyInstance } from 'fastify';
import { actorRecord } from '../cli/actors.js';
import type { Store } from '../store/index.js';
import { BadParameter, NO_CONTROLS } from './params.js';
import { countryInfo } from '../places/countries.js';

type ActorsParams = { search?: string; country?: string; limit?: number };

export async function actorRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get<{ Querystring: ActorsParams }>('/actors', {
    schema: {
      summary: 'The actor registry',
      description: 'Every person and organisation met with a code, with its names, code, evidence and when first and last seen; most often met first.',
      tags: ['actors'],
      querystring: {
        type: 'object', additionalProperties: false, properties: {
          search: { type: 'string', minLength: 1, maxLength: 200, pattern: NO_CONTROLS, description: 'a name or part of one (spelling variants match), or a code prefix' },
          country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166 alpha-3' },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
        },
      },
    },
  }, async (req) => {
    const { search, country, limit } = req.query;
    if (country !== undefined && !countryInfo(country)) throw new BadParameter('country', `unknown ISO 3166 alpha-3 code "${country}"`);
    return { actors: store.listActors({ search, country: country?.toUpperCase(), limit: limit ?? 100 }).map(actorRecord) };
  });

  app.get<{ Params: { id: number } }>('/actors/:id', {
    schema: {
      summary: 'One actor of the registry',
      tags: ['actors'],
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
    },
  }, async (req, reply) => {
    const entry = store.getActor(req.params.id);
    if (!entry) return reply.code(404).send({ error: 'not_found', message: `no actor ${req.params.id}` });
    return actorRecord(entry);
  });
}

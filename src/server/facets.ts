/**
 * `GET /api/v1/facets`: the values the page's filter bar offers — the PLOVER event types, the
 * realis and certainty values, and the countries the stored events involve, with their names —
 * so the page never carries a copy of the project's tables.
 */
import type { FastifyInstance } from 'fastify';
import { ploverTypes } from '../events/ontology.js';
import { countryInfo } from '../places/countries.js';
import type { Store } from '../store/index.js';
import { EVENT_FILTER_PROPERTIES } from './params.js';

/** The facets of a store: every value is one the matching filter of /events accepts. */
export function facetsOf(store: Store) {
  return {
    event_types: ploverTypes().map((t) => ({ event: t.event, quad_class: t.quad_class, description: t.description })),
    realis: [...EVENT_FILTER_PROPERTIES.realis.enum],
    certainty: [...EVENT_FILTER_PROPERTIES.certainty.enum],
    // Only codes the country filter accepts: one the country table lacks (a user's own) cannot be asked for.
    countries: store.explore.eventCountries().flatMap((c) => {
      const info = countryInfo(c.code);
      return info ? [{ ...c, name: info.name }] : [];
    }),
  };
}

export async function facetRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get('/facets', {
    schema: {
      summary: 'The values the event filters take',
      description: 'The PLOVER event types (`event`), the `realis` and `certainty` values, and the countries (`country`) that the stored events involve as actor, recipient or place, with their names and events (of any realis), most first.',
      tags: ['events'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
    },
  }, async () => facetsOf(store));
}

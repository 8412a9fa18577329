/**
 * `GET /api/v1/places`: where the events matching happened, in the shape a map draws without
 * reading every event: one small point per event placed finer than its country (most reported
 * first, up to a limit), a count per country for the events known only to their country, and
 * how many have no place at all.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { eventQuery, querySchema, type EventFilterParams } from './params.js';

export const DEFAULT_POINTS = 10000;
export const MAX_POINTS = 50000;

type PlacesParams = EventFilterParams & { limit?: number };

export async function placeRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get<{ Querystring: PlacesParams }>('/places', {
    schema: {
      summary: 'Where the events happened, for a map',
      description: 'Events placed finer than a country (a site, town, county or state with coordinates) as points {id, event, date, lat, lon, reports}, '
        + 'most reported first, at most `limit` of them (`points_total` counts them all); events placed only to a country '
        + '(its reference point names no spot) counted by that country (ISO 3166 alpha-3) in `countries`; events with no place in `unplaced`.',
      tags: ['events'],
      querystring: querySchema({
        limit: { type: 'integer', minimum: 0, maximum: MAX_POINTS, default: DEFAULT_POINTS, description: `points at most (up to ${MAX_POINTS})` },
      }),
    },
  }, async (req) => {
    const p = req.query;
    const found = store.explore.places(eventQuery(p), p.limit ?? DEFAULT_POINTS);
    return { points: found.points, points_total: found.pointsTotal, countries: found.countries, unplaced: found.unplaced };
  });
}

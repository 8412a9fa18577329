/** `GET /api/v1/countries`: the countries acta knows, with the codes a page needs to draw and name them. */
import type { FastifyInstance } from 'fastify';
import { allCountries } from '../places/countries.js';
import { countryCodes } from '../export/country-codes.js';

export async function countryRoutes(app: FastifyInstance): Promise<void> {
  app.get('/countries', {
    schema: {
      summary: 'Countries and their codes',
      description: 'Every country and territory acta codes: ISO 3166-1 alpha-3 (what the `country` filter takes), alpha-2, '
        + 'numeric (the id of its outline in Natural Earth / world-atlas; null where ISO gives none) and English name.',
      tags: ['places'],
      querystring: { type: 'object', additionalProperties: false, properties: {} },
    },
  }, async () => ({
    countries: allCountries().map((c) => ({ iso3: c.iso3, iso2: c.iso2, numeric: countryCodes(c.iso3)?.isoNumeric ?? null, name: c.name })),
  }));
}

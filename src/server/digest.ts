/**
 * `GET /api/v1/digest`: the digest `acta digest` makes, for the page's "Download digest" — the same
 * selection, model and renderers, answered as a file to save (Content-Disposition: attachment).
 * Without a period it covers the 30 days up to the newest stored event.
 */
import type { FastifyInstance } from 'fastify';
import { ploverTypes } from '../events/ontology.js';
import { countryInfo } from '../places/countries.js';
import { isCalendarDate } from '../cli/args.js';
import { addDays } from '../digest/selection.js';
import type { Store } from '../store/index.js';
import { BadParameter, NO_CONTROLS } from './params.js';

export const DIGEST_API_FORMATS = ['html', 'md', 'pdf'] as const;
const DAY = '^\\d{4}-\\d{2}-\\d{2}$';
const LIST = (description: string) => ({ type: 'string', minLength: 1, maxLength: 500, pattern: NO_CONTROLS, description }) as const;

interface DigestParams { from?: string; to?: string; country?: string; admin1?: string; actor?: string; event?: string; text?: string; format?: (typeof DIGEST_API_FORMATS)[number] }

const split = (v: string | undefined) => (v === undefined ? [] : v.split(',').map((x) => x.trim()).filter(Boolean));

export async function digestRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get<{ Querystring: DigestParams }>('/digest', {
    schema: {
      summary: 'A digest of a period, to download',
      description: 'What `acta digest` makes: headline figures against the previous period, a timeline, a map, top actors and dyads, the key happenings each in one sentence with its quote and sources, data quality, method and sources. Lists are comma-separated; a happening matching any value counts. Without from/to: the 30 days up to the newest stored event.',
      tags: ['exports'],
      querystring: {
        type: 'object', additionalProperties: false, properties: {
          from: { type: 'string', pattern: DAY, description: 'first day, YYYY-MM-DD' },
          to: { type: 'string', pattern: DAY, description: 'last day, YYYY-MM-DD' },
          country: LIST('ISO 3166 alpha-3 codes, comma-separated'),
          admin1: LIST('first-level divisions, comma-separated'),
          actor: LIST('actor names or code prefixes, comma-separated'),
          event: LIST('PLOVER types, comma-separated'),
          text: LIST('full-text search over the articles'),
          format: { type: 'string', enum: [...DIGEST_API_FORMATS], default: 'html' },
        },
      },
    },
  }, async (req, reply) => {
    const p = req.query;
    for (const key of ['from', 'to'] as const) if (p[key] !== undefined && !isCalendarDate(p[key] as string)) throw new BadParameter(key, `must be a day of the calendar (got "${p[key]}")`);
    const newest = store.explore.eventPage({ realis: 'actual' }, '-date', null, 1).events[0]?.date?.slice(0, 10);
    const to = p.to ?? (p.from ? addDays(p.from, 29) : newest ?? new Date().toISOString().slice(0, 10));
    const from = p.from ?? addDays(to, -29);
    if (from > to) throw new BadParameter('from', `${from} is after to ${to}`);
    const countries = split(p.country).map((c) => c.toUpperCase());
    for (const c of countries) if (!countryInfo(c)) throw new BadParameter('country', `unknown ISO 3166 alpha-3 code "${c}"`);
    const types = ploverTypes().map((t) => t.event);
    const events = split(p.event).map((e) => e.toUpperCase());
    for (const e of events) if (!types.includes(e)) throw new BadParameter('event', `must be PLOVER event types: ${types.join(', ')}`);
    // (the digest and its PDF library load on the first request, not with the server)
    const { buildDigest } = await import('../digest/model.js');
    const digest = buildDigest(store, { from, to, countries, admin1: split(p.admin1), actors: split(p.actor), events, text: p.text });
    const format = p.format ?? 'html';
    const name = `acta-digest-${from}-${to}.${format}`;
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'pdf') return reply.type('application/pdf').send(await (await import('../digest/pdf.js')).digestPdf(digest));
    if (format === 'md') return reply.type('text/markdown; charset=utf-8').send((await import('../digest/markdown.js')).digestMarkdown(digest));
    return reply.type('text/html; charset=utf-8').send((await import('../digest/html.js')).digestHtml(digest));
  });
}

/**
 * The parameters the API's routes share: the JSON Schema of the event filters (which Fastify
 * checks, and @fastify/swagger describes in the OpenAPI document), and the checks a schema
 * cannot make (a real calendar day, a known country or event type), each failing as a 400
 * that names the parameter.
 */
import { REALIS_VALUES } from '../events/realis.js';
import { ploverTypes } from '../events/ontology.js';
import { countryInfo } from '../places/countries.js';
import { isCalendarDate } from '../cli/args.js';
import type { EventQuery } from '../store/index.js';

/** A parameter the route's schema let through but its value cannot be: answered 400, naming it. */
export class BadParameter extends Error {
  readonly statusCode = 400;
  constructor(readonly parameter: string, message: string) {
    super(`${parameter}: ${message}`);
  }
}

const CERTAINTIES = ['asserted', 'reported', 'alleged', 'denied', 'hypothetical', 'future'] as const;

const NUMBER = '-?\\d+(?:\\.\\d+)?';
/**
 * No control characters in a text filter: nothing in a name or a search needs them, and SQLite
 * ends a string at a NUL, so "x\u0000" would search for "" and match everything.
 */
/** The path parameter of a route that takes an article's or event's id or hash. */
export const TEXT_ID_PARAMS = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'] } as const;

export const NO_CONTROLS = '^[^\\u0000-\\u001f\\u007f]*$';
const text = (description: string, maxLength = 200) => ({ type: 'string', minLength: 1, maxLength, pattern: NO_CONTROLS, description }) as const;

/** The filters of every route over events (/events, /counts, /network): JSON Schema properties. */
export const EVENT_FILTER_PROPERTIES = {
  from: { type: 'string', pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$', description: 'events on or after this date: YYYY, YYYY-MM or YYYY-MM-DD' },
  to: { type: 'string', pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$', description: 'events on or before this date' },
  event: text('PLOVER event type (ASSAULT, PROTEST, …)', 40),
  actor: text('an actor whose name or text contains this, or whose code starts with it'),
  recipient: text('the same, for recipients'),
  code: text('prefix of an actor or recipient code (IRQ, USAGOV)', 40),
  country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166 alpha-3 of any actor, recipient or the place' },
  text: text('full-text search over the articles: every word must appear; "a phrase"; milit* for words that begin so', 500),
  realis: { type: 'string', enum: [...REALIS_VALUES, 'any'], default: 'actual', description: 'actual (default): what the articles say happened; future, hypothetical, negated, or any' },
  certainty: { type: 'string', enum: [...CERTAINTIES], description: 'how sure the source is' },
  bbox: { type: 'string', pattern: `^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`, description: 'west,south,east,north in degrees (west > east crosses the antimeridian)' },
  near: { type: 'string', pattern: `^${NUMBER},${NUMBER},${NUMBER}$`, description: 'lat,lon,km: events placed within km of the point' },
  admin1: text('first-level division of the place (case-insensitive)'),
  mode: text('a PLOVER mode the event has (riot, air, …)', 60),
  context: text('a PLOVER context the event has (military, economic, …)', 60),
  source: text('the attribution\'s source name contains this; "author" for what the article asserts itself'),
  min_reports: { type: 'integer', minimum: 1, maximum: 1000, description: 'told at least this many times in its article (mentions)' },
  article: text('the article\'s hash or id'),
} as const;

export type EventFilterParams = { [K in keyof typeof EVENT_FILTER_PROPERTIES]?: K extends 'min_reports' ? number : string };

function numbers(s: string): number[] { return s.split(',').map(Number); }

/** The store's query from checked parameters; a value no schema can judge (a 30 February) is a BadParameter. */
export function eventQuery(p: EventFilterParams): EventQuery {
  for (const key of ['from', 'to'] as const) {
    const v = p[key];
    if (v !== undefined && !isCalendarDate(v)) throw new BadParameter(key, `must be a year, month or day of the calendar (got "${v}")`);
  }
  if (p.from !== undefined && p.to !== undefined && p.from > `${p.to}~`) throw new BadParameter('from', `${p.from} is after to ${p.to}`);
  let event: string | undefined;
  if (p.event !== undefined) {
    const types = ploverTypes().map((t) => t.event);
    event = p.event.toUpperCase();
    if (!types.includes(event)) throw new BadParameter('event', `must be a PLOVER event type: ${types.join(', ')}`);
  }
  if (p.country !== undefined && !countryInfo(p.country)) throw new BadParameter('country', `unknown ISO 3166 alpha-3 code "${p.country}"`);
  let bbox: EventQuery['bbox'];
  if (p.bbox !== undefined) {
    const [west, south, east, north] = numbers(p.bbox);
    if ([west, east].some((x) => x < -180 || x > 180)) throw new BadParameter('bbox', 'longitudes must lie from -180 to 180');
    if ([south, north].some((x) => x < -90 || x > 90) || south > north) throw new BadParameter('bbox', 'latitudes must lie from -90 to 90, south first');
    bbox = [west, south, east, north];
  }
  let near: EventQuery['near'];
  if (p.near !== undefined) {
    const [lat, lon, km] = numbers(p.near);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new BadParameter('near', 'want lat (-90..90),lon (-180..180),km');
    if (!(km > 0) || km > 20040) throw new BadParameter('near', 'km must be above 0 and at most 20040 (half the earth round)');
    near = { lat, lon, km };
  }
  return {
    from: p.from, to: p.to, event, actor: p.actor, recipient: p.recipient, code: p.code,
    country: p.country?.toUpperCase(), text: p.text,
    realis: p.realis === 'any' ? undefined : ((p.realis ?? 'actual') as EventQuery['realis']),
    certainty: p.certainty as EventQuery['certainty'], bbox, near, admin1: p.admin1, mode: p.mode, context: p.context,
    source: p.source, minReports: p.min_reports, article: p.article,
  };
}

/** The querystring schema of a route: the event filters and its own parameters; any other parameter is a 400. */
export function querySchema(own: Record<string, object>, withFilters = true) {
  return { type: 'object', additionalProperties: false, properties: { ...(withFilters ? EVENT_FILTER_PROPERTIES : {}), ...own } } as const;
}

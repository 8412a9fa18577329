/**
 * `GET /api/v1/happenings` (the stored happenings, filtered, in pages), `GET /api/v1/happenings/{id}`
 * (one with its reports; a merged id answers as its survivor) and `GET /api/v1/changes` (the
 * change feed): what `acta events` and `acta changes` print.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../store/index.js';
import { changeCursor, nextChangeCursor, type HappeningKeyset, type HappeningRecord } from '../store/happenings.js';
import { BadParameter, eventQuery, querySchema, TEXT_ID_PARAMS, type EventFilterParams } from './params.js';

export const DEFAULT_HAPPENINGS = 100;
export const MAX_HAPPENINGS = 1000;
export const MAX_CHANGES = 10_000;

export type HappeningsParams = EventFilterParams & { min_sources?: number; cursor?: string; limit?: number };

/** A page's end as the `cursor` the next page is asked with. */
function encodeKeyset(k: HappeningKeyset): string {
  return Buffer.from(JSON.stringify({ h: k })).toString('base64url');
}

function decodeKeyset(cursor: string): HappeningKeyset {
  let v: unknown;
  try { v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { v = null; }
  const k = (v as { h?: unknown } | null)?.h;
  if (!Array.isArray(k) || k.length !== 3 || typeof k[0] !== 'number' || typeof k[1] !== 'string' || !Number.isInteger(k[2])) {
    throw new BadParameter('cursor', 'not a cursor this API gave');
  }
  return k as HappeningKeyset;
}

/** A page of the happenings the filters match, as `/happenings` answers it (`/events` too), its next cursor also in `X-Next-Cursor`. */
export function happeningPage(store: Store, p: HappeningsParams, reply: FastifyReply): { happenings: HappeningRecord[]; next_cursor: string | null } {
  const after = p.cursor === undefined ? null : decodeKeyset(p.cursor);
  const page = store.happenings.page({ ...eventQuery(p), minSources: p.min_sources }, after, p.limit ?? DEFAULT_HAPPENINGS);
  const next = page.next ? encodeKeyset(page.next) : null;
  if (next) reply.header('X-Next-Cursor', next);
  return { happenings: page.happenings, next_cursor: next };
}

export async function happeningRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get<{ Querystring: HappeningsParams }>('/happenings', {
    schema: {
      summary: 'Happenings: reports of one real-world event across articles, merged at ingest',
      description: 'One record per happening, in date order (undated last): its stable `id`, the fields its reports decide (date, place, sides, casualties) with their `disagreements`, '
        + '`reports`, `articles` and `sources` (distinct outlets), `first_report` and `last_report` (publication days), and the `representative` report with its evidence. '
        + 'A happening is listed when one of its reports matches every filter (those of `/events`); `min_sources` keeps the ones told by that many outlets. '
        + 'Pages: pass `next_cursor` as `cursor` with the same filters. `/events` answers the same (and in other formats); `/events?reports=true` lists the reports themselves.',
      tags: ['happenings'],
      querystring: querySchema({
        min_sources: { type: 'integer', minimum: 1, maximum: 10000, description: 'only happenings reported by at least this many outlets (articles with no outlet known count as one source when no outlet is known)' },
        cursor: { type: 'string', minLength: 1, maxLength: 400, description: 'where the previous page ended' },
        limit: { type: 'integer', minimum: 1, maximum: MAX_HAPPENINGS, default: DEFAULT_HAPPENINGS, description: `happenings a page (at most ${MAX_HAPPENINGS})` },
      }),
    },
  }, async (req, reply) => happeningPage(store, req.query, reply));

  app.get<{ Params: { id: string } }>('/happenings/:id', {
    schema: {
      summary: 'One happening with its reports',
      description: 'The happening and each of its reports: the article (hash, id, title, outlet, publication day), the event as that article codes it, and the sentences that tell it. '
        + 'An id merged into another answers as the survivor, with `redirected_from` naming the id asked; a happening whose last report is gone is a 410 naming it.',
      tags: ['happenings'],
      params: TEXT_ID_PARAMS,
    },
  }, async (req, reply) => {
    const found = store.happenings.get(req.params.id);
    if (found === null) return reply.code(404).send({ error: 'not_found', message: `no happening "${req.params.id}"` });
    if ('deleted' in found) {
      return reply.code(410).send({ error: 'gone', message: `happening "${found.deleted}" was deleted: its reports are gone`, id: found.deleted, redirected_from: found.redirectedFrom });
    }
    return { happening: found.record, redirected_from: found.redirectedFrom, reports: found.reports };
  });

  app.get<{ Querystring: { since?: string; limit?: number } }>('/changes', {
    schema: {
      summary: 'The change feed of happenings',
      description: 'The happenings created, updated, merged (with the `survivor` id they now answer as) and deleted, oldest first, each with its sequence number `seq` and time `at`. '
        + '`since` is a sequence number (the changes after it: pass the `next_cursor` of the last answer) or an ISO 8601 day or time (the changes at or after it); from the first change when absent. '
        + 'A copy kept in sync asks again from `next_cursor`, which is the last change\'s `seq` (or `since` when nothing came).',
      tags: ['happenings'],
      querystring: querySchema({
        since: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9T:.+ Z-]+$', description: 'a sequence number, or an ISO 8601 day or time (UTC unless an offset is given)' },
        limit: { type: 'integer', minimum: 1, maximum: MAX_CHANGES, default: 1000, description: `changes a page (at most ${MAX_CHANGES})` },
      }, false),
    },
  }, async (req) => {
    const since = req.query.since;
    const from = since === undefined ? { afterSeq: 0 } : changeCursor(since);
    if (from === null) throw new BadParameter('since', `must be a change's sequence number or an ISO 8601 day or time (got "${since}")`);
    const changes = store.happenings.changes(from, req.query.limit ?? 1000);
    return { changes, next_cursor: String(nextChangeCursor(from, changes, store.happenings.lastSeq)) };
  });
}

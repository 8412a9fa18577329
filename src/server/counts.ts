/** `GET /api/v1/counts`: time series of the events matching, by type, country, division, actor or dyad, with a baseline. */
import type { FastifyInstance } from 'fastify';
import { COUNT_BY, INTERVALS, type CountBy, type CountRow, type Interval, type Store } from '../store/index.js';
import { AnswerCache, answerKey } from './answer-cache.js';
import { BadParameter, eventQuery, querySchema, type EventFilterParams } from './params.js';

/** More periods than a chart can show or a request should build: narrow the dates or take a longer interval. */
export const MAX_PERIODS = 5000;

/** The period after `p`: the next day, the Monday a week on, or the next month (YYYY-MM). */
export function nextPeriod(p: string, interval: Interval): string {
  if (interval === 'month') {
    const [y, m] = p.split('-').map(Number);
    return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${p}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Every period from the first to the last, none skipped (a period with no events counts 0); null past `max`. */
export function periodRange(first: string, last: string, interval: Interval, max = MAX_PERIODS): string[] | null {
  const out = [first];
  while (out[out.length - 1] < last) {
    if (out.length >= max) return null;
    out.push(nextPeriod(out[out.length - 1], interval));
  }
  return out;
}

/**
 * Each period's change against the mean of the `n` periods before it (ACLED's Trendfinder idea):
 * null for the first n periods, which have no full baseline.
 */
export function baselineChange(counts: number[], n: number): { mean: (number | null)[]; change: (number | null)[] } {
  const mean: (number | null)[] = [];
  const change: (number | null)[] = [];
  let window = 0;
  counts.forEach((c, i) => {
    if (i >= n) {
      const m = window / n;
      mean.push(Math.round(m * 1000) / 1000);
      change.push(Math.round((c - m) * 1000) / 1000);
    } else { mean.push(null); change.push(null); }
    window += c;
    if (i >= n) window -= counts[i - n];
  });
  return { mean, change };
}

/** Rows of (period, key, count) as one series a key over every period, most events first. */
export function toSeries(rows: CountRow[], periods: string[], baseline: number | undefined) {
  const index = new Map(periods.map((p, i) => [p, i]));
  const byKey = new Map<string | null, number[]>();
  for (const r of rows) {
    const counts = byKey.get(r.key) ?? new Array(periods.length).fill(0);
    counts[index.get(r.period) as number] += r.count;
    byKey.set(r.key, counts);
  }
  return [...byKey].map(([key, counts]) => ({
    key, total: counts.reduce((a, b) => a + b, 0), counts,
    ...(baseline !== undefined ? baselineChange(counts, baseline) : {}),
  })).sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key)));
}

type CountsParams = EventFilterParams & { interval?: Interval; by?: CountBy; baseline?: number };

export async function countRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const cache = new AnswerCache(() => store.explore.version());
  app.get<{ Querystring: CountsParams }>('/counts', {
    schema: {
      summary: 'Counts of events by period',
      description: 'One series per key (event type, place country, first-level division, actor code or name, actor>recipient): counts[i] is the number of events in periods[i]. An event with two actors counts for each. Events whose date is less precise than the interval are counted in `imprecise`, undated ones in `undated`. With baseline=N, each series also has `mean` (of the N periods before) and `change` (count minus that mean).',
      tags: ['events'],
      querystring: querySchema({
        interval: { type: 'string', enum: [...INTERVALS], default: 'month' },
        by: { type: 'string', enum: [...COUNT_BY], default: 'event' },
        baseline: { type: 'integer', minimum: 1, maximum: 366, description: 'periods before each one to compare it with' },
      }),
    },
  }, async (req, reply) => {
    const p = req.query;
    const key = answerKey('counts', p);
    const kept = cache.get(key);
    if (kept) return reply.type(kept.type).send(kept.body);
    const interval = p.interval ?? 'month';
    const by = p.by ?? 'event';
    const result = store.explore.countSeries(eventQuery(p), interval, by);
    const found = result.rows.map((r) => r.period).sort();
    const periods = found.length ? periodRange(found[0], found[found.length - 1], interval) : [];
    if (periods === null) throw new BadParameter('interval', `the events span more than ${MAX_PERIODS} ${interval}s: narrow from/to or take a longer interval`);
    const answer = {
      type: 'application/json; charset=utf-8',
      body: JSON.stringify({
        interval, by, baseline: p.baseline ?? null, periods,
        series: toSeries(result.rows, periods, p.baseline),
        imprecise: result.imprecise, undated: result.undated,
      }),
    };
    cache.set(key, answer);
    return reply.type(answer.type).send(answer.body);
  });
}

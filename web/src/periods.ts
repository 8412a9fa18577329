/**
 * The timeline's periods as the API names them (/counts: a day YYYY-MM-DD, a week by its
 * Monday, a month YYYY-MM) and the period filter (from/to) a run of them makes.
 */
import type { Interval } from './state.js';

/** The first instant of a period (UTC). */
export function periodStart(period: string, interval: Interval): Date {
  return new Date(interval === 'month' ? `${period}-01T00:00:00Z` : `${period}T00:00:00Z`);
}

/** The first instant after a period (UTC): the next day, the next Monday, the next month's first. */
export function periodEnd(period: string, interval: Interval): Date {
  const d = periodStart(period, interval);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  return d;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The filter of the periods first…last: from the first's first day to the last's last (months as YYYY-MM, which the API reads as whole months). */
export function periodFilter(first: string, last: string, interval: Interval): { from: string; to: string } {
  if (interval === 'month') return { from: first, to: last };
  const end = periodEnd(last, interval);
  end.setUTCDate(end.getUTCDate() - 1);
  return { from: first, to: day(end) };
}

/** The index of the period an instant falls in (clamped to the periods given, which are in order). */
export function periodIndexAt(periods: readonly string[], interval: Interval, at: Date): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (periodStart(periods[mid], interval) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The periods a from/to filter covers, as indexes [first, last]; null when there is no filter or it covers none of them. */
export function filteredRange(periods: readonly string[], interval: Interval, from?: string, to?: string): [number, number] | null {
  if ((!from && !to) || periods.length === 0) return null;
  // A filter's bounds as instants: from's first day, to's last (a YYYY or YYYY-MM bound spans its year or month).
  const lower = from ? boundStart(from) : periodStart(periods[0], interval);
  const upper = to ? boundEnd(to) : periodEnd(periods[periods.length - 1], interval);
  let first = -1;
  let last = -1;
  periods.forEach((p, i) => {
    if (periodEnd(p, interval) > lower && periodStart(p, interval) < upper) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : [first, last];
}

function boundStart(b: string): Date {
  return new Date(`${b.length === 4 ? `${b}-01-01` : b.length === 7 ? `${b}-01` : b}T00:00:00Z`);
}

function boundEnd(b: string): Date {
  const d = boundStart(b);
  if (b.length === 4) d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (b.length === 7) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

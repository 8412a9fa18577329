/**
 * dates: the days a report's happening could have been on, by the precision its date is given
 * at, and how far apart two reports' days are. A report dated to the month ("in March") could be
 * on any day of it; one with no date of its own tells an act before its article came out.
 */
import type { CodedEvent } from '../doc/types.js';

export interface DayRange {
  /** First and last possible day, YYYY-MM-DD. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: string, n: number): string {
  return new Date(toMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from a to b (positive when b is later). */
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY_MS);

/**
 * How far back an undated act may lie from its article's day. A wire story that tells an act
 * without a date tells one of the current news cycle ("the attack", "Iran's deployment"); older
 * background is given a date ("last year", "in 1986"). A week is one cycle of weekly papers and
 * of the weekday names reports use, the longest a dateless "the attack" is read as recent.
 */
export const UNDATED_LOOKBACK_DAYS = 7;

const isDay = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The days an event could have been on, or null when nothing bounds them (no date and no publication day). */
export function possibleDays(e: CodedEvent, published: string | null): DayRange | null {
  const d = e.date ?? '';
  if (e.date_precision === 'day' && isDay(d)) return { from: d, to: d };
  if (e.date_precision === 'month' && /^\d{4}-\d{2}/.test(d)) {
    const first = `${d.slice(0, 7)}-01`;
    return { from: first, to: addDays(addDays(first, 31).slice(0, 7) + '-01', -1) };
  }
  if (e.date_precision === 'year' && /^\d{4}/.test(d)) return { from: `${d.slice(0, 4)}-01-01`, to: `${d.slice(0, 4)}-12-31` };
  const pub = published?.slice(0, 10);
  if (isDay(pub)) return { from: addDays(pub, -UNDATED_LOOKBACK_DAYS), to: pub };
  return null;
}

/** Days between two ranges: 0 when they overlap, else the days from the end of the earlier to the start of the later. */
export function rangeGap(a: DayRange, b: DayRange): number {
  if (a.to < b.from) return daysBetween(a.to, b.from);
  if (b.to < a.from) return daysBetween(b.to, a.from);
  return 0;
}

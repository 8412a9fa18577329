/**
 * Calendar arithmetic on plain year/month/day triples (no time zones: a
 * publication date is a calendar day, not an instant) and the TIMEX3 value
 * formats built from them.
 */

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

/** "2021-01-18" → {y:2021,m:1,d:18}; null for anything else. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const ymd = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function toUtc(a: Ymd): Date {
  const t = new Date(Date.UTC(2000, a.m - 1, a.d));
  t.setUTCFullYear(a.y);
  return t;
}

function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(a: Ymd, n: number): Ymd {
  const t = toUtc(a);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** Month arithmetic on (year, month) only. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(a: Ymd): number {
  return toUtc(a).getUTCDay();
}

/** Days from a to b (b − a). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86400000);
}

/** ISO 8601 week: the year it belongs to and its number. */
export function isoWeek(a: Ymd): { y: number; w: number } {
  const t = toUtc(a);
  const day = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - day + 3); // Thursday of this week
  const isoYear = t.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(isoYear, 0, 4));
  const fday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - fday + 3);
  const w = 1 + Math.round((t.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return { y: isoYear, w };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad4 = (n: number): string => String(n).padStart(4, '0');

export function dayValue(a: Ymd): string {
  return `${pad4(a.y)}-${pad2(a.m)}-${pad2(a.d)}`;
}

export function monthValue(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function weekValue(a: Ymd): string {
  const { y, w } = isoWeek(a);
  return `${pad4(y)}-W${pad2(w)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/**
 * The year for a month (and optional day) named without a year, seen from
 * the anchor: news mostly looks back, so a date more than `aheadDays` after
 * the anchor belongs to the previous year, and one more than a year before
 * it to the next year (seen in late December about early January).
 */
export function yearForMonthDay(anchor: Ymd, m: number, d: number | null, aheadDays = 62, tense: 'future' | 'past' | null = null): number {
  // Past-tense cues are too weak to rule out a date a few weeks ahead
  // ("approved a payment due Dec. 7"), so only the future tense changes the reading.
  if (tense === 'future') {
    // Future tense: the next such date on or after the anchor (this month
    // counts; so does a day of the last week, reported a little late:
    // "must leave by Jan. 14" in a story of Jan. 15).
    const later = d == null ? m >= anchor.m : daysBetween(anchor, { y: anchor.y, m, d: Math.min(d, daysInMonth(anchor.y, m)) }) >= -7;
    return later ? anchor.y : anchor.y + 1;
  }
  const day = d ?? 1;
  for (const y of [anchor.y, anchor.y - 1, anchor.y + 1]) {
    const dd = Math.min(day, daysInMonth(y, m));
    const diff = daysBetween(anchor, { y, m, d: dd });
    // A month named alone covers the whole month: compare its last day too.
    const lastDiff = d == null ? daysBetween(anchor, { y, m, d: daysInMonth(y, m) }) : diff;
    // A window of one year ending `aheadDays` after the anchor.
    if (diff <= aheadDays && lastDiff > aheadDays - 366) return y;
  }
  return anchor.y;
}

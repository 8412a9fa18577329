/**
 * Publication dates as articles and pages write them, normalised to
 * YYYY-MM-DD. Only whole calendar dates are accepted: anything that does not
 * name a real day gives null (unknown), never a guess.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4,
  may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9,
  september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/**
 * Regex sources (no anchors) for the date shapes a dateline may hold:
 * 18.01.2021, 2021-01-18, January 18, 2021 and 18 January 2021. It captures
 * nothing, so it can sit inside other patterns.
 */
const MONTH_NAME_NC = MONTH_NAME.replace(/^\(/, '(?:');

export const DATE_PATTERN =
  `(?:\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}|${MONTH_NAME_NC}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_NAME_NC},?\\s+\\d{4})`;

/** Two-digit zero padding. */
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD for a real calendar day, else null. */
export function ymd(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** True when the string is exactly a valid YYYY-MM-DD day. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && ymd(+m[1], +m[2], +m[3]) !== null;
}

/**
 * Normalise a written date to YYYY-MM-DD, or null. Accepts the dateline
 * shapes above and ISO 8601 timestamps ("2021-01-18T09:30:00+03:00"); a
 * timestamp keeps the calendar day as written, since the writer's local day
 * is the publication day (shifting to UTC could move it by one).
 */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  // Day first with dots: the European order the seed articles use.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  m = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(s);
  if (m) return ymd(+m[3], MONTHS[m[1].toLowerCase()] ?? 0, +m[2]);
  m = new RegExp(`^(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4})$`, 'i').exec(s);
  if (m) return ymd(+m[3], MONTHS[m[2].toLowerCase()] ?? 0, +m[1]);
  return null;
}

/**
 * Month-and-day dates, with or without a year and a weekday:
 * "January 3", "Jan. 3rd, 2021", "3 January 2021", "Wednesday, March 4",
 * "early/late/mid-January 3" is not a thing, but "the 3rd of January" is.
 * A date named without a year takes the year that puts it closest to the
 * publication date, leaning to the past (see yearForMonthDay).
 */
import { dayValue, isValidDay, pad2, yearForMonthDay } from '../calendar.js';
import { MONTH_RE, WEEKDAY_RE, monthNumber } from '../words.js';
import { B, E, candidate, type TimeParser } from '../types.js';
import { clauseTense } from './weekday.js';
import { SPELLED_YEAR, spelledYear } from './word-year.js';

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "(?:,?\\s+(\\d{4})(?!\\d)|,?\\s+'(\\d{2})(?!\\d))";
/** "Wednesday, March 4", "this coming Sunday, March 8": a weekday before the date joins its span. */
const WD = '(?:(?:(?:[Tt]his\\s+coming|[Tt]his\\s+past|[Ll]ast|[Nn]ext|[Tt]his)\\s+)?' + WEEKDAY_RE + ',?\\s+)?';

export const monthDayParser: TimeParser = {
  name: 'month-day',
  pattern: () => new RegExp(
    B + WD + '(?:(' + MONTH_RE + ')\\s+' + DAY + '(?!\\d)(?!:\\d)' + '(?:' + YEAR + ')?' +
    '|(?:the\\s+)?' + DAY + '(?:\\s+of)?\\s+(' + MONTH_RE + ')(?:' + YEAR + ')?)' + '(?![\\w])', 'g'),
  extract(ctx, m) {
    const month = monthNumber(m[1] ?? m[6]);
    const day = +(m[2] ?? m[5]);
    const yearText = m[3] ?? m[7];
    const shortYear = m[4] ?? m[8];
    if (month == null || !day) return null;
    // "May 5" is a date but "may 5" is a verb: months must be capitalised.
    if (!/^[A-Z]/.test(m[1] ?? m[6])) return null;
    let c;
    if (yearText || shortYear) {
      const y = yearText ? +yearText : 1900 + +shortYear + (+shortYear < 50 ? 100 : 0);
      if (!isValidDay(y, month, day)) return null;
      c = candidate(m, 'DATE', dayValue({ y, m: month, d: day }), 'month-day', 3);
    } else if (ctx.anchor) {
      const y = yearForMonthDay(ctx.anchor, month, day, 62, clauseTense(ctx.text, m.index, m.index + m[0].length));
      if (!isValidDay(y, month, day)) return null;
      c = candidate(m, 'DATE', dayValue({ y, m: month, d: day }), 'month-day', 3);
    } else {
      if (!isValidDay(2000, month, day)) return null;
      c = candidate(m, 'DATE', `XXXX-${pad2(month)}-${pad2(day)}`, 'month-day', 3);
    }
    return c;
  },
};
void E;

/**
 * The second day of a pair that shares its month: "on April 24 and 25",
 * "May 3 or 4" → the 25th, the 4th of that month (the first day is the
 * month-day parser's). A year after the pair is the second day's too.
 */
export const pairedDayParser: TimeParser = {
  name: 'paired-day',
  pattern: () => new RegExp('(?<=' + B + '(' + MONTH_RE + ')\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+)' + DAY + '(?![\\d:])(?=' + YEAR + '|(?!\\s*(?:%|percent|[a-z])))', 'g'),
  extract(ctx, m) {
    const month = monthNumber(m[1]);
    const day = +m[2];
    if (month == null || !day || !/^[A-Z]/.test(m[1])) return null;
    const y = m[3] ? +m[3] : m[4] ? 1900 + +m[4] + (+m[4] < 50 ? 100 : 0)
      : ctx.anchor ? yearForMonthDay(ctx.anchor, month, day, 62, clauseTense(ctx.text, m.index, m.index + m[0].length)) : null;
    if (!isValidDay(y ?? 2000, month, day)) return null;
    const value = y == null ? `XXXX-${pad2(month)}-${pad2(day)}` : dayValue({ y, m: month, d: day });
    return candidate(m, 'DATE', value, 'month-day', 3);
  },
};

const ORDINAL_DAYS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const ORD_UNIT = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)';
const ORD_DAY = '((?:twenty|thirty)[\\s-]+' + ORD_UNIT + '|' + ORD_UNIT +
  '|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';

/** "eighth" → 8, "twenty-first" → 21; null when not a day's ordinal. */
export function ordinalDay(s: string): number | null {
  const w = s.toLowerCase().split(/[\s-]+/);
  if (w.length === 1) return ORDINAL_DAYS[w[0]] ?? null;
  const tens = w[0] === 'twenty' ? 20 : w[0] === 'thirty' ? 30 : null;
  const unit = ORDINAL_DAYS[w[1]];
  return tens == null || unit == null || unit > 9 ? null : tens + unit;
}

const SPOKEN_YEAR = '(?:,?\\s+(\\d{4})(?!\\d)|,?\\s+(' + SPELLED_YEAR + '))';

/**
 * A day said as an ordinal word, as broadcast transcripts write dates:
 * "March eighth", "March the eighth", "the twenty-first of June",
 * "Sunday, March eighth", "May first, nineteen ninety-eight". The month
 * must be capitalised ("may first" is a verb phrase).
 */
export const spokenDayParser: TimeParser = {
  name: 'spoken-day',
  pattern: () => new RegExp(
    B + WD + '(?:(' + MONTH_RE + ')\\s+(?:the\\s+)?' + ORD_DAY + '|[Tt]he\\s+' + ORD_DAY + '\\s+of\\s+(' + MONTH_RE + '))' +
    '(?:' + SPOKEN_YEAR + ')?(?![\\w-])', 'g'),
  extract(ctx, m) {
    const name = m[1] ?? m[4];
    const month = monthNumber(name);
    const day = ordinalDay(m[2] ?? m[3]);
    if (month == null || day == null || !/^[A-Z]/.test(name)) return null;
    // "March the second time": an ordinal before a noun counts something else.
    if (!m[5] && !m[6] && /^\s+(?:time|round|quarter|half|day|week|month|year|place|term|largest|biggest|most)\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    const y = m[5] ? +m[5] : m[6] ? spelledYear(m[6]) : ctx.anchor
      ? yearForMonthDay(ctx.anchor, month, day, 62, clauseTense(ctx.text, m.index, m.index + m[0].length)) : null;
    if (!isValidDay(y ?? 2000, month, day)) return null;
    const value = y == null ? `XXXX-${pad2(month)}-${pad2(day)}` : dayValue({ y, m: month, d: day });
    return candidate(m, 'DATE', value, 'month-day', 3);
  },
};

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

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "(?:,?\\s+(\\d{4})(?!\\d)|,?\\s+'(\\d{2})(?!\\d))";
const WD = '(?:' + WEEKDAY_RE + ',?\\s+)?';

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

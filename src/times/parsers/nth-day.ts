/**
 * "Today is the eighth day of the siege", "It's the second day of the
 * strike": a count of days said in the present tense names the day of
 * publication (a DATE), as TimeML reads it.
 */
import { dayValue } from '../calendar.js';
import { B, type TimeParser } from '../types.js';

const ORDINAL = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d{1,3}(?:st|nd|rd|th))';

export const nthDayParser: TimeParser = {
  name: 'nth-day',
  pattern: () => new RegExp('(?<=\\b(?:it[\'’]s|it\\s+is|today\\s+is|today\\s+marks|this\\s+is|now\\s+in\\s+its|is\\s+now\\s+in\\s+its)\\s+)' + B +
    '(?:the\\s+)?' + ORDINAL + '\\s+(?:straight\\s+|consecutive\\s+|full\\s+)?day(?=\\s+(?:of|in|since)\\b|\\s*[,.;:)]|\\s*$)', 'gi'),
  extract(ctx, m) {
    const value = ctx.anchor ? dayValue(ctx.anchor) : 'XXXX-XX-XX';
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value, source: 'nth-day', priority: 3 };
  },
};

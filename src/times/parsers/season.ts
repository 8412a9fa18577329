/**
 * Seasons: "last summer", "this spring", "this past spring", "over the
 * summer", "in the autumn of 2019",
 * "winter 2020" → "2020-WI". Northern-hemisphere reading, as TimeML does.
 */
import { pad4 } from '../calendar.js';
import { B, type TimeParser } from '../types.js';
import { SPELLED_YEAR, spelledYear } from './word-year.js';

const CODES: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** Months each season starts in, to tell whether "last summer" is this year's. */
const START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const seasonParser: TimeParser = {
  name: 'season',
  pattern: () => new RegExp(B + '(?:(early|late|mid)[\\s-]+)?(?:(last|this\\s+past|this|next|the\\s+coming|the\\s+past)\\s+)?(?:the\\s+)?(spring|summer|autumn|fall|winter)(?:(?:\\s+of|,)?\\s+(\\d{4}(?!\\d)|' + SPELLED_YEAR + '(?![\\w-])))?(?![\\w])', 'gi'),
  extract(ctx, m) {
    const [, , rel, name, year] = m;
    const code = CODES[name.toLowerCase()];
    const start = m.index;
    const end = start + m[0].length;
    // "fall" is mostly a verb: only with a year, a relative word or "the".
    if (name.toLowerCase() === 'fall' && !year && !rel && !/\bthe\s+fall$/i.test(ctx.text.slice(0, end))) return null;
    if (!year && !rel && !/\b(in|into|during|over|through|throughout|since|by|until|this|last|next|the)\s+$/i.test(ctx.text.slice(Math.max(0, start - 12), start))) return null;
    let value: string;
    if (year) value = `${/^\d/.test(year) ? year : spelledYear(year)}-${code}`;
    else if (!ctx.anchor) value = `XXXX-${code}`;
    else {
      const a = ctx.anchor;
      const r = rel?.toLowerCase().replace(/\s+/g, ' ');
      // The most recent start of this season on or before the anchor …
      const recent = a.m >= START[code] ? a.y : a.y - 1;
      // … and whether it is still going on (seasons last three months).
      const monthsIn = (a.y - recent) * 12 + a.m - START[code];
      const ongoing = monthsIn < 3;
      let y = recent;
      if (r === 'last' || r === 'the past' || r === 'this past') y = ongoing ? recent - 1 : recent;
      else if (r === 'next' || r === 'the coming') y = recent + 1;
      // "this summer" in March is the one ahead, in the anchor's year.
      else if (r === 'this' && !ongoing && a.m < START[code]) y = a.y;
      value = `${pad4(y)}-${code}`;
    }
    return { start, end, type: 'DATE', value, source: 'season', priority: 2 };
  },
};

/**
 * Days named from the publication date: "today", "yesterday", "tomorrow",
 * "the day before yesterday", "tonight", "last night", "this morning",
 * "yesterday afternoon". Parts of a day are TIMEs ("2021-01-17TNI").
 */
import { addDays, dayValue } from '../calendar.js';
import { B, type TimeParser } from '../types.js';
import { PART_OF_DAY } from './weekday.js';

export const deicticDayParser: TimeParser = {
  name: 'deictic-day',
  pattern: () => new RegExp(B + '(?:(?:(?:late|early)\\s+(?=yesterday|today))?(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow)(?:\\s+(morning|afternoon|evening|night))?|(tonight|overnight)|(last|this|tomorrow|yesterday)\\s+(night|morning|afternoon|evening)' +
    // "mid-afternoon", "late morning yesterday": a part of the publication day or the one named.
    '|(?:(?:early|late)\\s+|mid[\\s-]?)(morning|afternoon|evening)\\s+(yesterday|today|tomorrow)|mid[\\s-]?(morning|afternoon))(?![\\w\'’])', 'gi'),
  extract(ctx, m) {
    const [text, day, dayPart, tonight, rel0, relPart0, partBefore, dayAfter, midPart] = m;
    // Part first, day after ("mid-afternoon yesterday"), or the part alone ("by mid-afternoon").
    const rel = rel0 ?? dayAfter ?? (midPart ? 'this' : undefined);
    const relPart = relPart0 ?? partBefore ?? midPart;
    const start = m.index;
    const end = start + text.length;
    let offset = 0;
    let part: string | null = null;
    if (day) {
      const d = day.toLowerCase().replace(/\s+/g, ' ');
      offset = d === 'yesterday' ? -1 : d === 'tomorrow' ? 1 : d.includes('before') ? -2 : d.includes('after') ? 2 : 0;
      part = dayPart?.toLowerCase() ?? null;
    } else if (tonight) {
      part = 'night';
    } else {
      const r = rel.toLowerCase();
      offset = r === 'last' || r === 'yesterday' ? -1 : r === 'tomorrow' ? 1 : 0;
      part = relPart.toLowerCase();
      // "last night" is the night before publication; "last morning" is not a phrase.
      if (r === 'last' && part !== 'night') return null;
    }
    const date = ctx.anchor ? dayValue(addDays(ctx.anchor, offset)) : 'XXXX-XX-XX';
    if (part) return { start, end, type: 'TIME', value: `${date}T${PART_OF_DAY[part]}`, source: 'deictic-day', priority: 3 };
    return { start, end, type: 'DATE', value: date, source: 'deictic-day', priority: 3 };
  },
};

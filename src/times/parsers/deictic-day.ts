/**
 * Days named from the publication date: "today", "yesterday", "tomorrow",
 * "the day before yesterday", "tonight", "last night", "this morning",
 * "yesterday afternoon". Parts of a day are TIMEs ("2021-01-17TNI").
 */
import { addDays, dayValue } from '../calendar.js';
import { B, type TimeParser } from '../types.js';
import { PART_OF_DAY } from './weekday.js';

/** Nouns for what a time in general has: "today's youth", "the world of tomorrow". */
const GENERIC_NOUN = '(?:world|society|societies|youth|young|generations?|children|kids|students|teenagers|families|parents|people|leaders|workers|' +
  'consumers|voters|economy|economies|markets?|technology|technologies|computers|machines|cars|cities|standards|terms|dollars|culture|politics|media|' +
  'problems|challenges|threats|industry|business|businesses|armies|wars?|weapons|jobs|workplace|schools|Europe|America|Africa|Asia|China|Russia)';
const GENERIC_AFTER = new RegExp('^[\'’]s\\s+(?:[a-z-]+\\s+)?' + GENERIC_NOUN + '\\b');
const GENERIC_BEFORE = new RegExp('\\b' + GENERIC_NOUN + '\\s+of\\s+$');

/**
 * "today", "tomorrow", "yesterday" meaning our times in general, not a day:
 * "in today's world", "many of today's personal computers", "the leaders
 * of tomorrow". TimeML marks no time there.
 */
export function genericDeictic(text: string, start: number, end: number): boolean {
  if (!/^(?:today|tomorrow|yesterday)$/i.test(text.slice(start, end))) return false;
  if (GENERIC_AFTER.test(text.slice(end, end + 50))) return true;
  return GENERIC_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && !/^\s*(?:[\'’]s|morning|afternoon|evening|night)\b/.test(text.slice(end, end + 12));
}

export const deicticDayParser: TimeParser = {
  name: 'deictic-day',
  pattern: () => new RegExp(B + '(?:(?:(?:late|early)\\s+(?=yesterday|today))?(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|today|yesterday|tomorrow)(?:\\s+(morning|afternoon|evening|night))?|(tonight|overnight)|(last|this|tomorrow|yesterday)\\s+(night|morning|afternoon|evening)' +
    // "mid-afternoon", "late morning yesterday": a part of the publication day or the one named.
    '|(?:(?:early|late)\\s+|mid[\\s-]?)(morning|afternoon|evening)\\s+(yesterday|today|tomorrow)|mid[\\s-]?(morning|afternoon))(?![\\w\'’])', 'gi'),
  extract(ctx, m) {
    const [text, day, dayPart, tonight, rel0, relPart0, partBefore, dayAfter, midPart] = m;
    if (genericDeictic(ctx.text, m.index, m.index + text.length)) return null;
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

/**
 * A month's day written as a counting word, as wire copy of the 1980s spells
 * the numbers under ten: "on March eight", "since April twenty-one". Only
 * after a word that makes it a date ("on", "since", "by", "until", …) or a
 * weekday, so that "in March two people died" stays a month and a count.
 */
import { dayValue, isValidDay, pad2, yearForMonthDay } from '../calendar.js';
import { MONTH_RE, monthNumber } from '../words.js';
import { B, candidate, type TimeParser } from '../types.js';
import { clauseTense } from './weekday.js';

const UNIT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEEN: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
};
const UNIT_RE = '(?:one|two|three|four|five|six|seven|eight|nine)';
const DAY_WORD = '((?:twenty|thirty)[\\s-]+' + UNIT_RE + '|' + UNIT_RE +
  '|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)';
const INTRODUCED = '(?<=\\b(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hrough|[Tt]o|[Aa]nd|day,)\\s)';

/** "eight" → 8, "twenty-one" → 21; null when the words are no day of a month. */
export function dayWord(s: string): number | null {
  const w = s.toLowerCase().split(/[\s-]+/);
  if (w.length === 1) return UNIT[w[0]] ?? TEEN[w[0]] ?? null;
  const tens = w[0] === 'twenty' ? 20 : w[0] === 'thirty' ? 30 : null;
  const unit = UNIT[w[1]];
  return tens == null || unit == null ? null : tens + unit;
}

export const wordDayParser: TimeParser = {
  name: 'word-day',
  pattern: () => new RegExp(INTRODUCED + B + '(' + MONTH_RE + ')\\s+' + DAY_WORD + '(?:,?\\s+(\\d{4})(?!\\d))?(?![\\w-])', 'g'),
  extract(ctx, m) {
    const month = monthNumber(m[1]);
    const day = dayWord(m[2]);
    if (month == null || day == null || !/^[A-Z]/.test(m[1])) return null;
    const end = m.index + m[0].length;
    // "by March two hundred", "on May ten more days": the number counts something after it.
    if (!m[3] && /^\s+(?:hundred|thousand|million|percent|per|more|of|people|[a-z]+s\b)/i.test(ctx.text.slice(end, end + 16))) return null;
    const y = m[3] ? +m[3] : ctx.anchor ? yearForMonthDay(ctx.anchor, month, day, 62, clauseTense(ctx.text, m.index, end)) : null;
    if (!isValidDay(y ?? 2000, month, day)) return null;
    const value = y == null ? `XXXX-${pad2(month)}-${pad2(day)}` : dayValue({ y, m: month, d: day });
    return candidate(m, 'DATE', value, 'word-day', 3);
  },
};

/**
 * Repeated times (TIMEX3 SET): "every week", "each year", "every two
 * days", "weekly", "daily", "annually", "twice a year" (the "a year" part),
 * "per month", "every Monday" (XXXX-WXX-1), "each July" (XXXX-07),
 * "every summer" (XXXX-SU), "Tuesday nights" (XXXX-WXX-2TNI) and
 * "on Monday and Tuesday nights" (both days a habit).
 */
import { MONTH_RE, QUANTITY_RE, UNIT_RE, durationValue, monthNumber, quantityValue, unitOf, WEEKDAY_RE, weekdayNumber } from '../words.js';
import { pad2 } from '../calendar.js';
import { B, type TimeParser } from '../types.js';

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const PARTS: Record<string, string> = { mornings: 'MO', afternoons: 'AF', evenings: 'EV', nights: 'NI' };

const ADVERBS: Record<string, string> = {
  hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', fortnightly: 'P2W',
  monthly: 'P1M', quarterly: 'P3M', yearly: 'P1Y', annually: 'P1Y', 'every day': 'P1D',
};

/** An amount just before: "8%", "20 percent", "$3 million", "10,000 units". */
const AMOUNT_BEFORE = /(?:\d\s*%|\bper\s*cent|\b(?:million|billion|trillion|thousand)|\d[\d,.]*\s+[a-z]+)\s+$/i;

export const setParser: TimeParser = {
  name: 'set',
  pattern: () => new RegExp(B + '(?:' +
    '(?:every|each)\\s+(?:(other)\\s+|(' + QUANTITY_RE + ')\\s+)?(' + UNIT_RE + ')s?' +
    '|(?:every|each)\\s+(' + WEEKDAY_RE + ')' +
    '|(?:every|each)\\s+(' + MONTH_RE + '|spring|summer|fall|autumn|winter)' +
    '|(' + WEEKDAY_RE + ')(?=\\s+and\\s+' + WEEKDAY_RE + '\\s+(mornings|afternoons|evenings|nights)\\b)' +
    '|(' + WEEKDAY_RE + ')\\s+(mornings|afternoons|evenings|nights)' +
    '|(?<=\\b(?:once|twice|thrice|times|per)\\s+)(?:a|an|per|each)?\\s*(' + UNIT_RE + ')' +
    '|(?:on\\s+)?(' + WEEKDAY_RE + ')s' +
    '|(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)' +
    ')(?![\\w])', 'gi'),
  extract(ctx, m) {
    const start = m.index;
    const end = start + m[0].length;
    const [, other, qty, unitWord, everyWd, everyMonth, firstWd, sharedParts, partWd, parts, freqUnit, pluralWd, adverb] = m;
    const mk = (value: string, priority = 2) => ({ start, end, type: 'SET' as const, value, source: 'set', priority });
    if (unitWord) {
      const unit = unitOf(unitWord);
      if (!unit) return null;
      const n = other ? 2 : qty ? quantityValue(qty) : 1;
      return mk(durationValue(n, unit), 3);
    }
    if (everyWd) return mk(`XXXX-WXX-${weekdayNumber(everyWd) || 7}`, 3);
    if (everyMonth) {
      const season = SEASONS[everyMonth.toLowerCase()];
      if (season) return mk(`XXXX-${season}`, 3);
      // "each May" as a month wants the capital; "may" is a verb.
      const month = monthNumber(everyMonth);
      return month && /^[A-Z]/.test(everyMonth) ? mk(`XXXX-${pad2(month)}`, 3) : null;
    }
    // "Tuesday nights": a part of the day in the plural makes the day a habit;
    // in "Monday and Tuesday nights" the first day shares it (and outranks the weekday parser's Monday).
    if (partWd) return mk(`XXXX-WXX-${weekdayNumber(partWd) || 7}T${PARTS[parts.toLowerCase()]}`, 3);
    if (firstWd) return mk(`XXXX-WXX-${weekdayNumber(firstWd) || 7}T${PARTS[sharedParts.toLowerCase()]}`, 4);
    if (freqUnit) {
      const unit = unitOf(freqUnit);
      if (!unit) return null;
      return mk(durationValue(1, unit), 3);
    }
    if (pluralWd) {
      // "on Mondays" is a habit; a bare "Mondays" only with "on".
      if (!/^on\s/i.test(m[0])) return null;
      return mk(`XXXX-WXX-${weekdayNumber(pluralWd) || 7}`);
    }
    if (adverb) {
      const a = adverb.toLowerCase();
      // "daily" as a newspaper noun ("the daily", "a daily") is not a frequency.
      const before = ctx.text.slice(Math.max(0, start - 8), start);
      if (/\b(the|a)\s+$/i.test(before) && /^\s+(newspaper|[A-Z])/.test(ctx.text.slice(end, end + 12))) return null;
      // After an amount the adverb makes a rate, as "a year" does in "$4 million
      // a year": "to grow 8% annually", "10,000 units annually", "C$18 million annually".
      if (AMOUNT_BEFORE.test(ctx.text.slice(Math.max(0, start - 30), start))) return null;
      // Before a noun, "quarterly", "yearly", "monthly" name a kind of thing ("a quarterly
      // dividend", "monthly sales"), not a time; "daily", "weekly", "hourly" keep their
      // rhythm ("a daily rally", "his weekly address", "hourly earnings").
      const next = /^\s+([a-z]+)/.exec(ctx.text.slice(end, end + 20));
      if (next && !/^(hourly|daily|nightly|weekly|biweekly|fortnightly)$/.test(a) && !/^(in|on|at|for|with|to|from|by|since|until|and|or|but|during|over|basis|as|through|than|the|a|an|this|that|its|their|his|her|outside|inside|near|around|across|along|before|after)$/.test(next[1])) return null;
      return mk(ADVERBS[a]);
    }
    return null;
  },
};

/**
 * Calendar units named relative to the publication date:
 * "last year", "this month", "next week", "the previous year",
 * "earlier this year", "at the end of last year", "early next year",
 * "a year ago", "three months ago", "two weeks ago".
 * Values keep the unit's precision: a year → "2020", a month → "2020-12",
 * a week → "2020-W51", a day → the day.
 */
import { addDays, addMonths, dayValue, monthValue, pad4, quarterOf, weekdayOf, weekValue, type Ymd } from '../calendar.js';
import { futureClause } from './weekday.js';
import { HALF, halfOf } from './year.js';
import { QUANTITY_RE, quantityValue } from '../words.js';
import { B, type TimeCandidate, type TimeParser } from '../types.js';

const MOD = '(?:(?:(?:earlier|later)\\s+(?=this|last|next)|(?:early|late|mid)[\\s-]+|(?:(?:the\\s+)?(?:end|beginning|start|middle|' + HALF + ')\\s+of\\s+)))?';

/** The value for a calendar unit shifted by n units from the anchor. */
export function shiftedUnitValue(anchor: Ymd | null, unit: string, n: number): string {
  if (!anchor) {
    return unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : unit === 'week' ? 'XXXX-WXX'
      : unit === 'quarter' ? 'XXXX-QX' : unit === 'decade' ? 'XXX' : 'XXXX-XX-XX';
  }
  switch (unit) {
    case 'year': return pad4(anchor.y + n);
    case 'decade': return String(Math.floor((anchor.y + 10 * n) / 10)).padStart(3, '0');
    case 'month': { const t = addMonths(anchor.y, anchor.m, n); return monthValue(t.y, t.m); }
    case 'quarter': { const t = addMonths(anchor.y, anchor.m, 3 * n); return `${pad4(t.y)}-Q${quarterOf(t.m)}`; }
    case 'week': return weekValue(addDays(anchor, 7 * n));
    case 'day': return dayValue(addDays(anchor, n));
    default: return 'XXXX';
  }
}

export const relativeYearParser: TimeParser = {
  name: 'relative-year',
  pattern: () => new RegExp(
    B + '(?:' + MOD + '(?:(last|this|next|the\\s+previous|the\\s+following|the\\s+coming|the\\s+current|the\\s+same|the\\s+latest)\\s+(year|month|week|quarter|decade))' +
    '|(?:(?:about|around|almost|nearly|roughly|some|more\\s+than|less\\s+than|at\\s+least|over|only|just)\\s+)?(' + QUANTITY_RE + ')\\s+(year|month|week|day|quarter|decade)s?(?:\\s+or\\s+so)?\\s+ago' +
    '|(last|this|next|the|over\\s+the)\\s+weekend)(?![\\w])', 'gi'),
  extract(ctx, m) {
    const [text, rel, unitA, qty, unitB, weekendRel] = m;
    if (weekendRel) return weekend(ctx.anchor, weekendRel.toLowerCase(), m.index, text, ctx.text);
    const start = m.index;
    const end = start + text.length;
    if (rel) {
      const r = rel.toLowerCase().replace(/\s+/g, ' ');
      const unit = unitA.toLowerCase();
      // "the previous/following year" is relative to a time in the story, not
      // the publication date; the discourse refiner re-anchors it.
      const n = r === 'last' || r === 'the previous' || (r === 'the latest' && unit === 'quarter') ? -1 : r === 'next' || r === 'the following' || r === 'the coming' ? 1 : 0;
      const value = shiftedUnitValue(ctx.anchor, unit, n);
      // "the second half of next year": that year's H2.
      const half = unit === 'year' && /^\d{4}$/.test(value) ? halfOf(text) : null;
      return { start, end, type: 'DATE', value: half ? `${value}-${half}` : value, source: 'relative-year', priority: 3 };
    }
    const n = quantityValue(qty);
    const unit = unitB.toLowerCase();
    if (n == null) return { start, end, type: 'DATE', value: 'PAST_REF', source: 'relative-year', priority: 3 };
    // "N weeks ago" names a day-ish point: keep the unit's precision.
    return { start, end, type: 'DATE', value: shiftedUnitValue(ctx.anchor, unit, -n), source: 'relative-year', priority: 3 };
  },
};

/** "the weekend", "last weekend", "next weekend" → "2021-W02-WE". */
function weekend(anchor: Ymd | null, rel: string, index: number, text: string, sentence: string): TimeCandidate {
  let start = index;
  let body = text;
  if (rel.startsWith('over')) { const cut = text.search(/the/i); start += cut; body = text.slice(cut); rel = 'the'; }
  const end = start + body.length;
  if (!anchor) return { start, end, type: 'DATE', value: 'XXXX-WXX-WE', source: 'relative-year', priority: 3 };
  // "the weekend" in a past-tense clause is the one just gone; in a future one, the coming one.
  const wd = weekdayOf(anchor);
  const future = rel === 'next' || (rel !== 'last' && futureClause(sentence, start, end));
  let saturday: Ymd;
  if (future) saturday = addDays(anchor, ((6 - wd + 7) % 7) + (rel === 'next' && wd !== 6 && wd !== 0 ? 0 : 0));
  else saturday = addDays(anchor, wd === 6 ? 0 : wd === 0 ? -1 : -(wd + 1));
  if (rel === 'this' && (wd === 6 || wd === 0)) saturday = addDays(anchor, wd === 6 ? 0 : -1);
  return { start, end, type: 'DATE', value: weekValue(saturday) + '-WE', source: 'relative-year', priority: 3 };
}

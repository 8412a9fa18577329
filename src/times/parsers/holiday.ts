/**
 * Named holidays ("Christmas", "Thanksgiving", "Good Friday", "New Year's
 * Eve 2019") as days, from the rules in data/times-holidays.tsv. Without a
 * year, a holiday is the latest one up to two months after publication, or
 * the next one when the clause speaks of the future.
 */
import { addDays, daysBetween, daysInMonth, dayValue, weekdayOf, type Ymd } from '../calendar.js';
import { loadTsv } from '../../util/data.js';
import { B, type TimeParser } from '../types.js';
import { futureClause } from './weekday.js';
import { titleCase } from '../refiners/title.js';

type Rule = (year: number) => Ymd;

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

export function parseRule(rule: string): Rule | null {
  const [kind, ...args] = rule.split(':');
  if (kind === 'fixed') {
    const [mm, dd] = args[0].split('-').map(Number);
    return (y) => ({ y, m: mm, d: dd });
  }
  if (kind === 'nth') {
    // An optional fifth field counts days on from the nth weekday (US Election Day: the Tuesday after the first Monday).
    const [mm, wd, n, after = 0] = args.map(Number);
    return (y) => {
      if (n > 0) {
        const first = { y, m: mm, d: 1 };
        return addDays(first, ((wd - weekdayOf(first) + 7) % 7) + 7 * (n - 1) + after);
      }
      const last = { y, m: mm, d: daysInMonth(y, mm) };
      return addDays(last, -((weekdayOf(last) - wd + 7) % 7) + after);
    };
  }
  if (kind === 'easter') return (y) => addDays(easterSunday(y), Number(args[0]));
  return null;
}


let holidays: { byName: Map<string, Rule | null>; pattern: string; endingAt: RegExp } | null = null;

/** The holiday table; a name whose rule is `name` ("Bloody Sunday") is a named day that is no date. */
function load() {
  if (holidays) return holidays;
  const byName = new Map<string, Rule | null>();
  for (const row of loadTsv('times-holidays.tsv')) {
    const rule = row.rule === 'name' ? null : parseRule(row.rule);
    if (!rule && row.rule !== 'name') continue;
    for (const name of row.names.split('|').map((s) => s.trim()).filter(Boolean)) byName.set(norm(name), rule);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  holidays = { byName, pattern: names.join('|'), endingAt: new RegExp('\\b(?:' + names.join('|') + ')$', 'i') };
  return holidays;
}

/**
 * Does a holiday or named day end with the word at [start,end)? "Good Friday" and "Bloody
 * Sunday" are this parser's to read (or to leave), not the last Friday or Sunday.
 */
export function endsNamedDay(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 40);
  const m = load().endingAt.exec(text.slice(from, end));
  return m !== null && from + m.index < start && /^[A-Z]/.test(m[0]);
}

/**
 * A capitalised word straight after the holiday, in running text, makes it part of a longer
 * name: "Christmas Island", "the Good Friday Agreement", "the Easter Rising". Words of time
 * ("Christmas Eve", "Easter Monday", "May Day 2005") keep it a date.
 */
const NAME_GOES_ON = /^[ \t]+(?!(?:Day|Eve|Night|Morning|Evening|Afternoon|Weekend|Holiday|Holidays|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]/;

function partOfLongerName(text: string, end: number): boolean {
  return NAME_GOES_ON.test(text.slice(end, end + 40)) && !titleCase(text);
}

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');

export const holidayParser: TimeParser = {
  name: 'holiday',
  pattern: () => new RegExp(B + '(?:(last|this|next)\\s+)?(' + load().pattern + ')(?:,?\\s+(\\d{4})(?!\\d))?(?![\\w])', 'gi'),
  extract(ctx, m) {
    const [text, rel, name, year] = m;
    // Holidays are proper names: "may day" or "easter" in lower case are not.
    if (!/^[A-Z]/.test(name)) return null;
    const rule = load().byName.get(norm(name));
    if (!rule) return null;
    const start = m.index;
    const end = start + text.length;
    if (partOfLongerName(ctx.text, end)) return null;
    let day: Ymd | null;
    if (year) day = rule(+year);
    else if (!ctx.anchor) day = null;
    else {
      const a = ctx.anchor;
      const options = [a.y - 1, a.y, a.y + 1].map(rule);
      const r = rel?.toLowerCase();
      const future = r === 'next' || (r !== 'last' && futureClause(ctx.text, start, end));
      if (r === 'this') day = options[1];
      else if (future) day = options.find((o) => daysBetween(a, o) >= 0) ?? options[2];
      else if (r === 'last') day = [...options].reverse().find((o) => daysBetween(a, o) < 0) ?? options[0];
      else day = [...options].reverse().find((o) => daysBetween(a, o) <= 62) ?? options[0];
    }
    const value = day ? dayValue(day) : 'XXXX-XX-XX';
    return { start, end, type: 'DATE', value, source: 'holiday', priority: 3 };
  },
};

/**
 * Weekdays: "on Wednesday", "last Friday", "next Monday", "Tuesday night".
 * News reports the past, so a bare weekday is the last such day on or
 * before publication, unless the clause around it speaks of the future
 * ("will", "is to", "scheduled", "plans to"), then the next one.
 * Part of the day makes it a TIME: "Monday morning" → 2021-01-11TMO.
 */
import { addDays, dayValue, weekdayOf, type Ymd } from '../calendar.js';
import { WEEKDAY_RE, weekdayNumber } from '../words.js';
import { B, type TimeContext, type TimeParser } from '../types.js';

const PART = '(?:\\s+(morning|afternoon|evening|night|overnight))?';

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI',
};

const FUTURE_CUE = /\b(will|won't|'ll|shall|would|could|might|may|as\s+(?:early|soon)\s+as|postponed\s+until|planning\s+to|intends?\s+to|is\s+to|are\s+to|set\s+to|due\s+to|plans?\s+to|planned|scheduled|expected\s+to|going\s+to|to\s+be\s+held|would\s+be\s+held|upcoming|next)\b/i;
const PAST_CUE = /\b(was|were|had|did|said|told|ago|last|\w+ed)\b/i;

/** Does the clause around [start,end) speak of the future? */
export function futureClause(text: string, start: number, end: number): boolean {
  return clauseTense(text, start, end) === 'future';
}

/**
 * The tense of the clause around [start,end): the verb cue nearest before
 * it decides ("will", "is to", "scheduled" → future; "was", "said", "-ed"
 * → past), else the first cue after it; null when there is none.
 * Subordinators ("after", "before", "when") do not end the clause: the
 * main verb's tense places the time ("will reopen after Easter").
 */
export function clauseTense(text: string, start: number, end: number): 'future' | 'past' | null {
  const clauseStart = Math.max(0, ...[',', ';', ':', '—', ' that ', ' and ', ' but ', '. ', '``', "''", '"'].map((p) => {
    const i = text.lastIndexOf(p, start - 1);
    return i < 0 ? 0 : i + p.length;
  }));
  const before = text.slice(clauseStart, start);
  // The verb nearest before the weekday decides; else look just after it.
  const fut = lastIndex(before, FUTURE_CUE);
  const past = lastIndex(before, PAST_CUE);
  if (fut >= 0 || past >= 0) return fut >= 0 && fut >= past ? 'future' : 'past';
  const afterEnd = [',', ';', '.', ' that '].map((p) => { const i = text.indexOf(p, end); return i < 0 ? text.length : i; });
  const after = text.slice(end, Math.min(...afterEnd));
  const futA = after.search(FUTURE_CUE);
  const pastA = after.search(PAST_CUE);
  if (futA >= 0 && (pastA < 0 || futA < pastA)) return 'future';
  if (pastA >= 0) return 'past';
  return null;
}

function lastIndex(s: string, re: RegExp): number {
  const g = new RegExp(re.source, 'gi');
  let last = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) last = m.index;
  return last;
}

/** The date of a weekday seen from the anchor: the past one (or today), or the next one. */
export function resolveWeekday(anchor: Ymd, wd: number, direction: 'past' | 'future' | 'this' | 'last' | 'next'): Ymd {
  const cur = weekdayOf(anchor);
  if (direction === 'this') {
    // The one in the anchor's Monday-to-Sunday week.
    const mondayOffset = (cur + 6) % 7;
    return addDays(anchor, -mondayOffset + ((wd + 6) % 7));
  }
  if (direction === 'past' || direction === 'last') {
    let back = (cur - wd + 7) % 7;
    if (direction === 'last' && back === 0) back = 7;
    return addDays(anchor, -back);
  }
  let fwd = (wd - cur + 7) % 7;
  if (fwd === 0) fwd = 7;
  return addDays(anchor, fwd);
}

export function weekdayValue(ctx: TimeContext, wd: number, dir: 'past' | 'future' | 'this' | 'last' | 'next'): string {
  if (!ctx.anchor) return `XXXX-WXX-${wd === 0 ? 7 : wd}`;
  return dayValue(resolveWeekday(ctx.anchor, wd, dir));
}

export const weekdayParser: TimeParser = {
  name: 'weekday',
  pattern: () => new RegExp(B + '(?:(last|this|next|this\\s+past|this\\s+coming)\\s+)?(' + WEEKDAY_RE + ')' + PART + '(?![\\w])', 'g'),
  extract(ctx, m) {
    const [text, rel, name, part] = m;
    const wd = weekdayNumber(name);
    if (wd == null) return null;
    const start = m.index;
    const end = start + text.length;
    const r = rel?.toLowerCase().replace(/\s+/g, ' ');
    let dir: 'past' | 'future' | 'this' | 'last' | 'next';
    if (r === 'last' || r === 'this past') dir = 'last';
    else if (r === 'next' || r === 'this coming') dir = 'next';
    else if (r === 'this') dir = 'this';
    // "Wednesday's ruling" names something that has happened.
    else if (/^['’]s\b/.test(ctx.text.slice(end, end + 3))) dir = 'past';
    else dir = futureClause(ctx.text, start, end) ? 'future' : 'past';
    const date = weekdayValue(ctx, wd, dir);
    if (part) return { start, end, type: 'TIME', value: `${date}T${PART_OF_DAY[part.toLowerCase()]}`, source: 'weekday', priority: 3 };
    return { start, end, type: 'DATE', value: date, source: 'weekday', priority: 3 };
  },
};

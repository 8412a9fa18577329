/**
 * Re-anchors anaphoric times ("the next day", "two days earlier") on the
 * last time the story named before them, when that time is precise enough
 * for the unit; otherwise they stay resolved against the publication date.
 * Works on the whole document, in text order.
 */
import { addDays, addMonths, dayValue, monthValue, parseYmd, weekValue } from '../calendar.js';
import { anaphoraShift, type Shift } from '../parsers/anaphoric.js';
import { resolveWeekday } from '../parsers/weekday.js';
import { isYearBackComparison } from './reporting-period.js';

interface Resolved { start: number; value: string; type: string; text: string; source: string }

/** The value of `shift` applied to an anchor value, or null when the anchor is too vague. */
export function shiftValue(anchorValue: string, shift: Shift): string | null {
  const day = parseYmd(anchorValue);
  if (shift.unit === 'day' || shift.unit === 'week') {
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(anchorValue.slice(0, 10))) return null;
    if (shift.part) return `${dayValue(addDays(day, shift.n))}T${shift.part}`;
    if (shift.weekday !== undefined) return dayValue(resolveWeekday(day, shift.weekday, shift.n < 0 ? 'last' : 'next'));
    if (shift.unit === 'day') return dayValue(addDays(day, shift.n));
    return weekValue(addDays(day, 7 * shift.n));
  }
  const month = /^(\d{4})-(\d{2})/.exec(anchorValue);
  if (shift.unit === 'month') {
    if (!month) return null;
    const t = addMonths(+month[1], +month[2], shift.n);
    return monthValue(t.y, t.m);
  }
  const year = /^(\d{4})/.exec(anchorValue);
  if (!year) return null;
  return String(+year[1] + shift.n);
}

export function refineDiscourse<T extends Resolved>(times: T[]): T[] {
  let last: T | null = null;
  const out: T[] = [];
  for (const t of times) {
    let cur = t;
    if (t.source === 'anaphoric' && last) {
      const shift = anaphoraShift(t.text);
      const v = shift ? shiftValue(last.value, shift) : null;
      if (v) cur = { ...t, value: v };
    }
    // A comparison with a year before ("up from $4 million a year earlier")
    // looks back from the story's period without moving the story there: a
    // second "a year earlier" compares with the same year, not one more back.
    if ((cur.type === 'DATE' || cur.type === 'TIME') && !isYearBackComparison(t.text)) {
      if (/^\d{4}/.test(cur.value)) last = cur;
    }
    out.push(cur);
  }
  return out;
}

/**
 * Times told relative to another time in the story, not to publication:
 * "the next day", "the day before", "the following week", "the previous
 * year", "two days earlier", "a couple of days later", "that day",
 * "later in the day".
 * The parser resolves them against the publication date; the discourse
 * refiner and eventDate re-anchor them on the time the story last named.
 */
import { QUANTITY_RE, WEEKDAY_RE, quantityValue, weekdayNumber } from '../words.js';
import { dayValue } from '../calendar.js';
import { PART_OF_DAY, resolveWeekday } from './weekday.js';
import { B, type TimeParser } from '../types.js';
import { shiftedUnitValue } from './relative-year.js';

/** How far an anaphoric expression moves from its anchor, in a calendar unit. */
export interface Shift {
  unit: 'day' | 'week' | 'month' | 'year';
  n: number;
  /** "the previous Friday": the weekday (0 = Sunday) the shift lands on, n = -1 or 1. */
  weekday?: number;
  /** "in the morning": the part of that day (MO, AF, EV); the value is a TIME. */
  part?: string;
}

const UNIT = '(day|week|month|year)';

export const ANAPHORA_RE = new RegExp(B + '(?:' +
  '(?:the|on\\s+the)\\s+(next|following|previous|preceding|same|prior)\\s+' + UNIT +
  // "the day before (the vote)"; but in "later in the day before leaving"
  // the day is the one the story tells, and "before" starts a clause.
  '|(?<!\\bin\\s)the\\s+' + UNIT + '\\s+(?:(earlier|later)|(before|after|prior))' +
  '|(that|the\\s+same)\\s+(day|week|month|year)' +
  // "later in the day": the day the story is telling.
  '|(?<=\\b(?:earlier|later|late|early)\\s+in\\s+)(the)\\s+(day)' +
  // "two days earlier" is an adverb wherever it stands ("A year earlier
  // the firm earned …"); "two days before" only ends its phrase ("two days
  // before the vote" is told from an event).
  '|(' + QUANTITY_RE + ')\\s+' + UNIT + 's?\\s+(earlier|later|afterwards?|previously|(?:before|after)(?=\\s*[,.;:!?)]|\\s*$|\\s+(?:on|in|at|when|and|but|,)))' +
  // "the previous Friday", "the following Monday": the weekday before or after the story's time.
  '|the\\s+(previous|preceding|prior|following|next)\\s+(' + WEEKDAY_RE + ')' +
  // "orders piled up in the morning": a part of the day the story tells (not "the morning of March 3").
  '|(?<=\\b(?:in|during|by|through)\\s+)the\\s+(morning|afternoon|evening)(?!\\s+(?:of|after|before)\\b)' +
  ')(?![\\w])', 'gi');

/** The shift an anaphoric expression says, or null when the text is not one. */
export function anaphoraShift(text: string): Shift | null {
  // "the day" found after "later in" is checked without its context here.
  if (/^the\s+day$/i.test(text.trim())) return { unit: 'day', n: 0 };
  // So is "the morning" found after "in", "during".
  const part = /^the\s+(morning|afternoon|evening)$/i.exec(text.trim());
  if (part) return { unit: 'day', n: 0, part: PART_OF_DAY[part[1].toLowerCase()] };
  const re = new RegExp(ANAPHORA_RE.source, 'i');
  const m = re.exec(text.trim());
  if (!m || m.index !== 0 || m[0].length !== text.trim().length) return null;
  if (m[1]) {
    const w = m[1].toLowerCase();
    const n = w === 'same' ? 0 : w === 'next' || w === 'following' ? 1 : -1;
    return { unit: m[2].toLowerCase() as Shift['unit'], n };
  }
  if (m[3]) {
    const w = (m[4] ?? m[5]).toLowerCase();
    return { unit: m[3].toLowerCase() as Shift['unit'], n: w === 'after' || w === 'later' ? 1 : -1 };
  }
  if (m[6]) return { unit: m[7].toLowerCase() as Shift['unit'], n: 0 };
  if (m[8]) return { unit: 'day', n: 0 };
  if (m[15]) return { unit: 'day', n: 0, part: PART_OF_DAY[m[15].toLowerCase()] };
  if (m[13]) {
    const wd = weekdayNumber(m[14]);
    return wd == null ? null : { unit: 'day', n: /^(?:following|next)$/i.test(m[13]) ? 1 : -1, weekday: wd };
  }
  const q = quantityValue(m[10]);
  if (q == null) return null;
  const dir = /earlier|before|previously/i.test(m[12]) ? -1 : 1;
  return { unit: m[11].toLowerCase() as Shift['unit'], n: dir * q };
}

/** A date just before, then a comma: "Oct. 12, ", "Tuesday, ", "March 3, 2020, ". */
const APPOSED_TO_DATE = /(?:\b\d{1,2}(?:st|nd|rd|th)?|\b\d{4}|day|yesterday|today)\s*,\s+$/i;

export const anaphoricParser: TimeParser = {
  name: 'anaphoric',
  pattern: () => new RegExp(ANAPHORA_RE.source, 'gi'),
  extract(ctx, m) {
    // "Oct. 12, the day before the vote": in apposition to a date, "the
    // day" is that date, and "before the vote" tells of an event, not a time.
    if (m[3] && m[5] && /^\s+[a-z]/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 2)) &&
      APPOSED_TO_DATE.test(ctx.text.slice(Math.max(0, m.index - 16), m.index))) {
      const cut = /^the\s+\w+/i.exec(m[0])![0];
      return {
        start: m.index, end: m.index + cut.length, type: 'DATE',
        value: shiftedUnitValue(ctx.anchor, m[3].toLowerCase() as Shift['unit'], 0), source: 'anaphoric', priority: 4,
      };
    }
    const shift = anaphoraShift(m[0]);
    if (!shift) return null;
    if (shift.part) {
      const day = ctx.anchor ? dayValue(ctx.anchor) : 'XXXX-XX-XX';
      return { start: m.index, end: m.index + m[0].length, type: 'TIME', value: `${day}T${shift.part}`, source: 'anaphoric', priority: 4 };
    }
    if (shift.weekday !== undefined) {
      const value = ctx.anchor ? dayValue(resolveWeekday(ctx.anchor, shift.weekday, shift.n < 0 ? 'last' : 'next')) : `XXXX-WXX-${shift.weekday || 7}`;
      return { start: m.index, end: m.index + m[0].length, type: 'DATE', value, source: 'anaphoric', priority: 4 };
    }
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE',
      value: shiftedUnitValue(ctx.anchor, shift.unit, shift.n), source: 'anaphoric', priority: 4,
    };
  },
};

/**
 * The date of one event: which DATE expression governs a trigger.
 * Rules, in order:
 *  1. a date in the trigger's own clause (commas, semicolons, colons,
 *     dashes and linking words such as "and", "but", "after", "when" bound
 *     a clause), the nearest one if several;
 *  2. else the nearest date in the sentence (a tie goes to the one before);
 *  3. else unknown — the publication date alone is not evidence of when
 *     something happened (DESIGN: never the publication date as event date).
 * Not candidates: a wire dateline's day (the filing date, dateline.ts) and a
 * time the parse gives to another clause's predicate (date-attachment.ts).
 * Anaphoric dates ("two days earlier", "the next day") count from the
 * previous event's date when given, else from the publication date.
 * Durations, sets and vague references (PRESENT_REF, PAST_REF) are not dates.
 */
import type { DatePrecision, Sentence, SyntaxLayer, TimeExpression, Token } from '../doc/types.js';
import { addDays, parseYmd, dayValue } from './calendar.js';
import { anaphoraShift } from './parsers/anaphoric.js';
import { shiftValue } from './refiners/discourse.js';
import { itemsWithin } from '../util/spans.js';
import { isDatelineTime } from './dateline.js';
import { datesAnotherClause } from './date-attachment.js';

export interface EventDate {
  date: string | null;
  precision: DatePrecision;
  text: string | null;
  start: number | null;
  end: number | null;
}

export interface EventDateInput {
  text: string;
  sentences: Sentence[];
  times: TimeExpression[];
  meta: { published: string | null };
  /** The parse, where there is one: which predicate a time modifies. */
  tokens?: readonly Token[];
  syntax?: SyntaxLayer;
}

const UNKNOWN: EventDate = { date: null, precision: 'unknown', text: null, start: null, end: null };

/** Linking words and punctuation that end a clause. */
const BOUNDARY = /[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas|after|before|when|because|although|though|until|then|who|which)\b/gi;

/**
 * A TIMEX3 value as a contract date and its precision, or null when it is no
 * calendar date, or one outside the years 0001-9999 that the contract's
 * YYYY-MM-DD can write (a relative date seen from a publication day at either
 * end of that range: "yesterday" on 0001-01-01).
 */
export function valueToDate(value: string): { date: string; precision: DatePrecision } | null {
  const d = calendarDate(value);
  return d && /^\d{4}(?:-\d{2}){0,2}$/.test(d.date) && !d.date.startsWith('0000') ? d : null;
}

function calendarDate(value: string): { date: string; precision: DatePrecision } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    // A week is reported at month precision: the month of its Thursday.
    const jan4 = { y: +m[1], m: 1, d: 4 };
    const wd = (new Date(Date.UTC(jan4.y, 0, 4)).getUTCDay() + 6) % 7;
    const thursday = addDays(jan4, -wd + 3 + 7 * (+m[2] - 1));
    return { date: dayValue(thursday).slice(0, 7), precision: 'month' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { date: `${m[1]}-${m[2]}`, precision: 'month' };
  m = /^(\d{4})(?:$|-(?:Q\d|SP|SU|FA|WI|H\d))/.exec(value);
  if (m) return { date: m[1], precision: 'year' };
  return null;
}

/** Clause bounds around [start,end) in the sentence, ignoring boundaries inside time expressions. */
function clauseAround(text: string, s: Sentence, times: TimeExpression[], start: number, end: number): { start: number; end: number } {
  const inner = text.slice(s.start, s.end);
  let lo = s.start;
  let hi = s.end;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(inner); m; m = BOUNDARY.exec(inner)) {
    const b = s.start + m.index;
    const bEnd = b + m[0].length;
    if (times.some((t) => b >= t.start && b < t.end)) continue;
    if (bEnd <= start && bEnd > lo) lo = bEnd;
    if (b >= end && b < hi) hi = b;
  }
  return { start: lo, end: hi };
}

function distance(t: TimeExpression, start: number, end: number): number {
  if (t.end <= start) return start - t.end;
  if (t.start >= end) return t.start - end;
  return 0;
}

export function eventDate(
  doc: EventDateInput,
  at: { sentence: number; start: number; end: number },
  previous: { date: string | null } | null,
): EventDate {
  // (Sentences are numbered by position; the search is for a list that is not.)
  const direct = doc.sentences[at.sentence];
  const s = direct?.index === at.sentence ? direct : doc.sentences.find((x) => x.index === at.sentence) ?? direct;
  if (!s) return UNKNOWN;
  const inSentence = itemsWithin(doc.times, s.start, s.end).filter((t) => t.type === 'DATE' || t.type === 'TIME');
  const dating = inSentence.filter((t) => !isDatelineTime(doc.text, t)
    && !(doc.tokens && datesAnotherClause({ tokens: doc.tokens, syntax: doc.syntax }, t, at)));
  const resolved = dating.flatMap((t) => {
    const shift = anaphoraShift(t.text);
    let value = t.value;
    if (shift) {
      const anchor = previous?.date ?? (parseYmd(doc.meta.published) ? doc.meta.published : null);
      const v = anchor ? shiftValue(anchor, shift) : null;
      if (v) value = v;
    }
    const d = valueToDate(value);
    return d ? [{ t, d }] : [];
  });
  if (resolved.length === 0) return UNKNOWN;
  const clause = clauseAround(doc.text, s, inSentence, at.start, at.end);
  const inClause = resolved.filter(({ t }) => t.start < clause.end && t.end > clause.start);
  const pool = inClause.length ? inClause : resolved;
  pool.sort((a, b) => distance(a.t, at.start, at.end) - distance(b.t, at.start, at.end) ||
    (a.t.start < at.start ? -1 : 1) - (b.t.start < at.start ? -1 : 1));
  const best = pool[0];
  return { date: best.d.date, precision: best.d.precision, text: best.t.text, start: best.t.start, end: best.t.end };
}

/**
 * The times stage: every temporal expression in the sentences, with its
 * TIMEX3 type and value normalised against the publication date and the
 * discourse. Parsers (one file each, in parsers/) propose candidates per
 * sentence; refiners (refiners/) tidy spans and settle overlaps; then the
 * discourse refiner re-anchors "the next day" and the like.
 */
import type { Sentence, TimeExpression } from '../doc/types.js';
import { parseYmd, type Ymd } from './calendar.js';
import { isDatelineTime } from './dateline.js';
import type { TimeCandidate, TimeContext, TimeParser, TimeRefiner } from './types.js';
import { anaphoricParser } from './parsers/anaphoric.js';
import { chronoCandidates } from './parsers/chrono.js';
import { deicticDayParser } from './parsers/deictic-day.js';
import { durationParser } from './parsers/duration.js';
import { holidayParser } from './parsers/holiday.js';
import { monthDayParser, pairedDayParser, spokenDayParser } from './parsers/month-day.js';
import { monthYearParser } from './parsers/month-year.js';
import { numericDateParser } from './parsers/numeric-date.js';
import { presentRefParser } from './parsers/present-ref.js';
import { quarterParser } from './parsers/quarter.js';
import { relativeYearParser } from './parsers/relative-year.js';
import { seasonParser } from './parsers/season.js';
import { setParser } from './parsers/set.js';
import { weekdayParser } from './parsers/weekday.js';
import { yearParser } from './parsers/year.js';
import { mergeOverlapsRefiner } from './refiners/merge-overlaps.js';
import { trimSpanRefiner } from './refiners/trim-span.js';
import { titleRefiner } from './refiners/title.js';
import { namedDayRefiner } from './refiners/named-day.js';
import { clockDateRefiner } from './refiners/clock-date.js';
import { relativeToTimeRefiner } from './refiners/relative-to-time.js';
import { refineDiscourse } from './refiners/discourse.js';
import { refineReportingPeriods } from './refiners/reporting-period.js';
import { periodParser } from './parsers/period.js';
import { wordYearParser } from './parsers/word-year.js';
import { nthDayParser } from './parsers/nth-day.js';
import { wordDayParser } from './parsers/word-day.js';
import { checkDeadline } from '../util/deadline.js';

export const PARSERS: TimeParser[] = [
  numericDateParser, monthDayParser, pairedDayParser, spokenDayParser, monthYearParser, yearParser, relativeYearParser,
  weekdayParser, deicticDayParser, anaphoricParser, quarterParser, seasonParser, holidayParser,
  durationParser, setParser, presentRefParser, periodParser, wordYearParser, nthDayParser, wordDayParser,
];

export const REFINERS: TimeRefiner[] = [trimSpanRefiner, titleRefiner, namedDayRefiner, mergeOverlapsRefiner, clockDateRefiner, relativeToTimeRefiner];

export interface TimesInput {
  text: string;
  sentences: Sentence[];
  meta: { published: string | null };
}

const patterns = new Map<TimeParser, RegExp>();

/** A parser's pattern, built on first use; its lastIndex at 0, ready for a new sentence. */
function patternOf(p: TimeParser): RegExp {
  let re = patterns.get(p);
  if (!re) { re = p.pattern(); patterns.set(p, re); }
  re.lastIndex = 0;
  return re;
}

/** Candidates in one sentence (offsets into ctx.text). */
export function sentenceCandidates(ctx: TimeContext): TimeCandidate[] {
  let found: TimeCandidate[] = [];
  for (const p of PARSERS) {
    const re = patternOf(p);
    for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const c = p.extract(ctx, m);
      if (c) found.push(c);
    }
  }
  found.push(...chronoCandidates(ctx));
  for (const r of REFINERS) found = r.refine(ctx, found);
  return found;
}

/** How many sentences from the top a dateline may open (a title comes first). */
const DATELINE_SENTENCES = 3;
/** How far a dateline's day may lie from the publication date and still be the same report's. */
const DATELINE_DAYS = 2;

/**
 * The day of a wire dateline ("UNITED NATIONS, March 29 - …") near the top, when it is a whole
 * day close to the publication date: the day the report was filed, from which its "today",
 * "yesterday" and weekdays count (an archive may stamp a report with the day before).
 */
export function datelineAnchor(doc: TimesInput, published: Ymd | null): Ymd | null {
  if (!published) return null;
  for (const s of doc.sentences.slice(0, DATELINE_SENTENCES)) {
    const ctx: TimeContext = { text: doc.text.slice(s.start, s.end), offset: s.start, anchor: published };
    for (const c of sentenceCandidates(ctx)) {
      if (!isDatelineTime(doc.text, { start: s.start + c.start, end: s.start + c.end })) continue;
      const day = parseYmd(c.value);
      if (!day || c.value.length !== 10) return null;
      const apart = Math.abs(Date.UTC(day.y, day.m - 1, day.d) - Date.UTC(published.y, published.m - 1, published.d)) / 864e5;
      return apart <= DATELINE_DAYS ? day : null;
    }
  }
  return null;
}

export function findTimes(doc: TimesInput): TimeExpression[] {
  const published = parseYmd(doc.meta.published);
  const anchor = datelineAnchor(doc, published) ?? published;
  const out: (TimeExpression & { source: string })[] = [];
  for (const s of doc.sentences) {
    checkDeadline();
    const ctx: TimeContext = { text: doc.text.slice(s.start, s.end), offset: s.start, anchor };
    for (const c of sentenceCandidates(ctx)) {
      const start = s.start + c.start;
      const end = s.start + c.end;
      out.push({ start, end, text: doc.text.slice(start, end), type: c.type, value: c.value, sentence: s.index, source: c.source });
    }
  }
  return refineReportingPeriods(refineDiscourse(out), anchor).map(({ source: _source, ...t }) => t);
}

export { eventDate } from './event-date.js';

/**
 * chrono-node (en, US reading) as the base parser: it knows clock times
 * ("3 p.m.", "10:30 GMT", "noon"), full dates in many spellings and casual
 * phrases. Its results are turned into TIMEX3 values from the components
 * chrono is certain of; the project's own parsers win wherever they overlap.
 * Leading prepositions chrono keeps ("on", "at") are cut from the span.
 */
// The English locale alone: the package's root module loads all fifteen locales (266 modules,
// about 0.1 s of every start); its `casual` is this module's `casual`.
import * as chrono from 'chrono-node/en';
import { dayValue, monthValue, pad2, pad4, yearForMonthDay, type Ymd } from '../calendar.js';
import type { TimeCandidate, TimeContext } from '../types.js';
import { clauseTense, resolveWeekday } from './weekday.js';
import { eventNamed } from './month-year.js';
import { genericDeictic } from './deictic-day.js';

const LEADING = /^(?:on|at|in|by|since|from|until|till|for|during|of|around|about|before|after)\s+/i;

/** chrono's results in a sentence, as candidates (priority 0: the fallback). */
export function chronoCandidates(ctx: TimeContext): TimeCandidate[] {
  const a = ctx.anchor ?? { y: 2000, m: 1, d: 1 };
  const ref = { instant: new Date(Date.UTC(a.y, a.m - 1, a.d, 12)), timezone: 0 };
  const out: TimeCandidate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(ctx.text, ref);
  } catch {
    return out;
  }
  for (const r of results) {
    let start = r.index;
    let text = r.text;
    const lead = LEADING.exec(text);
    if (lead) { start += lead[0].length; text = text.slice(lead[0].length); }
    // "the end of the month": the article before "end/beginning of" belongs to the span.
    if (/^(?:end|beginning|start|middle)\s+of\b/i.test(text) && /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, start - 4), start))) {
      start -= ctx.text.slice(0, start).match(/the\s+$/i)![0].length;
      text = ctx.text.slice(start, r.index + r.text.length);
    }
    if (!plausible(text)) continue;
    // A month name alone before "for Life", "of the Mothers" names an event.
    const month = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?=(?:\s+of)?\s*$)/.exec(text);
    if (month && eventNamed(ctx.text, start + month[0].length)) continue;
    // "now" is the present-ref parser's (PRESENT_REF, or no time at all), never a clock time.
    if (/^(?:right\s+)?now$/i.test(text.trim())) continue;
    if (genericDeictic(ctx.text, start, start + text.length)) continue;
    // A "clock time" cut out of a larger number ("Jan. 1, 1990 at 1,015 francs") is no time.
    if (/^[,.]\d/.test(ctx.text.slice(start + text.length, start + text.length + 2))) continue;
    // "the day before" is the anaphoric parser's (chrono would also read
    // "the day before" in "later in the day before leaving").
    if (/^the\s+(day|week|month|year)\s+(before|after|prior)$/i.test(text)) continue;
    const c = componentsValue(r, ctx.anchor, clauseTense(ctx.text, start, start + text.length));
    if (!c) continue;
    out.push({ start, end: start + text.length, type: c.type, value: c.value, source: 'chrono', priority: 0 });
  }
  return out;
}

function componentsValue(r: chrono.ParsedResult, anchor: Ymd | null, tense: 'future' | 'past' | null): { type: 'DATE' | 'TIME'; value: string } | null {
  const s = r.start;
  const known = (c: chrono.Component) => s.isCertain(c);
  const relative = r.tags().has('result/relativeDate') || r.tags().has('parser/ENCasualDateParser') || r.tags().has('parser/ENCasualTimeParser');
  const y = s.get('year')!, m = s.get('month')!, d = s.get('day')!;
  let date: string | null;
  const hasDay = known('day') || known('weekday') || relative || known('hour');
  if (!anchor && !known('year')) {
    date = known('month') && known('day') ? `XXXX-${pad2(m)}-${pad2(d)}` : known('month') ? `XXXX-${pad2(m)}` : 'XXXX-XX-XX';
  } else if (known('month') && known('day') && !known('year') && anchor) {
    date = dayValue({ y: yearForMonthDay(anchor, m, d, 62, tense), m, d });
  } else if (known('weekday') && !known('day') && anchor) {
    // chrono looks forward for a weekday; news looks back unless the clause is future.
    date = dayValue(resolveWeekday(anchor, s.get('weekday')!, tense === 'future' ? 'future' : 'past'));
  } else if (hasDay) date = dayValue({ y, m, d });
  else if (known('month')) date = monthValue(y, m);
  else if (known('year')) date = pad4(y);
  else date = null;
  if (!date) return null;
  if (known('hour')) {
    const min = s.get('minute') ?? 0;
    // "midnight Friday", "midnight on Jan. 12": the end of the day named (T24:00), not its start.
    if (/\bmidnight\b/i.test(r.text) && (known('day') || known('weekday')) && s.get('hour') === 0 && min === 0) {
      return { type: 'TIME', value: `${date}T24:00` };
    }
    return { type: 'TIME', value: `${date}T${pad2(s.get('hour')!)}:${pad2(min)}` };
  }
  return { type: 'DATE', value: date };
}

/**
 * chrono reads numbers in financial copy as clock times ("125 a share",
 * "1.18 a"), fractions as dates ("7/8") and "Sun" as Sunday; such
 * results are dropped.
 */
export function plausible(text: string): boolean {
  // chrono keeps a trailing comma ("Sun,", "may,"); judge the words.
  const t = text.trim().replace(/[,;:]+$/, '');
  if (/^\d+([.:]\d+)?\s*a$/i.test(t)) return false;
  if (/^\d{1,2}\/\d{1,2}$/.test(t)) return false;
  if (/^\d+$/.test(t)) return false;
  if (/^(the\s+)?[A-Z]{2,}$/.test(t)) return false;
  if (/^(sun|sat|mon|tue|tues|wed|thu|thur|thurs|fri)\.?$/i.test(t)) return false;
  // A part of the day alone is no time of its own ("a morning talk show",
  // "good evening", "$50 a night").
  if (/^(morning|afternoon|evening|night)$/i.test(t)) return false;
  // A month in lower case alone is a word ("joined the march", "may").
  // So is one that starts the span: "may first ask", "march 12 miles".
  if (/^(january|february|march|april|may|june|july|august|september|october|november|december)\b/.test(t)) return false;
  if (/^\d+(\.\d+)?\s*(and|half)\b|^half/i.test(t)) return false;
  // "a second inquiry", "a minute's silence": chrono reads one second or minute from now, no time in news.
  if (/^(a|an|one)\s+(second|minute)$/i.test(t)) return false;
  // "the weeks", "the years" are vague stretches (duration.ts), not the coming week or year.
  if (/^the\s+(days|weeks|months|years|decades)\b/i.test(t)) return false;
  // "6.43" is a decimal ("fell 6.43 on Friday") unless a.m. or p.m. makes it a clock.
  if (/^\d{1,2}\.\d{2}(?!\d)/.test(t) && !/\b[ap]\.?m\b/i.test(t)) return false;
  // A clock time needs a clock mark: a colon, a.m./p.m., noon, midnight, o'clock, a zone.
  if (/^\d/.test(t) && !/[:]|\b[ap]\.?m\b|noon|midnight|o'clock|\b(GMT|UTC|EST|EDT|PST|PDT|CET|BST)\b|[A-Za-z]{3,}/i.test(t)) return false;
  return true;
}

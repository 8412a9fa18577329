/**
 * Business news compares a reporting period with the same period a year
 * before: "net rose to $5 million in the third quarter from $4 million a
 * year earlier". TimeML gives such comparisons the period's own grain
 * (1988-Q3, not 1988). This refiner, over the whole document in text order,
 * keeps the quarter the story last named and
 *  - fills the period parser's markers (CURRENT_PERIOD, YEAR_AGO_PERIOD);
 *  - gives "a year ago", "a year earlier", "a year before" the quarter one
 *    year back when a quarter was named in the same or the previous sentence.
 * Without a named quarter, the current period is the latest quarter ended
 * by publication.
 */
import { addMonths, pad4, quarterOf, type Ymd } from '../calendar.js';
import { CURRENT_PERIOD, YEAR_AGO_PERIOD } from '../parsers/period.js';

interface Timed { start: number; value: string; type: string; text: string; source: string; sentence: number }

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR_BACK = /^(?:a|one)\s+year\s+(?:ago|earlier|before)$/i;

/** The latest quarter that has ended by the anchor date. */
export function latestEndedQuarter(anchor: Ymd | null): string | null {
  if (!anchor) return null;
  const t = addMonths(anchor.y, anchor.m, -3);
  return `${pad4(t.y)}-Q${quarterOf(t.m)}`;
}

/** "a year ago", "a year earlier", "one year before": a comparison with the year before. */
export function isYearBackComparison(text: string): boolean {
  return YEAR_BACK.test(text.trim());
}

function yearBack(quarter: string): string {
  const m = QUARTER.exec(quarter)!;
  return `${pad4(+m[1] - 1)}-Q${m[2]}`;
}

export function refineReportingPeriods<T extends Timed>(times: T[], anchor: Ymd | null): T[] {
  let quarter: { value: string; sentence: number } | null = null;
  let spanSinceQuarter = false;
  const fallback = latestEndedQuarter(anchor);
  return times.map((t) => {
    let value = t.value;
    if (value === CURRENT_PERIOD) value = quarter?.value ?? fallback ?? 'XXXX-QX';
    else if (value.endsWith(':' + CURRENT_PERIOD)) {
      // "the 1988 period": the year given, the quarter from the story.
      const y = value.slice(0, 4);
      const q = quarter ? quarter.value.slice(5) : fallback ? fallback.slice(5) : 'QX';
      value = `${y}-${q}`;
    } else if (value.startsWith(YEAR_AGO_PERIOD)) {
      const q = value.split(':')[1];
      const current = quarter?.value ?? fallback;
      if (q && current) value = `${pad4(+current.slice(0, 4) - 1)}-Q${q}`;
      else if (current) value = yearBack(current);
      else value = anchor ? pad4(anchor.y - 1) : 'XXXX';
    } else if (YEAR_BACK.test(t.text.trim()) && quarter && !spanSinceQuarter) {
      value = yearBack(quarter.value);
    }
    // The story's current period moves with each quarter it names, not with the comparisons.
    // "the 1988 period" in a story of 1989 is the comparison, too.
    const otherYear = t.value.endsWith(':' + CURRENT_PERIOD) && quarter !== null && value.slice(0, 4) !== quarter.value.slice(0, 4);
    const comparison = t.value.startsWith(YEAR_AGO_PERIOD) || otherYear || value !== t.value && YEAR_BACK.test(t.text.trim());
    if (QUARTER.test(value) && !comparison) { quarter = { value, sentence: t.sentence }; spanSinceQuarter = false; }
    // After "the nine months" or "the six months ended …", a comparison a year back is with that span's year.
    if (t.type === 'DURATION' && /^P\d+M$/.test(value)) spanSinceQuarter = true;
    return value === t.value ? t : { ...t, value };
  });
}

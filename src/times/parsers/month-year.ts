/**
 * Months: "December 2020", "Oct. 2019", "October of 2019", and a month named
 * alone after a word that makes it a time ("in March", "since May",
 * "early June", "last December", "mid-July"). A month without a year takes
 * the year nearest the publication date, leaning to the past.
 */
import { addMonths, monthValue, pad2, yearForMonthDay } from '../calendar.js';
import { MONTH_RE, monthNumber } from '../words.js';
import { B, type TimeParser } from '../types.js';
import { clauseTense } from './weekday.js';

const MOD = '(?:(early|late|mid|the\\s+(?:end|beginning|start|middle)\\s+of)[\\s-]+)?';
const REL = '(?:(last|this|next|past)\\s+)?';

/** "the March for Life", "the March of the Combatant Mothers": a month name before such words names an event. */
export function eventNamed(text: string, end: number): boolean {
  return /^\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z]/.test(text.slice(end, end + 24));
}

export const monthYearParser: TimeParser = {
  name: 'month-year',
  pattern: () => new RegExp(
    '(?:(?<=\\b(?:in|since|by|until|till|through|from|to|during|before|after|of|and|or|between|early|late|mid)[\\s-])|' + B + ')' +
    MOD + REL + '(' + MONTH_RE + ')(?:(?:,|\\s+of)?\\s+(\\d{4})(?!\\d)|\\s+(last|this|next)\\s+year)?(?![\\w])', 'gi'),
  extract(ctx, m) {
    const [, mod, rel, name, year, yearRel] = m;
    const month = monthNumber(name);
    if (month == null || !/^[A-Z]/.test(name)) return null;
    const start = m.index;
    const end = m.index + m[0].length;
    // "Jan Kavan", "Mar Thoma": an abbreviation without a full stop before a name is no month.
    if (!year && /^[A-Z][a-z]{2}$/.test(name) && /^\s+[A-Z]/.test(ctx.text.slice(end, end + 3))) return null;
    // "last Oct. 23": a day follows, so the month-day parser reads the date.
    if (!year && !yearRel && /^\s+\d{1,2}(?:st|nd|rd|th)?(?![\d:])/.test(ctx.text.slice(end, end + 6))) return null;
    // A bare month must be introduced by a preposition or modifier, or be
    // unambiguous (not "May", not an abbreviation that is also a word).
    if (!year && !yearRel && !mod && !rel) {
      const before = ctx.text.slice(Math.max(0, start - 12), start);
      const introduced = /\b(in|since|by|until|till|through|from|to|during|before|after|of|and|or|between|early|late|mid)[\s-]$/i.test(before);
      if (!introduced) {
        // (A headline's capitals hide the word: "IT MAY RETALIATE" is the verb.)
        if (/^(May|Mar|Jan|Dec|Sept?|Oct|Nov|Aug|Apr|Feb|Jun|Jul)\.?$/i.test(name)) return null;
        if (eventNamed(ctx.text, end)) return null;
      }
    }
    let value: string;
    if (year) value = monthValue(+year, month);
    // "June last year", "March this year": the month of the year named.
    else if (yearRel && ctx.anchor) {
      const r = yearRel.toLowerCase();
      value = monthValue(ctx.anchor.y + (r === 'last' ? -1 : r === 'next' ? 1 : 0), month);
    }
    else if (ctx.anchor) {
      const a = ctx.anchor;
      const tense = clauseTense(ctx.text, start, end);
      let y = yearForMonthDay(a, month, null, 62, tense);
      // Without a tense cue, "by/until/through February" read months back is
      // more likely a deadline or a span still running: the next February.
      // (A month just gone stays: "held until early December" in January.)
      const monthsBack = (a.y - y) * 12 + a.m - month;
      if (tense === null && monthsBack >= 3 && /\b(?:by|until|till|through)\s+$/i.test(ctx.text.slice(Math.max(0, start - 10), start))) {
        y = yearForMonthDay(a, month, null, 62, 'future');
      }
      const r = rel?.toLowerCase();
      if (r === 'last' || r === 'past') y = month < a.m ? a.y : a.y - 1;
      else if (r === 'next') y = month > a.m ? a.y : a.y + 1;
      else if (r === 'this') y = a.y;
      void addMonths;
      value = monthValue(y, month);
    } else value = `XXXX-${pad2(month)}`;
    // Include the modifier in the span; strip a leading lower-case "mid-" hyphen only.
    return { start, end, type: 'DATE', value, source: 'month-year', priority: year || yearRel ? 3 : 2 };
  },
};

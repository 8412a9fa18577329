/**
 * Years and decades: "in 2016", "since 2003", "late 2019", "mid-2020",
 * "the end of 1990", "fiscal 1997", "the year 2000", "the 1990s", "the '90s",
 * "post-1959" (the year it is told from).
 * A half of a year is that year's H1 or H2: "the first half of 1990",
 * "the last half of 1989", "the first two quarters of 1990".
 * A four-digit number is taken as a year when it lies in 1900–2099 and
 * does not read as a count ("2000 troops", "$1999", "1998 percent").
 */
import { B, type TimeParser } from '../types.js';

/** "first half", "second half", "last half", "latter half", "first two quarters", "last two quarters". */
export const HALF = '(?:(?:first|second|last|latter|back)\\s+half|(?:first|last)\\s+two\\s+quarters)';

/** H1 or H2 for a half named in `mod`; null when it names none. */
export function halfOf(mod: string | undefined): 'H1' | 'H2' | null {
  const h = mod && new RegExp(HALF, 'i').exec(mod);
  if (!h) return null;
  return /^first/i.test(h[0]) ? 'H1' : 'H2';
}

const MOD = '(?:(?:early|late|mid|pre|post|(?:the\\s+)?(?:(?:end|beginning|start|middle)|' + HALF + ')\\s+of|(?:fiscal|calendar|the\\s+year|the\\s+fiscal\\s+year)\\s*)[\\s-]*)?';

export const yearParser: TimeParser = {
  name: 'year',
  pattern: () => new RegExp(
    B + '(' + MOD + ')(?:(1[89]\\d\\d|20\\d\\d)(?!\\d)|(?:the\\s+)?(1[89]\\d0|20\\d0|\'\\d0)s)(?![\\w%]|,\\d|\\.\\d)', 'gi'),
  extract(ctx, m) {
    const [, mod, year, decade] = m;
    const start = m.index;
    const end = m.index + m[0].length;
    if (decade) {
      const century = decade.startsWith("'") ? (+decade.slice(1, 2) >= 3 ? '19' : '20') : decade.slice(0, 2);
      const d = decade.startsWith("'") ? decade.slice(1, 2) : decade.slice(2, 3);
      return { start, end, type: 'DATE', value: century + d, source: 'year', priority: 2 };
    }
    const before = ctx.text.slice(Math.max(0, start - 20), start);
    const after = ctx.text.slice(end, end + 24);
    if (/[$€£#]\s*$/.test(before)) return null;
    if (/^\s*(percent|per\s+cent|%)/i.test(after)) return null;
    // A count of things: "2000 troops" (lower-case plural noun straight after),
    // unless a preposition before makes it a time ("in 2000 voters …").
    const introduced = /\b(in|since|by|until|till|through|from|to|during|before|after|of|and|or|between|around|for|year|fiscal|early|late|mid|the\s+end\s+of)[\s-]+$/i.test(before) || mod;
    if (!introduced && /^\s+(?!years|times|months|days)[a-z]+s\b/.test(after)) return null;
    if (!introduced && /^\s+(people|men|women|children|police|staff|troops|personnel|members|of\s+the|more|fewer|others)\b/.test(after)) return null;
    // "2,000" or a number in a list of numbers is not a year.
    if (/\d[,.]?\s*$/.test(before)) return null;
    const half = halfOf(mod);
    return { start, end, type: 'DATE', value: half ? `${year}-${half}` : year, source: 'year', priority: 2 };
  },
};

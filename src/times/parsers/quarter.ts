/**
 * Quarters of a year: "the third quarter", "third-quarter", "Q3 2020",
 * "the first quarter of 2021", "the fourth quarter of last year".
 * Without a year a quarter is the latest one that has begun by
 * publication (quarters are mostly reported after the fact).
 */
import { pad4, quarterOf } from '../calendar.js';
import { B, type TimeParser } from '../types.js';

const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

export const quarterParser: TimeParser = {
  name: 'quarter',
  pattern: () => new RegExp(B + '(?:(?:the\\s+)?(?:fiscal[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+quarter(?:\\s+of\\s+(?:(\\d{4})|(last|this|next)\\s+year)|,?\\s+(\\d{4})(?!\\d))?|Q([1-4])(?:\\s+(\\d{4}))?)(?![\\w])', 'gi'),
  extract(ctx, m) {
    const [, ord, y1, rel, y2, qn, y3] = m;
    const q = ord ? ORD[ord.toLowerCase()] : +qn;
    const start = m.index;
    const end = start + m[0].length;
    const explicit = y1 ?? y2 ?? y3;
    // "the third-quarter loss": the adjective alone is the time.
    if (/^the\s+/i.test(m[0]) && /-quarter$/i.test(m[0])) {
      const cut = /^the\s+/i.exec(m[0])![0].length;
      return this.extract(ctx, Object.assign([m[0].slice(cut), ...m.slice(1)], { index: m.index + cut, input: m.input }) as unknown as RegExpExecArray);
    }
    let year: string;
    if (explicit) year = explicit;
    else if (!ctx.anchor) year = 'XXXX';
    else if (rel) year = pad4(ctx.anchor.y + (rel.toLowerCase() === 'last' ? -1 : rel.toLowerCase() === 'next' ? 1 : 0));
    else year = pad4(q <= quarterOf(ctx.anchor.m) ? ctx.anchor.y : ctx.anchor.y - 1);
    return { start, end, type: 'DATE', value: `${year}-Q${q}`, source: 'quarter', priority: 3 };
  },
};

/**
 * "the week of March 6" is the week holding that day.
 * "the day before yesterday", "the day after Christmas", "the week after
 * Easter", "the year before 1990": a shift told from the time that follows
 * it is one expression, valued from that time (not from the story's last
 * time, as a lone "the day before" is).
 */
import { parseYmd, weekValue } from '../calendar.js';
import { shiftValue } from './discourse.js';
import type { TimeRefiner } from '../types.js';

const SHIFT_BEFORE = /^the\s+(day|week|month|year)\s+(before|after)$/i;

export const relativeToTimeRefiner: TimeRefiner = {
  name: 'relative-to-time',
  refine(ctx, candidates) {
    const out = [...candidates].sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i];
      const b = out[i + 1];
      if (a.source !== 'anaphoric' || (b.type !== 'DATE' && b.type !== 'TIME')) continue;
      const m = SHIFT_BEFORE.exec(ctx.text.slice(a.start, a.end));
      if (!m || !/^\s+$/.test(ctx.text.slice(a.end, b.start))) continue;
      const unit = m[1].toLowerCase() as 'day' | 'week' | 'month' | 'year';
      const value = shiftValue(b.value, { unit, n: m[2].toLowerCase() === 'after' ? 1 : -1 });
      if (!value) continue;
      out.splice(i, 2, { start: a.start, end: b.end, type: 'DATE', value, source: 'relative-to-time', priority: a.priority });
    }
    return out.map((c) => {
      const lead = /\b(?:the|that|this)\s+week\s+of\s+$/i.exec(ctx.text.slice(Math.max(0, c.start - 20), c.start));
      const day = /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? parseYmd(c.value) : null;
      if (!lead || !day || c.type !== 'DATE') return c;
      return { ...c, start: c.start - lead[0].length, value: weekValue(day), source: 'relative-to-time' };
    });
  },
};

/**
 * A clock time whose day follows it across a bracket takes that day:
 * "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning (4 a.m.
 * Thursday)". chrono joins a clock time to a day only when they touch;
 * otherwise it dates the clock time on the publication day.
 */
import type { TimeRefiner } from '../types.js';

/** Words that give a clock time a day of its own. */
const DAY_WORD = /\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|today|tonight|tomorrow|yesterday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{1,2}[/.-]\d{1,2}[/.-]\d/i;
/** What may stand between the clock time and its day: a bracketed aside, or the bracket that opens it. */
const GAP = /^\s*(?:\([^()]*\)\s*,?\s*(?:on\s+)?|\(\s*)$/;

export const clockDateRefiner: TimeRefiner = {
  name: 'clock-date',
  refine(ctx, candidates) {
    return candidates.map((c, i) => {
      const next = candidates[i + 1];
      if (!next || c.type !== 'TIME' || !/^\d{4}-\d{2}-\d{2}T/.test(c.value)) return c;
      if (DAY_WORD.test(ctx.text.slice(c.start, c.end))) return c;
      const day = /^\d{4}-\d{2}-\d{2}/.exec(next.value);
      if (!day || !GAP.test(ctx.text.slice(c.end, next.start))) return c;
      return { ...c, value: day[0] + c.value.slice(10) };
    });
  },
};

/**
 * A weekday that ends a holiday or a named day ("Good Friday", "Bloody Sunday") is the holiday
 * parser's to read, or to leave when the day begins a longer name ("the Good Friday Agreement")
 * or is an event rather than a date: other parsers' readings of it ("the last Friday") are dropped.
 */
import type { TimeRefiner } from '../types.js';
import { endsNamedDay } from '../parsers/holiday.js';

export const namedDayRefiner: TimeRefiner = {
  name: 'named-day',
  refine(ctx, candidates) {
    return candidates.filter((c) => c.source === 'holiday' || !endsNamedDay(ctx.text, c.start, c.end));
  },
};

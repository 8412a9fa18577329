/**
 * A wire dateline's day ("BAGHDAD, March 23 - Iraq said …"): the day the
 * report was filed, as the publication date is, not the day of what it tells.
 * "today", "yesterday" and weekdays count from it; it dates no event itself
 * (DESIGN: never the publication date as an event's date).
 */
import type { Span } from '../doc/types.js';

/** Place words in capitals, then a comma, from the start of the line up to the date. */
const PLACE_BEFORE = /(?:^|\n)[ \t]*[\p{Lu}][\p{Lu}\s.,'’&()-]*,[ \t]*$/u;
/** The dash that ends a dateline. */
const DASH_AFTER = /^[ \t]*[-–—]+\s/;

/** Whether the time expression at `t` is a dateline's day. */
export function isDatelineTime(text: string, t: Span): boolean {
  const line = text.lastIndexOf('\n', t.start - 1) + 1;
  // (A dateline is short: a place and a comma.)
  if (t.start - line > 60) return false;
  return PLACE_BEFORE.test(text.slice(Math.max(0, line - 1), t.start)) && DASH_AFTER.test(text.slice(t.end, t.end + 4));
}

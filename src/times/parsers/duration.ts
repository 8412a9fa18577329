/**
 * Durations: "three days", "48 hours", "a couple of years", "several
 * months" (P3D, PT48H, P2Y, PXM), adjectives like "five-year" and
 * "24-hour", "half an hour", "a year and a half", "the past three months",
 * and bare plurals after "for"/"over"/"within" ("for years" → PXY) or
 * "the" ("in the weeks ahead", "the years that followed" → PXW, PXY), and
 * "for a while" (PXX: no unit stated).
 * "The past year" is the calendar year before publication (DATE), as
 * TimeML annotates it.
 * Ages ("a 34-year-old") are not durations here.
 */
import { QUANTITY_RE, UNIT_RE, durationValue, quantityValue, unitOf } from '../words.js';
import { B, type TimeParser } from '../types.js';
import { shiftedUnitValue } from './relative-year.js';

const LEAD = '(?:the\\s+)?(?:(?:past|last|next|coming|previous|following|first|final)\\s+)?';
const APPROX = '(?:(?:about|around|almost|nearly|roughly|some|more\\s+than|less\\s+than|at\\s+least|up\\s+to|over|only|just)\\s+)?';

export const durationParser: TimeParser = {
  name: 'duration',
  pattern: () => new RegExp(B + '(?:' +
    // 1: "half an hour", "half a day", "a quarter of a century"
    '((?:half|a\\s+quarter\\s+of|three[\\s-]+quarters\\s+of)\\s+(?:an?\\s+)(hour|day|year|month|week|minute|decade|century))' +
    // 3 lead, 4 qty, 5 unit, 6 "and a half"
    '|(' + LEAD + APPROX + ')(' + QUANTITY_RE + ')[\\s-]+(?:(?:more|additional|further|straight|consecutive|trading|business|working)\\s+)?(' + UNIT_RE + ')(?:s(?!-long)|(?:-long)?)(\\s+and\\s+a\\s+half)?' +
    // 7: "the past year", "the next decade" (one unit, no number)
    '|(?:the\\s+)(?:past|last|next|coming)\\s+(week|month|year|decade|century)(?!\\s+(?:and|or)\\b)' +
    // 8: bare plural after for/over/within
    '|(?:(?<=\\b(?:for|over|within|lasting|took|take|takes|spent|spend)\\s+)(?:(?:the\\s+)?(?:past|last|next|coming)\\s+)?|(?:the\\s+)?(?:recent|coming|past(?:\\s+few)?|last\\s+few|next\\s+few)\\s+)(seconds|minutes|hours|days|weeks|months|quarters|years|decades)' +
    // 9: "the weeks ahead", "the years that followed": a vague stretch of the unit
    '|the\\s+(?:(?:first|early|final|last|closing|opening)\\s+)?(days|weeks|months|years|decades)(?!-)(?:\\s+(?:ahead|to\\s+come))?' +
    // 10: "for a while": a stretch of no stated unit
    '|(?<=\\bfor\\s+)(a\\s+(?:long\\s+|short\\s+|little\\s+)?while)' +
    // 11: "the first hours of the war", "the early hours" (of a stretch, not of a named day)
    '|the\\s+(?:first|early|final|last|closing|opening)\\s+(hours|minutes)' +
    // 12: "a decades-long feud", "a months-long strike": a vague stretch
    '|(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)-long' +
    ')(?![\\w])', 'gi'),
  extract(ctx, m) {
    const start = m.index;
    const end = start + m[0].length;
    const after = ctx.text.slice(end, end + 12);
    if (m[1]) {
      const unit = unitOf(m[2])!;
      const part = /^half/i.test(m[1]) ? 0.5 : /^three/i.test(m[1]) ? 0.75 : 0.25;
      return { start, end, type: 'DURATION', value: durationValue(part, unit), source: 'duration', priority: 2 };
    }
    if (m[7]) {
      const unit = unitOf(m[7])!;
      // "in the past year": TimeML reads it as the calendar year before
      // publication (like "last year"), not as a stretch of twelve months.
      // ("The past decade" stays a duration: annotators split on it.)
      if (/^the\s+(past|last)\s/i.test(m[0]) && unit === 'year' && ctx.anchor) {
        return { start, end, type: 'DATE', value: shiftedUnitValue(ctx.anchor, unit, -1), source: 'duration', priority: 2 };
      }
      return { start, end, type: 'DURATION', value: durationValue(1, unitOf(m[7])!), source: 'duration', priority: 2 };
    }
    if (m[10]) return { start, end, type: 'DURATION', value: 'PXX', source: 'duration', priority: 1 };
    if (m[8] || m[9] || m[11] || m[12]) {
      // "the early hours of Thursday": a part of the day named, not a stretch.
      if ((m[9] || m[11]) && /^\s+of\s+(?:(?:last|this|next)\s+)?(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|today|yesterday|tomorrow|[A-Z][a-z]{2}\.?\s+\d)/.test(ctx.text.slice(end, end + 20))) return null;
      const unit = unitOf(m[8] ?? m[9] ?? m[11] ?? m[12])!;
      // "a day-long meeting": one unit.
      if (m[12] && !/s$/i.test(m[12])) return { start, end, type: 'DURATION', value: durationValue(1, unit), source: 'duration', priority: 1 };
      return { start, end, type: 'DURATION', value: durationValue(null, unit), source: 'duration', priority: 1 };
    }
    const lead = m[3] ?? '';
    const qtyText = m[4];
    const unit = unitOf(m[5]);
    if (!unit) return null;
    // "three-quarters of" is a fraction, not three quarters of a year.
    if (unit === 'quarter' && /-\s*quarters?$/i.test(m[0])) return null;
    // "a quarter of the market", "three quarters of the votes": a fraction,
    // unless what it divides is time ("a quarter of an hour", "of a century").
    if (unit === 'quarter' && !/past|last|next|coming|previous|following|first|final/i.test(lead) && /^(?:a|an|one|two|three)$/i.test(qtyText) &&
      /^\s+of\s+(?:the|its|their|his|her|our|all|this|that|these|those|a|an|\d)\b(?!\s+(?:hour|day|week|month|year|decade|century)\b)/i.test(ctx.text.slice(end, end + 24))) return null;
    // Ages: "a 34-year-old", "five years old".
    if (/^(-|\s+)old\b/i.test(after)) return null;
    // "the eight-year war": the duration is the adjective, without "the".
    if (/-/.test(m[0].slice(m[0].length - m[5].length - 2)) && /^the\s+/i.test(m[0]) && !/past|last|next|coming|previous|following|first|final/i.test(lead)) {
      const cut = /^the\s+/i.exec(m[0])![0].length;
      return { start: start + cut, end, type: 'DURATION', value: durationValue(quantityValue(qtyText), unit), source: 'duration', priority: 1 };
    }
    const q = qtyText.toLowerCase();
    // "will one day be", "could one day win": "one day" after a modal is "some day", a vague future.
    if (q === 'one' && unit === 'day' && !lead && /\b(?:will|would|could|might|may|shall|can)\s+$/i.test(ctx.text.slice(Math.max(0, start - 8), start)) && /^\s+[a-z]/.test(after)) {
      return { start, end, type: 'DATE', value: 'FUTURE_REF', source: 'duration', priority: 1 };
    }
    // "a second attack", "a minute's silence" ok; "a second" followed by a noun is an ordinal.
    if (unit === 'second' && /^(a|an|one)$/.test(q) && /^\s+[a-z]/.test(after)) return null;
    // "twice a year", "once a week": the unit is a frequency (set.ts).
    const before = ctx.text.slice(Math.max(0, start - 12), start);
    if (/^(a|an|one)$/.test(q) && /\b(once|twice|times|per)\s+$/i.test(before)) return null;
    // "$2 million a year", "four flights a week": a rate, not a stretch of time.
    const wider = ctx.text.slice(Math.max(0, start - 30), start);
    if (/^(a|an)$/.test(q) && !lead && (/(\d|million|billion|thousand|percent|%)\s+$/i.test(wider) ||
      /\b(?!(?:was|is|has|its|this|his|as|us|yes|years|months|days|weeks|hours|less|plus|across)\b)[a-z]+s\s+$/.test(wider))) return null;
    if (/^(some|many)$/.test(q) && !lead) return null;
    let n = quantityValue(qtyText);
    if (n != null && m[6]) n += 0.5;
    // A hyphenated "first-quarter" or a lone ordinal lead with "a" is not a duration.
    if (/first|final/i.test(lead) && n == null) return null;
    // Trim a leading "approximately" word out of the span? TimeML keeps it; so do we.
    return { start, end, type: 'DURATION', value: durationValue(n, unit), source: 'duration', priority: 1 };
  },
};

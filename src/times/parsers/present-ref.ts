/**
 * Vague references to the present, past and future (TIMEX3 PRESENT_REF,
 * PAST_REF, FUTURE_REF): "now", "currently", "at present", "nowadays",
 * "recently", "in the past", "in the future", "soon".
 * A sentence opened by "Now," uses it as a discourse marker: no time.
 */
import { B, type TimeParser } from '../types.js';

const WORDS: Record<string, string> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', currently: 'PRESENT_REF', 'at present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF', nowadays: 'PRESENT_REF', 'these days': 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  recently: 'PAST_REF', 'the past': 'PAST_REF',
  recent: 'PAST_REF', current: 'PRESENT_REF',
  // "the then current price": the present of a past time.
  'then current': 'PAST_REF', 'then-current': 'PAST_REF',
  'the future': 'FUTURE_REF', 'the near future': 'FUTURE_REF',
  'the near term': 'FUTURE_REF', 'the short term': 'FUTURE_REF',
};

export const presentRefParser: TimeParser = {
  name: 'present-ref',
  pattern: () => new RegExp(B + '(' + Object.keys(WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|') + ')(?![\\w\'’-])', 'gi'),
  extract(ctx, m) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    const value = WORDS[key];
    if (!value) return null;
    // "now" as a discourse marker between commas is still the present; but
    // "the past" only counts after "in"/"from"/"than" (not "the past week").
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "the past three months", "recent weeks", "the current quarter" belong to other parsers.
    if (/^[\s-]+(?:[a-z0-9]+[\s-]+)?(?:[a-z]+[\s-]+)?(years?|months?|weeks?|days?|hours?|decades?|centur|quarters?|summers?|winters?|springs?|autumns?|falls?)\b/i.test(after) && /^(the |recent|current|future)/i.test(key)) return null;
    // Bare "current", "recent", "future" only as adjectives before a noun: "the current crisis".
    if (/^(recent|current|future|then current|then-current)$/.test(key) && !/^\s+[a-z]/.test(after)) return null;
    if (/^(current|future|then current|then-current)$/.test(key) && /^\s+(account|affairs|events|assets|liabilities|generations?|of)\b/.test(after)) return null;
    // A sentence opened by "Now," is a discourse marker turning the story, not a time.
    if (key === 'now' && /^,/.test(after) && /(?:^|[.!?])["'`\s]*$/.test(ctx.text.slice(0, m.index))) return null;
    // "the future of X" is a topic, not a time.
    if (key === 'the future' && /^\s+of\b/i.test(after)) return null;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value, source: 'present-ref', priority: 1 };
  },
};

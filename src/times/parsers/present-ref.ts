/**
 * Vague references to the present, past and future (TIMEX3 PRESENT_REF,
 * PAST_REF, FUTURE_REF): "now", "currently", "at present", "nowadays",
 * "recently", "in the past", "in the future", "soon".
 */
import { B, type TimeParser } from '../types.js';

const WORDS: Record<string, string> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', currently: 'PRESENT_REF', 'at present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF', nowadays: 'PRESENT_REF', 'these days': 'PRESENT_REF',
  'the present': 'PRESENT_REF', 'this time': 'PRESENT_REF',
  recently: 'PAST_REF', 'the past': 'PAST_REF', previously: 'PAST_REF', formerly: 'PAST_REF',
  'recent years': 'PAST_REF', 'recent months': 'PAST_REF', 'recent weeks': 'PAST_REF', 'recent days': 'PAST_REF',
  'the future': 'FUTURE_REF', soon: 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the coming days': 'FUTURE_REF',
  'the coming weeks': 'FUTURE_REF', 'the coming months': 'FUTURE_REF', 'the coming years': 'FUTURE_REF',
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
    if (/^\s+(?:few\s+|several\s+|\d+\s+|[a-z]+[-\s]+)?(year|month|week|day|hour|decade|centur)/i.test(after) && /^the /i.test(key)) return null;
    // "the future of X" is a topic, not a time.
    if (key === 'the future' && /^\s+of\b/i.test(after)) return null;
    if (key === 'this time' && !/^\s*(,|\.|$)/.test(after)) return null;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', value, source: 'present-ref', priority: 1 };
  },
};

/**
 * Years, decades and centuries spelled out, as broadcast transcripts write
 * them: "nineteen ninety-six" (1996), "the year two thousand" (2000),
 * "two thousand and one", "January nineteen ninety-seven", "the winter of
 * nineteen ninety-four" (the month and season parsers take the year from
 * here), "the nineties" (199), "the 20th century" / "the twentieth
 * century" (19).
 */
import { monthValue } from '../calendar.js';
import { MONTH_RE, monthNumber } from '../words.js';
import { B, type TimeParser } from '../types.js';

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty first': 21,
};

const UNIT_W = '(?:one|two|three|four|five|six|seven|eight|nine)';
const TENS_W = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const TEEN_W = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
/** "ninety-six", "ninety six", "ninety", "eleven", "oh five". */
const TWO_DIGITS = '(?:' + TENS_W + '(?:[\\s-]+' + UNIT_W + ')?|' + TEEN_W + '|oh[\\s-]+' + UNIT_W + ')';
export const SPELLED_YEAR = '(?:(?:nineteen|eighteen|twenty)[\\s-]+' + TWO_DIGITS + '|two\\s+thousand(?:(?:\\s+and)?\\s+(?:' + TWO_DIGITS + '|' + UNIT_W + '))?)';
const ORDINAL_W = '(?:\\d{1,2}(?:st|nd|rd|th)|(?:twenty[\\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))';

function twoDigits(s: string): number | null {
  const w = s.toLowerCase().split(/[\s-]+/).filter((x) => x !== 'oh' && x !== 'and');
  let n = 0;
  for (const x of w) {
    if (x in TENS) n += TENS[x];
    else if (x in TEENS) n += TEENS[x];
    else if (x in UNITS) n += UNITS[x];
    else return null;
  }
  return n;
}

/** "nineteen ninety-six" → 1996, "two thousand and one" → 2001; null when not a year. */
export function spelledYear(s: string): number | null {
  const t = s.toLowerCase().trim();
  const k = /^two\s+thousand(?:(?:\s+and)?\s+(.+))?$/.exec(t);
  if (k) {
    const rest = k[1] ? twoDigits(k[1]) : 0;
    return rest == null ? null : 2000 + rest;
  }
  const m = /^(nineteen|eighteen|twenty)[\s-]+(.+)$/.exec(t);
  if (!m) return null;
  const rest = twoDigits(m[2]);
  if (rest == null || rest > 99) return null;
  return TEENS[m[1]] !== undefined ? TEENS[m[1]] * 100 + rest : 2000 + rest;
}

function ordinalNumber(s: string): number | null {
  const t = s.toLowerCase().replace(/\s+/g, ' ');
  const d = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
  if (d) return +d[1];
  return ORDINAL[t] ?? ORDINAL[t.replace(' ', '-')] ?? null;
}

export const wordYearParser: TimeParser = {
  name: 'word-year',
  pattern: () => new RegExp(B + '(?:' +
    // 1 month: "January nineteen ninety-seven"; 2 the year
    '(?:(' + MONTH_RE + ')\\s+|the\\s+year\\s+)?(' + SPELLED_YEAR + ')' +
    // 3: "the nineties"
    '|the\\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)' +
    // 4: "the 20th century"
    '|(?:the\\s+)?(' + ORDINAL_W + ')[\\s-]+century' +
    ')(?![\\w-])', 'gi'),
  extract(ctx, m) {
    const start = m.index;
    const end = start + m[0].length;
    const mk = (value: string) => ({ start, end, type: 'DATE' as const, value, source: 'word-year', priority: 3 });
    if (m[2]) {
      const y = spelledYear(m[2]);
      if (y == null) return null;
      // "twenty-five" alone is a count; only the "nineteen …"/"two thousand" forms, or "the year …", are years.
      if (/^twenty/i.test(m[2]) && !/^the\s+year/i.test(m[0]) && !m[1]) return null;
      // "two thousand troops" is a count.
      if (/^two\s+thousand/i.test(m[2]) && !/^the\s+year/i.test(m[0]) && !m[1] &&
        !/\b(in|since|by|until|of|year|from|to)\s+$/i.test(ctx.text.slice(Math.max(0, start - 8), start))) return null;
      if (/^\s+[a-z]+s\b/.test(ctx.text.slice(end, end + 12)) && !m[1] && !/^the\s+year/i.test(m[0])) return null;
      if (m[1]) {
        const month = monthNumber(m[1]);
        if (month == null || !/^[A-Z]/.test(m[1])) return null;
        return mk(monthValue(y, month));
      }
      return mk(String(y));
    }
    if (m[3]) {
      const d = TENS[m[3].toLowerCase().replace(/ies$/, 'y')];
      return d ? mk('19' + String(d / 10)) : null;
    }
    if (m[4]) {
      const n = ordinalNumber(m[4]);
      if (n == null || n < 1 || n > 21) return null;
      return mk(String(n - 1).padStart(2, '0'));
    }
    return null;
  },
};

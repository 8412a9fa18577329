/**
 * Reporting periods, as business news names them: "the quarter", "the
 * latest period", "the year-earlier quarter", "the year-ago period",
 * "year-earlier" (as in "year-earlier results"), "the 1988 third quarter",
 * "this year's third quarter", "last year's quarter", "the corresponding
 * period last year", "the quarter a year ago".
 * Which quarter they mean depends on the story: the parser leaves a marker
 * value (CURRENT_PERIOD, YEAR_AGO_PERIOD) that the reporting-period refiner
 * replaces with the quarter the story last named (or the latest quarter
 * ended by publication), or that quarter one year back.
 */
import { pad4 } from '../calendar.js';
import { B, type TimeCandidate, type TimeParser } from '../types.js';

export const CURRENT_PERIOD = 'CURRENT_PERIOD';
export const YEAR_AGO_PERIOD = 'YEAR_AGO_PERIOD';

const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const ORD_RE = '(first|second|third|fourth)';
const AGO_ADJ = '(?:year-(?:earlier|ago|before)|prior-year|previous-year)';

export const periodParser: TimeParser = {
  name: 'period',
  pattern: () => new RegExp(B + '(?:' +
    // 1: "the (comparable) year-earlier (third) quarter|period"
    '(the\\s+(?:comparable\\s+|corresponding\\s+|same\\s+)?' + AGO_ADJ + '(?:\\s+' + ORD_RE + ')?[\\s-]+(?:quarter|period))' +
    // 3: "the corresponding/same/comparable period|quarter (of) last year" / "the quarter a year ago|earlier"
    '|(the\\s+(?:(?:corresponding|same|comparable|year-ago)\\s+)?(?:period|quarter)\\s+(?:of\\s+)?(?:last\\s+year|a\\s+year\\s+(?:ago|earlier)))' +
    // 4: a bare "year-earlier" / "year-ago" adjective
    '|(' + AGO_ADJ + ')(?=\\s+[a-z])' +
    // 5 year, 6 ordinal: "the 1988 (third) quarter|period"
    '|the\\s+(\\d{4})(?:\\s+' + ORD_RE + ')?\\s+(?:quarter|period)' +
    // 7 rel, 8 ordinal: "this year's third quarter", "last year's quarter"
    '|(this|last|next)\\s+year\'s\\s+(?:' + ORD_RE + '[\\s-]+)?quarter' +
    // 9: "the quarter", "the latest period", "that quarter", "the latest quarter", "the current quarter"
    '|((?:the|that)\\s+(?:(?:latest|most\\s+recent|recent|just-ended|just\\s+ended|current|fiscal)\\s+)?quarter|the\\s+(?:latest|most\\s+recent)\\s+period)' +
    // 10: "the (full|fiscal|current fiscal) year"; 11: "year-end", "year's end"
    '|((?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+)?the\\s+(?:(full|fiscal|current\\s+fiscal|current|latest\\s+fiscal|latest|entire|whole)\\s+)?year)(?!\\s+(?:before|after|earlier|later|ago|of|two|nineteen|\\d))' +
    '|((?:the\\s+)?year[\\s-]end|year\'s\\s+end)' +
    ')(?![\\w-])', 'gi'),
  extract(ctx, m) {
    const start = m.index;
    const end = start + m[0].length;
    const after = ctx.text.slice(end, end + 16);
    const mk = (value: string, priority = 4): TimeCandidate => ({ start, end, type: 'DATE', value, source: 'period', priority });
    if (m[1]) {
      const q = m[2] ? ORD[m[2].toLowerCase()] : null;
      return mk(q ? `${YEAR_AGO_PERIOD}:${q}` : YEAR_AGO_PERIOD);
    }
    if (m[3]) return mk(YEAR_AGO_PERIOD);
    if (m[4]) {
      // "the year-earlier nine months" is a span of months, not a quarter.
      if (/^\s+(nine|six|three|\d+)\s+months/i.test(after)) return null;
      return mk(YEAR_AGO_PERIOD, 3);
    }
    if (m[5]) {
      const q = m[6] ? ORD[m[6].toLowerCase()] : null;
      return mk(q ? `${m[5]}-Q${q}` : `${m[5]}:${CURRENT_PERIOD}`);
    }
    if (m[7]) {
      const rel = m[7].toLowerCase();
      const dy = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      const y = ctx.anchor ? pad4(ctx.anchor.y + dy) : 'XXXX';
      const q = m[8] ? ORD[m[8].toLowerCase()] : null;
      if (q) return mk(`${y}-Q${q}`);
      return mk(rel === 'last' ? YEAR_AGO_PERIOD : `${y}:${CURRENT_PERIOD}`);
    }
    if (m[9]) {
      // "the quarter of a century", "the quarter point": not a period of the calendar.
      if (/^\s*(of|point|mile|percent|share|hour|final|-)/i.test(after)) return null;
      return mk(CURRENT_PERIOD, 2);
    }
    if (m[10]) {
      // "the year ended June 30" is the span of a fiscal year; otherwise the year of publication.
      if (/^\s+(ended|ending|to|through)\b/i.test(after)) return { start, end, type: 'DURATION', value: 'P1Y', source: 'period', priority: 2 };
      if (!ctx.anchor) return mk('XXXX', 2);
      const latest = m[11] && /latest/i.test(m[11]);
      return mk(pad4(ctx.anchor.y - (latest ? 1 : 0)), 2);
    }
    if (m[12]) return mk(ctx.anchor ? pad4(ctx.anchor.y) : 'XXXX', 2);
    return null;
  },
};

/**
 * All-digit dates: ISO "2021-01-07", day-first "07.01.2021" (dots are a
 * European writing, so day first), and slashed "1/7/2021" read month-first
 * as US English does unless the first number cannot be a month.
 */
import { dayValue, isValidDay } from '../calendar.js';
import { B, candidate, type TimeParser } from '../types.js';

export const numericDateParser: TimeParser = {
  name: 'numeric-date',
  pattern: () => new RegExp(B + '(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})([./])(\\d{1,2})\\5(\\d{4}))(?![\\w.\\/-]\\d)(?!\\w)', 'g'),
  extract(_ctx, m) {
    let y: number, mo: number, d: number;
    if (m[1]) {
      y = +m[1]; mo = +m[2]; d = +m[3];
    } else {
      const a = +m[4], b = +m[6];
      y = +m[7];
      if (m[5] === '.') { d = a; mo = b; } // day-first
      else if (a > 12) { d = a; mo = b; }
      else { mo = a; d = b; }
    }
    if (!isValidDay(y, mo, d)) return null;
    return candidate(m, 'DATE', dayValue({ y, m: mo, d }), 'numeric-date', 3);
  },
};

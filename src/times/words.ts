/** Word lists shared by the time parsers: numbers, months, weekdays, units. */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names as a regex alternative; abbreviations may carry a full stop. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

export const WEEKDAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

export function weekdayNumber(word: string): number | null {
  return WEEKDAYS[word.toLowerCase().replace(/s$/, '').replace(/\.$/, '')] ?? null;
}

const SMALL: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, half: 0.5,
};

/** Counting words a number may be made of ("twenty four", "forty-eight"). */
const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|' +
  'fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';

/**
 * A quantity before a unit: digits, number words, "a"/"an", "a couple of",
 * "a few", "several", "many", "some" (the vague ones give X in values).
 */
export const QUANTITY_RE =
  '(?:\\d+\\s+1/2|\\d+(?:[.,]\\d+)?|' + NUMBER_WORD + '(?:[\\s-]+' + NUMBER_WORD + ')?(?:\\s+hundred)?|a\\s+hundred|a\\s+dozen|' +
  '(?:a\\s+)?couple\\s+of|a\\s+couple|a\\s+few|few|several|many|some|a|an)';

/** The number a quantity says, or null for a vague one ("several"). */
export function quantityValue(q: string): number | null {
  const s = q.toLowerCase().replace(/,/g, '').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const half = /^(\d+)\s+1\/2$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  // "a couple of days", and the headline style "couple of days" without the article.
  if (/^(a\s+)?couple/.test(s)) return 2;
  if (/^(a\s+)?few$|^several$|^many$|^some$/.test(s)) return null;
  if (/^a\s+hundred$/.test(s)) return 100;
  if (/^a\s+dozen$/.test(s)) return 12;
  let total = 0;
  for (const w of s.split(/[\s-]+/)) {
    const v = SMALL[w];
    if (v === undefined) return null;
    if (w === 'hundred') total = (total || 1) * 100;
    else total += v;
  }
  return total;
}

/** Unit words → TIMEX3 duration letter, and whether it is a time-of-day unit (PT…). */
export const UNITS: Record<string, { letter: string; time: boolean; factor?: number }> = {
  second: { letter: 'S', time: true }, sec: { letter: 'S', time: true },
  minute: { letter: 'M', time: true }, min: { letter: 'M', time: true },
  hour: { letter: 'H', time: true }, hr: { letter: 'H', time: true },
  day: { letter: 'D', time: false }, night: { letter: 'D', time: false },
  week: { letter: 'W', time: false }, fortnight: { letter: 'W', time: false, factor: 2 },
  month: { letter: 'M', time: false }, quarter: { letter: 'Q', time: false },
  year: { letter: 'Y', time: false }, decade: { letter: 'Y', time: false, factor: 10 },
  century: { letter: 'Y', time: false, factor: 100 },
};

export const UNIT_RE = '(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|decade|century|centurie)';

/** "days" → "day", "centuries" → "century". */
export function unitOf(word: string): string | null {
  let w = word.toLowerCase();
  if (w === 'centuries') return 'century';
  if (w.endsWith('s') && UNITS[w.slice(0, -1)]) w = w.slice(0, -1);
  return UNITS[w] ? w : null;
}

/** P3D, PT48H, P10Y, PXM … for a quantity (null = vague) of a unit. */
export function durationValue(n: number | null, unit: string): string {
  const u = UNITS[unit];
  const amount = n == null ? 'X' : formatAmount(n * (u.factor ?? 1));
  if (n != null && !Number.isInteger(n * (u.factor ?? 1))) return halfDuration(n * (u.factor ?? 1), unit);
  return (u.time ? 'PT' : 'P') + amount + u.letter;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

/** Fractions go one unit down for the part: 1.5 years → P1Y6M, half an hour → PT30M. */
function halfDuration(n: number, unit: string): string {
  const down: Record<string, [string, number]> = {
    year: ['M', 12], month: ['D', 30], week: ['D', 7], day: ['H', 24], hour: ['M', 60], minute: ['S', 60],
  };
  const d = down[unit];
  const u = UNITS[unit];
  if (!d) return `P${n}${u.letter}`;
  const whole = Math.floor(n);
  const part = Math.round((n - whole) * d[1]);
  const partIsTime = unit === 'day' || unit === 'hour' || unit === 'minute';
  const head = whole ? `${whole}${u.letter}` : '';
  if (u.time) return `PT${head}${part}${d[0]}`;
  if (partIsTime) return `P${head}T${part}${d[0]}`;
  return `P${head}${part}${d[0]}`;
}

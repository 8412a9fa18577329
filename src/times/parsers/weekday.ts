/**
 * Weekdays: "on Wednesday", "last Friday", "next Monday", "Tuesday night".
 * News reports the past, so a bare weekday is the last such day on or
 * before publication, unless the clause around it speaks of the future
 * ("will", "is to", "scheduled", "plans to"), then the next one.
 * Part of the day makes it a TIME: "Monday morning" → 2021-01-11TMO.
 */
import { addDays, dayValue, weekdayOf, type Ymd } from '../calendar.js';
import { WEEKDAY_RE, weekdayNumber } from '../words.js';
import { B, type TimeContext, type TimeParser } from '../types.js';
import { loadTsv } from '../../util/data.js';

const PART = '(?:\\s+(morning|afternoon|evening|night|overnight))?';

export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI',
};

// A plan in the past perfect ("had been scheduled to expire Friday") is
// one that was overtaken: its time lies before the report, not ahead. "As
// planned" only says the plan was kept: the verb it follows tells the tense.
const FUTURE_CUE = /(?<!\bhad\s+(?:been\s+)?)\b(will|won't|'ll|shall|would|could|might|may|as\s+(?:early|soon)\s+as|postponed\s+until|planning\s+to|intends?\s+to|is\s+to|are\s+to|set\s+to|due\s+to|plans?\s+to|(?<!\bas\s+(?:previously\s+|originally\s+)?)(?:planned|scheduled)|expected\s+to|(?<=\b(?:is|are|be|being)\s)expected|slated|going\s+to|to\s+be\s+held|would\s+be\s+held|upcoming|next(?!\s+to\b))\b/i;
const PAST_WORDS = ['was', 'were', 'had', 'did', 'said', 'told', 'ago', 'last'];
/** The words that say "past" on their own: the auxiliaries, and the irregular past forms (data/past-forms.tsv: "took", "fought"). */
let pastCue: RegExp | null = null;
function pastCueRe(): RegExp {
  if (!pastCue) {
    const irregular = loadTsv('past-forms.tsv').map((r) => r.past);
    // (a participle after "be" is no past: "will be held on March 3"; "won't" is no "won")
    pastCue = new RegExp(`(?<!\\b(?:be|been|being)\\s)\\b(${[...PAST_WORDS, ...irregular].join('|')})\\b(?!['’])`, 'i');
  }
  return pastCue;
}
/**
 * A past form: a lower-case word in -ed, but not "need", "speed" (-eed),
 * not a name ("United", "Red"), not a participle after "will be" or
 * "to be" ("will be named" is future), and not one used as an adjective
 * after an article or determiner ("on a still unspecified date").
 */
const PAST_FORM = /(?<!\b(?:will|'ll|to)\s+be\s)(?<!\b(?:a|an|the|its|their|his|her|our|this|that|these|those|still|newly)\s)\b[a-z]+(?<!e)ed\b/g;
/** A past verb right after the time: "a court Thursday refused …". */
const PAST_NEXT = /^\s+(?:was|were|had|did|said|told|[a-z]+(?<!e)ed)\b/;

/** "effective" (or "effective on/from/as of") right before the time. */
const EFFECTIVE_BEFORE = /\beffective\s+(?:on\s+|from\s+|as\s+of\s+)?$/i;

/** A verb that grants or puts off time, then "until" (or "through") right before the time. */
const GRANTED_UNTIL = /\b(?:give[sn]?|gave|grant(?:s|ed)?|allow(?:s|ed)?|extend(?:s|ed)?|postpone[sd]?|delay(?:s|ed)?|defer(?:s|red)?|adjourn(?:s|ed)?|put\s+off)\b.*\b(?:until|till|through)\s+$/i;

/** Where a sentence ends: a full stop not after an initial or a title ("P.", "Mr."). */
const SENTENCE_END = /(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Co|Corp|Inc|Ltd|Gen|Gov|Sen|Rep|Lt|Col|Capt|No|U\.S))\.\s/g;

/** Does the clause around [start,end) speak of the future? */
export function futureClause(text: string, start: number, end: number): boolean {
  return clauseTense(text, start, end) === 'future';
}

/** The start of the clause holding `start`: just after the last of these marks before it. */
function clauseStartBefore(text: string, start: number, marks: string[]): number {
  let best = 0;
  for (const p of marks) {
    const i = text.lastIndexOf(p, start - 1);
    if (i >= 0) best = Math.max(best, i + p.length);
  }
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && m.index < start; m = SENTENCE_END.exec(text)) {
    best = Math.max(best, m.index + m[0].length);
  }
  return best;
}

const STRONG_MARKS = [',', ';', ':', '—', ' that ', '``', "''", '"'];
const WEAK_MARKS = [' and ', ' but '];

/** The tense the cues in `s` give, the nearest to its end deciding; null when none. */
function tenseBefore(s: string): 'future' | 'past' | null {
  const fut = lastIndex(s, FUTURE_CUE);
  const past = Math.max(lastIndex(s, pastCueRe()), lastIndex(s, PAST_FORM));
  if (fut < 0 && past < 0) return null;
  return fut >= 0 && fut >= past ? 'future' : 'past';
}

/**
 * The tense of the clause around [start,end): the verb cue nearest before
 * it decides ("will", "is to", "scheduled" → future; "was", "said", "-ed"
 * → past), looking back past "and"/"but" when the conjunct before it has
 * none ("will double flights between A and B by August"), else the first
 * cue after it; null when there is none.
 * Subordinators ("after", "before", "when") do not end the clause: the
 * main verb's tense places the time ("will reopen after Easter").
 */
export function clauseTense(text: string, start: number, end: number): 'future' | 'past' | null {
  // "effective Feb. 1": a change announced to take effect on a date ahead.
  if (EFFECTIVE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return 'future';
  // "gave the family until Thursday", "extended the deadline until noon Friday":
  // time granted or put off runs to a time ahead, whatever the verb's tense.
  const strongStart = clauseStartBefore(text, start, STRONG_MARKS);
  if (GRANTED_UNTIL.test(text.slice(strongStart, start))) return 'future';
  if (PAST_NEXT.test(text.slice(end, end + 40))) return 'past';
  const weakStart = clauseStartBefore(text, start, [...STRONG_MARKS, ...WEAK_MARKS]);
  const near = tenseBefore(text.slice(weakStart, start));
  if (near) return near;
  const far = weakStart > strongStart ? tenseBefore(text.slice(strongStart, weakStart)) : null;
  if (far) return far;
  const afterEnd = [',', ';', '.', ' that '].map((p) => { const i = text.indexOf(p, end); return i < 0 ? text.length : i; });
  let after = text.slice(end, Math.min(...afterEnd));
  // A time fronted before a comma ("On Tuesday, the league plans to …"):
  // the main clause after the comma carries the tense.
  if (/^\s*$/.test(after) && text[end + after.length] === ',' && /^\W*(?:(?:on|by|until|from|since|early|late)\s+)?$/i.test(text.slice(strongStart, start))) {
    const rest = text.slice(end + after.length + 1);
    const stop = [',', ';', '. ', ' that '].map((p) => { const i = rest.indexOf(p); return i < 0 ? rest.length : i; });
    after = rest.slice(0, Math.min(...stop));
  }
  const futA = after.search(FUTURE_CUE);
  const pastA = Math.min(...[after.search(pastCueRe()), firstIndex(after, PAST_FORM)].map((i) => (i < 0 ? Infinity : i)));
  if (futA >= 0 && futA < pastA) return 'future';
  if (pastA < Infinity) return 'past';
  return null;
}

function firstIndex(s: string, re: RegExp): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  const m = g.exec(s);
  return m ? m.index : -1;
}

function lastIndex(s: string, re: RegExp): number {
  const g = new RegExp(re.source, re.flags.includes('i') ? 'gi' : 'g');
  let last = -1;
  for (let m = g.exec(s); m; m = g.exec(s)) last = m.index;
  return last;
}

/** The date of a weekday seen from the anchor: the past one (or today), or the next one. */
export function resolveWeekday(anchor: Ymd, wd: number, direction: 'past' | 'future' | 'this' | 'last' | 'next'): Ymd {
  const cur = weekdayOf(anchor);
  if (direction === 'this') {
    // The one in the anchor's Monday-to-Sunday week.
    const mondayOffset = (cur + 6) % 7;
    return addDays(anchor, -mondayOffset + ((wd + 6) % 7));
  }
  if (direction === 'past' || direction === 'last') {
    let back = (cur - wd + 7) % 7;
    if (direction === 'last' && back === 0) back = 7;
    return addDays(anchor, -back);
  }
  let fwd = (wd - cur + 7) % 7;
  if (fwd === 0) fwd = 7;
  return addDays(anchor, fwd);
}

export function weekdayValue(ctx: TimeContext, wd: number, dir: 'past' | 'future' | 'this' | 'last' | 'next'): string {
  if (!ctx.anchor) return `XXXX-WXX-${wd === 0 ? 7 : wd}`;
  return dayValue(resolveWeekday(ctx.anchor, wd, dir));
}

export const weekdayParser: TimeParser = {
  name: 'weekday',
  pattern: () => new RegExp(B + '(?:(last|this|next|this\\s+past|this\\s+coming)\\s+)?(' + WEEKDAY_RE + ')' + PART + '(?![\\w])', 'g'),
  extract(ctx, m) {
    const [text, rel, name, part] = m;
    const wd = weekdayNumber(name);
    if (wd == null) return null;
    const start = m.index;
    const end = start + text.length;
    const r = rel?.toLowerCase().replace(/\s+/g, ' ');
    let dir: 'past' | 'future' | 'this' | 'last' | 'next';
    if (r === 'last' || r === 'this past') dir = 'last';
    else if (r === 'next' || r === 'this coming') dir = 'next';
    else if (r === 'this') dir = 'this';
    // "Wednesday's ruling" names something that has happened.
    else if (/^['’]s\b/.test(ctx.text.slice(end, end + 3))) dir = 'past';
    else dir = futureClause(ctx.text, start, end) ? 'future' : 'past';
    const date = weekdayValue(ctx, wd, dir);
    if (part) return { start, end, type: 'TIME', value: `${date}T${PART_OF_DAY[part.toLowerCase()]}`, source: 'weekday', priority: 3 };
    return { start, end, type: 'DATE', value: date, source: 'weekday', priority: 3 };
  },
};

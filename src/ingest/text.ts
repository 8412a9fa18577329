/**
 * Plain-text articles as scrapers save them: an optional dateline
 * ("18.01.2021 Author: Jane Doe"), a title line, the body paragraphs, an
 * author bio and site boilerplate. Finds title, author and date; says which
 * characters are prose and which were dropped, and why. The text itself is
 * never changed: every span indexes the string as given.
 */
import type { DroppedSpan, IngestedArticle, InputProblem, Span } from '../doc/types.js';
import { finishArticle, nonEmpty, problem, textLines, type IngestOptions } from './common.js';
import { DATE_PATTERN, isIsoDay, parseDate } from './dates.js';
import { layoutUnits, matchBoilerplate, type Unit } from './layout.js';

/** A person's name as bylines write it: a few words, not a sentence. */
const NAME = "[\\p{Lu}][\\p{L}.'’ -]{0,80}?";

const AUTHOR_TAG = '(?:Author|By|Written by|Autor)\\s*:?';

const SEP = '\\s*(?:[|,·•—–-]\\s*)?';

/** Date then author: "18.01.2021 Author: Jane Doe", "January 18, 2021 | By Jane Doe", "2021-01-18". */
const DATE_FIRST = new RegExp(`^(${DATE_PATTERN})(?:${SEP}${AUTHOR_TAG}\\s*(${NAME}))?\\s*$`, 'iu');

/** Author then date: "By Jane Doe | 18.01.2021", "Author: Jane Doe, January 18, 2021". */
const AUTHOR_FIRST = new RegExp(`^${AUTHOR_TAG}\\s*(${NAME})${SEP}(${DATE_PATTERN})\\s*$`, 'iu');

/** A byline with no date: "Author: Jane Doe", "By Jane Doe". */
const BYLINE = new RegExp(`^(?:Author\\s*:|By|Written by)\\s+(${NAME})\\s*$`, 'u');

/** Lower-case words that may sit inside a name ("Ursula von der Leyen", "Abu Mahdi al-Muhandis"). */
const NAME_PARTICLE = /^(?:van|von|de|der|den|del|della|da|di|du|dos|la|le|al|el|bin|ibn|bint|y|e|ter|zu|(?:al|el|ad|ar|as|at|az|ash)-.+)$/u;

/** A few capitalised words: a name, not the start of a sentence ("By Tuesday the troops…"). */
function isPersonName(s: string | null): boolean {
  if (!s) return false;
  const words = s.split(/\s+/);
  return words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLE.test(w));
}

export interface Dateline {
  published: string | null;
  author: string | null;
}

/** Read a dateline or byline; null when the line is neither. */
export function parseDateline(line: string): Dateline | null {
  const s = line.trim();
  let m = DATE_FIRST.exec(s);
  if (m) {
    const published = parseDate(m[1]);
    // A line that only looks like a date but names no real day is not a dateline.
    if (published && (m[2] === undefined || isPersonName(nonEmpty(m[2])))) return { published, author: nonEmpty(m[2]) };
  }
  m = AUTHOR_FIRST.exec(s);
  if (m) {
    const published = parseDate(m[2]);
    if (published && isPersonName(nonEmpty(m[1]))) return { published, author: nonEmpty(m[1]) };
  }
  m = BYLINE.exec(s);
  if (m && isPersonName(nonEmpty(m[1]))) return { published: null, author: nonEmpty(m[1]) };
  return null;
}

/** Titles are one short line. */
const MAX_TITLE_CHARS = 300;

/**
 * May this line be the title? It must be short, stand on its own line, and
 * be followed by more text. Without a dateline to vouch for the layout, the
 * line must also not read as a sentence of prose (a closing period, colon or
 * comma) and must sit alone in its block.
 */
function looksLikeTitle(text: string, units: Unit[], i: number, afterDateline: boolean): boolean {
  const u = units[i];
  const line = text.slice(u.start, u.end);
  if (i + 1 >= units.length || line.length > MAX_TITLE_CHARS) return false;
  if (matchBoilerplate(line)) return false;
  if (afterDateline) return true;
  if (/[.:;,]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  if (line.split(/\s+/).length < 2) return false;
  return units[i + 1].block !== u.block;
}

/** Compare titles loosely: case, white space and curly quotes aside. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Ingest a plain-text article. Returns a problem, never throws, for unusable input. */
export function ingestText(text: string, origin: string, opts: IngestOptions = {}): IngestedArticle | InputProblem {
  if (typeof text !== 'string' || text.trim() === '') return problem(origin, null, 'empty text');
  if (opts.published != null && !isIsoDay(opts.published)) {
    return problem(origin, null, `bad published date "${opts.published}" (want YYYY-MM-DD)`);
  }
  const units = textLines(text);
  const dropped: DroppedSpan[] = [];
  let author: string | null = null;
  let published: string | null = null;
  let next = 0;

  const dateline = parseDateline(text.slice(units[0].start, units[0].end));
  if (dateline && units.length > 1) {
    dropped.push({ start: units[0].start, end: units[0].end, reason: dateline.published ? 'dateline' : 'byline' });
    author = dateline.author;
    published = dateline.published;
    next = 1;
  }

  let titleSpan: Span | null = null;
  if (next < units.length) {
    const line = text.slice(units[next].start, units[next].end);
    const isGivenTitle = opts.title != null && sameTitle(line, opts.title);
    if (isGivenTitle || looksLikeTitle(text, units, next, next > 0)) {
      titleSpan = { start: units[next].start, end: units[next].end };
      next++;
    }
  }

  // A byline may also stand on its own line under the title.
  if (next < units.length && next + 1 < units.length) {
    const byline = parseDateline(text.slice(units[next].start, units[next].end));
    if (byline && (author === null || byline.author === null) && (published === null || byline.published === null)) {
      dropped.push({ start: units[next].start, end: units[next].end, reason: byline.published ? 'dateline' : 'byline' });
      author ??= byline.author;
      published ??= byline.published;
      next++;
    }
  }

  const layout = layoutUnits(text, units.slice(next), author);
  const body = titleSpan ? [titleSpan, ...layout.body] : layout.body;
  return finishArticle(text, origin, opts, {
    title: titleSpan ? nonEmpty(text.slice(titleSpan.start, titleSpan.end)) : null,
    author,
    published,
  }, body, [...dropped, ...layout.dropped], titleSpan);
}

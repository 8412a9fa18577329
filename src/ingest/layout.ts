/**
 * Sorting an article's lines or paragraphs into prose and the rest. Text and
 * HTML ingest both cut their text into units (a line of a text file, a block
 * of a page) and hand them here: units that match site boilerplate, and the
 * author's bio at the end, are dropped with a reason; the rest is body.
 */
import type { DroppedSpan, Span } from '../doc/types.js';
import { loadTsv } from '../util/data.js';

/** A line or paragraph of the text; `block` numbers the blank-line-separated block it sits in. */
export interface Unit extends Span {
  block: number;
}

export interface BoilerplatePattern {
  pattern: RegExp;
  what: string;
}

/** Boilerplate lines are short; a long line is prose even if it starts like a prompt. */
const MAX_BOILERPLATE_CHARS = 400;

/** An author bio is a short closing note, not a paragraph of argument. */
const MAX_BIO_CHARS = 600;

/** How many closing paragraphs to look through for the bio (site matter may follow it). */
const BIO_LOOKBACK = 3;

/** After a bio, a unit this short is site matter, even when no pattern names it. */
const MAX_TRAILER_CHARS = 200;

let cachedPatterns: BoilerplatePattern[] | null = null;

/** The patterns from data/boilerplate.tsv, compiled once. */
export function boilerplatePatterns(): BoilerplatePattern[] {
  if (!cachedPatterns) {
    cachedPatterns = loadTsv('boilerplate.tsv').map((row) => ({
      pattern: new RegExp(`^(?:${row.pattern})$`, 'iu'),
      what: row.what,
    }));
  }
  return cachedPatterns;
}

/** The pattern a line matches, or null when it is not boilerplate. */
export function matchBoilerplate(line: string): BoilerplatePattern | null {
  const s = line.trim();
  if (s === '' || s.length > MAX_BOILERPLATE_CHARS) return null;
  return boilerplatePatterns().find((p) => p.pattern.test(s)) ?? null;
}

/** Words that name what a bio says its subject is. */
const BIO_ROLE = '(?:writer|journalist|expert|correspondent|analyst|columnist|editor|reporter|researcher|professor|lecturer|fellow|author|commentator|contributor|scholar|historian|economist|political scientist|specialist|observer|blogger|novelist|candidate of [a-z]+ sciences)';

/** "Jane Doe, an expert on …" / "Jane Doe is a senior writer …": a name, then what they are. */
const NAME_THEN_ROLE = new RegExp(
  `^[-–—*_\\s]*(?:[A-Z][\\p{L}.'’-]*\\s+){0,3}[A-Z][\\p{L}.'’-]*(?:,\\s*(?:Ph\\.?D\\.?,\\s*)?(?:an?|the)\\s|\\s+(?:is|was|has been)\\s+(?:an?|the)\\s)[^.]{0,160}?\\b${BIO_ROLE}s?\\b`,
  'u',
);

/** Reporting words: a paragraph that quotes someone is part of the story. */
const REPORTING = /\b(?:said|says|told|added|warned|according to|claimed|announced)\b/i;

/**
 * Does this closing paragraph read as a note about the author? It must be
 * short and either start with the author's name, say the piece was written
 * "exclusively for" an outlet, start "About the author", or give a name and
 * then a writing or expert role.
 */
export function isAuthorBio(paragraph: string, author: string | null): boolean {
  // White space folded first, so that a CRLF file's bio is as long as an LF file's.
  const s = paragraph.replace(/\s+/g, ' ').trim();
  if (s === '' || s.length > MAX_BIO_CHARS) return false;
  if (author) {
    const name = author.trim().toLowerCase();
    const head = s.replace(/^[-–—*_\s]+/, '').toLowerCase();
    if (name.length > 2 && head.startsWith(name) && /^[\s,(]|^\s*$/.test(head.slice(name.length, name.length + 1) || ' ')) {
      return true;
    }
  }
  if (/\bexclusively for\b/i.test(s)) return true;
  if (/^[-–—*_\s]*about the author\b/i.test(s)) return true;
  // "Jane Doe, the analyst who wrote the report, said …" is news, not a bio.
  if (REPORTING.test(s)) return false;
  return NAME_THEN_ROLE.test(s);
}

export interface Layout {
  body: Span[];
  dropped: DroppedSpan[];
}

/**
 * Split units (already minus dateline and title) into body and dropped.
 * Boilerplate units are dropped anywhere; the bio is looked for among the
 * last few prose paragraphs, and short units after it are site matter.
 * Body spans join consecutive prose units of the same block.
 */
export function layoutUnits(text: string, units: Unit[], author: string | null): Layout {
  const reason: (string | null)[] = units.map((u) =>
    matchBoilerplate(text.slice(u.start, u.end)) ? 'boilerplate' : null);

  // Prose paragraphs: runs of non-dropped units within one block.
  const paragraphs: number[][] = [];
  units.forEach((u, i) => {
    if (reason[i] !== null) return;
    const last = paragraphs[paragraphs.length - 1];
    const prev = last ? last[last.length - 1] : -1;
    if (last && prev === i - 1 && units[prev].block === u.block) last.push(i);
    else paragraphs.push([i]);
  });

  // An article of one paragraph has no bio: that paragraph is the article.
  for (let p = paragraphs.length - 1; p >= Math.max(1, paragraphs.length - BIO_LOOKBACK); p--) {
    const run = paragraphs[p];
    const span = { start: units[run[0]].start, end: units[run[run.length - 1]].end };
    if (!isAuthorBio(text.slice(span.start, span.end), author)) continue;
    const after = paragraphs.slice(p + 1).flat();
    if (after.some((i) => units[i].end - units[i].start > MAX_TRAILER_CHARS)) break;
    for (const i of run) reason[i] = 'bio';
    for (const i of after) reason[i] = 'boilerplate';
    break;
  }

  const body: Span[] = [];
  const dropped: DroppedSpan[] = [];
  units.forEach((u, i) => {
    const why = reason[i];
    const prevUnit = units[i - 1];
    const joins = i > 0 && prevUnit.block === u.block && reason[i - 1] === why;
    if (why === null) {
      if (joins && body.length) body[body.length - 1].end = u.end;
      else body.push({ start: u.start, end: u.end });
    } else if (why === 'bio' && joins && dropped.length) {
      dropped[dropped.length - 1].end = u.end;
    } else {
      dropped.push({ start: u.start, end: u.end, reason: why });
    }
  });
  return { body, dropped };
}

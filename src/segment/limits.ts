/**
 * Bounds that keep segmentation, and every stage after it, linear in the
 * length of an article whatever the text looks like.
 *
 * wink-nlp's tokenizer takes time quadratic in the length of a run of
 * characters without white space (a 40,000-character "word" takes seconds),
 * so a run longer than MAX_TOKEN_CHARS is handed to wink as one short
 * stand-in word and comes back as one token over the whole run. Later stages
 * do work per sentence that grows with the square of the sentence's length
 * (each trigger looks over its sentence), so a "sentence" longer than
 * MAX_SENTENCE_TOKENS (a line without punctuation, a table) is cut into
 * pieces at a comma or a space. Neither bound is met by news prose: the
 * longest sentence of Reuters-21578 and BBC News has 231 tokens, the longest
 * word 41 characters; a URL is far shorter than the token bound.
 */
import type { Span } from '../doc/types.js';

/** A run of non-space characters longer than this is one opaque token. */
export const MAX_TOKEN_CHARS = 1000;

/** A sentence of more tokens than this is cut into pieces of at most this many. */
export const MAX_SENTENCE_TOKENS = 250;

/** The word wink-nlp reads in place of an over-long run (letters only, so one token). */
export const STAND_IN = 'xxxxxxxx';

/** White space as JavaScript's \s knows it, for one UTF-16 code unit. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Runs of non-space characters longer than `max` in `text`, in order (one pass). */
export function longRuns(text: string, max = MAX_TOKEN_CHARS): Span[] {
  const out: Span[] = [];
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const space = k === text.length || isSpace(text.charCodeAt(k));
    if (!space) { if (start < 0) start = k; continue; }
    if (start >= 0 && k - start > max) out.push({ start, end: k });
    start = -1;
  }
  return out;
}

/**
 * The text wink-nlp reads for `text`: each over-long run replaced by STAND_IN.
 * `toText` maps an offset of the stand-in text back to `text`; a span equal to
 * a stand-in maps to the whole run it replaced.
 */
export interface StandInText {
  wink: string;
  /** Spans of the stand-ins in `wink`, and the runs they replaced in the original text. */
  swaps: Array<{ wink: Span; text: Span }>;
}

export function withStandIns(text: string, runs: Span[]): StandInText {
  if (runs.length === 0) return { wink: text, swaps: [] };
  const parts: string[] = [];
  const swaps: StandInText['swaps'] = [];
  let from = 0;
  let length = 0;
  for (const r of runs) {
    parts.push(text.slice(from, r.start), STAND_IN);
    length += r.start - from;
    swaps.push({ wink: { start: length, end: length + STAND_IN.length }, text: r });
    length += STAND_IN.length;
    from = r.end;
  }
  parts.push(text.slice(from));
  return { wink: parts.join(''), swaps };
}

/** Clause punctuation after which an over-long sentence is best cut. */
const CUT_AFTER = new Set([',', ';', ':', '—', '–', ')', '”']);

/**
 * Token ranges `[start, end)` covering `[from, to)`, none longer than `max`
 * tokens. A cut goes after the last clause punctuation in the second half of
 * the allowed stretch, else before the last token there that white space
 * parts from the one before it, else at `max` tokens. Linear in `to - from`.
 */
export function cutLongSentence(
  tokens: ReadonlyArray<{ start: number; end: number; normal: string }>,
  from: number,
  to: number,
  max = MAX_SENTENCE_TOKENS,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = from;
  while (to - a > max) {
    const low = a + Math.ceil(max / 2);
    let cut = -1;
    for (let k = a + max; k > low && cut < 0; k--) if (CUT_AFTER.has(tokens[k - 1].normal)) cut = k;
    for (let k = a + max; k > low && cut < 0; k--) if (tokens[k].start > tokens[k - 1].end) cut = k;
    if (cut < 0) cut = a + max;
    out.push([a, cut]);
    a = cut;
  }
  out.push([a, to]);
  return out;
}

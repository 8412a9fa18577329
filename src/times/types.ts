/**
 * The shapes time parsers and refiners share. Like chrono-node, each thing
 * recognised is one parser (a pattern plus an extract function) in its own
 * file, and each clean-up step is one refiner; unlike chrono-node, a result
 * is already a TIMEX3 type and value, so durations and sets fit too.
 */
import type { TimexType } from '../doc/types.js';
import type { Ymd } from './calendar.js';

/** What a parser sees: one sentence's text and the anchor date. */
export interface TimeContext {
  /** The sentence text (a slice of the document text). */
  text: string;
  /** Where the sentence starts in the document text. */
  offset: number;
  /** The publication date, or null when unknown. */
  anchor: Ymd | null;
}

/** A time expression found in a sentence; offsets are into `TimeContext.text`. */
export interface TimeCandidate {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  /** The parser that found it ("year", "duration", "chrono", …). */
  source: string;
  /** Higher wins when two candidates cover the same characters equally. */
  priority: number;
}

export interface TimeParser {
  name: string;
  /**
   * A global regex; each match is handed to extract. Built once per parser and reused for every
   * sentence (building dozens of long patterns per sentence cost more than matching them), so it
   * may not depend on the sentence.
   */
  pattern(): RegExp;
  extract(ctx: TimeContext, match: RegExpExecArray): TimeCandidate | null;
}

export interface TimeRefiner {
  name: string;
  refine(ctx: TimeContext, candidates: TimeCandidate[]): TimeCandidate[];
}

/** A candidate covering the whole match. */
export function candidate(
  match: RegExpExecArray, type: TimexType, value: string, source: string, priority = 1,
): TimeCandidate {
  return { start: match.index, end: match.index + match[0].length, type, value, source, priority };
}

/** Word boundary that also refuses hyphen-joined words and digits before. */
export const B = '(?<![\\w\\-$])';
/** Word boundary after. */
export const E = '(?![\\w])';

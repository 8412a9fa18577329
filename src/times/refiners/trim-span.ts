/**
 * Spans end on a word: trailing spaces or punctuation a pattern took in are
 * cut, and empty results are dropped.
 */
import type { TimeRefiner } from '../types.js';

export const trimSpanRefiner: TimeRefiner = {
  name: 'trim-span',
  refine(ctx, candidates) {
    return candidates.flatMap((c) => {
      let { start, end } = c;
      while (start < end && /[\s,;:]/.test(ctx.text[start])) start++;
      while (end > start && /[\s,;:]/.test(ctx.text[end - 1])) end--;
      return end > start ? [{ ...c, start, end }] : [];
    });
  },
};

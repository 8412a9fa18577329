/**
 * Spans end on a word: trailing spaces or punctuation a pattern took in
 * (and a closing bracket whose opening one lies outside) are cut, and empty
 * results are dropped.
 */
import type { TimeRefiner } from '../types.js';

export const trimSpanRefiner: TimeRefiner = {
  name: 'trim-span',
  refine(ctx, candidates) {
    return candidates.flatMap((c) => {
      let { start, end } = c;
      while (start < end && /[\s,;:]/.test(ctx.text[start])) start++;
      while (end > start && (/[\s,;:]/.test(ctx.text[end - 1]) || (ctx.text[end - 1] === ')' && !ctx.text.slice(start, end).includes('(')))) end--;
      return end > start ? [{ ...c, start, end }] : [];
    });
  },
};

/**
 * A calendar unit written with a capital in running text is part of a name,
 * mostly a programme's: "ABC's "This Week"", "CBS's "60 Minutes"", "48
 * Hours". Such a candidate (a determiner or number before a capitalised
 * unit) is dropped, and so is a capitalised "Today" right after a
 * capitalised word ("USA Today", "This is VOA Today"), unless the sentence
 * is a headline in title case, where every word has its capital.
 */
import type { TimeRefiner } from '../types.js';

const NAMED_UNIT = /^(?:This|Next|Last|One|Two|Three|\d+)\s+(?:Seconds?|Minutes?|Hours?|Days?|Nights?|Weeks?|Months?|Years?)$/;

/** Most words of four letters or more capitalised: a title-case headline. */
export function titleCase(text: string): boolean {
  const words = text.match(/\b[A-Za-z]{4,}\b/g) ?? [];
  return words.length >= 3 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length > 0.7;
}

export const titleRefiner: TimeRefiner = {
  name: 'title',
  refine(ctx, candidates) {
    if (titleCase(ctx.text)) return candidates;
    return candidates.filter((c) => !NAMED_UNIT.test(ctx.text.slice(c.start, c.end)) &&
      !(ctx.text.slice(c.start, c.end) === 'Today' && /\b[A-Z][A-Za-z]*\s+$/.test(ctx.text.slice(Math.max(0, c.start - 20), c.start))));
  },
};

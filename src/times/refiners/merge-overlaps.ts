/**
 * Overlapping candidates: keep one reading of each stretch of text.
 * The project's parsers beat chrono where they overlap (they know the
 * publication-date conventions); otherwise the longer span wins, then the
 * higher priority, then the earlier start. chrono keeps a span that
 * contains a project result only when it adds a clock time.
 */
import type { TimeCandidate, TimeRefiner } from '../types.js';

const overlaps = (a: TimeCandidate, b: TimeCandidate) => a.start < b.end && b.start < a.end;

export const mergeOverlapsRefiner: TimeRefiner = {
  name: 'merge-overlaps',
  refine(_ctx, candidates) {
    const own = candidates.filter((c) => c.source !== 'chrono');
    const fromChrono = candidates.filter((c) => c.source === 'chrono' && own.every((o) => !overlaps(o, c) ||
      (c.type === 'TIME' && c.start <= o.start && c.end >= o.end && (o.type === 'DATE' || o.type === 'TIME'))));
    const all = [...own, ...fromChrono].sort((a, b) =>
      (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
    const kept: TimeCandidate[] = [];
    for (const c of all) if (kept.every((k) => !overlaps(k, c))) kept.push(c);
    return kept.sort((a, b) => a.start - b.start);
  },
};

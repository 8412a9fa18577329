/**
 * Lookups over a document's layers that stay cheap however long the document
 * is. A stage that scans every mention, place or time of the document for
 * each trigger or each mention does work that grows with the square of the
 * article's length (minutes for a megabyte); these index a layer once and
 * answer from the part that can matter.
 */

interface Spanned { start: number; end: number }

const sortedCache = new WeakMap<object, boolean>();

/** Whether `items` are in order of their start (checked once per array). */
export function sortedByStart(items: readonly Spanned[]): boolean {
  let known = sortedCache.get(items);
  if (known === undefined) {
    known = true;
    for (let k = 1; k < items.length && known; k++) if (items[k].start < items[k - 1].start) known = false;
    sortedCache.set(items, known);
  }
  return known;
}

/** Index of the first item that is not `before`, in items where every `before` item comes first. */
function partitionPoint(items: readonly Spanned[], before: (item: Spanned) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the first item whose start is at or after `offset`, in items sorted by start. */
export function firstStartingFrom(items: readonly Spanned[], offset: number): number {
  return partitionPoint(items, (t) => t.start < offset);
}

/** Index of the first item whose end is after `offset`, in items sorted by start and end (tokens). */
export function firstEndingAfter(items: readonly Spanned[], offset: number): number {
  return partitionPoint(items, (t) => t.end <= offset);
}

/** The items lying inside [from, to), in their order (a scan of all when they are not sorted). */
export function itemsWithin<T extends Spanned>(items: readonly T[], from: number, to: number): T[] {
  if (!sortedByStart(items)) return items.filter((t) => t.start >= from && t.end <= to);
  const out: T[] = [];
  for (let k = firstStartingFrom(items, from); k < items.length && items[k].start <= to; k++) {
    if (items[k].end <= to) out.push(items[k]);
  }
  return out;
}

const groupCache = new WeakMap<object, Map<number, unknown[]>>();

/**
 * The items of one sentence, in their order; the grouping is made once per array, so the array
 * must not change afterwards (nor the list returned, which is shared).
 */
export function ofSentence<T extends { sentence: number }>(items: readonly T[], sentence: number): T[] {
  let groups = groupCache.get(items) as Map<number, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const it of items) {
      const list = groups.get(it.sentence);
      if (list) list.push(it); else groups.set(it.sentence, [it]);
    }
    groupCache.set(items, groups);
  }
  return groups.get(sentence) ?? [];
}

/** Spans sorted by start, with the length of the longest: the part of a SpanSet. */
class SortedSpans {
  readonly spans: Spanned[] = [];
  maxLength = 0;

  add(s: Spanned): void {
    const last = this.spans[this.spans.length - 1];
    if (!last || last.start <= s.start) this.spans.push(s);
    else this.spans.splice(firstStartingFrom(this.spans, s.start), 0, s);
    this.maxLength = Math.max(this.maxLength, s.end - s.start);
  }

  /** Whether one span starting near [start, end) passes `test`. */
  some(start: number, end: number, test: (s: Spanned) => boolean): boolean {
    const { spans } = this;
    for (let k = firstStartingFrom(spans, start - this.maxLength); k < spans.length && spans[k].start < end; k++) if (test(spans[k])) return true;
    return false;
  }
}

/**
 * A set of spans that answers "does one hold this span?" and "does one overlap it?" from the
 * few spans that start near it. The spans given at first are sorted once; spans added later go
 * to a second list, at its end when they come in order of their start (as a scan of the text
 * adds them), so adding stays cheap however the first ones lie.
 */
export class SpanSet {
  private readonly first = new SortedSpans();
  private readonly later = new SortedSpans();

  constructor(spans: Iterable<Spanned> = []) {
    const all = [...spans].map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
    for (const s of all) this.first.add(s);
  }

  add(span: Spanned): void {
    this.later.add({ start: span.start, end: span.end });
  }

  /** Whether a span of the set holds [start, end). */
  holds(start: number, end: number): boolean {
    const test = (s: Spanned) => s.start <= start && s.end >= end;
    return this.first.some(start, start + 1, test) || this.later.some(start, start + 1, test);
  }

  /** Whether a span of the set overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const test = (s: Spanned) => s.end > start;
    return this.first.some(start, end, test) || this.later.some(start, end, test);
  }
}

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

/** Index of the first item whose start is at or after `offset`, in items sorted by start. */
export function firstStartingFrom(items: readonly Spanned[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the first item whose end is after `offset`, in items sorted by start and end (tokens). */
export function firstEndingAfter(items: readonly Spanned[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
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

/**
 * A set of spans that answers "does one hold this span?" and "does one overlap it?" from the
 * few spans that start near it. Spans may be added in order of their start (out of order they
 * are put in place).
 */
export class SpanSet {
  private readonly spans: Spanned[] = [];
  private maxLength = 0;

  constructor(spans: Iterable<Spanned> = []) {
    for (const s of spans) this.spans.push({ start: s.start, end: s.end });
    this.spans.sort((a, b) => a.start - b.start);
    for (const s of this.spans) this.maxLength = Math.max(this.maxLength, s.end - s.start);
  }

  add(span: Spanned): void {
    const s = { start: span.start, end: span.end };
    const last = this.spans[this.spans.length - 1];
    if (!last || last.start <= s.start) this.spans.push(s);
    else this.spans.splice(firstStartingFrom(this.spans, s.start), 0, s);
    this.maxLength = Math.max(this.maxLength, s.end - s.start);
  }

  /** Whether a span of the set holds [start, end). */
  holds(start: number, end: number): boolean {
    for (let k = firstStartingFrom(this.spans, start - this.maxLength); k < this.spans.length && this.spans[k].start <= start; k++) {
      if (this.spans[k].end >= end) return true;
    }
    return false;
  }

  /** Whether a span of the set overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    for (let k = firstStartingFrom(this.spans, start - this.maxLength); k < this.spans.length && this.spans[k].start < end; k++) {
      if (this.spans[k].end > start) return true;
    }
    return false;
  }
}

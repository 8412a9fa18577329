/**
 * Answers worked out from the whole store (counts, the network, an event with its other reports)
 * kept while the store is unchanged: the page asks them again on every view and back-button, and
 * working them out reads every matching event (tens of ms on 25k events) where sending a kept
 * one takes well under one. The store's version (explore.version(): its data_version and this
 * connection's total changes) is the key's other half, so a write by anyone empties the cache
 * before the next answer. Bounded in entries and in bytes; the least recently asked go first.
 */
import type { CodedEvent } from '../doc/types.js';

export interface Answer { type: string; body: string }

export const ANSWER_CACHE_ENTRIES = 256;
export const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

export class AnswerCache {
  private readonly entries = new Map<string, Answer>();
  private bytes = 0;
  private at: string | null = null;

  constructor(private readonly version: () => string, private readonly maxEntries = ANSWER_CACHE_ENTRIES, private readonly maxBytes = ANSWER_CACHE_BYTES) {}

  /** The kept answer for this key, if the store has not changed since it was kept. */
  get(key: string): Answer | undefined {
    const v = this.version();
    if (v !== this.at) { this.entries.clear(); this.bytes = 0; this.at = v; return undefined; }
    const hit = this.entries.get(key);
    if (hit) { this.entries.delete(key); this.entries.set(key, hit); }
    return hit;
  }

  /** Keep an answer worked out at the version the last get() saw. */
  set(key: string, answer: Answer): void {
    if (answer.body.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) { this.entries.delete(key); this.bytes -= old.body.length; }
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const [first, a] = this.entries.entries().next().value as [string, Answer];
      this.entries.delete(first);
      this.bytes -= a.body.length;
    }
  }

  get size(): number { return this.entries.size; }
}

/** One key for a route and its checked parameters, whatever order they came in. */
export function answerKey(route: string, params: object): string {
  return `${route}?${JSON.stringify(Object.entries(params).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
}

/**
 * The JSON of an event, written once for each decoded event the store hands out (the store keeps
 * those until it changes, so a page asked again is joined from strings, not written again).
 */
const written = new WeakMap<CodedEvent, string>();
export function eventJson(e: CodedEvent): string {
  let s = written.get(e);
  if (s === undefined) { s = JSON.stringify(e); written.set(e, s); }
  return s;
}

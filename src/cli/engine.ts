/**
 * V8 settings for an `acta` process (bin/acta.js), set before any article is read, and for a
 * batch once the run has lasted a second (they hold for its worker threads too).
 *
 * Regular expressions: V8 runs a new RegExp in its bytecode interpreter and compiles it to
 * machine code once it has run `ticks` times (by default once). chrono-node's patterns are
 * large (every number word, month, weekday and time-zone name), and compiling them is about
 * 0.1 s of the first article, which a small run never earns back. Compiled after 100 runs,
 * a batch still gets machine code within its first few articles, and a small run never
 * waits for it. The matches are the same either way; only when the code is made differs.
 */
import { setFlagsFromString } from 'node:v8';

/** Runs of a RegExp in the interpreter before V8 compiles it to machine code. */
export const REGEXP_TIER_UP_TICKS = 100;

/**
 * The heap: after each full collection V8 lets the old generation grow to a multiple of what
 * survived before collecting again, up to 4 times when collecting is quick. A batch keeps about
 * 100 MB alive (models, bounded caches) and makes much short-lived garbage that lives through a
 * scavenge or two (each article's layers), so the heap kept growing to three times its live size:
 * 567 MB of peak RSS over 5,000 Reuters articles. Growing by half at most holds the peak near
 * 1.5 times the live size at the same speed (measured: 3,000 articles, 491 -> 351 MB peak, CPU
 * time within noise). Unlike a hard cap (--max-old-space-size) it never fails a large article:
 * V8 still grows the heap as far as one needs.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * A run still going after this long is a batch, and gets the batch's heap policy then: set
 * at start, the tighter growth costs a small run's model loading some 20 ms of extra collecting.
 */
export const BATCH_AFTER_MS = 1000;

/** The V8 flags an acta process sets on itself at start. */
export function engineFlags(): string[] {
  return [`--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`];
}

/** The V8 flags a run lasting past BATCH_AFTER_MS sets on itself. */
export function batchFlags(): string[] {
  return [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}

/** Set engineFlags() on this process now and batchFlags() once it has run BATCH_AFTER_MS. */
export function tuneEngine(): void {
  for (const flag of engineFlags()) setFlagsFromString(flag);
  setTimeout(() => { for (const flag of batchFlags()) setFlagsFromString(flag); }, BATCH_AFTER_MS).unref();
}

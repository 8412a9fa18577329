/**
 * V8 settings for an `acta` process (bin/acta.js), set before any article is read.
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

/** The V8 flags an acta process sets on itself. */
export function engineFlags(): string[] {
  return [`--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`];
}

/** Set engineFlags() on this process (they hold for its worker threads too). */
export function tuneEngine(): void {
  for (const flag of engineFlags()) setFlagsFromString(flag);
}

/**
 * What a command runs with besides its arguments: where output and messages
 * go, the terminal for a progress line, and the signal that ends the run early
 * (Ctrl-C, or a reader that closed stdout, as `head` does).
 */
import { printableLines } from '../output/terminal.js';

export interface Out { write(s: string): void; isTTY?: boolean }

/** Why a run was ended early: the user's Ctrl-C, or the reader of stdout went away. */
export type StopReason = 'interrupt' | 'output-closed';

export interface Session {
  out: Out;
  /** Messages; every control character of the text they echo (titles, paths) is shown, not obeyed. */
  err: Out;
  /** The terminal stderr is, for a progress line; null when stderr is not a terminal. */
  terminal: Out | null;
  /** Aborted, with a StopReason, when the run should end early. */
  stop: AbortSignal;
}

/** Messages for people: lines kept, every other control character shown (see output/terminal.ts). */
export function messagesTo(err: Out): Out {
  return { write: (s) => err.write(printableLines(s)) };
}

export const stopReason = (stop: AbortSignal): StopReason | null => (stop.aborted ? (stop.reason as StopReason) : null);

/** The exit status of a run that was ended early: 130 after Ctrl-C (128 + SIGINT), as shells expect; 0 once nobody reads the output. */
export function stoppedStatus(reason: StopReason): number {
  return reason === 'interrupt' ? 130 : 0;
}

/**
 * The items of an iterable until the stop signal comes: between two articles,
 * or while the next one is still being read (stdin that never ends), without
 * waiting for it.
 */
export async function* untilStopped<T>(items: AsyncIterable<T>, stop: AbortSignal): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  const stopped = new Promise<'stopped'>((resolve) => {
    if (stop.aborted) resolve('stopped');
    else stop.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  while (!stop.aborted) {
    const next = await Promise.race([it.next(), stopped]);
    if (next === 'stopped' || next.done) return;
    yield next.value;
    // The articles of one batch come without a pause, as promise jobs; a signal is only seen
    // when the event loop turns, so let it turn once between two articles.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

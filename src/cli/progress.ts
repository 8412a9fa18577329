/**
 * A progress line on stderr for long runs, when stderr is a terminal: articles
 * done, their rate, and the time left when the total is known. Redrawn in
 * place with \r at most a few times a second, and cleared at the end so the
 * terminal is left as it was.
 */
import { performance } from 'node:perf_hooks';
import { countArticleFiles } from '../ingest/files.js';
import type { Out, Session } from './session.js';

/** The least time between two redraws: often enough to look alive, rarely enough to cost nothing. */
const REDRAW_MS = 250;
const CLEAR_LINE = '\r\u001b[K';

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The line for `done` articles after `elapsedMs`, of `total` when known. */
export function progressLine(done: number, total: number | null, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const count = total !== null ? `${done}/${total}` : String(done);
  const eta = total !== null && rate > 0 && done < total ? `, about ${duration((total - done) / rate)} left` : '';
  return `acta: ${count} article(s), ${rate.toFixed(1)}/s${eta}`;
}

export interface Progress {
  /** One more article done (read, analysed, failed: each counts). */
  tick(): void;
  /** Messages written while the line is shown: the line is cleared first and redrawn at the next tick. */
  messages(err: Out): Out;
  /** Clear the line for good. */
  end(): void;
}

const SILENT: Progress = { tick() {}, messages: (err) => err, end() {} };

/** A progress line on the terminal, or nothing at all when there is none. */
export function progress(terminal: Out | null, total: number | null, now: () => number = () => performance.now()): Progress {
  if (!terminal) return SILENT;
  const start = now();
  let done = 0;
  let lastDraw = -Infinity;
  let shown = false;
  const clear = () => { if (shown) { terminal.write(CLEAR_LINE); shown = false; } };
  return {
    tick() {
      done++;
      const t = now();
      if (t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      terminal.write(`${CLEAR_LINE}${progressLine(done, total, t - start)}`);
      shown = true;
    },
    messages: (err) => ({ write: (s) => { clear(); err.write(s); } }),
    end: clear,
  };
}

/** The progress line of a run over `inputs`: on the session's terminal unless --no-progress, with the total when it is known. */
export async function progressOf(session: Session, inputs: string[], off: boolean): Promise<Progress> {
  const terminal = off ? null : session.terminal;
  return progress(terminal, terminal ? await countArticleFiles(inputs) : null);
}

/**
 * `acta` as a process (bin/acta.js): main() wired to stdin, stdout, stderr and
 * signals. Ctrl-C ends a run between two articles (what was stored stays, a
 * summary says how much, exit 130; a second Ctrl-C ends it at once). A reader
 * that closes stdout early (`acta code … | head -1`) ends it quietly, exit 0,
 * instead of an EPIPE stack trace.
 */
import { main } from './main.js';
import { printableLines } from '../output/terminal.js';
import type { StopReason } from './session.js';
import { tuneEngine } from './engine.js';

export async function runAsProcess(argv: string[]): Promise<void> {
  tuneEngine();
  const control = new AbortController();
  const stopWith = (reason: StopReason) => { if (!control.signal.aborted) control.abort(reason); };
  const outputClosed = () => control.signal.aborted && control.signal.reason === 'output-closed';
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && !outputClosed()) process.stderr.write(`acta: cannot write the output: ${e.message}\n`);
    stopWith('output-closed');
  });
  // A closed stderr (acta … 2>&1 | head) must not crash the run either; there is nowhere left to say so.
  process.stderr.on('error', () => stopWith('output-closed'));
  process.on('SIGINT', () => {
    if (control.signal.aborted && control.signal.reason === 'interrupt') process.exit(130);
    stopWith('interrupt');
  });
  const out = { write: (s: string) => { if (!outputClosed()) process.stdout.write(s); } };
  let code: number;
  try {
    code = await main(argv, out, process.stderr, { stop: control.signal });
  } catch (err) {
    process.stderr.write(printableLines(`acta: ${err instanceof Error ? err.message : String(err)}\n`));
    code = 1;
  }
  if (control.signal.reason === 'interrupt') code = 130;
  // A run ended early may still wait on input (stdin that never ends): nothing more is wanted from it.
  if (control.signal.aborted) process.exit(code);
  process.exitCode = code;
}

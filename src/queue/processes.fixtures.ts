/**
 * The queue's process-level tests: `acta` commands run as child processes (their output kept,
 * and copied into ACTA_QUEUE_TEST_LOG's folder when it names one), waiting on a condition, and
 * what must match between two stores. Not shipped (package.json leaves out *.fixtures.*).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/index.js';

const ACTA = new URL('../../bin/acta.js', import.meta.url).pathname;

export interface Proc { child: ChildProcess; stderr: string; exited: Promise<number | null> }

/** Where each process's output also goes when ACTA_QUEUE_TEST_LOG names a folder (to see a run that fails). */
const LOG = process.env.ACTA_QUEUE_TEST_LOG;
let launched = 0;

export function run(args: string[]): Proc {
  const child = spawn(process.execPath, [ACTA, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { child, stderr: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  const log = LOG ? join(LOG, `${++launched}-${args[0]}.log`) : null;
  const take = (d: Buffer) => { p.stderr += d; if (log) appendFileSync(log, d); };
  child.stderr!.on('data', take);
  child.stdout!.on('data', take);
  return p;
}

export async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (LOG) appendFileSync(join(LOG, 'test.log'), `${new Date().toISOString()} waiting for ${what}\n`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every event of a store with the happening it reports, by "article id#event id": what must match between two stores. */
export function reportsAndHappenings(store: Store): Map<string, { event: unknown; happening: string | null }> {
  const out = new Map<string, { event: unknown; happening: string | null }>();
  for (const e of store.queryEvents({})) out.set(`${e.article_id}#${e.id}`, { event: e, happening: store.happenings.ofEvent(e) });
  return out;
}

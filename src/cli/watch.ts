/** `acta watch URL|DIR… [--every 15m] [--once] [--db FILE]`: follow feeds and directories, storing each new article. */
import { statSync } from 'node:fs';
import { liveRegistry } from '../actors/live-registry.js';
import { printable } from '../output/terminal.js';
import { DEFAULT_LIMITS, Fetcher, type FetchLimits } from '../watch/fetcher.js';
import { parseByteSize, parseDuration } from '../watch/duration.js';
import { pollOnce, StoreFailure, type Source, type SourceReport } from '../watch/poll.js';
import { openWatchState } from '../watch/state.js';
import { inputEncoding, openStoreAt, parse, positiveInt, userActors, UsageError } from './args.js';
import { isPostgresUrl } from '../store/postgres/store.js';
import { redactUrl } from '../store/postgres/db.js';
import type { Session } from './session.js';

export const WATCH_HELP = `Usage: acta watch URL|DIR... [--every 15m] [--once] [--db FILE]

Follow news feeds and directories, and store each new article, its entities and its
events in a SQLite file (default ./acta.db), as acta ingest does.

A URL (http or https) is a feed: RSS, Atom, RDF (RSS 1.0) or JSON Feed. Each poll asks
for it again only if it changed (ETag / If-Modified-Since, remembered in the store);
each item whose page was never fetched is fetched, its article read from the HTML
(what the page does not say — title, author, day — is taken from the feed), coded and
stored. A page stored before (same URL, or same text) is not stored again; a page that
cannot be read (404, no article in it) is not asked for again, one that timed out or
got a 5xx is tried at most 3 times.
A DIR is a directory of text, HTML and JSONL files, read as acta ingest reads them;
each poll reads the files that are new or changed since the last.

Each poll prints a line per source on stderr: how many new articles were stored,
"unchanged (304 Not Modified)", or "failed: " and the reason; a page or file that
fails gets a line naming it. A source that fails never stops the others. Ctrl-C (or
SIGTERM) stops between two articles, never during a save.

Options:
  --every D          time between the starts of two polls (default 15m): 30s, 15m, 1h, 1h30m
  --once             poll once and exit (for scripts and cron)
  --db FILE          the SQLite file (default: acta.db); not a PostgreSQL URL: the feeds' state is kept in the file
  --host-interval D  at least this long between two requests to one host (default 1s); a host
                     that answers 429 or 503 with Retry-After is not asked until its pause ends
  --connect-timeout D  time to open a connection (default 10s)
  --timeout D        time for a whole answer, from the request to its last byte (default 30s)
  --max-bytes N      the largest feed or page read (default 5M; k, M: 1024, 1024²);
                     a larger one is cut off and fails, naming its URL
  --max-redirects N  redirects followed for one request (default 5)
  --actors FILE      your own actor dictionary (.csv, .tsv, .yaml; repeatable), as for acta code
  --encoding E       utf8 (default) | latin1 | windows-1252, for files of a DIR
  -h, --help         this help

Exit status (--once): 0 every source read; 1 a source, page or file failed; 2 usage
error; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).`;

/** A URL argument is a feed; anything else must be an existing file or directory. */
export function sourceOf(arg: string): Source {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    let u: URL;
    try { u = new URL(arg); } catch { throw new UsageError(`not a URL: ${arg}`); }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`only http and https feeds are read, not ${u.protocol.replace(/:$/, '')} (${arg})`);
    return { kind: 'feed', url: u.href };
  }
  try {
    statSync(arg);
  } catch {
    const hint = /^[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(arg) ? ' (a feed is given by its http:// or https:// URL)' : '';
    throw new UsageError(`no such file or directory: ${arg}${hint}`);
  }
  return { kind: 'path', path: arg };
}

function duration(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} must be a duration such as 30s, 15m or 1h (got "${value}")`);
  return ms;
}

function byteSize(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = parseByteSize(value);
  if (n === null || n < 1) throw new UsageError(`${flag} must be a size in bytes such as 500000, 512k or 5M (got "${value}")`);
  return n;
}

/** Ctrl-C (the session's stop) or SIGTERM: either ends the watch between two articles. */
function stopSignal(session: Session): { signal: AbortSignal; reason: () => 'interrupt' | 'terminate' | 'output-closed' | null; release: () => void } {
  const control = new AbortController();
  const onStop = () => control.abort(session.stop.reason);
  const onTerm = () => control.abort('terminate');
  if (session.stop.aborted) onStop(); else session.stop.addEventListener('abort', onStop, { once: true });
  process.on('SIGTERM', onTerm);
  return {
    signal: control.signal,
    reason: () => (control.signal.aborted ? control.signal.reason : null),
    release: () => { session.stop.removeEventListener('abort', onStop); process.off('SIGTERM', onTerm); },
  };
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (stop.aborted) { resolve(); return; }
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); stop.removeEventListener('abort', done); resolve(); }
    stop.addEventListener('abort', done, { once: true });
  });
}

export async function runWatch(argv: string[], session: Session): Promise<number> {
  const { out } = session;
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, every: { type: 'string' }, once: { type: 'boolean' },
    'host-interval': { type: 'string' }, 'connect-timeout': { type: 'string' }, timeout: { type: 'string' },
    'max-bytes': { type: 'string' }, 'max-redirects': { type: 'string' },
    actors: { type: 'string', multiple: true }, encoding: { type: 'string' },
  }, WATCH_HELP);
  if (values.help) { out.write(WATCH_HELP + '\n'); return 0; }
  if (positionals.length === 0) throw new UsageError(`no feed URL or directory given\n\n${WATCH_HELP}`);
  const every = duration(values.every as string | undefined, '--every', 15 * 60_000);
  const limits: FetchLimits = {
    perHostMs: values['host-interval'] === undefined ? DEFAULT_LIMITS.perHostMs : duration(values['host-interval'] as string, '--host-interval', 0),
    connectTimeoutMs: duration(values['connect-timeout'] as string | undefined, '--connect-timeout', DEFAULT_LIMITS.connectTimeoutMs),
    totalTimeoutMs: duration(values.timeout as string | undefined, '--timeout', DEFAULT_LIMITS.totalTimeoutMs),
    maxBytes: byteSize(values['max-bytes'] as string | undefined, '--max-bytes', DEFAULT_LIMITS.maxBytes),
    maxRedirects: values['max-redirects'] === '0' ? 0 : positiveInt(values['max-redirects'] as string | undefined, '--max-redirects') ?? DEFAULT_LIMITS.maxRedirects,
  };
  const encoding = inputEncoding(values.encoding as string | undefined);
  const actors = userActors(values);
  const sources = positionals.map(sourceOf);
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  // The feeds' state (what was seen, when to ask again) lives in tables of the SQLite file.
  if (isPostgresUrl(dbPath)) throw new UsageError(`--db: acta watch keeps its feeds' state in a SQLite store and cannot follow feeds into PostgreSQL (got ${redactUrl(dbPath)}); give it a SQLite file, or store articles in PostgreSQL with acta ingest`);
  const store = openStoreAt(dbPath, { mustExist: false });
  const state = openWatchState(dbPath);
  const stop = stopSignal(session);
  const fetcher = new Fetcher(limits, stop.signal);
  const ctx = {
    store, dbPath, state, fetcher, registry: liveRegistry(store), actors, encoding, stop: stop.signal,
    log: (line: string) => session.err.write(`acta watch: ${line}\n`),
  };
  let stored = 0, events = 0, failures = 0, polls = 0;
  let storeBroken = false;
  try {
    for (;;) {
      const started = Date.now();
      let reports: SourceReport[];
      try {
        reports = await pollOnce(sources, ctx);
      } catch (e) {
        if (!(e instanceof StoreFailure)) throw e;
        session.err.write(`acta: ${e.message}\n`);
        storeBroken = true;
        break;
      }
      polls++;
      for (const r of reports) {
        stored += r.stored;
        events += r.events;
        failures += r.failed + (r.status === 'failed' ? 1 : 0);
      }
      if (values.once || stop.signal.aborted) break;
      await sleep(Math.max(0, every - (Date.now() - started)), stop.signal);
      if (stop.signal.aborted) break;
    }
  } finally {
    stop.release();
    state.close();
    store.close();
  }
  const reason = stop.reason();
  if (reason === 'interrupt' || reason === 'terminate') session.err.write(`acta: ${reason === 'interrupt' ? 'interrupted' : 'terminated'}; the articles stored so far stay stored\n`);
  out.write(`${stored} article(s) stored with ${events} event(s) in ${polls} poll(s), ${failures} failure(s) — ${printable(dbPath)}\n`);
  if (reason === 'interrupt') return 130;
  if (reason === 'terminate') return 143;
  if (reason === 'output-closed') return 0;
  return storeBroken || failures > 0 ? 1 : 0;
}

/** `acta serve`: the web page and the HTTP API over a store, until Ctrl-C. */
import { API_PREFIX } from '../server/prefix.js';
import { openStoreAt, parse, UsageError } from './args.js';
import type { Session } from './session.js';

export const SERVE_HELP = `Usage: acta serve [--db FILE|URL] [--host 127.0.0.1] [--port 8787] [--token T]

Serve the events of a store over HTTP until Ctrl-C: the web page at / (filters,
timeline, map, actor network, event table, the evidence behind every field,
"Download digest") and the API under ${API_PREFIX} (events, events/{id}, counts,
network, places, countries, facets, actors, actors/{id}, articles/{id}, digest,
POST articles, health), described by ${API_PREFIX}/openapi.json (OpenAPI 3.1).
One line per request on stderr: method, path, status, milliseconds.

Options:
  --db FILE|URL the SQLite file, or a postgres:// URL (default: acta.db); it must exist
  --host HOST   the address to listen on (default: 127.0.0.1, this machine only);
                another address lets whoever can reach it read the store
  --port N      the port (default: 8787; 0 takes a free one)
  --token T     the bearer token POST ${API_PREFIX}/articles needs (Authorization:
                Bearer T); without one, writing is off (403). ACTA_TOKEN in the
                environment does the same and keeps the token out of the process list
  -h, --help    this help`;

export const DEFAULT_PORT = 8787;

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${value}")`);
  return n;
}

/** Whether an address reaches only this machine. */
const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Resolves once the server has stopped (Ctrl-C: the session's stop signal). */
export async function runServe(argv: string[], session: Session, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' },
  }, SERVE_HELP);
  if (values.help) { session.out.write(SERVE_HELP + '\n'); return 0; }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (the store is --db FILE)\n\n${SERVE_HELP}`);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const port = portOf(values.port as string | undefined);
  const token = (values.token as string | undefined) ?? (env.ACTA_TOKEN?.trim() || null);
  if (token !== null && token.length < 8) throw new UsageError('--token must be at least 8 characters');
  const dbPath = (values.db as string | undefined) ?? 'acta.db';
  const store = openStoreAt(dbPath, { mustExist: true });
  const err = session.err;
  // (the server and fastify load only for this command)
  const { buildServer } = await import('../server/app.js');
  const app = await buildServer({ store, token, log: (line) => err.write(`${line}\n`) });
  try {
    let address: string;
    try {
      address = await app.listen({ host, port });
    } catch (e) {
      throw new UsageError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
    }
    err.write(`acta serve: ${address}/ — API ${address}${API_PREFIX}, OpenAPI ${address}${API_PREFIX}/openapi.json; ${store.countEvents()} event(s) in ${dbPath}; writing ${token ? 'needs the token' : 'off (no --token)'}\n`);
    if (!isLoopback(host)) err.write(`acta serve: listening on ${host}: anyone who can reach this address can read the store\n`);
    await new Promise<void>((resolve) => {
      if (session.stop.aborted) resolve();
      else session.stop.addEventListener('abort', () => resolve(), { once: true });
    });
    err.write('acta serve: stopped\n');
    return 0;
  } finally {
    await app.close();
    store.close();
  }
}

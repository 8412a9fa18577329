/**
 * The worker thread behind src/store/postgres/db.ts: it holds the `pg` connections and runs
 * what the main thread sends, while the main thread waits on it (synckit: Atomics), so that the
 * store's interface stays synchronous. One connection per store: a transaction is BEGIN …
 * COMMIT over several calls on the same connection.
 */
import { runAsWorker } from 'synckit';
import pg from 'pg';

// Numbers as SQLite gives them: bigint counts and ids as numbers (they stay far below 2^53),
// numeric averages as numbers, booleans as 1 and 0.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);
pg.types.setTypeParser(16, (v: string) => (v === 't' ? 1 : 0));

export interface BridgeQuery { text: string; values: unknown[]; array: boolean; name?: string }

export type BridgeRequest =
  | { op: 'connect'; url: string }
  | { op: 'query'; conn: number; queries: BridgeQuery[] }
  | { op: 'end'; conn: number };

export type BridgeResponse =
  | { ok: true; conn?: number; rows?: unknown[]; rowCount?: number }
  | { ok: false; message: string; code?: string };

const clients = new Map<number, pg.Client>();
let nextConn = 1;

async function handle(req: BridgeRequest): Promise<BridgeResponse> {
  if (req.op === 'connect') {
    const client = new pg.Client({ connectionString: req.url, connectionTimeoutMillis: 10_000 });
    // A connection that drops between calls is reported by the next query; never an unhandled event.
    client.on('error', () => {});
    await client.connect();
    const conn = nextConn++;
    clients.set(conn, client);
    return { ok: true, conn };
  }
  const client = clients.get(req.conn);
  if (req.op === 'end') {
    clients.delete(req.conn);
    // A client whose connection broke may never finish ending: wait a second at most.
    await Promise.race([client?.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1000))]);
    return { ok: true };
  }
  if (!client) return { ok: false, message: 'the PostgreSQL connection is closed' };
  let last: pg.QueryResult | undefined;
  // In order, each after the one before: a batch is the writes deferred inside a transaction, then one read.
  for (const q of req.queries) {
    const config = { text: q.text, values: q.values, name: q.name, ...(q.array ? { rowMode: 'array' as const } : {}) };
    last = (await client.query(config as pg.QueryConfig)) as pg.QueryResult;
  }
  return { ok: true, rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
}

runAsWorker(async (req: BridgeRequest): Promise<BridgeResponse> => {
  try {
    return await handle(req);
  } catch (e) {
    const err = e as { message?: string; code?: string };
    const message = err.message ?? String(e);
    // pg says a lost connection in words only: give it the SQLSTATE of one (connection failure).
    const lost = /Connection terminated|not queryable|Client was closed/i.test(message);
    return { ok: false, message, code: err.code ?? (lost ? '08006' : undefined) };
  }
});

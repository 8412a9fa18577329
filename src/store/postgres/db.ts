/**
 * A PostgreSQL connection with the synchronous interface the store's logic is written against
 * (SqlDb: better-sqlite3's prepare/get/all/run/pluck/raw and transactions). Each call waits
 * on the bridge worker (bridge-worker.ts) that runs it with `pg`.
 *
 * Statements are SQLite's SQL where the dialects agree; the few spellings that differ are
 * rewritten here (`?` and `@name` to `$n`, LIKE to ILIKE — SQLite's LIKE ignores ASCII case —
 * and SQLite's INDEXED BY hints dropped), the rest is chosen by `postgresDialect` (sql.ts).
 *
 * Inside a transaction, a write whose result nobody reads (an INSERT, UPDATE or DELETE without
 * RETURNING) is not sent at once: it waits for the next read or the COMMIT and goes with it in
 * one call, in order. An article's rows are then one round trip, not one each; an error in
 * any of them still fails the transaction, which is rolled back whole.
 */
import { createRequire } from 'node:module';
import type { createSyncFn as CreateSyncFn } from 'synckit';
import { postgresDialect, type DialectDb, type SqlStatement, type SqlTransaction } from '../sql.js';
import type { BridgeQuery, BridgeRequest, BridgeResponse } from './bridge-worker.js';

let bridge: ((req: BridgeRequest) => BridgeResponse) | null = null;
function call(req: BridgeRequest): BridgeResponse {
  // synckit is loaded on the first PostgreSQL connection, not with the module (tens of ms): a SQLite-only run never pays for it.
  if (bridge === null) {
    const { createSyncFn } = createRequire(import.meta.url)('synckit') as { createSyncFn: typeof CreateSyncFn };
    bridge = createSyncFn(new URL('./bridge-worker.js', import.meta.url).pathname) as (req: BridgeRequest) => BridgeResponse;
  }
  return bridge(req);
}

/** An error from PostgreSQL, with its SQLSTATE (or the socket's code) as `code`. */
export class PgError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** A URL with its password left out, to name in messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^/]*@/i, '$1:***@');
}

/** The SQL with `?` and `@name` parameters numbered ($1, $2 …), outside quotes; the names in order of their numbers. */
export function numberParameters(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  let n = 0;
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '$' && sql[i + 1] === '$') {
      // A dollar-quoted body (a function's) is passed on as written.
      const end = sql.indexOf('$$', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++n}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))![0];
      let k = names.indexOf(name);
      if (k < 0) { names.push(name); k = names.length - 1; n = names.length; }
      out += `$${k + 1}`;
      i += name.length;
    } else {
      out += c;
    }
  }
  return { text: out, names };
}

/** SQLite's spellings that PostgreSQL writes otherwise, where the change is one of words. */
export function toPostgres(sql: string): string {
  return sql.replace(/\bINDEXED BY \w+/g, '').replace(/\bLIKE\b/g, 'ILIKE');
}

/** A lost connection: PostgreSQL's connection (08…) and shutdown (57P…) classes, a socket's failure, `pg`'s own words for a dead client. */
export function connectionLost(message: string, code: string | undefined): boolean {
  return /^(08|57P)|^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH)$/.test(code ?? '')
    || /Connection terminated|not queryable|connection (refused|closed|terminated)/i.test(message);
}

/** A value as `pg` sends it: undefined as NULL, as better-sqlite3 refuses it. */
const param = (v: unknown) => (v === undefined ? null : v);

export interface PgDbOptions {
  /** The advisory lock key an immediate transaction takes: the store's write lock. */
  writeLockKey: bigint;
  /** Called after a transaction was rolled back (what it made of the schema is gone). */
  onRollback?: () => void;
}

export class PgDb implements DialectDb {
  readonly dialect = postgresDialect;
  private conn: number | null;
  /** The connection broke (the server restarted, a network cut): the next call connects again. */
  private lost = false;
  private pending: BridgeQuery[] = [];
  private depth = 0;
  /** Statements run more than once are prepared on the server under a name. */
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(readonly url: string, private readonly options: PgDbOptions) {
    const r = call({ op: 'connect', url });
    if (!r.ok) throw new PgError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${r.message}`, r.code);
    this.conn = r.conn!;
  }

  get open(): boolean {
    return this.conn !== null;
  }

  /** Send the deferred writes and then `q` (if any) in one call; the last one's rows. */
  send(q: BridgeQuery | null): { rows: unknown[]; rowCount: number } {
    if (this.conn === null) throw new PgError('the PostgreSQL connection is closed', undefined);
    const queries = q ? [...this.pending, q] : this.pending;
    this.pending = [];
    if (queries.length === 0) return { rows: [], rowCount: 0 };
    // Only a call that starts afresh (no transaction of the lost connection is open: a failed
    // transaction was rolled back whole and threw) may go over a new connection.
    if (this.lost) this.reconnect();
    const r = call({ op: 'query', conn: this.conn, queries });
    if (!r.ok) {
      if (connectionLost(r.message, r.code)) {
        this.lost = true;
        // 08006 (connection failure) when pg gives no code, so callers can tell it from a bad statement.
        throw new PgError(`lost the PostgreSQL connection to ${redactUrl(this.url)}: ${r.message}`, r.code ?? '08006');
      }
      throw new PgError(r.message, r.code);
    }
    return { rows: r.rows ?? [], rowCount: r.rowCount ?? 0 };
  }

  /** Replace the broken connection with a new one; throws (a connection error) while the server cannot be reached, the broken one kept until then. */
  private reconnect(): void {
    const r = call({ op: 'connect', url: this.url });
    if (!r.ok) throw new PgError(`cannot reach PostgreSQL at ${redactUrl(this.url)}: ${r.message}`, r.code ?? '08001');
    call({ op: 'end', conn: this.conn! });
    this.conn = r.conn!;
    this.lost = false;
  }

  /** Hold a write whose result is not read until the next call (only inside a transaction). */
  defer(q: BridgeQuery): boolean {
    if (this.depth === 0) return false;
    this.pending.push(q);
    return true;
  }

  query(text: string, values: unknown[], array: boolean): { rows: unknown[]; rowCount: number } {
    return this.send({ text, values: values.map(param), array, name: this.nameOf(text, values) });
  }

  /** The name a statement is prepared under once it runs a second time (a query built afresh each time is not). */
  nameOf(text: string, values: unknown[]): string | undefined {
    if (values.length === 0) return undefined;
    const known = this.names.get(text);
    if (known !== undefined) return known;
    const count = (this.seen.get(text) ?? 0) + 1;
    if (count < 2) { if (this.seen.size < 5000) this.seen.set(text, count); return undefined; }
    if (this.names.size >= 1000) return undefined;
    const name = `acta_${this.names.size}`;
    this.names.set(text, name);
    return name;
  }

  prepare(sql: string): SqlStatement {
    return new PgStatement(this, sql);
  }

  exec(sql: string): void {
    this.send({ text: sql, values: [], array: false });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  transaction<F extends (...params: any[]) => unknown>(fn: F): SqlTransaction<F> {
    const run = (lock: boolean) => (...args: unknown[]): ReturnType<F> => {
      if (this.depth > 0) return fn(...args) as ReturnType<F>;
      this.pending.push({ text: 'BEGIN', values: [], array: false });
      if (lock) this.pending.push({ text: `SELECT pg_advisory_xact_lock(${this.options.writeLockKey})`, values: [], array: false });
      this.depth++;
      try {
        const result = fn(...args) as ReturnType<F>;
        this.depth--;
        this.send({ text: 'COMMIT', values: [], array: false });
        return result;
      } catch (e) {
        this.depth = 0;
        this.pending = [];
        // A lost connection took its transaction with it: nothing was committed, nothing to roll back.
        if (!this.lost) try { this.send({ text: 'ROLLBACK', values: [], array: false }); } catch { /* the connection is gone: nothing was committed */ }
        this.options.onRollback?.();
        throw e;
      }
    };
    const tx = run(false) as unknown as SqlTransaction<F>;
    tx.immediate = run(true) as SqlTransaction<F>['immediate'];
    return tx;
  }

  close(): void {
    if (this.conn === null) return;
    const conn = this.conn;
    this.conn = null;
    this.pending = [];
    call({ op: 'end', conn });
  }
}

class PgStatement implements SqlStatement {
  private readonly text: string;
  private readonly names: string[];
  private readonly writes: boolean;
  private mode: 'object' | 'pluck' | 'raw' = 'object';

  constructor(private readonly db: PgDb, sql: string) {
    const { text, names } = numberParameters(toPostgres(sql));
    this.text = text;
    this.names = names;
    this.writes = /^\s*(INSERT|UPDATE|DELETE|CREATE)\b/i.test(text) && !/\bRETURNING\b/i.test(text);
  }

  private values(params: unknown[]): unknown[] {
    if (this.names.length === 0) return params;
    const named = (params[0] ?? {}) as Record<string, unknown>;
    return this.names.map((n) => named[n]);
  }

  private rows(params: unknown[]): unknown[] {
    const { rows } = this.db.query(this.text, this.values(params), this.mode !== 'object');
    return this.mode === 'pluck' ? (rows as unknown[][]).map((r) => r[0]) : rows;
  }

  get(...params: unknown[]): unknown {
    return this.rows(params)[0];
  }

  all(...params: unknown[]): unknown[] {
    return this.rows(params);
  }

  run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const values = this.values(params).map(param);
    if (this.writes && this.db.defer({ text: this.text, values, array: false, name: this.db.nameOf(this.text, values) })) return { changes: 0, lastInsertRowid: 0 };
    return { changes: this.db.query(this.text, values, false).rowCount, lastInsertRowid: 0 };
  }

  pluck(on = true): this {
    this.mode = on ? 'pluck' : 'object';
    return this;
  }

  raw(on = true): this {
    this.mode = on ? 'raw' : 'object';
    return this;
  }
}

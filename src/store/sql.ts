/**
 * What the store's logic needs of a database, so that one logic runs on two: SQLite
 * (better-sqlite3, whose Database is this interface as it is) and PostgreSQL (src/store/postgres).
 * Statements are written in SQLite's SQL with `?` and `@name` parameters; where the dialects
 * differ in more than spelling (JSON, full-text search, geography, upserts), the SQL is chosen
 * through `dialect` below, whose SQLite side is the SQL the store has always run.
 */

/** A prepared statement, as better-sqlite3 has it. */
export interface SqlStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  /** Return each row's first column alone. */
  pluck(on?: boolean): this;
  /** Return each row as an array of its columns. */
  raw(on?: boolean): this;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the shape of better-sqlite3's own transaction type */
type AnyFn = (...params: any[]) => unknown;
type ArgumentTypes<F extends AnyFn> = F extends (...args: infer A) => unknown ? A : never;
export interface SqlTransaction<F extends AnyFn> {
  (...params: ArgumentTypes<F>): ReturnType<F>;
  immediate(...params: ArgumentTypes<F>): ReturnType<F>;
}

export interface SqlDb {
  prepare(sql: string): SqlStatement;
  exec(sql: string): unknown;
  /** A function that runs `fn` in one transaction; `.immediate` takes the write lock first. */
  transaction<F extends AnyFn>(fn: F): SqlTransaction<F>;
  readonly open: boolean;
  close(): unknown;
}

/** The SQL the dialects write differently; every method returns SQL text (values stay `?` parameters). */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A JSON value's member as text (`keys` a path: ["source", "name"]). */
  jsonText(expr: string, ...keys: string[]): string;
  /** A JSON value's member as a number. */
  jsonNumber(expr: string, key: string): string;
  /** Rows of a JSON array column, each as `alias.value` (JSON: `alias.value ->> 'name'` reads a member). */
  jsonEach(expr: string, alias: string): string;
  /** Rows of a JSON array of strings, each as `alias.value` (text). */
  jsonEachText(expr: string, alias: string): string;
  /** The length of a JSON array (NULL for NULL). */
  jsonLength(expr: string): string;
  /** A subquery of the text values in a JSON array parameter (`?`). */
  textList(): string;
  /** A subquery of the integers in a JSON array parameter (`?`). */
  numberList(): string;
  /** `expr` equals a parameter, ignoring case. */
  equalsNocase(expr: string): string;
  /** The LIMIT parameter that means no limit. */
  readonly noLimit: number | null;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  jsonText: (expr, ...keys) => (keys.length === 1 ? `${expr} ->> '${keys[0]}'` : `${expr} ->> '$.${keys.join('.')}'`),
  jsonNumber: (expr, key) => `${expr} ->> '${key}'`,
  jsonEach: (expr, alias) => `json_each(${expr}) ${alias}`,
  jsonEachText: (expr, alias) => `json_each(${expr}) ${alias}`,
  jsonLength: (expr) => `json_array_length(${expr})`,
  textList: () => 'SELECT value FROM json_each(?)',
  numberList: () => 'SELECT value FROM json_each(?)',
  equalsNocase: (expr) => `${expr} = ? COLLATE NOCASE`,
  noLimit: -1,
};

/** PostgreSQL keeps JSON as text (bytes as written, as SQLite does) and reads it as jsonb where a query looks inside. */
export const postgresDialect: Dialect = {
  name: 'postgres',
  jsonText: (expr, ...keys) => (keys.length === 1 ? `(${expr}::jsonb ->> '${keys[0]}')` : `(${expr}::jsonb #>> '{${keys.join(',')}}')`),
  jsonNumber: (expr, key) => `(${expr}::jsonb ->> '${key}')::float8`,
  jsonEach: (expr, alias) => `jsonb_array_elements(${expr}::jsonb) ${alias}(value)`,
  jsonEachText: (expr, alias) => `jsonb_array_elements_text(${expr}::jsonb) ${alias}(value)`,
  jsonLength: (expr) => `jsonb_array_length(${expr}::jsonb)`,
  textList: () => 'SELECT jsonb_array_elements_text(?::jsonb)',
  numberList: () => 'SELECT jsonb_array_elements_text(?::jsonb)::bigint',
  equalsNocase: (expr) => `lower(${expr}) = lower(?)`,
  noLimit: null,
};

/** A database with the dialect its SQL is written in. */
export interface DialectDb extends SqlDb {
  readonly dialect: Dialect;
}

/** The dialect of a database: PostgreSQL's connection says so, any other is SQLite. */
export function dialectOf(db: SqlDb): Dialect {
  return (db as Partial<DialectDb>).dialect ?? sqliteDialect;
}

/** Argument parsing shared by the commands (node:util parseArgs), with usage errors that exit 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { defaultJobs } from '../parallel/jobs.js';
import { ActorFileError, readActorFile } from '../actors/user-file.js';
import type { ActorRow } from '../actors/knowledge.js';
import { ploverTypes } from '../events/ontology.js';
import { countryInfo } from '../places/countries.js';
import { isValidDay } from '../times/calendar.js';
import { INPUT_ENCODINGS, type InputEncoding } from '../ingest/files.js';
import { openStore, type Store } from '../store/index.js';
import { isPostgresUrl, NoStoreError, openPostgresStore } from '../store/postgres/store.js';
import { redactUrl } from '../store/postgres/db.js';

import { UsageError } from './usage-error.js';

export { UsageError };

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * "--limit -1" as "--limit=-1": parseArgs reads a value that starts with a dash
 * as a forgotten value ("ambiguous"), so a negative number would never reach
 * the check that says what the flag accepts.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && /^-\d|^-\.\d/.test(argv[i + 1] ?? '')) {
      out.push(`${a}=${argv[++i]}`);
    } else out.push(a);
  }
  return out;
}

export function parse(argv: string[], options: Options, help: string): Parsed {
  let r;
  try {
    r = parseArgs({ args: joinNegativeValues(argv, options), options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${help}`);
  }
  for (const [name, value] of Object.entries(r.values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && v.trim() === '') throw new UsageError(`--${name} needs a value`);
    }
  }
  return { values: r.values as Parsed['values'], positionals: r.positionals };
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Whether "YYYY", "YYYY-MM" or "YYYY-MM-DD" names a real year, month or day of the calendar (no 2024-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  return isValidDay(year, month, day);
}

export function isoDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) {
    throw new UsageError(`${flag} must be a day of the calendar, YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

export function dateBound(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} must be a year, month or day of the calendar: YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a whole number from 1 up (got "${value}")`);
  return n;
}

/** --jobs: worker threads for analysis, default one per core. */
export function jobsOf(value: string | undefined): number {
  return positiveInt(value, '--jobs') ?? defaultJobs();
}

/** A number from 0 to 1 written in decimals ("0.5", ".5", "1"); hex, exponents and blanks are refused. */
export function fraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 1)) throw new UsageError(`${flag} must be a number from 0 to 1 (got "${value}")`);
  return n;
}

/** A PLOVER event type (any case), checked against data/plover.tsv. */
export function ploverType(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const types = ploverTypes().map((t) => t.event);
  const upper = value.toUpperCase();
  if (!types.includes(upper)) throw new UsageError(`${flag} must be a PLOVER event type: ${types.join(', ')} (got "${value}")`);
  return upper;
}

/** An ISO 3166 alpha-3 country code acta knows (data/countries.tsv), upper-cased. */
export function countryCode(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(value) || !countryInfo(value)) throw new UsageError(`${flag} must be an ISO 3166 alpha-3 country code like IRQ or MLI (got "${value}")`);
  return value.toUpperCase();
}

export function inputEncoding(value: string | undefined): InputEncoding {
  return oneOf(value, INPUT_ENCODINGS, '--encoding', 'utf8');
}

/**
 * Every named input exists (stdin aside). Checked before a store is opened, so
 * a mistyped path stops the run before anything is created or written.
 */
export function requireInputs(paths: string[]): void {
  const missing = paths.filter((p) => {
    if (p === '-') return false;
    try { statSync(p); return false; } catch { return true; }
  });
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Whether an existing file is empty (SQLite makes it a database) or starts with SQLite's header. */
function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === 0 || head.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * The store at a --db path, or a usage error saying what is wrong with the
 * path: missing (when it must exist), a directory, or a file that is not a
 * SQLite database. Nothing is created for a path that is refused.
 */
export function openStoreAt(path: string, opts: { mustExist: boolean }): Store {
  if (isPostgresUrl(path)) return openPostgresAt(path, opts);
  let info;
  try {
    info = statSync(path);
  } catch {
    if (opts.mustExist) throw new UsageError(`--db: no database at ${path} (create one with "acta ingest PATH --db ${path}")`);
  }
  if (info?.isDirectory()) throw new UsageError(`--db must name a SQLite file, not a directory (got "${path}")`);
  if (info && !info.isFile()) throw new UsageError(`--db must name a SQLite file (got "${path}", not a regular file)`);
  if (info && !looksLikeSqlite(path)) throw new UsageError(`--db: ${path} is not a SQLite database`);
  try {
    return openStore(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(NOTADB|CANTOPEN|CORRUPT|READONLY|PERM|AUTH)/.test(code)) throw new UsageError(`--db: cannot open ${path}: ${(e as Error).message}`);
    throw e;
  }
}

/**
 * The store in the PostgreSQL database at a --db URL, or a usage error naming the URL (its
 * password left out) when it cannot be reached or opened; a database with no acta store in it
 * is refused where the store must exist. The schema is made in one transaction: nothing half-written.
 */
function openPostgresAt(url: string, opts: { mustExist: boolean }): Store {
  try {
    return openPostgresStore(url, { mustExist: opts.mustExist });
  } catch (e) {
    if (e instanceof NoStoreError) throw new UsageError(`--db: no acta store in ${redactUrl(url)} (create one with "acta ingest PATH --db ${redactUrl(url)}")`);
    const message = (e as Error).message;
    throw new UsageError(`--db: ${message.includes(redactUrl(url)) ? message : `cannot open ${redactUrl(url)}: ${message}`}`);
  }
}

/** The rows of the user's --actors files (repeatable), or undefined when none is given. A file that cannot be read is a usage error. */
export function userActors(values: Record<string, unknown>): ActorRow[] | undefined {
  const files = (values.actors as string[] | undefined) ?? [];
  if (files.length === 0) return undefined;
  try {
    return files.flatMap((f) => readActorFile(f));
  } catch (e) {
    if (e instanceof ActorFileError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The store on PostgreSQL with PostGIS: the same Store as SQLite's (src/store/store.ts runs
 * the same logic over this connection), chosen by a `postgres://` or `postgresql://` --db.
 *
 * Writers: every save, reprocess and delete is one transaction that first takes
 * pg_advisory_xact_lock(WRITE_LOCK_KEY), before it reads whether the article is there, the
 * candidate happenings or the registry: two processes never merge against a view the other is
 * changing, as SQLite's single write lock ensures on one machine. Readers take no lock.
 */
import type { CodedEvent } from '../../doc/types.js';
import { NewerStoreError } from '../migrations.js';
import { storeOn, type Store, type StoreOptions } from '../store.js';
import { PgDb, redactUrl } from './db.js';
import { PG_SCHEMA_VERSION, pgMigrations } from './migrations.js';

/** The advisory lock of acta's writes (happenings, registry, articles): "acta" in ASCII. */
export const WRITE_LOCK_KEY = 0x61637461n;
/** The advisory lock of schema migrations. */
const MIGRATE_LOCK_KEY = 0x6163746dn;

/** Whether a --db value names a PostgreSQL database. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

/** The partition key of an event: the month of its date ('YYYY-MM'), '' for none or a year alone. */
export function monthOf(date: string | null): string {
  return date !== null && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : '';
}

/** The name of a month's partition of events. */
export function partitionName(month: string): string {
  return `events_${month.replace('-', '_')}`;
}

/** Apply the migrations the database lacks, in one transaction under the migration lock. */
export function migratePostgres(db: PgDb): number {
  const applied = db.transaction(() => {
    db.exec(`SELECT pg_advisory_xact_lock(${MIGRATE_LOCK_KEY});
      CREATE TABLE IF NOT EXISTS acta_schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = Number(db.prepare('SELECT COALESCE(max(version), 0) FROM acta_schema_migrations').pluck().get());
    if (current > PG_SCHEMA_VERSION) throw new NewerStoreError(current);
    for (const m of pgMigrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO acta_schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    }
    return Number(db.prepare('SELECT max(version) FROM acta_schema_migrations').pluck().get());
  });
  return applied();
}

/** A database that holds no acta store, opened where one must exist. */
export class NoStoreError extends Error {}

/**
 * Open the store in the PostgreSQL database at `url`, bringing its schema up to date; with
 * `mustExist`, a database without acta's tables is refused (NoStoreError) rather than made one.
 */
export function openPostgresStore(url: string, options: StoreOptions & { mustExist?: boolean } = {}): Store {
  /** Months whose partition exists (committed); reread after a rollback, which may have undone one made in it. */
  let months: Set<string> | null = null;
  const db = new PgDb(url, { writeLockKey: WRITE_LOCK_KEY, onRollback: () => { months = null; } });
  try {
    if (options.mustExist && db.prepare(`SELECT to_regclass('acta_schema_migrations') IS NULL`).pluck().get()) throw new NoStoreError(redactUrl(url));
    migratePostgres(db);
  } catch (e) {
    db.close();
    if (e instanceof NoStoreError) throw e;
    const message = (e as Error).message;
    // The role may not make the extension: say who can.
    const hint = /extension "postgis"/.test(message) ? ' (a superuser must first run CREATE EXTENSION postgis in this database; README: PostgreSQL)' : '';
    throw new Error(`${redactUrl(url)}: ${message}${hint}`);
  }
  const partitions = db.prepare(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'events'::regclass`).pluck();

  /** Make the partitions of the events' months that are missing (in the save's transaction, under the write lock). */
  function ensureMonths(events: readonly CodedEvent[]): void {
    months ??= new Set(partitions.all() as string[]);
    for (const month of new Set(events.map((e) => monthOf(e.date)))) {
      if (month === '' || months.has(partitionName(month))) continue;
      db.exec(`CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF events FOR VALUES IN ('${month}')`);
      months.add(partitionName(month));
    }
  }

  return storeOn(db, redactUrl(url), options, {
    beforeEvents: ensureMonths,
    eventColumns: { names: ['month'], of: (ev) => ({ month: monthOf(ev.date) }) },
  });
}

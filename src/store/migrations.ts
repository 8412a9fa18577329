/**
 * The store's schema, as a list of migrations applied in order. The database
 * remembers the last one applied in `PRAGMA user_version`; opening a store
 * applies the ones after it, together in one write-locked transaction. Never edit a
 * migration that has shipped: add a new one.
 */
import type Database from 'better-sqlite3';
import { translitKey } from '../actors/registry.js';
import { backfillHappenings } from './happenings.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot write, run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

/**
 * Migration 9's tables (src/store/happenings.ts reads and writes them). Here, not in happenings.ts:
 * the migrations are read when the store module loads, and happenings.ts imports the store.
 */
const HAPPENINGS_SQL = `
  CREATE TABLE happenings (
    num INTEGER PRIMARY KEY,            -- creation order: candidates are offered oldest first
    id TEXT NOT NULL UNIQUE,            -- stable: named after the report that started it
    type TEXT NOT NULL,                 -- PLOVER type of its fields
    merge_realis TEXT,                  -- the realis class candidates are looked up by; NULL: it stands alone, never a candidate
    day_from TEXT,                      -- the days its reports could be on (union of their candidate windows)
    day_to TEXT,
    date TEXT,                          -- its fields' date, for listing in date order
    fields TEXT NOT NULL,               -- JSON: happeningFields (disagreements kept), representative as {report, event, evidence}
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    first_report TEXT,                  -- earliest and latest publication day of its articles
    last_report TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- Candidates by type and days: news arrives about recent days, so the walk from the report's
  -- first day on (day_to >= from) reads few rows; day_from <= to is checked on those.
  CREATE INDEX happenings_window ON happenings(merge_realis, type, day_to) WHERE merge_realis IS NOT NULL;
  CREATE INDEX happenings_date ON happenings(date, num);

  CREATE TABLE happening_reports (      -- every stored event is the report of one happening
    article TEXT NOT NULL,              -- the event's article (hash) and id: events(article, id)
    event_id TEXT NOT NULL,
    happening TEXT NOT NULL,
    win_from TEXT,                      -- the report's candidate window (NULL: it stands alone)
    win_to TEXT,
    evidence TEXT NOT NULL,             -- the sentences that tell it, as merging weighs them
    outlet TEXT,
    published TEXT,
    PRIMARY KEY (article, event_id)
  );
  CREATE INDEX happening_reports_happening ON happening_reports(happening);

  CREATE TABLE happening_redirects (    -- a merged id and the happening it now answers as (chains flattened)
    id TEXT PRIMARY KEY,
    survivor TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX happening_redirects_survivor ON happening_redirects(survivor);

  CREATE TABLE happening_changes (      -- the change feed
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,                   -- ISO 8601 UTC of the transaction
    id TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- created | updated | merged | deleted
    survivor TEXT                       -- merged: the happening it went into
  );
  CREATE INDEX happening_changes_at ON happening_changes(at);
`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'articles, sentences, entities, events, full-text index',
    sql: `
      CREATE TABLE articles (
        num INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
        hash TEXT NOT NULL UNIQUE,        -- sha256 of the text, first 16 hex chars
        id TEXT NOT NULL,
        title TEXT,
        author TEXT,
        published TEXT,                   -- YYYY-MM-DD or NULL
        source TEXT,
        url TEXT,
        origin TEXT NOT NULL,
        text TEXT NOT NULL,
        body TEXT NOT NULL,               -- JSON [Span]
        dropped TEXT NOT NULL,            -- JSON [DroppedSpan]
        ingested_at TEXT NOT NULL         -- ISO 8601 UTC
      );
      CREATE INDEX articles_id ON articles(id);
      CREATE INDEX articles_published ON articles(published);

      CREATE TABLE sentences (
        article TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (article, idx)
      );

      CREATE TABLE entities (
        article TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        code TEXT,
        chain INTEGER,
        sentence INTEGER,
        nominal INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX entities_article ON entities(article);
      CREATE INDEX entities_name ON entities(name);

      CREATE TABLE events (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        article TEXT NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        event TEXT NOT NULL,
        mode TEXT NOT NULL,               -- JSON [string]
        context TEXT NOT NULL,            -- JSON [string]
        cameo TEXT,
        goldstein REAL,
        quad_class INTEGER,
        date TEXT,                        -- "2021-01-07" | "2020-12" | "2020" | NULL
        date_precision TEXT NOT NULL,
        date_text TEXT,
        actor TEXT NOT NULL,              -- JSON [Entity]
        recipient TEXT NOT NULL,          -- JSON [Entity]
        actor_codes TEXT NOT NULL,        -- actor codes, space separated, for prefix search
        recipient_codes TEXT NOT NULL,
        location TEXT,                    -- JSON Place or NULL
        location_country TEXT,
        attribution TEXT NOT NULL,        -- JSON Attribution
        certainty TEXT NOT NULL,
        negated INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        confidence REAL NOT NULL,
        UNIQUE (article, id)
      );
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_event ON events(event);
      CREATE INDEX events_location_country ON events(location_country);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='num'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'actor registry: entries learned across articles and their names',
    sql: `
      CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,               -- canonical: the longest name met
        type TEXT NOT NULL,               -- PER | ORG
        country TEXT,                     -- ISO 3166 alpha-3 with the most support, or NULL
        sector TEXT,
        code TEXT,                        -- country + sector, or NULL
        evidence TEXT NOT NULL,           -- JSON [ActorEvidence]: source, code, count, examples (article, offsets)
        articles INTEGER NOT NULL,        -- articles the entry was met in
        first_seen TEXT,                  -- earliest publication date among them (YYYY-MM-DD) or NULL
        last_seen TEXT,
        updated_at TEXT NOT NULL          -- ISO 8601 UTC of the last save that touched it
      );
      CREATE INDEX actors_code ON actors(code);
      CREATE INDEX actors_country ON actors(country);

      CREATE TABLE actor_names (
        actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        name TEXT NOT NULL,               -- as written in an article
        key TEXT NOT NULL,                -- foldName(name)
        translit TEXT NOT NULL,           -- translitKey(name)
        count INTEGER NOT NULL DEFAULT 1, -- articles it was written so in
        PRIMARY KEY (actor, name)
      );
      CREATE INDEX actor_names_key ON actor_names(key);
      CREATE INDEX actor_names_translit ON actor_names(translit);
    `,
  },
  {
    version: 3,
    name: 'actor names: transliteration keys recomputed (doubled letters collapse before vowels merge; "Reagan" is not "Regan")',
    sql: '',
    run(db) {
      const update = db.prepare('UPDATE actor_names SET translit = ? WHERE rowid = ?');
      for (const r of db.prepare('SELECT rowid, name FROM actor_names').all() as { rowid: number; name: string }[]) {
        update.run(translitKey(r.name), r.rowid);
      }
    },
  },
  {
    version: 4,
    name: 'articles: the title line\'s span, so that a stored article can be analysed again as it was ingested',
    sql: `ALTER TABLE articles ADD COLUMN title_span TEXT; -- JSON Span, or 'null' for none; NULL when stored before`,
  },
  {
    version: 5,
    name: 'events: realis (actual | future | hypothetical | negated), so that listings take what happened',
    // Rows stored before have no parse-read realis: theirs is read from what they kept (negation,
    // certainty), as acta read it then; `acta ingest --reprocess` codes them again.
    sql: `
      ALTER TABLE events ADD COLUMN realis TEXT NOT NULL DEFAULT 'actual';
      UPDATE events SET realis = CASE
        WHEN negated = 1 THEN 'negated'
        WHEN certainty = 'future' THEN 'future'
        WHEN certainty = 'hypothetical' THEN 'hypothetical'
        ELSE 'actual' END;
      CREATE INDEX events_realis ON events(realis);
    `,
  },
  {
    version: 6,
    // A column, not a table: mentions are only ever read and written with their event, never
    // searched on their own, so one row per event keeps the store's writes and deletes as they are.
    name: 'events: every mention of the happening (sentence and trigger), as JSON; NULL when stored before (then the event\'s own)',
    sql: `ALTER TABLE events ADD COLUMN mentions TEXT; -- JSON [{sentence, trigger}], the event's own first`,
  },
  {
    version: 7,
    // The API's filters and aggregates read each event's JSON sides: a country and a month took
    // 10-30 ms a page on 25k events, the actor network 100-400 ms on 50k. Two tables the insert
    // trigger fills answer them from indexes instead (events are only ever inserted and deleted,
    // never updated; a deleted event's rows go with it), and an index over the columns of the
    // counts by type and country lets those be read from the index alone; pages of what happened
    // (realis) in date order walk (realis, date) and read only the rows they keep.
    name: 'events: their countries and their sides\' keys in indexed tables, and an index for counts, so that the API\'s filters and aggregates read no JSON',
    sql: `
      CREATE TABLE event_countries (      -- every country of an event: its actors', recipients', place's
        country TEXT NOT NULL,
        num INTEGER NOT NULL REFERENCES events(num) ON DELETE CASCADE,
        PRIMARY KEY (country, num)
      ) WITHOUT ROWID;
      CREATE INDEX event_countries_num ON event_countries(num);
      CREATE TABLE event_sides (          -- each side's key (its code, else its name), once an event
        num INTEGER NOT NULL REFERENCES events(num) ON DELETE CASCADE,
        side TEXT NOT NULL,               -- actor | recipient
        key TEXT NOT NULL,
        PRIMARY KEY (num, side, key)
      ) WITHOUT ROWID;
      CREATE TRIGGER events_index_sides AFTER INSERT ON events BEGIN
        INSERT OR IGNORE INTO event_countries (country, num)
          SELECT c, new.num FROM (
            SELECT new.location_country AS c
            UNION SELECT value ->> 'country' FROM json_each(new.actor)
            UNION SELECT value ->> 'country' FROM json_each(new.recipient))
          WHERE c IS NOT NULL;
        INSERT OR IGNORE INTO event_sides (num, side, key)
          SELECT new.num, side, k FROM (
            SELECT 'actor' AS side, COALESCE(value ->> 'code', value ->> 'name') AS k FROM json_each(new.actor)
            UNION SELECT 'recipient', COALESCE(value ->> 'code', value ->> 'name') FROM json_each(new.recipient))
          WHERE k IS NOT NULL;
      END;
      INSERT OR IGNORE INTO event_countries (country, num)
        SELECT c, num FROM (
          SELECT location_country AS c, num FROM events
          UNION SELECT a.value ->> 'country', e.num FROM events e, json_each(e.actor) a
          UNION SELECT r.value ->> 'country', e.num FROM events e, json_each(e.recipient) r)
        WHERE c IS NOT NULL;
      INSERT OR IGNORE INTO event_sides (num, side, key)
        SELECT num, side, k FROM (
          SELECT e.num, 'actor' AS side, COALESCE(a.value ->> 'code', a.value ->> 'name') AS k FROM events e, json_each(e.actor) a
          UNION SELECT e.num, 'recipient', COALESCE(r.value ->> 'code', r.value ->> 'name') FROM events e, json_each(e.recipient) r)
        WHERE k IS NOT NULL;
      CREATE INDEX events_counts ON events(realis, date, event, location_country);
      CREATE INDEX events_realis_date ON events(realis, date);
    `,
  },
  {
    version: 8,
    name: 'events: casualties (killed, injured, arrested, displaced, each a range with its words), as JSON; NULL when none was counted or stored before',
    sql: `ALTER TABLE events ADD COLUMN casualties TEXT; -- JSON Casualties or NULL`,
  },
  {
    version: 9,
    // Happenings are decided at ingest, in each article's transaction (happenings.ts); a store
    // written before has its events placed now, article by article in the order stored, as
    // ingest would have placed them, each creation a row of the change feed.
    name: 'happenings: reports of one real-world happening grouped across articles, with stable ids, redirects of merged ids and a change feed',
    sql: HAPPENINGS_SQL,
    run: (db) => backfillHappenings(db, new Date().toISOString()),
  },
  {
    version: 10,
    name: 'happenings: an index in the order they are listed (undated last), so a page of them stops at its limit',
    sql: `CREATE INDEX happenings_listing ON happenings(date IS NULL, COALESCE(date, ''), num);`,
  },
  {
    version: 11,
    // src/queue: workers commit articles in the stream's order, each waiting for the message
    // before its own to be recorded here (in that save's own transaction).
    name: 'queue_progress: the work-queue messages consumed (stream, sequence), each with what its save did and the registry entries it changed',
    sql: `CREATE TABLE queue_progress (
        stream TEXT NOT NULL,          -- the stream's name and creation time (one incarnation of it)
        seq INTEGER NOT NULL,          -- the message's stream sequence
        outcome TEXT NOT NULL,         -- stored | held (the store had the article) | dead (dead-lettered)
        article TEXT,                  -- the article's hash, when known
        actors TEXT NOT NULL,          -- JSON array of the registry entry ids the save changed
        PRIMARY KEY (stream, seq)
      ) WITHOUT ROWID;`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = migrations[migrations.length - 1].version;

/** A store written by a newer acta than this one: refused, never written with an older idea of the schema. */
export class NewerStoreError extends Error {
  constructor(readonly version: number) {
    super(`the store was written by a newer acta (schema version ${version}; this acta reads up to ${SCHEMA_VERSION}): upgrade acta to use it`);
  }
}

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring a database up to SCHEMA_VERSION, all pending migrations in one
 * write-locked transaction (BEGIN IMMEDIATE). Two processes opening a new
 * store at once then queue on the lock (the connection's busy_timeout), and
 * the second reads the version again inside it and finds nothing left to do,
 * instead of creating tables the first has just created. A database newer
 * than this code is refused.
 */
export function migrate(db: Database.Database): number {
  const before = schemaVersion(db);
  if (before > SCHEMA_VERSION) throw new NewerStoreError(before);
  if (before === SCHEMA_VERSION) return before;
  db.transaction(() => {
    const current = schemaVersion(db);
    if (current > SCHEMA_VERSION) throw new NewerStoreError(current);
    for (const m of migrations) {
      if (m.version <= current) continue;
      if (m.sql) db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}

/**
 * The store's schema in PostgreSQL's own terms, as versioned migrations recorded in a table of
 * their own (acta_schema_migrations: version, name, when applied). Opening a store applies the
 * ones it lacks, together in one transaction under an advisory lock, so that two processes
 * opening one new database at once take turns and the second finds nothing left to do. Never
 * edit a migration that has shipped: add a new one.
 *
 * The tables hold what the SQLite store's hold (src/store/migrations.ts, up to its version 11),
 * the same names and columns, so that one logic reads and writes both. Where PostgreSQL has a
 * tool of its own, it is used:
 * - full-text search: articles.fts, a tsvector generated from the title and text ('simple'
 *   configuration: lower-cased words, no stemming, as FTS5's unicode61), under a GIN index;
 * - places: events.geog, a PostGIS geography(Point, 4326) generated from the event's place,
 *   under a GiST index, so that the API's bbox and near filters are index queries;
 * - events partitioned by the month of their date (LIST on events.month, 'YYYY-MM'); events
 *   with no date or a year alone have month '' and go to the DEFAULT partition. A month's
 *   partition is made when its first event is saved (ensureMonths in store.ts:
 *   `CREATE TABLE events_2021_01 PARTITION OF events FOR VALUES IN ('2021-01')`, under the
 *   store's write lock); an administrator may make them ahead of time the same way. The
 *   DEFAULT partition never holds a dated month's rows, since each is made before its first row.
 * Every text column compares by bytes (COLLATE "C"), as SQLite's do: the store's date filters
 * rely on '~' sorting after digits and '-'.
 *
 * The first migration runs `CREATE EXTENSION IF NOT EXISTS postgis`: the role acta connects as
 * must be allowed to (a superuser, or the database's owner where the extension is trusted), or
 * the extension must have been made in the database beforehand (README: PostgreSQL).
 */

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

export const pgMigrations: PgMigration[] = [
  {
    version: 1,
    name: 'articles (with a tsvector), sentences, entities, events (partitioned by month, with a PostGIS point), their countries and sides, the actor registry, happenings',
    sql: `
      CREATE EXTENSION IF NOT EXISTS postgis;

      CREATE TABLE articles (
        num bigserial PRIMARY KEY,
        hash text COLLATE "C" NOT NULL UNIQUE,
        id text COLLATE "C" NOT NULL,
        title text COLLATE "C",
        author text COLLATE "C",
        published text COLLATE "C",
        source text COLLATE "C",
        url text COLLATE "C",
        origin text COLLATE "C" NOT NULL,
        text text COLLATE "C" NOT NULL,
        body text NOT NULL,
        dropped text NOT NULL,
        title_span text,
        ingested_at text COLLATE "C" NOT NULL,
        fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
      );
      CREATE INDEX articles_id ON articles(id);
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_fts ON articles USING gin (fts);

      CREATE TABLE sentences (
        article text COLLATE "C" NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        idx integer NOT NULL,
        paragraph integer NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        PRIMARY KEY (article, idx)
      );

      CREATE TABLE entities (
        article text COLLATE "C" NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        start integer NOT NULL,
        "end" integer NOT NULL,
        text text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        country text COLLATE "C",
        sector text COLLATE "C",
        code text COLLATE "C",
        chain integer,
        sentence integer,
        nominal integer NOT NULL DEFAULT 0
      );
      CREATE INDEX entities_article ON entities(article);
      CREATE INDEX entities_name ON entities(name);

      CREATE TABLE events (
        num bigserial NOT NULL,
        id text COLLATE "C" NOT NULL,
        article text COLLATE "C" NOT NULL REFERENCES articles(hash) ON DELETE CASCADE,
        article_id text COLLATE "C" NOT NULL,
        event text COLLATE "C" NOT NULL,
        mode text NOT NULL,
        context text NOT NULL,
        cameo text COLLATE "C",
        goldstein double precision,
        quad_class integer,
        date text COLLATE "C",
        date_precision text COLLATE "C" NOT NULL,
        date_text text COLLATE "C",
        actor text NOT NULL,
        recipient text NOT NULL,
        actor_codes text COLLATE "C" NOT NULL,
        recipient_codes text COLLATE "C" NOT NULL,
        location text,
        location_country text COLLATE "C",
        attribution text NOT NULL,
        certainty text COLLATE "C" NOT NULL,
        negated integer NOT NULL,
        sentence_index integer NOT NULL,
        sentence_start integer NOT NULL,
        sentence_end integer NOT NULL,
        trigger_text text COLLATE "C" NOT NULL,
        trigger_start integer NOT NULL,
        trigger_end integer NOT NULL,
        confidence double precision NOT NULL,
        realis text COLLATE "C" NOT NULL DEFAULT 'actual',
        mentions text,
        casualties text,
        month text COLLATE "C" NOT NULL,   -- the partition key: 'YYYY-MM' of the date, '' for none or a year alone
        geog geography(Point, 4326) GENERATED ALWAYS AS (
          CASE WHEN (location::jsonb ->> 'lat') IS NOT NULL AND (location::jsonb ->> 'lon') IS NOT NULL
            THEN ST_SetSRID(ST_MakePoint((location::jsonb ->> 'lon')::float8, (location::jsonb ->> 'lat')::float8), 4326)::geography END
        ) STORED,
        PRIMARY KEY (num, month),
        UNIQUE (article, id, month)       -- a partitioned table's keys hold its partition key; an article is saved once, so (article, id) is unique all the same
      ) PARTITION BY LIST (month);
      CREATE TABLE events_undated PARTITION OF events DEFAULT;
      CREATE INDEX events_num ON events(num);
      CREATE INDEX events_id ON events(id);
      CREATE INDEX events_date ON events(date, num);
      CREATE INDEX events_event ON events(event);
      CREATE INDEX events_location_country ON events(location_country);
      CREATE INDEX events_realis ON events(realis);
      CREATE INDEX events_counts ON events(realis, date, event, location_country);
      CREATE INDEX events_realis_date ON events(realis, date, num);
      CREATE INDEX events_geog ON events USING gist (geog);

      -- Every country of an event (its actors', recipients', place's) and each side's key (its
      -- code, else its name), kept by triggers as SQLite's migration 7 keeps them; no foreign
      -- key (events.num alone is no key of a partitioned table): the delete trigger clears them.
      CREATE TABLE event_countries (
        country text COLLATE "C" NOT NULL,
        num bigint NOT NULL,
        PRIMARY KEY (country, num)
      );
      CREATE INDEX event_countries_num ON event_countries(num);
      CREATE TABLE event_sides (
        num bigint NOT NULL,
        side text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        PRIMARY KEY (num, side, key)
      );
      CREATE FUNCTION acta_events_index_sides() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO event_countries (country, num)
          SELECT DISTINCT c, NEW.num FROM (
            SELECT NEW.location_country AS c
            UNION SELECT a ->> 'country' FROM jsonb_array_elements(NEW.actor::jsonb) a
            UNION SELECT r ->> 'country' FROM jsonb_array_elements(NEW.recipient::jsonb) r) x
          WHERE c IS NOT NULL
          ON CONFLICT DO NOTHING;
        INSERT INTO event_sides (num, side, key)
          SELECT DISTINCT NEW.num, side, k FROM (
            SELECT 'actor' AS side, COALESCE(a ->> 'code', a ->> 'name') AS k FROM jsonb_array_elements(NEW.actor::jsonb) a
            UNION SELECT 'recipient', COALESCE(r ->> 'code', r ->> 'name') FROM jsonb_array_elements(NEW.recipient::jsonb) r) x
          WHERE k IS NOT NULL
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE FUNCTION acta_events_unindex_sides() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM event_countries WHERE num = OLD.num;
        DELETE FROM event_sides WHERE num = OLD.num;
        RETURN NULL;
      END $$;
      CREATE TRIGGER events_index_sides AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION acta_events_index_sides();
      CREATE TRIGGER events_unindex_sides AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION acta_events_unindex_sides();

      CREATE TABLE actors (
        id bigserial PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        country text COLLATE "C",
        sector text COLLATE "C",
        code text COLLATE "C",
        evidence text NOT NULL,
        articles integer NOT NULL,
        first_seen text COLLATE "C",
        last_seen text COLLATE "C",
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX actors_code ON actors(code);
      CREATE INDEX actors_country ON actors(country);
      CREATE TABLE actor_names (
        actor bigint NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        name text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        translit text COLLATE "C" NOT NULL,
        count integer NOT NULL DEFAULT 1,
        PRIMARY KEY (actor, name)
      );
      CREATE INDEX actor_names_key ON actor_names(key);
      CREATE INDEX actor_names_translit ON actor_names(translit);

      CREATE TABLE happenings (
        num bigserial PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        type text COLLATE "C" NOT NULL,
        merge_realis text COLLATE "C",
        day_from text COLLATE "C",
        day_to text COLLATE "C",
        date text COLLATE "C",
        fields text NOT NULL,
        n_reports integer NOT NULL,
        n_articles integer NOT NULL,
        n_sources integer NOT NULL,
        first_report text COLLATE "C",
        last_report text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX happenings_window ON happenings(merge_realis, type, day_to) WHERE merge_realis IS NOT NULL;
      CREATE INDEX happenings_date ON happenings(date, num);
      CREATE INDEX happenings_listing ON happenings((date IS NULL), COALESCE(date, ''), num);

      CREATE TABLE happening_reports (
        rowid bigserial NOT NULL,          -- the order reports joined (SQLite's rowid)
        article text COLLATE "C" NOT NULL,
        event_id text COLLATE "C" NOT NULL,
        happening text COLLATE "C" NOT NULL,
        win_from text COLLATE "C",
        win_to text COLLATE "C",
        evidence text NOT NULL,
        outlet text COLLATE "C",
        published text COLLATE "C",
        PRIMARY KEY (article, event_id)
      );
      CREATE INDEX happening_reports_happening ON happening_reports(happening, rowid);

      CREATE TABLE happening_redirects (
        id text COLLATE "C" PRIMARY KEY,
        survivor text COLLATE "C" NOT NULL
      );
      CREATE INDEX happening_redirects_survivor ON happening_redirects(survivor);

      CREATE TABLE happening_changes (
        seq bigserial PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        survivor text COLLATE "C"
      );
      CREATE INDEX happening_changes_at ON happening_changes(at);
    `,
  },
  {
    version: 2,
    // src/queue: workers commit articles in the stream's order (SQLite's migration 11).
    name: 'queue_progress: the work-queue messages consumed (stream, sequence), each with what its save did and the registry entries it changed',
    sql: `
      CREATE TABLE queue_progress (
        stream text COLLATE "C" NOT NULL,
        seq bigint NOT NULL,
        outcome text COLLATE "C" NOT NULL,
        article text COLLATE "C",
        actors text NOT NULL,
        PRIMARY KEY (stream, seq)
      );
    `,
  },
];

/** The schema version this code writes on PostgreSQL. */
export const PG_SCHEMA_VERSION = pgMigrations[pgMigrations.length - 1].version;

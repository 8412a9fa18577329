/**
 * The embedded store: one SQLite file (better-sqlite3, WAL mode) holding
 * articles with their text, sentences, entity mentions and coded events, and
 * an FTS5 index over article titles and text. An article is saved in one
 * transaction, so a failure never leaves part of it behind, and an article
 * already stored (same text hash) is not stored again.
 *
 * The logic below (storeOn) runs over SQLite or PostgreSQL alike (src/store/sql.ts); openStore
 * opens SQLite, src/store/postgres/store.ts PostgreSQL, src/store/open.ts either by its --db value.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  toEntity, toPlace,
  type ArticleMeta, type Attribution, type CodedEvent, type Doc, type DroppedSpan, type Entity, type IngestedArticle, type Realis, type Span,
} from '../doc/types.js';
import { ftsQuery, tsQuery } from './text-query.js';
import { migrate } from './migrations.js';
import { registryTables, type ActorEntry, type ActorFilter } from './registry.js';
import { exploreQueries, type ExploreQueries } from './explore.js';
import { happeningTables, type Decide, type HappeningTables } from './happenings.js';
import { dialectOf, sqliteDialect, type Dialect, type SqlDb } from './sql.js';

/** Which events to return; every given field must hold (AND). */
export interface EventFilter {
  /** Events whose date overlaps [from, to]: YYYY, YYYY-MM or YYYY-MM-DD. Undated events are left out. */
  from?: string;
  to?: string;
  /** PLOVER event type, e.g. "PROTEST" (case-insensitive). */
  event?: string;
  /** An actor whose name or text contains this (case-insensitive), or whose code starts with it. */
  actor?: string;
  /** The same, for recipients. */
  recipient?: string;
  /** Prefix of an actor or recipient code ("IRQ", "IRQGOV", "USAMIL"). */
  code?: string;
  /** ISO 3166 alpha-3 of any actor, recipient or the event's location. */
  country?: string;
  /** Words to find in the article's title and text, all of them: "a phrase" as written, `milit*` for words that begin so (see text-query.ts). */
  text?: string;
  /** Only events of this realis (actual, future, hypothetical, negated); every event when absent. */
  realis?: Realis;
  /** At most this many events. */
  limit?: number;
}

/** An article as stored, with its layout from ingest. */
export interface StoredArticle {
  meta: ArticleMeta;
  text: string;
  body: Span[];
  dropped: DroppedSpan[];
  ingestedAt: string;
}

export interface Store {
  /** The database file (or ":memory:"), or the PostgreSQL URL with its password left out. */
  readonly path: string;
  hasArticle(hash: string): boolean;
  /**
   * Save an article and its layers in one transaction; stored:false when the hash is already there.
   * With `step`, the work-queue message it came from is recorded in the same transaction, stored or not.
   */
  saveDoc(doc: Doc, step?: QueueStep): { stored: boolean };
  /** Record a work-queue message consumed without saving an article (held already, or dead-lettered); a step recorded before stays as it was. */
  recordQueueStep(step: QueueStep, outcome: 'held' | 'dead', article: string | null): void;
  /** The recorded steps of a stream after sequence `after`, in sequence order. */
  queueSteps(stream: string, after: number): RecordedStep[];
  /** The last recorded sequence of a stream, or 0 when none is. */
  lastQueueStep(stream: string): number;
  queryEvents(filter?: EventFilter): CodedEvent[];
  getArticle(hash: string): StoredArticle | null;
  /** Every stored article's hash, in the order they were stored. */
  articleHashes(): string[];
  /** A stored article as ingest gave it (meta, text, layout), to analyse again. */
  getIngested(hash: string): IngestedArticle | null;
  /**
   * Replace a stored article's sentences, entities and events with a new analysis of its text
   * (`acta ingest --reprocess`), in one transaction; the article itself is kept. Its registry
   * evidence is added as a save's is: reprocess a whole store after clearRegistry().
   */
  replaceAnalysis(doc: Doc): void;
  /** Delete a stored article with its layers, its reports leaving their happenings, in one transaction; false when it is not there. */
  deleteArticle(hash: string): boolean;
  /** The happenings the stored events report (listing, one by id, the change feed); kept at every save, reprocess and delete. */
  readonly happenings: HappeningTables;
  /** Forget every registry entry (before re-learning them all); a live registry must be made afresh after. */
  clearRegistry(): void;
  countArticles(): number;
  countEvents(): number;
  /** Entries of the actor registry learned from the saved articles, most met first. */
  listActors(filter?: ActorFilter): ActorEntry[];
  /** One entry of the actor registry by its id, or null. */
  getActor(id: number): ActorEntry | null;
  /** The queries `acta serve` answers with: pages of events, counts, dyads, one event, an article's layers. */
  readonly explore: ExploreQueries;
  /**
   * The registry entries this process's saves changed after `revision` (0: since the store was
   * opened), and the revision to ask from next: what a registry kept in memory must take in.
   */
  actorsChangedSince(revision: number): { entries: ActorEntry[]; revision: number };
  close(): void;
}

/** A work-queue message (src/queue): its stream (name and incarnation) and sequence. */
export interface QueueStep { stream: string; seq: number }

/** A step as recorded: what its save did, and the registry entries the save changed (src/queue follows the registry by them). */
export interface RecordedStep { seq: number; outcome: 'stored' | 'held' | 'dead'; article: string | null; actors: number[] }

/** Saves whose changed registry entries are remembered for actorsChangedSince. */
const CHANGE_LOG = 1000;

/** How long a statement waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Escape LIKE wildcards so user text matches literally (with ESCAPE '\'). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function entitiesJson(list: Entity[]): string {
  return JSON.stringify(list.map(toEntity));
}

function codesOf(list: Entity[]): string {
  return list.map((e) => e.code).filter((c): c is string => !!c).join(' ');
}

function attributionJson(a: Attribution): string {
  return JSON.stringify({ source: a.source ? toEntity(a.source) : null, cue: a.cue, certainty: a.certainty });
}

export interface EventRow {
  id: string; article_id: string; event: string; mode: string; context: string;
  cameo: string | null; goldstein: number | null; quad_class: number | null;
  date: string | null; date_precision: string; date_text: string | null;
  actor: string; recipient: string; location: string | null; attribution: string;
  negated: number; realis: string; sentence_index: number; sentence_start: number; sentence_end: number;
  trigger_text: string; trigger_start: number; trigger_end: number; confidence: number;
  mentions: string | null;
  casualties: string | null;
}

/** A stored row back in the contract shape. */
export function eventFromRow(r: EventRow): CodedEvent {
  return {
    id: r.id,
    article_id: r.article_id,
    event: r.event,
    mode: JSON.parse(r.mode),
    context: JSON.parse(r.context),
    cameo: r.cameo as string,
    goldstein: r.goldstein as number,
    quad_class: r.quad_class as number,
    date: r.date,
    date_precision: r.date_precision as CodedEvent['date_precision'],
    date_text: r.date_text,
    actor: JSON.parse(r.actor),
    recipient: JSON.parse(r.recipient),
    location: r.location === null ? null : JSON.parse(r.location),
    attribution: JSON.parse(r.attribution),
    negated: r.negated !== 0,
    realis: r.realis as CodedEvent['realis'],
    sentence: { index: r.sentence_index, start: r.sentence_start, end: r.sentence_end },
    trigger: { text: r.trigger_text, start: r.trigger_start, end: r.trigger_end },
    // An event stored before mentions were kept has one: its own.
    mentions: r.mentions === null ? [{ sentence: { index: r.sentence_index, start: r.sentence_start, end: r.sentence_end }, trigger: { text: r.trigger_text, start: r.trigger_start, end: r.trigger_end } }] : JSON.parse(r.mentions),
    // Stored before counts were read: nothing was counted (null), as for an event that counts nobody.
    casualties: r.casualties === null ? null : JSON.parse(r.casualties),
    confidence: r.confidence,
  };
}

/** SQL and parameters for one party (actor or recipient) filter. */
function partyClause(column: 'actor' | 'recipient', value: string, params: unknown[], d: Dialect): string {
  const contains = `%${likeLiteral(value)}%`;
  const prefix = `${likeLiteral(value)}%`;
  params.push(contains, contains, prefix);
  return `EXISTS (SELECT 1 FROM ${d.jsonEach(`e.${column}`, 'p')}
    WHERE p.value ->> 'name' LIKE ? ESCAPE '\\' OR p.value ->> 'text' LIKE ? ESCAPE '\\'
       OR p.value ->> 'code' LIKE ? ESCAPE '\\')`;
}

/**
 * The WHERE conditions (ANDed) and their parameters for an event filter; null when nothing can
 * match (a text search with no word in it). Every value is a bound parameter.
 */
export function eventConditions(filter: EventFilter, params: unknown[], d: Dialect = sqliteDialect): string[] | null {
  const where: string[] = [];
  for (const key of ['from', 'to'] as const) {
    const v = filter[key];
    if (v !== undefined && !PARTIAL_DATE.test(v)) throw new Error(`bad "${key}" date "${v}" (want YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  // Overlap of the event's period with [from, to]: "~" sorts after digits and "-",
  // so "2020-12~" is the end of December 2020 and "2021-01-07~" the end of that day.
  if (filter.from !== undefined) { where.push(`e.date IS NOT NULL AND e.date || '~' >= ?`); params.push(filter.from); }
  if (filter.to !== undefined) { where.push(`e.date IS NOT NULL AND e.date <= ?`); params.push(`${filter.to}~`); }
  if (filter.event) { where.push(d.equalsNocase('e.event')); params.push(filter.event); }
  if (filter.realis) { where.push('e.realis = ?'); params.push(filter.realis); }
  if (filter.actor) where.push(partyClause('actor', filter.actor, params, d));
  if (filter.recipient) where.push(partyClause('recipient', filter.recipient, params, d));
  if (filter.code) {
    where.push(`(' ' || e.actor_codes || ' ' || e.recipient_codes) LIKE ? ESCAPE '\\'`);
    params.push(`% ${likeLiteral(filter.code.toUpperCase())}%`);
  }
  if (filter.country) {
    const c = filter.country.toUpperCase();
    // Any actor's, recipient's or the place's country: event_countries holds them (migration 7).
    where.push('EXISTS (SELECT 1 FROM event_countries ec WHERE ec.country = ? AND ec.num = e.num)');
    params.push(c);
  }
  if (filter.text !== undefined) {
    if (d.name === 'postgres') {
      // The articles' tsvector (migration 1 of src/store/postgres), by its GIN index.
      const query = tsQuery(filter.text);
      if (query === null) return null;
      where.push(`e.article IN (SELECT a.hash FROM articles a WHERE a.fts @@ ${query.sql})`);
      params.push(...query.params);
      return where;
    }
    // What a person typed, every word quoted: FTS5 syntax in it ("Iraq's", a lone "*") means itself.
    const query = ftsQuery(filter.text);
    if (query === null) return null;
    where.push(`e.article IN (SELECT a.hash FROM articles_fts f JOIN articles a ON a.num = f.rowid
      WHERE articles_fts MATCH ?)`);
    params.push(query);
  }
  return where;
}

/** SQLite's result codes for a store that cannot take a write at all: disk full, I/O error, read-only, damaged. */
const STORE_FAILURES = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * PostgreSQL's (SQLSTATE classes): the connection lost (08), out of disk or memory (53), the
 * server shutting down (57P), a system or internal error (58, XX), read-only (25006); or the socket's own.
 */
const PG_STORE_FAILURE = /^(08|53|57P|58|XX|25006$|ECONNREFUSED$|ECONNRESET$|EPIPE$|ETIMEDOUT$|ENOTFOUND$)/;

/**
 * A one-line message naming the store when an error is the store failing as a whole rather
 * than one article's problem; null otherwise. What was saved before stays: each article is
 * its own transaction.
 */
export function storeWriteFailure(e: unknown, path: string): string | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && PG_STORE_FAILURE.test(code)) return `cannot write to the store ${path}: ${(e as Error).message}`;
  // Extended codes name the primary one first: SQLITE_IOERR_WRITE is an SQLITE_IOERR.
  if (typeof code !== 'string' || !STORE_FAILURES.has(code.split('_').slice(0, 2).join('_'))) return null;
  return `cannot write to the store ${path}: ${(e as Error).message}`;
}

/**
 * Run `setup` again while it fails with SQLITE_BUSY, for up to BUSY_TIMEOUT_MS. The busy
 * timeout makes statements wait for a lock, but SQLite answers some at once without waiting
 * (switching a new file to WAL while another process does the same, a recovery under way):
 * several processes opening one new store then take turns here instead of failing.
 */
function whileBusy(setup: () => void): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      setup();
      return;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw e;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 40));
    }
  }
}

/** Options of openStore that tests use. */
export interface StoreOptions {
  /** The merge decision applied at ingest (src/cluster's chooseHappening unless given). */
  decide?: Decide;
}

/** Open (creating if need be) a store and bring its schema up to date. */
export function openStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // First, so that every later statement waits for another process's lock instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    whileBusy(() => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    });
  } catch (e) {
    db.close();
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  return storeOn(db, path, options);
}

/** What a backend adds to the shared store logic. */
export interface StoreHooks {
  /** Before an article's events are inserted (in its transaction): PostgreSQL makes the months' partitions. */
  beforeEvents?(events: readonly CodedEvent[]): void;
  /** Extra columns of an event's row after the shared ones: their names, and their values (by name) for one event. */
  eventColumns?: { names: readonly string[]; of(ev: CodedEvent): Record<string, unknown> };
}

/** The store over an open, migrated database of either dialect. */
export function storeOn(db: SqlDb, path: string, options: StoreOptions = {}, hooks: StoreHooks = {}): Store {
  const dialect = dialectOf(db);
  const hasArticleStmt = db.prepare('SELECT 1 FROM articles WHERE hash = ?').pluck();
  const insertArticle = db.prepare(`INSERT INTO articles
    (hash, id, title, author, published, source, url, origin, text, body, dropped, title_span, ingested_at)
    VALUES (@hash, @id, @title, @author, @published, @source, @url, @origin, @text, @body, @dropped, @title_span, @ingested_at)`);
  const getTitleSpan = db.prepare('SELECT title_span FROM articles WHERE hash = ?').pluck();
  const insertSentence = db.prepare(`INSERT INTO sentences (article, idx, paragraph, start, "end")
    VALUES (?, ?, ?, ?, ?)`);
  const insertEntity = db.prepare(`INSERT INTO entities
    (article, start, "end", text, name, type, country, sector, code, chain, sentence, nominal)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const extra = hooks.eventColumns?.names ?? [];
  const insertEvent = db.prepare(`INSERT INTO events
    (id, article, article_id, event, mode, context, cameo, goldstein, quad_class, date, date_precision,
     date_text, actor, recipient, actor_codes, recipient_codes, location, location_country, attribution,
     certainty, negated, realis, sentence_index, sentence_start, sentence_end, trigger_text, trigger_start,
     trigger_end, confidence, mentions, casualties${extra.map((c) => `, ${c}`).join('')})
    VALUES (@id, @article, @article_id, @event, @mode, @context, @cameo, @goldstein, @quad_class, @date,
     @date_precision, @date_text, @actor, @recipient, @actor_codes, @recipient_codes, @location,
     @location_country, @attribution, @certainty, @negated, @realis, @sentence_index, @sentence_start,
     @sentence_end, @trigger_text, @trigger_start, @trigger_end, @confidence, @mentions, @casualties${extra.map((c) => `, @${c}`).join('')})`);
  const countArticlesStmt = db.prepare('SELECT count(*) FROM articles').pluck();
  const countEventsStmt = db.prepare('SELECT count(*) FROM events').pluck();
  const getArticleStmt = db.prepare('SELECT * FROM articles WHERE hash = ?');
  const registry = registryTables(db);
  const happenings = happeningTables(db, options.decide);

  /** Registry entries each save changed, newest last, as [revision, ids]; only the latest CHANGE_LOG saves. */
  const changeLog: Array<[number, number[]]> = [];
  let revision = 0;
  function logChanges(ids: number[]): void {
    changeLog.push([++revision, ids]);
    if (changeLog.length > CHANGE_LOG) changeLog.splice(0, changeLog.length - CHANGE_LOG);
  }
  function actorsChangedSince(since: number): { entries: ActorEntry[]; revision: number } {
    if (since >= revision) return { entries: [], revision };
    // Further back than the log reaches: everything may have changed.
    if (changeLog.length === 0 || changeLog[0][0] > since + 1) return { entries: registry.list(), revision };
    const ids = new Set<number>();
    for (let i = changeLog.length - 1; i >= 0 && changeLog[i][0] > since; i--) for (const id of changeLog[i][1]) ids.add(id);
    return { entries: registry.get([...ids]), revision };
  }

  function getArticle(hash: string): StoredArticle | null {
    const r = getArticleStmt.get(hash) as Record<string, string | null> | undefined;
    if (!r) return null;
    return {
      meta: {
        id: r.id as string, hash: r.hash as string, title: r.title, author: r.author,
        published: r.published, source: r.source, url: r.url, origin: r.origin as string,
      },
      text: r.text as string,
      body: JSON.parse(r.body as string),
      dropped: JSON.parse(r.dropped as string),
      ingestedAt: r.ingested_at as string,
    };
  }

  /** The layers of an analysed article: sentences, entity mentions, events. */
  function insertAnalysis(hash: string, doc: Doc): void {
    for (const s of doc.sentences ?? []) insertSentence.run(hash, s.index, s.paragraph, s.start, s.end);
    for (const e of doc.entities ?? []) {
      insertEntity.run(hash, e.start, e.end, e.text, e.name, e.type, e.country, e.sector, e.code,
        e.chain ?? null, e.sentence ?? null, e.nominal ? 1 : 0);
    }
    if (doc.events?.length) hooks.beforeEvents?.(doc.events);
    for (const ev of doc.events ?? []) {
      insertEvent.run({
        ...hooks.eventColumns?.of(ev),
        id: ev.id, article: hash, article_id: ev.article_id, event: ev.event,
        mode: JSON.stringify(ev.mode), context: JSON.stringify(ev.context),
        cameo: ev.cameo, goldstein: ev.goldstein, quad_class: ev.quad_class,
        date: ev.date, date_precision: ev.date_precision, date_text: ev.date_text,
        actor: entitiesJson(ev.actor), recipient: entitiesJson(ev.recipient),
        actor_codes: codesOf(ev.actor), recipient_codes: codesOf(ev.recipient),
        location: ev.location ? JSON.stringify(toPlace(ev.location)) : null,
        location_country: ev.location?.country ?? null,
        attribution: attributionJson(ev.attribution), certainty: ev.attribution.certainty,
        negated: ev.negated ? 1 : 0, realis: ev.realis ?? 'actual',
        sentence_index: ev.sentence.index, sentence_start: ev.sentence.start, sentence_end: ev.sentence.end,
        trigger_text: ev.trigger.text, trigger_start: ev.trigger.start, trigger_end: ev.trigger.end,
        confidence: ev.confidence, mentions: JSON.stringify(ev.mentions), casualties: ev.casualties ? JSON.stringify(ev.casualties) : null,
      });
    }
  }

  const insertStep = db.prepare(`INSERT INTO queue_progress (stream, seq, outcome, article, actors) VALUES (?, ?, ?, ?, ?) ON CONFLICT (stream, seq) DO NOTHING`);
  const stepsStmt = db.prepare('SELECT seq, outcome, article, actors FROM queue_progress WHERE stream = ? AND seq > ? ORDER BY seq');
  const lastStepStmt = db.prepare('SELECT max(seq) FROM queue_progress WHERE stream = ?').pluck();
  const saveInTransaction = db.transaction((doc: Doc, step?: QueueStep): number[] | null => {
    const changed = saveArticle(doc);
    if (step) insertStep.run(step.stream, step.seq, changed ? 'stored' : 'held', doc.meta.hash, JSON.stringify(changed ?? []));
    return changed;
  });
  function saveArticle(doc: Doc): number[] | null {
    const hash = doc.meta.hash;
    if (hasArticleStmt.get(hash)) return null;
    const m = doc.meta;
    const now = new Date().toISOString();
    insertArticle.run({
      hash, id: m.id, title: m.title, author: m.author, published: m.published, source: m.source,
      url: m.url, origin: m.origin, text: doc.text, body: JSON.stringify(doc.body ?? []),
      dropped: JSON.stringify(doc.dropped ?? []), title_span: JSON.stringify(doc.titleSpan ?? null),
      ingested_at: now,
    });
    insertAnalysis(hash, doc);
    // In the article's transaction, after its write lock was taken: candidates are read under it.
    happenings.placeArticle({ hash, text: doc.text, source: m.source, published: m.published }, doc.events ?? [], now);
    return registry.learn(doc);
  }

  const deleteAnalysis = ['sentences', 'entities', 'events'].map((t) => db.prepare(`DELETE FROM ${t} WHERE article = ?`));
  const replaceInTransaction = db.transaction((doc: Doc): number[] => {
    const hash = doc.meta.hash;
    if (!hasArticleStmt.get(hash)) throw new Error(`article ${hash} is not in the store`);
    for (const stmt of deleteAnalysis) stmt.run(hash);
    insertAnalysis(hash, doc);
    const m = doc.meta;
    happenings.replaceArticle({ hash, text: doc.text, source: m.source, published: m.published }, doc.events ?? [], new Date().toISOString());
    return registry.learn(doc);
  });
  const deleteArticleRow = db.prepare('DELETE FROM articles WHERE hash = ?');
  const deleteInTransaction = db.transaction((hash: string): boolean => {
    if (!hasArticleStmt.get(hash)) return false;
    happenings.removeArticle(hash, new Date().toISOString());
    // Its sentences, entities and events go with it (ON DELETE CASCADE).
    deleteArticleRow.run(hash);
    return true;
  });

  /** Replace a stored article's layers with a new analysis of its text, in one write-locked transaction. */
  function replaceAnalysis(doc: Doc): void {
    logChanges(replaceInTransaction.immediate(doc));
  }

  const clearRegistry = db.transaction(() => { db.exec('DELETE FROM actor_names; DELETE FROM actors;'); });
  const hashesStmt = db.prepare('SELECT hash FROM articles ORDER BY num').pluck();

  /**
   * A stored article as ingest gave it, for the pipeline to analyse again. The title's span is
   * stored since schema 4; for an article stored before, it is the first body span when that
   * span's text is the title (as text and HTML ingest make it).
   */
  function getIngested(hash: string): IngestedArticle | null {
    const a = getArticle(hash);
    if (!a) return null;
    const stored = getTitleSpan.get(hash) as string | null;
    let titleSpan: Span | null = stored === null ? null : JSON.parse(stored);
    if (stored === null && a.meta.title && a.body.length > 0) {
      const first = a.body[0];
      if (a.text.slice(first.start, first.end).trim() === a.meta.title.trim()) titleSpan = { start: first.start, end: first.end };
    }
    return { meta: a.meta, text: a.text, body: a.body, dropped: a.dropped, titleSpan };
  }

  /** Save in one write-locked transaction; the registry entries it changed are logged only once it committed. */
  function saveDoc(doc: Doc, step?: QueueStep): { stored: boolean } {
    const changed = saveInTransaction.immediate(doc, step);
    if (changed) logChanges(changed);
    return { stored: changed !== null };
  }

  function queryEvents(filter: EventFilter = {}): CodedEvent[] {
    const params: unknown[] = [];
    const where = eventConditions(filter, params, dialect);
    if (where === null) return [];
    let sql = `SELECT e.* FROM events e${where.length ? ` WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''}
      ORDER BY e.date IS NULL, e.date, e.num`;
    if (filter.limit !== undefined) {
      if (!Number.isInteger(filter.limit) || filter.limit < 0) throw new Error(`bad limit ${filter.limit}`);
      sql += ' LIMIT ?';
      params.push(filter.limit);
    }
    return (db.prepare(sql).all(...params) as EventRow[]).map(eventFromRow);
  }

  return {
    path,
    hasArticle: (hash) => hasArticleStmt.get(hash) !== undefined,
    saveDoc,
    recordQueueStep: (step, outcome, article) => { insertStep.run(step.stream, step.seq, outcome, article, '[]'); },
    lastQueueStep: (stream) => (lastStepStmt.get(stream) as number | null) ?? 0,
    queueSteps: (stream, after) => (stepsStmt.all(stream, after) as Array<{ seq: number; outcome: RecordedStep['outcome']; article: string | null; actors: string }>)
      .map((r) => ({ seq: r.seq, outcome: r.outcome, article: r.article, actors: JSON.parse(r.actors) })),
    queryEvents,
    getArticle,
    articleHashes: () => hashesStmt.all() as string[],
    getIngested,
    replaceAnalysis,
    deleteArticle: (hash) => deleteInTransaction.immediate(hash),
    happenings,
    clearRegistry: () => clearRegistry.immediate(),
    countArticles: () => countArticlesStmt.get() as number,
    countEvents: () => countEventsStmt.get() as number,
    listActors: (filter) => registry.list(filter),
    getActor: (id) => registry.get([id])[0] ?? null,
    explore: exploreQueries(db, dialect),
    actorsChangedSince,
    close: () => { if (db.open) db.close(); },
  };
}

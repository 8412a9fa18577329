/**
 * What `acta watch` remembers between polls, in the store's own file: each feed's validators
 * (ETag, Last-Modified) for a conditional GET, each page already fetched and what came of it,
 * each file of a watched directory already read (by size and time of change). The tables are
 * the watcher's own (`watch_*`), made here when missing, so the store's schema and its
 * migrations know nothing of them; a store that was never watched has none.
 */
import Database from 'better-sqlite3';
import type { Validators } from './fetcher.js';

/** What came of a page: stored, already stored (same text), or given up on (the reason kept). */
export type ItemOutcome = 'stored' | 'duplicate' | 'failed';

/** A page that failed for a reason that may pass (a timeout, a 503) is tried this many times in all. */
export const MAX_TRIES = 3;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS watch_feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT NOT NULL           -- ISO 8601 UTC of the last complete poll
  );
  CREATE TABLE IF NOT EXISTS watch_pages (
    url TEXT PRIMARY KEY,             -- as the feed gives it
    feed TEXT NOT NULL,
    outcome TEXT NOT NULL,            -- stored | duplicate | failed | retry
    article TEXT,                     -- the stored article's hash
    tries INTEGER NOT NULL,
    reason TEXT,                      -- why it failed
    seen_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS watch_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ms REAL NOT NULL,
    seen_at TEXT NOT NULL
  );
  -- "no second fetch of a page stored": articles stored by acta ingest or the API carry their url too.
  CREATE INDEX IF NOT EXISTS watch_articles_url ON articles(url);
`;

export interface WatchState {
  validators(feedUrl: string): Validators | null;
  /** Remember a feed's validators once every item of its answer was dealt with. */
  polled(feedUrl: string, v: Validators): void;
  /** Whether the page needs no fetch: stored (by any command), given up on, or tried MAX_TRIES times. */
  pageDone(url: string): boolean;
  /** Remember what came of a page. */
  page(url: string, feedUrl: string, outcome: ItemOutcome, article: string | null, reason?: string | null): void;
  /** Count a try that failed for a reason that may pass; after MAX_TRIES the page is given up. */
  pageRetry(url: string, feedUrl: string, reason: string): void;
  /** Whether this file, at this size and time of change, was read already. */
  fileSeen(path: string, size: number, mtimeMs: number): boolean;
  fileRead(path: string, size: number, mtimeMs: number): void;
  close(): void;
}

/** The watcher's state in the store at `path` (openStore has made and migrated it). */
export function openWatchState(path: string): WatchState {
  const db = new Database(path);
  db.pragma('busy_timeout = 10000');
  db.transaction(() => db.exec(SCHEMA)).immediate();
  const now = () => new Date().toISOString();
  const getFeed = db.prepare('SELECT etag, last_modified FROM watch_feeds WHERE url = ?');
  const putFeed = db.prepare(`INSERT INTO watch_feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at`);
  const pageRow = db.prepare('SELECT outcome, tries FROM watch_pages WHERE url = ?');
  const storedUrl = db.prepare('SELECT 1 FROM articles WHERE url = ? LIMIT 1').pluck();
  const putPage = db.prepare(`INSERT INTO watch_pages (url, feed, outcome, article, tries, reason, seen_at) VALUES (?, ?, ?, ?, 1, ?, ?)
    ON CONFLICT(url) DO UPDATE SET outcome = excluded.outcome, article = excluded.article, tries = tries + 1,
      reason = excluded.reason, seen_at = excluded.seen_at`);
  const fileRow = db.prepare('SELECT 1 FROM watch_files WHERE path = ? AND size = ? AND mtime_ms = ?').pluck();
  const putFile = db.prepare(`INSERT INTO watch_files (path, size, mtime_ms, seen_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, seen_at = excluded.seen_at`);
  return {
    validators(url) {
      const r = getFeed.get(url) as { etag: string | null; last_modified: string | null } | undefined;
      return r ? { etag: r.etag, lastModified: r.last_modified } : null;
    },
    polled: (url, v) => { putFeed.run(url, v.etag, v.lastModified, now()); },
    pageDone(url) {
      const r = pageRow.get(url) as { outcome: string; tries: number } | undefined;
      if (r && (r.outcome !== 'retry' || r.tries >= MAX_TRIES)) return true;
      return storedUrl.get(url) !== undefined;
    },
    page: (url, feed, outcome, article, reason = null) => { putPage.run(url, feed, outcome, article, reason, now()); },
    pageRetry: (url, feed, reason) => { putPage.run(url, feed, 'retry', null, reason, now()); },
    fileSeen: (path, size, mtimeMs) => fileRow.get(path, size, mtimeMs) !== undefined,
    fileRead: (path, size, mtimeMs) => { putFile.run(path, size, mtimeMs, now()); },
    close: () => { if (db.open) db.close(); },
  };
}

/**
 * Happenings in the store: every stored event report belongs to one happening, decided at
 * ingest inside the article's own transaction by src/cluster's merge decision. The store asks
 * `candidateWindow` which happenings a report could join, reads those by type and days from
 * an index (never a scan), lets `chooseHappening` pick, and writes the join, the new
 * happening or the absorption (an absorbed id then redirects to the survivor). The fields of
 * each happening touched are decided again (`happeningFields`) once the article's reports are
 * placed, and one change row is appended for each happening that changed, for the change feed.
 *
 * Ids are stable and do not depend on a rowid: a happening is named after the report that
 * started it (a hash of its article's hash and the event's id), keeps that name while reports
 * join it, and its name keeps answering through a redirect when it is absorbed.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { dialectOf, type SqlDb } from './sql.js';
import type { CodedEvent, Realis } from '../doc/types.js';
import { candidateWindow, chooseHappening, happeningFields, reportId, reportOf, type Candidate, type Disagreement, type MergeDecision, type Report } from '../cluster/index.js';
import { eventFromRow, type EventRow } from './store.js';
import { queryConditions, type EventQuery } from './explore.js';

/** The merge decision the store applies; a parameter only so that tests can exercise absorption. */
export type Decide = (r: Report, candidates: readonly Candidate[]) => MergeDecision;

/** A happening as listed: its fields, what reports it, and when it was stored and last changed. */
export interface HappeningRecord {
  id: string;
  event: string;
  cameo: string | null;
  realis: Realis;
  date: string | null;
  date_precision: CodedEvent['date_precision'];
  first_day: string | null;
  last_day: string | null;
  location: CodedEvent['location'];
  actor: CodedEvent['actor'];
  recipient: CodedEvent['recipient'];
  casualties: CodedEvent['casualties'];
  disagreements: Disagreement[];
  /** Reports of it, the articles they are in, and the distinct outlets of those articles (articles with no outlet known count as one between them). */
  reports: number;
  /** Its reports' ids (article_id#event id), in the order they joined. */
  report_ids: string[];
  articles: number;
  sources: number;
  /** The earliest and latest publication day of its articles (YYYY-MM-DD), null when none is known. */
  first_report: string | null;
  last_report: string | null;
  /** The report standing for it: its id (article_id#event id), the event as that article codes it, and the sentences that tell it. */
  representative: { report: string; event: CodedEvent; evidence: string };
  created_at: string;
  updated_at: string;
}

/** One report of a happening, as `GET /happenings/{id}` lists it. */
export interface HappeningReport {
  report: string;
  article: { hash: string; id: string; title: string | null; source: string | null; published: string | null };
  event: CodedEvent;
  evidence: string;
}

export type ChangeKind = 'created' | 'updated' | 'merged' | 'deleted';

/** One entry of the change feed. */
export interface HappeningChange {
  seq: number;
  at: string;
  id: string;
  kind: ChangeKind;
  /** The happening a merged one now answers as; null for the other kinds. */
  survivor: string | null;
}

/** Where a page of happenings ended: [undated ? 1 : 0, date or '', creation number]. */
export type HappeningKeyset = [number, string, number];

/** Which happenings to list: a happening is listed when one of its reports matches every filter of `acta events`. */
export interface HappeningFilter extends EventQuery {
  /** Only happenings reported by at least this many outlets. */
  minSources?: number;
}

/** An article as placement needs it. */
interface ArticleInfo { hash: string; text: string; source: string | null; published: string | null }

/** What one transaction did to happenings: each touched id's state before (null: it did not exist), and the merges. */
interface Touched {
  before: Map<string, string | null>;
  /** When each touched happening that existed was created and last changed: kept when it is taken apart and made again unchanged. */
  times: Map<string, { created_at: string; updated_at: string }>;
  merged: Array<{ id: string; survivor: string }>;
}

const stableId = (seed: string) => `h${createHash('sha256').update(seed, 'utf8').digest('hex').slice(0, 16)}`;

export interface HappeningTables {
  /** Place an article's stored events in happenings (its events are already in `events`). */
  placeArticle(article: ArticleInfo, events: readonly CodedEvent[], at: string): void;
  /** Take an article's reports out of their happenings (before its events are deleted). */
  removeArticle(hash: string, at: string): void;
  /** Remove an article's reports and place its new events, one set of change rows for both (reprocess). */
  replaceArticle(article: ArticleInfo, events: readonly CodedEvent[], at: string): void;
  list(filter: HappeningFilter): HappeningRecord[];
  /** A page of `list` in date order (undated last), after the keyset of the page before; next is null on the last page. */
  page(filter: HappeningFilter, after: HappeningKeyset | null, limit: number): { happenings: HappeningRecord[]; next: HappeningKeyset | null };
  /** A happening by id, following redirects; `asked` is the id given, `id` the one answering. */
  get(id: string): { record: HappeningRecord; reports: HappeningReport[]; redirectedFrom: string | null } | { deleted: string; redirectedFrom: string | null } | null;
  /** The happening holding a report (article hash, event id). */
  ofReport(article: string, eventId: string): string | null;
  /** The happening holding a stored event, found by its article's id (`event.article_id`) and its id; null when none does. */
  ofEvent(event: { article_id: string; id: string }): string | null;
  /** Changes after sequence number `afterSeq`, or at/after time `since`, oldest first, at most `limit`. */
  changes(from: { afterSeq: number } | { since: string }, limit: number): HappeningChange[];
  count(): number;
  /** The sequence number of the latest change (0 when none). */
  lastSeq(): number;
}

export function happeningTables(db: SqlDb, decide: Decide = chooseHappening): HappeningTables {
  const d = dialectOf(db);
  const postgres = d.name === 'postgres';
  const candidatesStmt = db.prepare(`SELECT num, id FROM happenings INDEXED BY happenings_window
    WHERE merge_realis = ? AND type = ? AND day_to >= ? AND day_from <= ?`);
  const reportKeysOf = db.prepare('SELECT article, event_id FROM happening_reports WHERE happening = ? ORDER BY rowid').raw();
  const reportRow = db.prepare(`SELECT e.*, hr.evidence AS hr_evidence, hr.outlet AS hr_outlet, hr.published AS hr_published
    FROM happening_reports hr JOIN events e ON e.article = hr.article AND e.id = hr.event_id
    WHERE hr.article = ? AND hr.event_id = ?`);
  const snapshotStmt = db.prepare(`SELECT ${postgres ? 'json_build_array' : 'json_array'}(fields, n_reports, n_articles, n_sources, first_report, last_report, type, day_from, day_to)${postgres ? '::text' : ''}
    FROM happenings WHERE id = ?`).pluck();
  const idTaken = db.prepare('SELECT 1 FROM happenings WHERE id = ? UNION ALL SELECT 1 FROM happening_redirects WHERE id = ?').pluck();
  const insertHappening = db.prepare(`INSERT INTO happenings
    (id, type, merge_realis, day_from, day_to, date, fields, n_reports, n_articles, n_sources, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, NULL, '{}', 0, 0, 0, ?, ?)`);
  const insertReport = db.prepare(`INSERT INTO happening_reports (article, event_id, happening, win_from, win_to, evidence, outlet, published)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const widen = db.prepare(`UPDATE happenings SET day_from = ${postgres ? 'LEAST' : 'min'}(day_from, ?), day_to = ${postgres ? 'GREATEST' : 'max'}(day_to, ?) WHERE id = ?`);
  const moveReports = db.prepare('UPDATE happening_reports SET happening = ? WHERE happening = ?');
  const deleteHappening = db.prepare('DELETE FROM happenings WHERE id = ?');
  const insertRedirect = db.prepare(postgres
    ? 'INSERT INTO happening_redirects (id, survivor) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET survivor = EXCLUDED.survivor'
    : 'INSERT OR REPLACE INTO happening_redirects (id, survivor) VALUES (?, ?)');
  const retarget = db.prepare('UPDATE happening_redirects SET survivor = ? WHERE survivor = ?');
  const dropRedirect = db.prepare('DELETE FROM happening_redirects WHERE id = ?');
  const happeningsOfArticle = db.prepare(postgres
    ? 'SELECT happening FROM happening_reports WHERE article = ? GROUP BY happening ORDER BY min(rowid)'
    : 'SELECT DISTINCT happening FROM happening_reports WHERE article = ? ORDER BY rowid').pluck();
  const deleteReportsOfArticle = db.prepare('DELETE FROM happening_reports WHERE article = ?');
  const countReports = db.prepare('SELECT count(*) FROM happening_reports WHERE happening = ?').pluck();
  const statsStmt = db.prepare(`SELECT count(*) AS reports, count(DISTINCT article) AS articles,
      count(DISTINCT outlet) + (count(*) FILTER (WHERE outlet IS NULL) > 0 AND count(outlet) = 0)${postgres ? '::int' : ''} AS sources,
      min(published) AS first_report, max(published) AS last_report, min(win_from) AS day_from, max(win_to) AS day_to
    FROM happening_reports WHERE happening = ?`);
  const updateHappening = db.prepare(`UPDATE happenings SET type = @type, day_from = @day_from, day_to = @day_to, date = @date,
      fields = @fields, n_reports = @reports, n_articles = @articles, n_sources = @sources,
      first_report = @first_report, last_report = @last_report, updated_at = @at WHERE id = @id`);
  const insertChange = db.prepare('INSERT INTO happening_changes (at, id, kind, survivor) VALUES (?, ?, ?, ?)');
  const happeningRow = db.prepare('SELECT * FROM happenings WHERE id = ?');
  const redirectOf = db.prepare('SELECT survivor FROM happening_redirects WHERE id = ?').pluck();
  const ofReportStmt = db.prepare('SELECT happening FROM happening_reports WHERE article = ? AND event_id = ?').pluck();
  const ofEventStmt = db.prepare(`SELECT hr.happening FROM articles a JOIN happening_reports hr ON hr.article = a.hash
    WHERE a.id = ? AND hr.event_id = ? ORDER BY hr.rowid LIMIT 1`).pluck();
  const reportArticles = db.prepare(`SELECT hr.article, hr.evidence, a.id, a.title, a.source, a.published, e.*
    FROM happening_reports hr JOIN events e ON e.article = hr.article AND e.id = hr.event_id JOIN articles a ON a.hash = hr.article
    WHERE hr.happening = ? ORDER BY hr.rowid`);
  const changesAfter = db.prepare('SELECT seq, at, id, kind, survivor FROM happening_changes WHERE seq > ? ORDER BY seq LIMIT ?');
  const changesSince = db.prepare('SELECT seq, at, id, kind, survivor FROM happening_changes WHERE at >= ? ORDER BY seq LIMIT ?');
  const countStmt = db.prepare('SELECT count(*) FROM happenings').pluck();
  const reportIdsOf = db.prepare(`SELECT hr.happening, a.id || '#' || hr.event_id AS report FROM happening_reports hr JOIN articles a ON a.hash = hr.article
    WHERE hr.happening IN (${d.textList()}) ORDER BY hr.rowid`).raw();
  const lastSeqStmt = db.prepare('SELECT COALESCE(max(seq), 0) FROM happening_changes').pluck();
  const timesStmt = db.prepare('SELECT created_at, updated_at FROM happenings WHERE id = ?');
  const setTimes = db.prepare('UPDATE happenings SET created_at = ?, updated_at = ? WHERE id = ?');

  function touch(t: Touched, id: string): void {
    if (t.before.has(id)) return;
    t.before.set(id, (snapshotStmt.get(id) as string | undefined) ?? null);
    const times = timesStmt.get(id) as { created_at: string; updated_at: string } | undefined;
    if (times) t.times.set(id, times);
  }

  /**
   * Reports already read, by article and event id, so that a report weighed against each new one
   * in its days keeps what merging computed of it (its words' stems and weights, the pairs already
   * weighed: src/cluster caches them by report) instead of reading and stemming it again at every
   * placement. Bounded (the oldest read go first); an article's are dropped when it leaves.
   */
  const knownReports = new Map<string, Report>();
  const KNOWN_REPORTS = 20_000;

  function reportsOf(id: string): Report[] {
    const reports: Report[] = [];
    for (const [article, eventId] of reportKeysOf.all(id) as [string, string][]) {
      const key = `${article}#${eventId}`;
      let report = knownReports.get(key);
      if (report) knownReports.delete(key);
      else {
        const r = reportRow.get(article, eventId) as (EventRow & { hr_evidence: string; hr_outlet: string | null; hr_published: string | null }) | undefined;
        if (!r) continue;
        report = { event: eventFromRow(r), evidence: r.hr_evidence, outlet: r.hr_outlet, published: r.hr_published };
      }
      knownReports.set(key, report);
      if (knownReports.size > KNOWN_REPORTS) knownReports.delete(knownReports.keys().next().value!);
      reports.push(report);
    }
    return reports;
  }

  /** A free id for a happening a report starts: the report's own, else the same with a counter. */
  function newId(article: string, eventId: string): string {
    for (let n = 0; ; n++) {
      const id = stableId(n === 0 ? `${article}#${eventId}` : `${article}#${eventId}#${n}`);
      if (idTaken.get(id, id) === undefined) return id;
    }
  }

  function place(t: Touched, article: ArticleInfo, event: CodedEvent, at: string): void {
    const report = reportOf(event, article);
    const w = candidateWindow(report);
    const candidates: Candidate[] = [];
    if (w !== null) {
      // Oldest first, as the decision expects, whichever type each is.
      const found = new Map<string, number>();
      for (const type of new Set(w.types)) for (const r of candidatesStmt.all(w.realis, type, w.from, w.to) as { num: number; id: string }[]) found.set(r.id, r.num);
      for (const [id] of [...found].sort((a, b) => a[1] - b[1])) candidates.push({ id, reports: reportsOf(id) });
    }
    const offered = new Set(candidates.map((c) => c.id));
    const decision = decide(report, candidates);
    let target = decision.join !== null && offered.has(decision.join) ? decision.join : null;
    if (target === null) {
      target = newId(article.hash, event.id);
      touch(t, target);
      insertHappening.run(target, event.event, w?.realis ?? null, w?.from ?? null, w?.to ?? null, at, at);
    } else {
      touch(t, target);
      if (w !== null) widen.run(w.from, w.to, target);
    }
    insertReport.run(article.hash, event.id, target, w?.from ?? null, w?.to ?? null, report.evidence, report.outlet, report.published);
    for (const other of decision.absorb) {
      if (other === target || !offered.has(other)) continue;
      touch(t, other);
      moveReports.run(target, other);
      deleteHappening.run(other);
      retarget.run(target, other);
      insertRedirect.run(other, target);
      t.merged.push({ id: other, survivor: target });
    }
  }

  /** Take the article's reports out; a happening left with none is deleted at once (an empty one is never a candidate). */
  function remove(t: Touched, hash: string): void {
    const ids = happeningsOfArticle.all(hash) as string[];
    for (const id of ids) touch(t, id);
    for (const key of [...knownReports.keys()]) if (key.startsWith(`${hash}#`)) knownReports.delete(key);
    deleteReportsOfArticle.run(hash);
    for (const id of ids) if (countReports.get(id) === 0) deleteHappening.run(id);
  }

  /** Decide the fields of every happening touched, and append a change row for each that changed. */
  function finish(t: Touched, at: string): void {
    const mergedAway = new Map(t.merged.map((m) => [m.id, m.survivor]));
    for (const [id, before] of t.before) {
      const survivor = mergedAway.get(id);
      if (survivor !== undefined) {
        // Resolve a chain made within this transaction (A into B, then B into C).
        let s = survivor;
        while (mergedAway.has(s)) s = mergedAway.get(s)!;
        if (before !== null) insertChange.run(at, id, 'merged', s);
        continue;
      }
      const reports = reportsOf(id);
      if (reports.length === 0) {
        deleteHappening.run(id);
        if (before !== null) insertChange.run(at, id, 'deleted', null);
        continue;
      }
      const f = happeningFields(reports);
      const stats = statsStmt.get(id) as { reports: number; articles: number; sources: number; first_report: string | null; last_report: string | null; day_from: string | null; day_to: string | null };
      const { representative, ...rest } = f;
      const fields = JSON.stringify({ ...rest, representative: { report: reportId(representative.event), event: representative.event, evidence: representative.evidence } });
      updateHappening.run({
        id, type: f.event, day_from: stats.day_from, day_to: stats.day_to, date: f.date, fields,
        reports: stats.reports, articles: stats.articles, sources: stats.sources, first_report: stats.first_report, last_report: stats.last_report, at,
      });
      const after = snapshotStmt.get(id) as string;
      if (before === null) {
        dropRedirect.run(id);
        insertChange.run(at, id, 'created', null);
        continue;
      }
      // It existed before this transaction (perhaps taken apart and made again by a reprocess): its creation time stays.
      const times = t.times.get(id)!;
      if (after !== before) {
        setTimes.run(times.created_at, at, id);
        insertChange.run(at, id, 'updated', null);
      } else {
        setTimes.run(times.created_at, times.updated_at, id);
      }
    }
  }

  const fresh = (): Touched => ({ before: new Map(), times: new Map(), merged: [] });

  function recordOf(row: Record<string, unknown>, reportIds: string[]): HappeningRecord {
    const f = JSON.parse(row.fields as string);
    return {
      id: row.id as string, event: f.event, cameo: f.cameo, realis: f.realis, date: f.date, date_precision: f.date_precision,
      first_day: f.first_day, last_day: f.last_day, location: f.location, actor: f.actor, recipient: f.recipient,
      casualties: f.casualties, disagreements: f.disagreements,
      reports: row.n_reports as number, report_ids: reportIds, articles: row.n_articles as number, sources: row.n_sources as number,
      first_report: row.first_report as string | null, last_report: row.last_report as string | null,
      representative: f.representative, created_at: row.created_at as string, updated_at: row.updated_at as string,
    };
  }

  function list(filter: HappeningFilter): HappeningRecord[] {
    return page(filter, null, filter.limit ?? -1).happenings;
  }

  function page(filter: HappeningFilter, after: HappeningKeyset | null, limit: number): { happenings: HappeningRecord[]; next: HappeningKeyset | null } {
    const params: unknown[] = [];
    const where = queryConditions(filter, params, d);
    if (where === null) return { happenings: [], next: null };
    const conditions: string[] = [];
    if (where.length) {
      const reportMatches = where.map((w) => `(${w})`).join(' AND ');
      // Asked only which happened (the default), most happenings qualify: walk them in listing
      // order (happenings_listing) and stop at the page's end. A narrower filter finds its few
      // reports first (by the events' own indexes), then orders their happenings.
      const onlyRealis = Object.entries(filter).every(([k, v]) => v === undefined || k === 'realis' || k === 'minSources' || k === 'limit');
      conditions.push(onlyRealis
        ? `EXISTS (SELECT 1 FROM happening_reports hr JOIN events e ON e.article = hr.article AND e.id = hr.event_id WHERE hr.happening = h.id AND ${reportMatches})`
        : `h.id IN (SELECT hr.happening FROM events e JOIN happening_reports hr ON hr.article = e.article AND hr.event_id = e.id WHERE ${reportMatches})`);
    }
    if (filter.minSources !== undefined) { conditions.push('h.n_sources >= ?'); params.push(filter.minSources); }
    if (after !== null) { conditions.push(`(h.date IS NULL, COALESCE(h.date, ''), h.num) > (?, ?, ?)`); params.push(...after); }
    const sql = `SELECT h.*, h.date IS NULL AS k0, COALESCE(h.date, '') AS k1 FROM happenings h${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY h.date IS NULL, COALESCE(h.date, ''), h.num LIMIT ?`;
    // One more than asked (LIMIT -1: all): whether it comes says whether there is a next page.
    const rows = db.prepare(sql).all(...params, limit < 0 ? d.noLimit : limit + 1) as Record<string, unknown>[];
    const more = limit >= 0 && rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    const last = kept[kept.length - 1];
    return { happenings: withReportIds(kept), next: more && last ? [last.k0 as number, last.k1 as string, last.num as number] : null };
  }

  /** Records of happening rows, their report ids read in one query. */
  function withReportIds(rows: Record<string, unknown>[]): HappeningRecord[] {
    const ids = new Map<string, string[]>(rows.map((r) => [r.id as string, []]));
    for (const [h, report] of reportIdsOf.all(JSON.stringify([...ids.keys()])) as [string, string][]) ids.get(h)?.push(report);
    return rows.map((r) => recordOf(r, ids.get(r.id as string)!));
  }

  /** The happening an id answers as: itself, or the survivor its redirect names (chains followed). */
  function resolve(id: string): string {
    const seen = new Set<string>();
    let current = id;
    for (;;) {
      if (happeningRow.get(current) !== undefined || seen.has(current)) return current;
      seen.add(current);
      const next = redirectOf.get(current) as string | undefined;
      if (next === undefined) return current;
      current = next;
    }
  }

  return {
    placeArticle(article, events, at) {
      const t = fresh();
      for (const e of events) place(t, article, e, at);
      finish(t, at);
    },
    removeArticle(hash, at) {
      const t = fresh();
      remove(t, hash);
      finish(t, at);
    },
    replaceArticle(article, events, at) {
      const t = fresh();
      remove(t, article.hash);
      for (const e of events) place(t, article, e, at);
      finish(t, at);
    },
    list,
    page,
    get(asked) {
      const id = resolve(asked);
      const redirectedFrom = id === asked ? null : asked;
      const row = happeningRow.get(id) as Record<string, unknown> | undefined;
      if (!row) return redirectedFrom === null && redirectOf.get(asked) === undefined ? null : { deleted: id, redirectedFrom };
      const reports = (reportArticles.all(id) as (EventRow & { article: string; evidence: string; title: string | null; source: string | null; published: string | null })[])
        .map((r) => {
          const event = eventFromRow(r);
          return {
            report: reportId(event),
            article: { hash: r.article, id: r.article_id, title: r.title, source: r.source, published: r.published },
            event, evidence: r.evidence,
          };
        });
      return { record: withReportIds([row])[0], reports, redirectedFrom };
    },
    ofReport: (article, eventId) => (ofReportStmt.get(article, eventId) as string | undefined) ?? null,
    ofEvent: (e) => (ofEventStmt.get(e.article_id, e.id) as string | undefined) ?? null,
    changes(from, limit) {
      return ('afterSeq' in from ? changesAfter.all(from.afterSeq, limit) : changesSince.all(from.since, limit)) as HappeningChange[];
    },
    count: () => countStmt.get() as number,
    lastSeq: () => lastSeqStmt.get() as number,
  };
}

/**
 * Migration 9's backfill: place every stored event in a happening, article by article in the
 * order they were stored, as ingest would have, so that an old store upgrades to the same
 * happenings a fresh ingest of its articles gives; the feed then starts with one `created` each.
 */
export function backfillHappenings(db: Database.Database, at: string): void {
  const tables = happeningTables(db);
  const article = db.prepare('SELECT hash, text, source, published FROM articles WHERE hash = ?');
  const eventsOf = db.prepare('SELECT * FROM events WHERE article = ? ORDER BY num');
  // The hashes first: a statement still iterating cannot be open while others write.
  for (const hash of db.prepare('SELECT hash FROM articles ORDER BY num').pluck().all() as string[]) {
    tables.placeArticle(article.get(hash) as ArticleInfo, (eventsOf.all(hash) as EventRow[]).map(eventFromRow), at);
  }
  // A reader of the feed from its start meets each happening once, as it stands now.
  db.exec(`DELETE FROM happening_changes; DELETE FROM sqlite_sequence WHERE name = 'happening_changes'`);
  db.prepare(`INSERT INTO happening_changes (at, id, kind) SELECT ?, id, 'created' FROM happenings ORDER BY num`).run(at);
}

/**
 * Where the change feed starts from `since`: a sequence number (the `next` cursor of an answer:
 * the changes after it) or an ISO 8601 day or time (the changes at or after it, any offset
 * normalised to UTC); null when it is neither.
 */
export function changeCursor(since: string): { afterSeq: number } | { since: string } | null {
  if (/^\d{1,15}$/.test(since)) return { afterSeq: Number(since) };
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(since)) return null;
  // A time with no offset is UTC, as the feed's times are.
  const t = Date.parse(/T|\s/.test(since) && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(since) ? `${since.replace(' ', 'T')}Z` : since);
  return Number.isNaN(t) ? null : { since: new Date(t).toISOString() };
}

/** The cursor to ask from next: the last change's sequence number, or the one asked from when none came. */
export function nextChangeCursor(from: { afterSeq: number } | { since: string }, changes: readonly HappeningChange[], lastSeq: () => number): number {
  if (changes.length) return changes[changes.length - 1].seq;
  // From a time with nothing at or after it: every change there is came before it.
  return 'afterSeq' in from ? from.afterSeq : lastSeq();
}

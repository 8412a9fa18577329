/**
 * The queries behind `acta serve`: events with every filter of the API and keyset pagination,
 * time series of counts, actor dyads, one event, one article's stored layers. All SQL lives
 * here, every value a caller gives is a bound parameter; the column expressions come from the
 * fixed tables below, never from input.
 */
import type { Certainty, CodedEvent } from '../doc/types.js';
import { eventConditions, eventFromRow, likeLiteral, type EventFilter, type EventRow } from './store.js';
import { sqliteDialect, type Dialect, type SqlDb } from './sql.js';

/** The filters of `GET /api/v1/events`: those of `acta events` and more. */
export interface EventQuery extends EventFilter {
  /** Events placed inside [west, south, east, north] (degrees; west > east crosses the antimeridian). */
  bbox?: readonly [number, number, number, number];
  /** Events placed within km of a point. */
  near?: { lat: number; lon: number; km: number };
  /** The first-level division of the event's place (case-insensitive). */
  admin1?: string;
  /** A PLOVER mode the event has ("riot", "air"). */
  mode?: string;
  /** A PLOVER context the event has ("military", "economic"). */
  context?: string;
  /** How sure the event's source is (asserted, reported, alleged, …). */
  certainty?: Certainty;
  /** The attribution's source: its name or text contains this (case-insensitive); "author" for events the article asserts itself. */
  source?: string;
  /** Told at least this many times in its article (its mentions). */
  minReports?: number;
  /** The article: its hash or its id. */
  article?: string;
}

/** The orders events can be listed in; a leading "-" reverses. */
export const EVENT_SORTS = ['date', '-date', 'confidence', '-confidence', 'stored', '-stored'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** One column of a sort: its SQL expression, the direction, and the type of its value in a cursor. */
interface SortKey { sql: string; desc: boolean; type: 'number' | 'string' }

/** Undated events last in either direction: "when" is what a date order is about. */
const SORT_KEYS: Record<EventSort, SortKey[]> = {
  date: [{ sql: '(e.date IS NULL)', desc: false, type: 'number' }, { sql: "COALESCE(e.date, '')", desc: false, type: 'string' }, { sql: 'e.num', desc: false, type: 'number' }],
  '-date': [{ sql: '(e.date IS NULL)', desc: false, type: 'number' }, { sql: "COALESCE(e.date, '')", desc: true, type: 'string' }, { sql: 'e.num', desc: true, type: 'number' }],
  confidence: [{ sql: 'e.confidence', desc: false, type: 'number' }, { sql: 'e.num', desc: false, type: 'number' }],
  '-confidence': [{ sql: 'e.confidence', desc: true, type: 'number' }, { sql: 'e.num', desc: true, type: 'number' }],
  stored: [{ sql: 'e.num', desc: false, type: 'number' }],
  '-stored': [{ sql: 'e.num', desc: true, type: 'number' }],
};

/** Where a page ended: the last event's sort values, to continue after it. */
export type Keyset = (string | number)[];

/** Whether a keyset read from a cursor has the shape the sort needs (one value of the right type per key). */
export function validKeyset(sort: EventSort, keys: unknown): keys is Keyset {
  const spec = SORT_KEYS[sort];
  return Array.isArray(keys) && keys.length === spec.length
    && keys.every((v, i) => (spec[i].type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string'));
}

export interface EventPage {
  events: CodedEvent[];
  /** The keyset after the last event, or null when there are no more. */
  next: Keyset | null;
}

/** The time step of a series. */
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** What a series is counted by. */
export const COUNT_BY = ['event', 'country', 'admin1', 'actor', 'dyad'] as const;
export type CountBy = (typeof COUNT_BY)[number];

export interface CountRow {
  /** The period's first day (day, week: its Monday) or YYYY-MM (month). */
  period: string;
  /** The event type, country, division, actor code (its name when uncoded) or "actor>recipient"; null when the event has none. */
  key: string | null;
  count: number;
}

export interface CountResult {
  rows: CountRow[];
  /** Events that matched but whose date is less precise than the interval (a month for a daily series, a year). */
  imprecise: number;
  /** Events that matched with no date. */
  undated: number;
}

/** One pair of sides: counts of their events by QuadClass (1 verbal cooperation … 4 material conflict). */
export interface Dyad {
  actor: string;
  recipient: string;
  count: number;
  byQuadClass: Record<'1' | '2' | '3' | '4', number>;
  /** Mean Goldstein value of the pair's events. */
  goldstein: number;
}

/** An event placed finer than its country, as a map draws it: a point sized by its reports. */
export interface PlacePoint {
  id: string;
  event: string;
  date: string | null;
  lat: number;
  lon: number;
  /** Times its article tells it (its mentions). */
  reports: number;
}

/** Where the events matching happened, as a map needs it. */
export interface PlaceSummary {
  /** Events with a point finer than a country (site, town, county, state), most reported first, at most the limit asked. */
  points: PlacePoint[];
  /** All such events, the limit aside. */
  pointsTotal: number;
  /** Events placed only to a country (or a place coarser than its divisions), counted by that country. */
  countries: { country: string; count: number }[];
  /** Events with no place, or a place with no country and no point. */
  unplaced: number;
}

export interface StoredSentence { index: number; paragraph: number; start: number; end: number }

export interface StoredEntity {
  start: number; end: number; text: string; name: string; type: string;
  country: string | null; sector: string | null; code: string | null;
  chain: number | null; sentence: number | null; nominal: boolean;
}

/** What the store keeps of an article's analysis besides the text. */
export interface ArticleLayers {
  sentences: StoredSentence[];
  entities: StoredEntity[];
  events: CodedEvent[];
}

export interface ExploreQueries {
  /** One page of events in the given order, after the keyset when one is given. */
  eventPage(q: EventQuery, sort: EventSort, after: Keyset | null, limit: number): EventPage;
  /** An event by its id, with the hash of its article; null when there is none. */
  getEvent(id: string): { event: CodedEvent; article: string } | null;
  /** Counts by period and key of the events matching. */
  countSeries(q: EventQuery, interval: Interval, by: CountBy): CountResult;
  /** The actor–recipient pairs of the events matching, most events first. */
  dyads(q: EventQuery): Dyad[];
  /** The points and country counts of the events matching, at most `limit` points. */
  places(q: EventQuery, limit: number): PlaceSummary;
  /** The hashes of the articles with this hash or id, in the order stored. */
  findArticles(idOrHash: string): string[];
  articleLayers(hash: string): ArticleLayers;
  /** The countries stored events involve (an actor's, a recipient's or the place's), with how many events each, most first. */
  eventCountries(): { code: string; events: number }[];
  /**
   * Changes whenever the store's content may have: a write through this connection or a commit
   * by another. Answers worked out from the store stay good while it is the same.
   */
  version(): string;
}

const KM_PER_DEGREE = 111.195;

/** The box and distance filters read from each event's place (JSON): SQLite has no index of them. */
function placeConditionsSqlite(q: EventQuery, where: string[], params: unknown[]): void {
  const lat = `(e.location ->> 'lat')`;
  const lon = `(e.location ->> 'lon')`;
  if (q.bbox) {
    const [west, south, east, north] = q.bbox;
    where.push(`${lat} BETWEEN ? AND ?`);
    params.push(south, north);
    if (west <= east) { where.push(`${lon} BETWEEN ? AND ?`); params.push(west, east); }
    else { where.push(`(${lon} >= ? OR ${lon} <= ?)`); params.push(west, east); }
  }
  if (q.near) {
    const { lat: la, lon: lo, km } = q.near;
    // A box of latitudes first (the index of nothing, but cheap), then the great-circle distance.
    const dLat = km / KM_PER_DEGREE;
    where.push(`${lat} BETWEEN ? AND ?`);
    params.push(la - dLat, la + dLat);
    where.push(`6371.0088 * 2 * asin(min(1, sqrt(
      pow(sin(radians(${lat} - ?) / 2), 2) + cos(radians(?)) * cos(radians(${lat})) * pow(sin(radians(${lon} - ?) / 2), 2)))) <= ?`);
    params.push(la, la, lo, km);
  }
}

/** A box's edges are widened by this much (degrees) for the index's search, then the exact box is checked. */
const BOX_MARGIN = 0.01;

/**
 * The box and distance filters on PostgreSQL: index queries on the events' PostGIS point
 * (events.geog, a GiST index). A box's sides are lines of latitude and longitude, which a
 * geography polygon's great-circle edges are not: the index is asked for a polygon a little
 * wider, its edges cut into 0.5° pieces (whose bulge off their latitude is well under the
 * margin), and the exact box is checked on the rows it gives. The distance is on the sphere
 * (use_spheroid false), as SQLite's haversine reckons it.
 */
function placeConditionsPostgres(q: EventQuery, where: string[], params: unknown[]): void {
  if (q.bbox) {
    const [west, south, east, north] = q.bbox;
    const s = south - BOX_MARGIN;
    const n = north + BOX_MARGIN;
    // A box that reaches a pole is no polygon a geography can hold (its edges meet there): it is
    // read by the exact check alone. Else pieces at most 90° wide, each a polygon of its own.
    if (s > -89 && n < 89) {
      const pieces: string[] = [];
      for (const [from, to] of west <= east ? [[west, east]] : [[west, 180], [-180, east]]) {
        for (let w = Math.max(-180, from - BOX_MARGIN), end = Math.min(180, to + BOX_MARGIN); w < end; w += 90) {
          pieces.push('ST_Intersects(e.geog, ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), 0.5)::geography)');
          params.push(w, s, Math.min(end, w + 90), n);
        }
      }
      where.push(pieces.length === 1 ? pieces[0] : `(${pieces.join(' OR ')})`);
    }
    where.push(`e.geog IS NOT NULL`);
    where.push(`ST_Y(e.geog::geometry) BETWEEN ? AND ?`);
    params.push(south, north);
    if (west <= east) { where.push(`ST_X(e.geog::geometry) BETWEEN ? AND ?`); params.push(west, east); }
    else { where.push(`(ST_X(e.geog::geometry) >= ? OR ST_X(e.geog::geometry) <= ?)`); params.push(west, east); }
  }
  if (q.near) {
    const { lat, lon, km } = q.near;
    where.push(`ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, false)`);
    params.push(lon, lat, km * 1000);
  }
}

/** The conditions of every filter of the API (`acta events`' and more); null when nothing can match. */
export function queryConditions(q: EventQuery, params: unknown[], d: Dialect = sqliteDialect): string[] | null {
  const where = eventConditions(q, params, d);
  if (where === null) return null;
  if (d.name === 'postgres') placeConditionsPostgres(q, where, params);
  else placeConditionsSqlite(q, where, params);
  if (q.admin1) { where.push(d.equalsNocase(d.jsonText('e.location', 'admin1'))); params.push(q.admin1); }
  if (q.mode) { where.push(`EXISTS (SELECT 1 FROM ${d.jsonEachText('e.mode', 'm')} WHERE ${d.equalsNocase('m.value')})`); params.push(q.mode); }
  if (q.context) { where.push(`EXISTS (SELECT 1 FROM ${d.jsonEachText('e.context', 'c')} WHERE ${d.equalsNocase('c.value')})`); params.push(q.context); }
  if (q.certainty) { where.push('e.certainty = ?'); params.push(q.certainty); }
  if (q.source !== undefined) {
    if (q.source.toLowerCase() === 'author') where.push(`${d.jsonText('e.attribution', 'source')} IS NULL`);
    else {
      const contains = `%${likeLiteral(q.source)}%`;
      where.push(`(${d.jsonText('e.attribution', 'source', 'name')} LIKE ? ESCAPE '\\' OR ${d.jsonText('e.attribution', 'source', 'text')} LIKE ? ESCAPE '\\')`);
      params.push(contains, contains);
    }
  }
  if (q.minReports !== undefined) { where.push(`COALESCE(${d.jsonLength('e.mentions')}, 1) >= ?`); params.push(q.minReports); }
  if (q.article !== undefined) { where.push('(e.article = ? OR e.article_id = ?)'); params.push(q.article, q.article); }
  return where;
}

const whereSql = (where: string[]) => (where.length ? ` WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '');

/**
 * Rows after a keyset in a mixed-direction order: (k1 after v1) or (k1 = v1 and k2 after v2) or …
 * Written out rather than as a row-value comparison, which only holds when every key runs one way.
 */
function afterKeyset(keys: SortKey[], values: Keyset, params: unknown[]): string {
  const ors: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const ands = keys.slice(0, i).map((k) => `${k.sql} = ?`);
    ands.push(`${keys[i].sql} ${keys[i].desc ? '<' : '>'} ?`);
    params.push(...values.slice(0, i + 1));
    ors.push(`(${ands.join(' AND ')})`);
  }
  return ors.join(' OR ');
}

/** The SQL that opens each period, from an event's date (only dates at least as precise as the interval). */
const PERIOD_SQL: Record<Interval, { period: string; precise: string }> = {
  day: { period: 'substr(e.date, 1, 10)', precise: 'length(e.date) = 10' },
  // The Monday of the date's ISO week: strftime %w is 0 for Sunday.
  week: { period: `date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')`, precise: 'length(e.date) = 10' },
  month: { period: 'substr(e.date, 1, 7)', precise: 'length(e.date) >= 7' },
};

/** PostgreSQL's: the week's Monday by date_trunc (ISO weeks begin on Monday). */
const PERIOD_SQL_POSTGRES: Record<Interval, { period: string; precise: string }> = {
  ...PERIOD_SQL,
  week: { period: `to_char(date_trunc('week', e.date::date), 'YYYY-MM-DD')`, precise: 'length(e.date) = 10' },
};

/**
 * A side of an event as a key (its code, else its name) is event_sides.key (migration 7): each
 * key once an event, so a side's rows need no DISTINCT and no JSON is read.
 */
const sideJoin = (alias: string, side: 'actor' | 'recipient', kind = 'LEFT JOIN') => `${kind} event_sides ${alias} ON ${alias}.num = e.num AND ${alias}.side = '${side}'`;

/** The joins and key expression of each breakdown; an event with two actors counts for each. */
const BY_SQL: Record<CountBy, { joins: string; key: string }> = {
  event: { joins: '', key: 'e.event' },
  country: { joins: '', key: 'e.location_country' },
  admin1: { joins: '', key: sqliteDialect.jsonText('e.location', 'admin1') },
  actor: { joins: sideJoin('a', 'actor'), key: 'a.key' },
  dyad: { joins: `${sideJoin('a', 'actor')} ${sideJoin('r', 'recipient')}`, key: `a.key || '>' || r.key` },
};

/** Places finer than a country: a map can pin these to their point. */
const POINT_PRECISIONS: ReadonlySet<string> = new Set(['site', 'city', 'admin2', 'admin1']);

/**
 * How a map can draw an event's place: a point when it is finer than a country and has
 * coordinates; its country when it is known only to the country (the country's reference point
 * would pin it to a spot nobody named); nothing when there is neither.
 */
export function placeKind(precision: string | null, lat: number | null, lon: number | null, country: string | null): 'point' | 'country' | 'none' {
  if (precision !== null && POINT_PRECISIONS.has(precision) && lat !== null && lon !== null) return 'point';
  return precision !== null && country !== null ? 'country' : 'none';
}

/** The events kept decoded (the rows of the last pages asked), until the store changes. */
export const EVENT_CACHE_SIZE = 5000;

export function exploreQueries(db: SqlDb, d: Dialect = sqliteDialect): ExploreQueries {
  const postgres = d.name === 'postgres';
  const eventById = db.prepare('SELECT * FROM events WHERE id = ? ORDER BY num LIMIT 1');
  const articlesByIdOrHash = db.prepare('SELECT hash FROM articles WHERE hash = ? OR id = ? ORDER BY hash <> ?, num').pluck();
  const sentencesOf = db.prepare('SELECT idx AS "index", paragraph, start, "end" FROM sentences WHERE article = ? ORDER BY idx');
  const entitiesOf = db.prepare(`SELECT start, "end", text, name, type, country, sector, code, chain, sentence, nominal
    FROM entities WHERE article = ? ORDER BY start, "end"`);
  const eventsOfArticle = db.prepare('SELECT * FROM events WHERE article = ? ORDER BY sentence_start, trigger_start, num');

  // PostgreSQL: the current snapshot (xmin:xmax:transactions in progress) changes whenever a
  // transaction that wrote begins to write or commits, here or in another process.
  const totalChanges = db.prepare(postgres ? 'SELECT pg_current_snapshot()::text' : 'SELECT total_changes()').pluck();
  const dataVersion = postgres ? null : db.prepare('PRAGMA data_version').pluck();
  function version(): string {
    return `${dataVersion?.get() ?? ''}:${totalChanges.get()}`;
  }
  // Every country an event involves (an actor's, a recipient's, the place's): the table the insert trigger fills.
  const countriesOf = db.prepare('SELECT country AS code, count(*) AS events FROM event_countries GROUP BY country ORDER BY events DESC, code');

  /**
   * Decoded events by num, the most recently asked last, for EVENT_CACHE_SIZE of them: a page's
   * JSON columns are parsed once, not on every request for it. Emptied when the store changes.
   */
  const decoded = new Map<number, CodedEvent>();
  let decodedVersion = '';
  /** Empty the cache if the store changed since it was filled: once a query, before its first cachedEvent. */
  function checkDecoded(): void {
    const v = version();
    if (v !== decodedVersion) { decoded.clear(); decodedVersion = v; }
  }
  function cachedEvent(num: number): CodedEvent | undefined {
    const e = decoded.get(num);
    if (e) { decoded.delete(num); decoded.set(num, e); }
    return e;
  }
  function keepEvent(num: number, e: CodedEvent): CodedEvent {
    decoded.set(num, e);
    if (decoded.size > EVENT_CACHE_SIZE) decoded.delete(decoded.keys().next().value as number);
    return e;
  }
  const decode = (r: EventRow & { num: number }) => cachedEvent(r.num) ?? keepEvent(r.num, eventFromRow(r));
  const rowsByNum = db.prepare(`SELECT * FROM events WHERE num IN (${d.numberList()})`);
  /** The events of these nums, in their order: from the cache, the others read in one query. */
  function eventsOf(nums: number[]): CodedEvent[] {
    const missing = nums.filter((n) => cachedEvent(n) === undefined);
    if (missing.length) for (const r of rowsByNum.all(JSON.stringify(missing)) as (EventRow & { num: number })[]) keepEvent(r.num, eventFromRow(r));
    return nums.map((n) => decoded.get(n) as CodedEvent);
  }

  /**
   * The dated stretches of a date order, each one index range, in ascending order: with `from`,
   * the dates that are proper prefixes of it ("2021" and "2021-03" overlap from=2021-03-05 but
   * sort before it) apart from the dates from `from` on, so that the rows before it are never
   * walked. The overlap condition itself stays among the filters.
   */
  function datedStretches(from: string | undefined): { sql: string; params: string[] }[] {
    if (from === undefined) return [{ sql: 'e.date IS NOT NULL', params: [] }];
    const prefixes = [from.slice(0, 4), from.slice(0, 7)].filter((p, i, all) => p.length < from.length && all.indexOf(p) === i);
    const onward = { sql: 'e.date >= ?', params: [from] };
    return prefixes.length ? [{ sql: `e.date IN (${prefixes.map(() => '?').join(', ')})`, params: prefixes }, onward] : [onward];
  }

  /**
   * A page in date order, read in stretches SQLite can take straight off its indexes: the dated
   * events by (date, num) — the events_date index, which ends in the rowid — then the undated by
   * num. One ORDER BY over both would sort every matching row for each page (about 60 ms on
   * 50k events, against under 1 ms). The planner, without statistics, would rather take the
   * realis index and sort, so the date index is named, except where a filter with an index of
   * its own (article, text) leaves few rows to sort. The keyset is the same as one ORDER BY's:
   * [undated ? 1 : 0, date or '', num]. Only the nums and dates are read in order; the events
   * themselves come from the cache or one query by num.
   */
  function datePage(q: EventQuery, where: string[], params: unknown[], desc: boolean, after: Keyset | null, limit: number): EventPage {
    const [afterUndated, afterDate, afterNum] = after ?? [0, '', 0];
    const cmp = desc ? '<' : '>';
    const dir = desc ? ' DESC' : '';
    // With realis (the API's default), (realis, date, num) is the order and holds the filter: the
    // walk reads no row that does not match.
    const byDateIndex = q.article !== undefined || q.text !== undefined ? '' : q.realis !== undefined ? ' INDEXED BY events_realis_date' : ' INDEXED BY events_date';
    const dated = datedStretches(q.from);
    if (desc) dated.reverse();
    const stretches = dated.map((d) => ({ undated: 0, ...d }));
    // An undated event never matches a date filter: no stretch to walk for it (SQLite would read every row to find none).
    if (q.from === undefined && q.to === undefined) stretches.push({ undated: 1, sql: 'e.date IS NULL', params: [] });
    const rows: { num: number; date: string | null }[] = [];
    for (const stretch of stretches) {
      const undated = stretch.undated;
      if (after !== null && undated < (afterUndated as number)) continue;
      const w = [...where, stretch.sql];
      const p = [...params, ...stretch.params];
      if (after !== null && undated === afterUndated) {
        if (undated) { w.push(`e.num ${cmp} ?`); p.push(afterNum); }
        else { w.push(`(e.date, e.num) ${cmp} (?, ?)`); p.push(afterDate, afterNum); }
      }
      const order = undated ? `e.num${dir}` : `e.date${dir}, e.num${dir}`;
      rows.push(...db.prepare(`SELECT e.num, e.date FROM events e${undated ? '' : byDateIndex}${whereSql(w)} ORDER BY ${order} LIMIT ?`)
        .all(...p, limit + 1 - rows.length) as { num: number; date: string | null }[]);
      if (rows.length > limit) break;
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      events: eventsOf(page.map((r) => r.num)),
      next: rows.length > limit && last ? [last.date === null ? 1 : 0, last.date ?? '', last.num] : null,
    };
  }

  function eventPage(q: EventQuery, sort: EventSort, after: Keyset | null, limit: number): EventPage {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`bad limit ${limit}`);
    checkDecoded();
    const keys = SORT_KEYS[sort];
    const params: unknown[] = [];
    const where = queryConditions(q, params, d);
    if (where === null) return { events: [], next: null };
    if (after !== null && !validKeyset(sort, after)) throw new Error(`bad keyset for sort ${sort}`);
    if (sort === 'date' || sort === '-date') return datePage(q, where, params, sort === '-date', after, limit);
    if (after !== null) where.push(afterKeyset(keys, after, params));
    const keyColumns = keys.map((k, i) => `${k.sql} AS k${i}`).join(', ');
    const order = keys.map((k) => `${k.sql}${k.desc ? ' DESC' : ''}`).join(', ');
    // One more than asked: whether it comes says whether there is a next page.
    const rows = db.prepare(`SELECT e.*, ${keyColumns} FROM events e${whereSql(where)} ORDER BY ${order} LIMIT ?`)
      .all(...params, limit + 1) as (EventRow & Record<string, string | number>)[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { events: page.map((r) => decode(r as unknown as EventRow & { num: number })), next: more && last ? keys.map((_, i) => last[`k${i}`]) : null };
  }

  function countSeries(q: EventQuery, interval: Interval, by: CountBy): CountResult {
    const params: unknown[] = [];
    const where = queryConditions(q, params, d);
    if (where === null) return { rows: [], imprecise: 0, undated: 0 };
    const { period, precise } = (postgres ? PERIOD_SQL_POSTGRES : PERIOD_SQL)[interval];
    const { joins, key } = by === 'admin1' ? { joins: '', key: d.jsonText('e.location', 'admin1') } : BY_SQL[by];
    // An event is one row unless the breakdown joins its sides: then count it once per key.
    const count = joins ? 'count(DISTINCT e.num)' : 'count(*)';
    const rows = db.prepare(`SELECT ${period} AS period, ${key} AS key, ${count} AS count
      FROM events e ${joins}${whereSql([...where, `e.date IS NOT NULL AND ${precise}`])}
      GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`).all(...params) as CountRow[];
    const left = db.prepare(`SELECT count(*) FILTER (WHERE e.date IS NULL) AS undated,
      count(*) FILTER (WHERE e.date IS NOT NULL AND NOT (${precise})) AS imprecise
      FROM events e${whereSql(where)}`).get(...params) as { undated: number; imprecise: number };
    return { rows, imprecise: left.imprecise, undated: left.undated };
  }

  function dyads(q: EventQuery): Dyad[] {
    const params: unknown[] = [];
    const where = queryConditions(q, params, d);
    if (where === null) return [];
    // One row an event and dyad: event_sides holds each side's key once an event.
    const rows = db.prepare(`SELECT a.key AS actor, r.key AS recipient, count(*) AS count,
        count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2,
        count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4,
        avg(e.goldstein) AS goldstein
      FROM events e ${sideJoin('a', 'actor', 'JOIN')} ${sideJoin('r', 'recipient', 'JOIN')}${whereSql(where)}
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`).all(...params) as
      { actor: string; recipient: string; count: number; q1: number; q2: number; q3: number; q4: number; goldstein: number }[];
    return rows.map((r) => ({
      actor: r.actor, recipient: r.recipient, count: r.count,
      byQuadClass: { 1: r.q1, 2: r.q2, 3: r.q3, 4: r.q4 }, goldstein: Math.round(r.goldstein * 100) / 100,
    }));
  }

  function places(q: EventQuery, limit: number): PlaceSummary {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`bad limit ${limit}`);
    const params: unknown[] = [];
    const where = queryConditions(q, params, d);
    if (where === null) return { points: [], pointsTotal: 0, countries: [], unplaced: 0 };
    // One pass over the matching events (each place's JSON read once); sorting and counting in JS
    // cost less than a second scan for the counts.
    const rows = db.prepare(`SELECT e.num, e.id, e.event, e.date, e.location_country,
        ${d.jsonText('e.location', 'precision')}, ${d.jsonNumber('e.location', 'lat')}, ${d.jsonNumber('e.location', 'lon')}, COALESCE(${d.jsonLength('e.mentions')}, 1)
      FROM events e${whereSql(where)}`).raw().all(...params) as
      [number, string, string, string | null, string | null, string | null, number | null, number | null, number][];
    const points: (PlacePoint & { num: number })[] = [];
    const byCountry = new Map<string, number>();
    let unplaced = 0;
    for (const [num, id, event, date, country, precision, lat, lon, reports] of rows) {
      const kind = placeKind(precision, lat, lon, country);
      if (kind === 'point') points.push({ num, id, event, date, lat: lat as number, lon: lon as number, reports });
      else if (kind === 'country') byCountry.set(country as string, (byCountry.get(country as string) ?? 0) + 1);
      else unplaced++;
    }
    points.sort((a, b) => b.reports - a.reports || a.num - b.num);
    const countries = [...byCountry].map(([country, count]) => ({ country, count }))
      .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
    return { points: points.slice(0, limit).map(({ num: _num, ...p }) => p), pointsTotal: points.length, countries, unplaced };
  }

  return {
    eventPage,
    places,
    getEvent(id) {
      const r = eventById.get(id) as EventRow & { article: string } | undefined;
      return r ? { event: eventFromRow(r), article: r.article } : null;
    },
    countSeries,
    dyads,
    findArticles: (idOrHash) => articlesByIdOrHash.all(idOrHash, idOrHash, idOrHash) as string[],
    articleLayers(hash) {
      return {
        sentences: sentencesOf.all(hash) as StoredSentence[],
        entities: (entitiesOf.all(hash) as (Omit<StoredEntity, 'nominal'> & { nominal: number })[]).map((x) => ({ ...x, nominal: x.nominal !== 0 })),
        events: (eventsOfArticle.all(hash) as EventRow[]).map(eventFromRow),
      };
    },
    eventCountries: () => countriesOf.all() as { code: string; events: number }[],
    version,
  };
}

/**
 * A digest's content, computed from the store: the selection, headline figures and their change
 * against the previous period of equal length, a timeline by type, places for a map, top actors
 * and dyads, the key happenings ranked, data quality, and the sources. Every renderer (HTML,
 * Markdown, PDF) draws this one object, so the formats say the same. Every text from an article
 * has its control and bidi characters shown, not obeyed (printable): a title with U+202E cannot
 * turn "gnp.exe" into "exe.png" in a digest, whatever the format escapes besides.
 */
import type { CodedEvent } from '../doc/types.js';
import type { Happening } from '../cluster/index.js';
import { matchingEvents, storedGroups } from '../export/index.js';
import { reportSources, sourceName, storeArticles, type ArticleLookup } from '../export/articles.js';
import { countryInfo } from '../places/countries.js';
import { printable } from '../output/terminal.js';
import type { Store } from '../store/index.js';
import { daysBetween, describeSelection, previousPeriod, selectionQueries, type DigestSelection } from './selection.js';
import { happeningSentence } from './sentence.js';

export interface Figures { happenings: number; reports: number; articles: number; sources: number }

/** The toll the articles count: for each happening the most any report counts (its floor), added up; happenings counting any. */
export interface Toll { killed: number; injured: number; arrested: number; displaced: number; counted: number }

export interface KeyHappening {
  id: string; article_id: string; sentence: string; quote: string; event: string; date: string | null;
  reports: number; articles: number; goldstein: number; sources: string[]; novel: boolean; score: number;
}

export interface Digest {
  title: string;
  selection: DigestSelection;
  described: string;
  generated: string;
  previous: { from: string; to: string };
  figures: Figures;
  previousFigures: Figures;
  toll: Toll;
  interval: 'day' | 'week' | 'month';
  timeline: { periods: string[]; series: { event: string; counts: number[] }[] };
  points: { lat: number; lon: number; event: string; reports: number; label: string }[];
  countries: { iso3: string; name: string; happenings: number }[];
  actors: { name: string; happenings: number }[];
  dyads: { actor: string; recipient: string; happenings: number; goldstein: number }[];
  key: KeyHappening[];
  quality: { events: number; undated: number; unplaced: number; singleSourced: number };
  sources: { name: string; articles: number }[];
}

/** The events a selection matches in a period, each once, in date order. */
export function selectionEvents(store: Store, s: DigestSelection, period = { from: s.from, to: s.to }): CodedEvent[] {
  const byId = new Map<string, CodedEvent>();
  for (const q of selectionQueries(s, period)) for (const e of matchingEvents(store, q)) byId.set(`${e.article_id}\u0000${e.id}`, e);
  return [...byId.values()].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
}

/** The toll of happenings: each counted once, by the largest floor among its reports (a toll that rose). */
export function tollOf(happenings: Happening[]): Toll {
  const toll: Toll = { killed: 0, injured: 0, arrested: 0, displaced: 0, counted: 0 };
  for (const h of happenings) {
    let any = false;
    for (const k of ['killed', 'injured', 'arrested', 'displaced'] as const) {
      const most = Math.max(-1, ...h.reports.map((r) => r.casualties?.[k]?.min ?? -1));
      if (most >= 0) { toll[k] += most; any = true; }
    }
    if (any) toll.counted++;
  }
  return toll;
}

function figuresOf(events: CodedEvent[], happenings: Happening[], articles: ArticleLookup): Figures {
  const articleIds = new Set(events.map((e) => e.article_id));
  return { happenings: happenings.length, reports: events.length, articles: articleIds.size, sources: reportSources(events, articles).length };
}

/** The timeline's bucket: days for a month or less, weeks up to half a year, else months. */
export function digestInterval(days: number): Digest['interval'] {
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** The period an event's date falls in: its day, the Monday of its week, or its month. */
export function periodOf(date: string, interval: Digest['interval']): string {
  if (interval === 'month') return date.slice(0, 7);
  if (interval === 'day') return date;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function periodsFrom(from: string, to: string, interval: Digest['interval']): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  while (d.getTime() <= end) {
    const p = periodOf(d.toISOString().slice(0, 10), interval);
    if (out[out.length - 1] !== p) out.push(p);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** The side's label for top lists: its code when coded, else its name. */
const sideKey = (e: CodedEvent, which: 'actor' | 'recipient') => {
  const x = e[which][0];
  return x ? (x.code ? `${x.name} (${x.code})` : x.name) : null;
};

/**
 * A happening's rank: how many reported it (more reports, more weight, with diminishing returns),
 * how severe it is (Goldstein's scale: conflict weighs more than cooperation), and whether its
 * sides met in the previous period at all (a new pair of sides is news).
 */
export function rankScore(reports: number, goldstein: number, novel: boolean): number {
  return Math.round((Math.log2(1 + reports) * 2 + Math.abs(goldstein) / 5 + (novel ? 1 : 0)) * 1000) / 1000;
}

export function buildDigest(store: Store, s: DigestSelection, opts: { keyCount?: number; now?: Date } = {}): Digest {
  const articles = storeArticles(store);
  const events = selectionEvents(store, s);
  const happenings = storedGroups(store, events);
  const previous = previousPeriod(s.from, s.to);
  const before = selectionEvents(store, s, previous);
  const beforeHappenings = storedGroups(store, before);
  const days = daysBetween(s.from, s.to);
  const interval = digestInterval(days);
  const periods = periodsFrom(s.from, s.to, interval);
  const index = new Map(periods.map((p, i) => [p, i]));
  const byType = new Map<string, number[]>();
  for (const h of happenings) {
    const e = h.event;
    if (!e.date || e.date_precision !== 'day') continue;
    const i = index.get(periodOf(e.date, interval));
    if (i === undefined) continue;
    const counts = byType.get(e.event) ?? new Array(periods.length).fill(0);
    counts[i]++;
    byType.set(e.event, counts);
  }
  const countries = new Map<string, number>();
  const actors = new Map<string, number>();
  const dyads = new Map<string, { actor: string; recipient: string; happenings: number; goldstein: number }>();
  const points: Digest['points'] = [];
  for (const h of happenings) {
    const e = h.event;
    const c = e.location?.country;
    if (c) countries.set(c, (countries.get(c) ?? 0) + 1);
    for (const x of [sideKey(e, 'actor'), sideKey(e, 'recipient')]) if (x) actors.set(x, (actors.get(x) ?? 0) + 1);
    const a = sideKey(e, 'actor');
    const r = sideKey(e, 'recipient');
    if (a && r) {
      const d = dyads.get(`${a}\u0000${r}`) ?? { actor: a, recipient: r, happenings: 0, goldstein: 0 };
      d.goldstein = (d.goldstein * d.happenings + e.goldstein) / (d.happenings + 1);
      d.happenings++;
      dyads.set(`${a}\u0000${r}`, d);
    }
    if (e.location && e.location.precision !== 'country' && e.location.lat !== null && e.location.lon !== null) {
      points.push({ lat: e.location.lat, lon: e.location.lon, event: e.event, reports: h.reports.length, label: printable(e.location.name) });
    }
  }
  const pairsBefore = new Set(beforeHappenings.map((h) => `${sideKey(h.event, 'actor')}\u0000${sideKey(h.event, 'recipient')}`));
  const key: KeyHappening[] = happenings.map((h) => {
    const e = h.event;
    const arts = new Set(h.reports.map((r) => r.article_id));
    const novel = !pairsBefore.has(`${sideKey(e, 'actor')}\u0000${sideKey(e, 'recipient')}`);
    const own = articles(e.article_id);
    const sources = [...new Set(h.reports.map((r) => articles(r.article_id)).map((x) => (x ? sourceName(x.meta) ?? x.meta.title ?? x.meta.id : null)).filter((x): x is string => !!x))];
    return {
      id: e.id, article_id: e.article_id, sentence: printable(happeningSentence(e, arts.size)),
      quote: printable(own ? own.text.slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ').trim() : e.trigger.text),
      event: e.event, date: e.date, reports: h.reports.length, articles: arts.size, goldstein: e.goldstein, sources: sources.map(printable), novel,
      score: rankScore(h.reports.length, e.goldstein, novel),
    };
  }).sort((a, b) => b.score - a.score || (a.date ?? '').localeCompare(b.date ?? '')).slice(0, opts.keyCount ?? 10);
  const sourceCounts = new Map<string, number>();
  for (const id of new Set(events.map((e) => e.article_id))) {
    const a = articles(id);
    const name = a ? sourceName(a.meta) ?? 'source not named' : 'source not named';
    sourceCounts.set(name, (sourceCounts.get(name) ?? 0) + 1);
  }
  const top = <T>(m: Map<string, T>, n: number, count: (t: T) => number) => [...m].sort((a, b) => count(b[1]) - count(a[1]) || a[0].localeCompare(b[0])).slice(0, n);
  const countryName = (iso3: string) => countryInfo(iso3)?.name ?? iso3;
  return {
    title: `acta digest: ${s.from} to ${s.to}`,
    selection: s,
    described: printable(describeSelection(s, countryName)),
    generated: (opts.now ?? new Date()).toISOString(),
    previous,
    figures: figuresOf(events, happenings, articles),
    previousFigures: figuresOf(before, beforeHappenings, articles),
    toll: tollOf(happenings),
    interval,
    timeline: { periods, series: [...byType].map(([event, counts]) => ({ event, counts })).sort((a, b) => a.event.localeCompare(b.event)) },
    points,
    countries: top(countries, 250, (n) => n).map(([iso3, n]) => ({ iso3, name: countryName(iso3), happenings: n })),
    actors: top(actors, 10, (n) => n).map(([name, n]) => ({ name: printable(name), happenings: n })),
    dyads: top(dyads, 10, (d) => d.happenings).map(([, d]) => ({ ...d, actor: printable(d.actor), recipient: printable(d.recipient), goldstein: Math.round(d.goldstein * 10) / 10 })),
    key,
    quality: {
      events: events.length,
      undated: events.filter((e) => e.date_precision !== 'day').length,
      unplaced: events.filter((e) => !e.location || e.location.precision === 'country').length,
      singleSourced: happenings.filter((h) => new Set(h.reports.map((r) => r.article_id)).size === 1).length,
    },
    sources: top(sourceCounts, 1000, (n) => n).map(([name, n]) => ({ name: printable(name), articles: n })),
  };
}

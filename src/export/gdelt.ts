/**
 * GDELT 2.0's event table (61 tab-separated columns, GDELT Event Codebook 2.0 order) and its
 * mentions table (16 columns), so scripts written for GDELT read acta's events. A row of the event
 * table is a happening (acta's reports of one event merged, src/cluster): NumMentions,
 * NumSources and NumArticles count its reports; the mentions table has a row per telling.
 * GDELT writes its geography in FIPS 10-4 country codes (data/country-codes.tsv). What acta does
 * not know is left empty, not guessed: tone (AvgTone), ethnic and religious codes, a speaker's
 * whereabouts (actorPlace), and the feature ids of GDELT's gazetteer.
 */
import { createHash } from 'node:crypto';
import type { CodedEvent, Entity, Place } from '../doc/types.js';
import type { Happening } from '../cluster/index.js';
import { countryInfo } from '../places/countries.js';
import { firstStored, reportSources, sourceName, type ArticleLookup } from './articles.js';
import { countryCodes } from './country-codes.js';
import { tsvRow } from '../output/cells.js';

const ACTOR_COLUMNS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_COLUMNS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The event table's 61 columns in GDELT 2.0's order. */
export const GDELT_EVENT_COLUMNS: readonly string[] = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_COLUMNS.map((c) => `Actor1${c}`), ...ACTOR_COLUMNS.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_COLUMNS.map((c) => `Actor1Geo_${c}`), ...GEO_COLUMNS.map((c) => `Actor2Geo_${c}`), ...GEO_COLUMNS.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL',
];

/** The mentions table's 16 columns in GDELT 2.0's order. */
export const GDELT_MENTION_COLUMNS: readonly string[] = [
  'GlobalEventID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName', 'MentionIdentifier', 'SentenceID',
  'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset', 'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone',
  'MentionDocTranslationInfo', 'Extras',
];

/**
 * GDELT's ids are integers: the first 13 hex digits (52 bits, an exact JavaScript number) of the
 * event's id when it is hex, else of its SHA-1 — the same event gets the same id in every export.
 */
export function globalEventId(id: string): number {
  const hex = /^[0-9a-f]{13,}$/i.test(id) ? id : createHash('sha1').update(id).digest('hex');
  return parseInt(hex.slice(0, 13), 16);
}

/** Day, MonthYear, Year and FractionDate as GDELT writes them; the parts finer than the date's precision are empty. */
export function gdeltDate(e: CodedEvent): [string, string, string, string] {
  if (!e.date) return ['', '', '', ''];
  const [y, m, d] = e.date.split('-');
  if (e.date_precision === 'day' && d) {
    // GDELT's own formula: the year plus (month × 30 + day) / 365.
    const fraction = (Number(y) + (Number(m) * 30 + Number(d)) / 365).toFixed(4);
    return [`${y}${m}${d}`, `${y}${m}`, y, fraction];
  }
  if (m) return ['', `${y}${m}`, y, ''];
  return ['', '', y, ''];
}

/** YYYYMMDDHHMMSS of an ISO timestamp, GDELT's DATEADDED form; empty when unknown. */
export function gdeltTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '';
  return t.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function actorColumns(es: Entity[]): string[] {
  const a = es[0];
  if (!a) return ACTOR_COLUMNS.map(() => '');
  return [a.code ?? '', a.name.toUpperCase(), a.country ?? '', '', '', '', '', a.sector ?? '', '', ''];
}

const US = 'USA';

/** GDELT's geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (province). */
function geoType(p: Place): number {
  if (p.precision === 'country') return 1;
  const us = p.country === US;
  if (p.precision === 'admin1') return us ? 2 : 5;
  return us ? 3 : 4;
}

/** The eight ActionGeo columns of a place; all empty and type 0 when the event has none. */
export function geoColumns(p: Place | null): (string | number)[] {
  if (!p) return [0, '', '', '', '', '', '', ''];
  const fips = countryCodes(p.country)?.fips ?? '';
  const countryName = p.country ? countryInfo(p.country)?.name ?? null : null;
  const type = geoType(p);
  const full = [p.precision === 'country' ? null : p.name, p.precision === 'admin1' ? null : p.admin1, countryName]
    .filter((x, i, all): x is string => !!x && all.indexOf(x) === i).join(', ');
  // A country's ADM1Code and FeatureID are its FIPS code in GDELT; below it, GDELT's province codes and
  // gazetteer ids are not acta's, so they stay empty.
  const adm1 = type === 1 ? fips : '';
  const feature = type === 1 ? fips : '';
  const point = type === 1 ? ['', ''] : [p.lat ?? '', p.lon ?? ''];
  return [type, full, fips, adm1, '', point[0], point[1], feature];
}

/**
 * Where a side was when the event happened, for GDELT's ActorNGeo: the event's own place for a
 * material act (QuadClass 2 or 4: the doer and the one it is done to were there); unknown for a
 * statement, whose speaker may be anywhere, and for a side the event does not have.
 */
export function actorPlace(e: CodedEvent, side: Entity[]): Place | null {
  return side.length && (e.quad_class === 2 || e.quad_class === 4) ? e.location : null;
}

/** One happening as a row of GDELT's event table (61 cells). */
export function gdeltEventRow(h: Happening, articles: ArticleLookup): string {
  const e = h.event;
  const sources = reportSources(h.reports, articles);
  const first = firstStored(h.reports, articles);
  const own = articles(e.article_id);
  const cameo = e.cameo ?? '';
  // The lead: the headline or the first sentence after it tells the happening.
  const isRoot = h.reports.some((r) => (r.mentions?.length ? r.mentions : [r]).some((m) => m.sentence.index <= 1)) ? 1 : 0;
  return tsvRow([
    globalEventId(e.id), ...gdeltDate(e),
    ...actorColumns(e.actor), ...actorColumns(e.recipient),
    isRoot, cameo, cameo.slice(0, 3), cameo.slice(0, 2), e.quad_class, e.goldstein,
    h.reports.reduce((n, r) => n + (r.mentions?.length || 1), 0), sources.length, new Set(h.reports.map((r) => r.article_id)).size, '',
    ...geoColumns(actorPlace(e, e.actor)), ...geoColumns(actorPlace(e, e.recipient)), ...geoColumns(e.location),
    gdeltTimestamp(first), own?.meta.url ?? own?.meta.id ?? e.article_id,
  ]);
}

/** The header line of the event table (GDELT's own files have none; tools that want one get it). */
export const gdeltEventHeader = () => tsvRow([...GDELT_EVENT_COLUMNS]);
export const gdeltMentionHeader = () => tsvRow([...GDELT_MENTION_COLUMNS]);

/** Where in the article a side of the event is told within a sentence: its offset, or -1. */
function offsetIn(es: Entity[], sentence: { start: number; end: number }): number {
  const a = es.find((x) => x.start >= sentence.start && x.end <= sentence.end);
  return a ? a.start : -1;
}

/** The mentions table's rows of a happening: one per telling in each report. */
export function gdeltMentionRows(h: Happening, articles: ArticleLookup): string {
  const id = globalEventId(h.event.id);
  const added = gdeltTimestamp(firstStored(h.reports, articles));
  let out = '';
  for (const r of h.reports) {
    const a = articles(r.article_id);
    const published = a?.meta.published ? gdeltTimestamp(`${a.meta.published}T00:00:00Z`) : gdeltTimestamp(a?.ingestedAt);
    for (const m of r.mentions?.length ? r.mentions : [{ sentence: r.sentence, trigger: r.trigger }]) {
      out += tsvRow([
        id, added, published, 1, a ? sourceName(a.meta) ?? '' : '', a?.meta.url ?? a?.meta.id ?? r.article_id, m.sentence.index + 1,
        offsetIn(r.actor, m.sentence), offsetIn(r.recipient, m.sentence), m.trigger.start, 1, Math.round(r.confidence * 100),
        a?.text.length ?? '', '', '', '',
      ]);
    }
  }
  return out;
}

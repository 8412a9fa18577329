/**
 * ACLED's CSV: its columns, event types from PLOVER by data/plover-acled.tsv, actor types from
 * sectors by data/acled-inter.tsv, ISO numeric codes and regions from data/country-codes.tsv. A row
 * is a happening (src/cluster). Events outside ACLED's scope (statements, meetings, aid…) and
 * events without at least a month are left out: ACLED has no row for them. `notes` quotes the
 * sentence that tells the event; `fatalities` is the most killed any report counts (its floor:
 * "at least 12" is 12), empty when none counts the dead (src/events/casualties.ts).
 */
import type { CodedEvent, Entity } from '../doc/types.js';
import type { Happening } from '../cluster/index.js';
import { countryInfo } from '../places/countries.js';
import { loadTsv } from '../util/data.js';
import { firstStored, reportSources, type ArticleLookup } from './articles.js';
import { countryCodes } from './country-codes.js';
import { csvRow } from '../output/cells.js';

export const ACLED_COLUMNS: readonly string[] = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type',
  'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso',
  'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes',
  'fatalities', 'tags', 'timestamp'];

export interface AcledType { disorder_type: string; event_type: string; sub_event_type: string }

interface TypeRule extends AcledType { event: string; mode: string; recipient: 'armed' | 'unarmed' | '*' }

/** Sectors whose members bear arms: an assault on them is a battle, on anyone else violence against civilians. */
const ARMED = new Set(['MIL', 'COP', 'SPY', 'REB', 'INS', 'SEP', 'UAF', 'IMG', 'CRM']);

let rules: TypeRule[] | null = null;
let inter: Map<string, number> | null = null;

function typeRules(): TypeRule[] {
  rules ??= loadTsv('plover-acled.tsv').map((r) => ({
    event: r.event, mode: r.mode, recipient: r.recipient as TypeRule['recipient'],
    disorder_type: r.disorder_type, event_type: r.event_type, sub_event_type: r.sub_event_type,
  }));
  return rules;
}

function interCodes(): Map<string, number> {
  inter ??= new Map(loadTsv('acled-inter.tsv').map((r) => [r.sector, Number(r.inter)]));
  return inter;
}

function recipientIs(e: CodedEvent, want: TypeRule['recipient']): boolean {
  if (want === '*') return true;
  const sectors = e.recipient.map((r) => r.sector).filter((s): s is string => !!s);
  if (want === 'armed') return sectors.some((s) => ARMED.has(s));
  return sectors.length > 0 && !sectors.some((s) => ARMED.has(s));
}

/** ACLED's disorder, event and sub-event type of an event, or null when ACLED has no type for it. */
export function acledType(e: CodedEvent): AcledType | null {
  const rule = typeRules().find((r) => r.event === e.event && (r.mode === '*' || e.mode.includes(r.mode)) && recipientIs(e, r.recipient));
  return rule ? { disorder_type: rule.disorder_type, event_type: rule.event_type, sub_event_type: rule.sub_event_type } : null;
}

/** ACLED's actor type code of a side: protesters and rioters by the event, a state force abroad 8, else by sector. */
export function interCode(side: Entity | undefined, e: CodedEvent, type: AcledType, isActor: boolean): number | null {
  if (!side) return null;
  if (isActor && type.event_type === 'Riots') return 5;
  if (isActor && type.event_type === 'Protests' && type.sub_event_type !== 'Excessive force against protesters') return 6;
  if (!isActor && type.sub_event_type === 'Excessive force against protesters') return 6;
  const code = side.sector ? interCodes().get(side.sector) ?? null : null;
  if (code === 1 && side.country && e.location?.country && side.country !== e.location.country) return 8;
  return code;
}

/** A side as ACLED names actors: the name, with its country in brackets unless the name says it ("Protesters (Iraq)"). */
function sideName(x: Entity | undefined): string {
  if (!x) return '';
  // A side that is the country itself ("Iraq", "US": its code is the country's) needs no bracket.
  if (!x.country || x.code === x.country) return x.name;
  return `${x.name} (${countryInfo(x.country)?.name ?? x.country})`;
}

/** ACLED's time precision: 1 the day is known, 2 the week, 3 the month. */
const timePrecision = (e: CodedEvent) => (e.date_precision === 'day' ? 1 : 3);

/** ACLED's geo precision: 1 the town, 2 near it or a part of a region, 3 a province or larger. */
const geoPrecision = (e: CodedEvent) => (!e.location ? null : e.location.precision === 'city' || e.location.precision === 'site' ? 1 : e.location.precision === 'admin2' ? 2 : 3);

/** The sentence that tells the event, as ACLED's notes tell the story (the words acta coded it from). */
function notesOf(e: CodedEvent, articles: ArticleLookup): string {
  const a = articles(e.article_id);
  return a ? a.text.slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ').trim() : '';
}

/** The most killed any report of the happening counts, or null when none counts them. */
function fatalities(h: Happening): number | null {
  const counts = h.reports.map((r) => r.casualties?.killed?.min).filter((n): n is number => n !== undefined);
  return counts.length ? Math.max(...counts) : null;
}

/** A happening as an ACLED row, or null when ACLED has no row for it (no type, or no month). */
export function acledRow(h: Happening, articles: ArticleLookup): string | null {
  const e = h.event;
  const type = acledType(e);
  if (!type || !e.date || e.date_precision === 'year') return null;
  const [actor1, ...assoc1] = e.actor;
  const [actor2, ...assoc2] = e.recipient;
  const inter1 = interCode(actor1, e, type, true);
  const inter2 = interCode(actor2, e, type, false);
  const interaction = inter1 === null ? '' : inter2 === null ? `${inter1}0` : `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
  const iso3 = e.location?.country ?? null;
  const codes = countryCodes(iso3);
  const country = iso3 ? countryInfo(iso3)?.name ?? '' : '';
  const place = e.location;
  const countryOnly = !place || place.precision === 'country';
  const sources = reportSources(h.reports, articles);
  const added = firstStored(h.reports, articles);
  const civilians = type.event_type === 'Violence against civilians' || type.sub_event_type === 'Excessive force against protesters';
  return csvRow([
    `${iso3 ?? 'XXX'}${String(parseInt(e.id.slice(0, 8), 16) || 0)}`,
    e.date_precision === 'day' ? e.date : `${e.date.slice(0, 7)}-01`, e.date.slice(0, 4), timePrecision(e),
    type.disorder_type, type.event_type, type.sub_event_type,
    sideName(actor1), assoc1.map(sideName).join('; '), inter1, sideName(actor2), assoc2.map(sideName).join('; '), inter2, interaction,
    civilians ? 'Civilian targeting' : '',
    codes?.isoNumeric ? Number(codes.isoNumeric) : '', codes?.acledRegion ?? '', country,
    place?.admin1 ?? '', '', '', countryOnly ? country : place.name,
    countryOnly ? '' : place.lat, countryOnly ? '' : place.lon, countryOnly ? (place ? 3 : '') : geoPrecision(e),
    sources.join('; '), '', notesOf(e, articles), fatalities(h), '',
    added ? Math.floor(new Date(added).getTime() / 1000) : '',
  ]);
}

export const acledHeader = () => csvRow([...ACLED_COLUMNS]);

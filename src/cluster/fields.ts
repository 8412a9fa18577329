/**
 * fields: what a happening says, decided from its reports. Each field takes the value its
 * reports agree on, at the most precise level they give; where reports disagree (two days,
 * two death tolls, one report denying) the happening keeps every value with the reports
 * behind it in `disagreements` instead of silently keeping one.
 */
import type { CodedEvent, DatePrecision, Entity, Place, Realis, CasualtyCategory, CasualtyCount } from '../doc/types.js';
import type { Report } from './report.js';

/** One field the reports disagree on: each value, with the ids (article_id#event id) of the reports giving it. */
export interface Disagreement {
  field: 'date' | 'place' | 'certainty' | `casualties.${CasualtyCategory}`;
  values: Array<{ value: string; reports: string[] }>;
}

export interface HappeningFields {
  event: string;
  cameo: string | null;
  realis: Realis;
  date: string | null;
  date_precision: DatePrecision;
  /** The days the reports put it on, first and last (YYYY-MM-DD); null when none gives a day. */
  first_day: string | null;
  last_day: string | null;
  location: Place | null;
  actor: Entity[];
  recipient: Entity[];
  casualties: Partial<Record<CasualtyCategory, CasualtyCount>> | null;
  disagreements: Disagreement[];
  /** The report standing for the happening: the most confident. */
  representative: Report;
}

export const reportId = (e: CodedEvent) => `${e.article_id}#${e.id}`;

const DATE_RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1, unknown: 0 };
const PLACE_RANK: Record<string, number> = { site: 6, city: 5, admin2: 4, admin1: 3, country: 2, region: 1 };

/** The values reports give for one field, most reports first (ties: first given), with who gave them. */
function tally(reports: readonly Report[], valueOf: (e: CodedEvent) => string | null): Array<{ value: string; reports: string[] }> {
  const by = new Map<string, string[]>();
  for (const r of reports) {
    const v = valueOf(r.event);
    if (v === null) continue;
    by.set(v, [...(by.get(v) ?? []), reportId(r.event)]);
  }
  return [...by].map(([value, ids]) => ({ value, reports: ids })).sort((a, b) => b.reports.length - a.reports.length);
}

/** A party of a side, as reports agree on it: its code, else its name. */
const partyKey = (x: Entity) => x.code ?? x.name.toLowerCase();

/** Parties more than half the reports that name a side at all give it, in the order the representative names them. */
function agreedSide(reports: readonly Report[], sideOf: (e: CodedEvent) => Entity[]): Entity[] {
  const naming = reports.filter((r) => sideOf(r.event).length > 0);
  if (naming.length === 0) return [];
  const count = new Map<string, { n: number; entity: Entity }>();
  for (const r of naming) for (const x of new Map(sideOf(r.event).map((x) => [partyKey(x), x])).values()) {
    const k = partyKey(x);
    const c = count.get(k);
    if (c) c.n++; else count.set(k, { n: 1, entity: x });
  }
  const agreed = [...count.values()].filter((c) => c.n * 2 > naming.length).map((c) => c.entity);
  return agreed.length ? agreed : sideOf(naming[0].event);
}

export function happeningFields(reports: readonly Report[]): HappeningFields {
  if (reports.length === 0) throw new Error('a happening has at least one report');
  const byConfidence = [...reports].sort((a, b) => b.event.confidence - a.event.confidence);
  const representative = byConfidence[0];
  const e = representative.event;
  const disagreements: Disagreement[] = [];

  // Date: the most precise the reports give; the day most of them give, the others kept.
  const best = Math.max(...reports.map((r) => DATE_RANK[r.event.date_precision]));
  const dated = reports.filter((r) => DATE_RANK[r.event.date_precision] === best && r.event.date);
  const dates = tally(dated, (x) => x.date);
  if (dates.length > 1) disagreements.push({ field: 'date', values: dates });
  const days = reports.map((r) => r.event.date_precision === 'day' ? r.event.date : null).filter((d): d is string => !!d).sort();

  // Place: the most precise place given; disagreement when reports place it in different places at that level.
  const placed = reports.filter((r) => r.event.location);
  const bestPlace = Math.max(0, ...placed.map((r) => PLACE_RANK[r.event.location!.precision] ?? 0));
  const atBest = placed.filter((r) => (PLACE_RANK[r.event.location!.precision] ?? 0) === bestPlace);
  const places = tally(atBest, (x) => x.location ? `${x.location.name}|${x.location.country ?? ''}` : null);
  if (places.length > 1) disagreements.push({ field: 'place', values: places });
  const location = atBest.find((r) => places.length && `${r.event.location!.name}|${r.event.location!.country ?? ''}` === places[0].value)?.event.location ?? null;

  // Certainty: one report denying what others assert is kept.
  const certainties = tally(reports, (x) => x.attribution.certainty);
  if (certainties.length > 1 && certainties.some((c) => c.value === 'denied' || c.value === 'alleged')) disagreements.push({ field: 'certainty', values: certainties });

  // Casualties: the count most reports give; different counts kept.
  let casualties: HappeningFields['casualties'] = null;
  for (const category of ['killed', 'injured', 'arrested', 'displaced'] as const) {
    const counts = tally(reports, (x) => {
      const c = x.casualties?.[category];
      return c ? `${c.min}-${c.max ?? ''}` : null;
    });
    if (counts.length === 0) continue;
    if (counts.length > 1) disagreements.push({ field: `casualties.${category}`, values: counts });
    const giver = reports.find((r) => counts[0].reports.includes(reportId(r.event)))!;
    casualties = { ...(casualties ?? {}), [category]: giver.event.casualties![category]! };
  }

  return {
    event: e.event, cameo: e.cameo || null, realis: e.realis ?? 'actual',
    date: dates[0]?.value ?? null, date_precision: dates.length ? (Object.keys(DATE_RANK) as DatePrecision[]).find((p) => DATE_RANK[p] === best)! : 'unknown',
    first_day: days[0] ?? null, last_day: days[days.length - 1] ?? null,
    location,
    actor: agreedSide(byConfidence, (x) => x.actor),
    recipient: agreedSide(byConfidence, (x) => x.recipient),
    casualties, disagreements, representative,
  };
}

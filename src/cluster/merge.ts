/**
 * merge: which stored happening a new report joins. The store asks `candidateWindow` which
 * happenings could hold the report (by type and days), loads them with their reports, and
 * lets `chooseHappening` decide: join one, start a new one, or join one and absorb others the
 * report shows to be the same happening (the absorbed ids then redirect to the survivor).
 *
 * Today's rule: the same PLOVER type, the same day, the same sides (actor and recipient
 * countries with their sectors, or names), compatible places (the same place, or one of them
 * unplaced). Undated, non-actual or unattributed-doubt events are never merged.
 */
import type { CodedEvent, Entity } from '../doc/types.js';
import type { Report } from './report.js';

/** Which happenings a report could join: their type is one of `types`, their days overlap from..to, their realis class is `realis`. */
export interface CandidateWindow {
  types: string[];
  /** First and last day (YYYY-MM-DD) the report's happening could have been on. */
  from: string;
  to: string;
  realis: 'actual' | 'non-actual';
}

/** A stored happening offered to a report, with its reports. */
export interface Candidate {
  id: string;
  reports: Report[];
}

/** What a report does: join `join` (null: start a new happening) and fold `absorb` into it. */
export interface MergeDecision {
  join: string | null;
  absorb: string[];
}

/**
 * Who a side is, for telling happenings apart: each party's country with its
 * sector ("MLI/MIL" and "MLI/REB" are different sides though both Malian:
 * troops fighting rebels and troops killing civilians are two happenings), or
 * its name when neither is known.
 */
const party = (x: Entity) => (x.country || x.sector ? `${x.country ?? ''}/${x.sector ?? ''}` : x.name.toLowerCase());
const side = (es: Entity[]) => [...new Set(es.map(party))].sort().join('+');

/** The key two reports of one happening share, or null when the event is not mergeable. */
export function happeningKey(e: CodedEvent): string | null {
  if (e.negated || (e.realis ?? 'actual') !== 'actual' || e.date_precision !== 'day' || !e.date) return null;
  if (e.attribution.certainty !== 'asserted' && e.attribution.certainty !== 'reported') return null;
  if (e.actor.length === 0 && e.recipient.length === 0) return null;
  return [e.event, e.date, side(e.actor), side(e.recipient)].join('|');
}

const placeKey = (e: CodedEvent) => (e.location ? String(e.location.geonames_id ?? `${e.location.name}|${e.location.country}`).toLowerCase() : null);

/** The happenings a report could join, or null when it always stands alone. */
export function candidateWindow(r: Report): CandidateWindow | null {
  const e = r.event;
  if (happeningKey(e) === null || !e.date) return null;
  return { types: [e.event], from: e.date, to: e.date, realis: 'actual' };
}

/** Whether two reports tell one happening. */
export function sameHappening(a: Report, b: Report): boolean {
  const ka = happeningKey(a.event);
  if (ka === null || ka !== happeningKey(b.event)) return false;
  const pa = placeKey(a.event), pb = placeKey(b.event);
  return pa === null || pb === null || pa === pb;
}

/**
 * Join the first candidate every report of which tells the same happening as this one (the
 * candidates come oldest first); start a new happening when none fits.
 */
export function chooseHappening(r: Report, candidates: readonly Candidate[]): MergeDecision {
  if (candidateWindow(r) === null) return { join: null, absorb: [] };
  const fit = candidates.find((c) => c.reports.every((o) => sameHappening(r, o)));
  return { join: fit?.id ?? null, absorb: [] };
}

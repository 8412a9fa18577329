/**
 * cluster: reports of the same real-world happening, merged. Peers count
 * reports instead of events; here two coded events are one happening when
 * they have the same PLOVER type, the same day, the same sides (actor and
 * recipient countries with their sectors, or names) and compatible places (the same
 * place, or one of them unplaced). Undated, negated, hypothetical or future
 * events are never merged: there is nothing to say they happened once.
 */
import type { CodedEvent, Entity } from '../doc/types.js';

export interface Happening {
  /** The most confident report, standing for the happening. */
  event: CodedEvent;
  /** Every report of it (the representative included), most confident first. */
  reports: CodedEvent[];
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

/** Group events into happenings, in the order of their first report. */
export function clusterEvents(events: CodedEvent[]): Happening[] {
  const groups: CodedEvent[][] = [];
  const byKey = new Map<string, CodedEvent[][]>();
  for (const e of events) {
    const key = happeningKey(e);
    if (key === null) { groups.push([e]); continue; }
    const candidates = byKey.get(key) ?? [];
    // Same happening only where the places agree (an unplaced report joins any).
    const p = placeKey(e);
    const fit = candidates.find((g) => g.every((o) => p === null || placeKey(o) === null || placeKey(o) === p));
    if (fit) { fit.push(e); continue; }
    const g = [e];
    candidates.push(g);
    byKey.set(key, candidates);
    groups.push(g);
  }
  return groups.map((g) => {
    const reports = [...g].sort((a, b) => b.confidence - a.confidence);
    return { event: reports[0], reports };
  });
}

/** What a digest covers: a period and any countries, divisions, actors, event types and words. */
import type { EventQuery } from '../store/index.js';

export interface DigestSelection {
  from: string;
  to: string;
  countries: string[];
  admin1: string[];
  actors: string[];
  events: string[];
  text?: string;
}

/** Every store query a selection asks: one per combination of its lists (an empty list does not filter). */
export function selectionQueries(s: DigestSelection, period = { from: s.from, to: s.to }): EventQuery[] {
  const options = <T>(xs: T[]) => (xs.length ? xs : [undefined]);
  const out: EventQuery[] = [];
  for (const country of options(s.countries)) for (const admin1 of options(s.admin1)) for (const actor of options(s.actors)) {
    for (const event of options(s.events)) {
      out.push({ from: period.from, to: period.to, country, admin1, actor, event, text: s.text, realis: 'actual' });
    }
  }
  return out;
}

/** Days from one YYYY-MM-DD to another, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000) + 1;
}

/** The day `n` days after a YYYY-MM-DD (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/** The period of equal length just before: what a digest's changes are measured against. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  return { from: addDays(from, -daysBetween(from, to)), to: addDays(from, -1) };
}

/** The selection in words: "Iraq, Syria; ASSAULT; 1–31 January 2021". */
export function describeSelection(s: DigestSelection, countryName: (iso3: string) => string): string {
  const parts = [
    s.countries.length ? s.countries.map(countryName).join(', ') : 'all countries',
    s.admin1.length ? s.admin1.join(', ') : null,
    s.actors.length ? `actors ${s.actors.join(', ')}` : null,
    s.events.length ? s.events.join(', ') : 'all event types',
    s.text ? `articles with "${s.text}"` : null,
  ];
  return parts.filter(Boolean).join('; ');
}

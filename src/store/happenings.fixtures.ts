/**
 * Articles that report attacks, for the tests of stored happenings: each one event, its day,
 * sides, place and outlet chosen by the test. Not shipped (package.json leaves out *.fixtures.*).
 */
import type { Doc } from '../doc/types.js';
import { fixtureDoc, fixtureEvent, party, place, spanOf } from './explore.fixtures.js';

export interface AttackReport {
  /** The article's id; its text differs with it, so each is a new article. */
  id: string;
  published: string;
  /** The day of the attack (YYYY-MM-DD). */
  day: string;
  /** The town attacked, or null when the article names none. */
  town?: string | null;
  /** The attackers' country (their sector is MIL). */
  attacker?: string;
  /** The outlet that published the article. */
  source?: string | null;
  /** The verb that tells it (a test's merge decision may read it). */
  verb?: string;
}

const TOWNS: Record<string, [number, number]> = { Kharkiv: [49.99, 36.23], Kyiv: [50.45, 30.52], Lviv: [49.84, 24.03], Odesa: [46.48, 30.73] };

/** An article telling one attack by `attacker` forces on Ukraine. */
export function attackDoc(r: AttackReport): Doc {
  const town = r.town === undefined ? 'Kharkiv' : r.town;
  const verb = r.verb ?? 'shelled';
  const attacker = r.attacker ?? 'RUS';
  const text = `Attack (${r.id})\n\nForces ${verb} ${town ?? 'a town'} in Ukraine on ${r.day}, report ${r.id} says.\n`;
  const doc = fixtureDoc(text, r.id, r.published, [], (aid, t) => {
    const s = { index: 1, start: t.indexOf('Forces'), end: t.length - 1 };
    return [fixtureEvent(`${r.id}-e1`, aid, {
      event: 'ASSAULT', mode: [], cameo: '195', goldstein: -10, quad_class: 4,
      date: r.day, date_precision: 'day', date_text: r.day,
      actor: [{ ...party('Forces', 0, attacker, 'MIL'), ...spanOf(t, 'Forces') }],
      recipient: [{ ...party('Ukraine', 0, 'UKR', null), ...spanOf(t, 'Ukraine') }],
      location: town ? place(town, spanOf(t, town, s.start).start, 'UKR', null, ...TOWNS[town]) : null,
      sentence: s, trigger: { text: verb, ...spanOf(t, verb, s.start) }, confidence: 0.8,
    })];
  });
  return { ...doc, meta: { ...doc.meta, source: r.source === undefined ? `outlet-${r.id}` : r.source } };
}

/** Forty attack reports over three days, four towns and two attackers: articles several processes share out. */
export function sharedAttacks(): AttackReport[] {
  const towns = Object.keys(TOWNS);
  return Array.from({ length: 40 }, (_, i) => ({
    id: `r${i}`, published: '2023-05-20', day: `2023-05-1${i % 3}`, town: towns[(i * 7) % towns.length], attacker: i % 5 === 0 ? 'BLR' : 'RUS',
  }));
}

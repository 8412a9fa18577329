/** The Lexicon built from acta's own data files (countries, gazetteer, role words, names, actors). */
import { actorOnDate, actorsByName, compoundParticiple, givenName, honorific, indexActors, matchRoleWords, orgWord, splitCompound, type ActorIndex, type ActorRow } from '../actors/knowledge.js';
import { countryByCapitalMetonym, countryByDemonym, countryByName } from '../places/countries.js';
import { placeCountryOf } from '../places/gazetteer.js';
import type { ActorEntry, Lexicon } from './lexicon.js';

let cached: Lexicon | null = null;

export function defaultLexicon(): Lexicon {
  if (cached) return cached;
  cached = {
    countryByName,
    countryByDemonym: (s) => countryByDemonym(splitCompound(s)?.owner ?? s),
    countryByCapital: countryByCapitalMetonym,
    isPlace: (s) => placeCountryOf(s) !== null,
    placeCountry: (s) => countryByName(s) ?? placeCountryOf(s),
    roleAt: (lower, i) => {
      const m = matchRoleWords(lower, i);
      return m ? { length: m.length, sector: m.sector, type: m.type === 'ORG' ? 'ORG' : 'PER', phrase: lower.slice(i, i + m.length).join(' ') } : null;
    },
    orgWord: (w) => orgWord(w),
    givenName: (w) => givenName(w),
    honorific: (w) => honorific(w),
    compoundOwnsForces: (w) => compoundParticiple(w.toLowerCase())?.ownForces ?? null,
    actor: (name, date) => actorEntry(name, date),
  };
  return cached;
}

/**
 * The dictionary's entry for a name on a date: the row in force on the date; else the last one
 * before it (a person who has since died or left office is still reported under the office they
 * held), else the earliest. `index` is acta's own dictionary unless a user's is given.
 */
function actorEntry(name: string, date: string | null, index?: ActorIndex): ActorEntry | null {
  let row = actorOnDate(name, date, index);
  const rows = actorsByName(name, index);
  if (!row) {
    const before = rows.filter((r) => r.to !== null && date !== null && r.to <= date).sort((a, b) => (b.to! < a.to! ? -1 : 1));
    row = before[0] ?? rows.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1))[0] ?? null;
  }
  if (!row) return null;
  const sectors = [...new Set(rows.filter((r) => r.names[0] === row!.names[0] && r.sector).map((r) => r.sector))];
  return { type: row.type, country: row.country || null, sector: row.sector || null, name: row.names[0], sectors };
}

const withActorsCache = new WeakMap<readonly ActorRow[], Lexicon>();

/**
 * acta's lexicon with a user's actor rows above its own dictionary: a name the user's rows know
 * is coded from them alone (their terms of office included); other names as acta knows them.
 */
export function lexiconWithActors(rows: readonly ActorRow[]): Lexicon {
  const hit = withActorsCache.get(rows);
  if (hit) return hit;
  const base = defaultLexicon();
  const index = indexActors(rows);
  const lex: Lexicon = {
    ...base,
    actor: (name, date) => actorEntry(name, date, index) ?? base.actor(name, date),
  };
  withActorsCache.set(rows, lex);
  return lex;
}

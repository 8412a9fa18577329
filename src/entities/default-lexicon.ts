/** The Lexicon built from acta's own data files (countries, gazetteer, role words, names, actors). */
import { actorOnDate, actorsByName, compoundParticiple, givenName, honorific, matchRoleWords, orgWord, splitCompound } from '../actors/knowledge.js';
import { countryByCapitalMetonym, countryByDemonym, countryByName } from '../places/countries.js';
import { placeCountryOf } from '../places/gazetteer.js';
import type { Lexicon } from './lexicon.js';

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
    actor: (name, date) => {
      // The row in force on the date; else the last one before it (a person who has since died
      // or left office is still reported under the office they held), else the earliest.
      let row = actorOnDate(name, date);
      const rows = actorsByName(name);
      if (!row) {
        const before = rows.filter((r) => r.to !== null && date !== null && r.to <= date).sort((a, b) => (b.to! < a.to! ? -1 : 1));
        row = before[0] ?? rows.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1))[0] ?? null;
      }
      if (!row) return null;
      const sectors = [...new Set(rows.filter((r) => r.names[0] === row!.names[0] && r.sector).map((r) => r.sector))];
      return { type: row.type, country: row.country || null, sector: row.sector || null, name: row.names[0], sectors };
    },
  };
  return cached;
}

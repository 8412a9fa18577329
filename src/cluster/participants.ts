/**
 * participants: whether two reports give their happening the same sides. A side no report names
 * is unknown and fits any; a side named in both agrees when some party of one is a party of the
 * other (the same name, or the same country in a compatible sector: "Reagan" and "U.S. forces"
 * are one state acting), and contradicts when every party each names is of another country or of
 * an opposed standing (troops and rebels of one country are two sides).
 */
import type { Entity } from '../doc/types.js';
import { loadTsv, splitList } from '../util/data.js';

/** none: neither report names the side; unknown: one does not, or names it too vaguely to tell. */
export type SideRelation = 'agree' | 'none' | 'unknown' | 'contradict';

let standings: Map<string, string> | null = null;
/** Each sector's standing (data/sectors.tsv): 'state' for a state's offices, 'society' for people and bodies outside it, '' otherwise. */
const standingOf = (sector: string): string => (standings ??= new Map(loadTsv('sectors.tsv').map((r) => [r.code, r.standing ?? '']))).get(sector) ?? '';

/**
 * Whether two sectors can be one party's: the same sector, or two offices of one state (a
 * president orders, the navy strikes: reports credit either), or two parts of its society
 * (residents, workers, traders); an unknown sector, or armed men of unknown allegiance (UAF), fit any.
 */
export function sectorsFit(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b || a === 'UAF' || b === 'UAF') return true;
  const sa = standingOf(a), sb = standingOf(b);
  return sa !== '' && sa === sb;
}

const nameKey = (x: Entity) => x.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The countries a text names (data/countries.tsv: names, other names, demonyms; as written or
 * in capitals, so "US" is the country and "us" is not).
 */
export function countriesNamed(text: string): Set<string> {
  const { pattern, countryOf } = countryNames();
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    const iso3 = countryOf.get(m[0]);
    if (iso3) found.add(iso3);
  }
  return found;
}

let names: { pattern: RegExp; countryOf: Map<string, string> } | null = null;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern for every country's names (longest first, so "United States of America" wins over "United States"), and the country of each. */
function countryNames(): { pattern: RegExp; countryOf: Map<string, string> } {
  if (names) return names;
  const countryOf = new Map<string, string>();
  for (const r of loadTsv('countries.tsv')) {
    const written = [r.name, ...splitList(r.aliases), ...splitList(r.demonyms)].filter((n) => n.length > 1);
    // and in capitals, as headlines write them ("IRAN")
    for (const n of [...written, ...written.map((w) => w.toUpperCase())]) if (!countryOf.has(n)) countryOf.set(n, r.iso3);
  }
  const alternatives = [...countryOf.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).map(escape);
  // Word-bounded; a name ending in a dot ("U.S.") is bounded by the dot itself.
  names = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), countryOf };
  return names;
}

/**
 * Countries each report's sentences name, where a party of another country than the other
 * report's is no contradiction when each report names the other's country: a target can be of
 * two countries at once ("a Kuwaiti tanker flying the U.S. flag"), and reports credit it to either.
 */
export interface NamedCountries {
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
}

/** How two parties relate: the same name or country (in fitting sectors) agree; two known countries, or opposed sectors, contradict. */
export function partyRelation(a: Entity, b: Entity, named?: NamedCountries): SideRelation {
  if (a.country && b.country) {
    if (a.country !== b.country) return named && named.a.has(b.country) && named.b.has(a.country) ? 'unknown' : 'contradict';
    return sectorsFit(a.sector, b.sector) ? 'agree' : 'contradict';
  }
  if (nameKey(a) !== '' && nameKey(a) === nameKey(b)) return 'agree';
  if (properName(a) && properName(b) && !nameKey(a).includes(nameKey(b)) && !nameKey(b).includes(nameKey(a))) return 'contradict';
  return 'unknown';
}

/**
 * A person or organisation named by its proper name ("Varitronic Systems Inc", "Walters"), not
 * described ("the company", "a group"): two such names of no known country, neither within the
 * other, are two parties ("Safeway Stores Inc" and "Armtek Corp"; "Wright" and "James Wright" may be one).
 */
const properName = (x: Entity) => (x.type === 'ORG' || x.type === 'PER') && /^\p{Lu}/u.test(x.name) && nameKey(x) !== '';

/** How two reports' sides relate: agree when any two parties agree; contradict when every two parties whose countries are known contradict; else unknown. */
export function sideRelation(a: readonly Entity[], b: readonly Entity[], named?: NamedCountries): SideRelation {
  if (a.length === 0 && b.length === 0) return 'none';
  if (a.length === 0 || b.length === 0) return 'unknown';
  let contradictions = 0, known = 0;
  for (const x of a) for (const y of b) {
    const r = partyRelation(x, y, named);
    if (r === 'agree') return 'agree';
    if (r === 'contradict') contradictions++;
    if (r !== 'unknown') known++;
  }
  return known > 0 && contradictions === known ? 'contradict' : 'unknown';
}

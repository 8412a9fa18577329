/**
 * What a name run is: strips leading titles and modifiers ("US President",
 * "Brigadier General", "Former Deputy Prime Minister for Energy Affairs") into
 * roles, then types the rest PER / ORG / LOC / MISC from dictionaries, head
 * words ("… Forces", "… Court", "… Governorate") and name shape.
 */
import type { EntityType } from '../doc/types.js';
import type { Lexicon } from './lexicon.js';

export interface NamePart {
  /** Offsets into `words` (inclusive). */
  first: number;
  last: number;
  type: EntityType;
  /** Role phrases from the title before the name, lower case. */
  roles: string[];
  /** Sectors of those roles, in order. */
  roleSectors: string[];
  /** A country named in the title ("US President", "Iraqi Commander"). */
  titleCountry: string | null;
  /** How the type was decided ("dictionary", "org-head", …): evidence for actors. */
  evidence: string;
  /** True when the part is only a title, with no name ("the Major General"). */
  roleOnly: boolean;
  /**
   * The word of the title that named the country ("Russian" in "Russian Prime Minister X",
   * "U.S." in "U.S. Envoy Y"), an offset into `words`, and what it is on its own: a demonym
   * (MISC) or a country's name (LOC).
   */
  countryWord?: { index: number; type: 'MISC' | 'LOC' };
}

const PRE_TITLE = new Set(['former', 'acting', 'then', 'late', 'interim', 'outgoing', 'incoming', 'ex']);
const OF_WORDS = new Set(['of', 'for']);

const joinWords = (words: string[], a: number, b: number) => words.slice(a, b + 1).join(' ').replace(/ - /g, '-').replace(/ -/g, '-').replace(/- /g, '-');

/** Classify the words of one name run into one or two parts (a title's organisation and a person). */
export function classifyRun(words: string[], lex: Lexicon, date: string | null): NamePart[] {
  const lower = words.map((w) => w.toLowerCase());
  const n = words.length;
  const whole = joinWords(words, 0, n - 1);
  const hit = lex.actor(whole, date);
  if (hit && (hit.type === 'PER' || hit.type === 'ORG' || hit.type === 'LOC')) {
    return [part(0, n - 1, hit.type as EntityType, [], [], null, 'dictionary')];
  }
  // 1. Peel the title off the front.
  const roles: string[] = [];
  const roleSectors: string[] = [];
  let titleCountry: string | null = null;
  let countryWord: NamePart['countryWord'];
  let i = 0;
  while (i < n) {
    if (PRE_TITLE.has(lower[i]) || lower[i] === '-') { i++; continue; }
    const role = lex.roleAt(lower, i);
    // A one-word title that is also a given name, before a single surname, is the given name: "Dean Porter".
    const givenBeforeSurname = role?.length === 1 && lex.givenName(lower[i]) && i + 2 === n;
    // A title word owning something is a name ("Queen's Park", "Lord's").
    if (role && /^['’]s?$/.test(lower[i + role.length] ?? '')) break;
    if (role && role.type === 'PER' && i + role.length <= n && !givenBeforeSurname) {
      roles.push(role.phrase); roleSectors.push(role.sector); i += role.length; continue;
    }
    if (lex.honorific(lower[i]) && i + 1 < n) { i++; continue; }
    const byDemonym = lex.countryByDemonym(words[i]);
    const demonym = byDemonym ?? (i + 1 < n ? lex.countryByName(words[i]) : null);
    if (demonym && i + 1 < n && (lex.roleAt(lower, i + 1)?.type === 'PER' || lex.honorific(lower[i + 1]))) {
      titleCountry = demonym; countryWord = { index: i, type: byDemonym ? 'MISC' : 'LOC' }; i++; continue;
    }
    break;
  }
  if (roles.length === 0) { i = 0; titleCountry = null; countryWord = undefined; }
  const withCountry = (parts: NamePart[]) => (countryWord ? parts.map((p) => (p.titleCountry ? { ...p, countryWord } : p)) : parts);
  if (i >= n) return withCountry([part(0, n - 1, 'PER', roles, roleSectors, titleCountry, 'title', true)]);
  // 2. "Leader of the Fatah Alliance", "Minister for Energy Affairs Baha al-Araji".
  if (roles.length > 0 && OF_WORDS.has(lower[i])) {
    let k = i + 1;
    if (lower[k] === 'the') k++;
    const personStart = findPersonTail(words, lower, k, lex);
    const orgEnd = personStart === null ? n - 1 : personStart - 1;
    const parts: NamePart[] = [];
    // "Minister for Energy Affairs X": a portfolio after "for" is part of the title, not a body.
    if (orgEnd >= k && !(lower[i] === 'for' && personStart !== null)) parts.push(typeOf(words, lower, k, orgEnd, lex, date, [], [], null));
    if (personStart !== null) parts.push(part(personStart, n - 1, 'PER', roles, roleSectors, titleCountry, 'title'));
    return withCountry(parts);
  }
  const rest = typeOf(words, lower, i, n - 1, lex, date, roles, roleSectors, titleCountry);
  if (roles.length > 0 && rest.type !== 'ORG' && rest.type !== 'LOC') {
    return withCountry([{ ...rest, type: 'PER', evidence: 'title' }]);
  }
  return withCountry([rest]);
}

/** Where a person's name begins at the end of a title run, if one does. */
function findPersonTail(words: string[], lower: string[], from: number, lex: Lexicon): number | null {
  for (let k = from; k < words.length; k++) {
    if (lex.givenName(lower[k]) || lex.honorific(lower[k])) return k;
  }
  // Without a known given name, two final capitalised words after an org head are a name.
  for (let k = words.length - 1; k > from; k--) {
    if (lex.orgWord(lower[k]) === 'head' || lex.roleAt(lower, k)) {
      return words.length - 1 - k >= 2 ? k + 1 : null;
    }
  }
  return null;
}

function part(first: number, last: number, type: EntityType, roles: string[], roleSectors: string[], titleCountry: string | null, evidence: string, roleOnly = false): NamePart {
  return { first, last, type, roles, roleSectors, titleCountry, evidence, roleOnly };
}

function typeOf(words: string[], lower: string[], a: number, b: number, lex: Lexicon, date: string | null, roles: string[], roleSectors: string[], titleCountry: string | null): NamePart {
  const mk = (type: EntityType, evidence: string) => part(a, b, type, roles, roleSectors, titleCountry, evidence);
  const name = joinWords(words, a, b);
  const hit = lex.actor(name, date);
  if (hit && ['PER', 'ORG', 'LOC'].includes(hit.type)) return mk(hit.type as EntityType, 'dictionary');
  const lastWord = lower[b];
  let hasOrgHead = false;
  for (let k = a; k <= b; k++) if (lex.orgWord(lower[k]) === 'head') hasOrgHead = true;
  if (lex.orgWord(lastWord) === 'loc-head' && !hasOrgHead) return mk('LOC', 'loc-head');
  if (lex.countryByName(name) || lex.isPlace(name)) return mk('LOC', 'gazetteer');
  if (hasOrgHead) return mk('ORG', 'org-head');
  const lastRole = lex.roleAt(lower, b);
  if (lastRole && lastRole.type === 'ORG' && b > a) return mk('ORG', 'org-role');
  if (lex.orgWord(lastWord) === 'misc-head') return mk('MISC', 'misc-head');
  if (lex.countryByDemonym(name)) return mk('MISC', 'demonym'); // "Iraqi", "Sierra Leonean", "North Korean"
  // "Senior Hungarian", "Ethnic Albanian": a run ending in a demonym describes, it does not name.
  if (b > a && lex.countryByDemonym(words[b]) && !lex.givenName(lower[a]) && words.slice(a, b).every((w) => !lex.countryByName(w))) {
    return { ...mk('MISC', 'demonym'), first: b };
  }
  if (a === b && /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u.test(words[a])) return mk('ORG', 'acronym');
  if (roles.length > 0) return mk('PER', 'title');
  if (lex.givenName(lower[a]) || words.slice(a, b + 1).some((w) => /^(al|el|ad|bin|ibn|abu|abd)$/i.test(w))) return mk('PER', 'name-shape');
  if (b - a >= 1 && b - a <= 3 && words.slice(a, b + 1).every((w) => /^[\p{Lu}][\p{Ll}'’]+$/u.test(w) || w === '-')) return mk('PER', 'name-shape');
  return mk('MISC', 'unknown');
}

/**
 * What the entity finder and actor coder need to know about words, gathered
 * from the knowledge files in data/ (countries, places, role words, names,
 * actors). One interface so the finder's rules read as rules.
 */
export interface RoleMatch {
  /** Number of tokens the role phrase spans. */
  length: number;
  sector: string;
  type: 'PER' | 'ORG';
  phrase: string;
}

export interface ActorEntry {
  type: string;
  country: string | null;
  sector: string | null;
  name: string;
  /** Every sector the dictionary gives this name over time (offices held), when known. */
  sectors?: string[];
}

export interface Lexicon {
  countryByName(s: string): string | null;
  countryByDemonym(s: string): string | null;
  countryByCapital(s: string): string | null;
  isPlace(s: string): boolean;
  /** Country (ISO3) of a known place name: a country, a capital, a city, a province. */
  placeCountry(s: string): string | null;
  roleAt(lowerWords: string[], i: number): RoleMatch | null;
  orgWord(w: string): 'head' | 'loc-head' | 'misc-head' | null;
  givenName(w: string): boolean;
  honorific(w: string): boolean;
  actor(name: string, date: string | null): ActorEntry | null;
  /** Whether "X-<word>" makes a force X's own ("US-led forces"), not only backed or made there; null when no such participle. */
  compoundOwnsForces(word: string): boolean | null;
}

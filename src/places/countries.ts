/**
 * Country knowledge from data/countries.tsv: names and aliases, demonyms,
 * capitals used as metonyms for governments, ISO codes, centroids and
 * GeoNames ids. Lookup tables are built once, on first use.
 */
import { loadTsv, splitList } from '../util/data.js';
import { foldName, isAllCaps } from './fold.js';

export interface CountryInfo {
  iso3: string;
  iso2: string;
  name: string;
  lat: number;
  lon: number;
  geonames_id: number | null;
  /** Canonical capital name, or null (Antarctica). */
  capital: string | null;
}

/** Everything the file says about one country (CountryInfo plus the name lists). */
export interface CountryRecord extends CountryInfo {
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  capitalMetonym: boolean;
}

interface CountryTables {
  records: CountryRecord[];
  byIso3: Map<string, CountryRecord>;
  byIso2: Map<string, CountryRecord>;
  /** Folded name or alias → iso3. */
  byName: Map<string, string>;
  /** Folded acronym aliases ("us", "uae") → iso3; only matched when written in capitals. */
  byAcronym: Map<string, string>;
  byDemonym: Map<string, string>;
  byMetonym: Map<string, string>;
}

let tables: CountryTables | null = null;

function toNumber(s: string): number | null {
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** First row listed wins a shared key (the file orders the more often meant country first). */
function claim(map: Map<string, string>, key: string, iso3: string): void {
  if (key !== '' && !map.has(key)) map.set(key, iso3);
}

function build(): CountryTables {
  const t: CountryTables = {
    records: [], byIso3: new Map(), byIso2: new Map(), byName: new Map(),
    byAcronym: new Map(), byDemonym: new Map(), byMetonym: new Map(),
  };
  for (const row of loadTsv('countries.tsv')) {
    const capitals = splitList(row.capital);
    const rec: CountryRecord = {
      iso3: row.iso3, iso2: row.iso2, name: row.name,
      lat: toNumber(row.lat) ?? 0, lon: toNumber(row.lon) ?? 0,
      geonames_id: toNumber(row.geonames_id),
      capital: capitals[0] ?? null,
      aliases: splitList(row.aliases), demonyms: splitList(row.demonyms),
      capitals, capitalMetonym: row.capital_metonym === '1',
    };
    t.records.push(rec);
    t.byIso3.set(rec.iso3, rec);
    t.byIso2.set(rec.iso2, rec);
  }
  // Names first, then aliases, so an official name never loses to another row's alias.
  for (const rec of t.records) claim(t.byName, foldName(rec.name), rec.iso3);
  for (const rec of t.records) {
    for (const alias of rec.aliases) {
      if (isAllCaps(alias)) claim(t.byAcronym, foldName(alias), rec.iso3);
      else claim(t.byName, foldName(alias), rec.iso3);
    }
    for (const d of rec.demonyms) claim(t.byDemonym, foldName(d), rec.iso3);
    if (rec.capitalMetonym) for (const c of rec.capitals) claim(t.byMetonym, foldName(c), rec.iso3);
  }
  return t;
}

function countryTables(): CountryTables {
  if (!tables) tables = build();
  return tables;
}

/**
 * ISO3 of the country a name or alias denotes: case-, diacritic- and
 * article-insensitive ("the United States", "Côte d'Ivoire", "Ivory Coast").
 * Acronyms ("US", "U.S.", "UAE") match only when written in capitals, so the
 * pronoun "us" is not the United States.
 */
export function countryByName(s: string): string | null {
  const t = countryTables();
  const key = foldName(s);
  const named = t.byName.get(key);
  if (named) return named;
  if (isAllCaps(s)) return t.byAcronym.get(key) ?? null;
  return null;
}

/** ISO3 of the country a demonym word names ("Iraqi", "Iraqis", "Emirati" → ARE). */
export function countryByDemonym(s: string): string | null {
  return countryTables().byDemonym.get(foldName(s)) ?? null;
}

/** ISO3 of the country whose government news calls by its capital ("Moscow", "Kiev"). */
export function countryByCapitalMetonym(s: string): string | null {
  return countryTables().byMetonym.get(foldName(s)) ?? null;
}

/** Codes, name, centroid, GeoNames id and capital of a country, or null for an unknown code. */
export function countryInfo(iso3: string): CountryInfo | null {
  const rec = countryTables().byIso3.get(iso3.toUpperCase());
  if (!rec) return null;
  return {
    iso3: rec.iso3, iso2: rec.iso2, name: rec.name, lat: rec.lat, lon: rec.lon,
    geonames_id: rec.geonames_id, capital: rec.capital,
  };
}

/** ISO3 for an ISO 3166 alpha-2 code ("IQ" → "IRQ"), or null. */
export function iso3FromIso2(x: string): string | null {
  return countryTables().byIso2.get(x.toUpperCase())?.iso3 ?? null;
}

/** Every country row with its name lists (for the gazetteer). */
export function allCountries(): readonly CountryRecord[] {
  return countryTables().records;
}

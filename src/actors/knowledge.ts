/**
 * The actor knowledge files in `data/`, loaded once on first use and kept in
 * maps for fast lookup:
 *
 * - `sectors.tsv`      sector codes (GOV, MIL, …) with names and descriptions
 * - `role-words.tsv`   title and description words that give a sector ("prime minister", "court")
 * - `actors.tsv`       the base dictionary of named actors with terms of office
 * - `person-names.tsv` given names, family names, name particles, honorifics, suffixes
 * - `org-words.tsv`    head words that make a capitalised sequence an ORG, a place or MISC
 * - `compound-participles.tsv` "-led", "-backed", "-made": compounds naming a backer or an origin
 *
 * Nothing here decides a code for a mention; it only answers questions about
 * words and names. Unknown is `null`.
 */
import { loadTsv, splitList } from '../util/data.js';
import { boundedMemo, WORD_MEMO_LIMIT } from '../util/memo.js';

// ---------------------------------------------------------------------------
// Sectors

export interface Sector {
  code: string;
  name: string;
  description: string;
  /** PLOVER's code slot for actors that are no state (IGO, NGO, IMG, MNC), or null. */
  ploverCode: string | null;
  /** The sector this becomes in PLOVER records (MED → JRN, HLH → MED …), or null. */
  ploverSector: string | null;
  /** For a person, when it differs from the organisation's (an activist is CVL, a group SOC). */
  ploverPersonSector: string | null;
  /** `state` for an office of a state (someone can leave it), `society` for people and bodies outside the state, else null. */
  standing: 'state' | 'society' | null;
}

let sectorCache: Map<string, Sector> | null = null;

/** All sector codes from data/sectors.tsv, keyed by code. */
export function sectors(): Map<string, Sector> {
  if (!sectorCache) {
    sectorCache = new Map();
    for (const r of loadTsv('sectors.tsv')) {
      sectorCache.set(r.code, {
        code: r.code, name: r.name, description: r.description,
        ploverCode: r.plover_code || null, ploverSector: r.plover_sector || null, ploverPersonSector: r.plover_person_sector || null,
        standing: r.standing === 'state' || r.standing === 'society' ? r.standing : null,
      });
    }
  }
  return sectorCache;
}

/** Whether a sector is an office of a state (GOV, MIL, JUD …): a "former minister" has left it. */
export function isStateOffice(code: string | null): boolean {
  return code !== null && sectors().get(code)?.standing === 'state';
}

/** Whether a sector is of people and bodies outside the state (CVL, EDU, BUS …). */
export function isSocietySector(code: string | null): boolean {
  return code !== null && sectors().get(code)?.standing === 'society';
}

/** Whether a code is a known sector. */
export function isSector(code: string): boolean {
  return sectors().has(code);
}

// ---------------------------------------------------------------------------
// Role words

export type RoleType = 'PER' | 'ORG';

export interface RoleWord {
  /** The phrase as written in the file (lower case, single spaces). */
  words: string;
  sector: string;
  type: RoleType;
  /** When the default sector needs context, what to look for; else null. */
  note: string | null;
  /** A head, voice or member of a body ("chairman", "spokesman"): a body named before it gives the sector. */
  ofBody: boolean;
}

export interface RoleMatch {
  /** Number of tokens the match covers, starting at the index asked for. */
  length: number;
  sector: string;
  type: RoleType;
  words: string;
}

interface RoleIndex {
  byKey: Map<string, RoleWord>;
  /**
   * The leading parts of the keys that a first token's key can be: up to a space, hyphen or
   * apostrophe, or the whole key ("police", "police chief", "commander", "commander-").
   */
  prefixes: Set<string>;
  /** Most tokens a phrase can span once hyphens and apostrophes are split off. */
  maxTokens: number;
}

let roleCache: RoleIndex | null = null;

/**
 * The key a role phrase or a run of tokens is looked up by: lower case, single
 * spaces, no spaces around hyphens or before apostrophes, typographic
 * apostrophes straightened. Tokenisers differ on "commander-in-chief" and
 * "prosecutor's"; the key makes both spellings meet.
 */
export function roleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/ '/g, "'")
    .trim();
}

/** roleKey of single tokens, memoised (bounded: a long run meets ever new words). */
const memoRoleKey = boundedMemo((token) => roleKey(token), WORD_MEMO_LIMIT);

/** Whether roleKey leaves a string as it is: lower-case ASCII letters and digits only (most tokens). */
function isPlainKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return s.length > 0;
}

/** roleKey of one token, memoised; a plain token is its own key. */
function tokenRoleKey(token: string): string {
  return isPlainKey(token) ? token : memoRoleKey(token);
}

function roleIndex(): RoleIndex {
  if (!roleCache) {
    const byKey = new Map<string, RoleWord>();
    let maxTokens = 1;
    for (const r of loadTsv('role-words.tsv')) {
      const type = r.type === 'ORG' ? 'ORG' : 'PER';
      const rw: RoleWord = { words: r.words, sector: r.sector, type, note: r.note || null, ofBody: r.of_body === 'yes' };
      const key = roleKey(r.words);
      if (!byKey.has(key)) byKey.set(key, rw);
      const parts = r.words.split(' ').length;
      const splits = (r.words.match(/[-']/g) ?? []).length;
      maxTokens = Math.max(maxTokens, parts + 2 * splits);
    }
    const prefixes = new Set<string>();
    for (const key of byKey.keys()) {
      for (let n = 1; n <= key.length; n++) {
        if (n === key.length || key[n] === ' ' || key[n] === '-' || key[n] === "'" || key[n - 1] === '-') prefixes.add(key.slice(0, n));
      }
    }
    roleCache = { byKey, prefixes, maxTokens };
  }
  return roleCache;
}

/** The role entry for a whole phrase ("Prime Minister", "riot police"), or null. */
export function roleWord(phrase: string): RoleWord | null {
  return roleIndex().byKey.get(roleKey(phrase)) ?? null;
}

/**
 * The longest role phrase that starts at token `i` of `lowerTokens` (lower-case
 * token texts, as the segmenter gives them), or null. "US Defense Secretary"
 * from index 1 gives {length: 2, sector: 'GOV'}.
 */
export function matchRoleWords(lowerTokens: string[], i: number): RoleMatch | null {
  const { byKey, prefixes, maxTokens } = roleIndex();
  // A tab or line break the splitter kept as a token may sit inside a role ("Prime\nMinister")
  // but never at its edge: "soldiers\t" is the role "soldiers", not a longer one.
  const blank = (k: number) => lowerTokens[k].trim() === '';
  if (i >= lowerTokens.length || blank(i)) return null;
  // The key of a run of tokens begins with the key of its first token (roleKey only joins,
  // folds and squeezes), followed by the end, a space, or a hyphen or apostrophe the join
  // closed up ("commander -in", "prosecutor 's"; after a token ending in a hyphen, anything).
  // So a first token whose key is not such a leading part starts no role phrase: most words are
  // ruled out with one lookup instead of a key for every length.
  if (!prefixes.has(tokenRoleKey(lowerTokens[i]))) return null;
  const limit = Math.min(maxTokens, lowerTokens.length - i);
  for (let len = limit; len >= 1; len--) {
    if (blank(i + len - 1)) continue;
    const rw = byKey.get(roleKey(lowerTokens.slice(i, i + len).join(' ')));
    if (rw) return { length: len, sector: rw.sector, type: rw.type, words: rw.words };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Actors

export interface ActorRow {
  /** Canonical name: the first of `names`. */
  name: string;
  /** All names and spellings given for the actor. */
  names: string[];
  type: RoleType;
  /** ISO 3166 alpha-3, or null for international bodies and transnational groups. */
  country: string | null;
  sector: string;
  /** First day the row holds (YYYY-MM-DD), or null when open. */
  from: string | null;
  /** First day the row no longer holds, or null when open. */
  to: string | null;
  note: string | null;
}

/**
 * The folded form names are compared in: lower case, accents removed,
 * apostrophes and full stops dropped, hyphens and runs of spaces made one
 * space, a leading "the" and the Arabic article ("al-", "el-", "Al ") dropped.
 * "Falih Al-Fayyadh" and "Falih al Fayyadh" both fold to "falih fayyadh".
 */
export function foldName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0131/g, 'i')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc\u02bf\u02be`\u00b4.]/g, '')
    .replace(/[-\u2010-\u2015_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let words = plain.split(' ').filter(Boolean);
  if (words.length > 1 && words[0] === 'the') words = words.slice(1);
  if (words.length > 1) {
    const kept = words.filter((w) => w !== 'al' && w !== 'el');
    if (kept.length > 0) words = kept;
  }
  return words.join(' ');
}

/**
 * Acronyms are kept apart from ordinary words so that "WHO" or "IS" never
 * match the pronouns "who" and "is": a name written wholly in capitals
 * (full stops and + allowed) is indexed under its own key.
 */
function acronymKey(name: string): string | null {
  const compact = name.replace(/\./g, '').trim();
  if (!/^[A-Z0-9][A-Z0-9+&-]*$/.test(compact) || !/[A-Z]/.test(compact)) return null;
  return '=' + compact;
}

export interface ActorIndex {
  rows: ActorRow[];
  byKey: Map<string, ActorRow[]>;
}

let actorCache: ActorIndex | null = null;

function addKey(map: Map<string, ActorRow[]>, key: string, row: ActorRow): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [row]);
  else if (!list.includes(row)) list.push(row);
}

/** The rows of an actor dictionary indexed by every name (folded; acronyms under their own key). */
export function indexActors(rows: readonly ActorRow[]): ActorIndex {
  const byKey = new Map<string, ActorRow[]>();
  for (const row of rows) for (const n of row.names) addKey(byKey, acronymKey(n) ?? foldName(n), row);
  return { rows: [...rows], byKey };
}

/** A dictionary row from a table's columns (names | separated); null when it names nobody. */
export function actorRowOf(r: Record<string, string | undefined>): ActorRow | null {
  const names = splitList(r.names ?? '');
  if (names.length === 0) return null;
  return {
    name: names[0], names,
    type: r.type === 'ORG' ? 'ORG' : 'PER',
    country: r.country || null,
    sector: r.sector ?? '',
    from: r.from || null,
    to: r.to || null,
    note: r.note || null,
  };
}

function actorIndex(): ActorIndex {
  if (!actorCache) {
    const rows: ActorRow[] = [];
    for (const r of loadTsv('actors.tsv')) {
      const row = actorRowOf(r);
      if (row) rows.push(row);
    }
    actorCache = indexActors(rows);
  }
  return actorCache;
}

/** Every row of actors.tsv, in file order. */
export function actorRows(): readonly ActorRow[] {
  return actorIndex().rows;
}

/** foldName of a name looked up, memoised: the stages ask for the same names again and again. */
const lookupFold = boundedMemo((name) => foldName(name), WORD_MEMO_LIMIT);

/**
 * All rows whose names include `name` (compared folded), in file order; empty
 * when none. Rows of one actor over time and rows of different actors that
 * share a name both come back.
 */
export function actorsByName(name: string, index: ActorIndex = actorIndex()): ActorRow[] {
  const { byKey } = index;
  const acronym = acronymKey(name);
  if (acronym) {
    const hits = byKey.get(acronym);
    if (hits) return [...hits];
    // A headline in capitals ("TRUMP") still finds the ordinary name.
    return [...(byKey.get(lookupFold(name)) ?? [])];
  }
  const hits = byKey.get(lookupFold(name));
  if (hits) return [...hits];
  // "Nato", "Opec", "Isis": an acronym written in title case. Short words stay
  // out so that "Who" and "Is" never reach WHO and IS.
  const letters = name.replace(/\./g, '');
  if (/^[A-Za-z]{4,}$/.test(letters)) return [...(byKey.get('=' + letters.toUpperCase()) ?? [])];
  return [];
}

/** Whether a row holds on a day (YYYY-MM-DD): from inclusive, to exclusive. */
export function rowHoldsOn(row: ActorRow, date: string): boolean {
  return (row.from === null || row.from <= date) && (row.to === null || date < row.to);
}

/** Later-ending rows first (open-ended latest), then later-starting ones. */
function byRecency(a: ActorRow, b: ActorRow): number {
  const aTo = a.to ?? '9999-99-99';
  const bTo = b.to ?? '9999-99-99';
  if (aTo !== bTo) return aTo < bTo ? 1 : -1;
  const aFrom = a.from ?? '';
  const bFrom = b.from ?? '';
  if (aFrom !== bFrom) return aFrom < bFrom ? 1 : -1;
  return 0;
}

/**
 * The row for `name` that holds on `date` (YYYY-MM-DD; a longer TIMEX value
 * is cut to its day, "2020-01" or "2020" are read as their first day). With a
 * null date, the most recent row. Null when the name is unknown or no row
 * holds on the date. When several rows hold (two actors share a name), the
 * one with the narrower, more recent term wins.
 */
export function actorOnDate(name: string, date: string | null, index: ActorIndex = actorIndex()): ActorRow | null {
  const rows = actorsByName(name, index);
  if (rows.length === 0) return null;
  if (date === null) return [...rows].sort(byRecency)[0];
  const day = normaliseDay(date);
  if (day === null) return [...rows].sort(byRecency)[0];
  const holding = rows.filter((r) => rowHoldsOn(r, day));
  if (holding.length === 0) return null;
  return holding.sort(byRecency)[0];
}

function normaliseDay(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

// ---------------------------------------------------------------------------
// Person-name words

export type PersonNameKind = 'given' | 'family' | 'particle' | 'honorific' | 'suffix';

let personCache: Map<string, Set<PersonNameKind>> | null = null;

function stripAccents(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\u0131/g, 'i');
}

function wordKey(w: string): string {
  return w.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").trim();
}

function personIndex(): Map<string, Set<PersonNameKind>> {
  if (!personCache) {
    personCache = new Map();
    for (const r of loadTsv('person-names.tsv')) {
      const kind = r.kind as PersonNameKind;
      for (const key of new Set([wordKey(r.name), stripAccents(wordKey(r.name))])) {
        const kinds = personCache.get(key) ?? new Set<PersonNameKind>();
        kinds.add(kind);
        personCache.set(key, kinds);
      }
    }
  }
  return personCache;
}

/** The kinds a word has in person-names.tsv (case and accents ignored); empty when none. */
export function personNameKinds(w: string): ReadonlySet<PersonNameKind> {
  const idx = personIndex();
  const key = wordKey(w);
  return idx.get(key) ?? idx.get(stripAccents(key)) ?? new Set();
}

/** Whether a word is a known given name ("Qasem", "Volodymyr"). */
export function givenName(w: string): boolean {
  return personNameKinds(w).has('given');
}

/** Whether a word is a name particle ("al-", "bin", "van"). */
export function nameParticle(w: string): boolean {
  return personNameKinds(w).has('particle');
}

/** Whether a word is an honorific written before a name ("Mr", "Sheikh", "Ayatollah"). */
export function honorific(w: string): boolean {
  return personNameKinds(w).has('honorific');
}

// ---------------------------------------------------------------------------
// Organisation, place and MISC head words

export type OrgWordKind = 'head' | 'loc-head' | 'misc-head';

let orgCache: Map<string, OrgWordKind> | null = null;
let orgUseCache: Map<string, OrgWordUse> | null = null;

/** What else org-words.tsv says of a head word: it names a happening, or a unit only when numbered. */
export type OrgWordUse = 'happening' | 'numbered';

function orgIndex(): Map<string, OrgWordKind> {
  if (!orgCache) {
    orgCache = new Map();
    orgUseCache = new Map();
    for (const r of loadTsv('org-words.tsv')) {
      const key = wordKey(r.word).replace(/\s+/g, ' ');
      if (!orgCache.has(key)) orgCache.set(key, r.kind as OrgWordKind);
      if (r.use && !orgUseCache.has(key)) orgUseCache.set(key, r.use as OrgWordUse);
    }
  }
  return orgCache;
}

/** The use column of org-words.tsv for a head word ("battle" → 'happening', "division" → 'numbered'), or null. */
export function orgWordUse(w: string): OrgWordUse | null {
  orgIndex();
  return orgUseCache!.get(wordKey(w).replace(/\s+/g, ' ')) ?? null;
}

/**
 * What a head word makes the capitalised sequence it ends: 'head' (an
 * organisation: "Forces", "Council"), 'loc-head' (a place: "Governorate",
 * "Air Base"), 'misc-head' (a law, treaty, war: "Code", "Accord"), or null.
 */
export function orgWord(w: string): OrgWordKind | null {
  return orgIndex().get(wordKey(w).replace(/\s+/g, ' ')) ?? null;
}

// ---------------------------------------------------------------------------
// Compound participles ("US-led", "Iranian-backed", "Russian-made")

export interface CompoundParticiple {
  participle: string;
  /** Whether a force so described is that country's ("US-led forces" yes, "Syrian-born" no). */
  ownForces: boolean;
}

let participleCache: Map<string, CompoundParticiple> | null = null;

/** The participle row for a lower-case word ("led", "backed"), or null. */
export function compoundParticiple(word: string): CompoundParticiple | null {
  if (!participleCache) {
    participleCache = new Map();
    for (const r of loadTsv('compound-participles.tsv')) participleCache.set(r.participle, { participle: r.participle, ownForces: r.own_forces === 'yes' });
  }
  return participleCache.get(word) ?? null;
}

/** "US-led" → the name in front ("US") and its participle; null when the text is no such compound. */
export function splitCompound(text: string): { owner: string; participle: CompoundParticiple } | null {
  const m = /^(.+)-(\p{L}+)$/u.exec(text);
  const participle = m ? compoundParticiple(m[2].toLowerCase()) : null;
  return participle ? { owner: m![1], participle } : null;
}

/**
 * Is the name at [start, end) the front of a compound that names something else's backer or
 * origin ("Iranian" of "Iranian-backed militiamen", "Russian" of "Russian-made rifles") — not
 * one that makes the force its own ("US" of "US-led forces")?
 */
export function frontsOtherCompound(text: string, end: number): boolean {
  const m = /^-(\p{L}+)/u.exec(text.slice(end, end + 16));
  const participle = m ? compoundParticiple(m[1].toLowerCase()) : null;
  return !!participle && !participle.ownForces;
}

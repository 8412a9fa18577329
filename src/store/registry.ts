/**
 * The actor registry's tables: each person or organisation met across
 * articles is one entry, with every name it was written under, its code and
 * the evidence for that code. Saving an article adds what the article showed:
 * a coded chain joins the entry that already carries one of its names (same
 * strict key, else the same transliteration key) and a compatible country,
 * or starts a new one. Runs inside the store's save transaction.
 */
import { dialectOf, type SqlDb } from './sql.js';
import type { Doc, EntityMention } from '../doc/types.js';
import { codeFromEvidence, foldName, givenNamesClash, isAcronym, translitKey } from '../actors/registry.js';

/** Where in an article a piece of evidence was seen. */
export interface EvidenceExample {
  /** The article's hash. */
  article: string;
  start: number;
  end: number;
  text: string;
}

/** Support for one code from one kind of source, summed over articles. */
export interface ActorEvidence {
  /** The chain's codeSource: "dictionary", "title", "apposition", "name", … */
  source: string;
  country: string | null;
  sector: string | null;
  /** Articles that gave this. */
  count: number;
  /** Earliest and latest publication date among those articles (YYYY-MM-DD), or null when none had one. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** The first few places it was seen (at most MAX_EXAMPLES). */
  examples: EvidenceExample[];
}

export interface ActorEntry {
  id: number;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  code: string | null;
  /** Every name written for it, most frequent first. */
  names: string[];
  evidence: ActorEvidence[];
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface ActorFilter {
  /** A name or part of one (spelling variants match), or a code prefix. */
  search?: string;
  /** ISO 3166 alpha-3. */
  country?: string;
  limit?: number;
}

const MAX_EXAMPLES = 3;

/** The types the registry keeps: actors with names. Places and demonyms have their own gazetteer. */
const REGISTRY_TYPES = new Set(['PER', 'ORG']);

/** Pronouns a chain may carry; they are no names (capitalised ones open sentences). */
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'him', 'her', 'his', 'hers', 'its', 'them', 'their', 'theirs', 'we', 'us', 'our']);

/** A pronoun as written in running text or at a sentence's start ("it", "It"; "US" and "IT" are names). */
function isPronoun(text: string): boolean {
  const lower = text.toLowerCase();
  return PRONOUNS.has(lower) && (text === lower || text === lower[0].toUpperCase() + lower.slice(1));
}

/** A mention that is a name: some capital letter or digit ("al-Fayyadh" too), and no pronoun. */
function isName(text: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(text) && !isPronoun(text) && foldName(text) !== '';
}

/** One coded chain of an article, as the registry learns it. */
export interface LearnedChain {
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  source: string;
  /** The names the chain was written under (capitalised mentions only: no pronouns or descriptions). */
  names: string[];
  /** The mention that carries the evidence. */
  mention: { start: number; end: number; text: string };
}

/** A name as the registry keeps it: on one line, single spaces ("Interstate Commerce\nCommission" is one name). */
export function registryName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether the article writes the acronym beside one of the names, in brackets
 * either way round: "European Community (EC)", "ICC (Interstate Commerce
 * Commission)". That is the evidence that an acronym and a name are one actor.
 */
export function acronymBeside(text: string, acronym: string, names: readonly string[]): boolean {
  const a = escapeRegExp(acronym);
  return names.some((n) => {
    const words = registryName(n).split(' ').map(escapeRegExp).join('\\s+');
    return new RegExp(`${words}\\s*[(\\[]\\s*${a}\\s*[)\\]]|${a}\\s*[(\\[]\\s*${words}\\s*[)\\]]`, 'u').test(text);
  });
}

/**
 * The names a chain is learned under: capitalised mentions on one line, no
 * pronouns. An acronym goes with the chain's longer names only when the
 * article writes it beside one of them; else it is left out (the chain is
 * still learned under the rest).
 */
function namesToLearn(text: string, ms: EntityMention[]): string[] {
  const names = [...new Set([ms[0].name, ...ms.map((m) => m.text)].map(registryName))].filter(isName);
  const full = names.filter((n) => !isAcronym(n));
  if (full.length === 0) return names;
  return names.filter((n) => !isAcronym(n) || acronymBeside(text, n, full));
}

/** The chains of a document worth learning: named PER/ORG chains with a code and where it came from. */
export function chainsToLearn(doc: Pick<Doc, 'entities' | 'text'>): LearnedChain[] {
  const chains = new Map<number, EntityMention[]>();
  for (const m of doc.entities ?? []) {
    if (m.nominal || !REGISTRY_TYPES.has(m.type)) continue;
    const list = chains.get(m.chain) ?? [];
    list.push(m);
    chains.set(m.chain, list);
  }
  const out: LearnedChain[] = [];
  for (const ms of chains.values()) {
    const coded = ms.find((m) => m.codeSource && (m.country || m.sector));
    if (!coded) continue;
    const names = namesToLearn(doc.text, ms);
    if (names.length === 0) continue;
    // The evidence is where the code shows: a mention with its title, else the first one.
    const at = ms.find((m) => m.roles.length > 0 || m.modifierCountry) ?? coded;
    out.push({
      name: names.includes(registryName(ms[0].name)) ? registryName(ms[0].name) : names[0], type: ms[0].type,
      country: coded.country, sector: coded.sector, source: coded.codeSource as string,
      names, mention: { start: at.start, end: at.end, text: at.text },
    });
  }
  return out;
}

interface ActorRow {
  id: number; name: string; type: string; country: string | null; sector: string | null; code: string | null;
  evidence: string; articles: number; first_seen: string | null; last_seen: string | null;
}

function minDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The code an entry lists: its best-supported country and sector, leaving out what came from the registry itself. */
function entryCode(evidence: ActorEvidence[]): { country: string | null; sector: string | null; code: string | null } {
  const { country, sector } = codeFromEvidence(evidence.filter((e) => e.source !== 'registry'));
  return { country, sector, code: country || sector ? `${country ?? ''}${sector ?? ''}` : null };
}

function toEntry(r: ActorRow, names: string[]): ActorEntry {
  return {
    id: r.id, name: r.name, type: r.type, country: r.country, sector: r.sector, code: r.code,
    names, evidence: JSON.parse(r.evidence), articles: r.articles, firstSeen: r.first_seen, lastSeen: r.last_seen,
  };
}

export interface RegistryTables {
  /** Add what one article shows (call inside the article's save transaction); the ids of the entries it changed. */
  learn(doc: Doc): number[];
  list(filter?: ActorFilter): ActorEntry[];
  /** The entries with these ids, as stored now (ids no longer stored are left out). */
  get(ids: readonly number[]): ActorEntry[];
}

/** Prepared statements over the registry tables of an open, migrated database. */
export function registryTables(db: SqlDb): RegistryTables {
  const d = dialectOf(db);
  const postgres = d.name === 'postgres';
  const idsByKey = db.prepare(`SELECT DISTINCT a.id FROM actor_names n JOIN actors a ON a.id = n.actor
    WHERE n.key = ? AND a.type = ?`).pluck();
  const idsByTranslit = db.prepare(`SELECT DISTINCT a.id FROM actor_names n JOIN actors a ON a.id = n.actor
    WHERE n.translit = ? AND a.type = ?`).pluck();
  const getActor = db.prepare('SELECT * FROM actors WHERE id = ?');
  const insertActor = db.prepare(`INSERT INTO actors
    (name, type, country, sector, code, evidence, articles, first_seen, last_seen, updated_at)
    VALUES (@name, @type, @country, @sector, @code, @evidence, 0, @date, @date, @now)${postgres ? ' RETURNING id' : ''}`);
  const updateActor = db.prepare(`UPDATE actors SET name = @name, country = @country, sector = @sector, code = @code,
    evidence = @evidence, articles = @articles, first_seen = @first_seen, last_seen = @last_seen, updated_at = @now
    WHERE id = @id`);
  const upsertName = db.prepare(`INSERT INTO actor_names (actor, name, key, translit, count) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (actor, name) DO UPDATE SET count = ${postgres ? 'actor_names.count' : 'count'} + 1`);
  const namesOf = db.prepare('SELECT name FROM actor_names WHERE actor = ? ORDER BY count DESC, length(name) DESC, name').pluck();
  const allNames = db.prepare('SELECT actor, name FROM actor_names ORDER BY actor, count DESC, length(name) DESC, name');

  /**
   * The entry a chain belongs to: same type, a shared strict name key (else, for names that are
   * no acronyms, a shared transliteration key), no clash of countries, and for people no clash
   * of given names ("Nancy Reagan" is not "Ronald Reagan", "Donald Regan" not "Ronald Reagan").
   */
  function findEntry(chain: LearnedChain): ActorRow | null {
    for (const [stmt, keyOf] of [[idsByKey, foldName], [idsByTranslit, translitKey]] as const) {
      const ids = new Set<number>();
      for (const n of chain.names) {
        if (stmt === idsByTranslit && isAcronym(n)) continue;
        for (const id of stmt.all(keyOf(n), chain.type) as number[]) ids.add(id);
      }
      const rows = [...ids].map((id) => getActor.get(id) as ActorRow)
        .filter((r) => !r.country || !chain.country || r.country === chain.country)
        .filter((r) => r.type !== 'PER' || !givenNamesClash(chain.names, namesOf.all(r.id) as string[]))
        .sort((a, b) => b.articles - a.articles || a.id - b.id);
      if (rows.length) return rows[0];
    }
    return null;
  }

  function learn(doc: Doc): number[] {
    const article = doc.meta.hash;
    const date = doc.meta.published ?? null;
    const now = new Date().toISOString();
    // One article counts once per entry, per piece of evidence and per name, however many chains it has for them.
    const seen = new Set<string>();
    const changed = new Set<number>();
    for (const chain of chainsToLearn(doc)) {
      let row = findEntry(chain);
      // A code the registry itself gave vouches for nothing: it starts no entry of its own.
      if (!row && chain.source === 'registry') continue;
      if (!row) {
        const values = { name: chain.name, type: chain.type, country: null, sector: null, code: null, evidence: '[]', date, now };
        const id = postgres ? Number((insertActor.get(values) as { id: number }).id) : Number(insertActor.run(values).lastInsertRowid);
        row = getActor.get(id) as ActorRow;
      }
      const evidence = JSON.parse(row.evidence) as ActorEvidence[];
      const evKey = `${row.id}\t${chain.source}\t${chain.country}\t${chain.sector}`;
      if (!seen.has(evKey)) {
        seen.add(evKey);
        const i = evidence.findIndex((e) => e.source === chain.source && e.country === chain.country && e.sector === chain.sector);
        const example = { article, ...chain.mention };
        const item: ActorEvidence = i >= 0 ? evidence.splice(i, 1)[0]
          : { source: chain.source, country: chain.country, sector: chain.sector, count: 0, firstSeen: date, lastSeen: date, examples: [] };
        item.count += 1;
        item.firstSeen = minDate(item.firstSeen, date);
        item.lastSeen = maxDate(item.lastSeen, date);
        if (item.examples.length < MAX_EXAMPLES) item.examples.push(example);
        evidence.push(item); // the most recently confirmed last: it wins ties
      }
      const firstVisit = !seen.has(`${row.id}`);
      seen.add(`${row.id}`);
      for (const n of chain.names) {
        if (seen.has(`${row.id}\t${n}`)) continue;
        seen.add(`${row.id}\t${n}`);
        upsertName.run(row.id, n, foldName(n), translitKey(n));
      }
      // The entry's name is the one most often written (the longest of those), an acronym only when
      // no name spells it out: one odd reading ("Athough Reagan", a sentence's first word taken into
      // the name) does not rename it, and "EC" is called the European Community.
      const written = namesOf.all(row.id) as string[];
      updateActor.run({
        id: row.id, name: written.find((n) => !isAcronym(n)) ?? written[0], ...entryCode(evidence), evidence: JSON.stringify(evidence),
        articles: row.articles + (firstVisit ? 1 : 0), first_seen: minDate(row.first_seen, date), last_seen: maxDate(row.last_seen, date), now,
      });
      changed.add(row.id);
    }
    return [...changed];
  }

  function list(filter: ActorFilter = {}): ActorEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.search !== undefined && filter.search.trim()) {
      const q = filter.search.trim();
      // Text with no letters or digits folds to nothing, which would match every name: then only codes are searched.
      const nameClause = foldName(q)
        ? `EXISTS (SELECT 1 FROM actor_names n WHERE n.actor = a.id
            AND (n.key LIKE ? ESCAPE '\\' OR n.translit LIKE ? ESCAPE '\\')) OR `
        : '';
      where.push(`(${nameClause}a.code LIKE ? ESCAPE '\\')`);
      if (nameClause) params.push(`%${likeLiteral(foldName(q))}%`, `%${likeLiteral(translitKey(q))}%`);
      params.push(`${likeLiteral(q.toUpperCase())}%`);
    }
    if (filter.country) { where.push('a.country = ?'); params.push(filter.country.toUpperCase()); }
    let sql = `SELECT a.* FROM actors a${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.articles DESC, a.name, a.id`;
    if (filter.limit !== undefined) {
      if (!Number.isInteger(filter.limit) || filter.limit < 0) throw new Error(`bad limit ${filter.limit}`);
      sql += ' LIMIT ?';
      params.push(filter.limit);
    }
    const rows = db.prepare(sql).all(...params) as ActorRow[];
    // Many entries (the whole registry, loaded for lookups): one pass over the names beats a query each.
    let names: (id: number) => string[];
    if (rows.length > 200) {
      const byActor = new Map<number, string[]>();
      for (const r of allNames.all() as { actor: number; name: string }[]) {
        const list = byActor.get(r.actor) ?? [];
        list.push(r.name);
        byActor.set(r.actor, list);
      }
      names = (id) => byActor.get(id) ?? [];
    } else {
      names = (id) => namesOf.all(id) as string[];
    }
    return rows.map((r) => toEntry(r, names(r.id)));
  }

  // Several entries in two queries, not two each: a live registry asks for those every save changed.
  const actorsIn = db.prepare(`SELECT * FROM actors WHERE id IN (${d.numberList()})`);
  const namesIn = db.prepare(`SELECT actor, name FROM actor_names WHERE actor IN (${d.numberList()}) ORDER BY actor, count DESC, length(name) DESC, name`);

  function get(ids: readonly number[]): ActorEntry[] {
    if (ids.length === 0) return [];
    const list = JSON.stringify(ids);
    const rows = new Map((actorsIn.all(list) as ActorRow[]).map((r) => [Number(r.id), r]));
    const names = new Map<number, string[]>();
    for (const { actor, name } of namesIn.all(list) as { actor: number; name: string }[]) {
      const known = names.get(Number(actor));
      if (known) known.push(name);
      else names.set(Number(actor), [name]);
    }
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toEntry(r, names.get(id) ?? [])] : [];
    });
  }

  return { learn, list, get };
}

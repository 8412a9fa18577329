/**
 * acta's own knowledge as a PETRARCH base layer: countries (names, aliases,
 * demonyms, capitals used for governments), the actors of actors.tsv with their
 * dates of office, and the role words as agents. A user's PETRARCH files loaded
 * on top keep priority: where both name the same phrase, the user's entry wins.
 */
import { loadTsv, splitList } from '../../util/data.js';
import { actorRows } from '../../actors/knowledge.js';
import { phraseWords, type ActorEntry, type AgentEntry, type DatedCode } from './dictionaries.js';
import type { PhraseTrie } from './trie.js';

const day = (iso: string | null): string | null => (iso ? iso.replace(/-/g, '') : null);

/** The day before a YYYYMMDD date (acta's `to` is exclusive; PETRARCH ranges are inclusive). */
function dayBefore(yyyymmdd: string): string {
  const d = new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Actor entries made from data/countries.tsv and data/actors.tsv. */
export function actaActorEntries(): ActorEntry[] {
  const out: ActorEntry[] = [];
  let group = -1_000_000;
  for (const row of loadTsv('countries.tsv')) {
    const names = [row.name, ...splitList(row.aliases), ...splitList(row.demonyms)];
    if (row.capital_metonym === '1') names.push(...splitList(row.capital));
    out.push({ names: names.map(phraseWords).filter((n) => n.length), codes: [{ code: row.iso3, group: group++, from: null, to: null }], where: `countries.tsv (${row.iso3})` });
  }
  // Rows of one actor over time share its names: one entry per name set, dated codes in file order.
  const byName = new Map<string, ActorEntry>();
  for (const row of actorRows()) {
    const code = `${row.country ?? ''}${row.sector}`;
    if (!code) continue;
    const to = day(row.to);
    const dated: DatedCode = { code, group: group++, from: day(row.from), to: to ? dayBefore(to) : null };
    const key = row.names.join('|');
    const entry = byName.get(key);
    if (entry) entry.codes.push(dated);
    else {
      const e: ActorEntry = { names: row.names.map(phraseWords).filter((n) => n.length), codes: [dated], where: `actors.tsv (${row.name})` };
      byName.set(key, e);
      out.push(e);
    }
  }
  return out;
}

/** Agent entries made from data/role-words.tsv (sector as a `~SECTOR` suffix). */
export function actaAgentEntries(): AgentEntry[] {
  return loadTsv('role-words.tsv')
    .filter((row) => row.words && row.sector)
    .map((row) => ({ names: [phraseWords(row.words)], code: row.sector.toUpperCase(), prefix: false, where: `role-words.tsv (${row.words})` }));
}

/** Add acta's entries beneath what the tries hold already (first values win on equal phrases). */
export function addActaBase(actors: PhraseTrie<ActorEntry>, agents: PhraseTrie<AgentEntry>): void {
  for (const a of actaActorEntries()) for (const n of a.names) actors.add(n, a);
  for (const a of actaAgentEntries()) for (const n of a.names) agents.add(n, a);
}

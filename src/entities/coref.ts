/**
 * Within-document coreference of names: "US President Donald Trump" … "Trump";
 * "Falih al-Fayyadh" … "al-Fayyadh"; "Office of Foreign Assets Control (OFAC)" …
 * "OFAC"; "Qasem Soleimani" … "the Major General" (a title-only mention takes the
 * latest person who carried that title). Each mention gets a chain id; the
 * chain's name is its longest named mention.
 */
import type { EntityType } from '../doc/types.js';

export interface CorefMention {
  text: string;
  type: EntityType;
  roles: string[];
  roleOnly: boolean;
  /** Typed on weak evidence only (no dictionary, head word or gazetteer): may join a person's chain. */
  weak?: boolean;
  /** A demonym ("Iraqi") never joins a person's chain. */
  demonym?: boolean;
  /** Acronym given in parentheses right after this mention ("(OFAC)"). */
  acronymOf?: number;
  /** With acronymOf: a gloss of that name ("Party of God" after "Hizbollah"), never the chain's name. */
  gloss?: boolean;
  /** The sentence it is in, when known. */
  sentence?: number;
}

const PARTICLES = /^(al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|abd|the)$/;

/** Name words that identify a person: lower case, particles and hyphens removed. */
export function nameKeys(name: string): string[] {
  return name.toLowerCase().replace(/[’']s$/, '').split(/[\s-]+/).filter((w) => w && !PARTICLES.test(w));
}

/**
 * Assign chain ids. Returns chain per mention and each chain's canonical name.
 *
 * Each rule asks for the earliest or the latest chain with some property; indexes by text, name
 * word and title answer from the chains that have one of the mention's words instead of from
 * every chain (a long text holds thousands), with the same answers.
 */
export function chainMentions(mentions: CorefMention[]): { chain: number[]; names: string[] } {
  const chain: number[] = new Array(mentions.length).fill(-1);
  const names: string[] = [];
  const chainType: EntityType[] = [];
  const chainKeys: string[][] = [];
  const chainRoles: string[][] = [];
  const chainTexts: Set<string>[] = [];
  const chainSentences: Set<number>[] = [];
  // Chains by each text they hold; people's chains by name word and the latest by title; people's chains with no name word.
  const byText = new Map<string, number[]>();
  const personByKey = new Map<string, Set<number>>();
  const latestPersonByRole = new Map<string, number>();
  const personsWithoutKeys: number[] = [];
  const addText = (c: number, t: string) => {
    const list = byText.get(t);
    if (list) list.push(c); else byText.set(t, [c]);
  };
  const addKeys = (c: number, keys: string[]) => {
    if (chainType[c] !== 'PER') return;
    for (const k of keys) {
      const set = personByKey.get(k);
      if (set) set.add(c); else personByKey.set(k, new Set([c]));
    }
  };
  const addRole = (c: number, r: string) => {
    if (chainType[c] === 'PER') latestPersonByRole.set(r, Math.max(latestPersonByRole.get(r) ?? -1, c));
  };
  mentions.forEach((m, idx) => {
    let found = -1;
    if (m.acronymOf !== undefined) found = chain[m.acronymOf];
    const keys = nameKeys(m.text);
    if (found < 0 && m.roleOnly && m.type === 'PER') {
      // A title alone refers to the latest person who carried it (else stays its own chain).
      for (const r of m.roles) found = Math.max(found, latestPersonByRole.get(r) ?? -1);
    }
    if (found < 0 && !m.roleOnly && keys.length > 0) {
      // The same words as any earlier mention of a chain ("OFAC" after "… Control (OFAC)").
      const lowerText = m.text.toLowerCase();
      const anyType = /^[\p{Lu}]{2,}$/u.test(m.text);
      let exact = -1;
      for (const c of byText.get(lowerText) ?? []) if ((exact < 0 || c < exact) && (anyType || chainType[c] === m.type)) exact = c;
      if (exact >= 0) found = exact;
      else if (m.type === 'PER' || (m.type === 'MISC' && !m.demonym) || m.weak) {
        // A shorter mention whose words all occur in an earlier person's name ("Trump", "Al-Fayyadh"):
        // the latest such person.
        let fewest: Set<number> | undefined;
        for (const k of keys) {
          const set = personByKey.get(k);
          if (!set) { fewest = undefined; break; }
          if (!fewest || set.size < fewest.size) fewest = set;
        }
        for (const c of fewest ?? []) if (c > found && keys.every((k) => chainKeys[c].includes(k))) found = c;
      }
      if (found < 0 && m.type === 'PER' && keys.length >= 2) {
        // A full name after its surname alone ("Brown ally rejects …" then "Gordon Brown"): the
        // person the headline or lead named first (the latest whose words all are in this name). Not when that surname is in the same sentence:
        // "Reagan and Nancy Reagan" are two people, as no writer names one twice in a sentence.
        const candidates = new Set<number>(personsWithoutKeys);
        for (const k of keys) for (const c of personByKey.get(k) ?? []) candidates.add(c);
        for (const c of candidates) {
          if (c > found && chainKeys[c].length < keys.length && chainKeys[c].every((k) => keys.includes(k))
            && (m.sentence === undefined || !chainSentences[c].has(m.sentence))) found = c;
        }
      }
    }
    if (found < 0) {
      found = names.length;
      names.push(m.text);
      chainType.push(m.type);
      chainKeys.push(keys);
      chainRoles.push([...m.roles]);
      chainTexts.push(new Set([m.text.toLowerCase()]));
      chainSentences.push(new Set());
      addText(found, m.text.toLowerCase());
      addKeys(found, keys);
      if (m.type === 'PER' && keys.length === 0) personsWithoutKeys.push(found);
      for (const r of m.roles) addRole(found, r);
    } else {
      const t = m.text.toLowerCase();
      if (!chainTexts[found].has(t)) { chainTexts[found].add(t); addText(found, t); }
      if (!m.roleOnly && !m.gloss && m.text.length > names[found].length && chainType[found] === m.type) {
        names[found] = m.text;
        chainKeys[found] = [...new Set([...chainKeys[found], ...keys])];
        addKeys(found, keys);
      }
      for (const r of m.roles) if (!chainRoles[found].includes(r)) { chainRoles[found].push(r); addRole(found, r); }
    }
    if (m.sentence !== undefined) chainSentences[found].add(m.sentence);
    chain[idx] = found;
  });
  return { chain, names };
}

/** The type a chain should have: a single-word MISC mention that joined a person chain is a person. */
export function chainType(types: EntityType[]): EntityType {
  if (types.includes('PER')) return 'PER';
  return types[0];
}

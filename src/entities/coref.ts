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

/** Assign chain ids. Returns chain per mention and each chain's canonical name. */
export function chainMentions(mentions: CorefMention[]): { chain: number[]; names: string[] } {
  const chain: number[] = new Array(mentions.length).fill(-1);
  const names: string[] = [];
  const chainType: EntityType[] = [];
  const chainKeys: string[][] = [];
  const chainRoles: string[][] = [];
  const chainTexts: Set<string>[] = [];
  const chainSentences: Set<number>[] = [];
  mentions.forEach((m, idx) => {
    let found = -1;
    if (m.acronymOf !== undefined) found = chain[m.acronymOf];
    const keys = nameKeys(m.text);
    if (found < 0 && m.roleOnly && m.type === 'PER') {
      // A title alone refers to the latest person who carried it (else stays its own chain).
      for (let c = chainRoles.length - 1; c >= 0; c--) {
        if (chainType[c] === 'PER' && m.roles.some((r) => chainRoles[c].includes(r))) { found = c; break; }
      }
    }
    if (found < 0 && !m.roleOnly && keys.length > 0) {
      // The same words as any earlier mention of a chain ("OFAC" after "… Control (OFAC)").
      const lowerText = m.text.toLowerCase();
      const exact = chainTexts.findIndex((set, c) => set.has(lowerText) && (chainType[c] === m.type || /^[\p{Lu}]{2,}$/u.test(m.text)));
      if (exact >= 0) found = exact;
      else if (m.type === 'PER' || (m.type === 'MISC' && !m.demonym) || m.weak) {
        // A shorter mention whose words all occur in an earlier person's name ("Trump", "Al-Fayyadh").
        for (let c = names.length - 1; c >= 0; c--) {
          if (chainType[c] !== 'PER') continue;
          if (keys.every((k) => chainKeys[c].includes(k))) { found = c; break; }
        }
      }
      if (found < 0 && m.type === 'PER' && keys.length >= 2) {
        // A full name after its surname alone ("Brown ally rejects …" then "Gordon Brown"): the
        // person the headline or lead named first. Not when that surname is in the same sentence:
        // "Reagan and Nancy Reagan" are two people, as no writer names one twice in a sentence.
        for (let c = names.length - 1; c >= 0; c--) {
          if (chainType[c] === 'PER' && chainKeys[c].length < keys.length && chainKeys[c].every((k) => keys.includes(k))
            && (m.sentence === undefined || !chainSentences[c].has(m.sentence))) { found = c; break; }
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
    } else {
      chainTexts[found].add(m.text.toLowerCase());
      if (!m.roleOnly && !m.gloss && m.text.length > names[found].length && chainType[found] === m.type) {
        names[found] = m.text;
        chainKeys[found] = [...new Set([...chainKeys[found], ...keys])];
      }
      for (const r of m.roles) if (!chainRoles[found].includes(r)) chainRoles[found].push(r);
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

/**
 * A retreat or concession promised is a concession (PLOVER 2.0 manual, RETREAT and CONCEDE
 * "Potential ambiguities": "Announcements of future retreats should be coded as CONCEDE"; AGREE:
 * "Future cooperative actions of type RETREAT + future and CONCEDE + future … do not reduce to
 * AGREE"). So "the US had agreed to release the four", "pledged to lift the ban", "promised to
 * withdraw its troops" are CONCEDE, not the AGREE that the word of agreeing codes on its own; an
 * agreement to cooperate ("agreed to hold talks", "promised to send aid") stays AGREE.
 *
 * The act promised is the agreeing verb's "to" clause, read as the pattern dictionary reads it
 * (the longest pattern of its verb whose words are all in its phrase: "lift the ban" is CONCEDE,
 * "release the four" RETREAT). A verb that only sets out towards the act ("work towards lifting",
 * "move to withdraw", "begin to release") passes its own "to" clause or "towards" phrase on.
 */
import type { DependencyTree } from '../syntax/tree.js';
import { eventPatterns, ploverFor } from './ontology.js';
import { caseOf } from './arguments.js';
import type { SenseContext } from './sense.js';

/** Verbs of agreeing, promising or offering: a commitment whose content is the act. */
const COMMITS = new Set(['agree', 'promise', 'pledge', 'offer', 'undertake', 'commit', 'vow']);
/** Verbs that set out towards an act without being one: their content is the act's. */
const TOWARDS = new Set(['work', 'move', 'begin', 'start', 'seek', 'try', 'aim', 'strive', 'proceed', 'act']);
/** A concession when promised, and a material retreat (which the promise makes a concession). */
const YIELDING = new Set(['CONCEDE', 'RETREAT']);
/** CAMEO "yield, other": a concession of no more specific kind. */
const YIELD = '080';

/** The CAMEO code of the longest verb pattern of the word at k whose words all lie in its phrase, or null. */
export function actCode(c: SenseContext, tree: DependencyTree, k: number): string | null {
  const [lo, hi] = tree.subtreeRange(k);
  const words = new Set(c.tokens.slice(lo, hi + 1).flatMap((x) => [x.lemma, x.normal]));
  const lemma = c.tokens[k].lemma;
  let best: { words: number; cameo: string | null } | null = null;
  for (const p of eventPatterns()) {
    if (p.kind !== 'verb' || p.before.length || !p.words[0].includes(lemma)) continue;
    if (!p.words.slice(1).every((alts) => alts.some((w) => words.has(w)))) continue;
    if (!best || p.words.length > best.words) best = { words: p.words.length, cameo: p.cameo };
  }
  return best?.cameo ?? null;
}

/** The "to" clauses of the verb at v (its xcomp with "to"), and a "towards" phrase's verb ("work towards lifting"). */
function contentClauses(c: SenseContext, tree: DependencyTree, v: number): number[] {
  const to = tree.childrenWith(v, 'xcomp').filter((k) => tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to'));
  const towards = tree.childrenWith(v, 'advcl', 'obl').filter((k) => c.tokens[k].pos === 'VERB' && ['towards', 'toward'].includes(caseOf(c, tree, k) ?? ''));
  // (a mark the parse put on the clause, not a case: "towards lifting" read as an adverbial clause)
  const marked = tree.childrenWith(v, 'advcl').filter((k) => tree.childrenWith(k, 'mark').some((m) => ['towards', 'toward'].includes(c.tokens[m].normal)));
  return [...new Set([...to, ...towards, ...marked])];
}

/**
 * The CONCEDE code a promise, agreement or offer at t makes of a retreat or concession it commits
 * to, or null when t commits to no such act (or is no such verb).
 */
export function promisedConcession(c: SenseContext, tree: DependencyTree, t: number): string | null {
  if (!COMMITS.has(c.tokens[t].lemma)) return null;
  let clauses = contentClauses(c, tree, t);
  for (let depth = 0; depth < 2; depth++) {
    for (const k of clauses) {
      const code = actCode(c, tree, k);
      const type = code ? ploverFor(code)?.event : undefined;
      if (code && type && YIELDING.has(type)) return type === 'CONCEDE' ? code : YIELD;
    }
    clauses = clauses.filter((k) => TOWARDS.has(c.tokens[k].lemma)).flatMap((k) => contentClauses(c, tree, k));
  }
  return null;
}

/**
 * Is the verb at t a retreat or concession that a promise, agreement or offer commits to ("agreed
 * to release", "pledged to work towards lifting")? Then it is that commitment's content, coded on
 * the commitment (promisedConcession), and no event of its own.
 */
export function concessionPromised(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const code = actCode(c, tree, t);
  const type = code ? ploverFor(code)?.event : undefined;
  if (!type || !YIELDING.has(type)) return false;
  let k = t;
  for (let steps = 0; steps < 3; steps++) {
    const h = tree.head(k);
    if (h === null || h < 0 || !contentClauses(c, tree, h).includes(k)) return false;
    if (COMMITS.has(c.tokens[h].lemma)) return true;
    if (!TOWARDS.has(c.tokens[h].lemma)) return false;
    k = h;
  }
  return false;
}

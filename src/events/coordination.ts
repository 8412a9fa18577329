/**
 * Coordination in the dependency parse. UD hangs every conjunct after the first on the first
 * (`conj`), and only the first carries the relation that the whole coordination has to the word
 * above: in "asked him to apologise and withdraw his comments", "withdraw" is a `conj` of
 * "apologise", and only "apologise" is the `xcomp` of "asked" — yet both are what is asked for.
 * A rule that reads what a word is the content of climbs to the first conjunct first.
 */
import type { DependencyTree } from '../syntax/tree.js';

/**
 * The first conjunct of the coordination that token k is a later conjunct of, whose relation
 * stands for the whole coordination; k itself when it is no later conjunct. A conjunct with a
 * subject or auxiliary of its own is a clause or predicate of its own ("Amal asked Syria to leave
 * and Syria refused", "… to represent the area and should resign"): it shares nothing, and is
 * returned as it is.
 */
export function firstConjunct(tree: DependencyTree, k: number): number {
  let at = k;
  for (let steps = 0; steps < 8 && tree.baseRel(at) === 'conj'; steps++) {
    // (…and one with an auxiliary of its own is a predicate of its own: "has no mandate to represent the area and should resign")
    if (tree.childrenWith(at, 'nsubj', 'nsubj:pass', 'csubj', 'aux', 'aux:pass').length) return at;
    const h = tree.head(at);
    if (h === null || h < 0) return at;
    at = h;
  }
  return at;
}

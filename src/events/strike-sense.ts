/**
 * The sense of a verb of striking ("hit", "strike", "blast", "slam", "pound"), decided by its
 * arguments in the parse, as PLOVER's types need it:
 * - physical (ASSAULT): a weapon, an aircraft or a warship as the striker or as the instrument
 *   ("with mortars"), or a structure or a position as what is struck ("blasted the army post") —
 *   whatever the verb's usual sense in the pattern dictionary ("blast" is mostly "blasted the plan");
 * - affecting (no event): a happening as the subject hits in the sense of affecting ("the walkout
 *   hit Jobcentres", "the sanctions hit exports"), unless a weapon or a structure says otherwise.
 * The words are data/strike-senses.tsv.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';
import type { SenseContext } from './sense.js';
import { caseOf } from './arguments.js';

export type StrikeSense = 'physical' | 'affecting';

const is = (kind: string, t: Token) => {
  const words = wordSets('strike-senses.tsv').get(kind);
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** The head of a noun phrase, through a compound ("army post" → "post"; "the walkout" → "walkout"). */
function heads(tree: DependencyTree, ks: number[]): number[] {
  return ks.flatMap((k) => [k, ...tree.childrenWith(k, 'conj')]);
}

/** The sense the arguments of the verb of striking at `t` give it, or null when they say nothing (or `t` is no such verb). */
export function strikeSense(c: SenseContext, tree: DependencyTree, t: number): StrikeSense | null {
  const verb = c.tokens[t];
  if (verb.pos !== 'VERB' || !is('verb', verb)) return null;
  const passive = tree.childrenWith(t, 'nsubj:pass', 'aux:pass').length > 0;
  const strikers = heads(tree, passive
    ? tree.children(t).filter((k) => tree.dep(k)?.rel === 'obl:agent' || caseOf(c, tree, k) === 'by')
    : tree.childrenWith(t, 'nsubj'));
  const struck = heads(tree, passive ? tree.childrenWith(t, 'nsubj:pass') : tree.childrenWith(t, 'obj'));
  const instruments = tree.children(t).filter((k) => ['obl', 'nmod'].includes(tree.baseRel(k) ?? '') && caseOf(c, tree, k) === 'with');
  const armed = strikers.some((k) => is('weapon', c.tokens[k])) || instruments.some((k) => is('weapon', c.tokens[k]));
  if (armed || struck.some((k) => is('structure', c.tokens[k]))) return 'physical';
  if (strikers.some((k) => is('affecting', c.tokens[k]))) return 'affecting';
  // (read from the words where the parse gives the verb no subject: "The UK-wide action hit …" taken as a description of "action")
  const before = c.tokens[t - 1];
  if (!strikers.length && !passive && t - 1 >= c.sentenceStart && before.pos === 'NOUN' && is('affecting', before)) return 'affecting';
  return null;
}

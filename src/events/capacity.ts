/**
 * A power held or given is no act done. PLOVER codes what actors do; "the right of the House of
 * Commons to overrule the House of Lords", "the act authorized the US government to sanction
 * offenders", "25 members elected to examine the mayor's activities", "without giving the bank the
 * right to appeal" say who may act, not that anyone did. The act is the "to" clause of a noun of
 * capacity (right, power, authority …) or of a verb that grants one (authorize, empower, elect …),
 * read from the dependency parse; the words are data/word-senses.tsv's `capacity` and `grants`.
 * The granting itself may be an event of its own, coded from its own word where a pattern has one.
 */
import type { DependencyTree } from '../syntax/tree.js';
import type { Token } from '../doc/types.js';
import { wordSets } from '../util/data.js';
import { firstConjunct } from './coordination.js';
import type { SenseContext } from './sense.js';

const isWord = (t: Pick<Token, 'lemma' | 'normal'>, kind: string) => {
  const words = wordSets('word-senses.tsv').get(kind);
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Relations by which a "to" clause hangs on the noun or verb it completes. */
const CLAUSE_RELS = new Set(['acl', 'xcomp', 'advcl', 'ccomp']);

/**
 * Is the verb at t the act of a power held or given: the "to" clause (or a later conjunct of one)
 * of a noun of capacity or of a verb that grants a power?
 */
export function grantedPower(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const k = firstConjunct(tree, t);
  const toInfinitive = tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to');
  const h = tree.head(k);
  if (!toInfinitive || h === null || h < 0 || !CLAUSE_RELS.has(tree.baseRel(k) ?? '')) return false;
  const head = c.tokens[h];
  if (head.pos === 'NOUN' || head.pos === 'ADJ') return isWord(head, 'capacity');
  return head.pos === 'VERB' && isWord(head, 'grants');
}

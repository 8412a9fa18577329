/**
 * Being forced by circumstances is no coercion. PLOVER's COERCE is a political actor's use of
 * force or restriction on another; "economic pressures have forced producers to sell out", "fear
 * of unrest has forced China to curtail the reform", "the government has been forced to walk a
 * fine line" tell of necessity, with no one who compels. Read from the parse: a verb of compelling
 * (data/word-senses.tsv `compels`) is an act only when its doer — the subject, or a passive's "by"
 * agent — is someone: a name or a described actor (an entity mention), or a pronoun that stands
 * for one. A passive with no agent and a subject that is a thing or a happening make no event.
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const compels = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('word-senses.tsv').get('compels');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Is the word at k someone: a pronoun or a word inside an entity mention? */
export function someone(tokens: readonly Token[], mentions: readonly EntityMention[], k: number): boolean {
  return tokens[k].pos === 'PRON' || mentions.some((m) => m.start <= tokens[k].start && m.end >= tokens[k].end);
}

/** Is the verb of compelling at t told of circumstances: no one who compels in the parse? */
export function compelledByCircumstance(tokens: readonly Token[], mentions: readonly EntityMention[], tree: DependencyTree | null, t: number): boolean {
  if (!tree || !tree.parsed(t) || tokens[t].pos !== 'VERB' || !compels(tokens[t])) return false;
  const passive = tree.childrenWith(t, 'nsubj:pass', 'aux:pass').length > 0;
  const doers = passive ? tree.childrenWith(t, 'obl:agent') : tree.childrenWith(t, 'nsubj');
  // (an active verb with no subject in the parse — a participle, a clause hung elsewhere — says nothing)
  if (!passive && !doers.length) return false;
  return !doers.some((k) => someone(tokens, mentions, k));
}

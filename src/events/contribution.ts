/**
 * "Help" with an act as its complement and no one helped is contributing to an outcome, not aid:
 * "the package will help ease pressure on the yen", "sold bills to help absorb a surplus", "the
 * speech helped unite the party". PLOVER's AID is assistance given to a recipient (and a promise
 * of help an AGREE to give it); an outcome helped along has no one to receive it. Read from the
 * parse: a helping verb (data/word-senses.tsv `contributes`) with a clause complement (`xcomp`)
 * and no object or indirect object that names an actor (an entity mention, named or described);
 * "helped the rebels fight the army", "will help Egypt with food" keep their recipient and stay aid.
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const contributes = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('word-senses.tsv').get('contributes');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Is the verb at t a helping verb used of an outcome: an act as complement, no actor helped? */
export function helpsOutcome(tokens: readonly Token[], mentions: readonly EntityMention[], tree: DependencyTree | null, t: number): boolean {
  if (!tree || !tree.parsed(t) || tokens[t].pos !== 'VERB' || !contributes(tokens[t])) return false;
  if (!tree.childrenWith(t, 'xcomp').length) return false;
  const helped = tree.childrenWith(t, 'obj', 'iobj');
  const names = (k: number) => tokens[k].pos === 'PRON' || mentions.some((m) => m.start <= tokens[k].start && m.end >= tokens[k].end);
  return !helped.some(names);
}

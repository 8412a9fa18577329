/**
 * An act a verb of ceasing stops ("agreed to stop shelling the towns", "on condition that the
 * rebels stop attacking army posts", "must cease firing") was going on: the stopping presupposes
 * it, whatever is said of the stopping. So the act is actual, and the modality of the words
 * before the verb of ceasing — an agreement, a demand, a condition — is the stopping's, not a
 * promise or threat of the act (events/modality.ts would otherwise make "agreed to stop shelling"
 * a threat to shell). The verbs are data/cessation-verbs.tsv.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const ceasing = (t: Token) => {
  const words = wordSets('cessation-verbs.tsv').get('cease');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/**
 * The verb of ceasing that stops the act at token `trigger` ("stop" in "stop attacking"), or null.
 * Read from the parse (the act as the verb's complement, or a conjunct of it: "stop attacking …
 * and shelling …"), and from the words where the tagger makes the gerund an adjective.
 */
export function cessationVerb(tokens: Token[], tree: DependencyTree | null, trigger: number, sentenceStart: number): number | null {
  if (!tokens[trigger].normal.endsWith('ing')) return null;
  if (tree && tree.parsed(trigger)) {
    let k = trigger;
    for (let steps = 0; steps < 4 && tree.baseRel(k) === 'conj'; steps++) k = tree.head(k) ?? -1;
    const head = k >= 0 ? tree.head(k) : null;
    if (head !== null && head >= 0 && ['xcomp', 'obj', 'ccomp'].includes(tree.baseRel(k) ?? '') && tokens[head].pos === 'VERB' && ceasing(tokens[head]) && head < k) return head;
  }
  // (the word before the gerund, adverbs passed over: "must stop attacking", "ceased immediately firing")
  let k = trigger - 1;
  while (k > sentenceStart && tokens[k].pos === 'ADV') k--;
  return k >= sentenceStart && ceasing(tokens[k]) && tokens[k].pos !== 'NOUN' ? k : null;
}

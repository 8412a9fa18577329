/**
 * Whose modality an event noun takes. "will provide food aid" promises the aid and "will launch
 * attacks" threatens them: a noun that is its verb's object or passive subject is told as that
 * verb is (events/modality.ts recodes it). But a noun a verb talks about, judges or looks into
 * ("would discuss sanctions", "would condemn an attack", "will investigate the killing",
 * data/topic-verbs.tsv), or one hung on a verb by a preposition of answering or judging ("will
 * retaliate for the attack", "will protest over the killing"), is no act that verb's "will" promises or threatens: the noun keeps
 * its own type, and its realis is its own (events/realis.ts reads it from the parse).
 */
import type { Token } from '../doc/types.js';
import { nounHead, type DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

/** Is the verb one whose object is an event talked about, judged, looked into or answered (data/topic-verbs.tsv)? */
export function topicVerb(t: Pick<Token, 'lemma' | 'normal'>): boolean {
  for (const words of wordSets('topic-verbs.tsv').values()) if (words.has(t.lemma) || words.has(t.normal)) return true;
  return false;
}

/**
 * Does the event noun at token `trigger` take the modality of the words before it (the verb that
 * governs it and that verb's auxiliaries)? False when the parse shows it is a topic verb's object
 * or hung on a verb by a preposition of answering; true otherwise, for a verb among the pattern's words (`matched`),
 * and where the sentence is unparsed.
 */
export function carriesModality(tree: DependencyTree | null, tokens: Token[], trigger: number, matched: readonly number[] = []): boolean {
  if (!tree || !tree.parsed(trigger)) return true;
  const noun = nounHead(tree, tokens, trigger);
  const head = tree.head(noun);
  // (a verb of the pattern itself carries its noun: "impose sanctions")
  if (head === null || head < 0 || !['VERB', 'AUX'].includes(tokens[head].pos) || matched.includes(head)) return true;
  const rel = tree.dep(noun)?.rel ?? '';
  if (rel === 'obj' || rel === 'nsubj:pass') return !topicVerb(tokens[head]);
  // ("retaliate for the attack", "protest over the killing"; but "will proceed with talks" carries them)
  if (tree.baseRel(noun) === 'obl') return !tree.childrenWith(noun, 'case').some((c) => ANSWERING.has(tokens[c].normal));
  return true;
}

/** Prepositions by which a verb answers, judges or speaks of an event rather than doing it: "retaliate for", "protest over", "ask about". */
const ANSWERING = new Set(['for', 'over', 'about', 'after', 'following', 'against']);


/**
 * What a verb is done to, or how it goes on, can give it another sense than the one its pattern
 * means (PLOVER codes acts on political actors and their property):
 * - a text, a count or a picture released or handed over is published, not freed (RETREAT
 *   "release" is of persons or property): "the ministry released a statement", "a poll released
 *   earlier this week", "the army released figures";
 * - a goal, a payment or a deadline met is fulfilled: no one is met, and "could not meet the
 *   repayments" refuses no one.
 * (Fighting "to" do something is not read as striving: "troops fought to retake the town" is
 * violence.) The words are data/word-senses.tsv's `record` and `aim`; the roles are read from the
 * dependency parse.
 */
import type { DependencyTree } from '../syntax/tree.js';
import type { Token } from '../doc/types.js';
import { wordSets } from '../util/data.js';
import type { SenseContext } from './sense.js';

const isWord = (t: Pick<Token, 'lemma' | 'normal'>, kind: string) => {
  const words = wordSets('word-senses.tsv').get(kind);
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/**
 * Types that free or hand back someone or something: what is released must be someone, or their
 * property. (Not COOPERATE or AID: "shared information with Israel" is intelligence cooperation.)
 */
const HANDING = new Set(['RETREAT']);

/**
 * The heads of what the verb at v is done to: its object, its passive subject, or the noun it
 * describes as a participle ("a poll released this week"), with their conjuncts.
 */
export function patientHeads(c: SenseContext, tree: DependencyTree, v: number): number[] {
  const own = tree.childrenWith(v, 'obj', 'nsubj:pass');
  const h = tree.head(v);
  const described = !own.length && tree.baseRel(v) === 'acl' && h !== null && h >= 0 && h < v && c.tokens[h].pos === 'NOUN' ? [h] : [];
  // (a handing verb with no object describes its "subject", where the parse took a participle for
  // the main verb: "A Los Angeles Times poll released earlier this week showed …")
  const misread = !own.length && !described.length && /(ed|en)$/.test(c.tokens[v].normal) ? tree.childrenWith(v, 'nsubj') : [];
  const heads = [...own, ...described, ...misread];
  return [...heads, ...heads.flatMap((k) => tree.childrenWith(k, 'conj'))];
}

/**
 * The other sense that what the verb at v acts on gives it — 'publication' or 'fulfilment' — or
 * null. `event` is the PLOVER type the trigger codes.
 */
export function objectSense(c: SenseContext, tree: DependencyTree, v: number, event: string): string | null {
  const patients = patientHeads(c, tree, v);
  const all = (kind: string) => patients.length > 0 && patients.every((k) => isWord(c.tokens[k], kind));
  if (HANDING.has(event) && all('record')) return 'publication';
  if (c.tokens[v].lemma === 'meet' && all('aim')) return 'fulfilment';
  return null;
}

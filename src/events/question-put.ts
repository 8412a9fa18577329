/**
 * A question put is no request. PLOVER's REQUEST is a request, demand or order for an act; asking
 * what, how or why something is, or a reporter's "Asked if the bank would respond …, Fujioka said",
 * asks for information. sense.ts already reads "asked whether he is …" and "asked about …" as
 * questions; two more shapes say so from the parse:
 * - a complement opened by a question word ("asked what China could learn", "asked how much
 *   more workers can take", "asked when the troops would leave") — a request never takes one;
 * - an "if"/"whether" complement of "asked" used as a participle — with no subject, after a comma,
 *   or with a "by" agent: "Asked if …, X said", "Yeutter, asked whether …, replied", "asked by
 *   reporters if …": the question a speaker answers. (A finite "the ministry asked whether it could
 *   help" may be a polite request and is left as it is.)
 * The asking verbs are data/word-senses.tsv's `asks`.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const asks = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('word-senses.tsv').get('asks');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Words that open a question about what is: "what", "how", "why", "when", "where", "who", "which". */
const WH = new Set(['what', 'how', 'why', 'when', 'where', 'who', 'whom', 'whose', 'which']);
const YES_NO = new Set(['if', 'whether']);

/** Is "asked" at t used as a participle: no subject of its own, a comma before it, or a "by" agent? */
function participle(tokens: readonly Token[], tree: DependencyTree, t: number): boolean {
  if (!tree.childrenWith(t, 'nsubj').length) return true;
  if (t > 0 && tokens[t - 1].normal === ',') return true;
  return tree.childrenWith(t, 'obl:agent').length > 0;
}

/** Is the REQUEST at the asking verb t a question put: its complement opened by a question word, or "Asked if …"? */
export function questionPut(tokens: readonly Token[], tree: DependencyTree | null, t: number, event: string): boolean {
  if (event !== 'REQUEST' || !tree || !tree.parsed(t) || tokens[t].pos !== 'VERB' || !asks(tokens[t])) return false;
  // (an act asked for with "to" is a request, whatever follows: "asked them to say what …")
  if (tree.childrenWith(t, 'xcomp').some((k) => tree.childrenWith(k, 'mark').some((m) => tokens[m].normal === 'to'))) return false;
  const openers = tree.children(t)
    // (the question word may be hung on the verb itself: "Asked what the country could learn" with "what" as its object)
    .filter((k) => k > t && ['ccomp', 'advcl', 'xcomp', 'obl', 'obj', 'iobj'].includes(tree.baseRel(k) ?? ''))
    .map((k) => tokens[tree.subtreeRange(k)[0]].normal);
  if (openers.some((w) => WH.has(w))) return true;
  return openers.some((w) => YES_NO.has(w)) && participle(tokens, tree, t);
}

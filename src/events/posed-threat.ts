/**
 * A threat that something poses is a danger, not a threat made. PLOVER's THREATEN is a threat or a
 * coercive warning someone makes; "the new missiles pose a greater threat to merchant ships",
 * "terrorism represents a serious threat to the country", "the threat posed by the missiles" say
 * what is dangerous, whoever says it. Read from the parse: the THREATEN noun is the object of a
 * verb of being a danger (data/word-senses.tsv `poses`), or is described by one ("posed by").
 * A threat issued, made or carried out ("issued a threat against the capital") stays a threat.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const poses = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('word-senses.tsv').get('poses');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/** Is the THREATEN noun at n a danger posed: the object of "pose" (or its like), or described by "posed"? */
export function posedThreat(tokens: readonly Token[], tree: DependencyTree | null, n: number, event: string): boolean {
  if (event !== 'THREATEN' || !tree || !tree.parsed(n) || tokens[n].pos !== 'NOUN') return false;
  const h = tree.head(n);
  if (h !== null && h >= 0 && tree.baseRel(n) === 'obj' && poses(tokens[h])) return true;
  return tree.childrenWith(n, 'acl').some((k) => poses(tokens[k]));
}

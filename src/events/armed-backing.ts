/**
 * Backing by weapons is part of an armed operation, not political support. PLOVER's SUPPORT is
 * one actor's backing of another ("France backed the Ivory Coast during the talks"); "the forces,
 * backed by heavy artillery fire, continued to advance", "troops supported by tanks" tell how an
 * operation was fought. Read from the parse: a SUPPORT or COOPERATE verb whose doers — the
 * passive's "by" agent, or the subject — are all weapons, vehicles or fire (data/strike-senses.tsv
 * `weapon`) makes no event. ("Rebels backed by Libya" keep their backer; and protection by warships —
 * "tankers protected by U.S. warships" — is CAMEO's military protection, PLOVER AID, left as it is.)
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';

const weapon = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('strike-senses.tsv').get('weapon');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

const BACKING = new Set(['SUPPORT', 'COOPERATE']);

/** Is the backing verb at t done by weapons alone ("backed by heavy artillery fire")? */
export function armedBacking(tokens: readonly Token[], tree: DependencyTree | null, t: number, event: string): boolean {
  if (!BACKING.has(event) || !tree || !tree.parsed(t) || tokens[t].pos !== 'VERB') return false;
  // (the "by" phrase is the agent however the parse labels it: "supported by tanks" read as an oblique)
  const agents = tree.children(t).filter((k) => tree.dep(k)?.rel === 'obl:agent'
    || (tree.baseRel(k) === 'obl' && tree.childrenWith(k, 'case').some((m) => tokens[m].normal === 'by')));
  const doers = agents.length ? agents : tree.childrenWith(t, 'nsubj');
  const all = doers.flatMap((k) => [k, ...tree.childrenWith(k, 'conj')]);
  return all.length > 0 && all.every((k) => weapon(tokens[k]));
}

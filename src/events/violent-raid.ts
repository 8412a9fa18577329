/**
 * A raid is COERCE `seize` in PLOVER ("execute search, confiscate property, raid": coercion
 * falling short of violence). A raid that kills or wounds, or one on ships at sea, is not short of
 * violence: it is an armed attack, ASSAULT ("an adviser was killed in a raid on the base", "raids
 * on shipping"). Read from the sentence's casualty words (data/casualty-words.tsv, killed and
 * injured) and from what the raid is on (data/plover-object-classes.tsv, vessels).
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { loadTsv } from '../util/data.js';
import type { SenseContext } from './sense.js';
import { caseOf } from './arguments.js';
import { objectClass } from './plover-rules.js';

/** Words of raiding (lemmas). */
const RAID = new Set(['raid', 'foray', 'incursion']);

let harm: Set<string> | null = null;
/** Word forms that tell people were killed or hurt (data/casualty-words.tsv). */
function harmWords(): Set<string> {
  if (!harm) harm = new Set(loadTsv('casualty-words.tsv').filter((r) => r.category === 'killed' || r.category === 'injured').map((r) => r.word));
  return harm;
}

const raiding = (t: Token) => RAID.has(t.lemma) || RAID.has(t.normal.replace(/s$/, ''));

/** Is the raid at token `t` violent: its sentence tells of people killed or hurt, or it is made on ships? */
export function violentRaid(c: SenseContext, tree: DependencyTree, t: number, kind: 'verb' | 'noun'): boolean {
  if (!raiding(c.tokens[t])) return false;
  for (let k = c.sentenceStart; k < c.sentenceEnd; k++) if (harmWords().has(c.tokens[k].normal)) return true;
  const targets = kind === 'verb'
    ? tree.childrenWith(t, 'obj', 'nsubj:pass')
    : tree.childrenWith(t, 'nmod').filter((k) => ['on', 'against', 'of'].includes(caseOf(c, tree, k) ?? ''));
  if (targets.some((k) => vessel(c.tokens[k]))) return true;
  // (read from the words where the parse takes "shipping" for a verb: "raids on shipping", "raids on two tankers")
  let k = t + 1;
  if (!['on', 'against'].includes(c.tokens[k]?.normal ?? '')) return false;
  for (k++; k < c.sentenceEnd && k <= t + 5 && ['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'VERB'].includes(c.tokens[k].pos); k++) {
    if (vessel(c.tokens[k])) return true;
    if (c.tokens[k].pos === 'NOUN' || c.tokens[k].pos === 'VERB') return false;
  }
  return false;
}

const vessel = (t: Token) => objectClass(t.lemma, t.normal) === 'vessel';

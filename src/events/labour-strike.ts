/**
 * "Strike" in its labour sense is a stoppage of work — CAMEO 143, PLOVER PROTEST (mode strike) —
 * not an attack. The pattern dictionary settles the clear phrases ("general strike", "strike by
 * miners"); where the pattern read the word as violence ("longer strikes at two car plants",
 * "trade unions carried out strikes"), the words the parse hangs on "strike" and the one who
 * strikes decide: a worker who strikes (a participant of the labour sector, LAB, or a word of data/labour-words.tsv
 * `worker` as its subject, possessor or "by" agent), a workplace it is "at" (`workplace`), a
 * demand it is "for" or "over" (`demand`), or a word of a kind or length of stoppage on it
 * (`kind`: "a 24-hour strike", "a wildcat strike"). A weapon or an aircraft on it keeps the
 * attack ("air strike", strike-sense.ts).
 */
import type { Entity, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';
import { caseOf, type ArgumentContext } from './arguments.js';

const is = (kind: string, t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('labour-words.tsv').get(kind);
  return !!words && (words.has(t.normal) || words.has(t.lemma));
};
const weapon = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('strike-senses.tsv').get('weapon');
  return !!words && (words.has(t.normal) || words.has(t.lemma));
};

/** The CAMEO code of a labour strike. */
export const LABOUR_STRIKE = '143';

/** Do the words hung on the "strike" at s (and its verb's subject) give it the labour sense? */
function labourWords(c: ArgumentContext, tree: DependencyTree, s: number, v: number | null): boolean {
  const kids = tree.children(s);
  if (kids.some((k) => weapon(c.tokens[k]))) return false;
  if (kids.some((k) => ['amod', 'compound', 'nmod:poss'].includes(tree.baseRel(k) ?? '') && (is('kind', c.tokens[k]) || is('worker', c.tokens[k])))) return true;
  for (const k of [...kids, ...(v !== null ? tree.children(v) : [])]) {
    const prep = caseOf(c, tree, k);
    if (prep === 'at' && is('workplace', c.tokens[k])) return true;
    if ((prep === 'for' || prep === 'over') && is('demand', c.tokens[k])) return true;
    if (prep === 'by' && is('worker', c.tokens[k])) return true;
  }
  const subject = v !== null ? tree.childrenWith(v, 'nsubj') : [];
  return subject.some((k) => is('worker', c.tokens[k]));
}

/**
 * The CAMEO code for an ASSAULT whose pattern words hold "strike" used in its labour sense (143),
 * or null. `matched` are the pattern's tokens; `actor` the event's actors.
 */
export function labourStrike(c: ArgumentContext, event: string, matched: readonly number[], actor: readonly Entity[]): string | null {
  const tree = c.tree;
  if (event !== 'ASSAULT' || !tree) return null;
  const s = matched.find((k) => c.tokens[k].lemma === 'strike' || c.tokens[k].normal.startsWith('strike'));
  if (s === undefined || !tree.parsed(s)) return null;
  const verb = c.tokens[s].pos === 'VERB' ? s : (() => { const h = tree.head(s); return h !== null && h >= 0 && c.tokens[h].pos === 'VERB' ? h : null; })();
  if (tree.children(s).some((k) => weapon(c.tokens[k]))) return null;
  if (actor.length > 0 && actor.every((a) => a.sector === 'LAB')) return LABOUR_STRIKE;
  return labourWords(c, tree, s, verb) ? LABOUR_STRIKE : null;
}

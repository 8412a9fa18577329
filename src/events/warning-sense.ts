/**
 * A warning is a threat only when what it warns of can be someone's act. PLOVER's THREATEN is
 * "threats, coercive or forceful warnings with serious potential repercussions"; "Volcker warned a
 * further dollar fall might force rates up", "he warned there would be no quick recovery" forecast
 * how things will go, with no one to carry anything out. Read from the parse: a verb of warning
 * (data/word-senses.tsv `warns`) whose clause complement has a thing or a happening as its
 * subject (no entity mention, no pronoun), or an expletive "there", is a forecast. A warning of
 * what an actor or "it"/"we" will do ("warned that Iran would combat any intervention", "warned
 * it would retaliate"), of what will be done with the doer unsaid ("any attack would be met with
 * force"), or one with no clause ("warned of reprisals", "warned the US against …") stays a threat.
 * A warning "of" weather, disease, an accident or the economy ("warned of a recession", "issued
 * warnings of floods") forecasts too; the classes are data/non-political-heads.tsv's (sense.ts's
 * `headClass`).
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';
import { someone } from './compulsion.js';
import { headClass } from './sense.js';
import { caseOf } from './arguments.js';
import type { SenseContext } from './sense.js';

const warns = (t: Pick<Token, 'lemma' | 'normal'>) => {
  const words = wordSets('word-senses.tsv').get('warns');
  return !!words && (words.has(t.lemma) || words.has(t.normal));
};

/**
 * Is the clause headed by k (a complement of the verb of warning w) a forecast of things: its
 * subject no one, or an expletive "there"? A clause with no subject takes the object the parser
 * gave the verb of warning just before it ("warned a further fall … might push" misread as
 * "warned a further fall").
 */
function forecast(tokens: readonly Token[], mentions: readonly EntityMention[], tree: DependencyTree, w: number, k: number): boolean {
  if (tree.childrenWith(k, 'expl').length) return true;
  const own = tree.childrenWith(k, 'nsubj');
  const active = own.length || tree.childrenWith(k, 'nsubj:pass').length ? own : tree.childrenWith(w, 'obj').filter((o) => o < k);
  const passive = tree.childrenWith(k, 'nsubj:pass');
  // (a passive with its doer unsaid may be the warner's own act: "would be met with force")
  if (passive.length && !tree.childrenWith(k, 'obl:agent').length) return false;
  const subjects = active.length ? active : passive;
  return subjects.length > 0 && !subjects.some((s) => someone(tokens, mentions, s));
}

/** Classes of what a forecast is of: things that happen to people, not what someone does to them. */
const HAPPENS = new Set(['money', 'nature', 'disease', 'accident']);

/** Is what the warning word at w warns "of" a thing that happens (a recession, floods)? */
function ofThings(c: SenseContext, tree: DependencyTree, w: number): boolean {
  const of = tree.children(w).filter((k) => ['obl', 'nmod'].includes(tree.baseRel(k) ?? '') && caseOf(c, tree, k) === 'of');
  return of.length > 0 && of.every((k) => HAPPENS.has(headClass(c.tokens[k]) ?? ''));
}

/**
 * Is the THREATEN at t a forecast rather than a threat: a verb of warning whose clause forecasts
 * things, or a warning (verb or noun, or the noun a verb issues: "issued warnings of …") of things
 * that happen?
 */
export function warnsOfThings(c: SenseContext, tree: DependencyTree | null, t: number, event: string): boolean {
  const { tokens, mentions } = c;
  if (event !== 'THREATEN' || !tree || !tree.parsed(t)) return false;
  const word = warns(tokens[t]) ? t : tree.childrenWith(t, 'obj').find((k) => warns(tokens[k]));
  if (word === undefined) return false;
  if (ofThings(c, tree, word)) return true;
  if (word !== t || tokens[t].pos !== 'VERB') return false;
  const clauses = tree.childrenWith(t, 'ccomp');
  return clauses.length > 0 && clauses.every((k) => forecast(tokens, mentions, tree, t, k));
}

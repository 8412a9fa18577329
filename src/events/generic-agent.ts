/**
 * Generic and habitual statements are no events (analyst guidelines: habitual references are not
 * coded; PLOVER codes what an actor did): "People get released from prison when …", "if I do
 * that you hand power over your policies to the editors", "a defendant could appeal against a
 * ruling". The doer is anyone at all — a generic pronoun ("you", "one", "anyone"), a bare plural
 * ("people", "soldiers") or a noun with "a"/"any"/"every" — and the clause tells what happens
 * in general: the simple present, or a modal of possibility ("can", "could", "may"). The same
 * doers in the past ("you attacked us", "a gunman shot three people") or the progressive
 * ("soldiers are shooting") tell of one happening, and stay.
 */
import type { DependencyTree } from '../syntax/tree.js';
import type { Token } from '../doc/types.js';
import type { SenseContext } from './sense.js';

/** Pronouns that stand for anyone at all. */
const GENERIC_PRONOUNS = new Set(['you', 'one', 'anyone', 'anybody', 'everyone', 'everybody', 'whoever']);
/** Determiners that make a noun anyone of its kind. */
const GENERIC_DETERMINERS = new Set(['a', 'an', 'any', 'every', 'each']);
/** Modals of possibility: what may happen in general, not what happened. */
const POSSIBILITY = new Set(['can', 'could', 'may', 'might']);

/** Verbs whose simple past is their bare form ("warplanes hit the jetty"): the form alone says no tense. */
const SAME_IN_PAST = new Set(['hit', 'put', 'cut', 'set', 'shut', 'let', 'hurt', 'cost', 'beat', 'burst', 'cast', 'spread', 'shed', 'quit', 'split', 'thrust', 'bet', 'bid', 'broadcast', 'forecast', 'upset', 'read', 'rid', 'slit', 'spit', 'sublet', 'wed']);

/** Is the verb form surely the simple present of its lemma ("hand", "gets", "carries"; not "hit", which may be past)? */
export function simplePresent(t: Pick<Token, 'normal' | 'lemma'>): boolean {
  const { normal, lemma } = t;
  if (normal === `${lemma}s` || normal === `${lemma}es`) return true;
  if (normal === lemma) return !SAME_IN_PAST.has(lemma);
  return lemma.endsWith('y') && normal === `${lemma.slice(0, -1)}ies`;
}

/** The finite verb of the clause the verb at v belongs to: up through "to"-less complements ("get released", "help unite"). */
function finiteVerb(tree: DependencyTree, v: number): number {
  let k = v;
  for (let steps = 0; steps < 3 && tree.baseRel(k) === 'xcomp'; steps++) {
    const h = tree.head(k);
    if (h === null || h < 0) break;
    k = h;
  }
  return k;
}

/**
 * Does the clause of the verb at v tell what happens in general: 'possible' with a modal of
 * possibility, 'present' in the simple present with no auxiliary, else false?
 */
export function genericTense(c: SenseContext, tree: DependencyTree, v: number): 'possible' | 'present' | false {
  const f = finiteVerb(tree, v);
  // (an infinitive has no tense of its own: "prompting unions to threaten action")
  if (tree.childrenWith(f, 'mark').some((m) => c.tokens[m].normal === 'to')) return false;
  const aux = tree.childrenWith(f, 'aux', 'aux:pass').map((k) => c.tokens[k].normal);
  if (aux.some((a) => POSSIBILITY.has(a))) return 'possible';
  return aux.length === 0 && c.tokens[f].pos === 'VERB' && simplePresent(c.tokens[f]) ? 'present' : false;
}

/**
 * Is the phrase headed by k anyone at all: a generic pronoun or a bare plural (true), or a noun
 * with "a", "any" or "every" ('indefinite': anyone only where the clause says what may happen —
 * "a defendant could appeal" — since "a client which opposes the plan" is someone)?
 */
export function genericPerson(c: SenseContext, tree: DependencyTree, k: number): boolean | 'indefinite' {
  const t = c.tokens[k];
  if (GENERIC_PRONOUNS.has(t.normal)) return true;
  if (t.pos !== 'NOUN') return false;
  // (a named, owned or described group is someone: "the men", "Iran's soldiers", "Iranian troops", "deputies from several republics")
  if (c.mentions.some((m) => !m.nominal && m.evidence !== 'nominal' && m.start <= t.start && m.end >= t.end)) return false;
  if (tree.childrenWith(k, 'nmod:poss', 'amod', 'compound', 'nummod', 'nmod').length) return false;
  const dets = tree.childrenWith(k, 'det').map((d) => c.tokens[d].normal);
  if (dets.length) return dets.every((d) => GENERIC_DETERMINERS.has(d)) ? 'indefinite' : false;
  return t.normal !== t.lemma || PLURAL_ONLY.has(t.normal);
}
/** Nouns that are plural in their bare form ("people get released …"). */
const PLURAL_ONLY = new Set(['people', 'police', 'personnel', 'clergy', 'folk']);

/** Is the verb at v done by anyone at all in general ("you hand power over", "a defendant could appeal")? Its doer's heads are given. */
export function genericStatement(c: SenseContext, tree: DependencyTree, v: number, doers: number[]): boolean {
  const tense = genericTense(c, tree, v);
  if (!tense || !doers.length) return false;
  return doers.every((k) => {
    const who = genericPerson(c, tree, k);
    return who === true || (who === 'indefinite' && tense === 'possible');
  });
}

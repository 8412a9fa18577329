/**
 * Whether a place named in an event's sentence belongs to the event, read from the dependency
 * parse. A place is the happening's own when its phrase hangs on the trigger ("clashed in Kidal",
 * "the strike near Baghdad"), on the verb whose argument the trigger is ("launched an attack in
 * Gao", "the attack took place in Gao"), on a clause that describes the trigger ("protests held in
 * Bamako"), or locates one of the trigger's own arguments ("attacked a police station in Kano").
 * A place hung anywhere else is another clause's or another thing's: the reporter's ("In London,
 * Lloyd's said the tanker was hit"), a person's origin ("a man from Leicester was arrested"), a
 * described thing's ("sanctions on sales to Iran", "his office in Baghdad").
 *
 * The verdict is 'unknown' where the parse says nothing (an unparsed sentence), so callers keep
 * their word-window reading there.
 */
import type { Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';

export type Attachment = 'own' | 'other' | 'unknown';

/** Relations inside one noun phrase: a name's parts, the noun a name modifies ("Kharg island oil terminal"), a list. */
const PHRASE_INTERNAL = new Set(['compound', 'flat', 'conj', 'amod', 'nummod', 'appos']);
/** Relations by which the trigger noun is an argument of a verb that may carry its place ("launched an attack in X", "killed in a strike"). */
const ARGUMENT_OF = new Set(['obj', 'obl', 'nsubj', 'iobj']);
/** Nouns of time that name a stretch of a happening ("the second day of protests"). */
const TIME_NOUN = /^(?:day|days|week|weeks|month|months|night|nights|year|years|hour|hours)$/;
/** Relations of a trigger verb's own participants, whose locative phrase is the event's too ("attacked a station in Kano"). */
const OWN_ARGUMENTS = new Set(['obj', 'obl', 'iobj', 'nsubj']);
/** Prepositions that put a thing somewhere; "from" and "to" on a noun say where it comes from or goes ("a man from Leicester"). */
const LOCATING = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'within', 'on', 'off', 'along', 'of', 'over', 'behind', 'beside', 'by']);
/** Prepositions by which a phrase names where something goes or comes from, or what it is for ("sales to Iran", "aid for Iraq"): what such a phrase holds is not where the event is. */
const AWAY = new Set(['from', 'to', 'toward', 'towards', 'into', 'against', 'for', 'with', 'without']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** How a phrase that locates something hangs on it: "the city of Mosul", "posts east of Basra", "the outskirts of Baghdad". */
const HOLDING = new Set(['nmod', 'obl', 'amod', 'advmod', 'appos', 'conj']);
/** The words a locating phrase may hang on on its way to the event: nouns and directions ("east of", "near"). */
const HOLDERS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'ADV']);

/** The preposition that introduces token i's phrase, lower case, or null. */
function caseOf(tree: DependencyTree, tokens: readonly Token[], i: number): string | null {
  const c = tree.childrenWith(i, 'case')[0];
  return c === undefined ? null : tokens[c].normal;
}

/** The tokens whose locative dependents place the event at `trigger`, with whether only a locating preposition makes them so. */
function anchors(tree: DependencyTree, tokens: readonly Token[], trigger: number): Map<number, 'any' | 'locating'> {
  const out = new Map<number, 'any' | 'locating'>([[trigger, 'any']]);
  const rel = tree.baseRel(trigger);
  const head = tree.head(trigger);
  const nominal = NOMINAL.has(tokens[trigger].pos);
  // "launched an attack in Gao", "were killed in a strike", "the attack took place in Gao".
  const light = nominal && head !== null && head >= 0 && rel && ARGUMENT_OF.has(rel) && ['VERB', 'AUX'].includes(tokens[head].pos) ? head : null;
  if (light !== null) out.set(light, 'any');
  // "clashed in Tehran on Tuesday, the second day of demonstrations": a happening named as the time
  // of a clause took place where the clause did.
  if (nominal && rel === 'nmod' && head !== null && head >= 0 && TIME_NOUN.test(tokens[head].normal)) {
    const clause = tree.head(head);
    if (tree.baseRel(head) === 'obl' && clause !== null && clause >= 0 && tokens[clause].pos === 'VERB') out.set(clause, 'any');
  }
  // "the men detained in Zambia": a participle's noun is its participant.
  if (!nominal && head !== null && head >= 0 && rel === 'acl' && NOMINAL.has(tokens[head].pos)) out.set(head, 'locating');
  // "agreed to hold talks in Algiers", "refused to meet in Geneva": the act the event's actor commits
  // to happens there; not the act it asks of another ("urged Germany to send", "called on them to leave").
  const asksAnother = tree.childrenWith(trigger, 'obj', 'iobj').length > 0
    || tree.childrenWith(trigger, 'obl').some((c) => c > trigger && c <= trigger + 4 && ['on', 'upon'].includes(caseOf(tree, tokens, c) ?? ''));
  const committed = asksAnother ? [] : tree.childrenWith(trigger, 'xcomp').filter((x) => !out.has(x));
  for (const x of committed) out.set(x, 'any');
  for (const t of [trigger, ...(light === null ? [] : [light]), ...committed]) {
    for (const c of tree.children(t)) {
      const r = tree.baseRel(c);
      // "protests held in Bamako", "the strike, carried out near Gao".
      if (t === trigger && nominal && r === 'acl') out.set(c, 'any');
      // "attacked a police station in Kano", "clashes erupted between soldiers and protesters in Nasiriyah".
      else if (r && OWN_ARGUMENTS.has(r) && NOMINAL.has(tokens[c].pos) && !out.has(c)) {
        out.set(c, 'locating');
        // Each of a list of participants.
        for (const d of tree.childrenWith(c, 'conj')) if (!out.has(d)) out.set(d, 'locating');
      }
    }
  }
  return out;
}

/**
 * Whether the place spanning tokens [first, last] is the event's at `trigger` ('own'), hung on
 * something else ('other'), or whether the parse cannot say ('unknown').
 */
export function placeAttachment(tree: DependencyTree, tokens: readonly Token[], trigger: number, first: number, last: number): Attachment {
  if (!tree.parsed(trigger) || !tree.parsed(first)) return 'unknown';
  let phrase = tree.headOfRange(first, last);
  if (phrase === null) return 'unknown';
  const inPlace = phrase;
  // Up to the head of the noun phrase the name stands in ("the Ayn al-Asad air base", "Kano and Kaduna").
  for (let steps = 0; steps < 6; steps++) {
    const h = tree.head(phrase);
    const r = tree.baseRel(phrase);
    // ("the tanker Avaj"; "in London's High Court": the possessor is part of the place's phrase.)
    const inside = (r && PHRASE_INTERNAL.has(r)) || ['nmod:desc', 'nmod:poss'].includes(tree.dep(phrase)?.rel ?? '');
    if (h === null || h < 0 || !inside || h === trigger) break;
    phrase = h;
  }
  const where = anchors(tree, tokens, trigger);
  // "a Baghdad court issued …": the place names the event's own participant.
  if (phrase !== inPlace && where.has(phrase)) return 'own';
  // "the talks in Paris, where they agreed …": a clause opened by "where" happens at the place just before it
  // (however the parser hung the clause).
  let next = last + 1;
  if (tokens[next]?.normal === ',') next++;
  if (tokens[next]?.normal === 'where' && tree.parsed(next) && where.get(tree.head(next) ?? -1) === 'any') return 'own';
  // "when he is in Washington for the meeting": the trigger hangs on a place that is its clause's predicate.
  if (tree.head(trigger) === phrase && tree.childrenWith(phrase, 'cop').length > 0) return 'own';
  // The place's own preposition says whether it locates what it hangs on ("in Kano") or is its origin ("from Leicester").
  const prep = caseOf(tree, tokens, phrase);
  const locating = prep !== null && LOCATING.has(prep);
  // Through at most three words that hold it ("in the northern city of Mosul", "east of Iraq's second city, Basra").
  let at = phrase;
  for (let hops = 0; hops < 4; hops++) {
    const h = tree.head(at);
    if (h === null || h < 0) return 'other';
    // A word hung on a punctuation mark or by the catch-all "dep": the parse is broken here and says nothing.
    if (tokens[h].pos === 'PUNCT' || tree.baseRel(at) === 'dep') return 'unknown';
    const kind = where.get(h);
    if (kind === 'any') return 'own';
    if (kind === 'locating') return locating ? 'own' : 'other';
    const r = tree.baseRel(at);
    const hop = caseOf(tree, tokens, at);
    if (!r || !HOLDING.has(r) || !HOLDERS.has(tokens[h].pos) || (hop !== null && AWAY.has(hop))) return 'other';
    at = h;
  }
  return 'other';
}

/** Whether the place spanning [first, last] modifies a noun ("a Baghdad court", "Beirut refugee camps") rather than heading its phrase. */
export function namesNoun(tree: DependencyTree, tokens: readonly Token[], first: number, last: number): boolean {
  const k = tree.headOfRange(first, last);
  if (k === null) return false;
  const h = tree.head(k);
  return h !== null && h > last && ['compound', 'amod'].includes(tree.baseRel(k) ?? '') && tokens[h].pos === 'NOUN';
}


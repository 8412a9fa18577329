/**
 * Who did it and to whom, read from the dependency parse (Universal Dependencies): the trigger's
 * subject is the actor (the "by" agent in the passive, whose subject is the recipient), its
 * indirect or direct object or a target oblique ("against", "on", "at"…) the recipient. A verb
 * with no subject of its own takes it from the clause it depends on: control and raising
 * through xcomp ("X vowed to avenge Y"; "urged X to leave": the object controls), purpose and
 * participle clauses, the first verb of a coordinated predicate, the noun a participle or a
 * relative clause describes ("the militia, which attacked …"). Coordinated arguments come along
 * (conj); a description gives way to the name in its apposition. An event noun takes its actor
 * from its possessor or a modifier with a country ("Iran's attack", "a US strike") or "by X", its
 * recipient from "on/against/of X", else both from the light verb that governs it ("Iran
 * launched an attack on X").
 *
 * Each argument's head token is mapped to the entity mention that covers it, else to the first
 * mention with a country in its own noun phrase ("one third of the guerrillas"); a covering
 * mention with no country takes the country its phrase names ("rebels in the Ivory Coast"). Two things are
 * never participants of the event: the subject of a reporting verb that frames it (the source:
 * "…, an Afghan security official said"), and a medium ("on Twitter", "in a statement").
 *
 * Pure functions over the parse and the sentence's mentions; null where the sentence is unparsed,
 * so that the caller falls back to reading word windows (participants.ts).
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { isReportingVerb } from '../attribution/index.js';
import { loadTsv } from '../util/data.js';
import { firstStartingFrom } from '../util/spans.js';

export interface ArgumentContext {
  text: string;
  tokens: Token[];
  /** Mentions in the sentence, in text order (named and nominal, no nested duplicates). */
  mentions: EntityMention[];
  sentenceStart: number;
  sentenceEnd: number;
  tree?: DependencyTree | null;
}

export interface ArgumentReading {
  actor: EntityMention[];
  recipient: EntityMention[];
  passive: boolean;
}

/** Obliques of a verb (or nominal modifiers of an event noun) that name whom the act is aimed at. */
const TARGET_CASES = new Set(['against', 'on', 'upon', 'at', 'to', 'toward', 'towards', 'with', 'into']);
/** Prepositions that put a place in a location rather than in a role, unless the pattern itself has them. */
const PLACE_CASES = new Set(['at', 'in', 'into', 'to', 'near', 'inside', 'outside', 'across', 'through', 'around', 'within', 'from', 'toward', 'towards']);
/** Prepositions that introduce a medium: "on Twitter", "in a statement", "at a news conference". */
const MEDIUM_CASES = new Set(['on', 'in', 'via', 'through', 'over', 'at', 'during']);
/** Relations that stay inside one noun phrase (walked to find a mention or a medium). */
const NOMINAL_RELS = new Set(['nmod', 'nmod:poss', 'compound', 'amod', 'appos', 'flat', 'nmod:desc', 'nummod', 'det']);
/** Personal pronouns a reporting verb's subject is taken up by: "Syria says it will …". */
const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Nouns that stand for their members or count them: "a group of diplomats", "thousands of residents". */
const PARTITIVE = new Set(['group', 'delegation', 'team', 'number', 'handful', 'contingent', 'thousand', 'thousands', 'hundred', 'hundreds',
  'dozen', 'dozens', 'ten', 'tens', 'million', 'millions', 'score', 'scores', 'crowd', 'some', 'many', 'most', 'all', 'half', 'third',
  'quarter', 'majority', 'rest', 'member', 'one', 'two', 'three', 'four', 'five', 'several', 'few']);

let mediumNouns: Set<string> | null = null;
/** Nouns that name a medium (data/medium-nouns.tsv). */
export function isMediumNoun(lemma: string): boolean {
  if (!mediumNouns) mediumNouns = new Set(loadTsv('medium-nouns.tsv').map((r) => r.noun));
  return mediumNouns.has(lemma.toLowerCase());
}

const lower = (c: ArgumentContext, i: number) => c.tokens[i].normal;

/** The first 'case' child of i ("on" in "on Twitter"), lower case, or null. */
export function caseOf(c: ArgumentContext, tree: DependencyTree, i: number): string | null {
  const k = tree.childrenWith(i, 'case')[0];
  return k === undefined ? null : lower(c, k);
}

const sameSpan = (a: EntityMention, b: EntityMention) => a.start === b.start && a.end === b.end;

/** The mention whose span covers token i, if any. */
function covering(c: ArgumentContext, i: number): EntityMention | undefined {
  const t = c.tokens[i];
  return c.mentions.find((m) => m.start <= t.start && m.end >= t.end);
}

/** Can the mention take part in an event at all (a date-like MISC, a sea or region cannot)? */
function codable(m: EntityMention): boolean {
  if (m.type === 'MISC' && !m.country && !m.sector) return false;
  if (m.type === 'LOC' && !m.country && !m.sector && !m.code) return false;
  return true;
}

/**
 * Is token i (a mention's head) inside a medium phrase: a medium noun governed by a medium
 * preposition, at i or above it within the noun phrase ("in an interview with CNN")?
 */
export function inMedium(c: ArgumentContext, tree: DependencyTree, i: number): boolean {
  let t: number | null = i;
  for (let steps = 0; t !== null && t >= 0 && steps < 6; steps++) {
    const cs = caseOf(c, tree, t);
    if (isMediumNoun(c.tokens[t].lemma) || isMediumNoun(lower(c, t))) {
      if (cs && MEDIUM_CASES.has(cs)) return true;
    }
    const rel = tree.dep(t)?.rel ?? '';
    // (a medium's noun phrase: the name modifies it or hangs on it by "with"/"to")
    if (!NOMINAL_RELS.has(rel) && !(rel === 'nmod' || rel.startsWith('nmod'))) return false;
    t = tree.head(t);
  }
  return false;
}

/** The head token of a mention: its token whose head lies outside it (its first token when unparsed); null when no token lies inside it. */
function headOfMention(c: ArgumentContext, tree: DependencyTree, m: EntityMention): number | null {
  const first = Math.max(c.sentenceStart, firstStartingFrom(c.tokens, m.start));
  let last = first - 1;
  while (last + 1 < c.sentenceEnd && c.tokens[last + 1].end <= m.end) last++;
  if (last < first) return null;
  return tree.headOfRange(first, last) ?? first;
}

/**
 * The mention an argument head stands for: the one covering it; for a description with a name
 * in apposition, the name; for a noun phrase no mention covers, the first codable mention with
 * a country inside it (breadth first: "one third of the guerrillas", "a bombing near Samarra").
 */
function mentionOf(c: ArgumentContext, tree: DependencyTree, i: number, depth = 0): EntityMention | null {
  // "a group of Moroccan diplomats", "hundreds of residents": the members stand for the group.
  if (PARTITIVE.has(c.tokens[i].lemma) && depth < 3) {
    const members = tree.childrenWith(i, 'nmod').find((k) => caseOf(c, tree, k) === 'of');
    const m = members === undefined ? null : mentionOf(c, tree, members, depth + 1);
    if (m) return m;
  }
  const m = covering(c, i) ?? titledName(c, i);
  if (m) {
    if (!codable(m)) return null;
    if (m.nominal || m.evidence === 'nominal') {
      const named = restatingName(c, tree, i, m);
      if (named) return named;
    }
    // "the offices of the Palestinian administrators", "a facility in central Iran": a description
    // or an organisation with no country of its own is of the country its phrase names — where it
    // is only for things, not people (aid workers near Gao are not thereby Malian).
    if (!m.country && (m.type !== 'PER' || m.nominal || m.evidence === 'nominal')) {
      const inner = countryInside(c, tree, i, m, m.type !== 'PER');
      if (inner?.country) return { ...m, country: inner.country, code: `${inner.country}${m.sector ?? ''}`, codeSource: 'phrase' };
    }
    return m;
  }
  if (!['NOUN', 'PROPN', 'NUM', 'PRON', 'ADJ'].includes(c.tokens[i].pos)) return null;
  // "Fellow guest Ruth Kelly MP": a noun no mention covers stands for the name in apposition to it.
  for (const k of tree.childrenWith(i, 'appos')) {
    const named = covering(c, k);
    if (named && isName(named) && codable(named)) return named;
  }
  return countryInside(c, tree, i, null);
}

const isName = (m: EntityMention) => !m.nominal && m.evidence !== 'nominal';

/**
 * The named one a title word stands before: "Palestinian leader Yasser Arafat", "Prime Minister
 * X" — the parse often hangs the sentence on the title, but the title is the name's (the entity
 * stage found it as one of the name's roles).
 */
function titledName(c: ArgumentContext, i: number): EntityMention | undefined {
  const t = c.tokens[i];
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return undefined;
  return c.mentions.find((m) => isName(m) && m.start >= t.end && m.start - t.end <= 1
    && m.roles.some((r) => [t.lemma, t.normal].some((w) => r === w || r.endsWith(` ${w}`))));
}

/**
 * The name that stands for a description: one in apposition to it or to a noun of its phrase
 * ("The chairman of the committee, Arthur Penrose, …", of the description's type), else a named
 * organisation that modifies it ("Islamic State fighters": the group acts).
 */
function restatingName(c: ArgumentContext, tree: DependencyTree, i: number, m: EntityMention): EntityMention | null {
  const queue = [i];
  for (let q = 0; q < queue.length && q < 20; q++) {
    for (const k of tree.children(queue[q])) {
      const rel = tree.dep(k)!.rel;
      const named = covering(c, k);
      if (rel === 'appos' && named && named !== m && isName(named) && codable(named) && (q === 0 || named.type === m.type)) return named;
      if (rel === 'nmod' && caseOf(c, tree, k) === 'of') queue.push(k);
    }
  }
  for (const k of tree.childrenWith(i, 'compound')) {
    const named = covering(c, k);
    if (named && named !== m && named.type === 'ORG' && isName(named) && codable(named)) return named;
  }
  return null;
}

/** Prepositions of a noun's own phrase that say where it is ("rebels in X", "a facility near X"). */
const WHERE_CASES = new Set(['in', 'near', 'inside', 'outside', 'around', 'within', 'across', 'throughout']);
/** Prepositions that say whose it is ("the offices of X", "a camp for X"). */
const WHOSE_CASES = new Set(['of', 'for']);

/**
 * A mention inside the noun phrase headed by i that says whose it is: a modifier that is a
 * mention ("coalition supply convoys", "Iran's …"), else the first codable mention with a country
 * through "of"/"for" phrases ("positions of the Palestinian forces") — and, with `where`, through
 * phrases of place too ("rebels in the Ivory Coast": only for lending a country, never as the
 * participant, which would make the place a party). Not through appositions, mediums, or
 * "on/against/with/from" phrases, which name another side.
 */
function countryInside(c: ArgumentContext, tree: DependencyTree, i: number, own: EntityMention | null, where = false): EntityMention | null {
  if (!own) {
    // (modifiers of modifiers too: "coalition supply convoys")
    const mods = tree.childrenWith(i, 'compound', 'amod', 'nmod:poss');
    for (let q = 0; q < mods.length && q < 12; q++) {
      const m = covering(c, mods[q]);
      if (m && codable(m) && !(m.type === 'MISC' && !m.country)) return m;
      // (not through a verb: "police fired tear gas" misread as one noun phrase)
      if (!m && c.tokens[mods[q]].pos !== 'VERB') mods.push(...tree.childrenWith(mods[q], 'compound', 'amod'));
    }
  }
  const queue = [i];
  for (let q = 0; q < queue.length && q < 40; q++) {
    for (const k of tree.children(queue[q])) {
      const rel = tree.dep(k)!.rel;
      const cs = caseOf(c, tree, k);
      if (!NOMINAL_RELS.has(rel) || rel === 'appos' || (cs !== null && !WHOSE_CASES.has(cs) && !(where && WHERE_CASES.has(cs)))) continue;
      const inner = covering(c, k);
      if (inner && inner !== own && codable(inner) && !inMedium(c, tree, k)) {
        if (inner.country) return inner;
        // "the mandate for the peacekeeping force in Lebanon": the force, of the country it is in.
        const placed = where || inner.type === 'PER' ? null : countryInside(c, tree, k, inner, true);
        if (placed?.country) return { ...inner, country: placed.country, code: `${placed.country}${inner.sector ?? ''}`, codeSource: 'phrase' };
      }
      queue.push(k);
    }
  }
  return null;
}

/** Token i with the tokens coordinated with it ("the US and Iran"). */
function withConjuncts(c: ArgumentContext, tree: DependencyTree, i: number, trigger: number): number[] {
  const out = [i];
  for (let q = 0; q < out.length && out.length < 8; q++) {
    for (const k of tree.childrenWith(out[q], 'conj')) {
      // "… with protesters, and police fired …": a conjunct after the trigger that a verb follows
      // is the subject of a new clause.
      const next = tree.subtreeRange(k)[1] + 1;
      if (k > trigger && next < c.sentenceEnd && ['VERB', 'AUX'].includes(c.tokens[next].pos)) continue;
      out.push(k);
    }
  }
  return out;
}

/** Mentions for argument heads (with their conjuncts), without repeats, in text order. */
function mentionsFor(c: ArgumentContext, tree: DependencyTree, heads: number[], trigger: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (const h of heads) {
    for (const k of withConjuncts(c, tree, h, trigger)) {
      // (a conjunct that is a clause of its own is no partner: "X attacked Y and Z fled")
      if (k !== h && ['VERB', 'AUX'].includes(c.tokens[k].pos)) continue;
      const m = resolveToken(c, tree, k, trigger);
      if (m && !out.some((o) => sameSpan(o, m)) && !inMedium(c, tree, k)) out.push(m);
    }
  }
  // A demonym beside the names it modifies ("Iranian general Qasem Soleimani") is no participant.
  const people = out.filter((m) => !(m.type === 'MISC' && m.evidence === 'demonym') || !out.some((o) => o.type !== 'MISC' && o.country === m.country));
  // Two subjects of one verb are a misparse of one phrase ("The rebel Kurdistan Workers' Party"): the name wins.
  const sorted = people.sort((a, b) => a.start - b.start);
  return heads.length > 1 && sorted.some((m) => !weak(m)) ? sorted.filter((m) => !weak(m)) : sorted;
}

/**
 * A token standing for a participant: a relative pronoun is the noun its clause describes; a
 * personal pronoun subject of what a reporting verb reports is that verb's subject ("Syria says
 * it will …"); anything else its mention.
 */
function resolveToken(c: ArgumentContext, tree: DependencyTree, k: number, trigger: number): EntityMention | null {
  const t = c.tokens[k];
  if (RELATIVE.has(t.normal) && ['PRON', 'DET', 'SCONJ'].includes(t.pos)) {
    const clause = tree.head(k);
    const rel = clause !== null && clause >= 0 ? tree.dep(clause)?.rel ?? '' : '';
    const noun = clause !== null && clause >= 0 ? tree.head(clause) : null;
    return rel.startsWith('acl') && noun !== null && noun >= 0 && noun !== trigger ? mentionOf(c, tree, noun) : null;
  }
  if (t.pos === 'PRON' && PERSONAL.has(t.normal)) {
    const clause = tree.head(k);
    if (clause === null || clause < 0) return null;
    let v = clause;
    while (['conj', 'xcomp'].includes(tree.dep(v)?.rel ?? '') && tree.head(v)! >= 0) v = tree.head(v)!;
    const rel = tree.dep(v)?.rel ?? '';
    const sayer = tree.head(v);
    if (!['ccomp', 'parataxis'].includes(rel) || sayer === null || sayer < 0 || !isReportingVerb(c.tokens[sayer].lemma)) return null;
    const subj = tree.childrenWith(sayer, 'nsubj')[0];
    const m = subj === undefined ? null : mentionOf(c, tree, subj);
    return m && agrees(t.normal, m) ? m : null;
  }
  if (namesPlaceBefore(c, tree, k)) return null;
  return mentionOf(c, tree, k);
}

/**
 * "clashed in the Libyan capital Tripoli": a place name right after a place phrase of the same
 * clause is that phrase's name (an apposition the parser split off), so it is where, not whom.
 */
function namesPlaceBefore(c: ArgumentContext, tree: DependencyTree, k: number): boolean {
  const m = covering(c, k);
  if (!m || m.type !== 'LOC') return false;
  let p = k - 1;
  while (p >= c.sentenceStart && c.tokens[p].end > m.start) p--;
  if (p < c.sentenceStart || c.tokens[p].pos !== 'NOUN' || c.tokens[p].end === m.start) return false;
  const head = tree.head(p);
  const cs = caseOf(c, tree, p);
  return head !== null && head === tree.head(k) && cs !== null && PLACE_CASES.has(cs);
}

/** Can the pronoun refer to the mention: "he/she" a person, "it" no named person, "they/we" no single named person? */
function agrees(pronoun: string, m: EntityMention): boolean {
  const described = m.nominal || m.evidence === 'nominal';
  if (pronoun === 'he' || pronoun === 'she') return m.type === 'PER';
  if (pronoun === 'it') return m.type !== 'PER' || described;
  return m.type !== 'PER' || described || /s$/.test(m.text);
}

/** Is the verb at v in the passive: a passive subject or auxiliary, or a bare past participle describing a noun ("troops based in …")? */
function passiveVerb(c: ArgumentContext, tree: DependencyTree, v: number): boolean {
  if (tree.childrenWith(v, 'nsubj:pass', 'aux:pass').length > 0) return true;
  const rel = tree.dep(v)?.rel ?? '';
  // (a participle with an object or a clause of its own is active: "the States demanded that …")
  // A root noun with a participle is a sentence whose verb the parser hung on its subject ("The
  // Council agreed to …"): active.
  const head = tree.head(v);
  if (rel !== 'acl' || head === null || head < 0 || tree.dep(head)?.rel === 'root') return false;
  // (so is one hung deeper in the root noun's phrase: "Doctors from two aid groups donated and
  // delivered …", when no verb heads the sentence)
  if (verblessNounPhrase(c, tree, head)) return false;
  // (and a participle whose coordinated verb has an object: "donated and delivered goods")
  const objects = [v, ...tree.childrenWith(v, 'conj')].some((k) => tree.childrenWith(k, 'obj', 'iobj', 'ccomp').length > 0);
  return /(ed|en|wn)$/.test(lower(c, v)) && tree.childrenWith(v, 'aux', 'nsubj').length === 0 && !objects;
}

/** The root above token i. */
function rootOf(tree: DependencyTree, i: number): number {
  let t = i;
  for (let steps = 0; steps < 50 && (tree.head(t) ?? -1) >= 0; steps++) t = tree.head(t)!;
  return t;
}

/** Is token i inside a noun phrase that is the whole sentence's root, with no verb above it? */
function verblessNounPhrase(c: ArgumentContext, tree: DependencyTree, i: number): boolean {
  for (let t: number | null = i, steps = 0; t !== null && t >= 0 && steps < 6; t = tree.head(t), steps++) {
    if (!['NOUN', 'PROPN', 'NUM', 'PRON'].includes(c.tokens[t].pos)) return false;
    if (tree.dep(t)?.rel === 'root') return true;
  }
  return false;
}

interface Subject {
  tokens: number[];
  /** The subject is the one acted upon (a passive subject, a noun a past participle describes). */
  undergoer: boolean;
}

/**
 * The subject of the verb at v: its own nsubj (or nsubj:pass), else the one it shares — the
 * controller of an xcomp (the object of "urged X to", else the subject), the subject of the
 * clause a purpose or participle clause hangs on, of the first verb of a coordinated predicate,
 * the noun a participle or relative clause describes.
 */
function subjectOf(c: ArgumentContext, tree: DependencyTree, v: number, depth = 0): Subject | null {
  const own = tree.childrenWith(v, 'nsubj');
  if (own.length) return { tokens: own, undergoer: tree.dep(own[0])!.rel === 'nsubj:pass' };
  if (depth > 4) return null;
  const head = tree.head(v);
  if (head === null || head < 0) return null;
  const rel = tree.dep(v)?.rel ?? '';
  const verbal = ['VERB', 'AUX'].includes(c.tokens[head].pos);
  // ("ready to lift", "determined to fight": an adjective predicate controls its complement as a verb does)
  const predicative = c.tokens[head].pos === 'ADJ' && tree.childrenWith(head, 'cop').length > 0;
  if (rel === 'xcomp' && (verbal || predicative)) {
    // Object control: "urged its citizens to leave", "forced the agency to close".
    const obj = tree.childrenWith(head, 'obj', 'iobj');
    if (obj.length) return { tokens: obj, undergoer: false };
    const s = subjectOf(c, tree, head, depth + 1);
    return s && { tokens: s.tokens, undergoer: s.undergoer && !passiveVerb(c, tree, head) ? s.undergoer : false };
  }
  if (rel === 'conj' && verbal) {
    // "were arrested and freed": a verb with no auxiliary of its own shares the first one's voice.
    const s = subjectOf(c, tree, head, depth + 1);
    const ownVoice = tree.childrenWith(v, 'aux', 'aux:pass').length > 0;
    return s && !ownVoice && passiveVerb(c, tree, head) ? { ...s, undergoer: true } : s;
  }
  // "Nine men … have been arrested": a finite verb the parser hung as a conjunct on the root noun
  // before it (a misparse of subject and predicate) has that noun as its subject.
  if (rel === 'conj' && tree.dep(head)?.rel === 'root' && ['NOUN', 'PROPN'].includes(c.tokens[head].pos) && head < v
    && tree.childrenWith(v, 'aux', 'aux:pass').length > 0) {
    return { tokens: [head], undergoer: passiveVerb(c, tree, v) };
  }
  if (rel === 'advcl' && verbal) {
    // A purpose clause ("… to protest") or a participle clause (", killing five") shares the subject.
    const marks = tree.childrenWith(v, 'mark').map((k) => lower(c, k));
    const to = marks.includes('to');
    // (", killing five", and "after criticising UKIP", "by attacking", "without consulting": the
    // gerund after a preposition of time, means or manner is the subject's act too)
    const ing = /ing$/.test(lower(c, v)) && marks.every((w) => GERUND_MARKS.has(w));
    if (to || ing) {
      const s = subjectOf(c, tree, head, depth + 1);
      return s && !s.undergoer ? s : null;
    }
    return null;
  }
  if (rel.startsWith('acl') && !['VERB', 'AUX'].includes(c.tokens[head].pos)) {
    // "the militia, which attacked …" has its own (relative) subject; a bare participle
    // describes its noun: "guerrillas operating in …" (doer), "people killed in …" (undergoer).
    if (rel === 'acl:relcl') return null;
    // With no verb heading the sentence, the participle is its predicate and the root noun its subject.
    if (verblessNounPhrase(c, tree, head)) return { tokens: [rootOf(tree, head)], undergoer: passiveVerb(c, tree, v) };
    // "the release of aid worker Sam Price, kidnapped in Iraq": a participle set off by a comma
    // describes the name just before the comma, wherever the parser hung it.
    const named = v - 2 >= c.sentenceStart && c.tokens[v - 1].normal === ',' ? covering(c, v - 2) : undefined;
    if (named && isName(named) && named.type === 'PER' && !covering(c, head)) return { tokens: [v - 2], undergoer: passiveVerb(c, tree, v) };
    return { tokens: [head], undergoer: passiveVerb(c, tree, v) };
  }
  return null;
}

/** Prepositions a gerund clause may follow and still share the subject of the clause it hangs on. */
const GERUND_MARKS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'without', 'despite', 'on', 'upon', 'in', 'for', 'through']);

/** The "by" agent of a passive verb (obl:agent, or an oblique with "by"). */
function agentOf(c: ArgumentContext, tree: DependencyTree, v: number): number[] {
  return tree.children(v).filter((k) => {
    const rel = tree.dep(k)!.rel;
    return rel === 'obl:agent' || ((rel === 'obl' || rel === 'nmod') && caseOf(c, tree, k) === 'by');
  });
}

/**
 * Whom the verb at v is aimed at: its indirect object, else its direct object, else an oblique
 * with a target preposition (one of the pattern's own prepositions first: "fired at", "called on").
 */
/** A noun heading no clause: no subject, copula or auxiliary of its own. */
function nounWithoutClause(c: ArgumentContext, tree: DependencyTree, k: number): boolean {
  return ['NOUN', 'PROPN'].includes(c.tokens[k].pos) && tree.childrenWith(k, 'nsubj', 'nsubj:pass', 'cop', 'aux').length === 0;
}

function targetOf(c: ArgumentContext, tree: DependencyTree, v: number, patternPreps: Set<string>, trigger: number): EntityMention[] {
  for (const rel of ['iobj', 'obj']) {
    const ks = tree.childrenWith(v, rel);
    // "killed X and Y": a noun the parser coordinated with the verb after its object, with no
    // clause of its own (no subject, no verb of its own), is a second object.
    // (a conjunct with a preposition of its own — "lift the ban … but not with its leadership" — is no object)
    if (rel === 'obj' && ks.length) ks.push(...tree.childrenWith(v, 'conj').filter((k) => k > ks[0] && nounWithoutClause(c, tree, k) && caseOf(c, tree, k) === null));
    const ms = mentionsFor(c, tree, ks, trigger);
    if (ms.length) return ms;
  }
  // "launched drones against Russia", "closed its borders with Iran": a target phrase on an object
  // that names no one is the verb's.
  for (const k of tree.childrenWith(v, 'obj')) {
    const ms = obliqueTarget(c, tree, k, ['nmod'], patternPreps, trigger);
    if (ms.length) return ms;
  }
  return obliqueTarget(c, tree, v, ['obl', 'nmod'], patternPreps, trigger);
}

/** The first oblique (or nominal modifier) of v with a target preposition that names a participant. */
function obliqueTarget(c: ArgumentContext, tree: DependencyTree, v: number, rels: string[], patternPreps: Set<string>, trigger: number): EntityMention[] {
  const obls = tree.children(v).filter((k) => rels.includes(tree.dep(k)!.rel) || rels.includes(tree.baseRel(k)!));
  const ranked = [...obls.filter((k) => patternPreps.has(caseOf(c, tree, k) ?? '')), ...obls.filter((k) => !patternPreps.has(caseOf(c, tree, k) ?? ''))];
  for (const k of ranked) {
    const cs = caseOf(c, tree, k);
    if (!cs || !(TARGET_CASES.has(cs) || patternPreps.has(cs))) continue;
    if (inMedium(c, tree, k)) continue;
    // (a place right after a locative preposition is where, unless the pattern aims it: "fired at")
    const ms = mentionsFor(c, tree, [k], trigger).filter((m) => patternPreps.has(cs) || cs === 'against' || !(m.type === 'LOC' && PLACE_CASES.has(cs) && m === covering(c, k)));
    if (ms.length) return ms;
  }
  return [];
}

/** Verbs whose subject is the doer of the event noun they take as object: "Iran launched an attack". */
export const SUPPORT_VERBS = new Set(['launch', 'carry', 'conduct', 'order', 'plan', 'stage', 'mount', 'begin', 'start', 'continue', 'lead',
  'organize', 'organise', 'commit', 'perpetrate', 'hold', 'make', 'impose', 'announce', 'deliver', 'execute', 'escalate',
  'use', 'resort', 'fire', 'deploy', 'employ', 'unleash', 'step', 'intensify', 'resume', 'renew', 'claim', 'call', 'issue', 'join',
  'complete', 'open', 'provide', 'send', 'give', 'offer', 'extend', 'ship', 'donate', 'pledge', 'promise', 'grant',
  // verbs that put a weapon to use: "police lobbed tear gas", "dropped barrel bombs"
  'lob', 'throw', 'hurl', 'shoot', 'drop', 'spray', 'detonate', 'plant']);

/** PLOVER types whose event noun takes its doer in the "of" phrase: "the withdrawal of US forces". */
export const OF_IS_ACTOR = new Set(['RETREAT', 'MOBILIZE', 'PROTEST', 'CONCEDE']);

/** Triggers whose "from X" names the other side: withdrawals, pull-outs, expulsions. */
export const FROM_TARGET = new Set(['withdraw', 'withdrawal', 'pull', 'pullout', 'retreat', 'expel', 'expulsion', 'oust', 'evacuate', 'evacuation', 'recall']);
/** Triggers whose "to X" names the receiving side: "extradited a drug lord to the United States". */
export const TO_TARGET = new Set(['extradite', 'extradition', 'hand', 'transfer', 'deport', 'deportation', 'repatriate', 'return']);

/**
 * "withdraw its troops from Lebanon", "the withdrawal of forces from Panama", "extradited him to
 * the United States": the side a withdrawal leaves or a transfer reaches, named with a country in
 * a "from"/"to" phrase of the trigger or of its object.
 */
function sidePhrase(c: ArgumentContext, tree: DependencyTree, n: number, prep: string | null, trigger: number): EntityMention[] {
  if (!prep) return [];
  const objects = tree.childrenWith(n, 'obj', 'nmod');
  const holders = [n, ...objects, ...objects.flatMap((o) => tree.childrenWith(o, 'conj'))];
  for (const h of holders) {
    for (const k of tree.children(h)) {
      if (!['obl', 'nmod'].includes(tree.baseRel(k)!) || caseOf(c, tree, k) !== prep) continue;
      const ms = mentionsFor(c, tree, [k], trigger).filter((m) => m.country);
      if (ms.length) return ms;
    }
  }
  return [];
}

/** A description with no country ("the reservists", "its troops"): it says least about a side. */
export function weak(m: EntityMention): boolean {
  return (m.nominal || m.evidence === 'nominal') && !m.country;
}

/**
 * The pattern's prepositions that aim it ("at" of "fired at", "on" of "called on"), lower case —
 * not one that only places it ("strike near") or names its doer ("strike by workers").
 */
function prepositionsOf(c: ArgumentContext, matched: number[]): Set<string> {
  return new Set(matched.filter((i) => c.tokens[i].pos === 'ADP' || c.tokens[i].pos === 'PART').map((i) => lower(c, i))
    .filter((p) => !WHERE_CASES.has(p) && p !== 'by' && p !== 'during'));
}

function verbArguments(c: ArgumentContext, tree: DependencyTree, v: number, preps: Set<string>): ArgumentReading {
  const subj = subjectOf(c, tree, v);
  const passive = passiveVerb(c, tree, v) || !!subj?.undergoer;
  const subjects = subj ? mentionsFor(c, tree, subj.tokens, v) : [];
  if (passive) return { actor: mentionsFor(c, tree, agentOf(c, tree, v), v), recipient: subjects, passive };
  let recipient = targetOf(c, tree, v, preps, v);
  // "the states Iran had invited", "the men whom police arrested": a relative clause with a
  // subject of its own and no object has the noun it describes as its object.
  if (recipient.length === 0 && tree.dep(v)?.rel === 'acl:relcl' && tree.childrenWith(v, 'nsubj').length > 0 && tree.childrenWith(v, 'obj', 'iobj', 'ccomp', 'xcomp').length === 0) {
    const noun = tree.head(v)!;
    if (noun >= 0 && noun < v) recipient = mentionsFor(c, tree, [noun], v);
  }
  // "donated and delivered goods to the school": coordinated verbs share what follows them.
  if (recipient.length === 0 && tree.childrenWith(v, 'obj', 'iobj').length === 0) {
    for (const k of tree.childrenWith(v, 'conj')) {
      if (c.tokens[k].pos !== 'VERB' || tree.childrenWith(k, 'nsubj').length) continue;
      recipient = targetOf(c, tree, k, preps, v);
      if (recipient.length) break;
    }
  }
  return { actor: subjects, recipient, passive };
}

/**
 * The side phrase replaces a recipient that is only descriptions ("its troops" in "withdraw its
 * troops from Lebanon"; for "to", also a name with no country).
 */
function withSide(reading: ArgumentReading, side: EntityMention[], prep: string | null): ArgumentReading {
  const replaceable = (r: EntityMention) => r.nominal || r.evidence === 'nominal' || (prep === 'to' && !r.country);
  if (!side.length || !reading.recipient.every(replaceable) || side.some((s) => reading.actor.some((a) => sameSpan(a, s)))) return reading;
  return { ...reading, recipient: side };
}

function nounArguments(c: ArgumentContext, tree: DependencyTree, n: number, preps: Set<string>, event: string): ArgumentReading {
  let actor: EntityMention[] = [];
  let recipient: EntityMention[] = [];
  const ofActor = OF_IS_ACTOR.has(event);
  // "Iran's attack", "a US drone strike", "Iraqi protests", "the attack by X".
  const poss = tree.childrenWith(n, 'nmod:poss');
  if (poss.length) actor = mentionsFor(c, tree, poss, n);
  if (!actor.length) {
    const mods = tree.childrenWith(n, 'compound', 'amod').filter((k) => {
      const m = covering(c, k);
      return !!m && !!(m.country || m.code);
    });
    actor = mentionsFor(c, tree, mods, n);
  }
  const mods = tree.children(n).filter((k) => ['nmod', 'obl'].includes(tree.baseRel(k)!));
  if (!actor.length) actor = mentionsFor(c, tree, [...agentOf(c, tree, n), ...mods.filter((k) => caseOf(c, tree, k) === 'by')], n);
  const ofs = mods.filter((k) => caseOf(c, tree, k) === 'of');
  if (ofActor && !actor.length) actor = mentionsFor(c, tree, ofs, n);
  recipient = obliqueTarget(c, tree, n, ['nmod'], preps, n);
  if (!recipient.length && !ofActor) recipient = mentionsFor(c, tree, ofs, n).filter((m) => !actor.some((a) => sameSpan(a, m)));
  // The light verb whose object the noun is: "Iran launched an attack on the base" — also through
  // a measure or container of it: "lobbed canisters of tear gas", "a wave of strikes".
  let obj = n;
  for (let steps = 0; steps < 2 && tree.dep(obj)?.rel === 'nmod' && caseOf(c, tree, obj) === 'of'; steps++) obj = tree.head(obj)!;
  const v = tree.head(obj);
  // "The United States speeded up the withdrawal of some forces": unnamed forces are the subject's.
  if (ofActor && actor.every(weak) && v !== null && v >= 0 && tree.dep(obj)?.rel === 'obj') {
    const subj = subjectOf(c, tree, v);
    const named = subj && !subj.undergoer ? mentionsFor(c, tree, subj.tokens, v).filter((m) => !weak(m)) : [];
    if (named.length) actor = named;
  }
  if (v !== null && v >= 0 && tree.dep(obj)?.rel === 'obj' && c.tokens[v].pos === 'VERB' && SUPPORT_VERBS.has(c.tokens[v].lemma)) {
    if (!actor.length) {
      const subj = subjectOf(c, tree, v);
      if (subj && !subj.undergoer && !passiveVerb(c, tree, v)) actor = mentionsFor(c, tree, subj.tokens, v);
    }
    if (!recipient.length) recipient = obliqueTarget(c, tree, v, ['obl'], preps, n);
  }
  return { actor, recipient, passive: false };
}

/**
 * The trigger's participants as the parse gives them, or null when the trigger's sentence is
 * unparsed. `matched` are the pattern's tokens, `trigger` its head word.
 */
export function readArguments(c: ArgumentContext, kind: 'verb' | 'noun', matched: number[], trigger: number, event = ''): ArgumentReading | null {
  const tree = c.tree;
  if (!tree || !tree.parsed(trigger)) return null;
  const preps = prepositionsOf(c, matched);
  // (a noun pattern whose tagger-noun the parser reads as a verb still reads as a noun, and back)
  const reading = kind === 'verb' ? verbArguments(c, tree, trigger, preps) : nounArguments(c, tree, trigger, preps, event);
  const lemmas = matched.flatMap((i) => [c.tokens[i].lemma, lower(c, i)]);
  const prep = lemmas.some((l) => FROM_TARGET.has(l)) ? 'from' : lemmas.some((l) => TO_TARGET.has(l)) ? 'to' : null;
  return withSide(reading, sidePhrase(c, tree, trigger, prep, trigger), prep);
}

/**
 * Is the mention the subject (or inside the subject) of a reporting verb that frames the trigger
 * — the source of the report, never one of its participants? The trigger's own verb, and a
 * reporting verb whose subject the trigger shares by control ("X vowed to avenge", "claimed to
 * have attacked"), are no frame.
 */
export function isFramingSource(c: ArgumentContext, trigger: number, m: EntityMention): boolean {
  const tree = c.tree;
  if (!tree || !tree.parsed(trigger)) return false;
  const h = headOfMention(c, tree, m);
  if (h === null) return false;
  // The clause heads the trigger's subject is shared with: itself and its controllers.
  const shared = new Set<number>([trigger]);
  for (let v = trigger, rel = tree.dep(v)?.rel ?? ''; ['xcomp', 'conj'].includes(rel) && (tree.head(v) ?? -1) >= 0; rel = tree.dep(v)?.rel ?? '') {
    v = tree.head(v)!;
    shared.add(v);
  }
  if (strandedSayers(c, tree, shared).has(h)) return true;
  // Up from the mention's head through its noun phrase (and appositions) to the clause it is subject of.
  let t = h;
  for (let steps = 0; steps < 8; steps++) {
    const d = tree.dep(t);
    if (!d || d.head < 0) return false;
    if (d.rel === 'nsubj' || d.rel === 'nsubj:pass') {
      const v = d.head;
      // A clause has one subject: of two the parser gave a verb, the one nearer it is the subject.
      const nearer = tree.childrenWith(v, 'nsubj', 'nsubj:pass').some((o) => o !== t && Math.abs(o - v) < Math.abs(t - v));
      return !nearer && !shared.has(v) && isReportingVerb(c.tokens[v].lemma);
    }
    if (!NOMINAL_RELS.has(d.rel) && d.rel !== 'conj') return false;
    t = d.head;
  }
  return false;
}

/**
 * "…killed three guards, Abdul Rahim, a police spokesman, said": a reporting verb left with no
 * subject has had its subject hung on the clause before it as appositions. The nouns of that
 * chain, right before the verb, are its speakers; the core argument they hang on is not.
 */
function strandedSayers(c: ArgumentContext, tree: DependencyTree, shared: Set<number>): Set<number> {
  const out = new Set<number>();
  for (let r = c.sentenceStart; r < c.sentenceEnd; r++) {
    if (shared.has(r) || c.tokens[r].pos !== 'VERB' || !isReportingVerb(c.tokens[r].lemma)) continue;
    const subjects = tree.childrenWith(r, 'nsubj');
    if (subjects.length) {
      // "…, Nisar Hand, an Afghan security official said": the name just before the comma that
      // opens a described subject is that subject, whatever the parser hung it on.
      for (const s of subjects) {
        let lo = tree.subtreeRange(s)[0];
        // (the comma before the phrase may hang on it)
        while (lo < s && c.tokens[lo].pos === 'PUNCT') lo++;
        const described = covering(c, s);
        if (lo - 2 < c.sentenceStart || c.tokens[lo - 1].normal !== ',' || (described && isName(described))) continue;
        const name = covering(c, lo - 2);
        if (!name || !isName(name) || name.type === 'LOC') continue;
        for (let k = c.sentenceStart; k < lo - 1; k++) if (c.tokens[k].start >= name.start && c.tokens[k].end <= name.end) out.add(k);
      }
      continue;
    }
    let t = r - 1;
    while (t >= c.sentenceStart && c.tokens[t].pos === 'PUNCT') t--;
    const before = out.size;
    // Climb from the word before the verb while it is an apposition (or a word inside one).
    for (let steps = 0; t >= c.sentenceStart && steps < 8; steps++) {
      const d = tree.dep(t);
      if (!d || d.head < 0) break;
      if (d.rel === 'appos') {
        const [lo, hi] = tree.subtreeRange(t);
        for (let k = lo; k <= hi; k++) out.add(k);
      } else if (!NOMINAL_RELS.has(d.rel)) break;
      t = d.head;
    }
    // The parser may hang the stranded subject elsewhere (as a conjunct): read the words then.
    if (out.size === before) for (const k of describedSayersBefore(c, r)) out.add(k);
  }
  return out;
}

const DESCRIPTION_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * "…, Abdul Rahim, a Kandahar police spokesman, said.": the noun phrase between the last comma
 * and a subjectless reporting verb, and the name standing just before that comma.
 */
function describedSayersBefore(c: ArgumentContext, r: number): number[] {
  let hi = r - 1;
  while (hi >= c.sentenceStart && c.tokens[hi].normal === ',') hi--;
  let lo = hi;
  while (lo - 1 >= c.sentenceStart && DESCRIPTION_POS.has(c.tokens[lo - 1].pos)) lo--;
  if (hi < lo || !DESCRIPTION_POS.has(c.tokens[hi].pos) || lo - 2 < c.sentenceStart || c.tokens[lo - 1].normal !== ',') return [];
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(k);
  const name = covering(c, lo - 2);
  if (name && isName(name) && name.type !== 'LOC') {
    for (let k = c.sentenceStart; k < lo - 1; k++) if (c.tokens[k].start >= name.start && c.tokens[k].end <= name.end) out.push(k);
  }
  return out;
}

/**
 * A participant with no country that is a thing, not a person, is of the country of the place its
 * own phrase names: "Esfahan Uranium Conversion Facilities in central Iran".
 */
export function withPhraseCountry(c: ArgumentContext, m: EntityMention): EntityMention {
  const tree = c.tree;
  if (!tree || m.country || m.type === 'PER' || m.type === 'MISC') return m;
  const h = headOfMention(c, tree, m);
  if (h === null || !tree.parsed(h)) return m;
  const inner = countryInside(c, tree, h, m, true);
  return inner?.country ? { ...m, country: inner.country, code: `${inner.country}${m.sector ?? ''}`, codeSource: 'phrase' } : m;
}

/**
 * Is the mention the subject of a relative clause with no relative word, right after the noun
 * it describes: "a number of vessels Kuwait had sought to release" (Kuwait sought them; it is
 * not inside "of vessels")?
 */
export function subjectOfBareRelative(c: ArgumentContext, m: EntityMention): boolean {
  const tree = c.tree;
  if (!tree) return false;
  const h = headOfMention(c, tree, m);
  if (h === null || tree.dep(h)?.rel !== 'nsubj') return false;
  const v = tree.head(h)!;
  const noun = tree.head(v);
  return tree.dep(v)?.rel === 'acl:relcl' && noun !== null && noun >= 0 && noun < h
    && tree.childrenWith(v, 'nsubj').length === 1 && !c.tokens.slice(noun + 1, h).some((t) => RELATIVE.has(t.normal));
}

/** Is the mention's head a core argument (subject or object) in the parse? */
export function isCoreArgument(c: ArgumentContext, m: EntityMention): boolean {
  const tree = c.tree;
  if (!tree) return false;
  const h = headOfMention(c, tree, m);
  return h !== null && ['nsubj', 'obj', 'iobj'].includes(tree.baseRel(h) ?? '');
}

/** Does the trigger have a subject (its own or shared) that is no personal or relative pronoun? */
export function hasNounSubject(c: ArgumentContext, trigger: number): boolean {
  const tree = c.tree;
  if (!tree || !tree.parsed(trigger)) return false;
  const subj = subjectOf(c, tree, trigger);
  return !!subj && subj.tokens.some((k) => c.tokens[k].pos !== 'PRON' && !PERSONAL.has(c.tokens[k].normal) && !RELATIVE.has(c.tokens[k].normal));
}

/** Is the mention a medium ("on Twitter", a name inside "in an interview with CNN")? */
export function isMedium(c: ArgumentContext, m: EntityMention): boolean {
  const tree = c.tree;
  if (tree) {
    const h = headOfMention(c, tree, m);
    if (h !== null && tree.parsed(h)) return inMedium(c, tree, h);
  }
  // Unparsed: a medium's own name right after a medium preposition ("on Twitter").
  const before = /\b(on|via|over|through)\s+(the\s+)?$/i.exec(c.text.slice(Math.max(0, m.start - 12), m.start));
  return !!before && m.text.split(/\s+/).some((w) => isMediumNoun(w));
}


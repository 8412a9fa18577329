/**
 * The sense gate: a trigger word is an event only in the sense its pattern means and only with
 * a political participant. PLOVER's types are acts of political actors (states and their organs,
 * armed groups, parties, officials, organisations, groups of people); the same words name
 * business, weather, illness, sport and states of mind: "sales hit a record", "the storm struck",
 * "killed in a plane crash", "in this charged climate", "jobs are threatened", "the attack helped
 * unite Baghdad and Tehran", "the law forces ministers to …".
 *
 * These are selectional restrictions read from the dependency parse:
 * - the one who acts (the trigger's subject, shared subject or "by" agent; an event noun's
 *   possessor or "by" phrase) may not be headed by a word of money, nature, disease, accident,
 *   sport, abstraction or a legal instrument (data/non-political-heads.tsv) — and, for every type
 *   but ASSAULT, not by a word for a violent or coercive happening either (an attack "helps" no
 *   one; "the blast killed five" is the blast's own assault);
 * - the one a violent or threatening act is aimed at may not be money, an abstraction, nature or
 *   sport ("hit the order books", "services are being threatened");
 * - a death or destruction whose cause phrase is nature, disease or an accident is none;
 * - a verb used as a participle adjective before its noun ("this charged climate") is no event;
 * - participants who are all businesses make no political event ("banks submitted offers"), nor
 *   does a cooperative act whose other side is businesses alone ("invited banks to bid", commerce.ts);
 * - a word that asks, tells or gives way means a request or a concession only with the complement
 *   of that sense: a question put ("asked whether …", "Asked about …"), a fact told or admitted
 *   ("told Reuters there was evidence", "conceded that they cannot …") is a statement; a feeling
 *   ("Iranian anger") is an accusation only when expressed; talking about a topic with no one to
 *   talk with is no meeting, nor is arriving or touring with no political visitor and host
 *   ("arrived at the school for the recording"); a demand "for crude" is the market's
 *   (data/word-senses.tsv);
 * - a happening noun that modifies another noun classifies it: "torture evidence", "attack helicopters";
 * - a word of support in the passive or as a state, with no one who says it ("it can no longer be
 *   justified"), is no one's act.
 * - the act of a power held or given ("the right of the Commons to overrule the Lords") is no act
 *   (capacity.ts); anyone at all doing something in general ("you hand power over …", "a defendant
 *   could appeal") is no one's act (generic-agent.ts); a statement released is published, a goal
 *   met fulfilled (object-sense.ts).
 * A head covered by a named entity is that entity, whatever its words ("the Storm Shadow").
 * Pure functions over the parse; where a sentence is unparsed, only the participants' sectors
 * are read.
 */
import type { EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';
import { eventPatterns, ploverFor } from './ontology.js';
import { caseOf, type ArgumentContext } from './arguments.js';
import { obligationVerb, obligationWord } from './modality.js';
import { grantedPower } from './capacity.js';
import { genericStatement } from './generic-agent.js';
import { objectSense } from './object-sense.js';
import { commerceOnly } from './commerce.js';

export type HeadClass = 'money' | 'nature' | 'disease' | 'accident' | 'sport' | 'abstract' | 'instrument' | 'event';

/** What the sense gate reads of a sentence: the same as the argument reading's. */
export type SenseContext = ArgumentContext;

export interface SenseQuery {
  kind: 'verb' | 'noun';
  trigger: number;
  /** The PLOVER type the pattern codes. */
  event: string;
  actor: EntityMention[];
  recipient: EntityMention[];
}

/** Classes that mark another sense in the acting role, for ASSAULT (a blast or a missile may kill). */
const NOT_AGENTS_OF_VIOLENCE = new Set<HeadClass>(['money', 'nature', 'disease', 'accident', 'sport', 'abstract', 'instrument']);
/** …and for every other type, where the act is someone's deliberate doing. */
const NOT_AGENTS = new Set<HeadClass>([...NOT_AGENTS_OF_VIOLENCE, 'event']);
/** Classes that mark another sense in the role acted upon, for the types aimed at a target's body or safety. */
const NOT_TARGETS = new Set<HeadClass>(['money', 'abstract', 'nature', 'sport']);
/** Types whose target must be someone or something that can be hurt or threatened. */
const AIMED = new Set(['ASSAULT', 'THREATEN', 'MOBILIZE']);
/** Cause phrases that make a death or a destruction no one's act. */
const NOT_CAUSES = new Set<HeadClass>(['nature', 'disease', 'accident']);
const CAUSE_CASES = new Set(['in', 'by', 'from', 'of', 'during', 'after', 'following', 'amid']);
/** Event-noun types that happen to someone rather than being done with words: "the attack", "the sanctions". */
const HAPPENING_TYPES = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** Sectors of participants that are no political actor. */
const NON_POLITICAL_SECTORS = new Set(['BUS']);
/** Words of a company's name: "Fujitsu Ltd", "Far East Bank", "USAir Group". */
const COMPANY_NAME = /\b(inc|corp|corporation|co|ltd|plc|llc|ag|sa|nv|group|bank|airlines?|airways|company|holdings)\b\.?$/i;

/**
 * Is a participant coded as a business surely one? A description ("banks", "executives") or a
 * known or company-named firm is; a name whose business sector came only from a role word inside
 * it ("National Executive Committee") is not.
 */
function surelyBusiness(m: EntityMention): boolean {
  return m.nominal || m.evidence === 'nominal' || m.codeSource === 'dictionary' || m.codeSource === 'registry' || COMPANY_NAME.test(m.text);
}

/** Types whose words business shares: agreeing, meeting, cooperating, giving, asking and refusing. */
const COMMERCIAL_TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE', 'REQUEST', 'REJECT']);

let eventNouns: Set<string> | null = null;
/** Nouns that name a violent or coercive happening, from the pattern dictionary's noun triggers. */
function happeningNouns(): Set<string> {
  if (eventNouns) return eventNouns;
  eventNouns = new Set();
  for (const p of eventPatterns()) {
    if (p.kind !== 'noun' || !p.cameo || p.words.length !== 1 || p.before.length) continue;
    const type = p.event ?? ploverFor(p.cameo)?.event;
    if (type && HAPPENING_TYPES.has(type)) for (const w of p.words[0]) eventNouns.add(w);
  }
  return eventNouns;
}

let nounPatternWords: Set<string> | null = null;
/** Every word of the pattern dictionary's noun patterns: the nouns that name or carry an event ("raid", "warrant", "talks"). */
function eventNounWords(): Set<string> {
  if (nounPatternWords) return nounPatternWords;
  nounPatternWords = new Set();
  for (const p of eventPatterns()) if (p.kind === 'noun') for (const alts of p.words) for (const w of alts) nounPatternWords.add(w);
  return nounPatternWords;
}

/**
 * "torture evidence", "attack helicopters", "the sanctions regime": a happening noun that is a
 * compound modifier of a noun naming no event classifies that thing; it tells of no happening.
 */
function classifies(c: SenseContext, tree: DependencyTree, t: number): boolean {
  let k = t;
  for (let steps = 0; steps < 4; steps++) {
    const h = tree.head(k);
    if (h === null || h < 0 || tree.baseRel(k) !== 'compound' || c.tokens[h].pos !== 'NOUN') break;
    k = h;
  }
  return k !== t && !eventNounWords().has(c.tokens[k].lemma) && !eventNounWords().has(c.tokens[k].normal);
}

/** The class of a head word (data/non-political-heads.tsv, or a happening noun), or null. */
export function headClass(t: Pick<Token, 'lemma' | 'normal'>): HeadClass | null {
  const sets = wordSets('non-political-heads.tsv');
  for (const [kind, words] of sets) if (words.has(t.lemma) || words.has(t.normal)) return kind as HeadClass;
  if (happeningNouns().has(t.lemma) || happeningNouns().has(t.normal)) return 'event';
  return null;
}

/** The class of the word at token i, unless a named entity (or a described political actor) covers it. */
function classAt(c: SenseContext, i: number): HeadClass | null {
  const t = c.tokens[i];
  if (!['NOUN', 'PROPN'].includes(t.pos)) return null;
  const m = c.mentions.find((x) => x.start <= t.start && x.end >= t.end);
  // (a name of no country or sector — "the Anti-Terrorism Bill" — is a thing, read by its words)
  const thing = m && m.type === 'MISC' && !m.country && !m.sector;
  if (m && !thing && !m.nominal && m.evidence !== 'nominal') return null;
  if (m && m.sector && !NON_POLITICAL_SECTORS.has(m.sector)) return null;
  return headClass(t);
}

/** A relative pronoun stands for the noun its clause describes ("a clause that would have forced …"). */
function antecedent(c: SenseContext, tree: DependencyTree, k: number): number {
  if (!RELATIVE.has(c.tokens[k].normal)) return k;
  const clause = tree.head(k);
  if (clause !== null && clause >= 0 && (tree.dep(clause)?.rel ?? '').startsWith('acl')) {
    const noun = tree.head(clause);
    if (noun !== null && noun >= 0) return noun;
  }
  // (a relative clause the parser hung elsewhere: the noun right before the pronoun)
  const before = k - 1;
  return before >= c.sentenceStart && ['NOUN', 'PROPN'].includes(c.tokens[before].pos) ? before : k;
}

/**
 * The subject of a copular clause ("the attack … was a violation"): its nsubj, else the object
 * the parser gave the verb above it, just before the copula ("said the attack was …" misread as
 * "said the attack").
 */
function copularSubject(c: SenseContext, tree: DependencyTree, p: number): number[] {
  const own = tree.childrenWith(p, 'nsubj');
  if (own.length) return own;
  const cop = tree.childrenWith(p, 'cop')[0];
  const above = tree.head(p);
  if (cop === undefined || above === null || above < 0) return [];
  return tree.childrenWith(above, 'obj').filter((k) => tree.subtreeRange(k)[1] === cop - 1);
}

const isPassive = (tree: DependencyTree, v: number) => tree.childrenWith(v, 'nsubj:pass', 'aux:pass').length > 0;

/**
 * The tokens that head the acting role of the verb at v: its subject (active), its "by" agent
 * (passive), else the subject it shares with the clause it hangs on (control, coordination —
 * with a copular clause too: "the attack was a violation … and helped unite …" — purpose and
 * participle clauses, the noun a participle describes).
 */
function agentHeads(c: SenseContext, tree: DependencyTree, v: number, depth = 0): number[] {
  const by = tree.children(v).filter((k) => tree.dep(k)!.rel === 'obl:agent' || (tree.baseRel(k) === 'obl' && caseOf(c, tree, k) === 'by'));
  if (isPassive(tree, v)) return by;
  const own = tree.childrenWith(v, 'nsubj');
  if (own.length) return own.map((k) => antecedent(c, tree, k));
  const head = tree.head(v);
  if (head === null || head < 0 || depth > 4) return [];
  const rel = tree.dep(v)?.rel ?? '';
  if (rel === 'xcomp') {
    const obj = tree.childrenWith(head, 'obj', 'iobj');
    return obj.length ? obj : agentHeads(c, tree, head, depth + 1);
  }
  if (rel === 'conj') {
    if (tree.childrenWith(head, 'cop').length) return copularSubject(c, tree, head);
    return isPassive(tree, head) ? [] : agentHeads(c, tree, head, depth + 1);
  }
  if (rel === 'advcl' && (tree.childrenWith(v, 'mark').some((k) => c.tokens[k].normal === 'to') || /ing$/.test(c.tokens[v].normal))) {
    return agentHeads(c, tree, head, depth + 1);
  }
  if (rel === 'acl' && ['NOUN', 'PROPN'].includes(c.tokens[head].pos) && /ing$/.test(c.tokens[v].normal)) return [head];
  return [];
}

/** The tokens that head the role acted upon: object, passive subject or "against" phrase of a verb; "on/against/of" of an event noun. */
function targetHeads(c: SenseContext, tree: DependencyTree, q: SenseQuery): number[] {
  const n = q.trigger;
  if (q.kind === 'verb') {
    return [...tree.childrenWith(n, 'obj'), ...tree.childrenWith(n, 'nsubj:pass').map((k) => antecedent(c, tree, k)),
      // ("fought against terrorism")
      ...tree.childrenWith(n, 'obl').filter((k) => caseOf(c, tree, k) === 'against')];
  }
  return tree.childrenWith(n, 'nmod').filter((k) => ['on', 'against', 'of', 'at'].includes(caseOf(c, tree, k) ?? ''));
}

/** The acting role of an event noun: its possessor or its "by" phrase. */
function nounAgentHeads(c: SenseContext, tree: DependencyTree, n: number): number[] {
  return [...tree.childrenWith(n, 'nmod:poss'), ...tree.childrenWith(n, 'nmod').filter((k) => caseOf(c, tree, k) === 'by')];
}

/**
 * Words of support that are someone's saying: told in the passive or as a state with no one saying
 * them ("it can no longer be justified", "it remained justified"), they are no event. (A request in
 * the passive is still one: "had been encouraged to cooperate" is asked by someone unnamed.)
 */
const UNSAID = new Set(['SUPPORT']);
/** Verbs that link a subject to a state: "remained justified". */
const LINKING = new Set(['remain', 'seem', 'appear', 'become', 'look', 'stay']);

/** A state a linking verb gives its subject ("it remained justified"): the subject holds it, no one does it. */
function linkedState(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const h = tree.head(t);
  return tree.baseRel(t) === 'xcomp' && h !== null && h >= 0 && LINKING.has(c.tokens[h].lemma);
}

/** Is the verb at t a passive or a state ("was justified", "remained justified"), not an act told with its doer? */
function stative(c: SenseContext, tree: DependencyTree, t: number): boolean {
  if (isPassive(tree, t) || tree.childrenWith(t, 'cop').length) return true;
  if (linkedState(c, tree, t)) return true;
  // (read from the words where the parse hangs the linking verb elsewhere: "it remained justified")
  let k = t - 1;
  while (k > c.sentenceStart && c.tokens[k].pos === 'ADV') k--;
  return k >= c.sentenceStart && LINKING.has(c.tokens[k].lemma) && /(ed|en)$/.test(c.tokens[t].normal);
}

/** Words that open a noun phrase (not "that", which opens relative clauses too: "the group that attacked villages"). */
const NOUN_PHRASE_OPENERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'such', 'most', 'more', 'less', 'least']);

/**
 * "In this charged climate", "the threatened jobs": a past participle between a word that opens a
 * noun phrase and its noun describes the noun. Read from the words: the parse often takes such a
 * participle for a verb with the noun as its object.
 */
function adjectiveUse(c: SenseContext, t: number): boolean {
  if (t <= c.sentenceStart || t + 1 >= c.sentenceEnd) return false;
  // (past adverbs of degree: "the most fiercely opposed plans")
  let k = t - 1;
  while (k > c.sentenceStart && c.tokens[k].pos === 'ADV') k--;
  return NOUN_PHRASE_OPENERS.has(c.tokens[k].normal) && /(ed|en|wn)$/.test(c.tokens[t].normal) && c.tokens[t + 1].pos === 'NOUN';
}

/** Whether a token is a word of one kind of data/word-senses.tsv. */
function senseWord(t: Pick<Token, 'lemma' | 'normal'>, kind: string): boolean {
  const words = wordSets('word-senses.tsv').get(kind);
  return !!words && (words.has(t.lemma) || words.has(t.normal));
}

/** Does the verb at t take an act as what it asks or tells: a "to" infinitive, or a "for"/"on" phrase ("asked for", "insisted on")? */
function takesAct(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const toInfinitive = tree.childrenWith(t, 'xcomp').some((k) => tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to'));
  return toInfinitive || tree.children(t).some((k) => ['for', 'on'].includes(caseOf(c, tree, k) ?? ''));
}

/** A complement of t opened by a question or topic word: "asking X if he is …", "asked whether …", "Asked about damages". */
function questionComplement(c: SenseContext, tree: DependencyTree, t: number): boolean {
  for (const k of tree.children(t)) {
    if (!['ccomp', 'advcl', 'xcomp', 'obl', 'nmod'].includes(tree.baseRel(k) ?? '')) continue;
    // (the mark may hang one step lower where the parse puts the clause's predicate below its head)
    const marks = [k, ...tree.children(k)].flatMap((x) => tree.childrenWith(x, 'mark', 'case').map((m) => [x, m]));
    // "about" opens a topic; "if" and "whether" a question of what is ("if he is a war criminal"),
    // not of what someone will do, which may be a polite request ("asked whether it could help")
    if (marks.some(([x, m]) => senseWord(c.tokens[m], 'question') && (c.tokens[m].normal === 'about' || tree.childrenWith(x, 'cop').length > 0))) return true;
  }
  return false;
}

/**
 * Does the clause headed by k lay an obligation: a modal of obligation ("must leave"), a verb of
 * one with "to" ("needed to leave"), or a bare verb after its subject with no auxiliary, the
 * subjunctive of a demand ("insisted that Israel withdraw")?
 */
function obliges(c: SenseContext, tree: DependencyTree, k: number): boolean {
  const aux = tree.childrenWith(k, 'aux', 'aux:pass', 'cop');
  if (aux.some((a) => obligationWord(c.tokens[a].normal))) return true;
  if (obligationVerb(c.tokens[k].lemma) && tree.childrenWith(k, 'xcomp').length) return true;
  const t = c.tokens[k];
  return t.pos === 'VERB' && aux.length === 0 && t.normal === t.lemma && tree.childrenWith(k, 'nsubj').length > 0;
}

/** Does the verb at t tell (or insist on) a fact: a clause complement with no obligation in it, and no act asked for? */
function tellsFact(c: SenseContext, tree: DependencyTree, t: number): boolean {
  if (takesAct(c, tree, t)) return false;
  const clauses = tree.childrenWith(t, 'ccomp');
  return clauses.length > 0 && clauses.every((k) => !obliges(c, tree, k));
}

/** Is the noun at t what a verb of expressing expresses ("voiced anger over …")? */
function expressed(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const h = tree.head(t);
  return h !== null && h >= 0 && tree.baseRel(t) === 'obj' && senseWord(c.tokens[h], 'expresses');
}

/** Does the talking verb at t have someone to talk with: an object, a "with/to/between" phrase, or several who talk? */
function hasPartner(c: SenseContext, tree: DependencyTree, t: number): boolean {
  if (tree.childrenWith(t, 'obj', 'iobj').length) return true;
  if (tree.children(t).some((k) => senseWord({ lemma: caseOf(c, tree, k) ?? '', normal: caseOf(c, tree, k) ?? '' }, 'partner'))) return true;
  return tree.childrenWith(t, 'nsubj').some((k) => tree.childrenWith(k, 'conj').length > 0 || (c.tokens[k].pos === 'NOUN' && c.tokens[k].normal !== c.tokens[k].lemma));
}

/** Sectors of a host a visit is paid to: a state's organs, parties, armed groups, international bodies (or a place: the land's). */
const HOST_SECTORS = new Set(['GOV', 'LEG', 'JUD', 'MIL', 'COP', 'SPY', 'PTY', 'OPP', 'REB', 'INS', 'ELI', 'IGO', 'NGO']);
const politicalHost = (m: EntityMention) => (m.type === 'LOC' && !m.sector) || HOST_SECTORS.has(m.sector ?? '');
/** A journey is a visit unless the one it goes to is no political host nor place ("arrived at the school for the recording"). */
const visit = (q: SenseQuery) => !q.recipient.length || q.recipient.some(politicalHost);

/**
 * The sense a saying, feeling, talking or travelling word takes from its complement, when it is not
 * the one its pattern means (data/word-senses.tsv); null when nothing says so.
 */
function complementSense(c: SenseContext, tree: DependencyTree, q: SenseQuery): string | null {
  const t = q.trigger;
  const tok = c.tokens[t];
  if (q.kind === 'noun') {
    if (q.event === 'ACCUSE' && senseWord(tok, 'feeling') && !expressed(c, tree, t)) return 'feeling';
    // "Demand for OPEC crude", "support for the dollar": the market's, not a state's.
    if (tree.childrenWith(t, 'nmod').some((k) => caseOf(c, tree, k) === 'for' && classAt(c, k) === 'money')) return 'market';
    if (q.event === 'CONSULT' && senseWord(tok, 'travels') && !visit(q)) return 'journey';
    return null;
  }
  if (q.event === 'REQUEST' && senseWord(tok, 'asks') && !takesAct(c, tree, t) && questionComplement(c, tree, t)) return 'question';
  if (q.event === 'REQUEST' && senseWord(tok, 'tells') && tellsFact(c, tree, t)) return 'statement';
  if (q.event === 'CONCEDE' && senseWord(tok, 'admits') && tree.childrenWith(t, 'ccomp').length && !tree.childrenWith(t, 'obj').length) return 'admission';
  if (q.event === 'CONSULT' && senseWord(tok, 'talks') && questionComplement(c, tree, t) && !hasPartner(c, tree, t)) return 'topic';
  if (q.event === 'CONSULT' && senseWord(tok, 'travels') && !visit(q)) return 'journey';
  return null;
}

/**
 * Why the trigger is not an event in the sense its pattern means, or null when nothing says so.
 * The reason names the role and the class of the word that decides it ("agent:money").
 */
export function otherSense(c: SenseContext, q: SenseQuery): string | null {
  // Businesses make deals, hold talks, offer and give; an act among them alone is commerce. (A
  // business on the receiving end of an arrest or a raid is still the object of a state's act.)
  const business = (m: EntityMention) => !!m.sector && NON_POLITICAL_SECTORS.has(m.sector) && surelyBusiness(m);
  if (COMMERCIAL_TYPES.has(q.event) && q.actor.length > 0 && q.actor.every(business) && q.recipient.every(business)) return 'participants:business';
  // …and a state's or anyone's with businesses alone on the other side: a market dealt with (commerce.ts).
  const commerce = COMMERCIAL_TYPES.has(q.event) ? commerceOnly(q.actor, q.recipient, business) : null;
  if (commerce) return commerce;
  const t = q.trigger;
  if (q.kind === 'verb' && adjectiveUse(c, t)) return 'adjective';
  const tree = c.tree;
  if (!tree || !tree.parsed(q.trigger)) return null;
  // "the right of the Commons to overrule the Lords", "authorized the government to sanction": a power, no act (capacity.ts).
  if (q.kind === 'verb' && grantedPower(c, tree, t)) return 'capacity';
  const agents = q.kind === 'verb' ? agentHeads(c, tree, t) : nounAgentHeads(c, tree, t);
  // "released a statement", "could not meet the repayments", "fighting to regain confidence" (object-sense.ts).
  const byObject = q.kind === 'verb' ? objectSense(c, tree, t, q.event) : null;
  if (byObject) return byObject;
  // "you hand power over …", "a defendant could appeal": anyone, in general, is no one's act (generic-agent.ts).
  if (q.kind === 'verb' && genericStatement(c, tree, t, agents)) return 'agent:generic';
  const notAgents = q.event === 'ASSAULT' ? NOT_AGENTS_OF_VIOLENCE : NOT_AGENTS;
  for (const k of agents) {
    const cls = classAt(c, k);
    if (cls && notAgents.has(cls)) return `agent:${cls}`;
  }
  // (whatever the tagger made of the word: "torture" in "torture evidence" may be read as a verb)
  if (HAPPENING_TYPES.has(q.event) && classifies(c, tree, t)) return 'classifier';
  // (the subject of a copula is what the state is of, no doer: "it can no longer be justified")
  if (q.kind === 'verb' && UNSAID.has(q.event) && !q.actor.length && stative(c, tree, t)
    && (!agentHeads(c, tree, t).length || linkedState(c, tree, t) || tree.childrenWith(t, 'cop').length > 0)) return 'unsaid';
  const sense = complementSense(c, tree, q);
  if (sense) return sense;
  if (AIMED.has(q.event)) {
    for (const k of targetHeads(c, tree, q)) {
      const cls = classAt(c, k);
      if (cls && NOT_TARGETS.has(cls)) return `target:${cls}`;
    }
  }
  for (const k of tree.children(t)) {
    if (!['obl', 'nmod'].includes(tree.baseRel(k) ?? '') || !CAUSE_CASES.has(caseOf(c, tree, k) ?? '')) continue;
    const cls = classAt(c, k);
    if (cls && NOT_CAUSES.has(cls)) return `cause:${cls}`;
  }
  return null;
}

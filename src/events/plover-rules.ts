/**
 * PLOVER's own rules for the type, where the word's CAMEO code says otherwise (the PLOVER 2.0
 * manual's "Potential ambiguities" of each type; the analyst guidelines' points of practice):
 * - rejecting or dismissing a charge or claim is a denial, which PLOVER does not code (CAMEO 016
 *   is dropped), and so is pleading not guilty; dismissing a view or a proposal is REJECT;
 * - seizing or detaining a ship is ASSAULT abduct, and so is capturing combatants in war;
 *   seizing ground or weapons in war is ASSAULT, not COERCE;
 * - a ban, boycott or embargo a state lays on another state or on trade is SANCTION discontinue,
 *   not COERCE restrict or PROTEST boycott;
 * - an envoy summoned to meet is a complaint (ACCUSE), not a consultation;
 * - "attacked X, saying …", "attacked X for …" is a verbal attack: ACCUSE disapprove;
 * - opposing a plan, a bill or a measure is REJECT; opposing someone stays ACCUSE;
 * - signing a law or an order is no SUPPORT: what it enacts is the event;
 * - blocking, cutting or halting aid, trade or ties is SANCTION discontinue, and the aid so
 *   blocked is no AID of its own;
 * - an act asked for ("asked for troops to be pulled out") is the request's content, no event, and
 *   so is every later conjunct of it ("asked him to apologise and withdraw", coordination.ts);
 * - a retreat or concession agreed, pledged or promised is CONCEDE, and the act promised no event of
 *   its own (announced-retreat.ts);
 * - protesters who storm or seize a place obstruct it: PROTEST, not COERCE; what protesters demand
 *   is the protest's topic, no REQUEST of its own;
 * - withdrawing a passport, visa or licence restricts its holder: COERCE, not RETREAT;
 * - an act threatened or vowed ("threatened a resumption of air raids", "vowed to keep up raids")
 *   is the threat's content, and an act refused ("refuses to accept") the refusal's: no event of
 *   its own; where the refusal is a noun no pattern codes ("Blair's refusal to accept"), the act
 *   refused is the REJECT;
 * - a refusal made conditional ("will vote against it unless …") or held ready ("prepared to
 *   veto") is a coercive warning: THREATEN;
 * - what ought to have been done and was not ("should have acted sooner") is a reproach: ACCUSE;
 * - a promise or pledge of a hostile act ("promised to halt all trade") is no AGREE (PLOVER's AGREE
 *   is a commitment to cooperate): the act promised is the event; nor is a word of agreement that
 *   describes a hostile happening ("the boycott, proposed by Norway's government").
 * The object classes live in data/plover-object-classes.tsv; the decision reads the parse.
 */
import type { CodedEvent, EntityMention, Token } from '../doc/types.js';
import type { DependencyTree } from '../syntax/tree.js';
import { wordSets } from '../util/data.js';
import { isReportingVerb } from '../attribution/index.js';
import { cameoInfo, eventPatterns, ploverFor } from './ontology.js';
import type { SenseContext } from './sense.js';
import { caseOf } from './arguments.js';
import { modalCode } from './modality.js';
import { firstConjunct } from './coordination.js';
import { concessionPromised, promisedConcession } from './announced-retreat.js';
import { strikeSense } from './strike-sense.js';
import { violentRaid } from './violent-raid.js';

export type ObjectClass = 'vessel' | 'territory' | 'materiel' | 'accusation' | 'argument' | 'enactment' | 'exchange' | 'permit';

export interface TypeQuery {
  kind: 'verb' | 'noun';
  trigger: number;
  cameo: string;
  event: string;
  actor: EntityMention[];
  recipient: EntityMention[];
  /** Who says what holds the trigger (the attribution layer's source), when someone does. */
  speaker?: EntityMention;
}

export interface TypeDecision {
  cameo: string;
  event: string;
  mode: string[];
  /** Which rule decided, for tests and diagnostics. */
  rule: string;
  /** The recipient the rule reads, where the pattern's is another's ("summoned to confer with Y": the one summoned). */
  recipient?: EntityMention[];
  /** The actor the rule reads: the one who says an evaluation. */
  actor?: EntityMention[];
  /** The event is the saying itself ("X called it a crime"): the author asserts it, whatever the cue says of its content. */
  said?: boolean;
  /** The event is a refusal or a warning told as made ("Blair's refusal to accept …", "will vote against it unless …"): actual, whatever its content's realis. */
  asserted?: boolean;
  /** The word whose clause tells whether the event happened, where the act is another word than the trigger ("summoned … to confer": the summons, not the meeting it is for). */
  realisAt?: number;
}

/** The rule's answer: another type, no event at all, or null (the code stands). */
export type RuleAnswer = TypeDecision | { none: string } | null;

const DENY = new Set(['reject', 'dismiss', 'deny', 'refute', 'rebut', 'repudiate']);
const SEIZE = new Set(['seize', 'seizure', 'capture', 'take', 'detain', 'detention', 'hijack', 'commandeer', 'impound', 'occupy', 'occupation']);
const BAN = new Set(['ban', 'boycott', 'embargo']);
/** Modifiers that make a ban one on exchange between states: "a trade ban", "an arms embargo". */
const EXCHANGE = new Set(['trade', 'arms', 'import', 'imports', 'export', 'exports', 'oil', 'economic', 'investment', 'weapon', 'weapons']);
const VERBAL_ATTACK = new Set(['attack', 'hit', 'blast', 'slam', 'lash', 'assail', 'savage']);
/** What a verbal attack goes on to say: "attacked X, saying/accusing/calling …". */
const SAYING = new Set(['say', 'accuse', 'call', 'describe', 'claim', 'charge', 'brand', 'argue', 'insist', 'warn', 'complain']);
/** Sectors of states and their organs: a boycott or ban they lay is a sanction. */
const STATE_SECTORS = new Set(['GOV', 'LEG']);
/** Sectors of fighters: capturing them in war is abduct (manual, COERCE and ASSAULT ambiguities). */
const COMBATANT_SECTORS = new Set(['MIL', 'REB', 'INS', 'UAF']);

/** The class of an object word (data/plover-object-classes.tsv), or null. */
export function objectClass(lemma: string, normal = lemma): ObjectClass | null {
  for (const [kind, words] of wordSets('plover-object-classes.tsv')) if (words.has(lemma) || words.has(normal)) return kind as ObjectClass;
  return null;
}

/** The heads of what the act is done to: a verb's objects or passive subject; an event noun's "of" phrase. With their conjuncts. */
function objectHeads(c: SenseContext, tree: DependencyTree, q: TypeQuery, withMeasures = true): number[] {
  const t = q.trigger;
  // (a participle the parse made an adjective of the noun after it — "dismissed arguments" — has that noun as its object)
  const described = tree.dep(t)?.rel === 'amod' && (tree.head(t) ?? -1) > t ? [tree.head(t)!] : [];
  // (a passive participle describing a noun acts on that noun: "the vessels taken into custody",
  // "the Gaza Strip, occupied by Egypt")
  const head = tree.head(t);
  const participle = /(ed|en|wn)$/.test(c.tokens[t].normal);
  const ownObject = tree.childrenWith(t, 'obj', 'nsubj:pass').length > 0;
  if (q.kind === 'verb' && participle && !ownObject && tree.baseRel(t) === 'acl' && head !== null && head >= 0 && head < t) described.push(head);
  else if (q.kind === 'verb' && participle && !ownObject) {
    // (…where the parse missed it: a participle with a "by" agent has its subject as object — "the
    // Gaza Strip, occupied by Egypt" — and one with no subject describes the noun just before it)
    const byAgent = tree.children(t).some((k) => tree.dep(k)!.rel === 'obl:agent' || caseOf(c, tree, k) === 'by');
    const subjects = tree.childrenWith(t, 'nsubj');
    if (byAgent && subjects.length) described.push(...subjects);
    else if (!subjects.length) {
      let k = t - 1;
      while (k > c.sentenceStart && ['ADV', 'PUNCT'].includes(c.tokens[k].pos)) k--;
      if (k >= c.sentenceStart && ['NOUN', 'PROPN'].includes(c.tokens[k].pos)) described.push(k);
    }
  }
  const heads = q.kind === 'verb'
    ? [...tree.childrenWith(t, 'obj'), ...tree.childrenWith(t, 'nsubj:pass'), ...described]
    : tree.childrenWith(t, 'nmod').filter((k) => caseOf(c, tree, k) === 'of');
  // (with their conjuncts, and what a measure of money holds: "40 mln dlrs in military aid")
  const measured = !withMeasures ? [] : [...heads, t].flatMap((h) => tree.childrenWith(h, 'nmod', 'obl').filter((k) => h !== t ? ['in', 'of'].includes(caseOf(c, tree, k) ?? '') : caseOf(c, tree, k) === 'in' && heads.length > 0));
  return [...heads, ...heads.flatMap((h) => tree.childrenWith(h, 'conj')), ...measured];
}

/** The mentions inside the phrase headed by k, a named person first ("Iran's envoy Mohammad Baqeri"). */
function mentionsUnder(c: SenseContext, tree: DependencyTree, k: number): EntityMention[] {
  const [lo, hi] = tree.subtreeRange(k);
  const inside = c.mentions.filter((m) => m.start >= c.tokens[lo].start && m.end <= c.tokens[hi].end);
  const person = inside.find((m) => m.type === 'PER' && !m.nominal);
  return person ? [person] : inside.slice(0, 1);
}

function decide(cameo: string, rule: string): TypeDecision | null {
  const p = ploverFor(cameo);
  return p ? { cameo, event: p.event, mode: p.mode, rule } : null;
}

/** A participant that is someone: a person, an organisation, a state or a described group. */
const isActor = (m: EntityMention) => m.type === 'PER' || m.type === 'ORG' || !!m.sector || (m.type === 'LOC' && !!m.country);
const isState = (m: EntityMention) => (m.type === 'LOC' && !!m.country && !m.sector) || STATE_SECTORS.has(m.sector ?? '');

/**
 * A meeting still to come or only in prospect is the intent to meet or negotiate (CAMEO 036,
 * PLOVER AGREE), as the guidelines code a visit or talks reported as planned (AGREE future; a
 * purpose or prospect, hypothetical). Other events are returned as they are.
 */
export function asProspect(e: CodedEvent): CodedEvent {
  if (e.event !== 'CONSULT' || (e.realis !== 'future' && e.realis !== 'hypothetical')) return e;
  const plover = ploverFor(INTENT_TO_MEET);
  const info = cameoInfo(INTENT_TO_MEET);
  if (!plover || !info) return e;
  return { ...e, event: plover.event, cameo: INTENT_TO_MEET, mode: plover.mode, goldstein: info.goldstein, quad_class: info.quad_class };
}
const INTENT_TO_MEET = '036';

/**
 * The type PLOVER's rules give the trigger, `{ none }` when they make it no event, or null when
 * the pattern's code stands.
 */
export function ploverRule(c: SenseContext, q: TypeQuery): RuleAnswer {
  const t = q.trigger;
  const lemma = c.tokens[t].lemma;
  const normal = c.tokens[t].normal;
  const word = (w: Set<string>) => w.has(lemma) || w.has(normal);
  // "would plead not guilty to the charges": a denial (CAMEO 016, which PLOVER drops).
  if (lemma === 'plead' && c.tokens.slice(t + 1, Math.min(c.sentenceEnd, t + 4)).some((k) => k.normal === 'guilty')) return { none: 'plea' };
  const tree = c.tree;
  if (!tree || !tree.parsed(t)) return null;
  if (q.kind === 'noun' && evaluativeKind(lemma, normal)) {
    const said = evaluation(c, tree, t, q.speaker);
    if (said) {
      const d = decide('111', 'evaluation');
      // (the saying is the event: it happened as the verb of saying tells — "has called it a scandal" — whatever mood the judging word sits in)
      return d && { ...d, actor: said.actor, recipient: said.recipient, said: true, ...(said.sayer !== null ? { realisAt: said.sayer } : {}) };
    }
    // (a word whose only pattern is the evaluation is no event anywhere else: "a war crime trial")
    if (q.cameo === '111') return { none: 'evaluation-unsaid' };
  }
  // "asked for British troops to be pulled out", "appealed for prisoners to be freed": the act
  // asked for is the request's content, not an event of its own (the request verb is the event).
  if (!VERBAL_TYPES.has(q.event) && requestedBy(c, tree, t) !== null) return { none: 'requested' };
  // "threatened a resumption of air raids", "vowed to keep up such raids": what is threatened is the threat's content.
  if (!VERBAL_TYPES.has(q.event) && contentOf(c, tree, t, THREAT_VERBS) !== null) return { none: 'threatened' };
  // "refuses to accept Syria's denials": the refusal is the event; "Blair's refusal to accept …",
  // a refusal no pattern codes, makes the act refused the REJECT (a refusal is asserted: actual).
  const refusal = !VERBAL_TYPES.has(q.event) ? contentOf(c, tree, t, REFUSALS) : null;
  if (refusal !== null) {
    if (c.tokens[refusal].pos === 'VERB') return { none: 'refused' };
    const d = decide(modalCode(q.cameo, q.event, null, true) ?? '120', 'refused');
    return d && { ...d, asserted: true };
  }
  // …and the retreat so promised is that concession's content, no event of its own.
  if (q.kind === 'verb' && concessionPromised(c, tree, t)) return { none: 'promised-concession' };
  if (q.event === 'AGREE' && q.kind === 'verb') {
    // "agreed to release the four", "pledged to lift the ban": a promised retreat is CONCEDE (announced-retreat.ts).
    const conceded = promisedConcession(c, tree, t);
    if (conceded) return decide(conceded, 'promised-concession');
    // "promised to halt all trade with South Africa": the hostile act promised is the event.
    const promised = tree.childrenWith(t, 'xcomp').filter((k) => tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to'));
    if (PROMISES.has(lemma) && promised.some((k) => hostileAct(c, tree, k, 'verb'))) return { none: 'promised-hostile' };
    // "The unilateral boycott, proposed by Norway's minority government": the boycott is the event.
    const head = tree.head(t);
    if (tree.baseRel(t) === 'acl' && head !== null && head >= 0 && c.tokens[head].pos === 'NOUN' && hostileAct(c, tree, head, 'noun')) return { none: 'describes-happening' };
  }
  // "will vote against it unless changes … are agreed", "was prepared to veto any bid": a warning.
  if (q.event === 'REJECT' && q.kind === 'verb' && (conditioned(c, tree, t) || heldReady(c, tree, t))) {
    const d = decide('130', 'conditional-refusal');
    return d && { ...d, asserted: true };
  }
  const objects = objectHeads(c, tree, q).map((k) => objectClass(c.tokens[k].lemma, c.tokens[k].normal));
  // (a named place acted on is ground: "the Gaza Strip, occupied by Egypt"; not a place a thing is in)
  if (objectHeads(c, tree, q, false).some((k) => namesPlace(c, k))) objects.push('territory');
  if (word(DENY) && (objects.includes('accusation') || accusationAfter(c, t))) return { none: 'denial' };
  // "killed in a raid", "raids on shipping": a raid not short of violence is an attack (violent-raid.ts).
  if (q.event === 'COERCE' && violentRaid(c, tree, t, q.kind)) return decide('190', 'violent-raid');
  // "The demonstrators called for … and demanded that US troops leave": the demands that are a
  // protest's own topic are the protest's, no REQUEST of their own (analyst guidelines, "Not coded").
  if (q.event === 'REQUEST' && q.actor.length > 0 && q.actor.every(protesting)) return { none: 'protest-demand' };
  // "Eight protesters who stormed the House of Commons chamber": people in protest who seize or
  // storm a place obstruct it — PROTEST, not the repression (COERCE) a state's forces would do.
  if (q.event === 'COERCE' && q.kind === 'verb' && q.actor.length > 0 && q.actor.every(protesting)) return decide('144', 'protesters-coerce');
  if (lemma === 'dismiss' && objects.includes('argument')) return decide('120', 'dismiss-argument');
  if (lemma === 'sign' && objects.includes('enactment')) return { none: 'enactment' };
  // "to withdraw the men's passports": taking a permit away restricts its holder (COERCE restrict).
  if (q.kind === 'verb' && q.event === 'RETREAT' && word(REVOKE) && objects.includes('permit')) return decide('172', 'withdraw-permit');
  // "voted to block 40 mln dlrs in military aid", "halted all trade with South Africa".
  if (q.kind === 'verb' && word(CUT) && objects.includes('exchange')) return decide('162', 'cut-exchange');
  // …and the aid blocked is no AID of its own.
  if (q.kind === 'noun' && (q.event === 'AID' || q.event === 'COOPERATE') && cutBy(c, tree, t)) return { none: 'cut-exchange' };
  // Opposing a plan, a bill or a sale refuses it (REJECT: "all rejections and refusals");
  // opposing someone disapproves of them (ACCUSE).
  if (lemma === 'oppose' && q.event === 'ACCUSE' && (!q.recipient.some(isActor) || objects.includes('enactment') || objects.includes('argument'))) return decide('120', 'oppose-measure');
  if (word(SEIZE) && (q.event === 'COERCE' || q.event === 'ASSAULT')) {
    if (objects.includes('vessel')) return decide('181', 'seize-vessel');
    // "Combatants captured during conflict": ASSAULT abduct, not COERCE arrest.
    if ((lemma === 'capture' || lemma === 'seize') && q.recipient.length > 0 && q.recipient.every((r) => COMBATANT_SECTORS.has(r.sector ?? ''))) return decide('181', 'capture-combatants');
    if (q.event === 'COERCE' && (objects.includes('territory') || objects.includes('materiel'))) return decide('190', 'seize-ground');
  }
  if (word(BAN) && (q.event === 'COERCE' || q.event === 'PROTEST')) {
    const mods = tree.childrenWith(t, 'compound', 'amod').map((k) => c.tokens[k].normal);
    const onExchange = mods.some((m) => EXCHANGE.has(m));
    // (a ban in a state's own land — "a ban on hunting in England and Wales" — restricts its people: COERCE)
    const foreign = (r: EntityMention) => isState(r) && q.actor.some((a) => !!a.country && a.country !== r.country);
    const betweenStates = q.recipient.some(foreign) || (lemma !== 'ban' && q.actor.length > 0 && q.actor.every(isState));
    if (onExchange || betweenStates) return decide('163', 'state-ban');
  }
  // (…or a meeting the modality read as one to come: "will summon X to confer" is CAMEO 036 by then)
  if (q.event === 'CONSULT' || q.cameo === '036') {
    // "X was summoned by the Ministry to confer with Y": the summons is the act, a complaint to
    // the one summoned (PLOVER manual, CONSULT and ACCUSE ambiguities).
    const summon = tree.pathToRoot(t).slice(1, 4).find((k) => c.tokens[k].lemma === 'summon');
    if (summon !== undefined) {
      const d = decide('114', 'summoned');
      const summoned = tree.childrenWith(summon, 'nsubj:pass', 'obj').flatMap((k) => mentionsUnder(c, tree, k));
      if (!d || !summoned.length) return d;
      // The one who summons complains: the agent of "was summoned by", else the subject of "summoned".
      const by = tree.children(summon).filter((k) => tree.dep(k)!.rel === 'obl:agent' || caseOf(c, tree, k) === 'by');
      const summoner = [...by, ...tree.childrenWith(summon, 'nsubj')].flatMap((k) => mentionsUnder(c, tree, k))
        .filter((a) => !summoned.some((s) => s.chain === a.chain)).slice(0, 1);
      // "summoned the ambassador to meet …": the summons is told by its own verb, a trigger of its own; the meeting adds nothing.
      if (tree.childrenWith(summon, 'obj').some((k) => summonsObject(c.tokens[k]))) return { none: 'summons-told' };
      const actor = summoner.length ? summoner : q.actor.filter((a) => !summoned.some((s) => s.chain === a.chain));
      // (the summons happened whatever the meeting it calls for: its realis is read at "summoned")
      return { ...d, actor, recipient: summoned, realisAt: summon };
    }
  }
  // "Rebels blasted the army post with mortars" is no criticism; "the walkout hit Jobcentres" is no attack (strike-sense.ts).
  const struck = q.kind === 'verb' && (q.event === 'ASSAULT' || q.event === 'ACCUSE') ? strikeSense(c, tree, t) : null;
  if (struck === 'physical' && q.event === 'ACCUSE') return decide('190', 'physical-strike');
  if (struck === 'affecting' && q.event === 'ASSAULT') return { none: 'affecting' };
  if (q.event === 'ASSAULT' && q.kind === 'verb' && word(VERBAL_ATTACK)) {
    const saying = tree.childrenWith(t, 'advcl', 'xcomp', 'conj').some((k) => /ing$/.test(c.tokens[k].normal) && SAYING.has(c.tokens[k].lemma));
    const reason = tree.childrenWith(t, 'obl', 'advcl').some((k) => caseOf(c, tree, k) === 'for' || (c.tokens[k].pos === 'VERB' && tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'for')));
    if (saying || reason) return decide('111', 'verbal-attack');
  }
  return null;
}

let summonsObjects: Set<string> | null = null;
/** Is a word one that a verb pattern of summoning takes as its object ("summon the ambassador": the pattern dictionary's)? */
function summonsObject(t: Token): boolean {
  if (!summonsObjects) {
    summonsObjects = new Set();
    for (const p of eventPatterns()) {
      if (p.kind === 'verb' && p.cameo && p.words[0].includes('summon')) for (const alts of p.words.slice(1)) for (const w of alts) summonsObjects.add(w);
    }
  }
  return summonsObjects.has(t.lemma) || summonsObjects.has(t.normal);
}

/** Words for people in protest: "protesters", "demonstrators", "activists". */
const PROTESTERS = /^(protesters?|protestors?|demonstrators?|activists?|campaigners?|marchers?|rioters?|strikers?)$/i;
const protesting = (m: EntityMention) => (m.nominal || m.evidence === 'nominal') && PROTESTERS.test(m.text.split(/\s+/).pop() ?? '');

/**
 * "KUWAIT REJECTS IRANIAN SPY BOAT CHARGES": a charge word in the noun phrase right after the
 * trigger, read from the words where the parse of a headline or a run of capitals fails.
 */
function accusationAfter(c: SenseContext, t: number): boolean {
  for (let k = t + 1; k < Math.min(c.sentenceEnd, t + 6); k++) {
    const tok = c.tokens[k];
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tok.pos)) return false;
    if (objectClass(tok.lemma, tok.normal) === 'accusation') return k + 1 >= c.sentenceEnd || !['NOUN', 'PROPN'].includes(c.tokens[k + 1].pos);
  }
  return false;
}

/** Verbs that take something away: with a permit as object they restrict its holder. */
const REVOKE = new Set(['withdraw', 'revoke', 'cancel', 'confiscate', 'remove', 'suspend', 'strip']);

/** Verbs that cut an exchange: with aid, trade or ties as object they are SANCTION. */
const CUT = new Set(['block', 'cut', 'halt', 'suspend', 'freeze', 'withhold', 'stop', 'end', 'sever', 'curtail', 'reduce', 'withdraw']);

/** Is the noun at t (or the measure that holds it) the object of a cutting verb? */
function cutBy(c: SenseContext, tree: DependencyTree, t: number): boolean {
  let k = firstConjunct(tree, t);
  for (let steps = 0; steps < 2; steps++) {
    const h = tree.head(k);
    const rel = tree.baseRel(k) ?? '';
    if (h === null || h < 0) return false;
    if ((rel === 'obj' || (rel === 'obl' && caseOf(c, tree, k) === 'in')) && c.tokens[h].pos === 'VERB') return CUT.has(c.tokens[h].lemma);
    if (rel !== 'nmod') return false;
    k = h;
  }
  return false;
}

/** Verbs whose content is an act threatened or vowed (each a THREATEN pattern of its own). */
const THREAT_VERBS = new Set(['threaten', 'vow']);
/** Words that refuse an act: "refuses to accept", "declined to attend", "the refusal to lift". */
const REFUSALS = new Set(['refuse', 'refusal', 'decline']);

/**
 * The word of `verbs` whose content holds token t: t is its object or "to" clause, or the matter
 * of its object ("threatened a resumption of air raids"), within three steps up the parse; or null.
 */
function contentOf(c: SenseContext, tree: DependencyTree, t: number, verbs: Set<string>): number | null {
  let k = firstConjunct(tree, t);
  for (let steps = 0; steps < 3; steps++) {
    const h = tree.head(k);
    const rel = tree.baseRel(k) ?? '';
    if (h === null || h < 0 || !['xcomp', 'ccomp', 'obj', 'nmod', 'acl', 'compound'].includes(rel)) return null;
    // (a participle describing a noun is a description, not the content)
    if (rel === 'acl' && !tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to')) return null;
    if (verbs.has(c.tokens[h].lemma)) return h;
    // (a verb with a subject of its own starts a clause that is no longer the content)
    if (c.tokens[h].pos === 'VERB' && tree.childrenWith(h, 'nsubj').length) return null;
    k = h;
  }
  return null;
}

/** Is the verb at t made conditional on the other side: an "unless" or "if … not" clause on it ("will vote against it unless …")? */
function conditioned(c: SenseContext, tree: DependencyTree, t: number): boolean {
  // "unless they agree", "if we don't get the amendments": a condition on what the other side does or fails to do
  // ("if war starts" is a contingency, no warning)
  const negated = (k: number) => tree.children(k).some((x) => ['not', "n't", 'no', 'never'].includes(c.tokens[x].normal));
  if (tree.childrenWith(t, 'advcl').some((k) => tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'unless' || (c.tokens[m].normal === 'if' && negated(k))))) return true;
  // ("unless" after the verb, wherever the parse hung its clause)
  return c.tokens.slice(t + 1, c.sentenceEnd).some((k) => k.normal === 'unless');
}

/** Is the verb at t held ready: the "to" clause of "prepared", "ready" ("was prepared to veto any bid")? */
function heldReady(c: SenseContext, tree: DependencyTree, t: number): boolean {
  const h = tree.head(t);
  return tree.baseRel(t) === 'xcomp' && h !== null && h >= 0 && READY.has(c.tokens[h].normal);
}
const READY = new Set(['prepared', 'ready']);

/** Does token k lie in a mention of a place ("the Gaza Strip")? */
function namesPlace(c: SenseContext, k: number): boolean {
  const t = c.tokens[k];
  return c.mentions.some((m) => m.type === 'LOC' && m.start <= t.start && m.end >= t.end);
}

/**
 * "should have acted sooner", "ought to have told Parliament": an obligation told in the perfect
 * is one that was not met — a reproach (CAMEO 111 criticise, ACCUSE), not a demand.
 */
export function reproachAt(tokens: readonly Pick<Token, 'normal'>[], cue: number, end: number): boolean {
  if (!['should', 'ought', 'must'].includes(tokens[cue].normal)) return false;
  for (let k = cue + 1; k < Math.min(end, cue + 4); k++) {
    if (tokens[k].normal === 'have') return true;
    if (!['to', 'not', 'never', 'also', 'really', 'surely'].includes(tokens[k].normal)) return false;
  }
  return false;
}

/** Verbs of promising: what they promise is the act, and a hostile act promised is no cooperation. */
const PROMISES = new Set(['promise', 'pledge', 'vow', 'swear', 'undertake']);

/**
 * Is the act headed by k one of conflict (QuadClass 3 or 4)? Read as the pattern dictionary would
 * read it: the longest pattern of k's part of speech whose words all appear in k's phrase ("halt
 * trade" is SANCTION, "halt fire" a ceasefire).
 */
function hostileAct(c: SenseContext, tree: DependencyTree, k: number, kind: 'verb' | 'noun'): boolean {
  const [lo, hi] = tree.subtreeRange(k);
  const lemmas = new Set(c.tokens.slice(lo, hi + 1).flatMap((x) => [x.lemma, x.normal]));
  const lemma = c.tokens[k].lemma;
  let best: { words: number; quad: number } | null = null;
  for (const p of eventPatterns()) {
    if (p.kind !== kind || !p.cameo || p.before.length || !p.words[0].includes(lemma)) continue;
    if (!p.words.slice(1).every((alts) => alts.some((w) => lemmas.has(w)))) continue;
    const quad = cameoInfo(p.cameo)?.quad_class ?? 0;
    if (!best || p.words.length > best.words) best = { words: p.words.length, quad };
  }
  return !!best && best.quad >= 3;
}

/** Types that are themselves said: their words under a request are what is asked about, and stay. */
const VERBAL_TYPES = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);
/** Verbs that ask for an act (each is a REQUEST pattern of its own in event-patterns.tsv). */
const REQUEST_VERBS = new Set(['ask', 'tell', 'urge', 'call', 'demand', 'request', 'plead', 'appeal', 'press', 'encourage', 'invite', 'petition', 'implore', 'beg']);
/** Relations by which an act hangs on the verb that asks for it: "asked him to apologise", "appealed for X to be freed". */
const CONTENT_RELS = new Set(['xcomp', 'ccomp', 'advcl', 'acl', 'obl', 'nmod', 'obj']);

/** The request verb whose content holds token t (within three steps up the parse), or null. */
function requestedBy(c: SenseContext, tree: DependencyTree, t: number): number | null {
  let k = firstConjunct(tree, t);
  for (let steps = 0; steps < 3; steps++) {
    const h = tree.head(k);
    const rel = tree.baseRel(k) ?? '';
    if (h === null || h < 0 || !CONTENT_RELS.has(rel)) return null;
    // An event a noun is about is that noun's matter, not the act asked for: in "called for an end
    // to the attacks" the end is asked for; the attacks happened (events/realis.ts reads them so).
    if (rel === 'nmod' && c.tokens[h].pos === 'NOUN') return null;
    // (a participle describing a noun is a description, not the content: "the release of X, kidnapped in Iraq",
    // "to release men indefinitely detained"; an infinitive is: "for prisoners to be freed")
    if ((rel === 'acl' || rel === 'advcl') && c.tokens[k].pos === 'VERB' && !tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to')) return null;
    // The content reaches the request verb as a clause or a "for" phrase, never as its object:
    // "what he called Japan's failure (to honour an agreement)" names, it does not ask.
    const asks = (['xcomp', 'ccomp', 'advcl'].includes(rel) && c.tokens[k].pos === 'VERB') || (['obl', 'nmod'].includes(rel) && caseOf(c, tree, k) === 'for');
    // (the parse may hang the infinitive on the one asked: "told [the rebels to lay down arms]")
    const addressee = rel === 'acl' && tree.childrenWith(k, 'mark').some((m) => c.tokens[m].normal === 'to') && ['obj', 'iobj'].includes(tree.baseRel(h) ?? '') ? tree.head(h) : null;
    if (addressee !== null && addressee >= 0 && c.tokens[addressee].pos === 'VERB' && REQUEST_VERBS.has(c.tokens[addressee].lemma)) return addressee;
    if (c.tokens[h].pos === 'VERB' && REQUEST_VERBS.has(c.tokens[h].lemma)) return asks ? h : null;
    // (a verb with a subject of its own starts a clause that is no longer the request's content)
    if (c.tokens[h].pos === 'VERB' && tree.childrenWith(h, 'nsubj').length && steps > 0) return null;
    k = h;
  }
  return null;
}

/** The type a judging word makes of the saying (data/evaluative-words.tsv), or null. */
export function evaluativeKind(lemma: string, normal = lemma): string | null {
  for (const [kind, words] of wordSets('evaluative-words.tsv')) if (words.has(lemma) || words.has(normal)) return kind;
  return null;
}

/** Verbs that say what something is: "called it a violation", "described the raid as a crime". */
const NAMING = new Set(['call', 'describe', 'brand', 'label', 'term', 'denounce', 'condemn', 'consider', 'regard', 'view', 'characterize', 'characterise', 'dub']);
/** A participant who can speak for a side: no business, no thing. */
const speaksPolitically = (m: EntityMention) => (m.type === 'PER' || m.type === 'ORG' || (m.type === 'LOC' && !!m.country) || !!m.sector) && m.sector !== 'BUS';

/** The sentence's mentions inside the phrase headed by k, in text order. */
function mentionsIn(c: SenseContext, tree: DependencyTree, k: number): EntityMention[] {
  const [lo, hi] = tree.subtreeRange(k);
  return c.mentions.filter((m) => m.start >= c.tokens[lo].start && m.end <= c.tokens[hi].end);
}

/**
 * Whose act is judged: the judged phrase itself when it names someone ("Israel is the aggressor"),
 * else the one its head belongs to — possessor, modifier or "by" phrase ("the US decision",
 * "Israel's action", "the raid by Iraqi forces").
 */
function judgedParty(c: SenseContext, tree: DependencyTree, k: number): EntityMention[] {
  const own = c.mentions.find((m) => m.start <= c.tokens[k].start && m.end >= c.tokens[k].end);
  if (own && speaksPolitically(own)) return [own];
  const owners = [...tree.childrenWith(k, 'nmod:poss', 'compound', 'amod'), ...tree.childrenWith(k, 'nmod').filter((x) => caseOf(c, tree, x) === 'by')];
  // (a demonym stands for its state here: "the Israeli action")
  return owners.flatMap((x) => mentionsIn(c, tree, x)).filter((m) => speaksPolitically(m) || (m.type === 'MISC' && !!m.country)).slice(0, 1);
}

/**
 * "Officials said the attack was a violation of national sovereignty", "Amnesty called Camp Delta
 * a scandal": a judging noun that is the predicate of a reported clause, or what a naming verb
 * calls something, makes the one who says it accuse the one whose act is judged. The speaker is
 * the attribution's source, else the subject of the reporting or naming verb; it must be a
 * political actor. `sayer` is the verb of saying or naming, where the parse shows it. Null when the word is no such predicate.
 */
function evaluation(c: SenseContext, tree: DependencyTree, t: number, speaker: EntityMention | undefined): { actor: EntityMention[]; recipient: EntityMention[]; sayer: number | null } | null {
  let sayer: number | null = null;
  let judged: number[] = [];
  const rel = tree.baseRel(t) ?? '';
  const head = tree.head(t);
  if (tree.childrenWith(t, 'cop').length) {
    judged = tree.childrenWith(t, 'nsubj');
    // (a subject the parser gave the reporting verb as its object: "said the attack was …")
    const cop = tree.childrenWith(t, 'cop')[0];
    if (!judged.length && head !== null && head >= 0) judged = tree.childrenWith(head, 'obj').filter((k) => tree.subtreeRange(k)[1] === cop - 1);
    let v = t;
    while (tree.baseRel(v) === 'conj' && (tree.head(v) ?? -1) >= 0) v = tree.head(v)!;
    const up = tree.head(v);
    if (up !== null && up >= 0 && ['ccomp', 'parataxis', 'dep'].includes(tree.baseRel(v) ?? '') && isReportingVerb(c.tokens[up].lemma)) sayer = up;
    if (sayer === null && !speaker) return null;
  } else if (head !== null && head >= 0 && NAMING.has(c.tokens[head].lemma) && (['xcomp', 'obj'].includes(rel) || (rel === 'obl' && caseOf(c, tree, t) === 'as'))) {
    sayer = head;
    judged = tree.childrenWith(head, 'obj').filter((k) => k !== t);
  } else return null;
  let actor = speaker && speaksPolitically(speaker) ? [speaker] : [];
  if (!actor.length && sayer !== null) actor = tree.childrenWith(sayer, 'nsubj').flatMap((k) => mentionsIn(c, tree, k)).filter(speaksPolitically).slice(0, 1);
  if (!actor.length) return null;
  const recipient = judged.flatMap((k) => judgedParty(c, tree, k)).filter((r) => !actor.some((a) => a.chain === r.chain));
  return { actor, recipient, sayer };
}

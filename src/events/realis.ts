/**
 * Realis: whether the text says an event happened. An event under a plan, wish, purpose, fear,
 * condition, question, negation or denial has not (or not yet) happened, and is marked so:
 * `actual` (it happened or is happening, whoever says so), `future` (announced, planned,
 * scheduled), `hypothetical` (conditional, wished, feared, a purpose, a question) or `negated`
 * (said not to have happened). Read from the dependency parse: the trigger's own auxiliaries,
 * negation and modifiers first, then each clause or noun that governs it, up to a reporting verb
 * — what is said is judged inside the content, and the saying itself does not make it unreal.
 * The words are in data/realis-cues.tsv.
 *
 * Generic and habitual mentions ("several attacks", "attacked about 135 times", "raids averaging
 * two a month", "the Gulf war" as background) are no happening at all: isGenericMention().
 */
import type { Certainty, Realis, Token } from '../doc/types.js';
import { nounHead, type DependencyTree } from '../syntax/tree.js';
import { isReportingVerb } from '../attribution/index.js';
import { loadTsv } from '../util/data.js';
import { firstStartingFrom } from '../util/spans.js';

export type { Realis };
export const REALIS_VALUES: readonly Realis[] = ['actual', 'future', 'hypothetical', 'negated'];

type Role = 'statement' | 'verb' | 'verb+obj' | 'verb+for' | 'result' | 'ordinal' | 'noun' | 'attempt' | 'given' | 'adj' | 'aux' | 'mark' | 'neg' | 'support' | 'freq' | 'quantity' | 'setting';

interface Cues {
  byRole: Map<Role, Map<string, Realis>>;
  words: Map<Role, Set<string>>;
}

let cues: Cues | null = null;
function table(): Cues {
  if (cues) return cues;
  const byRole = new Map<Role, Map<string, Realis>>();
  const words = new Map<Role, Set<string>>();
  for (const r of loadTsv('realis-cues.tsv')) {
    const role = r.role as Role;
    if (!byRole.has(role)) { byRole.set(role, new Map()); words.set(role, new Set()); }
    byRole.get(role)!.set(r.cue, r.realis as Realis);
    words.get(role)!.add(r.cue);
  }
  cues = { byRole, words };
  return cues;
}
const cue = (role: Role, word: string): Realis | undefined => table().byRole.get(role)?.get(word);
const has = (role: Role, word: string): boolean => table().words.get(role)?.has(word) ?? false;

/** Is this string one of the realis values? */
export function isRealis(x: string | undefined): x is Realis {
  return REALIS_VALUES.includes(x as Realis);
}

export interface RealisInput {
  tokens: Token[];
  text: string;
  /** The parse; null (or the trigger's sentence unparsed) falls back to `certainty` and `negated`. */
  tree: DependencyTree | null;
  sentence: { tokenStart: number; tokenEnd: number };
  trigger: number;
  /** The pattern's words: a verb among them carries the event noun ("impose sanctions"). */
  matched: readonly number[];
  /** What the attribution stage read from word windows (used where the sentence is unparsed). */
  certainty: Certainty;
  negated: boolean;
  /** Whether the event is told in someone's words (the attribution has a cue). */
  reported: boolean;
}

/** The realis of an event whose trigger is `input.trigger`. */
export function realisOf(input: RealisInput): Realis {
  const { tree, trigger } = input;
  if (!tree || !tree.parsed(trigger)) return fromCertainty(input.certainty, input.negated);
  return fromParse(input);
}

/** Without a parse: the attribution stage's certainty and the word-window negation. */
export function fromCertainty(certainty: Certainty, negated: boolean): Realis {
  if (negated) return 'negated';
  if (certainty === 'future') return 'future';
  if (certainty === 'hypothetical') return 'hypothetical';
  return 'actual';
}

/**
 * The realis of a statement that modality recoded into what it does (events/modality.ts): an
 * offer, promise or pledge to cooperate is an AGREE that happened, a vow of violence a THREATEN,
 * an obligation laid on someone a REQUEST, a refusal a REJECT. Only a plan or schedule told by
 * the author ("the minister will visit Beijing", "is scheduled to meet") is cooperation still to
 * come: AGREE future. The cue is the modal word modality found.
 */
export function statementRealis(input: RealisInput, cueWord: Token): Realis {
  const k = firstStartingFrom(input.tokens, cueWord.start);
  const at = input.tokens[k] === cueWord ? k : -1;
  // "Will the army withdraw?" asks; it promises nothing.
  if (input.tree?.parsed(input.trigger)) {
    const path = input.tree.pathToRoot(input.trigger);
    if (questioned(input, path[path.length - 1])) return 'hypothetical';
    // "rejected fears that the army would attack", "if Kenya offered troops": a statement told
    // under a fear, a wish or a condition was not made. (Read above the modal word itself.)
    const from = at >= 0 && cueWord.pos === 'VERB' && input.tree.parsed(at) ? at : input.trigger;
    if (fromParse({ ...input, trigger: from }, true) === 'hypothetical') return 'hypothetical';
  }
  const reported = input.reported;
  const word = cueWord.normal;
  // "would have allowed": what did not come about.
  if ((word === 'would' || word === "'d") && at >= 0 && ['have', "'ve"].includes(input.tokens[at + 1]?.normal ?? '')) return 'hypothetical';
  // A speech act (promise, vow, offer) is done by saying it; a plan or schedule is yet to come.
  const said = cue('statement', word) ?? cue('statement', cueWord.lemma);
  if (said) return said;
  // "will"/"would" in a speaker's own words promise; in the author's narration they foretell.
  if (cue('aux', word) === 'future' || word === 'would') return reported ? 'actual' : 'future';
  return 'actual';
}

/** Relations that end the walk: what a relative clause, an apposition or a new sentence part asserts is its own. */
const OWN_CLAUSE = new Set(['parataxis', 'appos', 'list', 'dep', 'vocative', 'discourse', 'reparandum', 'orphan', 'root']);

/** The walk up the parse; `aboveOwn` leaves out the first node's own words (a modal statement's cue). */
function fromParse(input: RealisInput, aboveOwn = false): Realis {
  const { tree, tokens } = input;
  const t = tree!;
  let node = input.trigger;
  // Reached from a conjunct or a noun's complement: the head's negation is not the node's
  // ("did not fire but withdrew", "no confirmation of the attack").
  let inherited = false;
  // One noun's complement is read through ("planning a campaign of violence"); a chain of them
  // ("demands an accounting of the aid") no longer says anything of the event.
  let nounHops = 0;
  for (let steps = 0; steps <= 64; steps++) {
    const own = aboveOwn && steps === 0 ? null : ownMarks(input, node, inherited);
    if (own) return own;
    let head = t.head(node);
    const dep = t.dep(node);
    if (head === null || head < 0 || !dep) return questioned(input, node) ? 'hypothetical' : 'actual';
    const rel = dep.rel;
    const base = t.baseRel(node)!;
    if (rel === 'acl:relcl' || OWN_CLAUSE.has(base)) return 'actual';
    const mark = markOf(input, node);
    // "if Iraq invades", "whether the evidence was gathered through torture".
    if (mark && ['advcl', 'ccomp', 'csubj', 'acl', 'xcomp', 'obl', 'nmod'].includes(base)) {
      const m = cue('mark', mark);
      if (m) return m;
    }
    // "…, and called on Iran to respect …" hung as a conjunct on a noun is a misparse: the verb
    // is coordinated with the clause that holds that noun.
    if (base === 'conj' && tokens[node].pos === 'VERB' && !['VERB', 'AUX', 'ADJ'].includes(tokens[head].pos)) {
      while (head >= 0 && !['VERB', 'AUX'].includes(tokens[head].pos)) head = t.head(head) ?? -1;
      if (head < 0) return 'actual';
    }
    // "could do little to help … and urged the union to …": a finite verb hung as a conjunct on a
    // bare infinitive is coordinated with the finite clause above it.
    if (base === 'conj' && tokens[node].pos === 'VERB' && finite(tokens[node]) && ['VERB', 'AUX'].includes(tokens[head].pos) && !finite(tokens[head])) {
      while (head >= 0 && !(['VERB', 'AUX'].includes(tokens[head].pos) && finite(tokens[head]))) head = t.head(head) ?? -1;
      if (head < 0) return 'actual';
    }
    const h = tokens[head];
    const governing = governorCue(input, head, base, node);
    if (governing) return governing;
    // What a reporting verb introduces is judged inside it: "said the army attacked".
    if (h.pos === 'VERB' && isReportingVerb(h.lemma) && ['ccomp', 'xcomp', 'csubj', 'advcl'].includes(base)) return 'actual';
    inherited = false;
    switch (base) {
      case 'xcomp': case 'ccomp': case 'csubj':
        break;
      case 'advcl':
        // "fired tear gas to disperse the crowd": a purpose. "after troops withdrew": a circumstance, asserted.
        if (mark === 'to' || mark === 'order' || mark === 'so') return infinitive(input, head);
        if (mark) return 'actual';
        // "men indefinitely detained": a bare past participle describes (a misparsed relative);
        // a present one ("…, killing two") shares its clause's realis.
        if (/(ed|en)$/.test(tokens[node].normal) && !t.children(node).some((c) => t.baseRel(c) === 'aux')) return 'actual';
        break;
      case 'acl':
        // "a move to impose sanctions": the noun's aim. "men released from the camp": a description.
        if (mark === 'to') return ordinalHead(input, head) ? 'actual' : infinitive(input, head);
        // "fears that the army will attack", "no evidence that detainees were tortured": a noun's
        // content clause is what the noun holds; "reports that troops fired" are reports.
        if ((mark === 'that' || mark === 'whether') && tokens[node].pos !== 'NOUN') return contentOf(input, head);
        return 'actual';
      case 'conj':
        inherited = true;
        break;
      case 'obl':
        // "could lead to an attack", "may end in clashes": an outcome shares its cause's realis;
        // "was tried for the attack", "in the war": a circumstance is asserted by itself.
        if (!has('result', h.lemma)) return 'actual';
        break;
      case 'obj': case 'nsubj':
        // "will hold talks", "sanctions will be imposed": the noun takes its support verb's realis;
        // "condemned the attack", "the attack killed five": the attack is asserted by itself.
        if ((base === 'nsubj' && rel !== 'nsubj:pass') || !(has('support', h.lemma) || has('result', h.lemma) || input.matched.includes(head))) return 'actual';
        break;
      case 'nmod':
        // "called for an end to the attacks", "an inquiry into the shooting": the event is given.
        if (++nounHops > 1 || has('given', h.lemma)) return 'actual';
        inherited = true;
        break;
      case 'amod':
        // "South Africa's newly designated ambassador": a participle describes what is.
        if (tokens[node].pos === 'VERB') return 'actual';
        break;
      case 'compound': case 'nummod': case 'flat':
        break;
      default:
        return 'actual';
    }
    node = head;
  }
  return 'actual';
}

/** An inflected verb form ("urged", "says"), not a bare infinitive or a participle in -ing. */
const finite = (t: Token) => t.normal !== t.lemma && !t.normal.endsWith('ing');

/** The subordinator of a clause or the preposition of a noun ("if", "to", "for"), lower case. */
function markOf(input: RealisInput, node: number): string | null {
  const t = input.tree!;
  for (const c of t.children(node)) {
    const b = t.baseRel(c);
    if (b === 'mark' || b === 'case') {
      const w = input.tokens[c].normal;
      // "in order to", "so as to", "so that": a purpose.
      if (w === 'in' && input.tokens[c + 1]?.normal === 'order') return 'order';
      if (w === 'so' && ['as', 'that'].includes(input.tokens[c + 1]?.normal ?? '')) return 'so';
      return w;
    }
  }
  return null;
}

/**
 * What a node says of itself: negation ("did not attack", "no arrests", "without charge"),
 * an auxiliary ("will meet", "could attack"), "is to visit", a modifier ("planned talks").
 * A coordinated verb shares its first conjunct's auxiliaries but not its negation ("did not
 * fire but withdrew").
 */
function ownMarks(input: RealisInput, node: number, inherited: boolean): Realis | null {
  const t = input.tree!;
  const { tokens } = input;
  const kids = t.children(node);
  if (!inherited) {
    for (const c of kids) {
      const b = t.baseRel(c);
      const w = tokens[c].normal;
      if (has('neg', w) && (b === 'advmod' || b === 'det' || b === 'case' || b === 'mark' || b === 'cc:preconj')) {
        // "not only …": no negation of the event.
        if (w === 'not' && tokens[c + 1]?.normal === 'only') continue;
        return 'negated';
      }
    }
  }
  let found: Realis | 'would' | null = null;
  let perfect = false;
  for (const c of kids) {
    const b = t.baseRel(c);
    const w = tokens[c].normal;
    if (b === 'aux' && t.dep(c)!.rel !== 'aux:pass') {
      if (w === 'have' || w === 'has' || w === 'had' || w === "'ve") perfect = true;
      if (found) continue;
      if (w === 'would' || w === "'d") found = 'would';
      else {
        const a = cue('aux', w);
        if (a) found = a;
      }
    }
    // "is to visit", "are due to meet".
    if (!found && b === 'cop' && tokens[c].lemma === 'be' && kids.some((k) => t.baseRel(k) === 'mark' && tokens[k].normal === 'to' && k < node && k > c)) found = 'future';
    if (!found && (b === 'amod' || b === 'advmod') && tokens[node].pos === 'NOUN') {
      const a = cue('adj', w) ?? cue('adj', tokens[c].lemma);
      if (a) found = a;
    }
  }
  if (found === 'would') return perfect ? 'hypothetical' : wouldRealis(input, node);
  return found;
}

/**
 * "would" foretells in reported speech ("said Tambo would urge Mulroney": the urging is to come)
 * and supposes elsewhere ("sanctions would hurt", "would have eased"); a condition beside it
 * ("would retaliate if …") makes it a supposition everywhere.
 */
function wouldRealis(input: RealisInput, node: number): Realis {
  const t = input.tree!;
  const conditional = (n: number) => t.childrenWith(n, 'advcl').some((a) => {
    const m = markOf(input, a);
    return m === 'if' || m === 'unless';
  });
  let n = node;
  for (let steps = 0; steps <= 64; steps++) {
    if (conditional(n)) return 'hypothetical';
    const head = t.head(n);
    const base = t.baseRel(n);
    if (head === null || head < 0) break;
    if (input.tokens[head].pos === 'VERB' && isReportingVerb(input.tokens[head].lemma) && (base === 'ccomp' || base === 'parataxis')) return 'future';
    if (base !== 'conj' && base !== 'xcomp' && base !== 'ccomp') break;
    n = head;
  }
  return input.reported ? 'future' : 'hypothetical';
}

/** The realis a governing word gives the node below it, by the relation that joins them. */
function governorCue(input: RealisInput, head: number, base: string, node: number): Realis | null {
  const h = input.tokens[head];
  const lemma = h.lemma;
  if (h.pos === 'VERB' || h.pos === 'AUX') {
    const cued = cue('verb', lemma) ?? cue('verb+obj', lemma);
    if (!cued) return null;
    // "would block a move to impose sanctions": what a blocking not yet done stops is only supposed.
    const v = cued === 'negated' && unrealVerb(input, head) ? 'hypothetical' : cued;
    if (['xcomp', 'ccomp', 'csubj'].includes(base)) return v;
    // "was scheduled today to meet": an infinitive after such a verb is its complement, not a purpose.
    if (base === 'advcl' && markOf(input, node) === 'to') return v;
    // "planning attacks", "prevent a war", "warned of reprisals", "guard against attacks".
    if (has('verb+obj', lemma) && base === 'obj') return v;
    const prep = base === 'obl' ? markOf(input, node) : null;
    if (has('verb+obj', lemma) && (prep === 'of' || prep === 'against')) return v;
    // "called for talks"; but "vowed revenge for the attack" gives a reason.
    if (prep === 'for') return cue('verb+for', lemma) ?? null;
    // "set to protest" is read by its "to" clause; "set fire" is no plan.
    return null;
  }
  if (base === 'obl' && markOf(input, node) === 'for') return cue('verb+for', lemma) ?? null;
  if (h.pos === 'NOUN' || h.pos === 'PROPN') {
    // (an attempt's own kind named before it is the trying, under way: "a mediation effort")
    const n = cue('noun', lemma) ?? (base === 'compound' ? undefined : cue('attempt', lemma));
    if (n && ['nmod', 'acl', 'compound', 'obl'].includes(base)) return n;
  }
  return null;
}

/** A verb with a modal of its own ("would block", "may refuse"): not told as done. */
function unrealVerb(input: RealisInput, v: number): boolean {
  const t = input.tree!;
  return t.childrenWith(v, 'aux').some((a) => cue('aux', input.tokens[a].normal) !== undefined);
}

/**
 * An infinitive ("to demonstrate") hung on `head`: a purpose or aim, hypothetical — unless `head`
 * is an argument of a verb that governs it ("expects 4,000 supporters to demonstrate", "urged
 * Iran to release", read by the parse as the noun's own clause): that verb decides.
 */
function infinitive(input: RealisInput, head: number): Realis {
  const t = input.tree!;
  // (Through the noun's own modifiers: "expected 4,000 supporters in Tyneside to make their protest".)
  let arg = head;
  for (let steps = 0; steps < 3 && ['nmod', 'compound', 'appos', 'conj'].includes(t.baseRel(arg) ?? ''); steps++) arg = t.head(arg) ?? -1;
  if (arg < 0) return 'hypothetical';
  const up = t.head(arg);
  const rel = t.baseRel(arg);
  if (up !== null && up >= 0 && ['obj', 'obl', 'nsubj', 'iobj'].includes(rel ?? '') && ['VERB', 'AUX'].includes(input.tokens[up].pos)) {
    const v = cue('verb', input.tokens[up].lemma) ?? cue('verb+obj', input.tokens[up].lemma);
    if (v) return v === 'negated' && unrealVerb(input, up) ? 'hypothetical' : v;
  }
  return 'hypothetical';
}

/** What a noun's content clause takes from the noun: "the fear that", "the plan that"; "no evidence that" asserts nothing. */
function contentOf(input: RealisInput, noun: number): Realis {
  const t = input.tree!;
  const n = cue('noun', input.tokens[noun].lemma) ?? cue('attempt', input.tokens[noun].lemma);
  if (n) return n;
  if (t.children(noun).some((c) => t.baseRel(c) === 'det' && input.tokens[c].normal === 'no')) return 'hypothetical';
  return 'actual';
}

/**
 * "the first woman to be elected", "the twelfth man to be arrested": after an ordinal, a
 * superlative or "only", a noun's "to" clause tells what happened.
 */
function ordinalHead(input: RealisInput, noun: number): boolean {
  const t = input.tree!;
  return t.children(noun).some((c) => {
    if (t.baseRel(c) !== 'amod' && t.baseRel(c) !== 'advmod') return false;
    const w = input.tokens[c];
    return has('ordinal', w.normal) || /^\d+(st|nd|rd|th)$/.test(w.normal) || (w.pos === 'ADJ' && /(th|est)$/.test(w.normal));
  });
}

/** A polar question ("Will Iran retaliate?", "Was the embassy attacked?"); a wh-question presupposes its event. */
function questioned(input: RealisInput, root: number): boolean {
  const { tokens, sentence } = input;
  let last = sentence.tokenEnd - 1;
  while (last > sentence.tokenStart && tokens[last].pos === 'PUNCT' && tokens[last].normal !== '?') last--;
  if (tokens[last]?.normal !== '?') return false;
  const first = tokens[sentence.tokenStart].normal;
  if (['what', 'why', 'how', 'when', 'where', 'who', 'whom', 'whose', 'which'].includes(first)) return false;
  const t = input.tree!;
  const kids = t.children(root);
  const subject = kids.find((c) => t.baseRel(c) === 'nsubj' || t.baseRel(c) === 'expl');
  const fronted = kids.find((c) => t.baseRel(c) === 'aux' || t.baseRel(c) === 'cop');
  return subject !== undefined && fronted !== undefined && fronted < subject;
}

export interface GenericInput {
  tokens: Token[];
  text: string;
  tree: DependencyTree | null;
  trigger: number;
  /** Whether the event has an actor or a recipient. */
  hasParticipants: boolean;
}

/**
 * A habitual, counted or generic mention, or a standing state named as the background, is no
 * happening: "attacked about 135 times", "air raids averaging two a month", "several attacks",
 * "such protests", "since the Gulf war".
 */
export function isGenericMention(input: GenericInput): boolean {
  const { tree, tokens } = input;
  if (!tree || !tree.parsed(input.trigger)) return false;
  const trigger = nounHead(tree, tokens, input.trigger);
  const word = tokens[trigger];
  const kids = tree.children(trigger);
  // A frequency on the event: "protest daily", "135 times", "twice a month", "every week".
  if (kids.some((c) => frequency(input, c))) return true;
  const head = tree.head(trigger);
  // "raids, averaging two a month": the count is told of the event.
  if (head !== null && head >= 0 && tokens[head].lemma === 'average' && has('freq', 'average')) return true;
  if (word.pos === 'NOUN') {
    const plural = word.normal !== word.lemma && word.normal.endsWith('s');
    const quantified = kids.some((c) => ['amod', 'det', 'nummod', 'advmod'].includes(tree.baseRel(c)!) && (has('quantity', tokens[c].normal) || has('quantity', tokens[c].lemma)));
    // "hundreds of protests", "dozens of raids".
    const counted = head !== null && head >= 0 && tree.baseRel(trigger) === 'nmod' && has('quantity', tokens[head].normal);
    if (plural && (quantified || counted) && !input.hasParticipants) return true;
    if (has('setting', word.lemma) && setting(input, trigger, kids)) return true;
  }
  return false;
}

/** Is child `c` of an event a frequency ("daily", "regularly", "135 times", "twice a month")? */
function frequency(input: GenericInput, c: number): boolean {
  const t = input.tree!;
  const { tokens } = input;
  const b = t.baseRel(c)!;
  const w = tokens[c];
  if (!['advmod', 'amod', 'obl', 'nmod', 'npadvmod'].includes(b)) return false;
  if (w.lemma === 'time' || w.normal === 'times') {
    // "135 times", "several times", "many times" — not "at the time", "this time".
    return w.normal === 'times' && t.children(c).some((k) => ['nummod', 'amod', 'det'].includes(t.baseRel(k)!) && (tokens[k].pos === 'NUM' || has('quantity', tokens[k].normal)));
  }
  if (['day', 'week', 'month', 'year', 'night'].includes(w.lemma)) {
    // "every week", "twice a month", "two a month".
    const k = t.children(c);
    const every = k.some((x) => ['every', 'each', 'per'].includes(tokens[x].normal));
    const rate = k.some((x) => tokens[x].normal === 'a' || tokens[x].normal === 'an') && c >= 2
      && (['twice', 'once', 'thrice'].includes(tokens[c - 2].normal) || tokens[c - 2].pos === 'NUM');
    return every || rate;
  }
  return (b === 'advmod' || b === 'amod') && has('freq', w.normal) && w.lemma !== 'average' && w.lemma !== 'time';
}

/**
 * A war or embargo named ("the Gulf war", "the Iran-Iraq war") or, defined, hung on something
 * else as its time or setting ("opposition to the war on Iraq", "since the war") is the
 * background of the story, not a happening told in it. As subject or object ("launched a war",
 * "the war began") it is one.
 */
function setting(input: GenericInput, trigger: number, kids: number[]): boolean {
  const t = input.tree!;
  const { tokens, text } = input;
  const named = kids.some((c) => {
    const b = t.baseRel(c);
    return (b === 'compound' || b === 'amod') && c < trigger && (tokens[c].pos === 'PROPN' || /^\p{Lu}/u.test(text.slice(tokens[c].start, tokens[c].end)));
  });
  const definite = kids.some((c) => t.baseRel(c) === 'det' && ['the', 'that', 'this'].includes(tokens[c].normal))
    || kids.some((c) => t.baseRel(c) === 'nmod' && t.dep(c)!.rel === 'nmod:poss');
  const rel = t.baseRel(trigger);
  const head = t.head(trigger);
  const carried = head !== null && head >= 0 && has('support', tokens[head].lemma);
  if (carried && (rel === 'obj' || t.dep(trigger)!.rel === 'nsubj:pass')) return false;
  if (named && definite) return true;
  return definite && (rel === 'obl' || rel === 'nmod');
}

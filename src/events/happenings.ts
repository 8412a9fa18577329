/**
 * One record per happening in an article. News tells a happening several times — "the killing
 * of X … in a US drone strike", later "the attack", "the assassination", "the strike that killed
 * X" — and each telling is a trigger of its own. Here the events of one article (in text order,
 * after findEvents' sentence loop) become one event per happening, carrying every mention.
 *
 * A later mention joins an earlier happening when nothing they say conflicts — the same PLOVER
 * type, the same realis, dates that agree (one is the other or a part of it), places that agree
 * (the same country; places a city or finer not far apart), participants that agree (the same
 * coreference chain, name or country; no reversed sides) — and when something says they are
 * one: an anaphoric event noun ("the attack", "this strike", "the aforementioned protests")
 * refers back to the nearest compatible happening; an act of violence in the very next sentence
 * goes on telling it; any other mention needs a participant they share by name, chain or country. Words that introduce another happening ("another attack",
 * "a second strike", "renewed clashes", "attacked again") and an indefinite noun in a later
 * sentence ("an attack") start a new one. Two strikes on two days, in two places or on two
 * targets stay two.
 *
 * The happening's fields are decided from all its mentions: the most precise date and place
 * (a place only counts against another when it is named in its mention's own sentence), the
 * fullest participants, the most specific CAMEO code, the attribution of the first asserted
 * mention; its trigger and sentence are the first mention's.
 *
 * Before grouping, each mention's date is checked to be its own: a time expression belongs to
 * the event whose word it modifies in the parse, so "on January 7 a court issued a warrant over
 * the killing of X" dates the warrant, not the killing (which then takes its happening's date).
 */
import type { CodedEvent, Doc, Entity, EntityMention, Place, TimeExpression } from '../doc/types.js';
import { eventDate } from '../times/event-date.js';
import { isDatelineTime } from '../times/dateline.js';
import { PRECISION_RANK } from '../places/event-place.js';
import { haversineKm } from '../places/measure.js';
import { treeOf, type DependencyTree } from '../syntax/tree.js';
import { loadTsv } from '../util/data.js';
import { firstStartingFrom, ofSentence } from '../util/spans.js';
import { joinMentions, morePrecise, moreSpecific } from './merge.js';

type Article = Pick<Doc, 'text' | 'tokens' | 'sentences' | 'entities' | 'times' | 'syntax' | 'attributions'>;

/** Group an article's events (in text order) into happenings, each with all its mentions. */
export function groupHappenings(doc: Article, events: CodedEvent[]): CodedEvent[] {
  const dated = ownDates(doc, events);
  const chains = chainIndex(doc.entities);
  const ordered = dated.map((e, i) => ({ e, i })).sort((a, b) => a.e.trigger.start - b.e.trigger.start || a.i - b.i).map((x) => x.e);
  const happenings: Happening[] = [];
  // The happenings in the order they were last told (an entry per telling; a stale one is passed
  // over): the search looks back a window of sentences.
  const recent: Telling[] = [];
  for (const e of ordered) {
    const mention = readMention(doc, e, chains);
    const joined = mention.fresh ? null : bestHappening(recent, mention);
    const h = joined ?? { mentions: [], distinct: [], signatures: new Set<string>(), sentences: new Set<number>(), actor: [], recipient: [] };
    addMention(h, mention);
    if (!joined) happenings.push(h);
    recent.push({ h, count: h.mentions.length, sentence: mention.event.sentence.index });
  }
  return happenings.map(combine);
}

interface Telling { h: Happening; count: number; sentence: number }

/** How many sentences back a happening may be last told and still be referred to ("the attack"): a description points at what is salient. */
const WINDOW = 20;
/** How many sentences after a headline its lead runs (a dateline sentence, the lead, its second sentence). */
const LEAD = 3;

function addMention(h: Happening, m: Mention): void {
  h.mentions.push(m);
  h.sentences.add(m.event.sentence.index);
  // Conflicts are checked against the mentions that say something new (a long text that repeats
  // itself is not checked mention by mention).
  const key = (ps: Party[]) => ps.map((p) => `${p.chain}|${p.entity.name}|${p.entity.code}`).sort().join(',');
  const signature = [m.event.date, m.ownPlace?.name, key(m.actor), key(m.recipient)].join('/');
  if (!h.signatures.has(signature)) {
    h.signatures.add(signature);
    h.distinct.push(m);
    h.actor.push(...m.actor);
    h.recipient.push(...m.recipient);
  }
}

/** A mention as the grouping reads it: its event, its participants' chains, what its words say. */
interface Mention {
  event: CodedEvent;
  actor: Party[];
  recipient: Party[];
  /** "the attack", "this strike", "the killing of X": a definite event noun referring back. */
  anaphoric: boolean;
  /** "another attack", "a second strike", "attacked again", "an attack" in a later sentence: a new happening. */
  fresh: boolean;
  /** Where it happened, when the mention's own sentence names the place. */
  ownPlace: Place | null;
  /** For an indefinite noun ("an attack"), its sentence: it may join only a happening told there. */
  indefiniteIn: number | null;
  /** A word for what an attack did ("killed", "injured", "destroyed"; data/harm-outcomes.tsv). */
  outcome: boolean;
  /** Told in a headline: a line in capitals ("IRAN REPORTS OFFENSIVE"). */
  headline: boolean;
  /** A bare plural noun ("attacks", "protests in 2019"): several happenings, or a kind of them. */
  generic: boolean;
  /** A verb as an infinitive or a gerund ("to attack", "stop attacking"). */
  nonFinite: boolean;
  /** "also" just before the trigger ("also struck", "were also attacked"): an act besides one told. */
  additional: boolean;
  /** Its sentence tells a time ("On Tuesday", "in the past"; not a dateline's day): it may be a happening of another time. */
  timed: boolean;
}

interface Party { entity: Entity; chain: number | null; named: boolean }

interface Happening {
  mentions: Mention[];
  /** The mentions that differ in date, place or participants: what a new mention must agree with. */
  distinct: Mention[];
  signatures: Set<string>;
  sentences: Set<number>;
  /** The participants of the distinct mentions, side by side. */
  actor: Party[];
  recipient: Party[];
}

/** Coreference chains by span: an event's participants are copies of entity mentions. */
function chainIndex(entities: EntityMention[]): Map<string, EntityMention> {
  const out = new Map<string, EntityMention>();
  for (const m of entities) out.set(`${m.start}:${m.end}`, m);
  return out;
}

function party(e: Entity, chains: Map<string, EntityMention>): Party {
  const m = chains.get(`${e.start}:${e.end}`);
  return { entity: e, chain: m?.chain ?? null, named: !!m && m.evidence !== 'nominal' && !m.nominal };
}

let outcomes: Set<string> | null = null;
/** Lemmas of words that tell what an attack did (data/harm-outcomes.tsv). */
function harmOutcomes(): Set<string> {
  if (!outcomes) outcomes = new Set(loadTsv('harm-outcomes.tsv').map((r) => r.lemma));
  return outcomes;
}

/** Determiners and possessives that make an event noun point back at one already told. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'such']);
/** Words in an event's noun phrase that introduce a happening other than the ones told. */
const ANOTHER = new Set(['another', 'other', 'second', 'third', 'fourth', 'fifth', 'new', 'fresh', 'further', 'renewed', 'latest',
  'separate', 'earlier', 'previous', 'prior', 'similar', 'subsequent', 'next', 'more', 'repeated', 'first', 'last']);
/** Forms of "be" that make an -ing verb finite ("were attacking"). */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
/** Words after a verb that say it happened once more. */
const AGAIN = new Set(['again', 'anew', 'once more']);

function readMention(doc: Article, e: CodedEvent, chains: Map<string, EntityMention>): Mention {
  const { tokens } = doc;
  const t = firstStartingFrom(tokens, e.trigger.start);
  const sentence = doc.sentences[e.sentence.index];
  const from = sentence ? sentence.tokenStart : 0;
  const to = sentence ? sentence.tokenEnd : tokens.length;
  const tok = tokens[t];
  const noun = !!tok && (tok.pos === 'NOUN' || tok.pos === 'PROPN');
  let determiner: string | null = null;
  let another = false;
  // The noun phrase before the trigger: "the US drone strike", "a second deadly attack".
  for (let k = t - 1; k >= Math.max(from, t - 4) && tok; k--) {
    const w = tokens[k].normal;
    if (ANOTHER.has(w)) another = true;
    if (DEFINITE.has(w) || w === 'a' || w === 'an' || /^\d+$/.test(w)) { determiner = w; break; }
    // A possessive makes the phrase definite: "Mr Blair's refusal" is his refusal already told.
    if (w === "'s" || w === '’s' || w === "'") { determiner = 'the'; break; }
    // (A participle describes the noun too: "the last confirmed Iraqi attack".)
    const participle = tokens[k].pos === 'VERB' && /(?:ed|en)$/.test(w);
    if (!participle && !['ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT', 'ADV'].includes(tokens[k].pos)) break;
  }
  for (let k = t + 1; k < Math.min(to, t + 5) && tok; k++) {
    if (AGAIN.has(tokens[k].normal) || (tokens[k].normal === 'once' && tokens[k + 1]?.normal === 'more')) another = true;
    if (['.', ';'].includes(tokens[k].normal)) break;
  }
  const anaphoric = noun && determiner !== null && DEFINITE.has(determiner) && !another;
  // An indefinite noun ("an attack", "two strikes") introduces its happening; within its own
  // sentence it may still be the one told there ("X was killed in a drone strike").
  // A bare plural ("protests in 2019", "planning attacks") is as new as an indefinite.
  const barePlural = noun && determiner === null && tok.normal !== tok.lemma && /s$/.test(tok.normal);
  const indefinite = noun && ((determiner !== null && !DEFINITE.has(determiner)) || barePlural);
  const ownPlace = e.location && sentence && e.location.start >= sentence.start && e.location.end <= sentence.end
    && placeOfTrigger(doc, t, e.location) ? e.location : null;
  return {
    event: e,
    actor: e.actor.map((x) => party(x, chains)),
    recipient: e.recipient.map((x) => party(x, chains)),
    anaphoric, fresh: another, ownPlace, indefiniteIn: indefinite ? e.sentence.index : null,
    outcome: e.event === 'ASSAULT' && !!tok && harmOutcomes().has(tok.lemma.toLowerCase()),
    headline: isHeadline(doc.text.slice(e.sentence.start, e.sentence.end)),
    generic: barePlural,
    additional: tokens.slice(Math.max(from, t - 3), t).some((x) => x.normal === 'also'),
    timed: e.date !== null || ofSentence(doc.times, e.sentence.index).some((x) => (x.type === 'DATE' || x.type === 'TIME') && !isDatelineTime(doc.text, x)),
    nonFinite: !!tok && tok.pos === 'VERB' && t > from && (tokens[t - 1].normal === 'to'
      || (tok.normal.endsWith('ing') && !BE.has(tokens[t - 1].normal))),
  };
}

/**
 * Is a place of the trigger's sentence the trigger's own: in the trigger's phrase or its verb's
 * ("attacked a station in Kano", "the strike near Baghdad airport"), not in another clause
 * ("used the air base in Germany to relay signals that steered the attack")? Without a parse, any
 * place of the sentence is.
 */
function placeOfTrigger(doc: Article, trigger: number, place: Place): boolean {
  if (!doc.syntax) return true;
  const tree = treeOf(doc.syntax);
  const first = firstStartingFrom(doc.tokens, place.start);
  let last = first;
  while (last + 1 < doc.tokens.length && doc.tokens[last + 1].end <= place.end) last++;
  const head = tree.headOfRange(first, last);
  if (head === null || !tree.parsed(trigger)) return true;
  const up = tree.head(trigger);
  return tree.dominates(trigger, head) || (up !== null && up >= 0 && tree.dominates(up, head));
}

/** A line in capitals, as wire services write headlines: several words, no small letters. */
export function isHeadline(sentence: string): boolean {
  return /\p{Lu}{2,}(?:\s+\S+){2,}/u.test(sentence) && !/\p{Ll}/u.test(sentence);
}

/** The happening a mention joins: the compatible one it agrees with most, the latest on a tie; null for a new one. */
function bestHappening(recent: Telling[], m: Mention): Happening | null {
  let best: { h: Happening; score: number } | null = null;
  for (let k = recent.length - 1; k >= 0; k--) {
    const { h, count, sentence } = recent[k];
    if (sentence < m.event.sentence.index - WINDOW) break;
    if (count !== h.mentions.length) continue;
    // A headline tells the story's lead: its event is the one the first sentences tell.
    const inLead = h.mentions[0].headline && m.event.sentence.index - h.mentions[0].event.sentence.index <= LEAD;
    // The story goes on telling its headline's happening in other words ("an assault on Basra",
    // "the brigades destroyed", a speaker's own words for the rejection) — unless the mention says
    // it is another: an act besides ("also opposes"), a time in its sentence ("On Tuesday, 19 soldiers
    // were killed", "has raided … in the past"), a bare plural that counts many ("attacks on trains").
    const told = inLead || (h.mentions[0].headline && !m.additional && !m.timed && !m.generic);
    // Its capitals defeat the tagger, so the headline's participants are too unsure to keep the
    // lead's telling apart, and the lead's "an attack" is the headline's attack told in full, not another.
    const lead = inLead && h.mentions.length === 1;
    if (!compatible(h.distinct, m, lead ? { actor: [], recipient: [] } : h)) continue;
    if (m.indefiniteIn !== null && !h.sentences.has(m.indefiniteIn) && !told) continue;
    // Happenings told first as a bare plural ("planning attacks") are many or none: only their own sentence tells them again.
    if (h.mentions[0].generic && !h.sentences.has(m.event.sentence.index)) continue;
    const shared = sharesParticipant(h.distinct, m);
    const last = h.mentions[h.mentions.length - 1].event.sentence.index;
    const sameSentence = last === m.event.sentence.index;
    // A statement told again by its speaker is mostly another statement ("asked …", later "urged …"):
    // across sentences only a noun that refers back ("the appeal") joins a verbal happening.
    const verbal = m.event.quad_class === 1 || m.event.quad_class === 3;
    // "Rebels attacked the post and killed two soldiers"; "… Three policemen were wounded": what an
    // attack did, told in its sentence or the two after, is that attack.
    const outcome = m.outcome && m.event.sentence.index - last <= 2;
    // Fighting is told over consecutive sentences ("Rebels attacked the post at dawn. They shelled
    // it for two hours"): a finite act of violence in the sentence after one that agrees with it
    // goes on telling it. ("Warplanes also struck the oilfields": "also" adds an act to the one told.)
    const continues = m.event.quad_class === 4 && !m.nonFinite && !m.additional && m.event.sentence.index - last <= 1;
    // An infinitive or a gerund ("to attack", "stop attacking") names an act, not a telling of one that happened.
    const joins = m.anaphoric || outcome || told || continues || (verbal || m.nonFinite ? shared && sameSentence : shared || sameSentence);
    if (!joins) continue;
    const sameDate = m.event.date !== null && h.distinct.some((o) => o.event.date === m.event.date);
    const score = (sameDate ? 2 : 0) + (shared ? 1 : 0);
    // (Latest first: an earlier happening must agree more to be preferred.)
    if (!best || score > best.score) best = { h, score };
  }
  return best?.h ?? null;
}

/** Realis as the grouping compares it: a negated, future or hypothetical mention is not the happening that happened. */
function realisKey(e: CodedEvent): string {
  const flagged = (e as CodedEvent & { realis?: string }).realis;
  if (flagged) return flagged;
  if (e.negated) return 'negated';
  if (e.attribution.certainty === 'future' || e.attribution.certainty === 'hypothetical') return e.attribution.certainty;
  return 'actual';
}

/**
 * Can a mention be of the happening told by `told`: nothing they say conflicts? Dates and places
 * are checked against each mention; participants against the happening's sides, all mentions
 * together ("the killing of X" and "the assassination of Y" are one strike on both).
 */
export function compatible(told: Mention[], m: Mention, sides?: { actor: Party[]; recipient: Party[] }): boolean {
  const [first] = told;
  if (first.event.event !== m.event.event || realisKey(first.event) !== realisKey(m.event)) return false;
  if (!told.every((o) => datesAgree(o.event.date, m.event.date) && placesAgree(o.ownPlace, m.ownPlace))) return false;
  // A verbal act's mode says which act it is: a condemnation and an investigation (both ACCUSE),
  // a demand and an appeal, are two acts however their words point back ("its investigation").
  const verbal = (e: CodedEvent) => e.quad_class === 1 || e.quad_class === 3;
  if (!told.every((o) => (!verbal(o.event) && !verbal(m.event)) || modesAgree(o.event.mode, m.event.mode))) return false;
  const actor = sides?.actor ?? told.flatMap((o) => o.actor);
  const recipient = sides?.recipient ?? told.flatMap((o) => o.recipient);
  if (!sidesAgree(actor, m.actor) || !sidesAgree(recipient, m.recipient)) return false;
  // "A attacked B" and "B attacked A" are two happenings.
  if (m.actor.length && sidesMatch(m.actor, recipient, 'country') && sidesMatch(m.recipient, actor, 'country') && !sidesMatch(m.actor, actor, 'country')) return false;
  return true;
}

/** Modes agree when either is unset or they share one. */
export function modesAgree(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));
}

/** One date is the other or contains it ("2020-01-03" and "2020-01", "2020"); an unknown date agrees with any. */
export function datesAgree(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

/** Places agree when either is unknown, or they are in one country and, both a city or finer, within 100 km. */
export function placesAgree(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  if (a.country && b.country && a.country !== b.country) return false;
  const fine = (p: Place) => PRECISION_RANK[p.precision] <= PRECISION_RANK.admin2;
  if (fine(a) && fine(b) && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    return haversineKm(a.lat, a.lon, b.lat, b.lon) <= 100;
  }
  return true;
}

/** A country's state organs: one side for telling happenings apart; its rebels, parties and civilians are others. */
const STATE = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/**
 * Do two participants stand for one party: 'same' entity (one coreference chain or name),
 * 'country' (one country, sides not told apart by sector), 'kind' when nothing tells them
 * apart, null when they differ.
 */
function sameParty(x: Party, y: Party): 'same' | 'country' | 'kind' | null {
  if (x.chain !== null && x.chain === y.chain) return 'same';
  if (x.entity.name.toLowerCase() === y.entity.name.toLowerCase()) return 'same';
  const [a, b] = [x.entity, y.entity];
  const sectorsDiffer = !!a.sector && !!b.sector && a.sector !== b.sector;
  if (a.country && b.country) {
    if (a.country !== b.country) return null;
    // (A state's organs stand for it in turn — "the US", "US forces", "the Pentagon" — and a people
    // named by its demonym alone ("Libyans", CVL) may be any of its own; rebels and police are two sides.)
    return sectorsDiffer && !(STATE.has(a.sector!) && STATE.has(b.sector!)) && a.sector !== 'CVL' && b.sector !== 'CVL' ? null : 'country';
  }
  if (sectorsDiffer) return null;
  // Two people named apart, neither coded: two people.
  if (x.named && y.named && a.type === 'PER' && b.type === 'PER') return null;
  return 'kind';
}

/** Two sides agree when either is empty or some participant of one may be some participant of the other. */
function sidesAgree(a: Party[], b: Party[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => sameParty(x, y) !== null));
}

/** Two sides share a participant on evidence: the same entity, or (`country`) at least the same country. */
function sidesMatch(a: Party[], b: Party[], evidence: 'same' | 'country'): boolean {
  return a.some((x) => b.some((y) => {
    const k = sameParty(x, y);
    return k === 'same' || (evidence === 'country' && k === 'country');
  }));
}

/**
 * A mention shares an entity with the happening on the same side: one named entity (a
 * description's chain — "a 45-year-old man", "a 24-year-old man" — is too loose to tell).
 */
function sharesParticipant(told: Mention[], m: Mention): boolean {
  const named = (a: Party[], b: Party[]) => a.some((x) => b.some((y) => (x.named || y.named) && sameParty(x, y) === 'same'));
  return told.some((o) => named(o.actor, m.actor) || named(o.recipient, m.recipient));
}

/** The happening told first is its trigger and sentence: the earliest mention leads (a within-sentence merge may have kept a later word). */
function earliestFirst(e: CodedEvent): CodedEvent {
  const first = e.mentions.reduce((a, b) => (b.trigger.start < a.trigger.start ? b : a));
  if (first === e.mentions[0]) return e;
  return { ...e, sentence: first.sentence, trigger: first.trigger, mentions: [first, ...e.mentions.filter((m) => m !== first)] };
}

/** One event from a happening's mentions: the first mention's trigger, the fields decided from all. */
function combine(h: Happening): CodedEvent {
  const [first, ...rest] = h.mentions;
  if (rest.length === 0) return earliestFirst(first.event);
  const events = h.mentions.map((m) => m.event);
  const e: CodedEvent = { ...first.event, mentions: joinMentions(first.event.mentions, rest.flatMap((o) => o.event.mentions)) };
  const specific = events.reduce((a, b) => moreSpecific(a, b));
  const precise = events.filter((x) => x.date !== null).reduce<CodedEvent | null>((a, b) => (!a || b.date!.length > a.date!.length ? b : a), null);
  const own = h.mentions.map((m) => m.ownPlace).filter((p): p is Place => p !== null);
  const location = own.length ? own.reduce((a, b) => morePrecise(a, b)!) : events.map((x) => x.location).find((p) => p !== null) ?? null;
  // A wire headline drops the lead's "said": its words are whoever the story tells them from, not
  // the author's own ("IRAN REPORTS OFFENSIVE" is IRNA's), so the attribution comes from the body.
  const told = h.mentions.filter((m) => !m.headline).map((m) => m.event);
  const asserted = told.find((x) => x.attribution.certainty === 'asserted') ?? told[0] ?? first.event;
  return earliestFirst({
    ...e,
    cameo: specific.cameo, goldstein: specific.goldstein, quad_class: specific.quad_class,
    mode: [...new Set(events.flatMap((x) => x.mode))],
    context: [...new Set(events.flatMap((x) => x.context))],
    date: precise?.date ?? null, date_precision: precise?.date_precision ?? 'unknown', date_text: precise?.date_text ?? null,
    actor: fullest(h.mentions.map((m) => m.actor)),
    recipient: fullest(h.mentions.map((m) => m.recipient)),
    location,
    attribution: asserted.attribution,
    confidence: Math.max(...events.map((x) => x.confidence)),
  });
}

/**
 * The participants of all mentions: the first mention that names a side gives it, and later
 * mentions add the parties of other countries it lacks ("the killing of A" and "the
 * assassination of B": both victims). A party of a country already there is not added again,
 * so "Kharkiv" and "four people" on one side stay as the first mention says.
 */
function fullest(sides: Party[][]): Entity[] {
  const out: Party[] = [];
  for (const side of sides) {
    if (out.length === 0) { out.push(...side); continue; }
    for (const p of side) {
      if (!p.entity.country || out.some((q) => q.entity.country === p.entity.country || sameParty(q, p) === 'same')) continue;
      out.push(p);
    }
  }
  return out.map((p) => p.entity);
}

/**
 * Each event's date, if the time expression it took belongs to it: an expression modifies one
 * word in the parse, and when the way up from the event's trigger to that word passes the
 * trigger of another event of the sentence that it is hung on by a preposition or a clause,
 * the date is that event's — "a court issued a warrant on January 7 over the killing".
 */
export function ownDates(doc: Article, events: CodedEvent[]): CodedEvent[] {
  const tree = doc.syntax ? treeOf(doc.syntax) : null;
  const bySentence = new Map<number, CodedEvent[]>();
  for (const e of events) bySentence.set(e.sentence.index, [...(bySentence.get(e.sentence.index) ?? []), e]);
  return events.map((e) => {
    if (e.date === null || e.date_text === null) return e;
    const told = tellingTimes(doc, e);
    // (With no time word of its own, a reported event is dated by its telling: "Iraq said today its warplanes had attacked".)
    const ownTimes = ofSentence(doc.times, e.sentence.index).filter((t) => !told.includes(t) && (t.type === 'DATE' || t.type === 'TIME'));
    if (ownTimes.length && told.some((t) => t.text === e.date_text)) e = redated(doc, e, told);
    if (e.date === null || e.date_text === null || !tree) return e;
    const others = (bySentence.get(e.sentence.index) ?? []).filter((o) => o !== e && o.event !== e.event);
    if (others.length === 0) return e;
    const time = ofSentence(doc.times, e.sentence.index).filter((t) => t.text === e.date_text)
      .sort((a, b) => Math.abs(a.start - e.trigger.start) - Math.abs(b.start - e.trigger.start))[0];
    if (!time) return e;
    // A date after the event's word is read as its own: "condemned the attack on a convoy on March 9"
    // (the parse may hang it on the verb before).
    if (time.start > e.trigger.start) return e;
    const owner = dateOwner(doc, tree, time, e, others);
    const held = owner === e ? heldBy(doc, e, others) : null;
    return owner === e && !held ? e : { ...e, date: null, date_precision: 'unknown', date_text: null };
  });
}

/**
 * The time expressions that date the telling of a reported event, not the event: those of its
 * sentence before what the source says, right after the verb that says it, or in the dateline ("the command said today troops killed 1,269 soldiers
 * on Sunday": "today" is when it was said).
 */
function tellingTimes(doc: Article, e: CodedEvent): TimeExpression[] {
  const cue = e.attribution.cue;
  if (!cue || !doc.attributions) return [];
  const relation = relationsByCue(doc.attributions).get(cue.start)?.find((r) => r.cue!.end === cue.end
    && r.content.some((c) => c.start <= e.trigger.start && c.end >= e.trigger.end));
  if (!relation) return [];
  // (Wire style puts the telling's day right after its verb — "said today troops killed …" — where a
  // tagger may read it as the content's first words.)
  const afterCue = (t: TimeExpression) => relation.cue !== null && t.start >= relation.cue.end && /^\s*(?:on\s+)?$/i.test(doc.text.slice(relation.cue.end, t.start));
  // (Only before what is said: a content span's end is less sure — "… killed 1,269 soldiers near X on Sunday".)
  const opens = Math.min(...relation.content.map((c) => c.start));
  return ofSentence(doc.times, e.sentence.index).filter((t) => afterCue(t) || isDatelineTime(doc.text, t) || t.end <= opens);
}

const byCue = new WeakMap<Doc['attributions'], Map<number, Doc['attributions']>>();
/** A document's attribution relations by where their cue starts, indexed once. */
function relationsByCue(relations: Doc['attributions']): Map<number, Doc['attributions']> {
  let index = byCue.get(relations);
  if (!index) {
    index = new Map();
    for (const r of relations) if (r.cue) index.set(r.cue.start, [...(index.get(r.cue.start) ?? []), r]);
    byCue.set(relations, index);
  }
  return index;
}

/** The event's date chosen again without the time expressions that date its telling. */
function redated(doc: Article, e: CodedEvent, told: TimeExpression[]): CodedEvent {
  const own = { ...doc, times: doc.times.filter((t) => !told.includes(t)), meta: { published: null } };
  const when = eventDate(own, { sentence: e.sentence.index, start: e.trigger.start, end: e.trigger.end }, null);
  return { ...e, date: when.date, date_precision: when.precision, date_text: when.text };
}

/** Prepositions that hang an event noun on another event: "a warrant over the killing", "an inquiry into the attack". */
const HANGING = new Set(['over', 'into', 'for', 'of', 'about', 'against', 'after', 'following', 'on']);

/**
 * The sentence's event that an event noun is hung on by a preposition ("investigation into the
 * killing", "warrant over the killing"): told as that event's object, the noun's happening is
 * not dated by the sentence's date, which is the telling event's. Read from the words, so that
 * it holds where the parse goes wrong.
 */
function heldBy(doc: Article, e: CodedEvent, others: CodedEvent[]): CodedEvent | null {
  const { tokens } = doc;
  const t = firstStartingFrom(tokens, e.trigger.start);
  if (!tokens[t] || tokens[t].pos !== 'NOUN') return null;
  let k = t - 1;
  while (k > 0 && ['DET', 'ADJ', 'NUM'].includes(tokens[k].pos) && t - k <= 3) k--;
  if (!tokens[k] || !HANGING.has(tokens[k].normal)) return null;
  const prep = tokens[k].start;
  return others.find((o) => o.trigger.end <= prep && prep - o.trigger.end <= 40) ?? null;
}

/** The event a time expression dates, of `e` and the sentence's `others`: `e` unless the parse gives it to another. */
function dateOwner(doc: Article, tree: DependencyTree, time: { start: number; end: number }, e: CodedEvent, others: CodedEvent[]): CodedEvent {
  const { tokens } = doc;
  const first = firstStartingFrom(tokens, time.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= time.end) last++;
  const head = tree.headOfRange(first, last);
  if (head === null) return e;
  const governor = tree.head(head);
  if (governor === null || governor < 0) return e;
  const trigger = firstStartingFrom(tokens, e.trigger.start);
  if (!tree.parsed(trigger) || !tree.dominates(governor, trigger)) return e;
  const byToken = new Map(others.map((o) => [firstStartingFrom(tokens, o.trigger.start), o]));
  // Up from the trigger to the word the date modifies. An event hung on another by a preposition
  // or a clause ("an investigation into the killing", "the men who attacked") is told by it and
  // dated apart; one that is its object or a conjunct ("suppressed the protests", "attacked and
  // killed") happens with it.
  let t = trigger;
  while (t !== governor) {
    const up = tree.head(t);
    if (up === null || up < 0) return e;
    const hung = ['nmod', 'obl', 'acl', 'advcl'].includes(tree.baseRel(t) ?? '');
    t = up;
    const other = byToken.get(t);
    if (other && hung) return other;
  }
  return e;
}

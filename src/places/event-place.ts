/**
 * Where an event happened: the place the sentence puts the trigger in.
 * A place introduced by a locative preposition ("in", "near", "south of") in
 * the same sentence, closest to the trigger, preferring one after it in the
 * same clause; else any place in the same clause. Null when the sentence says
 * nothing. Demonyms are never places (the places stage does not produce them),
 * so an actor's nationality never becomes the event's location.
 */
import type { Place, PlaceMention, Sentence, SyntaxLayer, Token } from '../doc/types.js';
import { toPlace } from '../doc/types.js';
import { treeOf } from '../syntax/tree.js';
import { namesNoun, placeAttachment, type Attachment } from './attachment.js';
import { countryByCapitalMetonym } from './countries.js';
import { firstEndingAfter, firstStartingFrom, ofSentence } from '../util/spans.js';

/**
 * With a parse, the sentence is read closely: the parse decides which places are the event's
 * (attachment.ts), and the words around a name are read across wire line breaks and for the
 * kind of place they name ("on\nMindanao island"). Without one — and for the place whose
 * country an event's participants borrow (events/index.ts) — the word reading stays as it was.
 */
export interface EventPlaceInput {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  places: PlaceMention[];
  /** The parse, when there is one: a place hung on another clause or thing is not the event's (attachment.ts). */
  syntax?: SyntaxLayer;
}

export interface TriggerSpan {
  sentence: number;
  start: number;
  end: number;
}

/** Words that put what follows as the location of an event. */
const LOCATIVE_CUES = new Set([
  'in', 'near', 'at', 'outside', 'inside', 'around', 'across', 'throughout', 'within', 'into',
  'on', 'over', 'off', 'along', 'nearby', 'from', 'to', 'toward', 'towards', 'through',
]);
/** Cues that are weaker: movement or origin ("flew to Paris", "returned from Kabul"). */
const WEAK_CUES = new Set(['from', 'to', 'toward', 'towards', 'into', 'through']);
/** Cues that locate only on a surface: roads, bases, islands. */
const SURFACE_CUES = new Set(['on', 'over', 'off', 'along']);
/** Words that may stand between a cue and the name ("in the northern city of Mosul"). */
const FILLER = /^(?:the|a|an|of|city|town|island|peninsula|village|province|governorate|district|region|area|capital|northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|northwest|northeast|southwest|southeast|outskirts|suburbs?|heart|centre|center|border|nearby|neighbouring|neighboring|restive|disputed|oil|port|holy|coastal|mountainous|rural|remote|besieged|town's|city's|country's|[\p{Lu}][\p{L}'’-]*|'s|’s|[0-9]+|km|kms|kilometres|kilometers|miles|mi)$/u;
/** "on Mindanao island", "on the island of Crete", "off the Faw peninsula": a surface that is land or sea, not a target. */
const LAND_AFTER = /^\s+(?:island|islands|isle|peninsula|coast)\b/i;
const LAND_BEFORE = /\b(?:island|islands|isle|peninsula|coast)\s+of\s+$/i;
function onLand(text: string, p: Place): boolean {
  return LAND_AFTER.test(text.slice(p.end, p.end + 12)) || LAND_BEFORE.test(text.slice(Math.max(0, p.start - 24), p.start));
}
/** Nouns that say what kind of place the name before them is. */
const PLACE_KIND_NOUN = /^(?:island|islands|isle|peninsula|province|governorate|district|region|county|state|city|town|village|valley|oblast|prefecture)$/i;
/** Punctuation and conjunctions that end a clause. */
const CLAUSE_BREAK = /^(?:;|:|—|–|\(|\)|but|while|whereas|although|though|after|before|when|as|because|since|and)$/i;

interface Scored {
  place: PlaceMention;
  /** Used as a modifier or an actor ("US strike", "Iran's army", "Washington said"): no location without a cue. */
  actorLike: boolean;
  cue: boolean;
  weak: boolean;
  after: boolean;
  sameClause: boolean;
  distance: number;
}

function tokenIndexAt(tokens: Token[], s: Sentence, offset: number): number {
  const k = Math.max(s.tokenStart, firstEndingAfter(tokens, offset));
  return k < s.tokenEnd ? k : s.tokenEnd - 1;
}

/** The locative cue word before a place, looking back over fillers ("in the city of"), or null. */
function cueBefore(doc: EventPlaceInput, s: Sentence, placeToken: number): string | null {
  for (let k = placeToken - 1; k >= s.tokenStart && k >= placeToken - 7; k--) {
    const w = doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
    // (A line break inside wire copy is a token of its own: "on\nMindanao island".)
    if (w.trim() === '' && doc.syntax) continue;
    const lw = w.toLowerCase();
    if (LOCATIVE_CUES.has(lw)) return lw;
    if (!FILLER.test(w)) return null;
  }
  return null;
}

function clauseBreakBetween(doc: EventPlaceInput, from: number, to: number): boolean {
  const [a, b] = from < to ? [from, to] : [to, from];
  for (let k = a + 1; k < b; k++) {
    if (CLAUSE_BREAK.test(doc.text.slice(doc.tokens[k].start, doc.tokens[k].end))) return true;
  }
  return false;
}

/**
 * A place name that works as a modifier or an actor rather than a location:
 * followed by a noun, adjective or possessive ("US strike", "Iraq's army"),
 * joined by a hyphen ("US-led"), or a capital standing for its government.
 */
function actorLike(doc: EventPlaceInput, s: Sentence, p: PlaceMention): boolean {
  if (countryByCapitalMetonym(p.text)) return true;
  if (/^[-‐]/.test(doc.text.slice(p.end, p.end + 1))) return true;
  let k = firstStartingFrom(doc.tokens, p.end);
  while (doc.syntax && k < s.tokenEnd && k < doc.tokens.length && doc.text.slice(doc.tokens[k].start, doc.tokens[k].end).trim() === '') k++;
  if (k >= doc.tokens.length || k >= s.tokenEnd) return false;
  const next = doc.tokens[k];
  if (/^\s*$/.test(doc.text.slice(p.end, next.start)) === false) return false;
  const w = doc.text.slice(next.start, next.end);
  // "Mindanao island", "Quezon province": the noun says what kind of place the name is.
  if (doc.syntax && PLACE_KIND_NOUN.test(w)) return false;
  if (w === "'s" || w === '’s' || w === "'" || w === '’') return true;
  return next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || next.pos === 'NUM';
}

/**
 * Of two places in a possessive or "X, Y" pair ("Iraq's Salah ad Din Governorate",
 * "Tikrit, Iraq"), the more specific one.
 */
/** What may stand between a place and a more specific one inside it: "Iraq's southern province of ". */
const POSSESSIVE_GAP = /^(?:(?:'s|’s)(?:\s+\p{Ll}+){0,4}(?:\s+of)?\s*|\s*,\s*(?:the\s+)?)$|^(?:'s|’s)\s+$/u;
/** Places fine enough that a thing named after them is there: "a Baghdad court", not "a US strike". */
const LOCAL_PRECISION = new Set(['site', 'city', 'admin2']);
/** How fine a place is, finest first: a site, a town, a county, a province, a region, a country. */
export const PRECISION_RANK: Record<string, number> = { site: 0, city: 1, admin2: 1.5, admin1: 2, region: 3, country: 4 };

function moreSpecific(doc: EventPlaceInput, chosen: PlaceMention): PlaceMention {
  let current = chosen;
  for (;;) {
    const next = ofSentence(doc.places, current.sentence).find((p) => p.start > current.end
      && POSSESSIVE_GAP.test(doc.text.slice(current.end, p.start))
      && (p.country === current.country || current.country === null)
      && PRECISION_RANK[p.precision] < PRECISION_RANK[current.precision]);
    if (!next) return current;
    current = next;
  }
}

/** The town of a wire dateline that opens the sentence, in capitals: "BAGHDAD, March 23 -", "ROTTERDAM -". */
export function isDateline(doc: EventPlaceInput, s: Sentence, p: Place): boolean {
  if (doc.tokens[s.tokenStart]?.start !== p.start || /\p{Ll}/u.test(p.text)) return false;
  return /^\s*(?:,|—|–|-|--)/.test(doc.text.slice(p.end, p.end + 3));
}

/** How the parse hangs a place of the trigger's sentence on the event (attachment.ts); 'unknown' without a parse, for a dateline, or for a place of another sentence. */
export function attachmentTo(doc: EventPlaceInput, at: TriggerSpan, p: Place): Attachment {
  const s = doc.sentences[at.sentence];
  if (!doc.syntax || !s || p.start < s.start || p.end > s.end || isDateline(doc, s, p)) return 'unknown';
  const first = tokenIndexAt(doc.tokens, s, p.start);
  const last = Math.max(first, tokenIndexAt(doc.tokens, s, p.end - 1));
  const tree = treeOf(doc.syntax);
  const trigger = tokenIndexAt(doc.tokens, s, at.start);
  const read = placeAttachment(tree, doc.tokens, trigger, first, last);
  if (read === 'own') return read;
  // The event is all its pattern's words: a place hung on the noun of "are holding talks in
  // Brussels" is the talks', wherever the parser put the verb (here a compound of "talks").
  const end = tokenIndexAt(doc.tokens, s, Math.max(at.start, at.end - 1));
  for (let k = trigger + 1; k <= end; k++) {
    if (EVENT_WORDS.has(doc.tokens[k].pos) && placeAttachment(tree, doc.tokens, k, first, last) === 'own') return 'own';
  }
  return read;
}

/** The parts of speech of the words of an event's phrase that may carry its place. */
const EVENT_WORDS = new Set(['NOUN', 'VERB']);

/** The place where the event at the trigger span happened, or null when the sentence gives none. */
export function eventPlace(doc: EventPlaceInput, at: TriggerSpan): Place | null {
  const s = doc.sentences[at.sentence];
  if (!s) return null;
  const inSentence = ofSentence(doc.places, at.sentence);
  if (inSentence.length === 0) return null;
  const trigger = tokenIndexAt(doc.tokens, s, at.start);
  const tree = doc.syntax ? treeOf(doc.syntax) : null;
  // (A dateline is no part of the sentence's grammar: its town is weighed by the words as before.)
  const attachment = (p: PlaceMention) => attachmentTo(doc, at, p);
  // "a Baghdad court issued a warrant", "battles at two Beirut refugee camps": a town that names
  // where the event's own participant or site is, is where the event was.
  const townOfParticipant = (p: PlaceMention) => tree !== null && LOCAL_PRECISION.has(p.precision)
    && namesNoun(tree, doc.tokens, tokenIndexAt(doc.tokens, s, p.start), tokenIndexAt(doc.tokens, s, p.end - 1));
  const scored: Scored[] = inSentence.map((p) => {
    const k = tokenIndexAt(doc.tokens, s, p.start);
    const cue = cueBefore(doc, s, k);
    return {
      // "on"/"over" put an event on a road, base or island, but "an attack on Iraq" names a target.
      place: p, actorLike: actorLike(doc, s, p),
      cue: cue !== null && !(SURFACE_CUES.has(cue) && p.precision !== 'site' && !(doc.syntax && onLand(doc.text, p))),
      weak: cue !== null && WEAK_CUES.has(cue),
      after: p.start >= at.end,
      sameClause: !clauseBreakBetween(doc, trigger, k), distance: Math.abs(k - trigger),
    };
  });
  const score = (x: Scored) => (x.cue && !x.actorLike ? 100 : x.cue ? 60 : 0) - (x.weak ? 40 : 0) + (x.sameClause ? 50 : 0) + (x.after ? 10 : 0) - x.distance;
  // Without a locative cue only a city, division or site in the same clause counts: a country
  // named bare is nearly always a participant or a topic ("called on the US and Iran").
  const attached = new Map(scored.map((x) => [x, attachment(x.place)]));
  const candidates = scored.filter((x) => attached.get(x) !== 'other').filter((x) => (x.cue && (!x.weak || x.sameClause))
    || (x.sameClause && !x.actorLike && x.place.precision !== 'country' && x.place.precision !== 'region')
    || (attached.get(x) === 'own' && townOfParticipant(x.place)));
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => score(b) - score(a));
  return toPlace(moreSpecific(doc, candidates[0].place));
}

/**
 * Where an event happened: the place the sentence puts the trigger in.
 * A place introduced by a locative preposition ("in", "near", "south of") in
 * the same sentence, closest to the trigger, preferring one after it in the
 * same clause; else any place in the same clause. Null when the sentence says
 * nothing. Demonyms are never places (the places stage does not produce them),
 * so an actor's nationality never becomes the event's location.
 */
import type { Place, PlaceMention, Sentence, Token } from '../doc/types.js';
import { toPlace } from '../doc/types.js';

export interface EventPlaceInput {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  places: PlaceMention[];
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
/** Words that may stand between a cue and the name ("in the northern city of Mosul"). */
const FILLER = /^(?:the|a|an|of|city|town|village|province|governorate|district|region|area|capital|northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|northwest|northeast|southwest|southeast|outskirts|suburbs?|heart|centre|center|border|nearby|neighbouring|neighboring|restive|disputed|oil|port|holy|coastal|mountainous|rural|remote|besieged|town's|city's|country's|[\p{Lu}][\p{L}'’-]*|,|'s|’s|[0-9]+|km|kms|kilometres|kilometers|miles|mi)$/u;
/** Punctuation and conjunctions that end a clause. */
const CLAUSE_BREAK = /^(?:;|:|—|–|\(|\)|but|while|whereas|although|though|after|before|when|as|because|since|and)$/i;

interface Scored {
  place: PlaceMention;
  cue: boolean;
  weak: boolean;
  after: boolean;
  sameClause: boolean;
  distance: number;
}

function tokenIndexAt(tokens: Token[], s: Sentence, offset: number): number {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (tokens[k].end > offset) return k;
  return s.tokenEnd - 1;
}

/** The locative cue word before a place, looking back over fillers ("in the city of"), or null. */
function cueBefore(doc: EventPlaceInput, s: Sentence, placeToken: number): string | null {
  for (let k = placeToken - 1; k >= s.tokenStart && k >= placeToken - 7; k--) {
    const w = doc.text.slice(doc.tokens[k].start, doc.tokens[k].end);
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
 * Of two places in a possessive or "X, Y" pair ("Iraq's Salah ad Din Governorate",
 * "Tikrit, Iraq"), the more specific one.
 */
const RANK: Record<string, number> = { site: 0, city: 1, admin1: 2, region: 3, country: 4 };

function moreSpecific(doc: EventPlaceInput, chosen: PlaceMention): PlaceMention {
  let current = chosen;
  for (;;) {
    const next = doc.places.find((p) => p.sentence === current.sentence && p.start > current.end
      && /^(?:'s|’s)?\s*,?\s*(?:the\s+)?$/u.test(doc.text.slice(current.end, p.start))
      && RANK[p.precision] < RANK[current.precision]);
    if (!next) return current;
    current = next;
  }
}

/** The place where the event at the trigger span happened, or null when the sentence gives none. */
export function eventPlace(doc: EventPlaceInput, at: TriggerSpan): Place | null {
  const s = doc.sentences[at.sentence];
  if (!s) return null;
  const inSentence = doc.places.filter((p) => p.sentence === at.sentence);
  if (inSentence.length === 0) return null;
  const trigger = tokenIndexAt(doc.tokens, s, at.start);
  const scored: Scored[] = inSentence.map((p) => {
    const k = tokenIndexAt(doc.tokens, s, p.start);
    const cue = cueBefore(doc, s, k);
    return {
      place: p, cue: cue !== null, weak: cue !== null && WEAK_CUES.has(cue), after: p.start >= at.end,
      sameClause: !clauseBreakBetween(doc, trigger, k), distance: Math.abs(k - trigger),
    };
  });
  const score = (x: Scored) => (x.cue ? 100 : 0) - (x.weak ? 40 : 0) + (x.sameClause ? 50 : 0) + (x.after ? 10 : 0) - x.distance;
  const candidates = scored.filter((x) => x.cue || x.sameClause);
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => score(b) - score(a));
  return toPlace(moreSpecific(doc, candidates[0].place));
}

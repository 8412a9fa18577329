/**
 * similarity: the evidence that two reports tell one happening, and what rules it out. Type,
 * realis class, article, days, place and sides can each rule a pair out; the sides, the day, the
 * place and the words of the two reports' sentences each count for it.
 *
 * The type is PLOVER's: two reports of one act often give it different CAMEO codes under one
 * PLOVER type (one shelling of an oil platform is "shelled" 194, "destroyed" 1712 and "attack"
 * 190 in three wires), so CAMEO roots are not compared.
 */
import type { CodedEvent, Entity } from '../doc/types.js';
import { possibleDays, rangeGap, type DayRange } from './dates.js';
import { countriesNamed, sideRelation, type SideRelation } from './participants.js';
import { placeRelation, type PlaceRelation } from './places.js';
import type { Report } from './report.js';
import { wordSets } from '../util/data.js';
import { cosine, evidenceTerms, termVector, type WordVector } from './words.js';

/** Actual acts, and the rest (planned, feared, denied): an announced plan and its execution are two happenings. */
export const realisClass = (e: CodedEvent): 'actual' | 'non-actual' => ((e.realis ?? 'actual') === 'actual' && !e.negated ? 'actual' : 'non-actual');

/** What merging reads of a report, computed once. */
export interface ReportTraits {
  report: Report;
  days: DayRange | null;
  words: WordVector;
  /** The same without day and month names and "today", "yesterday" (data/time-words.tsv calendar). */
  undatedWords: WordVector;
  /** The countries its sentences name. */
  countries: Set<string>;
  /** Whether its sentences are known (a bare event has only its trigger). */
  hasText: boolean;
  /** Its sentences put the act at a day's edge ("late Sunday", "overnight": data/time-words.tsv). */
  dayEdge: boolean;
}

const timeWords = (kind: 'edge' | 'calendar') => wordSets('time-words.tsv').get(kind) ?? new Set<string>();

const traitsCache = new WeakMap<Report, ReportTraits>();
export function traitsOf(r: Report): ReportTraits {
  let t = traitsCache.get(r);
  if (!t) {
    const text = r.evidence || r.event.trigger.text;
    // The words read once: every term, the same without calendar words, and whether one is a day's edge.
    const terms = evidenceTerms(text);
    const edge = timeWords('edge');
    t = {
      report: r, days: possibleDays(r.event, r.published), words: termVector(terms), undatedWords: termVector(terms, undefined, timeWords('calendar')),
      hasText: r.evidence.trim() !== '', countries: countriesNamed(text), dayEdge: terms.some((x) => edge.has(x.word)),
    };
    traitsCache.set(r, t);
  }
  return t;
}

export interface PairEvidence {
  /** Why the two cannot be one happening, or null when nothing rules it out. */
  ruledOut: string | null;
  /** Days between their possible days (0: they overlap). */
  gap: number;
  /** Both dated to the same day. */
  sameDay: boolean;
  actor: SideRelation;
  recipient: SideRelation;
  place: PlaceRelation;
  /** Rarity-weighted cosine of the words of their sentences. */
  text: number;
  /** Both give the very same sides, party for party (country and sector, or name where neither is known). */
  sameSides: boolean;
  /** Both reports' sentences are known, so `text` measures them (else it compares bare triggers). */
  textKnown: boolean;
  /** Either puts the act at a day's edge, where a day's difference may be the clock's, not the act's. */
  dayEdge: boolean;
  /** Neither report dates the act (both are placed only by their publication days). */
  undated: boolean;
}

/**
 * Days between two reports' possible days beyond which they cannot be one happening. A day apart
 * is not proof of two: an act late one day is reported on the next by another clock, so one day
 * leaves the pair open (merge.ts links it only on strong evidence) and two rule it out.
 */
export const DAYS_APART = 1;

/** A side party for party: each party's country and sector, or its name when neither is known. */
const sideKey = (es: readonly Entity[]) => [...new Set(es.map((x) => (x.country || x.sector ? `${x.country ?? ''}/${x.sector ?? ''}` : x.name.toLowerCase())))].sort().join('+');

/** Evidence of pairs already weighed (a report is weighed against each report of a happening, and again when happenings merge). */
const pairCache = new WeakMap<Report, WeakMap<Report, PairEvidence>>();

/** The evidence on two reports (symmetric: the same either way round). */
export function pairEvidence(a: Report, b: Report): PairEvidence {
  const known = pairCache.get(a)?.get(b) ?? pairCache.get(b)?.get(a);
  if (known) return known;
  const p = weighPair(a, b);
  let row = pairCache.get(a);
  if (!row) pairCache.set(a, (row = new WeakMap()));
  row.set(b, p);
  return p;
}

function weighPair(a: Report, b: Report): PairEvidence {
  const ta = traitsOf(a), tb = traitsOf(b);
  const ea = a.event, eb = b.event;
  const actor = sideRelation(ea.actor, eb.actor);
  // A target may be of two countries (a ship's flag and its owner's), so reports naming both do not
  // contradict on it — unless that country acts in either report: a side's own target it is not.
  const acting = new Set([...ea.actor, ...eb.actor].map((x) => x.country).filter((c): c is string => !!c));
  const targetable = (named: Set<string>) => new Set([...named].filter((c) => !acting.has(c)));
  const recipient = sideRelation(ea.recipient, eb.recipient, { a: targetable(ta.countries), b: targetable(tb.countries) });
  const place = placeRelation(ea.location, eb.location);
  // A party one report has act and the other has targeted, while the two share no actor: the act runs the other way.
  const reversed = actor !== 'agree' && (sideRelation(ea.actor, eb.recipient) === 'agree' || sideRelation(ea.recipient, eb.actor) === 'agree');
  const gap = ta.days && tb.days ? rangeGap(ta.days, tb.days) : Infinity;
  const sameDay = ea.date_precision === 'day' && eb.date_precision === 'day' && ea.date === eb.date;
  // Where both give a day, the days are compared as dates and their names are no further
  // evidence; where one gives none, "on Monday" in its sentences is what is left of its date.
  const bothDated = ea.date_precision === 'day' && eb.date_precision === 'day';
  const text = bothDated ? cosine(ta.undatedWords, tb.undatedWords) : cosine(ta.words, tb.words);
  const ruledOut =
    ea.event !== eb.event ? 'type'
    : realisClass(ea) !== realisClass(eb) ? 'realis'
    : gap > DAYS_APART ? 'days'
    : actor === 'contradict' ? 'actor'
    : recipient === 'contradict' ? 'recipient'
    : reversed ? 'roles'
    : place === 'apart' ? 'place'
    : ea.article_id === eb.article_id ? 'one article'
    : null;
  return { ruledOut, gap, sameDay, actor, recipient, place, text, sameSides: sideKey(ea.actor) === sideKey(eb.actor) && sideKey(ea.recipient) === sideKey(eb.recipient), textKnown: ta.hasText && tb.hasText, dayEdge: ta.dayEdge || tb.dayEdge, undated: ea.date === null && eb.date === null };
}

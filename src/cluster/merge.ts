/**
 * merge: which stored happening a new report joins. The store asks `candidateWindow` which
 * happenings could hold the report (by type, realis class and days), loads them with their
 * reports, and lets `chooseHappening` decide: join one, start a new one, or join one and absorb
 * others the report shows to be the same happening (the absorbed ids then redirect to the survivor).
 *
 * The decision rests on one symmetric test of two reports (`sameHappening`, evidence from
 * similarity.ts): nothing rules the pair out (another type, realis class, day, place or side) and
 * their sentences share enough telling words. A report joins the happenings holding a report it
 * links to — so the grouping follows the connected components of the links, which do not depend
 * on the order reports arrive in — with two guards against a chain of links joining what cannot
 * be one: a happening most of whose reports rule the new one out is not joined, and a report never
 * joins a happening holding a report of its own article that it does not restate. Where a guard
 * bars a link, the order of arrival can still decide which of two happenings a report joins;
 * `npm run eval` (happenings-clusters, details.order_stability) measures how much.
 */
import { addDays } from './dates.js';
import type { Report } from './report.js';
import { pairEvidence, realisClass, traitsOf, type PairEvidence } from './similarity.js';

/** Which happenings a report could join: their type is one of `types`, their days overlap from..to, their realis class is `realis`. */
export interface CandidateWindow {
  types: string[];
  /** First and last day (YYYY-MM-DD) the report's happening could have been on. */
  from: string;
  to: string;
  realis: 'actual' | 'non-actual';
}

/** A stored happening offered to a report, with its reports. */
export interface Candidate {
  id: string;
  reports: Report[];
}

/** What a report does: join `join` (null: start a new happening) and fold `absorb` into it. */
export interface MergeDecision {
  join: string | null;
  absorb: string[];
}

/**
 * How much of their words two reports of one happening share at least: the rarity-weighted
 * cosine of their sentences. Two tellings of one act share its telling words (the target's or
 * the place's name, the weapon) and a third to a half of their weight (two wires on one strike
 * score 0.3-0.6; the same kind of act on another occasion, told in other words, under 0.1).
 * 0.15 keeps apart what shares only the general words of its type ("attack", "forces").
 */
export const TEXT_LINK = 0.15;

/**
 * How much two reports must share when the rest of their evidence is thin: twice the ordinary
 * link. Asked of two reports a day apart (allowed only for an act at a day's edge, "late Sunday"
 * against "Monday", told alike, by the same sides: two attacks in one town on consecutive days
 * stay two), of two whose sides nowhere agree (no party of one is a party of the other), and of
 * two that give no date (each placed only by its publication's week). Without it, on the 24,508
 * reports of Reuters-21578, undated reports with no side in common chained through the general
 * words of a type ("said it agreed in principle to sell") into happenings of hundreds of
 * different deals (the largest 505 reports; 2,607 of the first 6,000 reports in groups of more
 * than 20, against 166 with it); on happenings-clusters it costs no gold link.
 */
export const TEXT_LINK_STRONG = 2 * TEXT_LINK;

/**
 * Whether the evidence links two reports as one happening: nothing rules them out, their words
 * link them — strongly where no side agrees or neither is dated — and a day apart only at a
 * day's edge with both sides agreeing. Symmetric.
 */
export function linked(p: PairEvidence): boolean {
  if (p.ruledOut !== null) return false;
  if (!p.textKnown) return bareLinked(p);
  if (p.text < TEXT_LINK) return false;
  const thin = (p.actor !== 'agree' && p.recipient !== 'agree') || p.undated;
  if (thin && p.text < TEXT_LINK_STRONG) return false;
  if (p.gap === 0) return true;
  return p.gap === 1 && p.dayEdge && p.actor === 'agree' && p.recipient === 'agree' && p.text >= TEXT_LINK_STRONG;
}

/**
 * Reports without their sentences (bare stored events, `--dedupe`) have no words to compare, so
 * the rest of the evidence must be complete: the same day and the very same sides, party for
 * party (a government and its army, which reports with words may credit alike, stay two here),
 * at least one side named; a place, when both give one, not apart (pairEvidence rules that out).
 */
function bareLinked(p: PairEvidence): boolean {
  return p.sameDay && p.sameSides && (p.actor === 'agree' || p.recipient === 'agree');
}

/**
 * How much two reports of one article must share to be one happening: what any two reports must.
 * An article gives one record per happening, so two of its reports are two happenings — unless
 * the events stage failed to fold a restatement (a headline and its lead, "the attack" two
 * sentences on), which shares the telling words of the first telling, on its day, with no side
 * against it. Such a report goes with its first telling: kept apart, it would start a second
 * happening, and later reports of the one happening would split between the two by the order
 * they arrive in (on happenings-clusters, pairwise F1 over twenty shuffled orders: 0.53-0.80,
 * mean 0.68, when an article's reports never join; 0.76-0.86, mean 0.82, when its restatements
 * do, at the cost of one pair of one article's records the gold keeps apart).
 */
export const TEXT_RESTATED = TEXT_LINK;

/** Whether a report restates another of its own article: nothing else rules them out, and they share the words of one telling. */
export function restates(p: PairEvidence): boolean {
  return p.ruledOut === 'one article' && p.gap === 0 && p.textKnown && p.text >= TEXT_RESTATED;
}

/** Whether two reports tell one happening (the symmetric pair test the decision is built on). */
export function sameHappening(a: Report, b: Report): boolean {
  return linked(pairEvidence(a, b));
}

/**
 * The happenings a report could join — its type and realis class, the days it could have been
 * on widened by the one day a day's edge allows — or null when nothing bounds its days (no date
 * and no publication day): such a report stands alone. The window bounds what the store loads,
 * so a report is weighed against the happenings of a few days, never the whole store.
 */
export function candidateWindow(r: Report): CandidateWindow | null {
  const days = traitsOf(r).days;
  if (!days) return null;
  return { types: [r.event.event], from: addDays(days.from, -1), to: addDays(days.to, 1), realis: realisClass(r.event) };
}

/**
 * How much of a happening may rule a report out and the report still join it: under half of its
 * reports. One report of a happening may be coded wrong (a side mistaken, a day misread), and
 * should not keep out the reports that agree with all the others; half or more of them ruling it
 * out says it is another happening. A report of the same article that it does not restate is
 * never outvoted (the article gives one record per happening).
 */
export const RULED_OUT_SHARE = 0.5;

/**
 * How a candidate stands to the reports: barred (a report of one article with one of theirs that
 * it does not restate, or as many of their pairs ruled out as RULED_OUT_SHARE says), linked
 * (with the strongest link), or neither. The share is of all pairs between the two, not of each
 * report's: held to each report, a happening's one misread report splits it by the order its
 * reports arrive in (on happenings-clusters, pairwise F1 over twenty orders 0.61-0.81 against
 * 0.76-0.86 so).
 *
 * Days are also weighed on their own, among the pairs where both reports give a day: as many of
 * those days too far apart as RULED_OUT_SHARE says bars the candidate however many undated
 * reports it holds. Undated reports fit any day of their week, so without this a happening of
 * two dated reports and a few undated ones could take in a report two days off its day, and a
 * chain of undated reports join an offensive to the next one (on happenings-clusters: pairwise
 * precision 0.957 → 0.972, the lowest F1 over ten orders 0.77 → 0.82).
 */
function standing(rs: readonly Report[], c: Candidate): { barred: boolean; linked: boolean; strength: number } {
  let strength = 0, links = false, ruledOut = 0, dayPairs = 0, daysOut = 0;
  for (const r of rs) for (const o of c.reports) {
    const p = pairEvidence(r, o);
    if (p.ruledOut === 'one article') {
      if (restates(p)) { links = true; strength = Math.max(strength, p.text); continue; }
      return { barred: true, linked: false, strength: 0 };
    }
    if (r.event.date_precision === 'day' && o.event.date_precision === 'day') { dayPairs++; if (p.ruledOut === 'days') daysOut++; }
    if (p.ruledOut !== null) ruledOut++;
    else if (linked(p)) { links = true; strength = Math.max(strength, p.text); }
  }
  return { barred: ruledOut >= RULED_OUT_SHARE * rs.length * c.reports.length || (daysOut > 0 && daysOut >= RULED_OUT_SHARE * dayPairs), linked: links, strength };
}

/**
 * Join the linked candidate the report links to most strongly (ties: the oldest), and absorb the
 * other linked ones, strongest first, where the reports already joined do not bar them (one
 * article's reports that do not restate each other; most pairs ruled out). Start a new happening
 * when none links.
 */
export function chooseHappening(r: Report, candidates: readonly Candidate[]): MergeDecision {
  if (candidateWindow(r) === null) return { join: null, absorb: [] };
  const linkedOnes = candidates
    .map((c, order) => ({ c, order, ...standing([r], c) }))
    .filter((x) => !x.barred && x.linked)
    .sort((a, b) => b.strength - a.strength || a.order - b.order);
  if (linkedOnes.length === 0) return { join: null, absorb: [] };
  const [first, ...rest] = linkedOnes;
  const held = [r, ...first.c.reports];
  const absorb: string[] = [];
  for (const x of rest) {
    if (standing(held, x.c).barred) continue;
    held.push(...x.c.reports);
    absorb.push(x.c.id);
  }
  return { join: first.c.id, absorb };
}

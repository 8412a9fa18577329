/**
 * Which predicate a time expression dates, read from the dependency parse.
 * A time modifies one word (its governor: "imposes … on April 17" dates
 * "imposes"); it dates the events of that word's clause and of the clauses
 * below it, not those of a clause beside or above it:
 *  - "warned it may retaliate if the US imposes sanctions on April 17": the
 *    date is inside the if-clause, the warning is not;
 *  - "agreed to meet in late April": the date is the meeting's, told in a
 *    clause the agreement governs;
 *  - "ready to continue talks despite two days of talks which ended
 *    yesterday": the date is the talks that ended, in their relative clause.
 * A time above the event dates it: "Iraq said today its warplanes had
 * attacked", "was scheduled today to meet" (the analysts date what a report
 * tells by the report's day).
 */
import type { SyntaxLayer, Token } from '../doc/types.js';
import { treeOf, type DependencyTree } from '../syntax/tree.js';

/**
 * Relations whose clause tells an act of its own: what is said, wanted, agreed to ("agreed to
 * meet"). Not parataxis: "troops struck the oilfields, today's communique said" hangs the
 * telling on what it tells, and the telling's day is the one the report gives.
 */
const COMPLEMENT = new Set(['ccomp', 'xcomp', 'csubj']);
/** Words that open an adverbial clause at the same time as its head: "killed … when a bomb was lobbed this morning". */
const SIMULTANEOUS = new Set(['when', 'whenever', 'as', 'while']);
/** Words that open a clause told at a time of its own, or only supposed: "if the US imposes sanctions on April 17". */
const DISTINCT = new Set(['if', 'unless', 'after', 'before', 'since', 'until', 'till', 'because', 'although', 'though', 'whereas', 'once', 'lest']);

export interface ParsedText {
  tokens: readonly Token[];
  syntax?: SyntaxLayer;
}

/** Token indices [first, last] covering [start, end); null when no token does. */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= start) lo = mid + 1; else hi = mid; }
  if (lo >= tokens.length || tokens[lo].start >= end) return null;
  let last = lo;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  return [lo, last];
}

/** The word a time expression modifies: the head its phrase hangs on (the phrase's own head where it is the root). */
export function timeGovernor(tree: DependencyTree, first: number, last: number): number | null {
  const head = tree.headOfRange(first, last);
  if (head === null) return null;
  const up = tree.head(head);
  return up === null || up < 0 ? head : up;
}

/**
 * Whether token i heads a clause with a time of its own under its head: a complement, or an
 * adverbial or relative clause that is finite (its own subject: "which parliament passed on
 * January 5") or opened by a word that sets it apart ("if", "after", "since"). A clause opened
 * by "when"/"as" is at its head's time; a bare participle or infinitive ("in routing a force to
 * capture the base on Sunday", "a resolution calling for …") belongs to its head's happening.
 */
function opensOwnClause(tree: DependencyTree, tokens: readonly Token[], i: number): boolean {
  const rel = tree.baseRel(i) ?? '';
  if (COMPLEMENT.has(rel)) return true;
  if (rel !== 'advcl' && rel !== 'acl') return false;
  const openers = tree.childrenWith(i, 'mark', 'advmod').map((k) => tokens[k].normal);
  if (openers.some((w) => SIMULTANEOUS.has(w))) return false;
  if (openers.some((w) => DISTINCT.has(w))) return true;
  return tree.childrenWith(i, 'nsubj', 'csubj', 'expl').length > 0;
}

/**
 * Whether the path from `lower` up to its ancestor `upper` leaves a clause with a time of its
 * own — except a relative clause on the event's own noun, which describes it ("the protests
 * that took place on the anniversary", "the talks which ended yesterday").
 */
function leavesClause(tree: DependencyTree, tokens: readonly Token[], lower: number, upper: number, event: number): boolean {
  for (let t = lower; t !== upper;) {
    const up = tree.head(t);
    if (up === null || up < 0) return false;
    const describesEvent = up === event && tree.baseRel(t) === 'acl';
    if (!describesEvent && opensOwnClause(tree, tokens, t)) return true;
    t = up;
  }
  return false;
}

/**
 * Whether the parse gives the time at [start, end) to a predicate other than
 * the trigger's: false where it cannot tell (unparsed, no tokens).
 */
export function datesAnotherClause(doc: ParsedText, time: { start: number; end: number }, trigger: { start: number; end: number }): boolean {
  if (!doc.syntax) return false;
  const tree = treeOf(doc.syntax);
  const t = tokenRange(doc.tokens, time.start, time.end);
  const e = tokenRange(doc.tokens, trigger.start, trigger.end);
  if (!t || !e || !tree.parsed(t[0]) || !tree.parsed(e[0])) return false;
  // A time expression the parse splits (two of its words hung on words outside it: "on 4 March
  // 2023, officials said" read as "4 … officials") is visibly misparsed: it cannot tell.
  let outside = 0;
  for (let k = t[0]; k <= t[1]; k++) {
    const h = tree.head(k);
    if (h !== null && (h < t[0] || h > t[1])) outside++;
  }
  if (outside > 1) return false;
  const event = tree.headOfRange(e[0], e[1]);
  const governor = timeGovernor(tree, t[0], t[1]);
  if (event === null || governor === null) return false;
  // The time is above the event (or on it): it dates it.
  if (tree.dominates(governor, event)) return false;
  // Up from the governor to the first word above the event: a clause left on the way is the time's own.
  let top = governor;
  while (!tree.dominates(top, event)) {
    const up = tree.head(top);
    if (up === null || up < 0) return false;
    top = up;
  }
  return leavesClause(tree, doc.tokens, governor, top, event);
}

/**
 * cluster: reports of the same real-world happening, merged. Peers count reports instead of
 * events; acta groups them into happenings. The decision is merge.ts's (which happenings a
 * report could join, and which it joins), the happening's fields fields.ts's; the store runs
 * them at ingest against its stored happenings, and `clusterReports` runs the very same steps
 * over reports held in memory (the evaluation, `--dedupe` over a query), so both group alike.
 */
import type { CodedEvent } from '../doc/types.js';
import { candidateWindow, chooseHappening, type Candidate, type CandidateWindow } from './merge.js';
import { addDays } from './dates.js';
import { bareReport, type Report } from './report.js';

export { candidateWindow, chooseHappening, linked, restates, sameHappening, TEXT_LINK, type Candidate, type CandidateWindow, type MergeDecision } from './merge.js';
export { happeningFields, reportId, type Disagreement, type HappeningFields } from './fields.js';
export { bareReport, evidenceOf, reportOf, type Report } from './report.js';
export { pairEvidence, type PairEvidence } from './similarity.js';

export interface Happening {
  /** The most confident report, standing for the happening. */
  event: CodedEvent;
  /** Every report of it (the representative included), most confident first. */
  reports: CodedEvent[];
}

/** A happening held in memory while grouping: its reports and what the store would index it by. */
interface HeldHappening extends Candidate {
  type: string;
  realis: CandidateWindow['realis'];
  from: string;
  to: string;
  order: number;
}

/** The days from..to, YYYY-MM-DD. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Group reports into happenings the way the store does at ingest, one report at a time in the
 * order given: each asks for the happenings its window reaches, oldest first, and joins,
 * starts or merges as merge.ts decides. Happenings come back in the order of their first report.
 * Held happenings are indexed by type, realis class and day, as the store indexes them, so a
 * report is weighed against the happenings of its window only, not all held so far.
 */
export function clusterReports(reports: readonly Report[]): Report[][] {
  const held = new Map<string, HeldHappening>();
  const byDay = new Map<string, Set<string>>();
  const dayKey = (type: string, realis: string, day: string) => `${type}|${realis}|${day}`;
  const index = (h: HeldHappening, from: string, to: string) => {
    for (const d of daysOf(from, to)) {
      const k = dayKey(h.type, h.realis, d);
      const ids = byDay.get(k);
      if (ids) ids.add(h.id); else byDay.set(k, new Set([h.id]));
    }
  };
  const alone: Array<{ order: number; reports: Report[] }> = [];
  let next = 0;
  for (const r of reports) {
    const w = candidateWindow(r);
    const order = next++;
    if (w === null) { alone.push({ order, reports: [r] }); continue; }
    const ids = new Set<string>();
    for (const type of w.types) for (const d of daysOf(w.from, w.to)) for (const id of byDay.get(dayKey(type, w.realis, d)) ?? []) ids.add(id);
    const candidates = [...ids].map((id) => held.get(id)).filter((h): h is HeldHappening => !!h).sort((a, b) => a.order - b.order);
    const { join, absorb } = chooseHappening(r, candidates);
    const target = join === null ? undefined : held.get(join);
    if (!target) {
      const h: HeldHappening = { id: `h${order}`, reports: [r], type: r.event.event, realis: w.realis, from: w.from, to: w.to, order };
      held.set(h.id, h);
      index(h, h.from, h.to);
      continue;
    }
    target.reports.push(r);
    const widen = (from: string, to: string) => {
      target.from = from < target.from ? from : target.from;
      target.to = to > target.to ? to : target.to;
      index(target, from, to);
    };
    widen(w.from, w.to);
    for (const id of absorb) {
      const other = held.get(id);
      if (!other || other === target) continue;
      target.reports.push(...other.reports);
      widen(other.from, other.to);
      target.order = Math.min(target.order, other.order);
      held.delete(id);
    }
  }
  return [...held.values(), ...alone].sort((a, b) => a.order - b.order).map((h) => h.reports);
}

/** A happening of these reports: the most confident stands for it, and they are listed most confident first. */
export function happeningOfReports(events: readonly CodedEvent[]): Happening {
  const reports = [...events].sort((a, b) => b.confidence - a.confidence);
  return { event: reports[0], reports };
}

/** Group bare events (no article text at hand) into happenings, in the order of their first report. */
export function clusterEvents(events: CodedEvent[]): Happening[] {
  return clusterReports(events.map(bareReport)).map((g) => happeningOfReports(g.map((r) => r.event)));
}

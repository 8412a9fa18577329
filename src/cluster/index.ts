/**
 * cluster: reports of the same real-world happening, merged. Peers count reports instead of
 * events; acta groups them into happenings. The decision is merge.ts's (which happenings a
 * report could join, and which it joins), the happening's fields fields.ts's; the store runs
 * them at ingest against its stored happenings, and `clusterReports` runs the very same steps
 * over reports held in memory (the evaluation, `--dedupe` over a query), so both group alike.
 */
import type { CodedEvent } from '../doc/types.js';
import { candidateWindow, chooseHappening, type Candidate, type CandidateWindow } from './merge.js';
import { bareReport, type Report } from './report.js';

export { candidateWindow, chooseHappening, happeningKey, linked, sameHappening, TEXT_LINK, type Candidate, type CandidateWindow, type MergeDecision } from './merge.js';
export { happeningFields, reportId, type Disagreement, type HappeningFields } from './fields.js';
export { bareReport, evidenceOf, reportOf, type Report } from './report.js';

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

/**
 * Group reports into happenings the way the store does at ingest, one report at a time in the
 * order given: each asks for the happenings its window reaches, oldest first, and joins,
 * starts or merges as merge.ts decides. Happenings come back in the order of their first report.
 */
export function clusterReports(reports: readonly Report[]): Report[][] {
  const held = new Map<string, HeldHappening>();
  const alone: Array<{ order: number; reports: Report[] }> = [];
  let next = 0;
  for (const r of reports) {
    const w = candidateWindow(r);
    const order = next++;
    if (w === null) { alone.push({ order, reports: [r] }); continue; }
    const candidates = [...held.values()]
      .filter((h) => h.realis === w.realis && w.types.includes(h.type) && h.from <= w.to && w.from <= h.to)
      .sort((a, b) => a.order - b.order);
    const { join, absorb } = chooseHappening(r, candidates);
    const target = join === null ? undefined : held.get(join);
    if (!target) {
      const id = `h${order}`;
      held.set(id, { id, reports: [r], type: r.event.event, realis: w.realis, from: w.from, to: w.to, order });
      continue;
    }
    target.reports.push(r);
    target.from = w.from < target.from ? w.from : target.from;
    target.to = w.to > target.to ? w.to : target.to;
    for (const id of absorb) {
      const other = held.get(id);
      if (!other || other === target) continue;
      target.reports.push(...other.reports);
      target.from = other.from < target.from ? other.from : target.from;
      target.to = other.to > target.to ? other.to : target.to;
      target.order = Math.min(target.order, other.order);
      held.delete(id);
    }
  }
  return [...held.values(), ...alone].sort((a, b) => a.order - b.order).map((h) => h.reports);
}

/** Group bare events (no article text at hand) into happenings, in the order of their first report. */
export function clusterEvents(events: CodedEvent[]): Happening[] {
  return clusterReports(events.map(bareReport)).map((g) => {
    const reports = g.map((r) => r.event).sort((a, b) => b.confidence - a.confidence);
    return { event: reports[0], reports };
  });
}

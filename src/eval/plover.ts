/**
 * Event evaluation on the PLOVER gold-standard records (events/plover-gsr-dev.json).
 * Each record is one sentence with one gold event type (PLOVER v0.5b1 labels,
 * mapped to PLOVER 2.0 as the shared README says) and its source and target
 * actors (ISO3 country code, sometimes a sector).
 *
 * acta analyses the sentence alone; its prediction is the doc's event with the
 * highest confidence, or none. Scores: event-type accuracy (none counts as
 * wrong), macro-F1 over the gold types, a confusion table, actor and recipient
 * country accuracy, actor sector accuracy, and the share with no event.
 */
import { readFileSync } from 'node:fs';
import type { CodedEvent, Doc } from '../doc/types.js';
import { analyzeSafely, capped, evalPath, loadAnalyzer, newFailures, prf, ratio, skipped, type DatasetResult, type RunOptions } from './common.js';
import { ploverActor } from '../actors/plover.js';

/** v0.5b1 labels renamed or folded in PLOVER 2.0. */
export const PLOVER_OLD_LABELS: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

export function mapPloverLabel(label: string): string {
  const up = label.trim().toUpperCase();
  return PLOVER_OLD_LABELS[up] ?? up;
}

/** Codes in the gold actor field that are not countries (organisations, other groupings). */
const NON_COUNTRY_CODES = new Set(['IGO', 'NGO', 'IMG', 'ISM', 'MNC', 'UAF', '***', '']);

/** Old CAMEO country codes used in the gold file, with their ISO 3166 alpha-3 form. */
const LEGACY_COUNTRY_CODES: Record<string, string> = { JAP: 'JPN', VTN: 'VNM', ITL: 'ITA' };

/** The ISO3 country of a gold actor code, or null when the code is no country. */
export function goldCountry(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c) || NON_COUNTRY_CODES.has(c)) return null;
  return LEGACY_COUNTRY_CODES[c] ?? c;
}

/** Sector spellings of the gold file that are another code's variant: "CIV" is civilians, CVL. */
const GOLD_SECTOR_VARIANTS: Readonly<Record<string, string>> = { CIV: 'CVL' };

/** The primary sector of a gold actor ("REFtam" → "REF", "GOVMOS" → "GOV", "CIVsrp" → "CVL"), or null. */
export function goldSector(sector: string | null | undefined): string | null {
  if (!sector) return null;
  const s = sector.trim().slice(0, 3).toUpperCase();
  return /^[A-Z]{3}$/.test(s) ? GOLD_SECTOR_VARIANTS[s] ?? s : null;
}

export interface GoldActor {
  text: string;
  country: string | null;
  sector: string | null;
}

export interface PloverRecord {
  id: string;
  text: string;
  /** Gold type, mapped to PLOVER 2.0. */
  event: string;
  /** The label as written in the file. */
  originalEvent: string;
  actors: GoldActor[];
  recipients: GoldActor[];
}

function actorsOf(v: unknown): GoldActor[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .map((a) => ({
      text: String(a.actorText ?? ''),
      country: goldCountry(typeof a.code === 'string' ? a.code : null),
      sector: goldSector(typeof a.sector === 'string' ? a.sector : null),
    }));
}

/** The gold records, without the DOCUMENT (file documentation) entries. */
export function readPlover(json: string): PloverRecord[] {
  const raw = JSON.parse(json) as Array<Record<string, unknown>>;
  return raw
    .filter((r) => typeof r.event === 'string' && r.event !== 'DOCUMENT' && typeof r.text === 'string')
    .map((r) => ({
      id: String(r.id),
      text: r.text as string,
      event: mapPloverLabel(r.event as string),
      originalEvent: r.event as string,
      actors: actorsOf(r.source),
      recipients: actorsOf(r.target),
    }));
}

/** The doc's single prediction: its most confident event (first one on ties), or null. */
export function topEvent(events: CodedEvent[]): CodedEvent | null {
  let best: CodedEvent | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

export interface PloverPrediction {
  event: string | null;
  actorCountry: string | null;
  actorSector: string | null;
  recipientCountry: string | null;
}

export function predictionOf(doc: Doc): PloverPrediction {
  const e = topEvent(doc.events ?? []);
  return {
    event: e ? e.event : null,
    actorCountry: e?.actor?.[0]?.country ?? null,
    // The gold is PLOVER: compare PLOVER sectors (CAMEO's HLH is PLOVER's MED, its MED is JRN …).
    actorSector: e?.actor?.[0] ? ploverActor(e.actor[0]).sector : null,
    recipientCountry: e?.recipient?.[0]?.country ?? null,
  };
}

export interface PloverScores {
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  noEventShare: number | null;
  actorCountryAccuracy: number | null;
  actorCountryN: number;
  recipientCountryAccuracy: number | null;
  recipientCountryN: number;
  actorSectorAccuracy: number | null;
  actorSectorN: number;
  perType: Record<string, { precision: number | null; recall: number | null; f1: number | null; gold: number; predicted: number }>;
  /** confusion[gold][predicted] = count; "NONE" where no event was found. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Scores predictions against gold records (same order). Country and sector
 * are right when the predicted first actor's value equals that of any gold
 * actor: the order of compound gold actors ("Hungarian and Romanian") carries
 * no meaning. Records whose gold actors have no country (IGO, …) or no sector
 * are left out of that accuracy; a missing prediction counts as wrong.
 */
export function scorePlover(gold: PloverRecord[], pred: PloverPrediction[]): PloverScores {
  const confusion: PloverScores['confusion'] = {};
  let correct = 0, none = 0;
  let acN = 0, acOk = 0, rcN = 0, rcOk = 0, asN = 0, asOk = 0;
  const types = new Set<string>();
  gold.forEach((g, i) => {
    const p = pred[i];
    const label = p.event ?? 'NONE';
    types.add(g.event);
    (confusion[g.event] ??= {})[label] = (confusion[g.event][label] ?? 0) + 1;
    if (p.event === g.event) correct++;
    if (p.event === null) none++;
    const aCountries = g.actors.map((a) => a.country).filter((c): c is string => c !== null);
    if (aCountries.length) { acN++; if (p.actorCountry && aCountries.includes(p.actorCountry)) acOk++; }
    const rCountries = g.recipients.map((a) => a.country).filter((c): c is string => c !== null);
    if (rCountries.length) { rcN++; if (p.recipientCountry && rCountries.includes(p.recipientCountry)) rcOk++; }
    const aSectors = g.actors.map((a) => a.sector).filter((c): c is string => c !== null);
    if (aSectors.length) { asN++; if (p.actorSector && aSectors.includes(p.actorSector)) asOk++; }
  });
  const perType: PloverScores['perType'] = {};
  const f1s: number[] = [];
  for (const t of [...types].sort()) {
    const goldN = gold.filter((g) => g.event === t).length;
    const predN = pred.filter((p) => p.event === t).length;
    const tp = gold.filter((g, i) => g.event === t && pred[i].event === t).length;
    const s = prf(tp, predN, goldN);
    perType[t] = { precision: s.precision, recall: s.recall, f1: s.f1, gold: goldN, predicted: predN };
    f1s.push(s.f1 ?? 0);
  }
  return {
    n: gold.length,
    accuracy: ratio(correct, gold.length),
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : null,
    noEventShare: ratio(none, gold.length),
    actorCountryAccuracy: ratio(acOk, acN), actorCountryN: acN,
    recipientCountryAccuracy: ratio(rcOk, rcN), recipientCountryN: rcN,
    actorSectorAccuracy: ratio(asOk, asN), actorSectorN: asN,
    perType, confusion,
  };
}

export async function evaluatePlover(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'events-plover';
  const path = evalPath('events/plover-gsr-dev.json', opts.env);
  if (!path) return skipped(dataset, 'events/plover-gsr-dev.json not found under ACTA_SHARED/eval');
  const t0 = performance.now();
  const analyze = await loadAnalyzer();
  const gold = capped(readPlover(readFileSync(path, 'utf8')), opts.limit);
  const pred: PloverPrediction[] = [];
  const failures = newFailures();
  for (const g of gold) {
    const doc = await analyzeSafely(analyze, { text: g.text, id: g.id, published: null }, failures);
    pred.push(doc ? predictionOf(doc) : { event: null, actorCountry: null, actorSector: null, recipientCountry: null });
  }
  const s = scorePlover(gold, pred);
  return {
    dataset, system: 'acta', status: 'ok', n: s.n, seconds: (performance.now() - t0) / 1000,
    metrics: {
      accuracy: s.accuracy, macro_f1: s.macroF1, no_event_share: s.noEventShare,
      actor_country_acc: s.actorCountryAccuracy, recipient_country_acc: s.recipientCountryAccuracy,
      actor_sector_acc: s.actorSectorAccuracy,
    },
    details: {
      failures, actorCountryN: s.actorCountryN, recipientCountryN: s.recipientCountryN, actorSectorN: s.actorSectorN,
      perType: s.perType, confusion: s.confusion,
    },
  };
}

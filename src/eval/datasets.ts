/**
 * Every dataset the harness knows, by name, with the function that scores
 * acta on it. A runner returns one row per system (acta, and baselines).
 */
import type { DatasetResult, RunOptions } from './common.js';
import { evaluateAnalyst } from './analyst.js';
import { evaluateCasualtyNotes } from './casualties.js';
import { evaluateConllFile } from './conll.js';
import { evaluateGeo } from './geo.js';
import { evaluateHappenings } from './happenings.js';
import { evaluatePetrarch } from './petrarch.js';
import { evaluatePlover } from './plover.js';
import { evaluatePolnear } from './polnear.js';
import { evaluateSyntax } from './syntax.js';
import { evaluateTbaq } from './tbaq.js';

export interface DatasetRunner {
  name: string;
  run: (opts: RunOptions) => Promise<DatasetResult[]>;
}

const one = (f: (opts: RunOptions) => Promise<DatasetResult>) => async (opts: RunOptions) => [await f(opts)];

export const DATASETS: DatasetRunner[] = [
  { name: 'events-analyst', run: one((o) => evaluateAnalyst(o)) },
  { name: 'events-clusters', run: one((o) => evaluateAnalyst(o, 'events-clusters', 'events/clusters/dev')) },
  { name: 'happenings-clusters', run: one(evaluateHappenings) },
  { name: 'events-plover', run: one(evaluatePlover) },
  { name: 'casualties-notes', run: one(evaluateCasualtyNotes) },
  { name: 'events-petrarch', run: one((o) => evaluatePetrarch('events-petrarch', 'events/petrarch/PETR.UnitTest.records.xml', o)) },
  { name: 'events-petrarch-gsr', run: one((o) => evaluatePetrarch('events-petrarch-gsr', 'events/petrarch/PETR2_GSR_validation.xml', o)) },
  { name: 'ner-conll', run: one((o) => evaluateConllFile('ner-conll', 'ner/conll2003/eng.testa', o)) },
  { name: 'ner-wikigold', run: one((o) => evaluateConllFile('ner-wikigold', 'ner/wikigold/wikigold.conll.txt', o)) },
  { name: 'times-tbaq', run: evaluateTbaq },
  { name: 'places-lgl', run: one((o) => evaluateGeo('places-lgl', 'geo/lgl.xml', o)) },
  { name: 'places-geovirus', run: one((o) => evaluateGeo('places-geovirus', 'geo/GeoVirus.xml', o)) },
  { name: 'attribution-polnear', run: one(evaluatePolnear) },
  { name: 'syntax-ewt', run: one(evaluateSyntax) },
];

/** Runs one dataset, turning a thrown error into an "error" row (never a score). */
export async function runDataset(d: DatasetRunner, opts: RunOptions): Promise<DatasetResult[]> {
  const t0 = performance.now();
  try {
    return await d.run(opts);
  } catch (err) {
    const reason = err instanceof Error ? `${err.message}` : String(err);
    return [{ dataset: d.name, system: 'acta', status: 'error', reason, n: 0, seconds: (performance.now() - t0) / 1000, metrics: {} }];
  }
}

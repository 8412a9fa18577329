/**
 * Casualty counts on event notes (issue 19): acta codes each one-event note of
 * eval/casualties/notes.tsv (ACLED-style notes the project wrote; it ships with the package) and
 * the count its events carry for killed, injured and arrested is compared with the number the note
 * states. `killed_accuracy` is the share of notes stating a death toll whose toll acta reads
 * exactly (ACLED's `fatalities`); `spurious` counts notes where acta reads a number the note does
 * not state. Notes n01–n40 were written first and read while the rules were mended; h01–h20 were
 * written after the rules and only measured (the `held_out_` figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CasualtyCategory, Doc } from '../doc/types.js';
import { parseTsv } from '../util/data.js';
import { analyzeSafely, capped, loadAnalyzer, newFailures, packageRoot, type DatasetResult, type RunOptions } from './common.js';

const COUNTED: CasualtyCategory[] = ['killed', 'injured', 'arrested'];

/** The count a coded note carries for a category: the largest floor among its events, or null. */
export function noteCount(doc: Doc | null, category: CasualtyCategory): number | null {
  let best: number | null = null;
  for (const e of doc?.events ?? []) {
    const c = e.casualties?.[category];
    if (c && (best === null || c.min > best)) best = c.min;
  }
  return best;
}

export async function evaluateCasualtyNotes(opts: RunOptions): Promise<DatasetResult> {
  const dataset = 'casualties-notes';
  const t0 = performance.now();
  const path = join(packageRoot, 'eval', 'casualties', 'notes.tsv');
  const notes = capped(parseTsv(readFileSync(path, 'utf8'), path), opts.limit);
  const analyze = await loadAnalyzer();
  const failures = newFailures();
  const right: Record<string, number> = {};
  const stated: Record<string, number> = {};
  const heldOut = (id: string) => id.startsWith('h');
  let spurious = 0;
  const wrong: string[] = [];
  for (const n of notes) {
    const doc = await analyzeSafely(analyze, { text: n.note, id: n.id }, failures);
    for (const c of COUNTED) {
      const got = noteCount(doc, c);
      if (n[c] === '') { if (got !== null && got > 0) { spurious++; wrong.push(`${n.id} ${c}: none stated, read ${got}`); } continue; }
      const keys = heldOut(n.id) ? [c, `held_out_${c}`] : [c];
      for (const k of keys) stated[k] = (stated[k] ?? 0) + 1;
      if (got === Number(n[c])) for (const k of keys) right[k] = (right[k] ?? 0) + 1;
      else wrong.push(`${n.id} ${c}: ${n[c]} stated, read ${got ?? 'none'}`);
    }
  }
  const share = (c: string) => (stated[c] ? Math.round(((right[c] ?? 0) / stated[c]) * 1000) / 1000 : null);
  return {
    dataset, system: 'acta', status: 'ok', n: notes.length, seconds: (performance.now() - t0) / 1000,
    metrics: {
      killed_accuracy: share('killed'), injured_accuracy: share('injured'), arrested_accuracy: share('arrested'), spurious,
      held_out_killed_accuracy: share('held_out_killed'), held_out_injured_accuracy: share('held_out_injured'), held_out_arrested_accuracy: share('held_out_arrested'),
    },
    details: { stated, wrong: wrong.slice(0, 40), failures: failures.n, first_failure: failures.first },
  };
}

/**
 * Time-expression evaluation on TimeBank + AQUAINT (time/TBAQ-cleaned):
 * acta's times layer against the gold TIMEX3s, each document's creation time
 * (DCT) given as the publication date; and, in the same run, chrono-node alone
 * (chrono.parse with the DCT as reference) as a baseline row.
 *
 * The TimeML files are read with the times stage's parser
 * (src/times/timeml.ts, `parseTimeml`) when the build has it; until then a
 * small fallback here does the same job.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import type { Doc } from '../doc/types.js';
import { analyzeSafely, capped, decodeXmlEntities, evalPath, loadAnalyzer, newFailures, skipped, type DatasetResult, type RunOptions } from './common.js';
import { countTimexes, emptyTimexCounts, scoreTimexCounts, type Timex, type TimexCounts } from './tempeval.js';

export interface TimemlDoc {
  text: string;
  /** Document creation time, YYYY-MM-DD (or longer ISO), or null. */
  dct: string | null;
  timexes: Array<{ start: number; end: number; text: string; type: string; value: string }>;
}

export type TimemlParser = (xml: string) => TimemlDoc;

/**
 * Fallback reader, used only while dist/times/timeml.js is missing: the text
 * inside <TEXT> with every tag removed and entities decoded, the TIMEX3s
 * inside it with offsets into that text, and the DCT's value.
 */
export function parseTimemlFallback(xml: string): TimemlDoc {
  const dctM = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]*)"/.exec(xml);
  const bodyM = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  const body = bodyM ? bodyM[1] : '';
  let text = '';
  const timexes: TimemlDoc['timexes'] = [];
  const open: Array<{ start: number; type: string; value: string } | null> = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[5] !== undefined) { text += decodeXmlEntities(m[5]); continue; }
    const [, closing, tag, attrs, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) {
      if (tag === 'TIMEX3') {
        const type = /\btype="([^"]*)"/.exec(attrs)?.[1] ?? '';
        const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '';
        open.push({ start: text.length, type, value });
      } else open.push(null);
    } else {
      const o = open.pop();
      if (o && tag === 'TIMEX3') timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.type, value: o.value });
    }
  }
  return { text, dct: dctM ? dctM[1] : null, timexes };
}

async function loadTimemlParser(): Promise<{ parse: TimemlParser; source: string }> {
  try {
    const m = (await import(new URL('../times/timeml.js', import.meta.url).href)) as Record<string, unknown>;
    if (typeof m.parseTimeml === 'function') return { parse: m.parseTimeml as TimemlParser, source: 'times/timeml.js' };
  } catch { /* not built yet */ }
  return { parse: parseTimemlFallback, source: 'eval fallback' };
}

/** The .tml files under TBAQ-cleaned (TimeBank and AQUAINT), sorted by path. */
export function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const d = join(dir, sub);
    let names: string[] = [];
    try { names = readdirSync(d); } catch { continue; }
    for (const n of names.sort()) if (n.endsWith('.tml') && statSync(join(d, n)).isFile()) out.push(join(d, n));
  }
  return out;
}

/** The DCT as a publication date (YYYY-MM-DD), or null. */
export function dctDate(dct: string | null): string | null {
  const m = dct ? /^(\d{4}-\d{2}-\d{2})/.exec(dct) : null;
  return m ? m[1] : null;
}

/** A date from YYYY-MM-DD at noon local time (chrono's reference instant). */
function refDate(published: string | null): Date | undefined {
  if (!published) return undefined;
  const [y, m, d] = published.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * chrono-node's result as a TIMEX3: TIME when it knows the hour, else a DATE
 * at the finest grain chrono is certain of (day, month, year).
 */
export function chronoToTimex(r: chrono.ParsedResult): Timex {
  const c = r.start;
  const y = c.get('year');
  const mo = c.get('month');
  const d = c.get('day');
  const start = r.index;
  const end = r.index + r.text.length;
  const dayKnown = c.isCertain('day') || c.isCertain('weekday');
  if (c.isCertain('hour') && y !== null && mo !== null && d !== null) {
    return { start, end, type: 'TIME', value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` };
  }
  let value = 'XXXX';
  if (dayKnown && y !== null && mo !== null && d !== null) value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  else if (c.isCertain('month') && y !== null && mo !== null) value = `${pad(y, 4)}-${pad(mo)}`;
  else if (c.isCertain('year') && y !== null) value = pad(y, 4);
  return { start, end, type: 'DATE', value };
}

export function chronoTimexes(text: string, published: string | null): Timex[] {
  return chrono.parse(text, refDate(published)).map(chronoToTimex);
}

export function actaTimexes(doc: Doc): Timex[] {
  return (doc.times ?? []).map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
}

function timexMetrics(c: TimexCounts): Record<string, number | null> {
  const s = scoreTimexCounts(c);
  return {
    strict_f1: s.strictF1, relaxed_f1: s.relaxedF1, strict_p: s.strictP, strict_r: s.strictR,
    relaxed_p: s.relaxedP, relaxed_r: s.relaxedR, type_acc: s.typeAccuracy, value_f1: s.valueF1,
    value_acc: s.valueAccuracy,
  };
}

/** acta and the chrono-node baseline over the same documents: two result rows. */
export async function evaluateTbaq(opts: RunOptions): Promise<DatasetResult[]> {
  const dataset = 'times-tbaq';
  const dir = evalPath('time/TBAQ-cleaned', opts.env);
  if (!dir) return [skipped(dataset, 'time/TBAQ-cleaned not found under ACTA_SHARED/eval'), skipped(dataset, 'time/TBAQ-cleaned not found under ACTA_SHARED/eval', 'chrono-node')];
  const { parse, source } = await loadTimemlParser();
  const analyze = await loadAnalyzer();
  const files = capped(listTml(dir), opts.limit);
  const acta = emptyTimexCounts();
  const base = emptyTimexCounts();
  let actaMs = 0, chronoMs = 0;
  const failures = newFailures();
  for (const f of files) {
    const tml = parse(readFileSync(f, 'utf8'));
    const published = dctDate(tml.dct);
    const gold: Timex[] = tml.timexes.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
    let t = performance.now();
    const doc = await analyzeSafely(analyze, { text: tml.text, published, id: f.split('/').pop() }, failures);
    actaMs += performance.now() - t;
    countTimexes(gold, doc ? actaTimexes(doc) : [], acta);
    t = performance.now();
    countTimexes(gold, chronoTimexes(tml.text, published), base);
    chronoMs += performance.now() - t;
  }
  const details = { parser: source, failures, counts: acta };
  return [
    { dataset, system: 'acta', status: 'ok', n: files.length, seconds: actaMs / 1000, metrics: timexMetrics(acta), details },
    { dataset, system: 'chrono-node', status: 'ok', n: files.length, seconds: chronoMs / 1000, metrics: timexMetrics(base), details: { counts: base } },
  ];
}

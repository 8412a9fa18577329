/**
 * The PETRARCH validation suites (events/petrarch): sentences with the
 * (source, target, CAMEO code) triples PETRARCH is expected to produce with
 * the dictionaries named in each file's <Environment>:
 *   - PETR.UnitTest.records.xml with the fictional PETR.Validate.* dictionaries;
 *   - PETR2_GSR_validation.xml with the Phoenix dictionaries.
 * Scored as exact match of triples: precision and recall (and F1).
 *
 * HOOK — this runs once the events stage ships a PETRARCH-format dictionary
 * loader. It expects `dist/events/petrarch/index.js` to export
 *   loadPetrarchDictionaries(files: { verbs: string[]; actors: string[]; agents: string[]; discards: string[] }) → Dictionaries
 *   codeWithDictionaries(input: { text: string; published?: string | null; id?: string }, dicts: Dictionaries) → CodedEvent[] (or a Promise of it)
 * (absolute file paths). Until both exist the rows are reported as skipped.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CodedEvent } from '../doc/types.js';
import { capped, decodeXmlEntities, evalPath, prf, skipped, stripXmlComments, xmlChild, type DatasetResult, type RunOptions } from './common.js';

export interface Triple {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  /** YYYY-MM-DD from the record's date attribute. */
  date: string | null;
  text: string;
  /** The record's own parse (Treebank or CoNLL-U), as PETRARCH is given one; null when absent. */
  parse: string | null;
  expected: Triple[];
}

export interface PetrarchSuite {
  files: { verbs: string[]; actors: string[]; agents: string[]; discards: string[] };
  records: PetrarchRecord[];
}

const attr = (s: string, name: string): string | null => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(s)?.[1] ?? null;

/** Records and dictionary file names of a validation file (paths relative to dictDir). */
export function readPetrarchSuite(xml: string, dictDir: string): PetrarchSuite {
  const env = xmlChild(xml, 'Environment') ?? '';
  const list = (tag: string) => (xmlChild(env, tag) ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((f) => join(dictDir, f));
  const files = { verbs: list('Verbfile'), actors: list('Actorfile'), agents: list('Agentfile'), discards: list('Discardfile') };
  const body = stripXmlComments(xml);
  const records: PetrarchRecord[] = [];
  // A record runs from one <Sentence …> opening to the next.
  const starts = [...body.matchAll(/<Sentence\b[^>]*>/g)];
  starts.forEach((m, i) => {
    const chunk = body.slice(m.index!, i + 1 < starts.length ? starts[i + 1].index : body.length);
    if (attr(m[0], 'evaluate') === 'false') return;
    const text = xmlChild(chunk, 'Text');
    if (text === null) return;
    const expected: Triple[] = [];
    for (const ec of chunk.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const code = attr(ec[1], 'eventcode');
      if (!code) continue;
      expected.push({ source: attr(ec[1], 'sourcecode') ?? '', target: attr(ec[1], 'targetcode') ?? '', code });
    }
    const d = attr(m[0], 'date');
    records.push({
      id: attr(m[0], 'id') ?? `record-${i}`,
      date: d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null,
      text: decodeXmlEntities(text).replace(/\s+/g, ' ').trim(),
      parse: xmlChild(chunk, 'Parse'),
      expected,
    });
  });
  return { files, records };
}

/** The triples an event stands for: every actor × recipient code pair (compound actors). */
export function eventTriples(e: CodedEvent): Triple[] {
  const srcs = e.actor.length ? e.actor.map((a) => a.code ?? '') : [''];
  const tgts = e.recipient.length ? e.recipient.map((a) => a.code ?? '') : [''];
  const out: Triple[] = [];
  for (const s of srcs) for (const t of tgts) out.push({ source: s, target: t, code: e.cameo });
  return out;
}

export interface TripleCounts {
  tp: number;
  nPred: number;
  nGold: number;
}

/** Exact-match triple counting as multisets (a triple expected twice must be produced twice). */
export function countTriples(gold: Triple[], pred: Triple[], into: TripleCounts = { tp: 0, nPred: 0, nGold: 0 }): TripleCounts {
  const key = (t: Triple) => `${t.source}|${t.target}|${t.code}`;
  const left = new Map<string, number>();
  for (const g of gold) left.set(key(g), (left.get(key(g)) ?? 0) + 1);
  into.nGold += gold.length;
  into.nPred += pred.length;
  for (const p of pred) {
    const n = left.get(key(p)) ?? 0;
    if (n > 0) { into.tp++; left.set(key(p), n - 1); }
  }
  return into;
}

type Coder = (input: { text: string; published?: string | null; id?: string; parse?: string | null }, dicts: unknown) => CodedEvent[] | Promise<CodedEvent[]>;

async function loadPetrarchModule(): Promise<{ load: (files: PetrarchSuite['files']) => unknown; code: Coder } | string> {
  let m: Record<string, unknown>;
  try {
    m = (await import(new URL('../events/petrarch/index.js', import.meta.url).href)) as Record<string, unknown>;
  } catch {
    return 'no PETRARCH dictionary loader yet';
  }
  if (typeof m.loadPetrarchDictionaries !== 'function') return 'no PETRARCH dictionary loader yet';
  if (typeof m.codeWithDictionaries !== 'function') return 'loader found, but events/petrarch exports no codeWithDictionaries(input, dicts)';
  return { load: m.loadPetrarchDictionaries as (files: PetrarchSuite['files']) => unknown, code: m.codeWithDictionaries as Coder };
}

export async function evaluatePetrarch(dataset: string, rel: string, opts: RunOptions): Promise<DatasetResult> {
  const path = evalPath(rel, opts.env);
  if (!path) return skipped(dataset, `${rel} not found under ACTA_SHARED/eval`);
  const mod = await loadPetrarchModule();
  if (typeof mod === 'string') return skipped(dataset, mod);
  const t0 = performance.now();
  const dictDir = rel.includes('PETR2_GSR') ? join(dirname(path), '..', 'phoenix-dictionaries') : dirname(path);
  const suite = readPetrarchSuite(readFileSync(path, 'utf8'), dictDir);
  const dicts = await mod.load(suite.files);
  const records = capped(suite.records, opts.limit);
  const c: TripleCounts = { tp: 0, nPred: 0, nGold: 0 };
  let allRight = 0;
  for (const r of records) {
    const events = await mod.code({ text: r.text, published: r.date, id: r.id, parse: r.parse }, dicts);
    const pred = events.flatMap(eventTriples);
    const before = c.tp;
    countTriples(r.expected, pred, c);
    if (c.tp - before === r.expected.length && pred.length === r.expected.length) allRight++;
  }
  const s = prf(c.tp, c.nPred, c.nGold);
  return {
    dataset, system: 'acta', status: 'ok', n: records.length, seconds: (performance.now() - t0) / 1000,
    metrics: { precision: s.precision, recall: s.recall, f1: s.f1, records_exact: records.length ? allRight / records.length : null },
    details: { counts: c },
  };
}

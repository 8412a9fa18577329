/**
 * Run a PETRARCH validation file (records with expected codings and Treebank
 * parses) through the loader and coder, and print what differs:
 *
 *   node dist/events/petrarch/validate.js PATH/PETR.UnitTest.records.xml [--text] [--quiet]
 *
 * `--text` ignores the parses (the shallow fallback). Dictionaries come from the
 * file's <Environment>, looked up beside it (or in ../phoenix-dictionaries).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeWithDictionaries, loadPetrarchDictionaries, type PetrarchDictionaries } from './index.js';
import { readPetrarchSuite } from '../../eval/petrarch.js';

export interface ValidationRecord {
  id: string;
  date: string | null;
  text: string;
  parse: string | null;
  expected: string[];
}

/**
 * The records and the dictionary file names of a validation file, read by the
 * evaluation harness's reader (one reader for both), with expected codings as
 * "source|target|code" strings.
 */
export function readValidation(xml: string): { env: Record<string, string[]>; records: ValidationRecord[] } {
  const suite = readPetrarchSuite(xml, '');
  const env = { Verbfile: suite.files.verbs, Actorfile: suite.files.actors, Agentfile: suite.files.agents, Discardfile: suite.files.discards };
  const records = suite.records.map((r) => ({
    id: r.id, date: r.date, text: r.text, parse: r.parse,
    expected: r.expected.map((t) => `${t.source}|${t.target}|${t.code}`),
  }));
  return { env, records };
}

export interface ValidationResult {
  n: number;
  exact: number;
  tp: number;
  nPred: number;
  nGold: number;
  misses: { id: string; expected: string[]; got: string[]; text: string }[];
}

export function runValidation(records: ValidationRecord[], dicts: PetrarchDictionaries, useParse: boolean): ValidationResult {
  const r: ValidationResult = { n: 0, exact: 0, tp: 0, nPred: 0, nGold: 0, misses: [] };
  for (const rec of records) {
    const events = codeWithDictionaries({ text: rec.text, published: rec.date, id: rec.id, parse: useParse ? rec.parse : null }, dicts);
    const got = events.map((e) => `${e.actor[0]?.code ?? ''}|${e.recipient[0]?.code ?? ''}|${e.cameo}`);
    const left = [...rec.expected];
    let tp = 0;
    for (const g of got) { const k = left.indexOf(g); if (k >= 0) { left.splice(k, 1); tp++; } }
    r.n++; r.tp += tp; r.nPred += got.length; r.nGold += rec.expected.length;
    if (tp === rec.expected.length && got.length === rec.expected.length) r.exact++;
    else r.misses.push({ id: rec.id, expected: rec.expected, got, text: rec.text });
  }
  return r;
}

function dictionaryPath(dir: string, name: string): string {
  const here = join(dir, name);
  if (existsSync(here)) return here;
  return join(dir, '..', 'phoenix-dictionaries', name);
}

async function main(argv: string[]): Promise<void> {
  const path = argv.find((a) => !a.startsWith('--'));
  if (!path) { console.error('usage: validate.js RECORDS.xml [--text] [--quiet]'); process.exitCode = 2; return; }
  const { env, records } = readValidation(readFileSync(path, 'utf8'));
  const dir = dirname(path);
  const t0 = performance.now();
  const dicts = loadPetrarchDictionaries({
    verbs: env.Verbfile.map((f) => dictionaryPath(dir, f)), actors: env.Actorfile.map((f) => dictionaryPath(dir, f)),
    agents: env.Agentfile.map((f) => dictionaryPath(dir, f)), discards: env.Discardfile.map((f) => dictionaryPath(dir, f)),
  });
  const t1 = performance.now();
  const res = runValidation(records, dicts, !argv.includes('--text'));
  const t2 = performance.now();
  if (!argv.includes('--quiet')) {
    for (const m of res.misses) console.log(`${m.id}\n  text:     ${m.text.slice(0, 160)}\n  expected: ${m.expected.join(' ')}\n  got:      ${m.got.join(' ')}`);
  }
  const p = res.nPred ? res.tp / res.nPred : 0;
  const rc = res.nGold ? res.tp / res.nGold : 0;
  console.log(`records ${res.n}, exact ${res.exact} (${(100 * res.exact / res.n).toFixed(1)}%), triples P ${(100 * p).toFixed(1)} R ${(100 * rc).toFixed(1)}`);
  console.log(`load ${(t1 - t0).toFixed(0)} ms (${JSON.stringify(dicts.counts)}, ${dicts.warnings.length} warnings); coding ${(t2 - t1).toFixed(0)} ms`);
  if (argv.includes('--warnings')) for (const w of dicts.warnings) console.log(`warning: ${w}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main(process.argv.slice(2));

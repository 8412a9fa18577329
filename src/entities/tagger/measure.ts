/**
 * Measure the shipped NER model: `node dist/entities/tagger/measure.js`.
 * Entity-level exact-match precision, recall and F1 per type and overall
 * (conlleval style) on CoNLL-2003 eng.testa and on wikigold, plus the load
 * time and tagging speed (wall, CPU of all threads, CPU of the main thread), cold, first pass and again (`--model PATH` measures another model file). Gold data comes from ACTA_SHARED (default ../shared);
 * without it the script says so and stops.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../util/data.js';
import { readConll, type TaggedSentence } from './conll.js';
import { scoreTags, type ScoreTable } from './evaluate.js';
import { tagDocument, taggerLoadMs, taggerModel, useTaggerModel } from './index.js';
import { deserializeModel } from './model.js';

function table(name: string, t: ScoreTable): string {
  const rows = [`${name}`, 'type   gold  pred  correct  P      R      F1'];
  for (const [k, s] of Object.entries(t)) {
    rows.push(`${k.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(8)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`);
  }
  return rows.join('\n');
}

/**
 * CPU seconds the main thread has run (Linux: /proc schedstat), or null where
 * that is not known. process.cpuUsage counts every thread, the JIT compiler's
 * and the garbage collector's helpers too, which on a cold start is nearly as
 * much as the tagging itself.
 */
function mainThreadSeconds(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return null;
  }
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
  mainSeconds: number | null;
}

/** Tag a corpus document by document; wall, CPU and main-thread CPU seconds. */
function timed(corpus: TaggedSentence[]): { predicted: string[][] } & Timing {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadSeconds();
  // Documents tagged whole, as the pipeline tags a Doc (sentence by sentence, with a document memory).
  const predicted: string[][] = [];
  for (let i = 0; i < corpus.length;) {
    let j = i;
    while (j < corpus.length && corpus[j].doc === corpus[i].doc) j++;
    predicted.push(...tagDocument(corpus.slice(i, j).map((s) => s.words)));
    i = j;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time as well as wall time: on a shared machine the wall clock counts other work too.
  const cpuSeconds = (used.user + used.system) / 1e6;
  const mainEnd = mainThreadSeconds();
  return { predicted, seconds, cpuSeconds, mainSeconds: main !== null && mainEnd !== null ? mainEnd - main : null };
}

function speed(label: string, tokens: number, t: Timing): string {
  const rate = (s: number): string => String(Math.round(tokens / s)).padStart(7);
  const main = t.mainSeconds !== null ? `, main thread ${t.mainSeconds.toFixed(2)}s = ${rate(t.mainSeconds)} tokens/s` : '';
  return `${label.padEnd(11)} ${String(tokens).padStart(6)} tokens: wall ${t.seconds.toFixed(2)}s = ${rate(t.seconds)} tokens/s, CPU ${t.cpuSeconds.toFixed(2)}s = ${rate(t.cpuSeconds)} tokens/s${main}`;
}

/**
 * Scores of one corpus, and its speed twice: the first pass meets most of its
 * words for the first time (their features and knowledge lookups are made and
 * cached); the second is the steady state of a long run.
 */
function measure(name: string, corpus: TaggedSentence[]): ScoreTable {
  const tokens = corpus.reduce((n, s) => n + s.words.length, 0);
  const first = timed(corpus);
  const again = timed(corpus);
  const scores = scoreTags(corpus.map((s) => s.tags), first.predicted);
  console.log(table(name, scores));
  console.log(speed('first pass', tokens, first));
  console.log(speed('again', tokens, again) + '\n');
  return scores;
}

function main(): void {
  const shared = resolve(process.env.ACTA_SHARED ?? resolve(packageRoot, '..', 'shared'));
  const dev = resolve(shared, 'eval/ner/conll2003/eng.testa');
  const wiki = resolve(shared, 'eval/ner/wikigold/wikigold.conll.txt');
  if (!existsSync(dev) || !existsSync(wiki)) {
    console.log(`NER gold data not found under ${shared} (set ACTA_SHARED): nothing measured`);
    return;
  }
  // --model PATH measures another model file than the shipped one.
  const at = process.argv.indexOf('--model');
  if (at >= 0) useTaggerModel(deserializeModel(readFileSync(process.argv[at + 1])));
  const m = taggerModel();
  console.log(`model: ${m.size} features, loaded in ${taggerLoadMs().toFixed(0)} ms\n`);
  // Cold: the first sentences also build the place gazetteer and name lists (once per
  // process, shared with the pipeline's other stages) and warm the JIT.
  const devCorpus = readConll(dev);
  const warm = devCorpus.slice(0, 500);
  const cold = timed(warm);
  console.log(speed('cold start', warm.reduce((n, s) => n + s.words.length, 0), cold) + ' (first 500 sentences of eng.testa)\n');
  measure('CoNLL-2003 eng.testa', devCorpus);
  measure('wikigold', readConll(wiki));
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main();

/**
 * Measure the shipped NER model: `node dist/entities/tagger/measure.js`.
 * Entity-level exact-match precision, recall and F1 per type and overall
 * (conlleval style) on CoNLL-2003 eng.testa and on wikigold, plus the load
 * time and tagging speed (`--model PATH` measures another model file). Gold data comes from ACTA_SHARED (default ../shared);
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

function measure(name: string, corpus: TaggedSentence[]): { scores: ScoreTable; tokensPerSecond: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
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
  const tokens = corpus.reduce((n, s) => n + s.words.length, 0);
  const scores = scoreTags(corpus.map((s) => s.tags), predicted);
  console.log(table(name, scores));
  console.log(`${tokens} tokens in ${seconds.toFixed(2)}s: ${Math.round(tokens / seconds)} tokens/s (CPU time ${cpuSeconds.toFixed(2)}s: ${Math.round(tokens / cpuSeconds)} tokens/s)\n`);
  return { scores, tokensPerSecond: tokens / seconds };
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
  // The first pass warms the lexicon caches and the JIT; the speed reported is the second.
  const devCorpus = readConll(dev);
  measure('CoNLL-2003 eng.testa (warm-up)', devCorpus.slice(0, 500));
  measure('CoNLL-2003 eng.testa', devCorpus);
  measure('wikigold', readConll(wiki));
}

main();

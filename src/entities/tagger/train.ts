/**
 * Train the shipped NER model: `node dist/entities/tagger/train.js`.
 * Reads CoNLL-2003 eng.train (and CrossNER politics train, its types mapped to
 * CoNLL's) from ACTA_SHARED (default ../shared beside the project) and writes
 * data/ner-model.bin.gz. Same data, same model: training is deterministic.
 * Options: --epochs N, --seed N, --runs N, --out PATH, --no-crossner, --no-case, --clusters, --greedy, --min-weight X, --min-count N.
 * The model is trained and decodes with exact (Viterbi) search over whole sentences; --greedy
 * trains the older greedy left-to-right tagger instead (measured: CoNLL dev 0.906, wikigold
 * 0.621 against 0.925, 0.650 exact).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DROP, readConll, type TaggedSentence } from './conll.js';
import { serializeModel } from './model.js';
import { DEFAULT_TRAIN_OPTIONS, trainTagger } from './trainer.js';
import { DEFAULT_FEATURE_OPTIONS } from './features.js';
import { caseTableOf, countCase, unlabelledTexts } from './case-stats.js';
import { buildClusters, tokenize } from './clusters.js';
import { dataPath, packageRoot } from '../../util/data.js';

/** CrossNER politics types as CoNLL types; elections have no CoNLL type, so their sentences are left out. */
export const CROSSNER_TYPES: Readonly<Record<string, string>> = {
  politician: 'PER', person: 'PER',
  politicalparty: 'ORG', organisation: 'ORG',
  country: 'LOC', location: 'LOC',
  misc: 'MISC', event: 'MISC', election: DROP,
};

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const shared = resolve(process.env.ACTA_SHARED ?? resolve(packageRoot, '..', 'shared'));
  const corpus: TaggedSentence[] = readConll(resolve(shared, 'eval/ner/conll2003/eng.train'));
  const sources = ['conll2003/eng.train'];
  if (!process.argv.includes('--no-crossner')) {
    corpus.push(...readConll(resolve(shared, 'eval/ner/crossner-politics/train.txt'), CROSSNER_TYPES));
    sources.push('crossner-politics/train.txt');
  }
  const epochs = Number(arg('--epochs') ?? DEFAULT_TRAIN_OPTIONS.epochs);
  const minWeight = Number(arg('--min-weight') ?? DEFAULT_TRAIN_OPTIONS.minWeight);
  const minCount = Number(arg('--min-count') ?? DEFAULT_TRAIN_OPTIONS.minCount);
  const seed = Number(arg('--seed') ?? DEFAULT_TRAIN_OPTIONS.seed);
  const runs = Number(arg('--runs') ?? DEFAULT_TRAIN_OPTIONS.runs);
  const out = resolve(arg('--out') ?? dataPath('ner-model.bin.gz'));
  const started = performance.now();
  // How words are usually written, from unlabelled news (Reuters-21578, BBC News); --no-case leaves it out.
  const caseTable = process.argv.includes('--no-case') ? null : caseTableOf(countCase(unlabelledTexts(shared)));
  if (caseTable) console.log(`case table: ${caseTable.size} words from unlabelled news`);
  // Word clusters from the same unlabelled news and the training sentences' words, with --clusters.
  // Off by default: measured, they did not help (CoNLL dev 0.899, wikigold 0.575 against 0.900, 0.573).
  let clusters: Map<string, string> | null = null;
  if (process.argv.includes('--clusters')) {
    const sentences: string[][] = [];
    for (const text of unlabelledTexts(shared)) for (const para of text.split(/\n\s*\n/)) { const t = tokenize(para); if (t.length > 0) sentences.push(t); }
    for (const s of corpus) sentences.push(s.words);
    clusters = buildClusters(sentences);
    console.log(`word clusters: ${clusters.size} words, ${((performance.now() - started) / 1000).toFixed(0)}s`);
  }
  console.log(`training on ${corpus.length} sentences (${sources.join(', ')}), ${epochs} epochs${runs > 1 ? `, ${runs} runs averaged` : ''}`);
  const model = trainTagger(corpus, {
    epochs, seed, runs, minWeight, minCount, features: { ...DEFAULT_FEATURE_OPTIONS, caseTable, clusters, viterbi: !process.argv.includes('--greedy') },
    onEpoch: (e, errors, tokens, run) => console.log(`${runs > 1 ? `run ${run}, ` : ''}epoch ${e}: ${errors} wrong of ${tokens} (${(100 * errors / tokens).toFixed(2)}%), ${((performance.now() - started) / 1000).toFixed(0)}s`),
  });
  model.header.trained.sources = sources;
  const bytes = serializeModel(model);
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${model.size} features, ${(bytes.length / 1e6).toFixed(2)} MB, ${((performance.now() - started) / 1000).toFixed(0)}s`);
}

main();

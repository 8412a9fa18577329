/**
 * Train the shipped attribution tagger: `npm run train:attribution` (node dist/attribution/train.js).
 * Reads PolNeAR train from ACTA_SHARED (default ../shared beside the project), segments and parses
 * it as acta does, and writes data/attribution-model.bin.gz. Same data and parser, same model.
 * Options: --epochs N, --seed N (the first shuffle seed), --seeds N (how many perceptrons are averaged), --out PATH.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataPath, packageRoot } from '../util/data.js';
import { serializeAttributionModel } from './model.js';
import { DEFAULT_ATTRIBUTION_TRAIN, labelledSequences, polnearArticles, trainAttribution } from './trainer.js';

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const shared = process.env.ACTA_SHARED ?? join(packageRoot, '..', 'shared');
  const articles = polnearArticles(join(shared, 'eval', 'attribution', 'polnear', 'train'));
  const data = labelledSequences(articles);
  console.log(`PolNeAR train: ${articles.length} articles, ${data.length} paragraphs, parsed in ${seconds()}s`);
  const opts = {
    ...DEFAULT_ATTRIBUTION_TRAIN,
    epochs: Number(arg('--epochs') ?? DEFAULT_ATTRIBUTION_TRAIN.epochs),
    seed: Number(arg('--seed') ?? DEFAULT_ATTRIBUTION_TRAIN.seed),
    seeds: Number(arg('--seeds') ?? DEFAULT_ATTRIBUTION_TRAIN.seeds ?? 1),
  };
  const model = trainAttribution(data, opts, (line) => console.log(`${line} (${seconds()}s)`));
  model.header.trained.corpus = 'PolNeAR v1.0.0 train, first annotator of each article';
  const out = resolve(arg('--out') ?? dataPath('attribution-model.bin.gz'));
  const bytes = serializeAttributionModel(model);
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${model.size} features, ${(bytes.length / 1e6).toFixed(2)} MB in ${seconds()}s`);
}

main();

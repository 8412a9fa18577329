/**
 * Train the shipped dependency parser: `npm run train:parser` (node dist/syntax/train.js).
 * Reads UD English EWT train from ACTA_SHARED (default ../shared beside the project), tags it
 * with acta's own tagger, and writes data/parser-model.bin.gz. Same data, same model.
 * Options: --epochs N, --seed N, --out PATH, --gold-pos (train on the treebank's UPOS instead).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataPath } from '../util/data.js';
import { serializeParser } from './model.js';
import { readEwt } from './treebank.js';
import { DEFAULT_PARSER_TRAIN, trainParser } from './trainer.js';

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const started = performance.now();
  const goldPos = process.argv.includes('--gold-pos');
  const corpus = readEwt('train', goldPos);
  console.log(`EWT train: ${corpus.length} sentences, tagged by ${goldPos ? 'the treebank (UPOS)' : 'acta'} in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  const opts = {
    ...DEFAULT_PARSER_TRAIN,
    epochs: Number(arg('--epochs') ?? DEFAULT_PARSER_TRAIN.epochs),
    seed: Number(arg('--seed') ?? DEFAULT_PARSER_TRAIN.seed),
  };
  const model = trainParser(corpus, opts, (line) => console.log(`${line} (${((performance.now() - started) / 1000).toFixed(1)}s)`));
  model.header.trained.corpus = 'UD English EWT train (CC BY-SA 4.0)';
  model.header.trained.pos = goldPos ? 'treebank UPOS' : 'acta (wink-nlp)';
  const out = resolve(arg('--out') ?? dataPath('parser-model.bin.gz'));
  const bytes = serializeParser(model);
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

main();

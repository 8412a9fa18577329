/**
 * Train the shipped POS tagger and dependency parser: `npm run train:parser`
 * (node dist/syntax/train.js). Reads UD English EWT train from ACTA_SHARED (default ../shared
 * beside the project) and segments it as acta does (wink-nlp's tags and lemmas); then
 *   1. jackknifes acta's POS tagger over it (each fifth tagged by a tagger trained on the rest),
 *   2. trains the tagger on all of it: data/pos-model.bin.gz,
 *   3. trains the parser on the jackknifed tags: data/parser-model.bin.gz.
 * Same data, same models. Options: --epochs N, --seed N, --out PATH (the parser),
 * --pos-out PATH, --gold-pos (train the parser on the treebank's UPOS instead; no tagger).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataPath } from '../util/data.js';
import { serializeParser } from './model.js';
import { serializePos } from './pos/model.js';
import { DEFAULT_POS_TRAIN, jackknifeTags, trainPosTagger } from './pos/trainer.js';
import { parserCorpus, posCorpus, readEwtSentences } from './treebank.js';
import { goldTokens } from './tagging.js';
import { DEFAULT_PARSER_TRAIN, trainParser, type TrainingSentence } from './trainer.js';

/** How many parts the training set is cut into for jackknifing the tagger. */
export const POS_FOLDS = 5;

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : null;
}

function main(): void {
  const started = performance.now();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  const log = (line: string) => console.log(`${line} (${secs()}s)`);
  const goldPos = process.argv.includes('--gold-pos');
  const sentences = readEwtSentences('train');
  log(`EWT train: ${sentences.length} sentences segmented`);
  let corpus: TrainingSentence[];
  if (goldPos) {
    corpus = sentences.map(({ tree }) => ({ tokens: goldTokens(tree), heads: tree.heads, deprels: tree.deprels }));
  } else {
    const pos = posCorpus(sentences);
    const jackknifed = jackknifeTags(pos, POS_FOLDS, DEFAULT_POS_TRAIN, log);
    const tagger = trainPosTagger(pos, DEFAULT_POS_TRAIN);
    tagger.header.trained.corpus = 'UD English EWT train (CC BY-SA 4.0)';
    const posOut = resolve(arg('--pos-out') ?? dataPath('pos-model.bin.gz'));
    const posBytes = serializePos(tagger);
    writeFileSync(posOut, posBytes);
    log(`wrote ${posOut}: ${(posBytes.length / 1e6).toFixed(2)} MB, ${tagger.header.features} features`);
    corpus = parserCorpus(sentences, jackknifed);
  }
  const opts = {
    ...DEFAULT_PARSER_TRAIN,
    epochs: Number(arg('--epochs') ?? DEFAULT_PARSER_TRAIN.epochs),
    seed: Number(arg('--seed') ?? DEFAULT_PARSER_TRAIN.seed),
  };
  const model = trainParser(corpus, opts, log);
  model.header.posTagger = !goldPos;
  model.header.trained.corpus = 'UD English EWT train (CC BY-SA 4.0)';
  model.header.trained.pos = goldPos ? 'treebank UPOS' : `acta's POS tagger, jackknifed over ${POS_FOLDS} folds`;
  const out = resolve(arg('--out') ?? dataPath('parser-model.bin.gz'));
  const bytes = serializeParser(model);
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB`);
}

main();

/** Where the UD English EWT treebank lies, and its sentences ready for the parser. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../util/data.js';
import { readConllu } from './conllu.js';
import { actaTokens, goldTokens } from './tagging.js';
import type { TrainingSentence } from './trainer.js';

export type EwtSplit = 'train' | 'dev' | 'test';

export function ewtPath(split: EwtSplit): string {
  const shared = resolve(process.env.ACTA_SHARED ?? resolve(packageRoot, '..', 'shared'));
  return resolve(shared, 'eval/treebanks/ud-english-ewt', `en_ewt-ud-${split}.conllu`);
}

/** The split's sentences, tagged by acta's tagger (or with the treebank's UPOS when `goldPos`). */
export function readEwt(split: EwtSplit, goldPos = false): TrainingSentence[] {
  return readConllu(readFileSync(ewtPath(split), 'utf8')).map((s) => ({
    tokens: goldPos ? goldTokens(s) : actaTokens(s),
    heads: s.heads,
    deprels: s.deprels,
  }));
}

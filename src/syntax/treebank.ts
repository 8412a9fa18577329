/** Where the UD English EWT treebank lies, and its sentences ready for the parser. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../util/data.js';
import { readConllu, type TreebankSentence } from './conllu.js';
import type { ParserToken } from './features.js';
import { actaTokens, goldTokens } from './tagging.js';
import type { PosTrainingSentence } from './pos/trainer.js';
import type { TrainingSentence } from './trainer.js';

export type EwtSplit = 'train' | 'dev' | 'test';

export function ewtPath(split: EwtSplit): string {
  const shared = resolve(process.env.ACTA_SHARED ?? resolve(packageRoot, '..', 'shared'));
  return resolve(shared, 'eval/treebanks/ud-english-ewt', `en_ewt-ud-${split}.conllu`);
}

/** A treebank sentence with the tokens acta's segmenter gives its words (wink-nlp POS, lemmas). */
export interface EwtSentence {
  tree: TreebankSentence;
  acta: ParserToken[];
}

export function readEwtSentences(split: EwtSplit): EwtSentence[] {
  return readConllu(readFileSync(ewtPath(split), 'utf8')).map((tree) => ({ tree, acta: actaTokens(tree) }));
}

/** The split's sentences as acta's segmenter tags them (or with the treebank's UPOS when `goldPos`). */
export function readEwt(split: EwtSplit, goldPos = false): TrainingSentence[] {
  return readEwtSentences(split).map(({ tree, acta }) => ({
    tokens: goldPos ? goldTokens(tree) : acta,
    heads: tree.heads,
    deprels: tree.deprels,
  }));
}

/** The tagger's training sentences: acta's tokens (with wink-nlp's tags) and gold "UPOS XPOS". */
export function posCorpus(sentences: readonly EwtSentence[]): PosTrainingSentence[] {
  return sentences.map(({ tree, acta }) => ({
    words: acta.map((t) => ({ form: t.form, pos: t.pos, lemma: t.lemma })),
    tags: tree.upos.map((u, i) => `${u} ${tree.xpos[i]}`),
  }));
}

/** The parser's training sentences with the given "UPOS XPOS" tags and wink-nlp's lemmas. */
export function parserCorpus(sentences: readonly EwtSentence[], tags: readonly string[][]): TrainingSentence[] {
  return sentences.map(({ tree, acta }, i) => ({
    tokens: acta.map((t, j) => { const [pos, xpos] = tags[i][j].split(' '); return { form: t.form, lemma: t.lemma, pos, xpos, given: t.pos }; }),
    heads: tree.heads,
    deprels: tree.deprels,
  }));
}

/**
 * acta's own part-of-speech tagger for the parser: UPOS and Penn Treebank tags (XPOS) from the
 * shipped model (data/pos-model.bin.gz, read on first use), trained on UD English EWT train with
 * wink-nlp's tag as one of its features. It does not replace the tags segment() gives tokens;
 * the parser alone reads these.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../util/data.js';
import { deserializePos, type PosModel, type PosTag } from './model.js';
import type { PosInput } from './features.js';

export type { PosInput } from './features.js';
export type { PosTag } from './model.js';

let shipped: PosModel | null = null;

export function posModel(): PosModel {
  if (!shipped) shipped = deserializePos(readFileSync(dataPath('pos-model.bin.gz')));
  return shipped;
}

/** UPOS and XPOS of each word of a sentence. */
export function tagSentence(words: readonly PosInput[], model: PosModel = posModel()): PosTag[] {
  return model.tagWords(words);
}

/**
 * Dependency parsing of one sentence into Universal Dependencies heads and relations, with the
 * shipped arc-eager model (data/parser-model.bin.gz, read on the first parse). The words are
 * first tagged by acta's own POS tagger (pos/: UPOS and Penn Treebank tags, wink-nlp's tag one of
 * its clues), as the parser was trained. Greedy decoding: at most 2n transitions for n words.
 * Relations are full UD labels (nsubj:pass, obl:tmod…).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../util/data.js';
import type { ParserToken } from './features.js';
import { deserializeParser, parseWith, type ParsedWord, type ParserModel } from './model.js';
import { tagSentence } from './pos/index.js';

export type { ParserToken } from './features.js';
export type { ParsedWord } from './model.js';

/** Longest sentence the parser takes; a longer one is left unparsed. */
export const MAX_PARSE_TOKENS = 400;

let shipped: ParserModel | null = null;

export function parserModel(): ParserModel {
  if (!shipped) shipped = deserializeParser(readFileSync(dataPath('parser-model.bin.gz')));
  return shipped;
}

/** The tokens with acta's UPOS and Penn Treebank tags in place of the ones they came with. */
export function withActaTags(tokens: readonly ParserToken[]): ParserToken[] {
  const tags = tagSentence(tokens);
  return tokens.map((t, i) => ({ form: t.form, lemma: t.lemma, pos: tags[i].upos, xpos: tags[i].xpos, given: t.pos }));
}

/**
 * Heads (0 = root, else the 1-based index of the head token), relations and tags of a
 * sentence's tokens; null for an empty sentence or one over MAX_PARSE_TOKENS tokens. `pos` is
 * the tag segment() gave the token (wink-nlp's); a model trained on acta's own tags retags first.
 */
export function parseSentence(tokens: readonly ParserToken[], model: ParserModel = parserModel()): ParsedWord[] | null {
  if (tokens.length === 0 || tokens.length > MAX_PARSE_TOKENS) return null;
  return parseWith(model, model.header.posTagger ? withActaTags(tokens) : tokens);
}

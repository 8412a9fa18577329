/**
 * Dependency parsing of one sentence into Universal Dependencies heads and relations, with the
 * shipped arc-eager model (data/parser-model.bin.gz, read on the first parse). Greedy decoding:
 * at most 2n transitions for n words. Relations are full UD labels (nsubj:pass, obl:tmod…).
 */
import { shippedModelBytes } from '../util/model-file.js';
import type { ParserToken } from './features.js';
import { parserFromBytes, parseWith, type ParsedWord, type ParserModel } from './model.js';

export type { ParserToken } from './features.js';
export type { ParsedWord } from './model.js';

/** Longest sentence the parser takes; a longer one is left unparsed. */
export const MAX_PARSE_TOKENS = 400;

let shipped: ParserModel | null = null;

export function parserModel(): ParserModel {
  if (!shipped) shipped = parserFromBytes(shippedModelBytes('parser-model.bin.gz'));
  return shipped;
}

/**
 * Heads (0 = root, else the 1-based index of the head token) and relations of a sentence's
 * tokens; null for an empty sentence or one over MAX_PARSE_TOKENS tokens.
 */
export function parseSentence(tokens: readonly ParserToken[], model: ParserModel = parserModel()): ParsedWord[] | null {
  if (tokens.length === 0 || tokens.length > MAX_PARSE_TOKENS) return null;
  return parseWith(model, tokens);
}

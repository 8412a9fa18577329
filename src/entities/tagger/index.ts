/**
 * The statistical named-entity tagger: an averaged perceptron over BIO tags,
 * decoded exactly over whole sentences (second-order Viterbi), trained by `train.ts` on CoNLL-2003 (and
 * CrossNER politics) and shipped as data/ner-model.bin.gz. The model loads on
 * first use, once.
 *
 * `tagTokens` tags one sentence given as words. `tagSpans` tags a sentence of a
 * segmented Doc: the segmenter (wink-nlp) splits "al-Muhandis" into al / - /
 * Muhandis where CoNLL keeps one word, so hyphen-glued pieces are joined into
 * one word for tagging and the entity mapped back onto the tokens.
 */
import type { Sentence, Token } from '../../doc/types.js';
import { shippedModelBytes } from '../../util/model-file.js';
import { FastTagger } from './fast.js';
import { modelFromBytes, type TaggerModel } from './model.js';
import { applyRules } from './rules.js';
import { DocumentMemory } from './document.js';
import { spansFromTags, TAGS, type BioTag, type EntityKind } from './tags.js';

export type { BioTag, EntityKind } from './tags.js';

export const MODEL_FILE = 'ner-model.bin.gz';

let model: TaggerModel | null = null;
let fast: FastTagger | null = null;
let loadMs = 0;

/** The shipped model, read on first use. */
export function taggerModel(): TaggerModel {
  if (!model) {
    const started = performance.now();
    model = modelFromBytes(shippedModelBytes(MODEL_FILE));
    loadMs = performance.now() - started;
  }
  return model;
}

/** Use another model (tests, experiments); null goes back to the shipped one. */
export function useTaggerModel(m: TaggerModel | null): void {
  model = m;
  fast = null;
}

function fastTagger(): FastTagger {
  const m = taggerModel();
  if (!fast || fast.model !== m) fast = new FastTagger(m);
  return fast;
}

/** Milliseconds the shipped model took to load (0 before it is loaded). */
export function taggerLoadMs(): number {
  return loadMs;
}

const TYPOGRAPHIC = /[\u2018\u2019\u02bc\u201c\u201d]/;

/** Typographic quotes as the training data writes them (CoNLL uses ASCII). */
export function trainingForm(word: string): string {
  if (!TYPOGRAPHIC.test(word)) return word;
  return word.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * BIO tags for one sentence of words, corrected by the rules of rules.ts
 * (name particles, bare titles, "Office of …"). `pos` is accepted for callers that have it;
 * the current model does not use parts of speech.
 */
export function tagTokens(words: string[], pos?: string[]): BioTag[] {
  void pos;
  return tagForms(trainingForms(words));
}

/*
 * The word and tag arrays that pass through the tagger are built with push, not
 * Array.prototype.map: V8's optimised map makes holey arrays where the plain one
 * makes packed arrays, and the functions that meet both kinds mid-run are
 * deoptimised and compiled again (on a cold start that recompiling cost as much
 * CPU time as the tagging itself).
 */

/** Words in training form (`trainingForm`). */
function trainingForms(words: readonly string[]): string[] {
  const forms: string[] = [];
  for (let i = 0; i < words.length; i++) forms.push(trainingForm(words[i]));
  return forms;
}

/** `tagTokens` for words already in training form. */
function tagForms(forms: readonly string[]): BioTag[] {
  if (forms.length === 0) return [];
  const indices = fastTagger().decode(forms);
  const tags: BioTag[] = [];
  for (let i = 0; i < indices.length; i++) tags.push(TAGS[indices[i]]);
  return applyRules(forms, tags);
}

/**
 * BIO tags for the sentences of one document, in order: each sentence as
 * `tagTokens` tags it, then made consistent with the names of the sentences
 * before it (document.ts).
 */
export function tagDocument(sentences: readonly string[][]): BioTag[][] {
  const memory = new DocumentMemory();
  const tagged: BioTag[][] = [];
  for (const words of sentences) {
    const forms = trainingForms(words);
    tagged.push(memory.apply(forms, tagForms(forms)));
  }
  return tagged;
}

/** An entity over doc token indices, both ends inclusive. */
export interface TokenEntity {
  first: number;
  last: number;
  type: EntityKind;
}

/** Word-like: letters or digits, so "al" - "Muhandis" glue but "," - "x" does not. */
const WORDISH = /[\p{L}\p{N}]$/u;
const WORDISH_START = /^[\p{L}\p{N}]/u;

/**
 * Words for tagging from a sentence's tokens: a token, or a run of tokens
 * glued by hyphens without spaces ("al-Muhandis", "Abu-Dhabi"), joined.
 * Returns the words and, per word, its first and last token index.
 */
export function wordsOfTokens(text: string, tokens: readonly Token[], start: number, end: number): { words: string[]; first: number[]; last: number[] } {
  const words: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let k = start;
  while (k < end) {
    let j = k;
    // Extend over "-" + word while there is no space between the pieces.
    while (
      j + 2 < end &&
      text.slice(tokens[j + 1].start, tokens[j + 1].end) === '-' &&
      tokens[j].end === tokens[j + 1].start && tokens[j + 1].end === tokens[j + 2].start &&
      WORDISH.test(text.slice(tokens[j].start, tokens[j].end)) &&
      WORDISH_START.test(text.slice(tokens[j + 2].start, tokens[j + 2].end))
    ) j += 2;
    words.push(text.slice(tokens[k].start, tokens[j].end));
    first.push(k);
    last.push(j);
    k = j + 1;
  }
  return { words, first, last };
}

/** The document memory of each Doc being tagged (its token array), and the last sentence it saw. */
const memories = new WeakMap<Token[], { memory: DocumentMemory; lastStart: number }>();

/**
 * Entities of one sentence of a Doc, as token index ranges. Sentences of a Doc
 * tagged in order share a document memory (document.ts); going back to an
 * earlier sentence starts the memory afresh.
 */
export function tagSpans(text: string, tokens: Token[], sentence: Sentence): TokenEntity[] {
  const { words, first, last } = wordsOfTokens(text, tokens, sentence.tokenStart, sentence.tokenEnd);
  let state = memories.get(tokens);
  if (!state || sentence.tokenStart <= state.lastStart) {
    state = { memory: new DocumentMemory(), lastStart: -1 };
    memories.set(tokens, state);
  }
  state.lastStart = sentence.tokenStart;
  const forms = trainingForms(words);
  const tags = state.memory.apply(forms, tagForms(forms));
  return spansFromTags(tags).map((s) => ({ first: first[s.first], last: last[s.last], type: s.type }));
}

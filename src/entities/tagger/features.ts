/**
 * Feature extraction for the tagger. Static features depend only on the words
 * (computed once per sentence); history features add the tags already chosen
 * to the left (computed at each decoding step). Feature names are short
 * strings; the model maps them to weight rows.
 */
import { lexiconFeatures } from './lexicon-features.js';
import { isCapitalised, isCapsSentence, shortShape, wordShape } from './shape.js';

/** A sentence prepared for tagging: words, their forms, and static features. */
export interface PreparedSentence {
  words: readonly string[];
  lower: string[];
  shapes: string[];
  staticFeatures: string[][];
}

/** Options for which knowledge the features use (tests turn the lexicon off). */
export interface FeatureOptions {
  lexicon: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { lexicon: true };

/** Arabic and Persian name particles glued by a hyphen ("al-Muhandis", "Abd-al"). */
const ARABIC_ARTICLE = /^(al|el|ad|ash|as|at|az|ar|an|ad-d|abd|abu|bin|ibn|bint)$/;

/** Digits written as a word map to one form, so "1996" and "2023" share weights. */
function normalForm(lower: string): string {
  if (/^\d{4}$/.test(lower)) return '!YEAR';
  if (/\d/.test(lower)) return '!DIG' + shortShape(lower);
  return lower;
}

/** Features of one word and its neighbours, before any tag is known. */
function wordFeatures(
  i: number, words: readonly string[], forms: readonly string[], shapes: readonly string[],
  short: readonly string[], headline: boolean,
): string[] {
  const n = words.length;
  const w = words[i];
  const l = forms[i];
  const at = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : forms[k]);
  const sh = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : short[k]);
  const f: string[] = [
    'b',
    'w=' + l,
    'w-1=' + at(i - 1),
    'w-2=' + at(i - 2),
    'w+1=' + at(i + 1),
    'w+2=' + at(i + 2),
    'w-1w=' + at(i - 1) + '|' + l,
    'ww+1=' + l + '|' + at(i + 1),
    's=' + shapes[i],
    'ss=' + short[i],
    'ss-1=' + sh(i - 1),
    'ss+1=' + sh(i + 1),
    'ss-1ss=' + sh(i - 1) + '|' + short[i],
    'ssss+1=' + short[i] + '|' + sh(i + 1),
    'w-1ss=' + at(i - 1) + '|' + short[i],
    'ssw+1=' + short[i] + '|' + at(i + 1),
  ];
  const lw = w.toLowerCase();
  const m = Math.min(4, lw.length);
  for (let k = 1; k <= m; k++) {
    f.push('p' + k + '=' + lw.slice(0, k));
    f.push('x' + k + '=' + lw.slice(lw.length - k));
  }
  if (i === 0) f.push('first|' + short[i]);
  if (headline) f.push('hd|' + short[i], 'hdw=' + l);
  // Capitalisation of the word's neighbourhood: inside a run of names or not.
  const capL = i > 0 && isCapitalised(words[i - 1]);
  const capR = i + 1 < n && isCapitalised(words[i + 1]);
  f.push('cap=' + (isCapitalised(w) ? 1 : 0) + (capL ? 1 : 0) + (capR ? 1 : 0));
  const dash = lw.indexOf('-');
  if (dash > 0 && dash < lw.length - 1) {
    const head = lw.slice(0, dash);
    f.push('hy0=' + head, 'hyL=' + lw.slice(lw.lastIndexOf('-') + 1));
    if (ARABIC_ARTICLE.test(head)) f.push('arab');
  }
  return f;
}

/** Prepare a sentence: forms, shapes and all static features of every word. */
export function prepareSentence(
  words: readonly string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): PreparedSentence {
  const lower = words.map((w) => w.toLowerCase());
  const forms = lower.map(normalForm);
  const shapes = words.map(wordShape);
  const short = words.map(shortShape);
  const headline = isCapsSentence(words);
  const lex = options.lexicon ? lexiconFeatures(words, lower) : null;
  const staticFeatures: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const f = wordFeatures(i, words, forms, shapes, short, headline);
    if (lex) {
      for (const x of lex[i]) f.push('L' + x);
      if (i > 0) for (const x of lex[i - 1]) if (!x.startsWith('gz')) f.push('L-1' + x);
      if (i + 1 < words.length) for (const x of lex[i + 1]) if (!x.startsWith('gz')) f.push('L+1' + x);
    }
    staticFeatures.push(f);
  }
  return { words, lower, shapes: short, staticFeatures };
}

/** Features of the tags already chosen to the left of word i ("O" and "<s>" at the edge). */
export function historyFeatures(s: PreparedSentence, i: number, t1: string, t2: string): string[] {
  return [
    't1=' + t1,
    't2t1=' + t2 + '|' + t1,
    't1w=' + t1 + '|' + s.lower[i],
    't1ss=' + t1 + '|' + s.shapes[i],
  ];
}

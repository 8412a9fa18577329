/**
 * One shared wink-nlp instance (the model loads once, ~100 ms). Only the annotations acta reads
 * run: sentence boundaries and parts of speech (lemmas come with them). wink's own named
 * entities, negation, sentiment and custom entities are not read, and leaving them out changes
 * no token, sentence, tag or lemma (its POS tagger reads the tokens, not those annotations).
 *
 * wink-nlp learns every new word it reads into its model (an out-of-vocabulary word becomes a
 * lexeme), and its tokenizer keeps a word whole when it is a known lexeme: after some article
 * holding "country's" as one word, every later "country's" stayed one token, so the same
 * article came out differently by what was read before it. `readWink` reads a text and then
 * forgets the words that reading taught wink, so each text is read as by a fresh instance.
 */
import winkNLP from 'wink-nlp';
import { freshCoreModel, winkModel, type CoreModel, type FeatureTable } from './wink-model.js';

/** The wink-nlp annotations acta uses. */
export const WINK_PIPE = ['sbd', 'pos'];

type Engine = ReturnType<typeof winkNLP>;

/** What acta reads of a wink document: its tokens, their tags and lemmas, its sentences' token ranges. */
export interface WinkReading {
  values: string[];
  pos: string[];
  lemma: string[];
  /** Each sentence's first and last token, both inclusive. */
  sentences: Array<[number, number]>;
}


/**
 * Words learnt beyond this many make wink start over with a fresh instance (a forgotten word's
 * entry stays in the table). Reuters teaches wink about 18 words an article (numbers, mostly,
 * learnt again at each sight), so 200,000 let the tables grow for 11,000 articles, by tens of
 * MB; 20,000 start over every thousand or so, at about 50 ms each (freshCoreModel).
 */
export const RELEARN_AFTER = 20_000;

let instance: Engine | null = null;
/** The model the instance reads and teaches (wink copies the shipped model for each instance it makes). */
let core: CoreModel | null = null;
/** How far into the lexeme table learnt words have been forgotten already. */
let forgotten = 0;

/** The model as winkNLP takes it, keeping hold of the copy it loads. */
const holdingCore = { ...winkModel(), core: () => (core = freshCoreModel() as CoreModel) } as unknown as Parameters<typeof winkNLP>[0];

export function nlp(): Engine {
  if (!instance) {
    instance = winkNLP(holdingCore, WINK_PIPE);
    forgotten = lexemes()?.intrinsicSize ?? 0;
  }
  return instance;
}

/** Start over with a fresh instance at the next reading, as RELEARN_AFTER learnt words do. */
export function renewWink(): void {
  instance = null;
}

/** The lexeme table of the instance's model: the words the tokenizer knows. */
function lexemes(): FeatureTable | null {
  const t = core?.features.lexeme;
  return t && Array.isArray(t.list) && t.hash && typeof t.intrinsicSize === 'number' ? (t as FeatureTable) : null;
}

/**
 * A learnt word that changes no cut: the tokenizer asks whether a piece of text is a known word
 * only to keep whole what it would otherwise cut at an apostrophe, a period, a hyphen or another
 * sign ("country's", "U.S.-led"); a word of plain letters it keeps whole either way, so it need not
 * be forgotten (and learnt again, at a cost, in the next text).
 */
const PLAIN_WORD = /^[A-Za-z]+$/;

/**
 * Forget the words learnt since the last forgetting. The lexeme table is what the tokenizer
 * consults; a learnt entry is only unhooked from its index (wink keeps each lexeme's features in
 * a list aligned with the table), and once many are unhooked, a new instance starts on a fresh
 * copy of the shipped model.
 */
function forgetLearntWords(): void {
  const lexeme = lexemes();
  if (!lexeme) return;
  for (let i = forgotten; i < lexeme.list.length; i++) {
    const word = lexeme.list[i];
    if (!PLAIN_WORD.test(word) && lexeme.hash[word] === i) delete lexeme.hash[word];
  }
  forgotten = lexeme.list.length;
  if (lexeme.list.length - lexeme.intrinsicSize! > RELEARN_AFTER) instance = null;
}

/** Read a text with wink, as a fresh instance would: the words it teaches wink are forgotten after. */
export function readWink(text: string): WinkReading {
  const engine = nlp();
  const its = engine.its;
  try {
    const doc = engine.readDoc(text);
    const sentences: Array<[number, number]> = [];
    doc.sentences().each((s: { out: (f: unknown) => unknown }) => {
      sentences.push(s.out(its.span) as unknown as [number, number]);
    });
    return {
      values: doc.tokens().out() as string[],
      pos: doc.tokens().out(its.pos) as string[],
      lemma: doc.tokens().out(its.lemma as never) as string[],
      sentences,
    };
  } finally {
    forgetLearntWords();
  }
}

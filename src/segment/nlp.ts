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
import model from 'wink-eng-lite-web-model';

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

/** A feature table of wink's model: values by index, indices by value; `intrinsicSize` is its size as shipped. */
interface FeatureTable { hash: Record<string, number>; list: string[]; index: number; intrinsicSize?: number }
interface CoreModel { features: Record<string, Partial<FeatureTable>> }

/** Words learnt beyond this many make wink start over with a fresh instance (a learnt word is forgotten but its entry stays). */
const RELEARN_AFTER = 200_000;

let instance: Engine | null = null;
/** The model the instance reads and teaches (wink copies the shipped model for each instance it makes). */
let core: CoreModel | null = null;

/** The model as winkNLP takes it, keeping hold of the copy it loads. */
const holdingCore = { ...model, core: () => (core = (model as unknown as { core: () => CoreModel }).core()) } as unknown as typeof model;

function tables(): Array<[string, FeatureTable]> {
  if (!core) return [];
  return Object.entries(core.features).filter((e): e is [string, FeatureTable] => Array.isArray(e[1].list) && !!e[1].hash && typeof e[1].intrinsicSize === 'number');
}

export function nlp(): Engine {
  instance ??= winkNLP(holdingCore, WINK_PIPE);
  return instance;
}

/**
 * Forget the words read since the model was loaded. The lexeme table is what the tokenizer
 * consults; a learnt entry is only unhooked from its index (wink keeps each lexeme's features in
 * a list aligned with the table), and once many are unhooked, a new instance starts on a fresh
 * copy of the shipped model.
 */
function forgetLearntWords(): void {
  const lexeme = tables().find(([name]) => name === 'lexeme')?.[1];
  if (!lexeme) return;
  const shipped = lexeme.intrinsicSize!;
  for (let i = shipped; i < lexeme.list.length; i++) if (lexeme.hash[lexeme.list[i]] === i) delete lexeme.hash[lexeme.list[i]];
  if (lexeme.list.length - shipped > RELEARN_AFTER) instance = winkNLP(holdingCore, WINK_PIPE);
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

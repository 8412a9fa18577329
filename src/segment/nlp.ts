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
import { createRequire } from 'node:module';
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

/** Words learnt beyond this many make wink start over with a fresh instance (a forgotten word's entry stays in the table). */
const RELEARN_AFTER = 200_000;

let instance: Engine | null = null;
/** The model the instance reads and teaches (wink copies the shipped model for each instance it makes). */
let core: CoreModel | null = null;
/** How far into the lexeme table learnt words have been forgotten already. */
let forgotten = 0;

/** The shipped core model as its package reads it (parsed once, when the package loads). */
interface ShippedCore {
  lexicon: string;
  xpansions: string;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: unknown[]; hash?: unknown }>;
  pos: { hash: Record<string, number> };
  [part: string]: unknown;
}

const shippedCore = (): ShippedCore =>
  createRequire(import.meta.url)('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as ShippedCore;

/**
 * The core model for one wink instance, made as the package's own loader makes it
 * (read-core-model.js, load-core-model.js) but without its deep copy of the whole 3 MB model
 * (JSON.stringify and parse again: about half of wink's start-up). Only what an instance
 * changes is fresh here: each feature's list (wink appends the words it learns) and the
 * hashes built over them, the decoded lexicon and expansions, and the packing's efList. The
 * package's parsed model is left exactly as it was, so wink's own loader still reads it.
 */
export function freshCoreModel(): CoreModel {
  const shipped = shippedCore();
  const layout = shipped.packing.layout;
  const features: Record<string, Record<string, unknown>> = {};
  for (const [name, f] of Object.entries(shipped.features)) features[name] = { ...f, list: f.list.slice() };
  const decoded = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64');
    const words = new Uint32Array(bytes.length >>> 2);
    new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
    return words;
  };
  const m: Record<string, unknown> = {
    ...shipped, lexicon: decoded(shipped.lexicon), xpansions: decoded(shipped.xpansions),
    packing: { ...shipped.packing, efList: [] as string[] }, features,
  };
  const indexOf = (list: unknown[]) => {
    const hash: Record<string, number> = Object.create(null);
    for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
    return hash;
  };
  for (const f in layout) if (layout[f][3] === 0) features[f].hash = indexOf(features[f].list as unknown[]);
  features.lexeme.hash = indexOf(features.lexeme.list as unknown[]);
  const clusters = features.posClusters.list as unknown[];
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => shipped.pos.hash[e] || 0));
  const efList = (m.packing as { efList: string[] }).efList;
  for (const f in layout) {
    if (layout[f][3] === 0) {
      const feature = features[f] as { list: unknown[]; intrinsicSize?: number; index?: number; maxIndex?: number };
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[f][1] >>> layout[f][2];
    }
    if (layout[f][4] === 1) efList.push(f);
  }
  const lexeme = features.lexeme as { list: unknown[]; intrinsicSize?: number; index?: number };
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return m as unknown as CoreModel;
}

/** The model as winkNLP takes it, keeping hold of the copy it loads. */
const holdingCore = { ...model, core: () => (core = freshCoreModel()) } as unknown as typeof model;

export function nlp(): Engine {
  if (!instance) {
    instance = winkNLP(holdingCore, WINK_PIPE);
    forgotten = lexemes()?.intrinsicSize ?? 0;
  }
  return instance;
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

/**
 * wink-eng-lite-web-model, put together here as its own index (dist/model.js) does, except for
 * the core model: the package deep-copies its 3 MB model for every instance (JSON.stringify,
 * then parse again), which was a tenth of a small run's start; an instance's copy is made here
 * without it (freshCoreModel), and the model is parsed when the first instance is made rather
 * than when the module loads. The loaders of the other parts (sentence boundaries, POS, the
 * annotations acta does not run) are the package's own.
 *
 * (Tried and dropped: the parsed model written by the build in V8's serialisation. It reads in
 * half JSON.parse's time, but its strings come back not internalised, and making the 88k
 * lexeme keys of wink's hashes from them cost more than the read saved.)
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A feature table of wink's model: values by index, indices by value; `intrinsicSize` is its size as shipped. */
export interface FeatureTable { hash: Record<string, number>; list: string[]; index: number; intrinsicSize?: number }
export interface CoreModel { features: Record<string, Partial<FeatureTable>> }

/** The model object wink-nlp takes, as the package's index makes it (its `core` is replaced by the caller). */
export function winkModel(): Record<string, unknown> {
  const part = (file: string): unknown => require(`wink-eng-lite-web-model/dist/${file}`);
  const model: Record<string, unknown> = Object.create(null);
  model.core = () => freshCoreModel();
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = part('load-ner-model.js');
  model.negation = part('load-negation-model.js');
  model.sa = part('load-sa-model.js');
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons: Record<string, unknown> = Object.create(null);
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}

/** The shipped core model as JSON.parse gives it. */
interface ShippedCore {
  lexicon: string;
  xpansions: string;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, { list: unknown[]; hash?: unknown }>;
  pos: { hash: Record<string, number> };
  [part: string]: unknown;
}

const CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

/** The package's core model, parsed (once a process: require keeps it). */
function shippedCore(): ShippedCore {
  return require(CORE_JSON) as ShippedCore;
}

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


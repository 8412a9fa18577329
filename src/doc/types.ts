/**
 * The document model. One immutable text; every layer is a list of spans
 * `{start, end}` (UTF-16 offsets into `Doc.text`, as JavaScript strings index)
 * plus fields. Stages read a Doc and return one new layer; none edits another's
 * layer or the text. Output shapes (Entity, Place, CodedEvent) are the contract
 * in DESIGN.md and are kept stable for outside tools.
 */

export interface Span {
  start: number;
  end: number;
}

/** What ingest knows about an article before any analysis. */
export interface ArticleMeta {
  /** The caller's id (JSONL `id`), else a content hash. */
  id: string;
  /** sha256 of the text as given, hex, first 16 chars: an article's identity. */
  hash: string;
  title: string | null;
  author: string | null;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  published: string | null;
  source: string | null;
  url: string | null;
  /** Where the article came from: a file path (with line for JSONL) or "-". */
  origin: string;
}

/** An article as ingest hands it on: the text plus where its parts lie. */
export interface IngestedArticle {
  meta: ArticleMeta;
  /** The text as given (for JSONL the `text` field; for HTML the extracted text). */
  text: string;
  /** Spans of the text that carry the article's prose (title and body). */
  body: Span[];
  /** Spans of the text that ingest recognised as boilerplate or metadata lines. */
  dropped: DroppedSpan[];
  /** Span of the title line inside text, when the title is part of the text. */
  titleSpan: Span | null;
}

export interface DroppedSpan extends Span {
  /** Why it was dropped: "dateline", "bio", "boilerplate", … */
  reason: string;
}

export interface Token extends Span {
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, …). */
  pos: string;
  /** Lower-cased normal form. */
  normal: string;
  /** Lemma (wink-nlp), lower case. */
  lemma: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Index of the first token of the sentence in Doc.tokens, and one past the last. */
  tokenStart: number;
  tokenEnd: number;
}

/** One token's place in its sentence's dependency tree (Universal Dependencies). */
export interface Dependency {
  /** Index in Doc.tokens of the head token; -1 for the sentence's root. */
  head: number;
  /** UD relation: nsubj, obj, obl, ccomp, nsubj:pass… ("root" for the root). */
  rel: string;
  /** The part of speech (UPOS) the parser read the token as. */
  upos: string;
}

/** The dependency parse of the document (see src/syntax/stage.ts). */
export interface SyntaxLayer {
  /** Parallel to Doc.tokens; null for each token of a sentence left unparsed. */
  deps: (Dependency | null)[];
  /** Sentences left unparsed and why; their later stages fall back to word windows. */
  unparsed: { sentence: number; reason: string }[];
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One mention of a named participant (contract: Entity, plus internals). */
export interface Entity extends Span {
  text: string;
  /** Canonical name of the entity this mention refers to (coreference). */
  name: string;
  type: EntityType;
  /** ISO 3166 alpha-3, or null when the text does not support one. */
  country: string | null;
  /** Sector code (GOV, MIL, JUD, …) or null. */
  sector: string | null;
  /** country + sector, CAMEO style ("IRQJUD"), or null. */
  code: string | null;
}

/** An entity mention inside the document, with its coreference chain id. */
export interface EntityMention extends Entity {
  /** Index of the mention's chain (same id = same real-world entity). */
  chain: number;
  sentence: number;
  /** Role or title words found with the name ("President", "Commander"), lower case. */
  roles: string[];
  /** Where the code came from: "dictionary", "title", "demonym", "registry", … */
  codeSource: string | null;
  /** Grammatical or descriptive mention ("the court", "protesters"), not a name. */
  nominal: boolean;
  /** Sectors of the role words found with the mention, in order. */
  roleSectors: string[];
  /** A country named with the mention: in its title, a modifier, a possessive. */
  modifierCountry: string | null;
  /** How the type was decided ("dictionary", "org-head", "title", …). */
  evidence: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: "2021-01-07", "2020-12", "2020", "PRESENT_REF", "P2D", "XXXX-WXX-1" … */
  value: string;
  sentence: number;
}

/** How exact a place is, finest first: a site, a town, a county (admin2), a state or province (admin1), a country, a world region. */
export type PlacePrecision = 'site' | 'city' | 'admin2' | 'admin1' | 'country' | 'region';

/** Contract: Place. */
export interface Place extends Span {
  text: string;
  name: string;
  /** ISO 3166 alpha-3. */
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  geonames_id: number | null;
  precision: PlacePrecision;
}

export interface PlaceMention extends Place {
  sentence: number;
}

/** Whether an event happened, as the text tells it (src/events/realis.ts). */
export type Realis = 'actual' | 'future' | 'hypothetical' | 'negated';

export type Certainty = 'asserted' | 'reported' | 'alleged' | 'denied' | 'hypothetical' | 'future';

export interface Attribution {
  source: Entity | null;
  /** The words that mark the attribution ("according to", "said"), with offsets. */
  cue: { text: string; start: number; end: number } | null;
  certainty: Certainty;
}

/** What a cue says about its content: passed on, insisted on, charged, denied, promised, warned of, believed, asked for. */
export type AttributionClass = 'report' | 'assert' | 'allege' | 'deny' | 'promise' | 'warn' | 'believe' | 'ask';

/**
 * One attribution relation: someone (the source) is said, by the cue, to say or think the
 * content. "“We will win,” the senator said": source "the senator", cue "said", content
 * "“We will win,”". Content may come in several spans (a quotation broken by "he said").
 */
export interface AttributionRelation {
  /** Who says it, as written; null when the text names no one ("it was reported that …"). */
  source: (Span & {
    text: string;
    /** The entity the source is a mention of (a pronoun's antecedent: "he" → the named person), or null. */
    entity: Entity | null;
    /** The entity's coreference chain (EntityMention.chain), or null. */
    chain: number | null;
  }) | null;
  /** The words that mark the attribution ("said", "according to", "told reporters"); null when only the content was found. */
  cue: (Span & { text: string }) | null;
  /** What is attributed, in text order; usually one span. */
  content: (Span & { text: string })[];
  /** The cue's class (data/attribution-classes.tsv). */
  class: AttributionClass;
  /** The certainty an event inside the content takes from the cue. */
  certainty: Certainty;
  /** Index of the sentence holding the cue (else the first content span). */
  sentence: number;
}

/** What an analyst counts of an event's toll. */
export type CasualtyCategory = 'killed' | 'injured' | 'arrested' | 'displaced';
/** A count (min = max when exact; max null when the text gives only a floor: "dozens", "more than 300") and the words that state it. */
export interface CasualtyCount { min: number; max: number | null; text: string; start: number; end: number }
export type Casualties = Record<CasualtyCategory, CasualtyCount | null>;

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

/** Contract: one coded event. */
export interface CodedEvent {
  id: string;
  article_id: string;
  event: string;
  mode: string[];
  context: string[];
  cameo: string;
  goldstein: number;
  quad_class: number;
  date: string | null;
  date_precision: DatePrecision;
  date_text: string | null;
  actor: Entity[];
  recipient: Entity[];
  location: Place | null;
  attribution: Attribution;
  /** Said not to have happened: the same as `realis === 'negated'`. */
  negated: boolean;
  /**
   * Whether the text says it happened: actual (it did or is happening, whoever says so),
   * future (announced, planned, scheduled), hypothetical (conditional, wished, feared, a purpose,
   * a question) or negated (see src/events/realis.ts). `attribution.certainty` says how sure the source is.
   */
  realis: Realis;
  sentence: { index: number; start: number; end: number };
  trigger: { text: string; start: number; end: number };
  /**
   * Every mention of this happening in the article ("the drone strike", "the killing of X",
   * "the assassination"), the event's own `sentence`/`trigger` first, the others in text order.
   */
  mentions: EventMention[];
  confidence: number;
  /**
   * How many were killed, injured, arrested and displaced, each a range with the words that say it
   * (src/events/casualties.ts); null when the sentences telling the event count nobody. Absent in
   * records made before acta read counts.
   */
  casualties?: Casualties | null;
}

/** One place in the text where an event is told: its sentence and its trigger word. */
export interface EventMention {
  sentence: { index: number; start: number; end: number };
  trigger: { text: string; start: number; end: number };
}

/** The analysed document: every layer. */
export interface Doc {
  meta: ArticleMeta;
  text: string;
  body: Span[];
  dropped: DroppedSpan[];
  titleSpan: Span | null;
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Token[];
  syntax: SyntaxLayer;
  entities: EntityMention[];
  times: TimeExpression[];
  places: PlaceMention[];
  /** Every attribution relation of the article (see src/attribution/stage.ts). */
  attributions: AttributionRelation[];
  events: CodedEvent[];
}

/** A problem with one input: names the input and, where known, the line. */
export interface InputProblem {
  origin: string;
  line: number | null;
  message: string;
}

/** The contract form of an Entity (drops internal fields). */
export function toEntity(m: Entity): Entity {
  return {
    text: m.text, start: m.start, end: m.end, name: m.name, type: m.type,
    country: m.country, sector: m.sector, code: m.code,
  };
}

/** The contract form of a Place. */
export function toPlace(p: Place): Place {
  return {
    text: p.text, start: p.start, end: p.end, name: p.name, country: p.country,
    admin1: p.admin1, lat: p.lat, lon: p.lon, geonames_id: p.geonames_id, precision: p.precision,
  };
}

/**
 * What the attribution tagger sees of each token: its words, its place in the
 * dependency parse (relation, head, the chain of clause heads above it), whether
 * it stands inside a quotation, and its neighbours. Features are 32-bit keys
 * (entities/tagger/hash.ts), one list per token; a paragraph is one sequence,
 * so that a quotation running over several sentences is one span.
 */
import type { Span, Sentence, SyntaxLayer, Token } from '../doc/types.js';
import { hashString, mix } from '../entities/tagger/hash.js';
import { treeOf } from '../syntax/tree.js';
import { loadTsv } from '../util/data.js';

/** The labels, in model order: a label's index is its column in the weight rows. */
export const LABELS = ['O', 'B-SOURCE', 'I-SOURCE', 'B-CUE', 'I-CUE', 'B-CONTENT', 'I-CONTENT'] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;
export type Role = 'SOURCE' | 'CUE' | 'CONTENT';

/** Whether label `next` may follow label `prev` (-1: paragraph start): I-X only continues X. */
export function labelAllowedAfter(prev: number, next: number): boolean {
  const t = LABELS[next];
  if (t[0] !== 'I') return true;
  if (prev < 0) return false;
  return LABELS[prev] !== 'O' && LABELS[prev].slice(2) === t.slice(2);
}

/** What the features are read from: a segmented, parsed document. */
export interface TaggingInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  syntax: SyntaxLayer;
}

/** One paragraph's tokens (indices into Doc.tokens, in order) and each token's feature keys. */
export interface Sequence {
  tokens: number[];
  features: Int32Array[];
}

const OPEN_QUOTES = new Set(['“', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);
const STRAIGHT_QUOTES = new Set(['"']);

/**
 * For each token, whether it lies inside a quotation. The state restarts at each paragraph:
 * news opens every paragraph of a long quotation with a new opening mark.
 */
export function quoteState(text: string, tokens: readonly Token[], paragraphs: readonly Span[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  let p = 0;
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (p < paragraphs.length && paragraphs[p].end <= t.start) { p++; open = false; }
    const form = text.slice(t.start, t.end);
    if (OPEN_QUOTES.has(form) || (STRAIGHT_QUOTES.has(form) && !open)) { open = true; inside[i] = 2; continue; }
    if (CLOSE_QUOTES.has(form) || STRAIGHT_QUOTES.has(form)) { inside[i] = 3; open = false; continue; }
    inside[i] = open ? 1 : 0;
  }
  return inside;
}

/** Tokens grouped by paragraph (a token belongs to the paragraph its start lies in). */
export function paragraphRuns(tokens: readonly Token[], paragraphs: readonly Span[]): number[][] {
  const runs: number[][] = [];
  let p = 0;
  let run: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let moved = false;
    while (p < paragraphs.length && paragraphs[p].end <= t.start) { p++; moved = true; }
    if (moved && run.length) { runs.push(run); run = []; }
    run.push(i);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A template's key: its name hashed once, when the module loads. */
const tpl = (name: string): number => hashString(name);
const T = {
  bias: tpl('bias'), w: tpl('w'), lem: tpl('lem'), pos: tpl('pos'),
  wm1: tpl('w-1'), wp1: tpl('w+1'), wm2: tpl('w-2'), wp2: tpl('w+2'),
  wm1w: tpl('w-1w'), wwp1: tpl('ww+1'), pm1p: tpl('p-1p'), ppp1: tpl('pp+1'), pm2pm1p: tpl('p-2p-1p'),
  wm1p: tpl('w-1p'), lempp1: tpl('lem-p+1'), suf3: tpl('suf3'), cap: tpl('cap'),
  quote: tpl('quote'), quotePos: tpl('quote-pos'), quotePrevNext: tpl('quote-prev-next'), edge: tpl('edge'),
  sentQuotes: tpl('sent-quotes'), lemSentQuotes: tpl('lem-sent-quotes'), sentStartsQuote: tpl('sent-starts-quote'), prevSentEnd: tpl('prev-sent-end'),
  unparsed: tpl('unparsed'), rel: tpl('rel'), relLem: tpl('rel-lem'), relPos: tpl('rel-pos'), headLem: tpl('head-lem'),
  relHeadLem: tpl('rel-head-lem'), side: tpl('side'), anc: tpl('anc'), ancSide: tpl('anc-side'), chain: tpl('chain'),
  gov: tpl('gov'), govSide: tpl('gov-side'), frame: tpl('frame'), frameLem: tpl('frame-lem'), kidWord: tpl('kid-word'),
  kidClause: tpl('kid-clause'), quoteKid: tpl('quote-kid'), rootLemSide: tpl('root-lem-side'), rootDominates: tpl('root-dominates'),
  prev: tpl('prev'), lex: tpl('lex'), headLex: tpl('head-lex'), lexAnc: tpl('lex-anc'), lexAncDepth: tpl('lex-anc-depth'),
};
const START = hashString('<s>');
const END = hashString('</s>');
const NO_POS = hashString('-');
const ROOT = hashString('<root>');
const DOC_START = hashString('<doc>');

const key2 = (t: number, a: number, b: number): number => mix(mix(t, a), b);
const key3 = (t: number, a: number, b: number, c: number): number => mix(mix(mix(t, a), b), c);

/** Relations of a token's dependents that `kid-word` names with the dependent's word. */
const KID_WORD_RELS = new Set(['nsubj', 'obj', 'mark', 'aux', 'obl', 'advmod']);
const KID_CLAUSE_RELS = new Set(['ccomp', 'parataxis', 'xcomp']);
/** The clause frame of a token: which of these dependents it has, one bit each. */
const FRAME_BITS: Record<string, number> = { nsubj: 1, ccomp: 2, xcomp: 4, parataxis: 8, obj: 16, mark: 32 };

const MAX_ANCESTORS = 6;

let cueLexicon: Map<number, number> | null = null;
/**
 * The ways of saying and thinking data/attribution-classes.tsv lists, by lemma hash → class hash:
 * a verb of saying the training data rarely shows still reads as one by its class.
 */
function cueClasses(): Map<number, number> {
  if (!cueLexicon) cueLexicon = new Map(loadTsv('attribution-classes.tsv').map((r) => [hashString(r.cue), hashString(r.class)]));
  return cueLexicon;
}
const UPPER_FIRST = /^\p{Lu}/u;

/**
 * Per token, the hashes a feature is mixed from, computed once per document: a feature key is
 * its template's hash mixed with these numbers, never a string built and hashed per use.
 */
interface TokenHashes {
  word: Int32Array;
  lemma: Int32Array;
  pos: Int32Array;
  suffix: Int32Array;
  /** Full and base (no subtype) relation to the head; 0 where unparsed. */
  rel: Int32Array;
  baseRel: Int32Array;
}

function tokenHashes(tokens: readonly Token[], syntax: SyntaxLayer): TokenHashes {
  const n = tokens.length;
  const h: TokenHashes = {
    word: new Int32Array(n), lemma: new Int32Array(n), pos: new Int32Array(n), suffix: new Int32Array(n), rel: new Int32Array(n), baseRel: new Int32Array(n),
  };
  // (a document repeats its words: each distinct string is hashed once)
  const seen = new Map<string, number>();
  const hashOf = (s: string): number => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = hashString(s)));
    return v;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    h.word[i] = hashOf(t.normal);
    h.lemma[i] = hashOf(t.lemma || t.normal);
    h.pos[i] = hashOf(t.pos);
    h.suffix[i] = hashOf(t.normal.slice(-3));
    const d = syntax.deps[i];
    if (d) {
      h.rel[i] = hashOf(d.rel);
      const colon = d.rel.indexOf(':');
      h.baseRel[i] = colon < 0 ? h.rel[i] : hashOf(d.rel.slice(0, colon));
    }
  }
  return h;
}

/** The feature keys of every token, one sequence per paragraph. */
export function tokenFeatures(doc: TaggingInput): Sequence[] {
  const { text, tokens } = doc;
  const n = tokens.length;
  const tree = treeOf(doc.syntax);
  const deps = doc.syntax.deps;
  const quotes = quoteState(text, tokens, doc.paragraphs);
  const sentenceOf = new Int32Array(n).fill(-1);
  for (const s of doc.sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) sentenceOf[i] = s.index;
  const H = tokenHashes(tokens, doc.syntax);
  const word = (i: number) => (i >= 0 && i < n ? H.word[i] : i < 0 ? START : END);
  const pos = (i: number) => (i >= 0 && i < n ? H.pos[i] : NO_POS);
  const roots = doc.sentences.map((s) => findRoot(tree, s));
  // Whether each sentence holds a quotation mark (0/1): quoted speech wants a speaker nearby.
  const sentenceQuotes = doc.sentences.map((s) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (quotes[i] >= 2) return 1;
    return 0;
  });
  // Per token, read once: whether it has a subject (a clause head even when not tagged VERB),
  // the frame of its dependents, and whether a dependent is a quotation mark.
  const hasSubject = new Uint8Array(n);
  const frames = new Int32Array(n);
  const quoteKid = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const d = deps[k];
    if (!d || d.head < 0) continue;
    const colon = d.rel.indexOf(':');
    const base = colon < 0 ? d.rel : d.rel.slice(0, colon);
    if (base === 'nsubj') hasSubject[d.head] = 1;
    frames[d.head] |= FRAME_BITS[base] ?? 0;
    if (quotes[k] >= 2) quoteKid[d.head] = 1;
  }
  const lexicon = cueClasses();
  const lexClass = new Int32Array(n);
  for (let i = 0; i < n; i++) lexClass[i] = lexicon.get(H.lemma[i]) ?? lexicon.get(H.word[i]) ?? 0;
  const sequences: Sequence[] = [];
  const f: number[] = [];
  for (const run of paragraphRuns(tokens, doc.paragraphs)) {
    const features: Int32Array[] = [];
    for (const i of run) {
      const s = sentenceOf[i] >= 0 ? doc.sentences[sentenceOf[i]] : undefined;
      f.length = 0;
      const w = H.word[i];
      const lem = H.lemma[i];
      const p = H.pos[i];
      f.push(T.bias, mix(T.w, w), mix(T.lem, lem), mix(T.pos, p));
      f.push(mix(T.wm1, word(i - 1)), mix(T.wp1, word(i + 1)), mix(T.wm2, word(i - 2)), mix(T.wp2, word(i + 2)));
      f.push(key2(T.wm1w, word(i - 1), w), key2(T.wwp1, w, word(i + 1)));
      f.push(key2(T.pm1p, pos(i - 1), p), key2(T.ppp1, p, pos(i + 1)), key3(T.pm2pm1p, pos(i - 2), pos(i - 1), p));
      f.push(key2(T.wm1p, word(i - 1), p), key2(T.lempp1, lem, pos(i + 1)), mix(T.suf3, H.suffix[i]));
      f.push(mix(T.cap, UPPER_FIRST.test(text.slice(tokens[i].start, tokens[i].start + 1)) ? 1 : 0));
      const q = quotes[i];
      f.push(mix(T.quote, q), key2(T.quotePos, q, p), key3(T.quotePrevNext, i > 0 ? quotes[i - 1] : 9, q, i + 1 < n ? quotes[i + 1] : 9));
      const first = s ? i === s.tokenStart : false;
      const last = s ? i === s.tokenEnd - 1 : false;
      f.push(mix(T.edge, (first ? 1 : 0) | (last ? 2 : 0)));
      if (s) {
        const sq = sentenceQuotes[s.index];
        f.push(mix(T.sentQuotes, sq), key2(T.lemSentQuotes, lem, sq), mix(T.sentStartsQuote, quotes[s.tokenStart]));
        f.push(s.tokenStart > 0 ? key2(T.prevSentEnd, H.word[s.tokenStart - 1], quotes[s.tokenStart - 1]) : mix(T.prevSentEnd, DOC_START));
      }
      const d = deps[i];
      if (!d) {
        f.push(T.unparsed);
      } else {
        const rel = H.rel[i];
        const head = d.head;
        const headLem = head >= 0 ? H.lemma[head] : ROOT;
        f.push(mix(T.rel, rel), key2(T.relLem, rel, lem), key2(T.relPos, rel, p), mix(T.headLem, headLem), key2(T.relHeadLem, rel, headLem));
        f.push(mix(T.side, head < 0 ? 0 : head < i ? 1 : 2));
        // The class of a listed way of saying (data/attribution-classes.tsv), for the token and its
        // head: a verb of saying that training rarely shows still reads as one.
        f.push(mix(T.lex, lexClass[i]), key2(T.headLex, rel, head >= 0 ? lexClass[head] : -1));
        // The chain of heads above the token: "in the ccomp of say", "the nsubj of tell".
        let child = i;
        let a = head;
        let chain = rel;
        let sawVerb = false;
        let sawCue = false;
        for (let depth = 1; a >= 0 && depth <= MAX_ANCESTORS; depth++) {
          const r = H.rel[child];
          const side = child < a ? 1 : 2;
          f.push(key2(T.anc, r, H.lemma[a]), key3(T.ancSide, r, H.lemma[a], side));
          if (depth <= 3) f.push(mix(T.chain, chain));
          if (!sawVerb && (tokens[a].pos === 'VERB' || hasSubject[a])) {
            sawVerb = true;
            f.push(key2(T.gov, r, H.lemma[a]), key3(T.govSide, r, side, H.lemma[a]));
          }
          // The nearest listed way of saying above the token: "the nsubj of a report verb".
          if (!sawCue && lexClass[a] !== 0) {
            sawCue = true;
            f.push(key3(T.lexAnc, r, lexClass[a], side), key3(T.lexAncDepth, r, Math.min(depth, 3), side));
          }
          child = a;
          const up = deps[a];
          if (!up) break;
          chain = mix(chain, H.rel[a]);
          a = up.head;
        }
        // The token's own dependents: a reporting verb has a subject and a clause.
        f.push(mix(T.frame, frames[i]), key2(T.frameLem, frames[i], lem));
        // Who or what the token governs: a cue's subject is a speaker ("he", "spokesman").
        for (const k of tree.children(i)) {
          const dk = deps[k]!;
          const colon = dk.rel.indexOf(':');
          const base = colon < 0 ? dk.rel : dk.rel.slice(0, colon);
          if (KID_WORD_RELS.has(base)) f.push(key2(T.kidWord, H.baseRel[k], H.word[k]));
          if (KID_CLAUSE_RELS.has(base)) f.push(key3(T.kidClause, H.baseRel[k], H.pos[k], k < i ? 1 : 2));
        }
        f.push(mix(T.quoteKid, quoteKid[i]));
        const root = s ? roots[s.index] : -1;
        if (root >= 0) {
          f.push(key2(T.rootLemSide, H.lemma[root], i < root ? 1 : i > root ? 2 : 0));
          f.push(key2(T.rootDominates, tree.dominates(root, i) ? 1 : 0, H.lemma[root]));
        }
      }
      features.push(Int32Array.from(f));
    }
    sequences.push({ tokens: run, features });
  }
  return sequences;
}

function findRoot(tree: ReturnType<typeof treeOf>, s: Sentence): number {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (tree.head(i) === -1) return i;
  return -1;
}

/** Key of the transition feature from label `prev` (-1 at the start). */
export function transitionKey(prev: number): number {
  return mix(T.prev, prev);
}

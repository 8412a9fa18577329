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

const TEMPLATE = new Map<string, number>();
function tpl(name: string): number {
  let h = TEMPLATE.get(name);
  if (h === undefined) TEMPLATE.set(name, (h = hashString(name)));
  return h;
}
function key(name: string, value: string): number {
  return mix(tpl(name), hashString(value));
}

const MAX_ANCESTORS = 6;

/** The feature keys of every token, one sequence per paragraph. */
export function tokenFeatures(doc: TaggingInput): Sequence[] {
  const { text, tokens } = doc;
  const tree = treeOf(doc.syntax);
  const quotes = quoteState(text, tokens, doc.paragraphs);
  const sentenceOf = new Int32Array(tokens.length);
  for (const s of doc.sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) sentenceOf[i] = s.index;
  const lower = tokens.map((t) => t.normal);
  const word = (i: number) => (i >= 0 && i < tokens.length ? lower[i] : i < 0 ? '<s>' : '</s>');
  const pos = (i: number) => (i >= 0 && i < tokens.length ? tokens[i].pos : '-');
  const lemma = (i: number) => tokens[i].lemma || lower[i];
  const roots = doc.sentences.map((s) => findRoot(tree, s));
  // Whether each sentence holds a quotation mark (0/1): quoted speech wants a speaker nearby.
  const sentenceQuotes = doc.sentences.map((s) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (quotes[i] >= 2) return 1;
    return 0;
  });
  const sequences: Sequence[] = [];
  for (const run of paragraphRuns(tokens, doc.paragraphs)) {
    const features: Int32Array[] = [];
    for (const i of run) {
      const s = doc.sentences[sentenceOf[i]];
      const f: number[] = [];
      const add = (name: string, value: string) => f.push(key(name, value));
      const w = lower[i];
      add('bias', '');
      add('w', w);
      add('lem', lemma(i));
      add('pos', pos(i));
      add('w-1', word(i - 1));
      add('w+1', word(i + 1));
      add('w-2', word(i - 2));
      add('w+2', word(i + 2));
      add('w-1w', `${word(i - 1)} ${w}`);
      add('ww+1', `${w} ${word(i + 1)}`);
      add('p-1p', `${pos(i - 1)} ${pos(i)}`);
      add('pp+1', `${pos(i)} ${pos(i + 1)}`);
      add('p-2p-1p', `${pos(i - 2)} ${pos(i - 1)} ${pos(i)}`);
      add('w-1p', `${word(i - 1)} ${pos(i)}`);
      add('lem-p+1', `${lemma(i)} ${pos(i + 1)}`);
      add('suf3', w.slice(-3));
      add('cap', /^\p{Lu}/u.test(text.slice(tokens[i].start, tokens[i].start + 1)) ? 'C' : 'c');
      const q = quotes[i];
      add('quote', String(q));
      add('quote-pos', `${q} ${pos(i)}`);
      add('quote-prev-next', `${i > 0 ? quotes[i - 1] : 9} ${q} ${i + 1 < tokens.length ? quotes[i + 1] : 9}`);
      const first = s ? i === s.tokenStart : false;
      const last = s ? i === s.tokenEnd - 1 : false;
      add('edge', `${first ? 'F' : ''}${last ? 'L' : ''}`);
      if (s) {
        add('sent-quotes', `${sentenceQuotes[s.index]}`);
        add('lem-sent-quotes', `${lemma(i)} ${sentenceQuotes[s.index]}`);
        add('sent-starts-quote', `${quotes[s.tokenStart]}`);
        add('prev-sent-end', s.tokenStart > 0 ? `${lower[s.tokenStart - 1]} ${quotes[s.tokenStart - 1]}` : '<doc>');
      }
      const d = tree.dep(i);
      if (!d) {
        add('unparsed', '');
      } else {
        const rel = d.rel;
        const head = d.head;
        add('rel', rel);
        add('rel-lem', `${rel} ${lemma(i)}`);
        add('rel-pos', `${rel} ${pos(i)}`);
        add('head-lem', head >= 0 ? lemma(head) : '<root>');
        add('rel-head-lem', `${rel} ${head >= 0 ? lemma(head) : '<root>'}`);
        add('side', head < 0 ? 'root' : head < i ? 'R' : 'L');
        // The chain of heads above the token: "in the ccomp of say", "the nsubj of tell".
        let child = i;
        let a = head;
        let chain = rel;
        let sawVerb = false;
        for (let depth = 1; a >= 0 && depth <= MAX_ANCESTORS; depth++) {
          const r = tree.dep(child)!.rel;
          add('anc', `${r} ${lemma(a)}`);
          add('anc-side', `${r} ${lemma(a)} ${child < a ? 'L' : 'R'}`);
          if (depth <= 3) add('chain', chain);
          if (!sawVerb && (tokens[a].pos === 'VERB' || tree.childrenWith(a, 'nsubj', 'nsubj:pass').length > 0)) {
            sawVerb = true;
            add('gov', `${r} ${lemma(a)}`);
            add('gov-side', `${r} ${child < a ? 'L' : 'R'} ${lemma(a)}`);
          }
          child = a;
          const up = tree.dep(a);
          if (!up) break;
          chain = `${chain}<${up.rel}`;
          a = up.head;
        }
        // The token's own dependents: a reporting verb has a subject and a clause.
        const kids = tree.children(i).map((k) => tree.baseRel(k)!);
        const has = (r: string) => kids.includes(r);
        const frame = `${has('nsubj') ? 's' : ''}${has('ccomp') ? 'c' : ''}${has('xcomp') ? 'x' : ''}${has('parataxis') ? 'p' : ''}${has('obj') ? 'o' : ''}${has('mark') ? 'm' : ''}`;
        add('frame', frame);
        add('frame-lem', `${frame} ${lemma(i)}`);
        // Who or what the token governs: a cue's subject is a speaker ("he", "spokesman").
        for (const k of tree.children(i)) {
          const r = tree.baseRel(k)!;
          if (r === 'nsubj' || r === 'obj' || r === 'mark' || r === 'aux' || r === 'obl' || r === 'advmod') add('kid-word', `${r} ${lower[k]}`);
          if (r === 'ccomp' || r === 'parataxis' || r === 'xcomp') add('kid-clause', `${r} ${pos(k)} ${k < i ? 'L' : 'R'}`);
        }
        const quoteKid = tree.children(i).some((k) => quotes[k] >= 2);
        add('quote-kid', quoteKid ? 'Q' : '-');
        const root = s ? roots[s.index] : -1;
        if (root >= 0) {
          add('root-lem-side', `${lemma(root)} ${i < root ? 'L' : i > root ? 'R' : '='}`);
          add('root-dominates', `${tree.dominates(root, i) ? 1 : 0} ${lemma(root)}`);
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
  return key('prev', String(prev));
}

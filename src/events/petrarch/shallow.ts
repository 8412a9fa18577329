/**
 * A shallow stand-in for a Treebank parse when a sentence comes without one:
 * Treebank-style tokens, then one clause — the words before the first verb are
 * the subject, and the rest is a flat verb phrase of verbs, prepositional phrases
 * and noun phrases. Enough for "X verb Y" and "X verb … with Y" sentences; the
 * parse, when the caller has one, is always better.
 */
import type { VerbDictionary } from './dictionaries.js';
import type { ParsedTree, TreeNode } from './tree.js';

export interface TextToken {
  word: string;
  start: number;
  end: number;
}

/** Treebank-style tokens: punctuation apart, "Gondor's" → "Gondor" "'s", "didn't" → "did" "n't". */
export function treebankTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9.\-&']*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]/g)) {
    let word = m[0];
    let start = m.index!;
    // A sentence-final period is its own token; "U.S." keeps its dots.
    if (/^[A-Za-z]{2,}\.$/.test(word) || (/\.$/.test(word) && !/\..*\./.test(word.slice(0, -1)) && word.length > 1 && !/^([A-Za-z]\.)+$/.test(word))) {
      word = word.slice(0, -1);
    }
    const pieces: string[] = [];
    const nt = /^(.+)(n't)$/i.exec(word);
    const poss = /^(.+)('s|')$/i.exec(word);
    if (nt) pieces.push(nt[1], nt[2]);
    else if (poss && !/^[A-Z]\.?'/.test(word)) pieces.push(poss[1], poss[2]);
    else pieces.push(word);
    for (const p of pieces) { out.push({ word: p, start, end: start + p.length }); start += p.length; }
    if (word.length < m[0].length) out.push({ word: m[0].slice(word.length), start: m.index! + word.length, end: m.index! + m[0].length });
  }
  return out;
}

const PREPOSITIONS = new Set(['WITH', 'TO', 'FOR', 'IN', 'ON', 'AT', 'BY', 'FROM', 'AGAINST', 'OF', 'INTO', 'OVER', 'ABOUT', 'TOWARD', 'TOWARDS', 'NEAR', 'BETWEEN', 'DURING', 'AFTER', 'BEFORE', 'SINCE', 'UNTIL', 'UPON', 'THAT', 'WHEN', 'WHILE', 'ALMOST']);
const CONJUNCTIONS = new Set(['AND', 'OR', 'NOR', 'BUT']);
const AUXILIARIES = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', 'HAS', 'HAVE', 'HAD', 'WILL', 'WOULD', 'CAN', 'COULD', 'SHOULD', 'MAY', 'MIGHT', 'MUST', 'DID', 'DOES', 'DO', 'NOT', "N'T", 'WO', 'CA']);
const DETERMINERS = new Set(['THE', 'A', 'AN', 'ITS', 'HIS', 'HER', 'THEIR', 'OUR', 'THIS', 'THAT', 'THESE', 'THOSE']);

function leaf(label: string, word: string, index: number, parent: TreeNode | null): TreeNode {
  return { label, children: [], parent, word, start: index, end: index + 1 };
}

function phrase(label: string, children: TreeNode[]): TreeNode {
  const node: TreeNode = { label, children, parent: null, word: null, start: children[0]?.start ?? 0, end: children[children.length - 1]?.end ?? 0 };
  for (const c of children) c.parent = node;
  return node;
}

/** A flat clause tree over the tokens, with verbs tagged by the verb dictionary. */
export function shallowTree(tokens: TextToken[], verbs: VerbDictionary): ParsedTree {
  const words = tokens.map((t) => t.word.toUpperCase());
  const tags = words.map((w, i) => {
    if (/^[^A-Z0-9]+$/.test(w)) return w === ',' ? ',' : '.';
    if (CONJUNCTIONS.has(w)) return 'CC';
    if (AUXILIARIES.has(w)) return 'VBZ';
    if (PREPOSITIONS.has(w)) return 'IN';
    if (verbs.forms.has(w) && !(i > 0 && DETERMINERS.has(words[i - 1]))) return /ED$|EN$/.test(w) ? 'VBN' : 'VBD';
    return 'NN';
  });
  const leaves = tokens.map((t, i) => leaf(tags[i], t.word, i, null));
  // Noun-phrase chunks: runs of nouns, joined across "and"/"," when nouns follow.
  const chunks: TreeNode[] = [];
  let i = 0;
  while (i < leaves.length) {
    if (tags[i] === 'NN') {
      let j = i;
      while (j + 1 < leaves.length && (tags[j + 1] === 'NN' || ((tags[j + 1] === 'CC' || tags[j + 1] === ',') && tags[j + 2] === 'NN'))) j++;
      chunks.push(phrase('NP', leaves.slice(i, j + 1)));
      i = j + 1;
    } else { chunks.push(leaves[i]); i++; }
  }
  // Prepositional phrases: a preposition and the noun phrase right after it.
  const parts: TreeNode[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    if (c.label === 'IN' && chunks[k + 1]?.label === 'NP') { parts.push(phrase('PP', [c, chunks[k + 1]])); k++; } else parts.push(c);
  }
  const firstVerb = parts.findIndex((p) => p.word !== null && /^VB/.test(p.label) && !AUXILIARIES.has(p.word.toUpperCase()));
  const firstAux = parts.findIndex((p) => p.word !== null && /^VB/.test(p.label));
  const cut = firstAux >= 0 && (firstVerb < 0 || firstAux < firstVerb) ? firstAux : firstVerb;
  let root: TreeNode;
  if (cut <= 0) root = phrase('S', parts.length ? [phrase('VP', parts)] : []);
  else {
    const subject = parts.slice(0, cut);
    const subjectNp = subject.length === 1 && subject[0].label === 'NP' ? subject[0] : phrase('NP', subject);
    root = phrase('S', [subjectNp, phrase('VP', parts.slice(cut))]);
  }
  const top = phrase('ROOT', [root]);
  return { root: top, leaves };
}

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
  for (const m of text.matchAll(/(?:[A-Za-z]\.){2,}|[A-Za-z0-9][A-Za-z0-9.\-&'_]*[A-Za-z0-9]-?|[A-Za-z0-9]-?|[^\sA-Za-z0-9]/g)) {
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

const PREPOSITIONS = new Set(['WITH', 'TO', 'FOR', 'IN', 'ON', 'AT', 'BY', 'FROM', 'AGAINST', 'OF', 'INTO', 'OVER', 'ABOUT', 'TOWARD', 'TOWARDS', 'NEAR', 'BETWEEN', 'DURING', 'AFTER', 'BEFORE', 'SINCE', 'UNTIL', 'UPON', 'THAT', 'WHEN', 'WHILE', 'ALMOST', 'AMONG', 'ALONG', 'WHERE', 'WHICH', 'WHO']);
const CONJUNCTIONS = new Set(['AND', 'OR', 'NOR', 'BUT']);
const MODALS = new Set(['WILL', 'WOULD', 'CAN', 'COULD', 'SHOULD', 'MAY', 'MIGHT', 'MUST', 'WO', 'CA', 'SHALL']);
const AUXILIARIES = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', 'HAS', 'HAVE', 'HAD', 'DID', 'DOES', 'DO', 'AM']);
const NEGATIONS = new Set(['NOT', "N'T", 'NEVER']);
const DETERMINERS = new Set(['THE', 'A', 'AN', 'ITS', 'HIS', 'HER', 'THEIR', 'OUR', 'THIS', 'THESE', 'THOSE', "'S", 'NO', 'EVERY', 'EACH']);
/** Words after which a dictionary verb is an adjective or adverb use ("very close"). */
const DEGREE = new Set(['VERY', 'SO', 'TOO', 'MORE', 'MOST', 'LESS']);

/**
 * Tags for the tokens: punctuation, CC, MD (modals), VBZ (be/have/do), RB
 * (negation), IN (prepositions), VBD/VBN (dictionary verbs not used as nouns),
 * NN (everything else). A dictionary verb is read as a noun after a determiner
 * or a possessive in the same noun run ("a brief private visit"), right after
 * another verb ("promised raids"), after a degree word, and as a gerund after a
 * preposition ("after leaving").
 */
function tagTokens(words: string[], original: string[], verbs: VerbDictionary): string[] {
  const tags: string[] = [];
  const isLexicalVerb = (t: string | undefined) => t === 'VBD' || t === 'VBN';
  words.forEach((w, i) => {
    let tag: string;
    if (/^[^A-Z0-9]+$/.test(w) && w !== "'S") tag = w === ',' ? ',' : /^[.!?;:]$/.test(w) ? '.' : 'SYM';
    else if (CONJUNCTIONS.has(w)) tag = 'CC';
    else if (MODALS.has(w)) tag = 'MD';
    else if (AUXILIARIES.has(w)) tag = 'VBZ';
    else if (NEGATIONS.has(w)) tag = 'RB';
    else if (w === 'TO') tag = 'TO';
    else if (PREPOSITIONS.has(w)) tag = 'IN';
    else if (verbs.forms.has(w)) {
      let noun = isLexicalVerb(tags[i - 1]) || DEGREE.has(words[i - 1] ?? '') || (tags[i - 1] === 'IN' && /ING$/.test(w))
        || DETERMINERS.has(words[i - 1] ?? '');
      // "a brief private visit to …": a determiner a few nouns back, and no object after it.
      const next = words[i + 1];
      const objectFollows = next !== undefined && /^[A-Z0-9]/.test(next) && (next === 'THAT' || (!PREPOSITIONS.has(next) && !CONJUNCTIONS.has(next)));
      // Past forms ("said", "burned") are verbs even after a noun run ("a senior official said").
      const pastForm = /ED$/.test(w) || w === 'SAID' || w === 'TOLD';
      for (let k = i - 2; !noun && !objectFollows && !pastForm && k >= 0 && k >= i - 4; k--) {
        // A name right before the verb is its subject ("Radagast the Brown called").
        if (tags[k + 1] !== 'NN' || /^[A-Z]/.test(original[k + 1])) break;
        if (DETERMINERS.has(words[k]) && words[k] !== "'S") { noun = true; break; }
      }
      tag = noun ? 'NN' : /ED$|EN$/.test(w) ? 'VBN' : 'VBD';
    } else tag = 'NN';
    tags.push(tag);
  });
  return tags;
}

function leaf(label: string, word: string, index: number, parent: TreeNode | null): TreeNode {
  return { label, children: [], parent, word, start: index, end: index + 1 };
}

function phrase(label: string, children: TreeNode[]): TreeNode {
  const node: TreeNode = { label, children, parent: null, word: null, start: children[0]?.start ?? 0, end: children[children.length - 1]?.end ?? 0 };
  for (const c of children) c.parent = node;
  return node;
}

const isVerbPart = (p: TreeNode | undefined): boolean => p !== undefined && p.word !== null && /^(VB|MD)/.test(p.label);

/** A verb phrase over parts: "to" + verb opens an infinitive clause that takes the rest. */
function verbPhrase(parts: TreeNode[]): TreeNode {
  const children: TreeNode[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.label === 'TO' && isVerbPart(parts[k + 1]) && children.some(isVerbPart)) {
      children.push(phrase('S', [phrase('VP', [p, verbPhrase(parts.slice(k + 1))])]));
      break;
    }
    children.push(p);
  }
  return phrase('VP', children);
}

/**
 * A clause over parts: the words before the first verb are its subject; a noun
 * phrase followed by a verb later on opens another clause — inside this one's
 * verb phrase, or beside it when a comma comes first ("…, an official said").
 */
function clause(parts: TreeNode[]): TreeNode[] {
  const first = parts.findIndex(isVerbPart);
  if (first < 0) return parts;
  let next = -1;
  for (let k = first + 1; k + 1 < parts.length; k++) {
    if (parts[k].label === 'NP' && isVerbPart(parts[k + 1]) && /^(,|IN|CC)$/.test(parts[k - 1].label)) { next = k; break; }
  }
  const subject = parts.slice(0, first);
  const head: TreeNode[] = [];
  if (subject.length) head.push(subject.length === 1 && subject[0].label === 'NP' ? subject[0] : phrase('NP', subject));
  if (next < 0) return [...head, verbPhrase(parts.slice(first))];
  const inner = clause(parts.slice(next));
  if (parts[next - 1].label === ',') {
    return [phrase('S', [...head, verbPhrase(parts.slice(first, next))]), phrase('S', inner)];
  }
  const vp = verbPhrase(parts.slice(first, next));
  // The subordinate clause goes into the innermost verb phrase ("to restore … after crowds burned …").
  const chain: TreeNode[] = [vp];
  for (let last = vp.children[vp.children.length - 1]; last && (last.label === 'VP' || last.label === 'S'); last = last.children[last.children.length - 1]) chain.push(last);
  const host = [...chain].reverse().find((n) => n.label === 'VP')!;
  const sub = phrase('S', inner);
  host.children.push(sub);
  sub.parent = host;
  for (const n of chain) n.end = sub.end;
  return [...head, vp];
}

/** "the Gondor of the Prince" + "of Dol Amroth": an of-phrase joins the innermost last noun ("the Prince of Dol Amroth"). */
function attachOf(np: TreeNode, pp: TreeNode): TreeNode {
  const last = np.children[np.children.length - 1];
  const inner = last?.label === 'PP' ? last.children[1] : null;
  if (inner && inner.label === 'NP' && last.children[0].word?.toUpperCase() === 'OF') {
    const joined = attachOf(inner, pp);
    last.children[1] = joined;
    joined.parent = last;
    last.end = joined.end;
    np.end = joined.end;
    return np;
  }
  return phrase('NP', [np, pp]);
}

/** Whether the comma at `k` is inside a list of nouns closed by a conjunction. */
function listAhead(tags: string[], k: number): boolean {
  let j = k;
  while (j < tags.length && (tags[j] === ',' || tags[j] === 'NN')) j++;
  return tags[j] === 'CC' && tags[j + 1] === 'NN' && tags[k + 1] !== undefined && (tags[k + 1] === 'NN' || (tags[k + 1] === 'CC' && tags[k + 2] === 'NN'));
}

/**
 * A noun chunk. A conjunction before a name or a determiner joins conjuncts
 * ("Gondor and the Shire": sub-phrases around a CC); one between common words
 * ("media and government", "awful and evil") stays inside one phrase, tagged
 * CC-IN so that only agent lists split on it.
 */
function nounPhrase(run: TreeNode[], tokens: TextToken[]): TreeNode {
  // In a list with commas every conjunction and comma splits ("Evil Mordor, the awful Fornost, and good Gondor").
  const list = run.some((l) => l.label === ',');
  const splits = run.map((l, k) => l.label === 'CC' && k + 1 < run.length && (list || /^[A-Z]/.test(tokens[run[k + 1].start].word) || DETERMINERS.has(tokens[run[k + 1].start].word.toUpperCase())));
  if (!splits.some(Boolean)) {
    for (const l of run) if (l.label === 'CC') l.label = 'CC-IN';
    return phrase('NP', run);
  }
  const children: TreeNode[] = [];
  let group: TreeNode[] = [];
  const flush = () => { if (group.length) children.push(phrase('NP', group)); group = []; };
  run.forEach((l, k) => {
    if (splits[k] || (l.label === ',' && splits.some((x, m) => x && m > k))) { flush(); children.push(l); return; }
    if (l.label === 'CC') l.label = 'CC-IN';
    group.push(l);
  });
  flush();
  return phrase('NP', children);
}

/** A clause tree over the tokens, with verbs tagged by the verb dictionary. */
export function shallowTree(tokens: TextToken[], verbs: VerbDictionary): ParsedTree {
  const words = tokens.map((t) => t.word.toUpperCase());
  const tags = tagTokens(words, tokens.map((t) => t.word), verbs);
  const leaves = tokens.map((t, i) => leaf(tags[i], t.word, i, null));
  const nounish = (k: number) => tags[k] === 'NN';
  // Noun-phrase chunks: runs of nouns, joined across "and", "," and ", and" when nouns follow.
  const chunks: TreeNode[] = [];
  let i = 0;
  while (i < leaves.length) {
    if (nounish(i)) {
      let j = i;
      for (;;) {
        if (j + 1 < leaves.length && nounish(j + 1)) { j++; continue; }
        if (tags[j + 1] === 'CC' && nounish(j + 2)) { j += 2; continue; }
        // Commas join nouns only in a list that ends with "and"/"or" ("A, B and C").
        if (tags[j + 1] === ',' && listAhead(tags, j + 1)) { j += tags[j + 2] === 'CC' ? 3 : 2; continue; }
        break;
      }
      chunks.push(nounPhrase(leaves.slice(i, j + 1), tokens));
      i = j + 1;
    } else { chunks.push(leaves[i]); i++; }
  }
  // "of" phrases belong to the noun before them ("the Prince of X"); other prepositions head PPs.
  const parts: TreeNode[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    // A noun phrase followed by a verb is a subject ("after crowds burned"), not a preposition's object.
    if ((c.label === 'IN' || c.label === 'TO') && chunks[k + 1]?.label === 'NP' && (!isVerbPart(chunks[k + 2]) || c.word?.toUpperCase() === 'OF')) {
      const pp = phrase('PP', [c, chunks[k + 1]]);
      const prev = parts[parts.length - 1];
      const prevNp = prev?.label === 'NP' ? prev : prev?.label === 'PP' && prev.children[1]?.label === 'NP' ? prev.children[1] : null;
      if (c.word?.toUpperCase() === 'OF' && prevNp) {
        const lastConjunct = prevNp.children[prevNp.children.length - 1];
        if (prevNp.children.some((x) => x.label === 'CC') && lastConjunct.label === 'NP') {
          // "Ithilen and the government of Gondor": the of-phrase belongs to the last conjunct.
          const np = phrase('NP', [lastConjunct, pp]);
          prevNp.children[prevNp.children.length - 1] = np;
          np.parent = prevNp;
          prevNp.end = np.end;
          if (prev !== prevNp) prev.end = np.end;
        } else {
          const np = attachOf(prevNp, pp);
          parts[parts.length - 1] = prev === prevNp ? np : phrase('PP', [prev.children[0], np]);
        }
      } else parts.push(pp);
      k++;
    } else parts.push(c);
  }
  const root = phrase('S', clause(parts));
  return { root: phrase('ROOT', [root]), leaves };
}


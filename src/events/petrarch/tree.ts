/**
 * A small Penn Treebank reader: "(ROOT (S (NP (NNP Arnor)) (VP …)))" into nodes
 * whose leaves are numbered in sentence order. PETRARCH relies on the phrase
 * structure (S, NP, VP, PP, SBAR) to find who acted on whom.
 */

export interface TreeNode {
  /** Phrase label ("NP", "VP") or, for a leaf, its part-of-speech tag ("NNP"). */
  label: string;
  children: TreeNode[];
  parent: TreeNode | null;
  /** The word, for leaves; null for phrases. */
  word: string | null;
  /** Index of the first leaf under this node, and one past the last. */
  start: number;
  end: number;
}

export interface ParsedTree {
  root: TreeNode;
  /** Leaves in sentence order. */
  leaves: TreeNode[];
}

export class TreeParseError extends Error {}

/** Read one bracketed parse. Throws TreeParseError on unbalanced or empty input. */
export function parseTree(text: string): ParsedTree {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const leaves: TreeNode[] = [];
  const readNode = (parent: TreeNode | null): TreeNode => {
    if (tokens[i] !== '(') throw new TreeParseError(`expected "(" at token ${i}`);
    i++;
    let label = '';
    if (tokens[i] !== '(' && tokens[i] !== ')') label = tokens[i++];
    const node: TreeNode = { label, children: [], parent, word: null, start: leaves.length, end: leaves.length };
    while (i < tokens.length && tokens[i] !== ')') {
      if (tokens[i] === '(') node.children.push(readNode(node));
      else {
        // A bare word: this node is a leaf (TAG word).
        if (node.word !== null || node.children.length) throw new TreeParseError(`unexpected word "${tokens[i]}"`);
        node.word = tokens[i++];
        leaves.push(node);
      }
    }
    if (tokens[i] !== ')') throw new TreeParseError('unbalanced parentheses: missing ")"');
    i++;
    node.end = leaves.length;
    return node;
  };
  if (tokens.length === 0) throw new TreeParseError('empty parse');
  const root = readNode(null);
  if (i !== tokens.length) throw new TreeParseError('unbalanced parentheses: text after the tree');
  if (leaves.length === 0) throw new TreeParseError('parse without words');
  return { root, leaves };
}

export const isPhrase = (n: TreeNode): boolean => n.word === null;
export const isVerbTag = (label: string): boolean => /^VB/.test(label);
export const isNounPhrase = (n: TreeNode): boolean => n.word === null && /^NP/.test(n.label);
export const isClause = (n: TreeNode): boolean => /^(S|SINV|SQ|SBARQ)$/.test(n.label);

/** Leaves under a node, in order. */
export function leavesOf(n: TreeNode): TreeNode[] {
  if (n.word !== null) return [n];
  return n.children.flatMap(leavesOf);
}

/** Nodes under (and including) a node in pre-order. */
export function* preorder(n: TreeNode): Generator<TreeNode> {
  yield n;
  for (const c of n.children) yield* preorder(c);
}

/**
 * CoNLL-U dependency parses (as UniversalPetrarch's files carry them) turned into
 * the phrase shapes the coder reads: a noun and its dependents make an NP (a PP
 * when it has a preposition), a verb with a subject makes S(NP VP), coordinated
 * nouns and verbs keep their conjunctions, clauses under a noun stay apart
 * (SBAR) so they do not lend the noun their words.
 */
import { TreeParseError, type ParsedTree, type TreeNode } from './tree.js';

interface Token {
  id: number;
  form: string;
  upos: string;
  xpos: string;
  head: number;
  deprel: string;
}

/** Whether a parse looks like CoNLL-U: lines of ten tab-separated fields. */
export function looksLikeConllu(parse: string): boolean {
  const lines = parse.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  return lines.length > 0 && lines.every((l) => l.split('\t').length >= 8);
}

function readTokens(parse: string): Token[] {
  const out: Token[] = [];
  for (const line of parse.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (!/^\d+$/.test(f[0])) continue; // multi-word ranges and empty nodes
    const head = Number(f[6]);
    if (f.length < 8 || Number.isNaN(head)) throw new TreeParseError(`bad CoNLL-U line "${line}"`);
    out.push({ id: Number(f[0]), form: f[1], upos: f[3], xpos: f[4] && f[4] !== '_' ? f[4] : f[3], head, deprel: f[7].split(':')[0] });
  }
  if (!out.length) throw new TreeParseError('empty CoNLL-U parse');
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'X', 'SYM']);
const SUBJECT = new Set(['nsubj', 'csubj', 'expl']);
const CLAUSAL = new Set(['acl', 'ccomp', 'xcomp', 'advcl', 'parataxis', 'csubj']);

function phrase(label: string, children: TreeNode[]): TreeNode {
  const sorted = [...children].sort((a, b) => a.start - b.start);
  const node: TreeNode = { label, children: sorted, parent: null, word: null, start: sorted[0]?.start ?? 0, end: Math.max(...sorted.map((c) => c.end)) };
  for (const c of sorted) c.parent = node;
  return node;
}

/** Phrase tree for a CoNLL-U parse. Throws TreeParseError when it cannot be read. */
export function conlluTree(parse: string): ParsedTree {
  const tokens = readTokens(parse);
  const leaves: TreeNode[] = tokens.map((t, i) => ({ label: t.xpos, children: [], parent: null, word: t.form, start: i, end: i + 1 }));
  const index = new Map(tokens.map((t, i) => [t.id, i]));
  const deps = new Map<number, Token[]>();
  for (const t of tokens) { const l = deps.get(t.head) ?? []; l.push(t); deps.set(t.head, l); }
  const seen = new Set<number>();

  const build = (t: Token): TreeNode => {
    if (seen.has(t.id)) throw new TreeParseError('cycle in the dependency parse');
    seen.add(t.id);
    const leaf = leaves[index.get(t.id)!];
    const kids = deps.get(t.id) ?? [];
    const conjs = kids.filter((k) => k.deprel === 'conj');
    const cases = kids.filter((k) => k.deprel === 'case');
    const subjects = kids.filter((k) => SUBJECT.has(k.deprel));
    const nominal = NOMINAL.has(t.upos) && !subjects.length;
    const rest = kids.filter((k) => k.deprel !== 'conj' && !(nominal && k.deprel === 'case') && !(!nominal && SUBJECT.has(k.deprel)));
    const restNodes = rest.map((k) => {
      const n = build(k);
      // A clause under a noun describes it; keep its words out of the noun's own.
      return nominal && CLAUSAL.has(k.deprel) ? phrase('SBAR', [n]) : n;
    });
    let core: TreeNode = nominal
      ? phrase('NP', [leaf, ...restNodes])
      : restNodes.length || !/^VB/.test(leaf.label) ? phrase(/^VB|MD/.test(leaf.label) || t.upos === 'VERB' ? 'VP' : `${t.upos}P`, [leaf, ...restNodes]) : phrase('VP', [leaf]);
    if (conjs.length) {
      // Conjuncts carry their own "and"/"or" in UD; lift it out to sit between them.
      const parts: TreeNode[] = [core];
      for (const c of conjs) {
        const cc = (deps.get(c.id) ?? []).filter((d) => d.deprel === 'cc' || (d.deprel === 'punct' && d.form === ','));
        for (const d of cc) { seen.add(d.id); const l = leaves[index.get(d.id)!]; l.label = d.deprel === 'cc' ? 'CC' : ','; parts.push(l); }
        deps.set(c.id, (deps.get(c.id) ?? []).filter((d) => !cc.includes(d)));
        parts.push(build(c));
      }
      core = phrase(core.label, parts);
    }
    if (!nominal && subjects.length) {
      core = phrase('S', [...subjects.map((s) => wrapNp(build(s))), core]);
    } else if (!nominal && (t.deprel === 'xcomp' || t.deprel === 'ccomp' || t.deprel === 'advcl')) {
      core = phrase('S', [core]);
    }
    if (nominal && cases.length) core = phrase('PP', [...cases.map((c) => { seen.add(c.id); const l = leaves[index.get(c.id)!]; return l; }), core]);
    return core;
  };
  const roots = tokens.filter((t) => t.head === 0);
  if (!roots.length) throw new TreeParseError('no root in the dependency parse');
  const top = phrase('ROOT', roots.map((r) => {
    const n = build(r);
    return n.label === 'S' ? n : phrase('S', [n]);
  }));
  return { root: top, leaves };
}

function wrapNp(n: TreeNode): TreeNode {
  return n.label === 'NP' ? n : phrase('NP', [n]);
}

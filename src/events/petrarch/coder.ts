/**
 * Coding one sentence with PETRARCH dictionaries, PETRARCH style: find the
 * dictionary verbs in the parse, match each verb's patterns against the words
 * before and after it, take the source from the verb's subject (or a `$` in the
 * pattern) and the target from the first coded noun phrase after the verb (or a
 * `+`), and code each noun phrase from the actor and agent dictionaries.
 */
import { codesOnDate, type ActorEntry, type AgentEntry, type DiscardEntry, type EventCode, type PatternElement, type VerbDictionary, type VerbForm, type VerbPattern } from './dictionaries.js';
import type { PhraseTrie } from './trie.js';
import { isClause, isNounPhrase, isVerbTag, leavesOf, preorder, type ParsedTree, type TreeNode } from './tree.js';

export interface CodingDictionaries {
  verbs: VerbDictionary;
  actors: PhraseTrie<ActorEntry>;
  agents: PhraseTrie<AgentEntry>;
  discards: DiscardEntry[];
}

/** One coded actor inside a noun phrase. */
export interface NounCode {
  code: string;
  /** Leaf range of the words that gave the code (actor name, or the agent when alone). */
  start: number;
  end: number;
}

/** One (source, target, code) found in a sentence, with where it came from. */
export interface RawEvent {
  source: NounCode;
  target: NounCode;
  code: string;
  /** Leaf range of the verb (with its particles). */
  verbStart: number;
  verbEnd: number;
  negated: boolean;
  /** The pattern that decided the code, or null for the verb's default. */
  pattern: VerbPattern | null;
  form: VerbForm;
}

const BE = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', "'S", 'AM']);
const NEGATION = new Set(['NOT', "N'T", 'NEVER']);
/** Phrases whose words do not describe the noun phrase's own actor. */
const CLAUSE_LABELS = /^(SBAR|S|SINV|SQ|VP|RRC|PRN|FRAG)$/;

/** Upper-case words of the leaves, as dictionary words are written. */
export function leafWords(tree: ParsedTree): string[] {
  return tree.leaves.map((l) => (l.word ?? '').toUpperCase());
}

/** Whether a discard phrase occurs in the sentence (story or sentence discards alike drop the sentence). */
export function discarded(words: string[], discards: DiscardEntry[]): DiscardEntry | null {
  for (const d of discards) {
    for (let i = 0; i + d.words.length <= words.length; i++) {
      if (d.words.every((w, j) => words[i + j] === w)) return d;
    }
  }
  return null;
}

// ------------------------------------------------------------ noun phrases

interface Found {
  kind: 'actor' | 'agent';
  start: number;
  end: number;
  codes: string[];
  agent?: AgentEntry;
}

/** Actor and agent phrases in a run of leaves: at each position the longest match, actors winning ties. */
function scan(leaves: TreeNode[], words: string[], dicts: CodingDictionaries, date: string | null): Found[] {
  const seq = leaves.map((l) => words[l.start]);
  const out: Found[] = [];
  for (let i = 0; i < seq.length;) {
    const actor = dicts.actors.longestAt(seq, i);
    const agent = dicts.agents.longestAt(seq, i);
    if (actor && (!agent || actor.length >= agent.length)) {
      const codes = codesOnDate(actor.values[0].codes, date);
      if (codes.length) out.push({ kind: 'actor', start: leaves[i].start, end: leaves[i + actor.length - 1].start + 1, codes });
      i += actor.length;
    } else if (agent) {
      const entry = agent.values[0];
      out.push({ kind: 'agent', start: leaves[i].start, end: leaves[i + agent.length - 1].start + 1, codes: [entry.code], agent: entry });
      i += agent.length;
    } else i++;
  }
  return out;
}

/** Leaves of a noun phrase that speak of its own referent (no clauses inside). */
function ownLeaves(n: TreeNode): TreeNode[] {
  if (n.word !== null) return [n];
  return n.children.filter((c) => c.word !== null || !CLAUSE_LABELS.test(c.label)).flatMap(ownLeaves);
}

/** Put an actor code and agent codes together: prefixes (`NGO~`), the actor, suffixes (`~GOV`). */
export function combineCodes(actor: string, agents: AgentEntry[]): string {
  let code = actor;
  for (const a of agents) {
    if (code.includes(a.code) && code !== '---') continue;
    code = a.prefix ? `${a.code}${code}` : `${code}${a.code}`;
  }
  return code;
}

function codesOfGroup(leaves: TreeNode[], words: string[], dicts: CodingDictionaries, date: string | null): { actors: Found[]; agents: AgentEntry[] } {
  const found = scan(leaves, words, dicts, date);
  return { actors: found.filter((f) => f.kind === 'actor'), agents: found.filter((f) => f.kind === 'agent').map((f) => f.agent!) };
}

/** Conjunct groups of a coordinated phrase (split at CC, commas and colons), or null when not coordinated. */
function conjuncts(n: TreeNode): TreeNode[][] | null {
  if (!n.children.some((c) => c.label === 'CC')) return null;
  const groups: TreeNode[][] = [[]];
  for (const c of n.children) {
    if (c.label === 'CC' || c.label === ',' || c.label === ':') { if (groups[groups.length - 1].length) groups.push([]); continue; }
    groups[groups.length - 1].push(c);
  }
  const kept = groups.filter((g) => g.length);
  return kept.length >= 2 ? kept : null;
}

/**
 * The codes of a noun phrase: one per actor of a coordination ("Gondor and
 * Arnor"), else the first actor with the phrase's agents ("Arnor cleric" →
 * ARNREL), else `---` with the agents ("officials" → ---GOV), else none.
 */
export function nounPhraseCodes(n: TreeNode, words: string[], dicts: CodingDictionaries, date: string | null): NounCode[] {
  const groups = conjuncts(n);
  if (groups) {
    const coded = groups.map((g) => codesOfGroup(g.flatMap(ownLeaves), words, dicts, date));
    const withActor = coded.filter((c) => c.actors.length);
    if (withActor.length >= 2) {
      return coded.flatMap((c, i) => (c.actors.length ? nounPhraseFromGroup(groups[i], c, words, dicts, date) : []));
    }
    if (withActor.length === 1) {
      // One actor, several agent groups: "Danish media and government" → DNKMED, DNKGOV.
      const actor = withActor[0].actors[0];
      const agentGroups = coded.filter((c) => c.agents.length);
      if (agentGroups.length >= 2) {
        return agentGroups.flatMap((c) => actor.codes.map((a) => ({ code: combineCodes(a, c.agents), start: actor.start, end: actor.end })));
      }
    }
  }
  const leaves = ownLeaves(n);
  const c = codesOfGroup(leaves, words, dicts, date);
  if (c.actors.length) {
    const first = c.actors[0];
    // An actor inside a coordination deeper down ("lawmakers in Fornost and Gondor").
    const inner = innerCoordination(n, first.start);
    if (inner && inner !== n) {
      const innerCodes = nounPhraseCodes(inner, words, dicts, date);
      if (innerCodes.length >= 2) {
        const innerLeaves = new Set(leavesOf(inner).map((l) => l.start));
        const outerAgents = codesOfGroup(leaves.filter((l) => !innerLeaves.has(l.start)), words, dicts, date).agents;
        return innerCodes.map((ic) => ({ ...ic, code: combineCodes(ic.code, outerAgents) }));
      }
    }
    return first.codes.map((a) => ({ code: combineCodes(a, c.agents), start: first.start, end: first.end }));
  }
  if (c.agents.length) {
    const leafAt = leaves.find((l) => scan([l], words, dicts, date).length) ?? leaves[0];
    return [{ code: combineCodes('---', c.agents), start: leafAt.start, end: leafAt.start + 1 }];
  }
  return [];
}

function nounPhraseFromGroup(group: TreeNode[], c: { actors: Found[]; agents: AgentEntry[] }, words: string[], dicts: CodingDictionaries, date: string | null): NounCode[] {
  if (group.length === 1 && isNounPhrase(group[0])) {
    const codes = nounPhraseCodes(group[0], words, dicts, date);
    if (codes.length) return codes;
  }
  const first = c.actors[0];
  return first.codes.map((a) => ({ code: combineCodes(a, c.agents), start: first.start, end: first.end }));
}

/** The lowest coordinated noun phrase under `n` that holds the leaf `at`. */
function innerCoordination(n: TreeNode, at: number): TreeNode | null {
  let best: TreeNode | null = null;
  for (const d of preorder(n)) {
    if (d.word !== null || d === n || CLAUSE_LABELS.test(d.label)) continue;
    if (isNounPhrase(d) && d.start <= at && at < d.end && conjuncts(d)) best = d;
  }
  return best;
}

// ------------------------------------------------------------ pattern matching

interface Binding {
  kind: 'source' | 'target' | 'skip' | 'compound';
  np: TreeNode;
}

interface MatchContext {
  words: string[];
  /** Largest noun phrase starting / ending at each leaf. */
  npStarting: Map<number, TreeNode>;
  npEnding: Map<number, TreeNode>;
  synsets: VerbDictionary['synsets'];
  /** Bounds of the searchable leaves (inclusive lower, exclusive upper). */
  lo: number;
  hi: number;
}

/**
 * Match elements against the words from `pos` onward (dir +1) or backward (dir -1).
 * `mayGap`: whether words may be skipped before the first element.
 */
function matchElements(els: PatternElement[], pos: number, dir: 1 | -1, mayGap: boolean, ctx: MatchContext, binds: Binding[], depth = 0): boolean {
  if (els.length === 0) return true;
  if (depth > 40) return false;
  const idx = dir === 1 ? 0 : els.length - 1;
  const el = els[idx];
  const rest = dir === 1 ? els.slice(1) : els.slice(0, -1);
  // Words may be skipped after this element unless it is joined to its neighbour in text order.
  const gapAfter = (e: PatternElement, restEls: PatternElement[]) => (dir === 1 ? !e.joined : !(restEls.length ? restEls[restEls.length - 1].joined : false));
  if (el.kind === 'synset') {
    const members = ctx.synsets.get(el.name);
    if (!members) return false;
    for (const m of members) {
      const member = m.map((x, i) => (i === m.length - 1 ? { ...x, joined: el.joined } : x));
      const spliced = dir === 1 ? [...member, ...rest] : [...rest, ...member];
      if (matchElements(spliced, pos, dir, mayGap, ctx, binds, depth + 1)) return true;
    }
    return false;
  }
  for (let p = pos; p >= ctx.lo && p < ctx.hi; p += dir) {
    if (el.kind === 'word') {
      if (ctx.words[p] === el.word) {
        const mark = binds.length;
        if (matchElements(rest, p + dir, dir, gapAfter(el, rest), ctx, binds, depth + 1)) return true;
        binds.length = mark;
      }
    } else {
      const np = dir === 1 ? ctx.npStarting.get(p) : ctx.npEnding.get(p);
      if (np) {
        const next = dir === 1 ? np.end : np.start - 1;
        const mark = binds.length;
        binds.push({ kind: el.kind, np });
        if (matchElements(rest, next, dir, gapAfter(el, rest), ctx, binds, depth + 1)) return true;
        binds.length = mark;
      }
    }
    if (!mayGap) break;
  }
  return false;
}

function matchPattern(pattern: VerbPattern, verbStart: number, verbEnd: number, ctx: MatchContext): Binding[] | null {
  const binds: Binding[] = [];
  const upperGap = pattern.upper.length ? !pattern.upper[pattern.upper.length - 1].joined : true;
  if (!matchElements(pattern.upper, verbStart - 1, -1, upperGap, { ...ctx, lo: 0 }, binds)) return null;
  if (!matchElements(pattern.lower, verbEnd, 1, !pattern.starJoined, ctx, binds)) return null;
  return binds;
}

// ------------------------------------------------------------ verbs and clauses

interface VerbHit {
  form: VerbForm;
  leaf: TreeNode;
  start: number;
  end: number;
}

/** Dictionary verbs of the sentence, longest multi-word form first at each place. */
export function findVerbs(tree: ParsedTree, words: string[], verbs: VerbDictionary): VerbHit[] {
  const hits: VerbHit[] = [];
  let coveredUntil = 0;
  for (let i = 0; i < words.length; i++) {
    const forms = verbs.forms.get(words[i]);
    if (!forms) continue;
    let best: VerbHit | null = null;
    for (const f of forms) {
      const start = i - f.before.length;
      const end = i + 1 + f.after.length;
      if (start < coveredUntil || end > words.length) continue;
      if (!f.before.every((w, j) => words[start + j] === w) || !f.after.every((w, j) => words[i + 1 + j] === w)) continue;
      const span = tree.leaves.slice(start, end);
      if (!span.some((l) => isVerbTag(l.label))) continue;
      if (f.before.length + f.after.length === 0 && !isVerbTag(tree.leaves[i].label)) continue;
      if (!best || end - start > best.end - best.start) {
        best = { form: f, leaf: span.find((l) => isVerbTag(l.label)) ?? tree.leaves[i], start, end };
      }
    }
    if (best) { hits.push(best); coveredUntil = best.end; }
  }
  return hits;
}

/**
 * Subjects for a verb, nearest first: the noun phrase before the verb's VP in
 * its clause, then (when a pattern has used that one) the subjects of the
 * clauses above. The first step climbs only through VPs and complement clauses,
 * so a verb inside a noun phrase or a participle adjunct has no subject.
 */
function subjectsOf(leaf: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  let node: TreeNode = leaf;
  let strict = true;
  while (node.parent) {
    const p: TreeNode = node.parent;
    if (strict && isNounPhrase(p)) return out;
    if (isClause(p)) {
      const at = p.children.indexOf(node);
      const subj = p.children.slice(0, at).reverse().find(isNounPhrase);
      if (subj) { out.push(subj); strict = false; }
      else if (strict && !(p.parent && (p.parent.label === 'VP' || p.parent.label === 'ROOT' || p.parent.label === '' || (isClause(p.parent) && p.parent.children.some((c) => c.label === 'CC'))))) return out;
    } else if (strict && !/^(VP|ROOT|)$/.test(p.label) && p.label !== 'SBAR') {
      if (p.label !== 'ADVP' && p.label !== 'ADJP') return out;
    }
    node = p;
  }
  return out;
}

/** Whether the verb is a passive participle: VBN with a form of "be" before it in its verb chain. */
function isPassive(hit: VerbHit): boolean {
  if (hit.leaf.label !== 'VBN') return false;
  let vp: TreeNode | null = hit.leaf.parent;
  let child: TreeNode = hit.leaf;
  while (vp && vp.label === 'VP') {
    const before = vp.children.slice(0, vp.children.indexOf(child));
    if (before.some((c) => c.word !== null && BE.has(c.word.toUpperCase()))) return true;
    child = vp;
    vp = vp.parent;
  }
  return false;
}

/** The agent of a passive: the noun phrase of a "by" phrase in the verb's VP. */
function passiveAgent(hit: VerbHit): TreeNode | null {
  const vp = hit.leaf.parent;
  if (!vp) return null;
  for (const c of vp.children.slice(vp.children.indexOf(hit.leaf) + 1)) {
    if (c.label === 'PP' && c.children[0]?.word?.toUpperCase() === 'BY') return c.children.find(isNounPhrase) ?? null;
  }
  return null;
}

function negatedVerb(hit: VerbHit, words: string[]): boolean {
  let vp: TreeNode | null = hit.leaf.parent;
  let child: TreeNode = hit.leaf;
  while (vp && (vp.label === 'VP')) {
    for (const c of vp.children.slice(0, vp.children.indexOf(child))) {
      if (leavesOf(c).some((l) => NEGATION.has(words[l.start]))) return true;
    }
    child = vp;
    vp = vp.parent;
  }
  return false;
}

/** Noun phrases after the verb inside its VP, outermost first, in text order. */
function phrasesAfter(hit: VerbHit): TreeNode[] {
  const vp = hit.leaf.parent;
  if (!vp) return [];
  const out: TreeNode[] = [];
  for (const c of vp.children) {
    if (c.start < hit.end) continue;
    for (const d of preorder(c)) if (isNounPhrase(d)) out.push(d);
  }
  return out;
}

function npIndex(tree: ParsedTree): { starting: Map<number, TreeNode>; ending: Map<number, TreeNode> } {
  const starting = new Map<number, TreeNode>();
  const ending = new Map<number, TreeNode>();
  for (const n of preorder(tree.root)) {
    if (!isNounPhrase(n) || n.end <= n.start) continue;
    const s = starting.get(n.start);
    if (!s || n.end - n.start > s.end - s.start) starting.set(n.start, n);
    const e = ending.get(n.end - 1);
    if (!e || n.end - n.start > e.end - e.start) ending.set(n.end - 1, n);
  }
  return { starting, ending };
}

const within = (inner: TreeNode, outer: TreeNode) => inner.start >= outer.start && inner.end <= outer.end;

/** Every event the dictionaries find in one parsed sentence. */
export function codeTree(tree: ParsedTree, dicts: CodingDictionaries, date: string | null): RawEvent[] {
  const words = leafWords(tree);
  if (discarded(words, dicts.discards)) return [];
  const { starting, ending } = npIndex(tree);
  const events: RawEvent[] = [];
  const codesOf = (np: TreeNode) => nounPhraseCodes(np, words, dicts, date);
  for (const hit of findVerbs(tree, words, dicts.verbs)) {
    const vp = hit.leaf.parent;
    const ctx: MatchContext = {
      words, npStarting: starting, npEnding: ending, synsets: dicts.verbs.synsets, lo: 0,
      hi: vp ? Math.max(vp.end, hit.end) : words.length,
    };
    let pattern: VerbPattern | null = null;
    let binds: Binding[] = [];
    for (const p of hit.form.block.patterns) {
      const b = matchPattern(p, hit.start, hit.end, ctx);
      if (b) { pattern = p; binds = b; break; }
    }
    const code: EventCode = pattern ? pattern.code : hit.form.code;
    if (code.code === null && code.back === null) continue;
    const used = binds.map((b) => b.np);
    const isUsed = (np: TreeNode) => used.some((u) => u === np || within(np, u));
    const negated = negatedVerb(hit, words);
    const bound = (kind: Binding['kind']) => binds.find((b) => b.kind === kind)?.np ?? null;

    const compound = bound('compound');
    const emit = (sources: NounCode[], targets: NounCode[]) => {
      for (const s of sources) for (const t of targets) {
        if (s.code === t.code) continue;
        if (code.code) events.push({ source: s, target: t, code: code.code, verbStart: hit.start, verbEnd: hit.end, negated, pattern, form: hit.form });
        if (code.back) events.push({ source: t, target: s, code: code.back, verbStart: hit.start, verbEnd: hit.end, negated, pattern, form: hit.form });
      }
    };
    if (compound && compound.end <= hit.start) {
      // `%` before the verb: the members of the compound act on one another.
      const members = codesOf(compound);
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) emit([members[i]], [members[j]]);
      continue;
    }

    const passive = isPassive(hit);
    const byAgent = passive ? passiveAgent(hit) : null;
    let sourceNp = bound('source');
    let targetNp = bound('target') ?? compound;
    const subjects = subjectsOf(hit.leaf).filter((s) => !isUsed(s));
    let sources: NounCode[] = [];
    let targets: NounCode[] = [];
    if (!sourceNp && byAgent && !isUsed(byAgent)) {
      sourceNp = byAgent;
      if (!targetNp && subjects.length) targetNp = subjects[0];
    }
    if (sourceNp) sources = codesOf(sourceNp);
    else for (const s of subjects) { sources = codesOf(s); if (sources.length || true) break; }
    if (targetNp) targets = codesOf(targetNp);
    else {
      for (const np of phrasesAfter(hit)) {
        if (isUsed(np) || (byAgent && within(np, byAgent)) || (sourceNp && within(np, sourceNp))) continue;
        const c = codesOf(np);
        if (c.length) { targets = c; break; }
      }
    }
    emit(sources, targets);
  }
  return events;
}

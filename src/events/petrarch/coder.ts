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
  // A leaf written with underscores ("Dol_Amroth") is several dictionary words.
  const seq: string[] = [];
  const leafOf: TreeNode[] = [];
  for (const l of leaves) for (const w of words[l.start].split('_').filter(Boolean)) { seq.push(w); leafOf.push(l); }
  const out: Found[] = [];
  for (let i = 0; i < seq.length;) {
    const actor = dicts.actors.longestAt(seq, i);
    const agent = dicts.agents.longestAt(seq, i);
    if (actor && (!agent || actor.length >= agent.length)) {
      const codes = codesOnDate(actor.values[0].codes, date);
      if (codes.length) out.push({ kind: 'actor', start: leafOf[i].start, end: leafOf[i + actor.length - 1].start + 1, codes });
      i += actor.length;
    } else if (agent) {
      const entry = agent.values[0];
      out.push({ kind: 'agent', start: leafOf[i].start, end: leafOf[i + agent.length - 1].start + 1, codes: [entry.code], agent: entry });
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
    // "USAGOV" with a "~GOV" agent stays USAGOV.
    if (code !== '---' && (a.prefix ? code.startsWith(a.code) : code.endsWith(a.code))) continue;
    code = a.prefix ? `${a.code}${code}` : `${code}${a.code}`;
  }
  return code;
}

function codesOfGroup(leaves: TreeNode[], words: string[], dicts: CodingDictionaries, date: string | null): { actors: Found[]; agents: AgentEntry[]; agentGroups: AgentEntry[][] } {
  const found = scan(leaves, words, dicts, date);
  const agentsFound = found.filter((f) => f.kind === 'agent');
  // Agents joined by "and"/"or" ("clerics and lawmakers") are alternatives, not one compound title.
  const groups: AgentEntry[][] = [];
  let last: Found | null = null;
  for (const f of agentsFound) {
    const coordinated = last !== null && leaves.some((l) => l.start >= last!.end && l.start < f.start && /^CC/.test(l.label));
    if (!groups.length || coordinated) groups.push([]);
    groups[groups.length - 1].push(f.agent!);
    last = f;
  }
  // Agents before the head of the first group modify every group: "Islamist media and government".
  const shared = groups.length >= 2 ? groups[0].slice(0, -1) : [];
  const agentGroups = groups.map((g, k) => (k === 0 ? g : [...shared, ...g]));
  return { actors: found.filter((f) => f.kind === 'actor'), agents: agentsFound.map((f) => f.agent!), agentGroups: agentGroups.length ? agentGroups : [[]] };
}

/** Every actor code with every agent group. */
function withAgentGroups(actor: Found, groups: AgentEntry[][]): NounCode[] {
  return groups.flatMap((g) => actor.codes.map((a) => ({ code: combineCodes(a, g), start: actor.start, end: actor.end })));
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
        // Agents before the head of the actor's own group modify every member: "Danish Islamist media and government".
        const shared = withActor[0].agents.slice(0, -1);
        return agentGroups.flatMap((c) => {
          const agents = c === withActor[0] ? c.agents : [...shared, ...c.agents];
          return actor.codes.map((a) => ({ code: combineCodes(a, agents), start: actor.start, end: actor.end }));
        });
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
        const outer = codesOfGroup(leaves.filter((l) => !innerLeaves.has(l.start)), words, dicts, date).agentGroups;
        return outer.flatMap((g) => innerCodes.map((ic) => ({ ...ic, code: combineCodes(ic.code, g) })));
      }
    }
    return withAgentGroups(first, c.agentGroups);
  }
  if (c.agents.length) {
    const leafAt = leaves.find((l) => scan([l], words, dicts, date).length) ?? leaves[0];
    return c.agentGroups.map((g) => ({ code: combineCodes('---', g), start: leafAt.start, end: leafAt.start + 1 }));
  }
  return [];
}

function nounPhraseFromGroup(group: TreeNode[], c: { actors: Found[]; agents: AgentEntry[]; agentGroups: AgentEntry[][] }, words: string[], dicts: CodingDictionaries, date: string | null): NounCode[] {
  if (group.length === 1 && isNounPhrase(group[0])) {
    const codes = nounPhraseCodes(group[0], words, dicts, date);
    if (codes.length) return codes;
  }
  return withAgentGroups(c.actors[0], c.agentGroups);
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
  /** Noun phrases starting / ending at each leaf, largest first. */
  npStarting: Map<number, TreeNode[]>;
  npEnding: Map<number, TreeNode[]>;
  /** Smallest noun phrase holding each leaf. */
  npHolding: (leaf: number) => TreeNode | null;
  /** Whether a noun phrase carries an actor code (`$` and `+` must name someone). */
  coded: (np: TreeNode) => boolean;
  synsets: VerbDictionary['synsets'];
  /** Bounds of the searchable leaves (inclusive lower, exclusive upper). */
  lo: number;
  hi: number;
}

/** Noun phrases a role marker may take at leaf `p`, in order of preference. */
function phraseOptions(kind: Binding['kind'], p: number, dir: 1 | -1, ctx: MatchContext): TreeNode[] {
  const list = (dir === 1 ? ctx.npStarting.get(p) : ctx.npEnding.get(p)) ?? [];
  // `^` skips as little as it can; `$`, `+` and `%` take the whole phrase.
  let options = kind === 'skip' ? [...list].reverse() : list;
  if (!options.length && kind === 'skip') {
    // "their ^ about": the rest of a phrase already begun.
    const holding = ctx.npHolding(p);
    if (holding) options = [holding];
  }
  if (kind === 'source' || kind === 'target') options = options.filter(ctx.coded);
  return options;
}

/**
 * Match elements against the words from `pos` onward (dir +1) or backward (dir -1).
 * `mayGap`: whether words may be skipped before the first element. Returns the
 * number of words and phrases matched, or -1.
 */
function matchElements(els: PatternElement[], pos: number, dir: 1 | -1, mayGap: boolean, ctx: MatchContext, binds: Binding[], depth = 0): number {
  if (els.length === 0) return 0;
  if (depth > 60) return -1;
  const idx = dir === 1 ? 0 : els.length - 1;
  const el = els[idx];
  const rest = dir === 1 ? els.slice(1) : els.slice(0, -1);
  // Words may be skipped after this element unless it is joined to its neighbour in text order.
  const gapAfter = (e: PatternElement, restEls: PatternElement[]) => (dir === 1 ? !e.joined : !(restEls.length ? restEls[restEls.length - 1].joined : false));
  if (el.kind === 'synset') {
    const members = ctx.synsets.get(el.name);
    if (!members) return -1;
    let best = -1;
    let bestBinds: Binding[] = [];
    for (const m of members) {
      const member = m.map((x, i) => (i === m.length - 1 ? { ...x, joined: el.joined } : x));
      const spliced = dir === 1 ? [...member, ...rest] : [...rest, ...member];
      const trial = [...binds];
      const n = matchElements(spliced, pos, dir, mayGap, ctx, trial, depth + 1);
      if (n > best) { best = n; bestBinds = trial; }
    }
    if (best >= 0) { binds.length = 0; binds.push(...bestBinds); }
    return best;
  }
  for (let p = pos; p >= ctx.lo && p < ctx.hi; p += dir) {
    if (el.kind === 'word') {
      if (ctx.words[p] === el.word) {
        const mark = binds.length;
        const n = matchElements(rest, p + dir, dir, gapAfter(el, rest), ctx, binds, depth + 1);
        if (n >= 0) return n + 1;
        binds.length = mark;
      }
    } else {
      for (const np of phraseOptions(el.kind, p, dir, ctx)) {
        const next = dir === 1 ? np.end : np.start - 1;
        const mark = binds.length;
        binds.push({ kind: el.kind, np });
        const n = matchElements(rest, next, dir, gapAfter(el, rest), ctx, binds, depth + 1);
        if (n >= 0) return n + 1;
        binds.length = mark;
      }
    }
    if (!mayGap) break;
  }
  return -1;
}

/** Match a pattern around the verb: its bindings and how many elements matched, or null. */
function matchPattern(pattern: VerbPattern, verbStart: number, verbEnd: number, ctx: MatchContext): { binds: Binding[]; size: number } | null {
  const binds: Binding[] = [];
  const upperGap = pattern.upper.length ? !pattern.upper[pattern.upper.length - 1].joined : true;
  const up = matchElements(pattern.upper, verbStart - 1, -1, upperGap, { ...ctx, lo: 0 }, binds);
  if (up < 0) return null;
  const down = matchElements(pattern.lower, verbEnd, 1, !pattern.starJoined, ctx, binds);
  if (down < 0) return null;
  return { binds, size: up + down };
}

/** A code the coder can emit: letters and digits ("064", "174K"); "+++" and "###" are placeholders. */
const usableCode = (c: string | null): boolean => c === null || /^[0-9A-Za-z]+$/.test(c);

// ------------------------------------------------------------ verbs and clauses

interface VerbHit {
  /** Every dictionary form found here (a verb may sit in several blocks: all their patterns apply). */
  forms: VerbForm[];
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
      if (best && best.start === start && best.end === end) { best.forms.push(f); continue; }
      if (!best || end - start > best.end - best.start) {
        best = { forms: [f], leaf: span.find((l) => isVerbTag(l.label)) ?? tree.leaves[i], start, end };
      }
    }
    if (best) { hits.push(best); coveredUntil = best.end; }
  }
  return hits;
}

/** Whether a noun phrase is only a pronoun ("it", "he"): PETRARCH looks past it for the actor. */
const pronounOnly = (np: TreeNode): boolean => {
  const leaves = leavesOf(np);
  return leaves.length > 0 && leaves.every((l) => /^(PRP|DT|EX)/.test(l.label));
};

/**
 * Subjects for a verb, nearest first: the noun phrase before the verb's VP in
 * its clause, then the subjects of the clauses above (used when a pattern took
 * the first, or it is a pronoun). A verb inside a noun phrase, or in a
 * participle clause set before the main clause ("Rebuked by X, Y …"), has none.
 * `governor`: the nearest verb above whose complement the verb sits in, when
 * that complement has no subject of its own ("called on X to leave").
 */
function subjectsOf(leaf: TreeNode): { subjects: TreeNode[]; governorVp: TreeNode | null } {
  const out: TreeNode[] = [];
  let node: TreeNode = leaf;
  let strict = true;
  let governorVp: TreeNode | null = null;
  while (node.parent) {
    const p: TreeNode = node.parent;
    if (strict && isNounPhrase(p)) return { subjects: out, governorVp };
    if (strict && p.label === 'PP' && isClause(node)) return { subjects: out, governorVp };
    if (isClause(p)) {
      const at = p.children.indexOf(node);
      const subj = p.children.slice(0, at).reverse().find(isNounPhrase);
      if (subj) { out.push(subj); strict = false; }
      else if (strict && p.parent && isClause(p.parent) && !p.parent.children.some((c) => c.label === 'CC')
        && p.parent.children.slice(p.parent.children.indexOf(p) + 1).some(isNounPhrase)) {
        return { subjects: out, governorVp };
      }
    } else if (strict && p.label === 'VP' && node !== leaf.parent && governorVp === null && isClause(node)) {
      governorVp = p;
    }
    node = p;
  }
  return { subjects: out, governorVp };
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

/** The agent of a passive: the noun phrase of a "by" phrase in the verb's VP (or an adverb phrase there). */
function passiveAgent(hit: VerbHit): TreeNode | null {
  const vp = hit.leaf.parent;
  if (!vp) return null;
  const candidates: TreeNode[] = [];
  for (const c of vp.children.slice(vp.children.indexOf(hit.leaf) + 1)) {
    if (c.label === 'PP') candidates.push(c);
    if (c.label === 'ADVP') candidates.push(...c.children.filter((d) => d.label === 'PP'));
  }
  for (const pp of candidates) {
    if (pp.children[0]?.word?.toUpperCase() === 'BY') return pp.children.find(isNounPhrase) ?? null;
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
    if (c.end <= hit.end) continue;
    for (const d of preorder(c)) if (isNounPhrase(d) && d.start >= hit.end) out.push(d);
  }
  return out;
}

function npIndex(tree: ParsedTree): { starting: Map<number, TreeNode[]>; ending: Map<number, TreeNode[]>; holding: (leaf: number) => TreeNode | null } {
  const starting = new Map<number, TreeNode[]>();
  const ending = new Map<number, TreeNode[]>();
  const nps: TreeNode[] = [];
  for (const n of preorder(tree.root)) {
    if (!isNounPhrase(n) || n.end <= n.start) continue;
    nps.push(n);
    const s = starting.get(n.start) ?? [];
    s.push(n); starting.set(n.start, s);
    const e = ending.get(n.end - 1) ?? [];
    e.push(n); ending.set(n.end - 1, e);
  }
  const bySize = (a: TreeNode, b: TreeNode) => (b.end - b.start) - (a.end - a.start);
  for (const l of starting.values()) l.sort(bySize);
  for (const l of ending.values()) l.sort(bySize);
  const holding = (leaf: number): TreeNode | null => {
    let best: TreeNode | null = null;
    for (const n of nps) if (n.start <= leaf && leaf < n.end && (!best || n.end - n.start < best.end - best.start)) best = n;
    return best;
  };
  return { starting, ending, holding };
}

const within = (inner: TreeNode, outer: TreeNode) => inner.start >= outer.start && inner.end <= outer.end;

/** Every event the dictionaries find in one parsed sentence. */
export function codeTree(tree: ParsedTree, dicts: CodingDictionaries, date: string | null): RawEvent[] {
  const words = leafWords(tree);
  if (discarded(words, dicts.discards)) return [];
  const { starting, ending, holding } = npIndex(tree);
  const events: RawEvent[] = [];
  const cache = new Map<TreeNode, NounCode[]>();
  const codesOf = (np: TreeNode): NounCode[] => {
    let c = cache.get(np);
    if (!c) { c = nounPhraseCodes(np, words, dicts, date); cache.set(np, c); }
    return c;
  };
  /** VPs whose verb took a code: a subject-less complement under them is part of that event. */
  const codedVps = new Set<TreeNode>();
  for (const hit of findVerbs(tree, words, dicts.verbs)) {
    const vp = hit.leaf.parent;
    const ctx: MatchContext = {
      words, npStarting: starting, npEnding: ending, npHolding: holding, coded: (np) => codesOf(np).length > 0,
      synsets: dicts.verbs.synsets, lo: 0, hi: vp ? Math.max(vp.end, hit.end) : words.length,
    };
    // The longest matching pattern wins; among equals, the first in the file.
    let pattern: VerbPattern | null = null;
    let binds: Binding[] = [];
    let size = -1;
    for (const form of hit.forms) {
      for (const p of form.block.patterns) {
        if (!usableCode(p.code.code) || !usableCode(p.code.back)) continue;
        const m = matchPattern(p, hit.start, hit.end, ctx);
        if (m && m.size > size) { pattern = p; binds = m.binds; size = m.size; }
      }
    }
    const fallback = hit.forms.find((f) => f.code.code !== null || f.code.back !== null)?.code ?? hit.forms[0].code;
    const code: EventCode = pattern ? pattern.code : fallback;
    if ((code.code === null && code.back === null) || !usableCode(code.code) || !usableCode(code.back)) continue;
    const form = hit.forms[0];
    const { subjects: allSubjects, governorVp } = subjectsOf(hit.leaf);
    // A verb in the subject-less complement of a coded verb belongs to that event (and so do verbs under it).
    if (governorVp && codedVps.has(governorVp)) { if (vp) codedVps.add(vp); continue; }
    if (vp) codedVps.add(vp);

    const used = binds.map((b) => b.np);
    const isUsed = (np: TreeNode) => used.some((u) => u === np || within(np, u));
    const negated = negatedVerb(hit, words);
    const bound = (kind: Binding['kind']) => binds.find((b) => b.kind === kind)?.np ?? null;
    const push = (s: NounCode, t: NounCode, c: string | null) => {
      if (c && s.code !== t.code) events.push({ source: s, target: t, code: c, verbStart: hit.start, verbEnd: hit.end, negated, pattern, form });
    };
    const emit = (sources: NounCode[], targets: NounCode[]) => {
      for (const s of sources) for (const t of targets) { push(s, t, code.code); push(t, s, code.back); }
    };
    /** Members of a compound act on one another ("X and Y agree", "[064:064]" with no one else named). */
    const mutual = (members: NounCode[]) => {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) { push(members[i], members[j], code.code); push(members[j], members[i], code.back ?? code.code); }
      }
    };

    const compound = bound('compound');
    if (compound && compound.end <= hit.start) { mutual(codesOf(compound)); continue; }

    const passive = isPassive(hit);
    const byAgent = passive ? passiveAgent(hit) : null;
    let sourceNp = bound('source');
    let targetNp = bound('target') ?? compound;
    const subjects = allSubjects.filter((s) => !isUsed(s));
    if (!sourceNp && byAgent && !isUsed(byAgent)) {
      sourceNp = byAgent;
      if (!targetNp && subjects.length) targetNp = subjects[0];
    }
    let sources: NounCode[] = [];
    if (sourceNp) sources = codesOf(sourceNp);
    else {
      for (const s of subjects) {
        sources = codesOf(s);
        if (sources.length || !pronounOnly(s)) break;
      }
    }
    let targets: NounCode[] = [];
    if (targetNp) targets = codesOf(targetNp);
    else {
      for (const np of phrasesAfter(hit)) {
        if (isUsed(np) || (byAgent && within(np, byAgent)) || (sourceNp && within(np, sourceNp))) continue;
        const c = codesOf(np);
        if (c.length) { targets = c; break; }
      }
    }
    if (!targets.length && code.back !== null && sources.length >= 2) { mutual(sources); continue; }
    emit(sources, targets);
  }
  return events;
}

/**
 * PETRARCH/TABARI dictionaries in acta: load a user's verb, actor, agent and
 * discard files unchanged, code sentences with them, and report which verb
 * patterns can join acta's own pattern dictionary.
 *
 *   const dicts = loadPetrarchDictionaries({ verbs: [...], actors: [...], agents: [...], discards: [...] });
 *   const events = codeWithDictionaries({ text, published: '1995-01-01', parse }, dicts);
 *
 * With a Treebank parse (`parse`) the coder follows the phrase structure; without
 * one it builds a shallow clause tree over its own tokens (see shallow.ts).
 * CoNLL-U dependency parses are read too (conll.ts). `{ withActa: true }` puts
 * acta's countries, actors and role words beneath the user's files.
 *
 * Output: one CodedEvent per (source, target, code); actor/recipient `code` is the
 * PETRARCH code, `cameo` the code as the dictionary wrote it. Codes outside CAMEO
 * (validation dictionaries use "1010", "174K") get goldstein 0, quad_class from
 * the root where it is a CAMEO root (else 0) and event "" (no PLOVER mapping).
 */
import { readFileSync } from 'node:fs';
import type { CodedEvent, Entity } from '../../doc/types.js';
import { cameoInfo, ploverFor, quadClassOfRoot } from '../ontology.js';
import { codeTree, type CodingDictionaries, type NounCode, type RawEvent } from './coder.js';
import { emptyVerbDictionary, parseActors, parseAgents, parseDiscards, parseVerbs, Problems, type ActorEntry, type AgentEntry, type DiscardEntry, type ReadOptions } from './dictionaries.js';
import { shallowTree, treebankTokens, type TextToken } from './shallow.js';
import { parseTree, TreeParseError, type ParsedTree } from './tree.js';
import { PhraseTrie } from './trie.js';
import { addActaBase } from './acta-base.js';
import { conlluTree, looksLikeConllu } from './conll.js';

export { PetrarchFormatError } from './dictionaries.js';
export { petrarchVerbPatterns, type VerbPatternReport } from './convert.js';

export interface PetrarchFiles {
  verbs: string[];
  actors: string[];
  agents: string[];
  discards: string[];
}

export interface PetrarchDictionaries extends CodingDictionaries {
  /** Problems met while reading ("file:line: message"); empty in strict mode. */
  warnings: string[];
  counts: { verbForms: number; verbBlocks: number; patterns: number; synsets: number; actorNames: number; agentNames: number; discards: number };
}

/** Dictionaries from texts already in memory: `[origin, text]` pairs per kind. */
export interface LoadOptions extends ReadOptions {
  /** Put acta's own countries, actors and role words beneath the user's files (the user's entries win). */
  withActa?: boolean;
}

export function buildPetrarchDictionaries(
  texts: { verbs?: [string, string][]; actors?: [string, string][]; agents?: [string, string][]; discards?: [string, string][] },
  options: LoadOptions = {},
): PetrarchDictionaries {
  const problems = new Problems(options.strict ?? false);
  const verbs = emptyVerbDictionary();
  for (const [origin, text] of texts.verbs ?? []) parseVerbs(text, origin, problems, verbs);
  const actors = new PhraseTrie<ActorEntry>();
  for (const [origin, text] of texts.actors ?? []) {
    for (const a of parseActors(text, origin, problems)) for (const n of a.names) actors.add(n, a);
  }
  const agents = new PhraseTrie<AgentEntry>();
  for (const [origin, text] of texts.agents ?? []) {
    for (const a of parseAgents(text, origin, problems)) for (const n of a.names) agents.add(n, a);
  }
  if (options.withActa) addActaBase(actors, agents);
  const discards: DiscardEntry[] = [];
  for (const [origin, text] of texts.discards ?? []) discards.push(...parseDiscards(text, origin, problems));
  let verbForms = 0;
  for (const l of verbs.forms.values()) verbForms += l.length;
  return {
    verbs, actors, agents, discards, warnings: problems.list,
    counts: {
      verbForms, verbBlocks: verbs.blocks.length, patterns: verbs.blocks.reduce((s, b) => s + b.patterns.length, 0),
      synsets: verbs.synsets.size, actorNames: actors.size, agentNames: agents.size, discards: discards.length,
    },
  };
}

/** Read PETRARCH-format dictionary files (absolute or relative paths) as they are. */
export function loadPetrarchDictionaries(files: Partial<PetrarchFiles>, options: LoadOptions = {}): PetrarchDictionaries {
  const read = (paths: string[] | undefined): [string, string][] => (paths ?? []).map((p) => [p, readFileSync(p, 'utf8')]);
  return buildPetrarchDictionaries({
    verbs: read(files.verbs), actors: read(files.actors), agents: read(files.agents), discards: read(files.discards),
  }, options);
}

export interface PetrarchInput {
  text: string;
  /** Publication date (YYYY-MM-DD or YYYYMMDD): date-restricted actor codes are chosen by it. */
  published?: string | null;
  id?: string;
  /** Penn Treebank parse of the sentence, when the caller has one. */
  parse?: string | null;
}

function compactDate(d: string | null | undefined): string | null {
  if (!d) return null;
  const digits = d.replace(/-/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** Character offsets of the parse's leaves in the text (null where a leaf is not found). */
function alignLeaves(text: string, tree: ParsedTree): ({ start: number; end: number } | null)[] {
  const unescape: Record<string, string[]> = {
    '-LRB-': ['('], '-RRB-': [')'], '-LSB-': ['['], '-RSB-': [']'], '-LCB-': ['{'], '-RCB-': ['}'],
    '``': ['"', '“', '``'], "''": ['"', '”', "''"], '`': ["'", '‘'],
  };
  let cursor = 0;
  return tree.leaves.map((l) => {
    const word = l.word ?? '';
    for (const form of unescape[word] ?? [word, word.replace(/_/g, ' ')]) {
      const at = text.indexOf(form, cursor);
      if (at >= 0 && at - cursor < 200) { cursor = at + form.length; return { start: at, end: at + form.length }; }
    }
    return null;
  });
}

function spanOf(offsets: ({ start: number; end: number } | null)[], from: number, to: number): { start: number; end: number } {
  const inside = offsets.slice(from, to).filter((o): o is { start: number; end: number } => o !== null);
  if (!inside.length) return { start: 0, end: 0 };
  return { start: inside[0].start, end: inside[inside.length - 1].end };
}

/** An acta Entity for a PETRARCH actor code; country and sector read from the code's CAMEO shape. */
function entityFor(nc: NounCode, text: string, offsets: ({ start: number; end: number } | null)[]): Entity {
  const { start, end } = spanOf(offsets, nc.start, nc.end);
  const words = text.slice(start, end);
  const m = /^([A-Z]{3})([A-Z]*)$/.exec(nc.code);
  const country = m && !/^(IGO|NGO|NGM|IMG|MNC|---)$/.test(m[1]) ? m[1] : null;
  return {
    text: words, start, end, name: words, type: 'MISC', country,
    sector: m && country && m[2] ? m[2] : null, code: nc.code,
  };
}

function toCodedEvent(e: RawEvent, k: number, input: PetrarchInput, offsets: ({ start: number; end: number } | null)[]): CodedEvent {
  const info = cameoInfo(e.code);
  const plover = ploverFor(e.code);
  let quad = info?.quad_class ?? 0;
  if (!info) { try { quad = quadClassOfRoot(e.code); } catch { quad = 0; } }
  const trigger = spanOf(offsets, e.verbStart, e.verbEnd);
  const id = input.id ?? 'sentence';
  const published = input.published ? (input.published.length === 8 ? `${input.published.slice(0, 4)}-${input.published.slice(4, 6)}-${input.published.slice(6)}` : input.published) : null;
  return {
    id: `${id}-p${k}`,
    article_id: id,
    event: plover?.event ?? '',
    mode: plover?.mode ?? [],
    context: plover?.context ?? [],
    cameo: e.code,
    goldstein: info?.goldstein ?? 0,
    quad_class: quad,
    date: published,
    date_precision: published ? 'day' : 'unknown',
    date_text: null,
    actor: [entityFor(e.source, input.text, offsets)],
    recipient: [entityFor(e.target, input.text, offsets)],
    location: null,
    attribution: { source: null, cue: null, certainty: e.negated ? 'denied' : 'asserted' },
    negated: e.negated,
    realis: e.negated ? 'negated' : 'actual',
    sentence: { index: 0, start: 0, end: input.text.length },
    trigger: { text: input.text.slice(trigger.start, trigger.end), start: trigger.start, end: trigger.end },
    mentions: [{ sentence: { index: 0, start: 0, end: input.text.length }, trigger: { text: input.text.slice(trigger.start, trigger.end), start: trigger.start, end: trigger.end } }],
    // A pattern that matched is more specific evidence than a verb's default code.
    confidence: e.pattern ? 0.8 : 0.6,
  };
}

/** The events of one sentence as (source, target, code) records, before conversion to CodedEvents. */
export function codeSentence(input: PetrarchInput, dicts: CodingDictionaries): { events: RawEvent[]; tree: ParsedTree | null; tokens: TextToken[] | null; error: string | null } {
  const date = compactDate(input.published);
  // A bracketed (Treebank) parse, or a CoNLL-U one (UniversalPetrarch); anything else falls back to the text.
  const parse = input.parse?.trim() ?? '';
  if (parse.startsWith('(') || (parse && looksLikeConllu(parse))) {
    let tree: ParsedTree;
    try { tree = parse.startsWith('(') ? parseTree(parse) : conlluTree(parse); } catch (err) {
      if (err instanceof TreeParseError) return { events: [], tree: null, tokens: null, error: `bad parse: ${err.message}` };
      throw err;
    }
    return { events: codeTree(tree, dicts, date), tree, tokens: null, error: null };
  }
  const tokens = treebankTokens(input.text);
  if (!tokens.length) return { events: [], tree: null, tokens, error: null };
  const tree = shallowTree(tokens, dicts.verbs);
  return { events: codeTree(tree, dicts, date), tree, tokens, error: null };
}

/** Code one sentence with PETRARCH dictionaries; one CodedEvent per (source, target, code). */
export function codeWithDictionaries(input: PetrarchInput, dicts: CodingDictionaries): CodedEvent[] {
  const { events, tree, tokens } = codeSentence(input, dicts);
  if (!tree) return [];
  const offsets = tokens ? tokens.map((t) => ({ start: t.start, end: t.end })) : alignLeaves(input.text, tree);
  return events.map((e, k) => toCodedEvent(e, k, input, offsets));
}

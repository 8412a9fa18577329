/**
 * The attribution stage: every attribution relation of the article (Doc.attributions).
 * The tagger (features.ts, model.ts; trained on PolNeAR by trainer.ts) labels each
 * paragraph's tokens source / cue / content; relations.ts ties the spans to their cue;
 * here each relation's source is linked to its entity mention (a pronoun to the person
 * it stands for) and the cue gets its class (data/attribution-classes.tsv). Runs after
 * entities and actors, before events. A sentence left unparsed is tagged from its words
 * alone (its parse features are absent), never skipped.
 */
import type { AttributionClass, AttributionRelation, Certainty, EntityMention, Span } from '../doc/types.js';
import { toEntity } from '../doc/types.js';
import { checkDeadline } from '../util/deadline.js';
import { loadTsv } from '../util/data.js';
import { shippedModelBytes } from '../util/model-file.js';
import { treeOf } from '../syntax/tree.js';
import { firstStartingFrom, ofSentence } from '../util/spans.js';
import { quoteState, tokenFeatures, type TaggingInput } from './features.js';
import { attributionModelFromBytes, decodeLabels, keyScores, modelTransitions, type AttributionModel } from './model.js';
import { groupRuns, runsFromLabels, runSpan, type RoleRun } from './relations.js';
import { layoutRelations } from './layout.js';

export interface AttributionStageInput extends TaggingInput {
  entities: readonly EntityMention[];
}

let shipped: AttributionModel | null = null;
/** The shipped tagger (data/attribution-model.bin.gz), read on first use. */
export function attributionModel(): AttributionModel {
  if (!shipped) shipped = attributionModelFromBytes(shippedModelBytes('attribution-model.bin.gz'));
  return shipped;
}

let classes: Map<string, AttributionClass> | null = null;
function classTable(): Map<string, AttributionClass> {
  if (!classes) classes = new Map(loadTsv('attribution-classes.tsv').map((r) => [r.cue, r.class as AttributionClass]));
  return classes;
}

/** The certainty an event in the content takes from the class of its cue. */
export const CLASS_CERTAINTY: Record<AttributionClass, Certainty> = {
  report: 'reported', assert: 'reported', warn: 'reported',
  allege: 'alleged', deny: 'denied', promise: 'future', believe: 'hypothetical', ask: 'hypothetical',
};

/** Whether a cue's words name a way of saying or thinking that data/attribution-classes.tsv lists. */
export function isListedCue(lemmas: readonly { lemma: string; normal: string }[]): boolean {
  const table = classTable();
  return lemmas.some((t) => table.has(t.lemma) || table.has(t.normal));
}

/** The class of a cue from its words: the first listed lemma among its verbs and nouns, else its first word. */
export function cueClass(lemmas: readonly { lemma: string; normal: string; pos: string }[]): AttributionClass {
  const table = classTable();
  for (const t of lemmas) {
    if (!['VERB', 'NOUN', 'AUX', 'ADJ'].includes(t.pos)) continue;
    const c = table.get(t.lemma) ?? table.get(t.normal);
    if (c) return c;
  }
  for (const t of lemmas) {
    const c = table.get(t.lemma) ?? table.get(t.normal);
    if (c) return c;
  }
  return 'report';
}

const PRONOUN_TYPES: Record<string, string[]> = {
  he: ['PER'], him: ['PER'], she: ['PER'], her: ['PER'], it: ['ORG', 'LOC'], they: ['ORG', 'PER', 'LOC'], we: ['ORG', 'PER', 'LOC'], i: ['PER'],
};

/** How many sentences back a pronoun source looks for the one it stands for. */
const ANTECEDENT_SENTENCES = 3;

/** The mention a source span names: the mention it overlaps most, else a pronoun's antecedent. */
export function sourceMention(doc: { text: string; entities: readonly EntityMention[] }, span: Span, sentence: number): EntityMention | null {
  // (only the mentions of the source's own sentence and the few before it: linear in the article)
  let best: EntityMention | null = null;
  let bestOverlap = 0;
  for (const m of ofSentence(doc.entities, sentence)) {
    const o = Math.min(m.end, span.end) - Math.max(m.start, span.start);
    if (o > bestOverlap || (o === bestOverlap && o > 0 && best && m.end - m.start > best.end - best.start)) { best = m; bestOverlap = o; }
  }
  if (best) return best;
  const word = doc.text.slice(span.start, span.end).toLowerCase();
  const types = PRONOUN_TYPES[word];
  if (!types) return null;
  for (let s = sentence; s >= sentence - ANTECEDENT_SENTENCES && s >= 0; s--) {
    const inSentence = ofSentence(doc.entities, s);
    for (let k = inSentence.length - 1; k >= 0; k--) {
      const m = inSentence[k];
      if (m.end <= span.start && types.includes(m.type) && !m.nominal && m.evidence !== 'nominal') return m;
    }
  }
  return null;
}

export function findAttributions(doc: AttributionStageInput, model: AttributionModel = attributionModel()): AttributionRelation[] {
  const { text, tokens } = doc;
  const tree = treeOf(doc.syntax);
  const sentenceOf = new Int32Array(tokens.length);
  for (const s of doc.sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) sentenceOf[i] = s.index;
  const trans = modelTransitions(model);
  const runs: RoleRun[] = [];
  const sequences = tokenFeatures(doc);
  // Transcript turns and signed quotations are read from their lines; the tagger's labels there give way.
  const laidOut = layoutRelations(doc, sequences.map((s) => s.tokens));
  for (const seq of sequences) {
    checkDeadline();
    const labels = decodeLabels(seq.features.length, keyScores(model, seq.features), trans);
    seq.tokens.forEach((i, k) => { if (laidOut.covered[i]) labels[k] = 0; });
    runs.push(...runsFromLabels(seq.tokens, labels, sentenceOf));
  }
  // The head of a run: its token whose head lies outside it.
  const headOf = (r: RoleRun): number => tree.headOfRange(r.first, r.last) ?? -1;
  const governs = (cue: RoleRun, r: RoleRun) => {
    const c = headOf(cue);
    const h = headOf(r);
    return c >= 0 && h >= 0 && tree.dominates(c, h);
  };
  const out: AttributionRelation[] = [];
  const quotes = quoteState(text, tokens, doc.paragraphs);
  const quoted = (r: RoleRun) => quotes[r.first] !== 0 || (r.first + 1 <= r.last && quotes[r.first + 1] !== 0);
  for (const g of [...groupRuns(runs, governs, quoted), ...laidOut.groups]) {
    const cueRun = g.cue;
    const cueHead = cueRun ? headOf(cueRun) : -1;
    // "according to X": X is the source, whatever the tagger made of it (it may read X as content).
    const named = cueRun ? accordingToSource(tokens, doc.sentences[cueRun.sentence], cueRun) : null;
    if (named) {
      g.sources = [named, ...g.sources.filter((r) => r.last < named.first || r.first > named.last)];
      g.contents = g.contents.flatMap((r) => withoutRange(r, named));
      const rest = g.contents.length ? null : sideOfSentence(tokens, doc.sentences[cueRun!.sentence], cueRun!.first, named.last, cueRun!.sentence);
      if (rest) g.contents.push(rest);
    }
    // Content the tagger left out, the parse may give: the cue's clause. (A missing source is
    // left missing: on PolNeAR dev, filling it with the cue's subject lowers source F1.)
    if (cueRun && cueHead >= 0 && g.contents.length === 0) {
      const s = doc.sentences[cueRun.sentence];
      const c = parseContent(tree, tokens, cueRun, cueHead, g.sources) ?? (s ? clauseBeforeSayer(tokens, s, cueRun, g.sources) : null);
      if (c) g.contents.push(c);
    }
    // A noun cue's possessor is who holds the view or made the claim ("Nervo's conclusion", "Mr.
    // Ban's record on"): the source, where the tagger gives none.
    const holder = cueRun && g.sources.length === 0 ? possessorSource(tree, tokens, cueRun) : null;
    if (holder) g.sources.push(holder);
    // "He is accused of …": the subject of a passive charge is the one charged; the charge is the "by" agent's.
    if (cueRun && cueHead >= 0 && cueClass(tokens.slice(cueRun.first, cueRun.last + 1)) === 'allege') g.sources = chargedNotSource(tree, tokens, g.sources, cueRun, cueHead);
    const subject = cueHead >= 0 ? parseSubject(tree, cueRun!, cueHead) : null;
    const content = g.contents.map((r) => runSpan(tokens, r)).sort((a, b) => a.start - b.start).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
    const cue = cueRun ? { ...runSpan(tokens, cueRun), text: '' } : null;
    if (cue) cue.text = text.slice(cue.start, cue.end);
    // One source a relation: the one nearest the cue.
    const anchor = cue ?? content[0] ?? runSpan(tokens, g.sources[0]);
    const srcRun = g.sources.length
      ? g.sources.reduce((best, r) => (Math.abs(tokens[r.first].start - anchor.start) < Math.abs(tokens[best.first].start - anchor.start) ? r : best))
      : null;
    let source: AttributionRelation['source'] = null;
    if (srcRun) {
      const span = runSpan(tokens, joinedSource(g.sources, srcRun, SOURCE_JOIN_GAP));
      // The entity is the one the subject's head word names ("the Red Cross operating in Syria": the Red Cross).
      const inSubject = subject && subject.first <= srcRun.first && srcRun.last <= subject.last ? subject : null;
      const headTok = inSubject ? tokens[headOf(inSubject)] : null;
      const named = headTok ? ofSentence(doc.entities, srcRun.sentence).find((e) => e.start <= headTok.start && headTok.end <= e.end && !e.nominal && (e.type === 'PER' || e.type === 'ORG')) : undefined;
      const m = named ?? sourceMention(doc, span, srcRun.sentence);
      source = { ...span, text: text.slice(span.start, span.end), entity: m ? toEntity(m) : null, chain: m ? m.chain : null };
    }
    const cls = cueRun ? cueClass(tokens.slice(cueRun.first, cueRun.last + 1)) : 'report';
    const sentence = (cueRun ?? g.contents[0] ?? g.sources[0]).sentence;
    out.push({ source, cue, content, class: cls, certainty: CLASS_CERTAINTY[cls], sentence });
  }
  const at = (r: AttributionRelation) => (r.cue ?? r.content[0] ?? r.source!).start;
  return out.sort((a, b) => at(a) - at(b));
}

/** The longest source "according to" is read to take (in tokens). */
const MAX_ACCORDING_SOURCE = 30;

/**
 * The source of an "according to" cue: the words after "to" up to the next comma, semicolon or
 * bracket, else to the sentence's end ("according to a statement from the Pentagon, …"; "…,
 * according to the union."). Null for another cue, or where no word follows.
 */
export function accordingToSource(tokens: readonly { normal: string; pos: string }[], s: { tokenStart: number; tokenEnd: number } | undefined, cue: RoleRun): RoleRun | null {
  if (!s || cue.last - cue.first !== 1 || tokens[cue.first].normal !== 'according' || tokens[cue.last].normal !== 'to') return null;
  let last = cue.last;
  while (last + 1 < s.tokenEnd && !STOPS_SOURCE.has(tokens[last + 1].normal) && last - cue.last < MAX_ACCORDING_SOURCE) last++;
  while (last > cue.last && tokens[last].pos === 'PUNCT') last--;
  if (last === cue.last || last - cue.last >= MAX_ACCORDING_SOURCE) return null;
  return { role: 'SOURCE', first: cue.last + 1, last, sentence: cue.sentence };
}
const STOPS_SOURCE = new Set([',', ';', '(', ':', '—', '–', '―']);

/** The longer side of a sentence around a token range (a cue with its source), trimmed of punctuation. */
export function sideOfSentence(tokens: readonly { pos: string }[], s: { tokenStart: number; tokenEnd: number }, first: number, last: number, sentence: number): RoleRun | null {
  const before = trimmed(tokens, s.tokenStart, first - 1, sentence);
  const after = trimmed(tokens, last + 1, s.tokenEnd - 1, sentence);
  const size = (r: RoleRun | null) => (r ? r.last - r.first : -1);
  return size(after) >= size(before) ? after : before;
}

/** A run without the tokens of another range: what is left before it and after it. */
function withoutRange(r: RoleRun, cut: { first: number; last: number }): RoleRun[] {
  if (r.last < cut.first || r.first > cut.last) return [r];
  const out: RoleRun[] = [];
  if (r.first < cut.first) out.push({ ...r, last: cut.first - 1 });
  if (r.last > cut.last) out.push({ ...r, first: cut.last + 1 });
  return out;
}

/** How many tokens (", which") may part two pieces of one source. */
const SOURCE_JOIN_GAP = 2;

/**
 * A source the tagger broke in pieces ("Michael Mulgrew, president of the union, | which
 * represents teachers, |"): the chosen run with the source runs of its sentence that lie
 * within `gap` tokens of it, one after another.
 */
export function joinedSource(sources: readonly RoleRun[], chosen: RoleRun, gap: number): RoleRun {
  let { first, last } = chosen;
  const near = sources.filter((r) => r.sentence === chosen.sentence).sort((a, b) => a.first - b.first);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of near) {
      if (r.last < first && first - r.last - 1 <= gap) { first = r.first; grew = true; }
      if (r.first > last && r.first - last - 1 <= gap) { last = r.last; grew = true; }
    }
  }
  return { ...chosen, first, last };
}

const CLAUSE_RELS = ['ccomp', 'parataxis', 'xcomp', 'advcl'];

/** Trim punctuation tokens from both ends of a token range; null when nothing is left. */
function trimmed(tokens: readonly { pos: string }[], first: number, last: number, sentence: number): RoleRun | null {
  while (first <= last && tokens[first].pos === 'PUNCT') first++;
  while (last >= first && tokens[last].pos === 'PUNCT') last--;
  return first <= last ? { role: 'CONTENT', first, last, sentence } : null;
}

/**
 * "…, the army said (in a statement).": a cue that ends its sentence, its source just before it
 * after a comma, reports the words before that comma — when the parse, misled, gives no clause.
 */
export function clauseBeforeSayer(tokens: readonly { pos: string; normal: string }[], s: { tokenStart: number; tokenEnd: number }, cue: RoleRun, sources: readonly RoleRun[]): RoleRun | null {
  // (the source nearest before the cue: the tagger may take another subject for one too)
  const near = sources.filter((r) => r.last < cue.first).reduce<RoleRun | null>((a, r) => (a && a.last > r.last ? a : r), null);
  const first = near && near.last === cue.first - 1 ? near.first : cue.first;
  if (first - 1 <= s.tokenStart || tokens[first - 1].normal !== ',') return null;
  // (after the cue only its own adjuncts: "in a statement", "on Tuesday", the full stop)
  for (let k = cue.last + 1; k < s.tokenEnd; k++) if (tokens[k].pos === 'VERB' || tokens[k].normal === ',') return null;
  return trimmed(tokens, s.tokenStart, first - 2, cue.sentence);
}

/**
 * The content a parse gives a cue: its clausal complement ("said [that …]"), else — for a cue
 * hung on the clause it reports ("“…,” he said"; "according to X, …") — that clause without
 * the cue's own branch, on the side away from the cue.
 */
export function parseContent(tree: ReturnType<typeof treeOf>, tokens: readonly { pos: string }[], cue: RoleRun, head: number, sources: readonly RoleRun[]): RoleRun | null {
  const outside = (k: number) => k < cue.first || k > cue.last;
  const clause = tree.childrenWith(head, ...CLAUSE_RELS).find(outside);
  if (clause !== undefined) {
    const [a, b] = tree.subtreeRange(clause);
    return trimmed(tokens, a, b, cue.sentence);
  }
  // Up from the cue to the clause it hangs on ("according" → "to X" → the verb).
  let branch = head;
  let up = tree.head(head);
  for (let steps = 0; up != null && up >= 0 && steps < 3 && tokens[up].pos !== 'VERB'; steps++) { branch = up; up = tree.head(up); }
  if (up == null || up < 0) return null;
  const [lo, hi] = tree.subtreeRange(up);
  const [blo, bhi] = tree.subtreeRange(branch);
  const srcLo = Math.min(blo, ...sources.map((r) => r.first));
  const srcHi = Math.max(bhi, ...sources.map((r) => r.last));
  const left = srcLo - lo;
  const right = hi - srcHi;
  return right >= left ? trimmed(tokens, srcHi + 1, hi, cue.sentence) : trimmed(tokens, lo, srcLo - 1, cue.sentence);
}

/** The possessor of a noun in the cue, before the cue ("Mrs. Clinton's | plan is intended"), as a source run. */
export function possessorSource(tree: ReturnType<typeof treeOf>, tokens: readonly { pos: string }[], cue: RoleRun): RoleRun | null {
  for (let k = cue.first; k <= cue.last; k++) {
    if (tokens[k].pos !== 'NOUN') continue;
    const owner = tree.childrenWith(k, 'nmod:poss').find((o) => o < cue.first);
    if (owner === undefined) continue;
    const [a, b] = tree.subtreeRange(owner);
    if (b < cue.first) return { role: 'SOURCE', first: a, last: b, sentence: cue.sentence };
  }
  return null;
}

/**
 * The sources of a passive charge ("X is accused of …", "Y was blamed for …") without the one
 * charged: the passive subject is no source; the agent ("accused by the prosecutor") is, where given.
 */
export function chargedNotSource(tree: ReturnType<typeof treeOf>, tokens: readonly { normal: string }[], sources: readonly RoleRun[], cue: RoleRun, head: number): RoleRun[] {
  const charged = tree.childrenWith(head, 'nsubj:pass').find((k) => k < cue.first || k > cue.last);
  if (charged === undefined) return [...sources];
  const kept = sources.filter((r) => charged < r.first || charged > r.last);
  const agent = tree.childrenWith(head, 'obl:agent').find((k) => k > cue.last);
  if (kept.length === 0 && agent !== undefined) {
    let [a, b] = tree.subtreeRange(agent);
    if (tokens[a].normal === 'by') a++;
    if (a <= b) kept.push({ role: 'SOURCE', first: a, last: b, sentence: cue.sentence });
  }
  return kept;
}

/** The cue's subject ("the ministry said") as a source run: it tells which mention a source span names. */
export function parseSubject(tree: ReturnType<typeof treeOf>, cue: RoleRun, head: number): RoleRun | null {
  const subj = tree.childrenWith(head, 'nsubj').find((k) => k < cue.first || k > cue.last);
  if (subj !== undefined) {
    const [a, b] = tree.subtreeRange(subj);
    return { role: 'SOURCE', first: a, last: b, sentence: cue.sentence };
  }
  return null;
}

/**
 * The relation whose content holds a character offset: the innermost one that names a source
 * (nested attribution: "X said Y had told him that …"), else the innermost of all; null
 * outside every relation. A relation with no source says nothing about who asserts the event,
 * so one with a speaker around it is preferred.
 */
export function relationAt(relations: readonly AttributionRelation[], offset: number): AttributionRelation | null {
  const { contents, longest } = contentIndex(relations);
  let best: IndexedContent | null = null;
  let bestRank = Infinity;
  // Contents sorted by start: only those starting at most `longest` before the offset can hold it.
  // (On a tie the relation listed first wins, as in a scan of the list.)
  for (let k = firstStartingFrom(contents, offset + 1) - 1; k >= 0 && contents[k].start >= offset - longest; k--) {
    const c = contents[k];
    const rank = (c.relation.source ? 0 : 1e12) + (c.end - c.start);
    if (offset < c.end && (rank < bestRank || (rank === bestRank && c.order < best!.order))) { best = c; bestRank = rank; }
  }
  return best?.relation ?? null;
}

interface IndexedContent { start: number; end: number; relation: AttributionRelation; order: number }

/** Every content span of the relations, sorted by start, and the longest one's length; built once per relations list. */
const contentIndexes = new WeakMap<readonly AttributionRelation[], { contents: IndexedContent[]; longest: number }>();
function contentIndex(relations: readonly AttributionRelation[]): { contents: IndexedContent[]; longest: number } {
  let index = contentIndexes.get(relations);
  if (!index) {
    const contents: IndexedContent[] = [];
    relations.forEach((relation) => relation.content.forEach((c) => contents.push({ start: c.start, end: c.end, relation, order: contents.length })));
    contents.sort((a, b) => a.start - b.start || a.order - b.order);
    index = { contents, longest: contents.reduce((n, c) => Math.max(n, c.end - c.start), 0) };
    contentIndexes.set(relations, index);
  }
  return index;
}


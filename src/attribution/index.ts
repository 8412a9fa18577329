/**
 * attribution: who asserts an event and how sure the text is of it. The source,
 * cue and certainty come from the attribution relation (Doc.attributions, see
 * stage.ts) whose content holds the event's trigger; an event outside every
 * relation is the author's (source null, certainty asserted). Without the layer
 * (a caller's hand-made document) they are read from word windows: reporting verbs
 * whose complement holds the event ("X said that …", "as X wrote") and "according
 * to X". Hedges ("purportedly"), modals ("would", "planning")
 * and denials change the certainty. Negation is decided here too, because it
 * is read from the same clause words.
 */
import type { Attribution, AttributionRelation, Certainty, EntityMention, Token } from '../doc/types.js';
import { isListedCue, relationAt } from './stage.js';
import { itemsWithin } from '../util/spans.js';
import { toEntity } from '../doc/types.js';
import { loadTsv } from '../util/data.js';

interface Cue { words: string[]; kind: string; certainty: Certainty }

let cues: { verbs: Map<string, Certainty>; phrases: Cue[]; adverbs: Map<string, Certainty>; modals: Map<string, Certainty>; governors: Map<string, Certainty> } | null = null;

function cueTable() {
  if (cues) return cues;
  const verbs = new Map<string, Certainty>();
  const adverbs = new Map<string, Certainty>();
  const modals = new Map<string, Certainty>();
  const governors = new Map<string, Certainty>();
  const phrases: Cue[] = [];
  for (const row of loadTsv('attribution-cues.tsv')) {
    const c = row.certainty as Certainty;
    if (row.kind === 'verb') verbs.set(row.cue, c);
    else if (row.kind === 'adverb') adverbs.set(row.cue, c);
    else if (row.kind === 'modal') modals.set(row.cue, c);
    else if (row.kind === 'governor') governors.set(row.cue, c);
    else phrases.push({ words: row.cue.split(' '), kind: row.kind, certainty: c });
  }
  cues = { verbs, phrases, adverbs, modals, governors };
  return cues;
}

/** Is this lemma a reporting verb ("say", "announce") in data/attribution-cues.tsv? */
export function isReportingVerb(lemma: string): boolean {
  return cueTable().verbs.has(lemma);
}

export interface AttributionInput {
  text: string;
  tokens: Token[];
  sentence: { tokenStart: number; tokenEnd: number };
  /** Mentions of the sentence in text order. */
  mentions: EntityMention[];
  /** Token index of the trigger and of the first matched pattern word. */
  trigger: number;
  first: number;
  /** The document's attribution relations; when absent, sources are read from word windows. */
  relations?: readonly AttributionRelation[];
}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'failed', 'refused', 'declined']);

/**
 * Is the event negated: "did not retaliate", "decided not to retaliate", "never attacked",
 * "ruled out lifting sanctions", "lifting the sanctions is out of the question"?
 */
export function isNegated(tokens: Token[], first: number, sentenceStart: number, sentenceEnd = tokens.length): boolean {
  // "… removing the sanctions is currently out of the question": the event is the subject of a refusal.
  for (let k = first + 1; k < Math.min(sentenceEnd - 3, first + 10); k++) {
    if (['.', ';', ',', 'that', 'which', 'who'].includes(tokens[k].normal)) break;
    if (tokens[k].lemma === 'be' && /^(?:\w+ )?out of the question\b/.test(tokens.slice(k + 1, k + 7).map((t) => t.normal).join(' '))) return true;
  }
  for (let k = first - 1; k >= Math.max(sentenceStart, first - 4); k--) {
    const n = tokens[k].normal;
    if (NEGATORS.has(n) || n === 'n’t') return n !== 'no' || tokens[first].pos === 'NOUN';
    // "ruled out lifting the sanctions"
    if (n === 'out' && k > sentenceStart && tokens[k - 1].lemma === 'rule') return true;
    if (![ 'AUX', 'PART', 'ADV', 'VERB', 'DET', 'ADJ'].includes(tokens[k].pos) && n !== 'to') return false;
  }
  return false;
}

function mentionAt(mentions: EntityMention[], tokens: Token[], from: number, to: number): EntityMention | null {
  for (let i = from; i < to; i++) {
    const m = mentions.find((x) => x.start <= tokens[i].start && x.end > tokens[i].start);
    if (m) return m;
    if (['VERB', 'PUNCT'].includes(tokens[i].pos) && tokens[i].normal !== '-') break;
  }
  return null;
}

/** Is the mention the object of a preposition ("in Syria", "of the ministry")? Its own modifiers are skipped. */
function inPrepositionalPhrase(tokens: Token[], text: string, m: EntityMention, sentenceStart: number): boolean {
  let i = sentenceStart;
  while (i < tokens.length && tokens[i].end <= m.start) i++;
  i--;
  while (i >= sentenceStart && (['DET', 'ADJ', 'NUM'].includes(tokens[i].pos) || (tokens[i].pos === 'NOUN' && /^\p{Ll}/u.test(text.slice(tokens[i].start, tokens[i].end))))) i--;
  return i >= sentenceStart && tokens[i].pos === 'ADP';
}

/** A document's relations whose cue is a way of saying or thinking, found once per document. */
const sayingRelations = new WeakMap<readonly AttributionRelation[], readonly AttributionRelation[]>();

/**
 * Source, cue and certainty from the relation whose content holds the trigger; the author's when
 * none does. Only a relation whose cue is a way of saying or thinking (a listed cue: "said",
 * "according to", "claimed", "hopes") names who reports the event: PolNeAR also marks acts as cues
 * ("decided", "ordered", "considered"), and what is decided or ordered is still told by the author.
 */
function fromRelations(all: readonly AttributionRelation[], tokens: Token[], trigger: number): Attribution {
  let relations = sayingRelations.get(all);
  if (!relations) sayingRelations.set(all, (relations = all.filter((x) => !x.cue || isListedCue(itemsWithin(tokens, x.cue.start, x.cue.end)))));
  const r = relationAt(relations, tokens[trigger].start);
  if (!r) return { source: null, cue: null, certainty: 'asserted' };
  const cue = r.cue ? { text: r.cue.text, start: r.cue.start, end: r.cue.end } : null;
  // A cue verb the cue table knows keeps the certainty events had from it ("claimed": alleged).
  let certainty = r.certainty;
  if (r.cue) {
    for (const t of itemsWithin(tokens, r.cue.start, r.cue.end)) {
      if (t.pos !== 'VERB') continue;
      const c = cueTable().verbs.get(t.lemma);
      if (c) { certainty = c; break; }
    }
  }
  return { source: r.source?.entity ?? null, cue, certainty };
}

export function attribute(a: AttributionInput): Attribution {
  const t = cueTable();
  const { tokens, text } = a;
  const s = a.sentence.tokenStart;
  const e = a.sentence.tokenEnd;
  let source: EntityMention | Attribution['source'] = null;
  let cue: Attribution['cue'] = null;
  let certainty: Certainty = 'asserted';
  if (a.relations) {
    ({ source, cue, certainty } = fromRelations(a.relations, tokens, a.trigger));
    return hedged(a, t, source, cue, certainty);
  }
  // "according to X", anywhere in the sentence.
  for (const p of t.phrases) {
    for (let i = s; i + p.words.length <= e; i++) {
      if (p.words.every((w, k) => tokens[i + k].normal === w)) {
        const last = i + p.words.length - 1;
        cue = { text: text.slice(tokens[i].start, tokens[last].end), start: tokens[i].start, end: tokens[last].end };
        // The source may sit a few words in: "according to a statement from Pentagon".
        source = mentionAt(a.mentions, tokens, last + 1, Math.min(e, last + 8));
        certainty = p.certainty;
        break;
      }
    }
    if (cue) break;
  }
  // A reporting verb before the event whose clause holds the event: "X said (that) …", "as X wrote, …".
  if (!cue) {
    for (let k = a.first - 1; k >= s; k--) {
      const tok = tokens[k];
      if (tok.pos !== 'VERB') continue;
      const c = t.verbs.get(tok.lemma);
      if (!c) continue;
      cue = { text: text.slice(tok.start, tok.end), start: tok.start, end: tok.end };
      certainty = c;
      // Subject of the reporting verb: the nearest mention on its left — unless the verb is
      // passive ("he is accused of …"), whose subject is the one talked about, not the talker.
      const passive = k - 1 >= s && ['is', 'was', 'are', 'were', 'be', 'been', 'being'].includes(tokens[k - 1].normal);
      const left = a.mentions.filter((m) => m.end <= tok.start);
      // "The Red Cross operating in Syria said": a place inside a prepositional phrase is not the talker
      // (an organisation there is: "a spokeswoman for Human Rights Watch said").
      const talker = [...left].reverse().find((m) => m.type !== 'LOC' || !inPrepositionalPhrase(tokens, text, m, s)) ?? left[left.length - 1];
      source = passive ? null : talker ?? null;
      // "as Alsumaria News wrote": the subject stands right after "as".
      if (k - 1 >= s && source === null && !passive) source = mentionAt(a.mentions, tokens, Math.max(s, k - 5), k);
      break;
    }
  }
  // A reporting verb after the event: "…, the ministry said."
  if (!cue) {
    for (let k = a.trigger + 1; k < e; k++) {
      const tok = tokens[k];
      if (tok.pos !== 'VERB' || !t.verbs.has(tok.lemma)) continue;
      const before = text.slice(tokens[a.trigger].end, tok.start);
      if (!/[,”"]\s*\S*\s*\S*\s*\S*\s*$/.test(before)) continue;
      const left = a.mentions.filter((m) => m.end <= tok.start && m.start > tokens[a.trigger].end);
      if (!left.length) continue;
      cue = { text: text.slice(tok.start, tok.end), start: tok.start, end: tok.end };
      source = left[left.length - 1];
      certainty = t.verbs.get(tok.lemma)!;
      break;
    }
  }
  return hedged(a, t, source, cue, certainty);
}

/** Hedges, modals and infinitive governors in the event's own clause adjust the certainty. */
function hedged(a: AttributionInput, t: ReturnType<typeof cueTable>, source: Attribution['source'], cue: Attribution['cue'], certainty: Certainty): Attribution {
  const { tokens } = a;
  const s = a.sentence.tokenStart;
  const e = a.sentence.tokenEnd;
  // Hedges and modals in the event's own clause override "reported".
  for (let k = Math.max(s, a.first - 6); k < Math.min(e, a.trigger + 2); k++) {
    const n = tokens[k].normal;
    // A modal is a verb or conjunction here, not the month "May".
    const modalOk = ['AUX', 'VERB', 'SCONJ'].includes(tokens[k].pos);
    const hedge = t.adverbs.get(n) ?? (modalOk ? t.modals.get(n) ?? (k < a.first ? t.modals.get(tokens[k].lemma) : undefined) : undefined);
    if (hedge && (hedge !== 'reported' || certainty === 'asserted')) { certainty = hedge; break; }
  }
  // An event in an infinitive is not (yet) real: "called on the government to expel", "plans to withdraw".
  const gov = infinitiveGovernor(tokens, a.first, s, t.governors);
  if (gov && (certainty === 'asserted' || certainty === 'reported')) certainty = gov;
  return { source: source ? toEntity(source) : null, cue, certainty };
}

function infinitiveGovernor(tokens: Token[], first: number, start: number, governors: Map<string, Certainty>): Certainty | null {
  let k = first - 1;
  if (k >= start && tokens[k].normal === 'not') k--;
  if (k < start || tokens[k].normal !== 'to') return null;
  for (let j = k - 1; j >= Math.max(start, k - 8); j--) {
    const t = tokens[j];
    if (t.pos === 'VERB' || t.pos === 'NOUN') {
      const c = governors.get(t.lemma);
      if (c) return c;
    }
    if (t.pos === 'PUNCT' && t.normal !== '-') return null;
  }
  return null;
}
